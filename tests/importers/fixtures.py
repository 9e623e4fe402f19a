"""A year with scores, official figures, issues, measures and progress, and the workbook our
Excel export wrote of it, to import back (or to break in one cell)."""

from __future__ import annotations

import hashlib
from decimal import Decimal
from pathlib import Path

import openpyxl

from ita_desktop.domain.models import Measure, Organization, Period
from ita_desktop.services.assessments import (
    create_year,
    set_issue,
    set_issue_priority,
    set_official,
    set_scores,
    set_tool_issue,
)
from ita_desktop.services.export import export_document
from ita_desktop.services.measures import add_measure
from ita_desktop.services.organizations import add_organization
from ita_desktop.services.progress import update_progress
from ita_desktop.storage.repository import Repository
from tests.documents.fixtures import created

ORG = "เทศบาลทดสอบ"
UNITS = ["สำนักปลัด", "กองคลัง"]


def scored_year(path: Path) -> tuple[Repository, int, int]:
    """(open database, organisation id, assessment id) of a 2565 year: ten scores of 80.50,
    the official IIT, two issues, two measures and a round of progress."""
    repo = Repository.open(path)
    org_id = created(add_organization(repo, Organization(ORG, units=UNITS)))
    aid = created(create_year(repo, org_id, 2565))
    set_scores(repo, aid, {i: Decimal("80.50") for i in range(1, 11)})
    set_official(repo, aid, "iit", Decimal("80.50"))
    set_issue(repo, aid, 3, "ยังไม่มีคู่มือการใช้อำนาจ")
    set_issue_priority(repo, aid, 3, "urgent")
    set_tool_issue(repo, aid, "EIT", "ช่องทางร้องเรียนไม่ชัดเจน")
    first = Measure(
        "เผยแพร่คู่มือการใช้อำนาจ",
        [3],
        ["จัดทำคู่มือ", "เผยแพร่บนเว็บไซต์"],
        ["สำนักปลัด"],
        Period(start_month=10, end_month=3),
        "รายงานผู้บริหาร",
        "ร้อยละ 100 ของบุคลากรรับทราบ",
    )
    mid = created(add_measure(repo, aid, first))
    add_measure(repo, aid, Measure("ประกาศเจตนารมณ์", [10], ["ประกาศ"], ["กองคลัง"], Period(True)))
    update_progress(repo, mid, 6, status="อยู่ระหว่างดำเนินการ", output="ร่างคู่มือแล้ว")
    return repo, org_id, aid


def exported_workbook(folder: Path) -> tuple[Repository, int, Path]:
    """(open database, assessment id, workbook) of `scored_year`."""
    repo, org_id, aid = scored_year(folder / "i.sqlite")
    book = export_document(repo, org_id=org_id, year=2565, fmt="xlsx", out=folder / "s.xlsx")
    return repo, aid, book


def edit(book: Path, sheet: str, cells: dict[str, object]) -> None:
    wb = openpyxl.load_workbook(book)
    for ref, value in cells.items():
        wb[sheet][ref] = value
    wb.save(book)


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def cells(path: Path) -> dict[str, dict[str, object]]:
    """sheet -> cell -> value (formulas as their text) of a workbook, empty cells left out."""
    wb = openpyxl.load_workbook(path)
    return {
        ws.title: {
            c.coordinate: c.value for row in ws.iter_rows() for c in row if c.value is not None
        }
        for ws in wb
    }
