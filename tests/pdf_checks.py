"""Read a PDF back as a reader's tools do (poppler, pdfplumber) and measure its Thai quality."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import asdict, dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

import pdfplumber
import pytest
from pythainlp.tokenize import subword_tokenize, word_tokenize

THAI = re.compile(r"[\u0e00-\u0e7f]")
# private-use characters (BMP and planes 15-16) and U+FFFD: glyphs that do not copy as text
GARBLED = re.compile(r"[\ue000-\uf8ff\ufffd\U000f0000-\U0010ffff]")
_CONSONANT = "\u0e01-\u0e2e"  # ก..ฮ, with ฤ and ฦ
_MARKS = "\u0e31\u0e34-\u0e3a\u0e47-\u0e4e"  # vowels and signs written above or below a base
_BROKEN_THAI = re.compile(
    rf"(?<![{_CONSONANT}{_MARKS}])[{_MARKS}]"  # a mark with no consonant to sit on
    r"|[\u0e48-\u0e4b]{2}"  # two tone marks
    r"|[\u0e31\u0e34-\u0e37]{2}"  # two vowels above
    r"|[\u0e38-\u0e3a]{2}"  # two vowels below
    rf"|[\u0e40-\u0e44](?![{_CONSONANT}])"  # a leading vowel (เ แ โ ใ ไ) before no consonant
)
SAMPLES = 6  # how many offending line ends a report quotes
_CONTEXT = 12  # characters of each side of a line end that are segmented
Break = Literal["cluster", "word"]


# ---------------------------------------------------------------- command-line tools
def require_tool(name: str) -> str:
    """The path of a command-line tool the PDF tests need; fails (never skips) without it."""
    path = shutil.which(name)
    if path is None:
        pytest.fail(
            f"`{name}` is not installed: the PDF tests read their output back with "
            "poppler-utils (apt-get install poppler-utils)",
            pytrace=False,
        )
    return path


def run_tool(name: str, *args: str | int | Path) -> str:
    """Run a command-line tool and return what it printed (UTF-8)."""
    return subprocess.run(
        [require_tool(name), *map(str, args)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=True,
    ).stdout


def pdftotext(path: str | Path, *, layout: bool = False) -> str:
    """The text of a PDF as pdftotext extracts it (pages separated by form feeds)."""
    return run_tool("pdftotext", *(["-layout"] if layout else []), "-enc", "UTF-8", path, "-")


@dataclass(frozen=True)
class PdfFont:
    """One row of pdffonts' table."""

    name: str
    type: str
    encoding: str
    embedded: bool
    subset: bool
    unicode: bool


def pdffonts(path: str | Path) -> list[PdfFont]:
    """The fonts a PDF uses, as pdffonts lists them."""
    fonts = []
    for line in run_tool("pdffonts", path).splitlines()[2:]:
        cols = line.split()  # name, type (may hold spaces), encoding, emb, sub, uni, object ID
        if len(cols) < 8:
            continue
        emb, sub, uni = (c == "yes" for c in cols[-5:-2])
        fonts.append(PdfFont(cols[0], " ".join(cols[1:-6]), cols[-6], emb, sub, uni))
    return fonts


# ---------------------------------------------------------------- extracted text
def garbled_chars(text: str) -> int:
    """Characters that come out of copy-paste as private-use codes or U+FFFD."""
    return len(GARBLED.findall(text))


def broken_thai(text: str) -> int:
    """Thai sequences no correct text has: a mark without a consonant under it, two tone
    marks or two vowels stacked on one side, a leading vowel before no consonant."""
    return len(_BROKEN_THAI.findall(_clean(text)))


def _clean(text: str) -> str:
    """Sara am as one character (extractors may give nikhahit + sara aa); garbled left out."""
    return GARBLED.sub("", text.replace("\u0e4d\u0e32", "\u0e33"))


def _flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


# ---------------------------------------------------------------- line ends
@dataclass(frozen=True)
class Fragment:
    """A run of characters drawn one after another on one baseline."""

    x0: float
    bottom: float
    size: float
    text: str


@dataclass(frozen=True)
class Join:
    """Two consecutive lines of one column that meet in Thai letters: the last word of the
    upper line (`tail`) and the first word of the lower (`head`), each cut to 12 characters."""

    page: int
    tail: str
    head: str

    def __str__(self) -> str:
        return f"{self.tail}|{self.head}"


def fragments(chars: Iterable[Mapping[str, Any]]) -> list[Fragment]:
    """pdfplumber's characters of a page, in drawing order, as runs on one baseline: a run
    ends where the baseline moves by 0.4 of the font size, a gap wider than 12 pt opens or
    the pen goes back by more than 0.6 of the font size (a new line, cell or column)."""
    runs: list[list[Mapping[str, Any]]] = []
    for c in chars:
        if runs:
            run = runs[-1]
            first, last = run[0], run[-1]
            if (
                abs(c["bottom"] - first["bottom"]) <= 0.4 * first["size"]
                and c["x0"] - last["x1"] <= 12
                and c["x0"] >= last["x0"] - 0.6 * first["size"]
            ):
                run.append(c)
                continue
        runs.append([c])
    return [
        Fragment(
            min(c["x0"] for c in run),
            run[0]["bottom"],
            run[0]["size"],
            "".join(c["text"] for c in run),
        )
        for run in runs
    ]


