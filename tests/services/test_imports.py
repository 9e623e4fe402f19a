"""Importing scores: the workbook's scores replace the stored ones, all of them or none."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from ita_desktop.errors import ImportError_
from ita_desktop.importers.xlsx import SCORES_SHEET
from ita_desktop.services.assessments import get_assessment_by_id
from ita_desktop.services.changes import SCORES
from ita_desktop.services.imports import import_scores
from ita_desktop.storage.repository import Repository
from tests.importers.fixtures import exported_workbook


@pytest.fixture
def setup(tmp_path: Path) -> Iterator[tuple[Repository, int, Path]]:
    repo, aid, book = exported_workbook(tmp_path)
    yield repo, aid, book
    repo.close()


def _edit(book: Path, cells: dict[str, object]) -> None:
    wb = openpyxl.load_workbook(book)
    for ref, value in cells.items():
        wb[SCORES_SHEET][ref] = value
    wb.save(book)


def test_round_trip_with_an_edited_score(setup: tuple[Repository, int, Path]) -> None:
    repo, aid, book = setup
    _edit(book, {"D7": "๙๑.๒๕"})  # indicator 4, typed with Thai digits
    changes = import_scores(repo, aid, book)
    assert changes.kinds == {SCORES}
    assert len(changes.before) == 10 and changes.before[4] == Decimal("80.50")  # old values
    stored = get_assessment_by_id(repo, aid).scores
    assert stored[4] == Decimal("91.25") and stored[1] == Decimal("80.50") and len(stored) == 10


@pytest.mark.parametrize("value, fragment", [(140, "D5"), ("abc", "ไม่ใช่ตัวเลข")])
def test_bad_cell_is_named_and_nothing_saved(
    setup: tuple[Repository, int, Path], value: object, fragment: str
) -> None:
    repo, aid, book = setup
    _edit(book, {"D5": value, "D4": 99})
    with pytest.raises(ImportError_) as info:
        import_scores(repo, aid, book)
    assert fragment in info.value.thai
    assert get_assessment_by_id(repo, aid).scores[1] == Decimal("80.50")


def test_an_indicator_the_rules_lack_is_refused_and_nothing_saved(
    setup: tuple[Repository, int, Path],
) -> None:
    repo, aid, book = setup
    _edit(book, {"D4": 99, "A30": 11, "D30": 50})  # an eleventh indicator under the tables
    with pytest.raises(ImportError_) as info:
        import_scores(repo, aid, book)
    assert "s.xlsx" in info.value.thai and "ตัวชี้วัดที่ 11" in info.value.thai
    assert get_assessment_by_id(repo, aid).scores == {i: Decimal("80.50") for i in range(1, 11)}


def test_a_file_that_is_not_excel_changes_nothing(
    setup: tuple[Repository, int, Path], tmp_path: Path
) -> None:
    repo, aid, _book = setup
    bad = tmp_path / "bad.xlsx"
    bad.write_text("not excel")
    with pytest.raises(ImportError_) as info:
        import_scores(repo, aid, bad)
    assert "ไม่ใช่ไฟล์ Excel" in info.value.thai
    assert get_assessment_by_id(repo, aid).scores[1] == Decimal("80.50")
