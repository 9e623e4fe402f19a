"""GridTable as a typesetter would set it: columns that follow the text, pages filled, rows cut
only between lines (never a lonely line, never an empty cell at the foot of a page), headings
kept with their rows, a table started under the text before it when a couple of rows fit."""

from __future__ import annotations

import io
from itertools import pairwise

import pytest
from reportlab.lib.pagesizes import A4, landscape
from reportlab.platypus import Frame, PageTemplate, Spacer
from reportlab.platypus.doctemplate import BaseDocTemplate

from ita_desktop.exporters.pdf import tables as T
from ita_desktop.exporters.pdf import textflow as tf
from ita_desktop.exporters.pdf.tables import GCell, GridTable, GRow
from tests.exporters.pdf.page_rules_layout import balanced

SIZE = tf.TABLE_SIZE
LINE = SIZE * 1.4
PAGE = landscape(A4)
MARGIN = 50.0
FRAME_H = PAGE[1] - 2 * MARGIN
FRACTIONS = [0.20, 0.31, 0.12, 0.12, 0.12, 0.13]
UNITS = ["กองยุทธศาสตร์และงบประมาณ", "สำนักปลัดเทศบาล", "กองคลัง"]
PERIODS = ["มกราคม ๒๕๖๕ – เมษายน ๒๕๖๕", "ตุลาคม ๒๕๖๔ – กันยายน ๒๕๖๕"]
STEP = "จัดประชุมชี้แจงแนวทางการปฏิบัติให้บุคลากรทุกกองทราบและรายงานผลต่อผู้บริหาร"


def para(text: str) -> object:
    return tf.para(text, tf.cell_style(SIZE, "left"))


def measure_row(i: int, steps: int) -> GRow:
    return GRow(
        [
            GCell([para(f"{i}. มาตรการส่งเสริมความโปร่งใสในการจัดซื้อจัดจ้างของหน่วยงาน")]),
            GCell([para(f"{k}) {STEP}") for k in range(1, steps + 1)]),
            GCell([para(UNITS[i % len(UNITS)])]),
            GCell([para(PERIODS[i % len(PERIODS)])]),
            GCell([para("รายงานผลต่อผู้บริหารทุกไตรมาส")]),
            GCell([para("ตัวชี้วัดที่ ๙ การเปิดเผยข้อมูล")]),
        ]
    )


def table(rows: list[GRow], fit: bool = True, words: bool = False) -> GridTable:
    """The measures table; `words`: no column narrower than a word it holds, as the writer
    sets them (else any width goes)."""
    header = GRow(
        [
            GCell([tf.para(h, tf.cell_style(SIZE, "center", True))])
            for h in (
                "มาตรการ",
                "ขั้นตอนหรือวิธีการดำเนินการ",
                "หน่วยงานผู้รับผิดชอบ",
                "ระยะเวลาดำเนินการ",
                "การกำกับติดตาม",
                "ตัวชี้วัดที่เกี่ยวข้อง",
            )
        ],
        "header",
    )
    widest = [
        max(
            tf.widest_unit(f.text, SIZE, r is header)
            for r in [header, *rows]
            for f in r.cells[c].flows
        )
        for c in range(len(FRACTIONS) if words else 0)
    ]
    return GridTable(
        FRACTIONS,
        [header],
        rows,
        min_widths=widest if words else None,
        caption=tf.para("ตารางที่ ๑", "caption"),
        caption_continued=tf.para("ตารางที่ ๑ (ต่อ)", "caption"),
        line_height=LINE,
        continued_mark=lambda: para("(ต่อ)"),
        fit_content=fit,
    )


def typeset(
    flows: list[object], page: tuple[float, float] = PAGE
) -> list[tuple[int, GridTable, float]]:
    """Lay the flowables out (landscape pages unless told); (page, table piece, its bottom y)
    of each piece drawn."""
    drawn: list[tuple[int, GridTable, float]] = []
    original = GridTable.draw

    def draw(self: GridTable) -> None:
        drawn.append((self.canv.getPageNumber(), self, self.canv._currentMatrix[5]))
        original(self)

    doc = BaseDocTemplate(io.BytesIO(), pagesize=page)
    frame = Frame(MARGIN, MARGIN, page[0] - 2 * MARGIN, page[1] - 2 * MARGIN, 0, 0, 0, 0)
    doc.addPageTemplates([PageTemplate("p", [frame])])
    GridTable.draw = draw  # type: ignore[method-assign]
    try:
        doc.build(flows)
    finally:
        GridTable.draw = original  # type: ignore[method-assign]
    return drawn


def lines(cell: GCell, width: float) -> int:
    return round(T._flows_height(cell.flows, width - 2 * T.PAD_X) / LINE)


def test_columns_follow_the_text() -> None:
    rows = [measure_row(i, 2) for i in range(12)]
    t = table(rows, words=True)
    avail = PAGE[0] - 2 * MARGIN
    cols = t._cols(avail)
    assert sum(cols) == pytest.approx(avail)
    for w, m in zip(cols, t.min_widths):
        assert w >= m + 2 * T.PAD_X - 1e-6
    for row in rows:  # periods: one or two lines; a unit's name never makes its row taller
        assert lines(row.cells[3], cols[3]) <= 2, row.cells[3].flows
        others = max(lines(c, w) for k, (c, w) in enumerate(zip(row.cells, cols)) if k != 2)
        assert lines(row.cells[2], cols[2]) <= others, row.cells[2].flows
    designer = table([measure_row(i, 2) for i in range(12)], fit=False, words=True)
    assert t.wrap(avail, 1e7)[1] <= designer.wrap(avail, 1e7)[1]  # and no taller


