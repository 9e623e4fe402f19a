"""Page rules a typesetter keeps, checked on every demo document (read from the flowables the
writer drew, from the PDF's text and from its rendered pages): headings and signatures stay
with their text; no page holds only a repeated header and a line or two; a measure's title is
never cut; no-break joins hold; nothing crosses a margin; contents entries hang with a full
leader; landscape pages only for the wide tables; numbered items never leave their number
alone; table columns balanced by their content."""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path

import numpy as np
import pdfplumber
import pytest
from PIL import Image

from ita_desktop.documents.blocks import Document
from ita_desktop.documents.bundle import build_document
from ita_desktop.exporters.pdf.flowables import ThaiParagraph
from ita_desktop.exporters.pdf.tables import MIN_TAIL, GridTable
from ita_desktop.exporters.pdf.toc import HeadingFlow
from ita_desktop.exporters.pdf.writer import MARGINS, KeepTail
from ita_desktop.services.organizations import find_organization
from ita_desktop.services.reports import load_context
from tests.exporters.pdf.page_rules_layout import Layout, balanced, body_lines, laid_out
from tests.pdf_checks import pdftotext, run_tool

CM = 72 / 2.54
DEMO = {  # the demo's organisations and years, every document of each bundle
    "trang": ("เทศบาลนครตรัง", 2564),
    "phanom": ("นครพนม", 2566),
    "pathom-2567": ("นครปฐม", 2567),
    "pathom-2568": ("นครปฐม", 2568),
    "nabon": ("นาบอน", 2564),
}


@dataclass
class Printed:
    doc: Document
    layout: Layout
    pdf: Path


@pytest.fixture(scope="module")
def printed(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Printed]:
    from ita_desktop.demo.builder import build_demo

    folder = tmp_path_factory.mktemp("page_rules")
    repo = build_demo(folder / "demo.sqlite")
    out = {}
    try:
        for name, (org_name, year) in DEMO.items():
            org = find_organization(repo, org_name)
            assert org.id is not None
            doc = build_document(load_context(repo, org.id, year), "all")
            pdf = folder / f"{name}.pdf"
            out[name] = Printed(doc, laid_out(doc, pdf), pdf)
    finally:
        repo.close()
    return out


def _tables(flow: object) -> GridTable | None:
    table = flow.para if isinstance(flow, KeepTail) else flow
    return table if isinstance(table, GridTable) and table.borders else None


# ---------------------------------------------------------------- keeping together
def test_headings_keep_with_the_lines_after_them(printed: dict[str, Printed]) -> None:
    for name, p in printed.items():
        for page in p.layout.pages:
            content = p.layout.content(page)
            assert content and not isinstance(content[-1].flow, HeadingFlow), (
                name,
                page,
                "a heading ends the page",
            )


def test_signatures_never_open_a_page_alone(printed: dict[str, Printed]) -> None:
    checked = 0
    for name, p in printed.items():
        for page in p.layout.pages:
            content = p.layout.content(page)
            first = content[0].flow
            signs = isinstance(first, GridTable) and not first.borders
            if isinstance(first, KeepTail) or signs:
                checked += 1
            assert not signs, (name, page, "the signatures open the page without their text")
    assert checked >= 3


def test_no_page_holds_only_a_header_and_a_line_or_two(printed: dict[str, Printed]) -> None:
    """A table's last piece on a page of its own, or any piece that continues a cut row,
    holds MIN_TAIL lines or more."""
    measured = 0
    for name, p in printed.items():
        for page in p.layout.pages:
            for placed in p.layout.content(page):
                table = _tables(placed.flow)
                if table is None or not table.continued:
                    continue
                measured += 1
                lines = body_lines(table)
                assert lines >= MIN_TAIL - 0.01, (name, page, f"{lines:.1f} lines")
    assert measured >= 10


def test_a_measure_title_is_never_cut(printed: dict[str, Printed]) -> None:
    """A row continued on a new page starts with "(ต่อ)" in its first cell: its title (the
    first cell's first paragraph) ended whole on the page before."""
    cut = 0
    for name, p in printed.items():
        for page in p.layout.pages:
            for placed in p.layout.content(page):
                table = _tables(placed.flow)
                if table is None or not table.continued or not table.rows:
                    continue
                first = table.rows[0].cells[0].flows
                if first and isinstance(first[0], ThaiParagraph) and first[0].text == "(ต่อ)":
                    cut += 1
                assert not (first and getattr(first[0], "_continued", False)), (name, page)
    assert cut >= 3  # rows were cut, their titles kept whole


# ---------------------------------------------------------------- text
NUMBER = r"[0-9๐-๙]"
MONTHS = (
    "มกราคม|กุมภาพันธ์|มีนาคม|เมษายน|พฤษภาคม|มิถุนายน|กรกฎาคม|สิงหาคม|กันยายน|ตุลาคม|"
    r"พฤศจิกายน|ธันวาคม|ม\.ค\.|ก\.พ\.|มี\.ค\.|เม\.ย\.|พ\.ค\.|มิ\.ย\.|ก\.ค\.|ส\.ค\.|ก\.ย\.|"
    r"ต\.ค\.|พ\.ย\.|ธ\.ค\."
)
ENDS_BEFORE_NUMBER = re.compile(rf"(?:พ\.ศ\.|ไตรมาสที่|ตัวชี้วัดที่|ร้อยละ|{MONTHS})$")