def joins(frags: Sequence[Fragment], page: int = 1) -> Iterator[Join]:
    """The line ends inside Thai text among a page's fragments: a fragment and the nearest
    one that starts at its left edge (2 pt) one line lower (0.9 to 2.2 font sizes), both
    meeting in Thai letters."""
    for a in frags:
        below = [
            b
            for b in frags
            if abs(b.x0 - a.x0) < 2 and 0.9 * a.size < b.bottom - a.bottom < 2.2 * a.size
        ]
        if not below:
            continue
        b = min(below, key=lambda f: f.bottom)
        left, right = a.text.rstrip(), b.text.lstrip()
        if not (left and right and THAI.match(left[-1]) and THAI.match(right[0])):
            continue
        tail = _clean(re.split(r"\s", left)[-1])[-_CONTEXT:]
        head = _clean(re.split(r"\s", right)[0])[:_CONTEXT]
        if tail and head:
            yield Join(page, tail, head)


def _ends(tokens: Iterable[str]) -> set[int]:
    out, pos = set(), 0
    for token in tokens:
        pos += len(token)
        out.add(pos)
    return out


@lru_cache(maxsize=65536)
def judge(tail: str, head: str) -> Break | None:
    """What a line end between `tail` and `head` cuts: "cluster" when it falls inside a Thai
    character cluster (TCC: ไ|ด้), always wrong; "word" when pythainlp's newmm and longest
    matching segmenters both see one word across it; None when a reader sees a word end."""
    text, at = tail + head, len(tail)
    if at not in _ends(subword_tokenize(text, engine="tcc")):
        return "cluster"
    if any(at in _ends(word_tokenize(text, engine=e)) for e in ("newmm", "longest")):
        return None
    return "word"


# ---------------------------------------------------------------- the report
@dataclass(frozen=True)
class ThaiReport:
    """What a reader of the PDF would meet.

    fonts_not_embedded  fonts the PDF uses but does not carry (pdffonts)
    garbled_chars       private-use or replacement characters in pdftotext's text
    broken_thai         impossible Thai sequences in that text (see broken_thai())
    phrases_missing     phrases asked for that the text lacks (white space ignored)
    line_joins          consecutive lines of one column that meet in Thai letters
    cluster_breaks      joins that cut a Thai character cluster
    word_breaks         joins inside a word, by both newmm and longest matching
    samples             the first offending joins, as "tail|head"
    """

    pages: int
    fonts: int
    fonts_not_embedded: int
    thai_chars: int
    garbled_chars: int
    broken_thai: int
    phrases_missing: list[str]
    line_joins: int
    cluster_breaks: int
    word_breaks: int
    samples: list[str]

    def problems(self) -> list[str]:
        """Each figure that should be zero (or empty) and is not, in words."""
        out = [
            f"{name.replace('_', ' ')}: {value}"
            for name in (
                "fonts_not_embedded",
                "garbled_chars",
                "broken_thai",
                "cluster_breaks",
                "word_breaks",
            )
            if (value := getattr(self, name))
        ]
        if self.phrases_missing:
            out.append(f"phrases missing: {self.phrases_missing}")
        if out and self.samples:
            out.append(f"e.g. {', '.join(self.samples)}")
        return out


def read_back(path: str | Path, phrases: Sequence[str] = ()) -> ThaiReport:
    """Read the PDF at `path` back and measure it (see ThaiReport)."""
    fonts = pdffonts(path)
    text = pdftotext(path)
    flat = _flat(text)
    n_joins, cluster, word, samples = 0, 0, 0, []
    with pdfplumber.open(path) as pdf:
        pages = len(pdf.pages)
        for number, page in enumerate(pdf.pages, start=1):
            for join in joins(fragments(page.chars), number):
                n_joins += 1
                verdict = judge(join.tail, join.head)
                cluster += verdict == "cluster"
                word += verdict == "word"
                if verdict:
                    samples.append(str(join))
    return ThaiReport(
        pages=pages,
        fonts=len(fonts),
        fonts_not_embedded=sum(not f.embedded for f in fonts),
        thai_chars=len(THAI.findall(text)),
        garbled_chars=garbled_chars(text),
        broken_thai=broken_thai(text),
        phrases_missing=[p for p in phrases if _flat(p) not in flat],
        line_joins=n_joins,
        cluster_breaks=cluster,
        word_breaks=word,
        samples=samples[:SAMPLES],
    )


def assert_clean(report: ThaiReport) -> None:
    """Fail with the report's problems, if it has any."""
    problems = report.problems()
    assert not problems, "; ".join(problems)


def main(argv: Sequence[str]) -> int:
    """`python -m tests.pdf_checks FILE.pdf [PHRASE ...]`: the figures as one JSON line."""
    if not argv:
        print(main.__doc__, file=sys.stderr)
        return 2
    print(json.dumps(asdict(read_back(argv[0], argv[1:])), ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