def test_columns_are_balanced_by_their_content() -> None:
    """Measures of one to seven steps: the steps column takes the width the short texts can
    give (it stood at 2.2 times its fair height beside columns of two lines), and the titles,
    which are never cut, are not squeezed into a narrow column (six lines, now four)."""
    rows = [measure_row(i, 1 + i % 7) for i in range(40)]
    t = table(rows)
    avail = PAGE[0] - 2 * MARGIN
    assert balanced(t, avail)
    cols = t._cols(avail)
    assert max(lines(r.cells[0], cols[0]) for r in rows) <= 4


def test_pages_are_filled_and_rows_cut_between_lines() -> None:
    rows = [measure_row(i, 1 + i % 7) for i in range(40)]
    originals = {id(r) for r in rows}
    drawn = typeset([Spacer(1, 120), table(rows)])
    pages = [p for p, _, _ in drawn]
    assert pages == list(range(1, len(pages) + 1))  # one piece a page
    cols = drawn[0][1]._cols(PAGE[0] - 2 * MARGIN)
    titles = {lines(r.cells[0], cols[0]) for r in rows}
    for (_, piece, bottom), (_, after, _) in pairwise(drawn):
        # the page is used (less where a title, never cut, and three lines after it do not fit)
        assert (FRAME_H + MARGIN - bottom) / FRAME_H >= 0.75
        cut = id(after.rows[0]) not in originals
        if cut:  # the row continues: two lines here, three there, no empty cell, title whole
            head, tail = piece.rows[-1], after.rows[0]
            assert max(lines(c, w) for c, w in zip(head.cells, cols)) >= T.MIN_PIECE
            assert max(lines(c, w) for c, w in zip(tail.cells, cols)) >= T.MIN_TAIL
            assert all(c.flows for c in head.cells)
            assert lines(head.cells[0], cols[0]) in titles  # the measure's title, whole
            assert [f.text for f in tail.cells[0].flows] == ["(ต่อ)"]
    assert any(id(p.rows[0]) not in originals for _, p, _ in drawn[1:])  # some row was cut


def test_a_group_heading_never_ends_a_page() -> None:
    rows: list[GRow] = []
    for g in range(6):
        rows.append(GRow([GCell([para(f"กลุ่มที่ {g + 1}")], span=6)], "group"))
        rows += [measure_row(g * 10 + i, 1 + (g + i) % 3) for i in range(4)]
    for _, piece, _ in typeset([Spacer(1, 200), table(rows)]):
        assert piece.rows[-1].kind != "group"


@pytest.mark.parametrize("before", [100, 180, 250])
def test_a_table_starts_under_the_text_before_it(before: float) -> None:
    """With room for a couple of rows (or a good piece of the first) under the text, the
    table starts on that page."""
    drawn = typeset([Spacer(1, before), table([measure_row(i, 2) for i in range(10)])])
    assert drawn[0][0] == 1
    body = sum(r._heights[PAGE[0] - 2 * MARGIN] for r in drawn[0][1].rows)
    assert len(drawn[0][1].rows) >= 2 or body >= T.START_LINES * LINE


def test_no_lonely_header_at_the_foot_of_a_page() -> None:
    drawn = typeset([Spacer(1, FRAME_H - 110), table([measure_row(i, 2) for i in range(10)])])
    assert drawn[0][0] == 2


def test_a_short_table_moves_whole_rather_than_split() -> None:
    rows = [GRow([GCell([para(f"เครื่องมือที่ {i}")])] + [GCell([para("๙๕.๓๖")])] * 5) for i in range(4)]
    t = table(rows, fit=False)
    height = t.wrap(PAGE[0] - 2 * MARGIN, 1e7)[1]
    assert height <= T.SHORT_TABLE * FRAME_H
    drawn = typeset([Spacer(1, FRAME_H - height + 30), t])
    assert [p for p, _, _ in drawn] == [2]


@pytest.mark.parametrize("count, room_rows, first", [(5, 2, 0), (8, 2, 0), (8, 3, 3), (8, 6, 5)])
def test_a_short_table_splits_only_with_three_rows_a_side(
    count: int, room_rows: int, first: int
) -> None:
    """A table of under half a page (a summary, a ranking) is split only between rows with
    three rows or more on either page; else it moves whole."""
    rows = [
        GRow([GCell([para(f"ตัวชี้วัดที่ {i}")])] + [GCell([para("๙๕.๓๖")])] * 5) for i in range(count)
    ]
    t = table(rows, fit=False)
    avail, frame_h = A4[0] - 2 * MARGIN, A4[1] - 2 * MARGIN
    assert t.wrap(avail, 1e7)[1] <= T.SHORT_TABLE * frame_h
    room = t._top_height(avail) + sum(r._heights[avail] for r in rows[:room_rows]) + 8
    pieces = [len(p.rows) for _, p, _ in typeset([Spacer(1, frame_h - room), t], A4)]
    assert pieces == ([first, count - first] if first else [count])  # or moved whole


def test_splitting_a_long_table_costs_time_in_proportion_to_its_rows(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Each piece carries its rows' height on to the next: the row heights asked for per row
    stay the same for a table four times as long (they grew with its length: 216 per row at
    100 rows, 2,080 at 1,000)."""
    calls = [0]
    original = GridTable._row_height

    def counted(self: GridTable, *args: object) -> float:
        calls[0] += 1
        return original(self, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(GridTable, "_row_height", counted)
    per_row = []
    for n in (30, 120):
        calls[0] = 0
        drawn = typeset([table([measure_row(i, 1 + i % 7) for i in range(n)])])
        assert len(drawn) > n // 3  # many pages, many splits
        per_row.append(calls[0] / n)
    assert per_row[1] < 2 * per_row[0] and per_row[1] < 20, per_row  # was four times
