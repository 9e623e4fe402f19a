"""Importing our workbook: every malformed cell refused with its sheet and cell, the database
byte-identical; a good edit applied to the workbook's own organisation and year."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from openpyxl.workbook.workbook import Workbook

from ita_desktop.documents import workbook_layout as L
from ita_desktop.errors import ImportError_, ValidationError
from ita_desktop.importers.workbook import WorkbookError
from ita_desktop.services.assessments import get_assessment_by_id
from ita_desktop.services.imports import import_workbook, preview_workbook
from ita_desktop.services.measures import list_measures
from ita_desktop.services.progress import round_progress
from ita_desktop.storage.repository import Repository
from tests.importers.fixtures import ORG, digest, edit

P6 = L.progress_sheet(6)
ROWS = L.ScoreRows(10, 3)  # 2565: ten indicators, three tools


def _set(sheet: str, **cells: object) -> Callable[[Workbook], None]:
    def change(wb: Workbook) -> None:
        for ref, value in cells.items():
            wb[sheet][ref] = value

    return change


def _percent(wb: Workbook) -> None:
    wb[L.SCORES]["D5"] = 0.925
    wb[L.SCORES]["D5"].number_format = "0.00%"


def _merged(wb: Workbook) -> None:
    wb[L.SCORES].merge_cells("D4:D5")


def _no_sheet(wb: Workbook) -> None:
    del wb[L.ISSUES]


# (name, change, sheet, cell, fragment of the Thai reason)
MALFORMED = [
    ("three decimals", _set(L.SCORES, D4=92.345), L.SCORES, "D4", "ทศนิยมเกิน 2 ตำแหน่ง"),
    ("100.004", _set(L.SCORES, D6=100.004), L.SCORES, "D6", "ระหว่าง 0 ถึง 100"),
    ("0.925 as a percent", _percent, L.SCORES, "D5", "ร้อยละ"),
    ("text 92%", _set(L.SCORES, D5="92%"), L.SCORES, "D5", "ร้อยละ"),
    ("TRUE as a score", _set(L.SCORES, D7=True), L.SCORES, "D7", "จริง/เท็จ"),
    ("27 digits", _set(L.SCORES, D9=123456789012345678901234567), L.SCORES, "D9", "0 ถึง 100"),
    ("text not a number", _set(L.SCORES, D10="ดีมาก"), L.SCORES, "D10", "ไม่ใช่ตัวเลข"),
    ("a date", _set(L.SCORES, D11=datetime.date(2024, 1, 2)), L.SCORES, "D11", "วันที่"),
    ("formula without value", _set(L.SCORES, D8="=90+1"), L.SCORES, "D8", "สูตรที่ไม่มีค่า"),
    ("error value", _set(L.SCORES, D12="#DIV/0!"), L.SCORES, "D12", "ค่าผิดพลาด"),
    ("merged cells", _merged, L.SCORES, "D4", "ผสาน"),
    ("duplicate indicator", _set(L.SCORES, A5=1), L.SCORES, "A5", "ต้องเป็นตัวชี้วัดที่ 2"),
    ("TRUE as indicator", _set(L.SCORES, A4=True), L.SCORES, "A4", "จริง/เท็จ"),
    ("indicator renamed", _set(L.SCORES, B4="อื่น"), L.SCORES, "B4", "ชื่อตัวชี้วัด"),
    ("rank overwritten", _set(L.SCORES, E4=3), L.SCORES, "E4", "คำนวณจากคะแนน"),
    ("header renamed", _set(L.SCORES, D3="คะแนนใหม่"), L.SCORES, "D3", "หัวตาราง"),
    ("no organisation", _set(L.SCORES, B2=None), L.SCORES, "B2", "ไม่มีชื่อหน่วยงาน"),
    ("year not a number", _set(L.SCORES, D2="ปีนี้"), L.SCORES, "D2", "ไม่ใช่จำนวนเต็ม"),
    ("official above 100", _set(L.SCORES, E16=101), L.SCORES, "E16", "ระหว่าง 0 ถึง 100"),
    ("threshold emptied", _set(L.SCORES, D21=None), L.SCORES, "D21", "กรุณากรอกเกณฑ์จุดแข็ง"),
    ("unknown priority", _set(L.ISSUES, D4="ด่วนมาก"), L.ISSUES, "D4", "ความสำคัญต้องเป็น"),
    ("sheet deleted", _no_sheet, L.ISSUES, "", "ไม่พบแผ่นงาน"),
    ("unknown indicator", _set(L.PLAN, J4="3, 11"), L.PLAN, "J4", "ไม่มีตัวชี้วัด “11”"),
    ("indicator twice", _set(L.PLAN, J4="3, 3"), L.PLAN, "J4", "ซ้ำ"),
    ("unknown unit", _set(L.PLAN, E4="กองช่าง"), L.PLAN, "E4", "ไม่รู้จักผู้รับผิดชอบ"),
    ("duplicate number", _set(L.PLAN, A5=1), L.PLAN, "A5", "ลำดับ 1 ซ้ำ"),
    ("row without title", _set(L.PLAN, A6=3, D6="ขั้นตอน"), L.PLAN, "B6", "ไม่มีชื่อมาตรการ"),
    ("unknown status", _set(P6, F4="เสร็จแล้ว"), P6, "F4", "สถานะต้องเป็น"),
    ("progress of no measure", _set(P6, A6=9, G6="ผล"), P6, "A6", "ไม่มีมาตรการลำดับ 9"),
    ("an eleventh indicator", _set(L.SCORES, A14=11, D14=50), L.SCORES, "A14", "นอกตาราง"),
    ("a note beside the plan", _set(L.PLAN, K5="หมายเหตุ"), L.PLAN, "K5", "นอกตาราง"),
    ("plan cell typed over", _set(P6, B4="ชื่ออื่น"), P6, "B4", f"แผ่นงาน {L.PLAN}"),
]


@pytest.mark.parametrize(
    "change, sheet, cell, fragment", [m[1:] for m in MALFORMED], ids=[m[0] for m in MALFORMED]
)
def test_malformed_workbook_is_refused_with_its_cell_and_nothing_changes(
    setup: tuple[Repository, int, Path],
    change: Callable[[Workbook], None],
    sheet: str,
    cell: str,
    fragment: str,
) -> None:
    repo, _aid, book = setup
    wb = openpyxl.load_workbook(book)
    change(wb)
    wb.save(book)
    before = digest(repo.path)
    with pytest.raises(WorkbookError) as info:
        import_workbook(repo, book)
    found = [p for p in info.value.problems if p.sheet == sheet and p.cell == cell]
    assert found and fragment in found[0].message, info.value.thai
    assert f"แผ่นงาน “{sheet}”" in info.value.thai and "ยังไม่ได้บันทึกข้อมูลใด ๆ" in info.value.thai
    assert digest(repo.path) == before


def test_every_problem_is_listed_not_only_the_first(setup: tuple[Repository, int, Path]) -> None:
    repo, _aid, book = setup
    edit(book, L.SCORES, {"D4": 92.345, "D13": True})
    edit(book, P6, {"F5": "?"})
    with pytest.raises(WorkbookError) as info:
        import_workbook(repo, book)
    assert {(p.sheet, p.cell) for p in info.value.problems} == {
        (L.SCORES, "D4"),
        (L.SCORES, "D13"),
        (P6, "F5"),
    }


@pytest.mark.parametrize(
    "content, fragment",
    [
        (bytes.fromhex("d0cf11e0a1b11ae1") + b"\0" * 504, "บันทึกเป็น .xlsx"),
        (
            bytes.fromhex("d0cf11e0a1b11ae1") + "EncryptionInfo".encode("utf-16-le") + b"\0" * 400,
            "รหัสผ่าน",
        ),
        (
            b"PK\x03\x04" + b"\0" * 26 + b"mimetypeapplication/vnd.oasis.opendocument.spreadsheet",
            ".ods",
        ),
        (b"not a workbook", "ไม่ใช่ไฟล์ Excel"),
        (b"", "ไม่ใช่ไฟล์ Excel"),
    ],
    ids=["xls", "password", "ods", "text", "empty"],
)
def test_files_that_are_not_our_xlsx_say_what_to_do(
    setup: tuple[Repository, int, Path], tmp_path: Path, content: bytes, fragment: str
) -> None:
    repo, _aid, _book = setup
    bad = tmp_path / "bad.xlsx"
    bad.write_bytes(content)
    before = digest(repo.path)
    with pytest.raises(ImportError_) as info:
        import_workbook(repo, bad)
    assert fragment in info.value.thai
    assert digest(repo.path) == before


def test_an_edit_is_applied_to_the_workbooks_year(setup: tuple[Repository, int, Path]) -> None:
    repo, aid, book = setup
    edit(book, L.SCORES, {"D7": "๙๑.๒๕", "E17": 92.5, "D21": 90})
    edit(book, L.PLAN, {"D4": "จัดทำคู่มือ\nเผยแพร่บนเว็บไซต์\nอบรมบุคลากร", "B6": "มาตรการใหม่"})
    edit(book, P6, {"F5": "ดำเนินการแล้วเสร็จ"})
    preview = preview_workbook(repo, book)
    assert "คะแนนตัวชี้วัดที่ 4: 80.50 → 91.25" in preview.changes
    assert "คะแนนทางการ EIT: – → 92.5" in preview.changes
    assert "เพิ่มมาตรการที่ 3: มาตรการใหม่" in preview.changes
    assert any("มาตรการที่ 1" in line and "ขั้นตอน" in line for line in preview.changes)
    assert "ผลรอบ 6 เดือน มาตรการที่ 2: แก้ไขสถานะ" in preview.changes
    import_workbook(repo, book)
    a = get_assessment_by_id(repo, aid)
    assert a.scores[4] == Decimal("91.25") and a.scores[1] == Decimal("80.50")
    assert a.official.eit == Decimal("92.5") and a.threshold == Decimal(90)
    assert a.issues_by_indicator == {3: "ยังไม่มีคู่มือการใช้อำนาจ"}
    assert a.issue_priorities == {3: "urgent"}
    measures = list_measures(repo, aid)
    assert [m.title for m in measures][2] == "มาตรการใหม่"
    assert measures[0].steps[-1] == "อบรมบุคลากร"
    progress = round_progress(repo, aid, 6)
    assert progress[measures[1].id].status == "ดำเนินการแล้วเสร็จ"  # type: ignore[index]
    assert progress[measures[0].id].output == "ร่างคู่มือแล้ว"  # type: ignore[index]


def test_an_unedited_workbook_changes_nothing(setup: tuple[Repository, int, Path]) -> None:
    repo, _aid, book = setup
    assert preview_workbook(repo, book).changes == ("ไม่มีข้อมูลที่เปลี่ยนแปลง",)


def test_another_organisation_or_year_is_refused_naming_both(
    setup: tuple[Repository, int, Path],
) -> None:
    repo, _aid, book = setup
    from ita_desktop.domain.models import Organization
    from ita_desktop.services.organizations import add_organization

    add_organization(repo, Organization("เทศบาลนครตรัง"), first_year=2564)
    before = digest(repo.path)
    with pytest.raises(ValidationError) as info:
        import_workbook(repo, book, org="เทศบาลนครตรัง")
    assert ORG in info.value.thai and "เทศบาลนครตรัง" in info.value.thai
    with pytest.raises(ValidationError) as info:
        import_workbook(repo, book, year=2566)
    assert "2565" in info.value.thai and "2566" in info.value.thai
    assert digest(repo.path) == before


def test_into_an_empty_database_the_organisation_and_year_are_created(
    setup: tuple[Repository, int, Path], tmp_path: Path
) -> None:
    _repo, _aid, book = setup
    empty = Repository.open(tmp_path / "empty.sqlite")
    try:
        preview = preview_workbook(None, book)
        assert preview.plan.organizations[0].org_id is None
        import_workbook(empty, book)
        orgs = empty.organizations()
        assert [o.name for o in orgs] == [ORG] and orgs[0].units == ["สำนักปลัด", "กองคลัง"]
    finally:
        empty.close()