def test_no_break_joins_hold(printed: dict[str, Printed]) -> None:
    """No line ends at "พ.ศ." "ไตรมาสที่" "ตัวชี้วัดที่" "ร้อยละ" or a month with its number
    on the next, and no line starts with "คะแนน" after a number."""
    for name, p in printed.items():
        lines = [line.strip() for line in pdftotext(p.pdf).splitlines() if line.strip()]
        for a, b in pairwise(lines):
            assert not (ENDS_BEFORE_NUMBER.search(a) and re.match(NUMBER, b)), (name, a, b)
            assert not (re.search(f"{NUMBER}$", a) and re.match(r"คะแนน(?!\S)", b)), (name, a, b)


def test_no_number_alone_on_a_line(printed: dict[str, Printed]) -> None:
    for name, p in printed.items():
        for line in pdftotext(p.pdf).splitlines():
            assert not re.fullmatch(r"\s*\(?[0-9๐-๙]{1,3}[.)]\s*", line), (name, line)


# ---------------------------------------------------------------- page geometry
def test_nothing_crosses_a_margin(printed: dict[str, Printed], tmp_path: Path) -> None:
    """Every page rendered: no ink (glyphs, lines, fills) outside the text frame, beyond the
    page number's band at the top; the cover is left out."""
    dpi = 72
    for name, p in printed.items():
        run_tool("pdftoppm", "-r", dpi, "-gray", "-f", 2, p.pdf, tmp_path / name)
        for image in sorted(tmp_path.glob(f"{name}-*.pgm")):
            number = int(image.stem.rsplit("-", 1)[1])
            ink = np.asarray(Image.open(image)) < 160
            h, w = ink.shape
            left, right, top, bottom = MARGINS["landscape" if w > h else "portrait"]
            ys, xs = np.nonzero(ink)
            # 1.5 pt: a pixel of anti-aliasing on either side of a glyph or a rule
            assert xs.min() >= left - 1.5 and xs.max() <= w - right + 1.5, (name, number)
            assert ys.max() <= h - bottom + 1.5, (name, number, "below the bottom margin")
            header = ys < 1.9 * CM  # the page number, "- ๒ -", 1.4 cm from the top
            assert ys[~header].min() >= top - 1.5, (name, number, "above the top margin")


def test_landscape_pages_only_for_the_wide_tables(printed: dict[str, Printed]) -> None:
    landscape_pages = 0
    for name, p in printed.items():
        for page, (width, _) in p.layout.frames.items():
            if width < 600:
                continue
            landscape_pages += 1
            tables = [_tables(x.flow) for x in p.layout.content(page)]
            assert any(t is not None for t in tables), (name, page, "text on a landscape page")
    assert landscape_pages >= 10


def test_contents_entries_hang_and_lead_to_their_page(printed: dict[str, Printed]) -> None:
    """On the contents page, a wrapped entry's next lines start right of its first, and every
    entry's dots run from the end of its (last) line to its page number."""
    wrapped = 0
    for name, p in printed.items():
        with pdfplumber.open(p.pdf) as pdf:
            page = next(pg for pg in pdf.pages if "สารบัญ" in (pg.extract_text() or ""))
            rows: list[list[dict]] = []
            for ch in sorted(page.chars, key=lambda c: c["bottom"]):  # lines: baselines 3 pt apart
                if rows and ch["bottom"] - rows[-1][-1]["bottom"] < 3:
                    rows[-1].append(ch)
                else:
                    rows.append([ch])
            rows = [sorted(chars, key=lambda c: c["x0"]) for chars in rows]
            rows = [r for r in rows if "".join(c["text"] for c in r).strip()][2:]  # title, header
            start = None
            for row in rows:
                text = [c for c in row if not c["text"].isspace()]
                while text and re.fullmatch(r"[\d๐-๙]", text[-1]["text"]):
                    text.pop()  # the page number
                i = len(text)
                while i and text[i - 1]["text"] == ".":
                    i -= 1
                words, dots = text[:i], text[i:]  # the title's line, the leader
                if start is not None and words and words[0]["x0"] > start + 1:
                    wrapped += 1  # a continuation line, hanging
                if len(dots) < 2:
                    start = words[0]["x0"] if start is None and words else start
                    continue
                start = None
                gap = dots[0]["x0"] - words[-1]["x1"]
                # DOT_GAP, and up to a dot's pitch where the dots are set from the number
                assert gap < 26, (name, "".join(c["text"] for c in row), gap)
    assert wrapped >= 2


def test_table_columns_are_balanced_by_their_content(printed: dict[str, Printed]) -> None:
    """No column is over twice its fair height while another, which could give width, stands
    mostly empty."""
    measured = 0
    for name, p in printed.items():
        seen: set[int] = set()
        for page in p.layout.pages:
            for placed in p.layout.content(page):
                table = _tables(placed.flow)
                if table is None or table.continued or id(table.rows) in seen:
                    continue
                seen.add(id(table.rows))
                width = p.layout.frames[page][0]
                if len(table.rows) < 3:
                    continue
                measured += 1
                assert balanced(table, width), (name, page, [round(w) for w in table._cols(width)])
    assert measured >= 8
