"""Scores read back from our own workbook; malformed files give Thai errors naming the cell."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from ita_desktop.errors import ImportError_
from ita_desktop.importers.xlsx import SCORES_SHEET, read_scores
from tests.importers.fixtures import exported_workbook


@pytest.fixture
def book(tmp_path: Path) -> Path:
    repo, _aid, path = exported_workbook(tmp_path)
    repo.close()
    return path


def test_reads_every_score_of_our_workbook(book: Path) -> None:
    wb = openpyxl.load_workbook(book)
    wb[SCORES_SHEET]["D7"] = "๙๑.๒๕"  # indicator 4, typed with Thai digits
    wb.save(book)
    scores = read_scores(book)
    assert scores[4] == Decimal("91.25") and len(scores) == 10
    assert scores[1] == Decimal("80.50")


@pytest.mark.parametrize("value, fragment", [(140, "D5"), ("abc", "ไม่ใช่ตัวเลข")])
def test_bad_cell_is_named(book: Path, value: object, fragment: str) -> None:
    wb = openpyxl.load_workbook(book)
    wb[SCORES_SHEET]["D5"] = value
    wb.save(book)
    with pytest.raises(ImportError_) as info:
        read_scores(book)
    assert fragment in info.value.thai


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
