"""Scores come back from our own workbook; malformed files give Thai errors and change nothing."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from ita_desktop.domain.models import Organization
from ita_desktop.errors import ImportError_
from ita_desktop.exporters.xlsx import export_xlsx
from ita_desktop.importers.xlsx import import_scores, read_scores
from ita_desktop.storage.repository import Repository


@pytest.fixture
def setup(tmp_path: Path):
    repo = Repository.open(tmp_path / "i.sqlite")
    org_id = repo.save_organization(Organization("เทศบาลทดสอบ"))
    a = repo.create_assessment(org_id, 2565)
    a.scores = {i: Decimal("80.50") for i in range(1, 11)}
    repo.save_assessment(a)
    book = export_xlsx(repo, org_id=org_id, year=2565, out=tmp_path / "s.xlsx")
    return repo, a, book


def test_round_trip_with_an_edited_score(setup) -> None:
    repo, a, book = setup
    wb = openpyxl.load_workbook(book)
    wb["ผลการประเมิน"]["D7"] = "๙๑.๒๕"  # indicator 4, typed with Thai digits
    wb.save(book)
    scores = import_scores(repo, a.id, book)
    assert scores[4] == Decimal("91.25") and len(scores) == 10
    assert repo.assessment_by_id(a.id).scores[4] == Decimal("91.25")


@pytest.mark.parametrize("value, fragment", [(140, "D5"), ("abc", "ไม่ใช่ตัวเลข")])
def test_bad_cell_is_named_and_nothing_saved(setup, value, fragment) -> None:
    repo, a, book = setup
    wb = openpyxl.load_workbook(book)
    wb["ผลการประเมิน"]["D5"] = value
    wb["ผลการประเมิน"]["D4"] = 99
    wb.save(book)
    with pytest.raises(ImportError_) as info:
        import_scores(repo, a.id, book)
    assert fragment in info.value.thai
    assert repo.assessment_by_id(a.id).scores[1] == Decimal("80.50")


def test_not_an_excel_file(tmp_path: Path) -> None:
    bad = tmp_path / "bad.xlsx"
    bad.write_bytes(b"PK\x03\x04 broken zip")
    with pytest.raises(ImportError_) as info:
        read_scores(bad)
    assert "ไม่ใช่ไฟล์ Excel" in info.value.thai
    with pytest.raises(ImportError_):
        read_scores(tmp_path / "missing.xlsx")


def test_workbook_without_the_sheet(tmp_path: Path) -> None:
    path = tmp_path / "other.xlsx"
    openpyxl.Workbook().save(path)
    with pytest.raises(ImportError_) as info:
        read_scores(path)
    assert "ไม่พบแผ่นงาน" in info.value.thai
