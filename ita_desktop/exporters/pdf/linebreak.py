"""Thai-aware line breaking: words from split_words, shaped widths, emergency breaks.

Public API:
    build_units(runs) -> list[Unit]
        `runs` is a list of (text, Fmt) pairs, or HARD_BREAK for a forced line end. The text is
        cut into words with ita_desktop.thai.segmentation.split_words; each word is shaped.
        Words that must stay together (no break before "ๆ", ")" or ","; none after "(";
        none inside Latin/digit runs such as URLs, "พ.ศ.2567" or "ITA-2567") form one Unit.
    break_lines(units, first_width, width) -> list[Line]
        Greedy filling. Lines end only between units (word boundaries) or at a hard break;
        spaces at line ends are dropped. A unit longer than a whole line is broken at the
        best place inside it: URL style (after / : @ = &, before . , - _ ? # % ~) in Latin
        text, between Thai character clusters (TCC) in Thai text, between characters (never
        inside a cluster) as a last resort.
    cluster_gaps(box) -> list[int]
        Glyph indexes after which inter-cluster justification space may go (Thai only).

No zero-width space or any other invisible character is ever inserted.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from ita_desktop.exporters.pdf.render import Box, Fmt, make_box
from ita_desktop.exporters.pdf.shaping import thai_cuts as _thai_cuts
from ita_desktop.thai.segmentation import split_words

_EPS = 0.01
_MIN_HEAD = 0.6  # a line shortened to avoid splitting a compound keeps this share of width
NBSP = set("\u00a0\u202f\u2007")  # no-break spaces: drawn as spaces, never a line end
NO_BREAK_BEFORE = set("ๆฯ)]}>,.:;!?%”’»…\"'-/") | NBSP
NO_BREAK_AFTER = set("([{<“‘«\"'-/") | NBSP
_BREAK_AFTER = set("/:@=&")
_BREAK_BEFORE = set(".,-_?#%~")


class _HardBreak:
    """A forced line end (<br/>)."""

    def __repr__(self) -> str:
        return "HARD_BREAK"


HARD_BREAK = _HardBreak()
Run = tuple[str, Fmt] | _HardBreak


@dataclass(slots=True)
class Unit:
    """Boxes that must stay on one line (a word with its glued punctuation), or a space."""

    boxes: list[Box]
    width: float
    space: bool = False
    joined: bool = False  # a piece of a broken long word: no justification gap before it


@dataclass(slots=True)
class Line:
    """One laid-out line. stretch[i]: a word gap (justification point) comes before boxes[i]."""

    boxes: list[Box] = field(default_factory=list)
    stretch: list[bool] = field(default_factory=list)
    width: float = 0.0
    hard: bool = False  # ends the paragraph or a <br/>: never justified
    units: list[Unit] = field(default_factory=list)


Item = Unit | _HardBreak


def is_thai(ch: str) -> bool:
    return "\u0e00" <= ch <= "\u0e7f"


def _can_break(left: str, right: str) -> bool:
    """May a line end between two adjacent non-space words?"""
    a, b = left[-1], right[0]
    if b in NO_BREAK_BEFORE or a in NO_BREAK_AFTER:
        return False
    if unicodedata.category(b) in ("Mn", "Mc"):
        return False
    return is_thai(a) or is_thai(b)


def build_units(runs: Iterable[Run]) -> list[Item]:
    """Turn formatted runs into breakable units (see module docstring)."""
    items: list[Item] = []
    segment: list[tuple[str, Fmt]] = []
    for run in runs:
        if isinstance(run, _HardBreak):
            items.extend(_segment_units(segment))
            items.append(HARD_BREAK)
            segment = []
        elif run[0]:
            segment.append(run)
    items.extend(_segment_units(segment))
    return items


def _segment_units(runs: Sequence[tuple[str, Fmt]]) -> list[Unit]:
    if not runs:
        return []
    text = "".join(t for t, _ in runs)
    bounds: list[tuple[int, int, Fmt]] = []
    pos = 0
    for t, fmt in runs:
        bounds.append((pos, pos + len(t), fmt))
        pos += len(t)
    units: list[Unit] = []
    prev_word = ""
    pos = ri = 0
    for token in split_words(text):
        end = pos + len(token)
        if token.isspace() and not NBSP.intersection(token):
            while bounds[ri][1] <= pos:
                ri += 1
            box = make_box(token, bounds[ri][2])
            units.append(Unit([box], box.width, space=True))
            prev_word = ""
        else:
            boxes = []
            while ri < len(bounds) and bounds[ri][1] <= pos:
                ri += 1
            k = ri
            start = pos
            while start < end:
                _, b1, fmt = bounds[k]
                stop = min(end, b1)
                piece = text[start:stop]
                # keep combining marks with their base letter even across a format change
                while stop < end and unicodedata.category(text[stop]) in ("Mn", "Mc"):
                    stop += 1
                    piece = text[start:stop]
                boxes.append(make_box(piece, fmt))
                start = stop
                while k + 1 < len(bounds) and bounds[k][1] <= start:
                    k += 1
            width = sum(b.width for b in boxes)
            if prev_word and not _can_break(prev_word, token):
                last = units[-1]
                last.boxes.extend(boxes)
                last.width += width
            else:
                units.append(Unit(boxes, width))
            prev_word = token
        pos = end
    return units


def break_lines(items: Sequence[Item], first_width: float, width: float) -> list[Line]:
    """Fill lines greedily; see the module docstring."""
    lines: list[Line] = []
    cur: list[Unit] = []
    cur_w = 0.0

    def avail() -> float:
        return first_width if not lines else width

    for idx, item in enumerate(items):
        if isinstance(item, _HardBreak):
            lines.append(_make_line(cur, True))
            cur, cur_w = [], 0.0
            continue
        if item.space:
            if cur:
                cur.append(item)
                cur_w += item.width
            continue
        if cur_w + item.width <= avail() + _EPS:
            cur.append(item)
            cur_w += item.width
            continue
        if item.width <= width + _EPS:
            if cur:
                keep = _best_break(cur, items, idx, avail(), width)
                lines.append(_make_line(cur[:keep], False))
                cur = _lstrip(cur[keep:])
                cur_w = sum(u.width for u in cur)
            cur.append(item)
            cur_w += item.width
            continue
        for piece in _split_long(item, width):  # longer than any line: break inside it
            if cur and cur_w + piece.width > avail() + _EPS:
                lines.append(_make_line(cur, False))
                cur, cur_w = [], 0.0
            cur.append(piece)
            cur_w += piece.width
    if cur or not lines:
        lines.append(_make_line(cur, True))
    else:
        lines[-1].hard = True
    return lines


def _lstrip(units: list[Unit]) -> list[Unit]:
    i = 0
    while i < len(units) and units[i].space:
        i += 1
    return units[i:]


def _make_line(units: list[Unit], hard: bool) -> Line:
    line = Line(hard=hard, units=units)
    end = len(units)
    while end and units[end - 1].space:  # spaces at the end of a line are not drawn
        end -= 1
    for unit in units[:end]:
        for j, box in enumerate(unit.boxes):
            line.stretch.append(j == 0 and bool(line.boxes) and not unit.joined)
            line.boxes.append(box)
        line.width += unit.width
    return line


def _unit_text(units: Iterable[Item]) -> str:
    return "".join(b.text for u in units if isinstance(u, Unit) for b in u.boxes)


def _best_break(cur: list[Unit], items: Sequence[Item], idx: int, avail: float,
                width: float) -> int:
    """Where the line ending before items[idx] should end (an index into cur): len(cur),
    unless the two words meeting there read as one word or cluster when seen on their own
    (e.g. การ|ปฏิบัติ, or ได้ ผล across a space), and ending a word or two earlier works."""
    nxt = items[idx]
    for j in range(len(cur), max(0, len(cur) - 3), -1):
        if j < len(cur):
            rest = sum(u.width for u in _lstrip(cur[j:])) + nxt.width
            head = sum(u.width for u in cur[:j] if not u.space)
            if rest > width + _EPS or head < _MIN_HEAD * avail:
                break
        if (cur[j] if j < len(cur) else nxt).joined:
            return j
        before = _unit_text(cur[:j]).rstrip()
        before = before.rsplit(None, 1)[-1][-12:] if before else ""
        after = (_unit_text(cur[j:]) + _unit_text(items[idx:idx + 6])).lstrip()
        after = after.split(None, 1)[0][:12] if after else ""
        if not (before and after and is_thai(before[-1]) and is_thai(after[0])):
            return j
        if _natural_break(before, after):
            return j
    return len(cur)


@lru_cache(maxsize=8192)
def _natural_break(before: str, after: str) -> bool:
    """Do the character clusters (TCC) and a dictionary segmenter (newmm or longest matching)
    both allow a break between `before` and `after`, read without the rest of the text?"""
    from pythainlp.tokenize import subword_tokenize, word_tokenize

    text, k = before + after, len(before)
    if k not in _ends(subword_tokenize(text, engine="tcc")):
        return False
    return any(k in _ends(word_tokenize(text, engine=e)) for e in ("newmm", "longest"))


def _ends(tokens: list[str]) -> set[int]:
    out, pos = set(), 0
    for t in tokens:
        pos += len(t)
        out.add(pos)
    return out


def _split_long(unit: Unit, width: float) -> list[Unit]:
    """Pieces of an over-long unit, cut at the nicest places that make each piece fit."""
    chunks: list[Box] = []
    for box in unit.boxes:
        for part in _cut(box.text, _preferred_cuts(box.text)):
            chunk = make_box(part, box.fmt)
            if chunk.width <= width + _EPS:
                chunks.append(chunk)
            else:
                chunks.extend(make_box(p, box.fmt) for p in _cut(part, _fallback_cuts(part)))
    pieces: list[Unit] = []
    for chunk in chunks:
        if pieces and pieces[-1].width + chunk.width <= width + _EPS:
            last = pieces[-1]
            last.boxes.append(chunk)
            last.width += chunk.width
        else:
            pieces.append(Unit([chunk], chunk.width, joined=bool(pieces)))
    # merge neighbouring chunks of one format back into one shaped box (kerning, fewer ops)
    for piece in pieces:
        merged: list[Box] = []
        for b in piece.boxes:
            if merged and merged[-1].fmt == b.fmt:
                merged[-1] = make_box(merged[-1].text + b.text, b.fmt)
            else:
                merged.append(b)
        piece.boxes = merged
        piece.width = sum(b.width for b in merged)
    return pieces


def _cut(text: str, cuts: Iterable[int]) -> list[str]:
    out, last = [], 0
    for c in sorted(set(cuts)):
        if last < c < len(text):
            out.append(text[last:c])
            last = c
    out.append(text[last:])
    return out


def _preferred_cuts(text: str) -> list[int]:
    """URL style (Chicago Manual): after / : @ = &, before . , - _ ? # % ~ (a line that ends
    in "-" would also be read as a hyphenated word and joined by pdftotext); and at Thai
    character clusters."""
    cuts = [i + 1 for i, ch in enumerate(text[:-1]) if ch in _BREAK_AFTER
            and text[i + 1] not in _BREAK_AFTER]
    cuts += [i for i, ch in enumerate(text) if i and ch in _BREAK_BEFORE
             and text[i - 1] not in _BREAK_BEFORE and text[i - 1] not in _BREAK_AFTER]
    cuts += _thai_cuts(text)
    return cuts


def _fallback_cuts(text: str) -> list[int]:
    """Every character boundary that does not split a character cluster."""
    cuts = set(_thai_cuts(text))
    for i in range(1, len(text)):
        a, b = text[i - 1], text[i]
        if (not is_thai(a) and not is_thai(b) and a != "-"
                and unicodedata.category(b) not in ("Mn", "Mc")):
            cuts.add(i)
    return sorted(cuts)


def cluster_gaps(box: Box) -> tuple[int, ...]:
    """Glyph indexes of `box` after which inter-cluster justification space may go."""
    return () if box.space else box.shaped.cluster_gaps
