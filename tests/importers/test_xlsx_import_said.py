"""Importing our workbook: what is accepted but not as the file showed it is said in the preview
with its sheet and cell (numbers typed as text, periods that are not months), and an official
level that is not one of the year's is refused."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from ita_desktop.documents import workbook_layout as L
from ita_desktop.importers.workbook import WorkbookError
from ita_desktop.services.assessments import get_assessment_by_id
from ita_desktop.services.imports import import_workbook, preview_workbook
from ita_desktop.services.measures import list_measures
from ita_desktop.storage.repository import Repository
from tests.importers.fixtures import digest, edit

ROWS = L.ScoreRows(10, 3)  # 2565: ten indicators, three tools


@pytest.mark.parametrize(
    "ref, typed, read",
    [("D4", "๙๒.๕๐", "92.50"), ("D5", "92.50", "92.50"), ("D6", " 92.5 ", "92.5")],
    ids=["thai digits", "arabic digits", "spaces"],
)
def test_a_score_typed_as_text_is_read_and_named_in_the_preview(
    setup: tuple[Repository, int, Path], ref: str, typed: str, read: str
) -> None:
    repo, aid, book = setup
    edit(book, L.SCORES, {ref: typed})
    preview = preview_workbook(repo, book)
    notes = [line for line in preview.changes if line.startswith("หมายเหตุ")]
    assert len(notes) == 1, preview.changes
    assert f"แผ่นงาน “{L.SCORES}” เซลล์ {ref}" in notes[0]
    assert "เป็นข้อความ ไม่ใช่ตัวเลข" in notes[0] and f"นำเข้าเป็น {read}" in notes[0]
    import_workbook(repo, book)
    number = int(ref[1:]) - L.HEADER_ROW
    assert get_assessment_by_id(repo, aid).scores[number] == Decimal(read)


def test_a_threshold_or_year_typed_as_text_is_said_even_when_nothing_changes(
    setup: tuple[Repository, int, Path],
) -> None:
    repo, _aid, book = setup
    threshold = f"D{ROWS.threshold}"
    edit(book, L.SCORES, {threshold: "๘๕", L.YEAR_CELL: "๒๕๖๕"})
    changes = preview_workbook(repo, book).changes
    assert changes[0] == "ไม่มีข้อมูลที่เปลี่ยนแปลง"
    assert any(f"เซลล์ {threshold}" in line and "“๘๕”" in line for line in changes[1:])
    assert any(f"เซลล์ {L.YEAR_CELL}" in line and "2565" in line for line in changes[1:])


def test_numbers_typed_as_numbers_give_no_note(setup: tuple[Repository, int, Path]) -> None:
    repo, _aid, book = setup
    edit(book, L.SCORES, {"D4": 92.5})
    assert not [line for line in preview_workbook(repo, book).changes if "หมายเหตุ" in line]


@pytest.mark.parametrize("typed", ["1/1/2566 - 30/4/2566", "ม.ค. 66 – เม.ย. 66"])
def test_a_period_not_in_months_is_kept_as_text_and_said_with_its_cell(
    setup: tuple[Repository, int, Path], typed: str
) -> None:
    repo, aid, book = setup
    edit(book, L.PLAN, {"F4": typed})
    changes = preview_workbook(repo, book).changes
    (note,) = [line for line in changes if "อ่านเป็นเดือนไม่ได้" in line]
    assert f"แผ่นงาน “{L.PLAN}” เซลล์ F4" in note and typed in note
    assert "“ตุลาคม 2565 – มีนาคม 2566”" in note  # the form that is read as months
    import_workbook(repo, book)
    period = list_measures(repo, aid)[0].period
    assert period.text == typed and period.start_month is None


def test_a_period_in_the_exported_form_is_read_as_months(
    setup: tuple[Repository, int, Path],
) -> None:
    repo, aid, book = setup
    edit(book, L.PLAN, {"F4": "พฤศจิกายน ๒๕๖๕ – เมษายน ๒๕๖๖"})
    changes = preview_workbook(repo, book).changes
    assert not [line for line in changes if "อ่านเป็นเดือนไม่ได้" in line]
    import_workbook(repo, book)
    period = list_measures(repo, aid)[0].period
    assert (period.start_month, period.end_month, period.text) == (11, 4, "")


@pytest.mark.parametrize("level", ["AAA", "ผ่าน", "aa"])
def test_an_official_level_not_of_the_year_is_refused_listing_the_levels(
    setup: tuple[Repository, int, Path], level: str
) -> None:
    repo, _aid, book = setup
    ref = f"E{ROWS.level}"
    edit(book, L.SCORES, {ref: level})
    before = digest(repo.path)
    with pytest.raises(WorkbookError) as info:
        import_workbook(repo, book)
    (problem,) = info.value.problems
    assert (problem.sheet, problem.cell) == (L.SCORES, ref)
    assert "AA / A / B / C / D / E / F" in problem.message and level in problem.message
    assert digest(repo.path) == before


def test_an_official_level_of_the_year_is_imported(setup: tuple[Repository, int, Path]) -> None:
    repo, aid, book = setup
    edit(book, L.SCORES, {f"E{ROWS.level}": "B"})
    import_workbook(repo, book)
    assert get_assessment_by_id(repo, aid).official.level == "B"


def _unread(changes: tuple[str, ...]) -> list[str]:
    return [line for line in changes if line.startswith("ไม่ได้นำเข้า")]


@pytest.mark.parametrize(
    "ref",
    ["G4", f"D{ROWS.ranking_header + 1}", "A1", "A2"],
    ids=["last year", "ranking", "title", "label"],
)
def test_an_edit_in_a_cell_the_import_does_not_read_is_named(
    setup: tuple[Repository, int, Path], ref: str
) -> None:
    repo, _aid, book = setup
    edit(book, L.SCORES, {ref: 12.5})
    changes = preview_workbook(repo, book).changes
    (line,) = _unread(changes)
    assert f"แผ่นงาน “{L.SCORES}” เซลล์ {ref} ต่างจากที่โปรแกรมส่งออก" in line
    assert changes[0] == "ไม่มีข้อมูลที่เปลี่ยนแปลง"


def test_an_edit_in_the_yearly_history_is_named(setup: tuple[Repository, int, Path]) -> None:
    repo, _aid, book = setup
    wb = openpyxl.load_workbook(book)
    ws = wb[L.SCORES]
    row = next(r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value == "ปี พ.ศ.") + 1
    ws.cell(row, 3).value = 10
    wb.save(book)
    (line,) = _unread(preview_workbook(repo, book).changes)
    assert f"เซลล์ C{row} " in line


def test_a_ranking_left_as_exported_after_a_score_edit_is_not_named(
    setup: tuple[Repository, int, Path],
) -> None:
    repo, _aid, book = setup
    edit(book, L.SCORES, {"D4": 99, "E17": 92.5, f"E{ROWS.level}": "AA"})
    changes = preview_workbook(repo, book).changes
    assert "คะแนนตัวชี้วัดที่ 1: 80.50 → 99" in changes and not _unread(changes)


def test_into_an_empty_database_only_edited_cells_are_named(
    setup: tuple[Repository, int, Path],
) -> None:
    _repo, _aid, book = setup
    assert not _unread(preview_workbook(None, book).changes)
    edit(book, L.ISSUES, {"A1": "หัวเรื่องใหม่"})
    (line,) = _unread(preview_workbook(None, book).changes)
    assert f"แผ่นงาน “{L.ISSUES}” เซลล์ A1 " in line


def test_the_preview_compares_each_row_with_the_measure_of_its_number(
    setup: tuple[Repository, int, Path],
) -> None:
    repo, _aid, book = setup
    edit(book, L.PLAN, {f"{c}4": None for c in "ABCDEFGHIJ"})  # measure 1's row emptied
    edit(book, L.progress_sheet(6), {"F4": None, "G4": None})  # and its progress
    assert preview_workbook(repo, book).changes == (
        "ลบมาตรการที่ 1: เผยแพร่คู่มือการใช้อำนาจ (พร้อมผลการดำเนินการ)",
    )
