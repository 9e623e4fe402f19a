"""Excel export layout: no row above Excel's 409 pt (long analysis text over several rows, a
long read-back cell in a smaller font), fitted to the page's width only, within the width
that prints readable text, and text cells without a number format."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from ita_desktop.documents import workbook_layout as L
from ita_desktop.documents.narrative import section_title
from ita_desktop.domain.models import Measure
from ita_desktop.exporters.workbook import style
from ita_desktop.exporters.workbook.texts import row_parts
from ita_desktop.services.assessments import set_narrative
from ita_desktop.services.export import export_document
from ita_desktop.services.imports import import_workbook, preview_workbook
from ita_desktop.services.measures import add_measure
from ita_desktop.thai.digits import to_arabic_digits
from tests.importers.fixtures import cells, scored_year

LONG = " ".join(f"ข้อความวิเคราะห์ยาวมากประโยคที่ {i} เพื่อทดสอบความสูงของแถว" for i in range(150))
STEPS = [f"ขั้นตอนที่ {i} จัดทำแนวทางปฏิบัติและเผยแพร่ให้บุคลากรทุกคนรับทราบ" for i in range(12)]


@pytest.fixture
def long_book(tmp_path: Path) -> Path:
    repo, org_id, aid = scored_year(tmp_path / "l.sqlite")
    try:
        set_narrative(repo, aid, "strengths", LONG + "\n\n" + LONG)
        add_measure(repo, aid, Measure("มาตรการยาว", [1], STEPS, ["สำนักปลัด"]))
        return export_document(repo, org_id=org_id, year=2565, fmt="xlsx", out=tmp_path / "l.xlsx")
    finally:
        repo.close()


def test_no_row_is_taller_than_excel_allows(long_book: Path) -> None:
    for ws in openpyxl.load_workbook(long_book):
        heights = [d.height for d in ws.row_dimensions.values() if d.height]
        assert max(heights) <= style.MAX_ROW_HEIGHT, ws.title


def test_a_long_analysis_section_takes_several_rows_and_loses_nothing(long_book: Path) -> None:
    ws = openpyxl.load_workbook(long_book)[L.ANALYSIS]
    titles = [ws.cell(r, 1).value for r in range(L.FIRST_ROW, ws.max_row + 1)]
    first = titles.index(section_title("strengths")) + L.FIRST_ROW
    rows = [first]
    while rows[-1] + 1 <= ws.max_row and ws.cell(rows[-1] + 1, 1).value is None:
        rows.append(rows[-1] + 1)
    assert len(rows) > 2
    printed = to_arabic_digits("".join(str(ws.cell(r, 2).value) for r in rows))
    wanted = LONG + LONG
    assert printed.replace("\n", "") == wanted.replace("\n", "")


def test_row_parts_keep_paragraphs_and_stay_short() -> None:
    text = "ย่อหน้าแรก\nย่อหน้าที่สอง\n" + LONG
    parts = row_parts(text, 145, 8)
    assert parts[0] == "ย่อหน้าแรก\nย่อหน้าที่สอง"  # the long paragraph starts a row
    assert all(style.text_lines(p, 145) <= 8 for p in parts)
    assert "".join(parts).replace("\n", "") == text.replace("\n", "")


def test_a_long_read_back_cell_gets_a_smaller_font_and_comes_back_unchanged(
    long_book: Path, tmp_path: Path
) -> None:
    plan = openpyxl.load_workbook(long_book)[L.PLAN]
    row = next(
        r for r in range(L.FIRST_ROW, plan.max_row + 1) if plan.cell(r, 2).value == "มาตรการยาว"
    )
    assert plan.row_dimensions[row].height <= style.MAX_ROW_HEIGHT
    assert style.MIN_FONT_SIZE <= plan.cell(row, 4).font.sz < style.FONT_SIZE
    assert plan.cell(row, 4).value == "\n".join(STEPS)
    repo, org_id, _aid = scored_year(tmp_path / "b.sqlite")
    try:
        assert "ไม่มีข้อมูลที่เปลี่ยนแปลง" not in preview_workbook(repo, long_book).changes
        import_workbook(repo, long_book)
        again = export_document(repo, org_id=org_id, year=2565, fmt="xlsx", out=tmp_path / "a.xlsx")
        assert preview_workbook(repo, again).changes == ("ไม่มีข้อมูลที่เปลี่ยนแปลง",)
    finally:
        repo.close()
    assert cells(again)[L.PLAN] == cells(long_book)[L.PLAN]


def test_every_sheet_fits_the_width_only_and_prints_readable(long_book: Path) -> None:
    for ws in openpyxl.load_workbook(long_book):
        assert ws.page_setup.fitToWidth == 1 and ws.page_setup.fitToHeight == 0, ws.title
        shown = sum(d.width for d in ws.column_dimensions.values() if d.width and not d.hidden)
        landscape = ws.page_setup.orientation == "landscape"
        budget = style.LANDSCAPE_WIDTH if landscape else style.PORTRAIT_WIDTH
        assert shown <= budget + 1, ws.title  # half units rounded down, narrow ones kept


def test_text_cells_carry_no_number_format_and_years_are_numbers(long_book: Path) -> None:
    wb = openpyxl.load_workbook(long_book)
    scores, issues = wb[L.SCORES], wb[L.ISSUES]
    rows = L.ScoreRows(10, 3)
    assert scores["C4"].value == "IIT" and scores["C4"].number_format == "General"
    assert scores[f"A{rows.tool(0)}"].number_format == "General"
    assert issues[f"A{L.IssueRows(10).first_tool}"].number_format == "General"
    assert scores["D4"].number_format == "0.00"  # numbers keep theirs
    head = next(r for r in range(1, scores.max_row + 1) if scores.cell(r, 1).value == "ปี พ.ศ.")
    year = scores.cell(head + 1, 1)
    assert year.value == 2565 and year.number_format == "0"
