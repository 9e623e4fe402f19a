"""Importing a workbook into a year the database holds writes only what differs: an unchanged
workbook writes nothing and makes no backup, and measures keep their ids."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from ita_desktop.documents import workbook_layout as L
from ita_desktop.services.assessments import get_assessment_by_id
from ita_desktop.services.backups import backup_folder
from ita_desktop.services.changes import MEASURES, PROGRESS, SCORES
from ita_desktop.services.export import export_document
from ita_desktop.services.imports import import_workbook
from ita_desktop.services.measures import list_measures
from ita_desktop.services.progress import round_progress
from ita_desktop.storage.repository import Repository
from tests.importers.fixtures import digest, edit, exported_workbook

P6 = L.progress_sheet(6)


@pytest.fixture
def setup(tmp_path: Path) -> tuple[Repository, int, Path]:
    repo, aid, book = exported_workbook(tmp_path)
    yield repo, aid, book
    repo.close()


def _backups(repo: Repository) -> list[str]:
    assert repo.path is not None
    folder = backup_folder(repo.path)
    return sorted(p.name for p in folder.iterdir()) if folder.is_dir() else []


def test_an_unchanged_workbook_writes_nothing_and_makes_no_backup(
    setup: tuple[Repository, int, Path],
) -> None:
    repo, aid, book = setup
    assert repo.path is not None
    ids = [m.id for m in list_measures(repo, aid)]
    before, backups = digest(repo.path), _backups(repo)
    changes = import_workbook(repo, book)
    assert not changes.kinds
    assert digest(repo.path) == before and _backups(repo) == backups
    assert [m.id for m in list_measures(repo, aid)] == ids


def test_one_score_changed_writes_the_score_only(setup: tuple[Repository, int, Path]) -> None:
    repo, aid, book = setup
    ids = [m.id for m in list_measures(repo, aid)]
    progress = round_progress(repo, aid, 6)
    edit(book, L.SCORES, {"D5": 91.25})
    changes = import_workbook(repo, book)
    assert changes.kinds == {SCORES}
    a = get_assessment_by_id(repo, aid)
    assert a.scores[2] == Decimal("91.25") and a.scores[1] == Decimal("80.50")
    assert [m.id for m in list_measures(repo, aid)] == ids
    assert round_progress(repo, aid, 6) == progress
    assert len(_backups(repo)) >= 1  # a change keeps the file as it was


def test_measures_edited_added_and_removed_keep_the_others_ids(
    setup: tuple[Repository, int, Path],
) -> None:
    repo, aid, book = setup
    first, second = list_measures(repo, aid)
    edit(book, L.PLAN, {"B5": "ประกาศเจตนารมณ์ฉบับใหม่", "A6": 3, "B6": "มาตรการที่สาม"})
    edit(book, P6, {"G5": "ประกาศแล้ว"})
    changes = import_workbook(repo, book)
    assert changes.kinds == {MEASURES, PROGRESS}
    measures = list_measures(repo, aid)
    assert [m.id for m in measures[:2]] == [first.id, second.id]
    assert [m.title for m in measures] == [first.title, "ประกาศเจตนารมณ์ฉบับใหม่", "มาตรการที่สาม"]
    assert measures[1].steps == second.steps
    progress = round_progress(repo, aid, 6)
    assert progress[second.id].output == "ประกาศแล้ว"  # type: ignore[index]
    assert progress[first.id].output == "ร่างคู่มือแล้ว"  # type: ignore[index]
    wb_rows = {"A5": None, "B5": None, "C5": None, "D5": None, "E5": None, "F5": None}
    wb_rows |= {"G5": None, "H5": None, "I5": None, "J5": None}
    edit(book, L.PLAN, wb_rows)  # the second measure's row emptied: it is removed
    edit(book, P6, {"G5": None})
    import_workbook(repo, book)
    assert [m.id for m in list_measures(repo, aid)][:1] == [first.id]
    assert [m.title for m in list_measures(repo, aid)] == [first.title, "มาตรการที่สาม"]


def test_measures_follow_their_number_when_rows_are_deleted_or_sorted(
    setup: tuple[Repository, int, Path],
) -> None:
    repo, aid, book = setup
    first, second = list_measures(repo, aid)
    plan = openpyxl.load_workbook(book)
    ws = plan[L.PLAN]
    row4 = [ws.cell(4, c).value for c in range(1, 11)]
    row5 = [ws.cell(5, c).value for c in range(1, 11)]
    for c in range(1, 11):  # the two rows swapped, each with its own ลำดับ
        ws.cell(4, c).value, ws.cell(5, c).value = row5[c - 1], row4[c - 1]
    plan.save(book)
    changes = import_workbook(repo, book)
    assert changes.kinds == {MEASURES}
    assert [m.id for m in list_measures(repo, aid)] == [second.id, first.id]
    assert round_progress(repo, aid, 6)[first.id].output == "ร่างคู่มือแล้ว"  # type: ignore[index]
    again = export_document(repo, org_id=org_id(repo), year=2565, fmt="xlsx", out=book)
    edit(again, L.PLAN, {f"{c}4": None for c in "ABCDEFGHIJ"})  # the first row deleted
    import_workbook(repo, again)
    (left,) = list_measures(repo, aid)
    assert (left.id, left.title) == (first.id, first.title)


def org_id(repo: Repository) -> int:
    return repo.organizations()[0].id or 0
