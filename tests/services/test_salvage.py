"""Salvage: every row that can still be read from a damaged database goes into a new file of
ours, table by table, with rows saved and lost counted; the damaged file is never changed."""

from __future__ import annotations

import sqlite3
from decimal import Decimal
from pathlib import Path

import pytest

from ita_desktop.domain.models import Measure, Organization, Period
from ita_desktop.errors import (
    DamagedDatabaseError,
    NotOurDatabaseError,
    StorageError,
    ValidationError,
)
from ita_desktop.services import assessments, backups, files, measures, organizations, progress
from ita_desktop.storage.inspection import inspect_file, read_header
from ita_desktop.storage.repository import Repository
from tests.storage.old_files import digest, folder_state, foreign_file

ORGS = 60  # long names: the organisations table spans several pages


def _full_database(path: Path) -> Path:
    """60 organisations; the first two with a year, scores, three measures and progress."""
    db = Repository.open(path)
    try:
        for i in range(1, ORGS + 1):
            organizations.add_organization(db, Organization(f"หน่วยงานที่ {i} " + "ก" * 200))
        for org_id in (1, 2):
            assessment_id = assessments.create_year(db, org_id, 2566).created_id
            assert assessment_id is not None
            for indicator in range(1, 11):
                assessments.set_score(db, assessment_id, indicator, Decimal("89.5") + indicator)
            for n in range(3):
                m = Measure(f"มาตรการ {org_id}-{n}", [n + 1], ["ขั้นตอน"], ["สำนักปลัด"], Period(True))
                measure_id = measures.add_measure(db, assessment_id, m).created_id
                assert measure_id is not None
                progress.update_progress(db, measure_id, 6, status="ดำเนินการแล้วเสร็จ", output="ผล")
    finally:
        db.close()
    return path


def _leaf_pages(path: Path, table: str) -> list[int]:
    conn = sqlite3.connect(path)
    try:
        rows = conn.execute(
            "SELECT pageno FROM dbstat WHERE name = ? AND pagetype = 'leaf' ORDER BY pageno",
            (table,),
        ).fetchall()
    finally:
        conn.close()
    return [int(r[0]) for r in rows]


def _ids_on_leaf(path: Path, table: str, page: int) -> list[int]:
    """The row ids a leaf page of `table` holds (read before it is damaged)."""
    conn = sqlite3.connect(path)
    try:
        ids = [int(r[0]) for r in conn.execute(f"SELECT rowid FROM {table} ORDER BY rowid")]
        leaves = _leaf_pages(path, table)
        # dbstat lists a table's leaves in key order when path order is asked for
        ordered = [
            int(r[0])
            for r in conn.execute(
                "SELECT pageno FROM dbstat WHERE name = ? AND pagetype = 'leaf' ORDER BY path",
                (table,),
            )
        ]
        counts = {
            int(r[0]): int(r[1])
            for r in conn.execute(
                "SELECT pageno, ncell FROM dbstat WHERE name = ? AND pagetype = 'leaf'", (table,)
            )
        }
    finally:
        conn.close()
    assert sorted(ordered) == leaves
    start = sum(counts[p] for p in ordered[: ordered.index(page)])
    return ids[start : start + counts[page]]


def _damage_page(path: Path, page: int) -> None:
    size = read_header(path).page_size
    data = bytearray(path.read_bytes())
    data[(page - 1) * size : page * size] = b"\xa5" * size
    path.write_bytes(bytes(data))


@pytest.fixture
def damaged(tmp_path: Path) -> tuple[Path, list[int]]:
    """A database with one leaf page of the organisations table (in the middle) damaged,
    and the ids of the organisations that page held."""
    (tmp_path / "office").mkdir()
    path = _full_database(tmp_path / "office" / "ita.itadb")
    leaves = _leaf_pages(path, "organizations")
    assert len(leaves) >= 4
    page = leaves[len(leaves) // 2]
    lost = _ids_on_leaf(path, "organizations", page)
    assert lost and 1 not in lost and 2 not in lost and ORGS not in lost
    _damage_page(path, page)
    with pytest.raises(DamagedDatabaseError):
        inspect_file(path)
    return path, lost


def test_salvage_saves_every_readable_row_and_counts_the_lost(
    damaged: tuple[Path, list[int]], tmp_path: Path
) -> None:
    path, lost_ids = damaged
    before = folder_state(path.parent)
    target = tmp_path / "กู้ข้อมูล.itadb"
    report = backups.salvage(path, target)
    assert folder_state(path.parent) == before  # the damaged file is untouched
    by_table = {t.table: t for t in report.tables}
    orgs = by_table["organizations"]
    assert (orgs.saved, orgs.unreadable, orgs.dropped) == (ORGS - len(lost_ids), len(lost_ids), 0)
    for table, count in (("assessments", 2), ("scores", 20), ("measures", 6), ("progress", 6)):
        assert (by_table[table].saved, by_table[table].lost) == (count, 0), table
    assert report.saved == ORGS - len(lost_ids) + 34 and report.lost == len(lost_ids)
    assert not report.unknown
    assert any("อ่านไม่ได้ประมาณ" in line for line in report.lines())

    inspect_file(target)  # a sound file of ours (quick_check passes)
    db = files.open_database(target)
    try:
        names = {o.id: o.name for o in db.organizations()}
        assert set(names) == set(range(1, ORGS + 1)) - set(lost_ids)  # ids kept
        assert names[ORGS].startswith(f"หน่วยงานที่ {ORGS} ")
        a = assessments.get_assessment(db, 1, 2566)
        assert a.scores[10] == Decimal("99.5")
        assert [m.title for m in db.measures(a.id or 0)] == [f"มาตรการ 1-{n}" for n in range(3)]
        assert db.progress(db.measures(a.id or 0)[0].id or 0, 6)
        organizations.add_organization(db, Organization("แก้ไขต่อได้"))  # writable, ours
    finally:
        db.close()


def test_rows_of_a_lost_organisation_are_left_out_not_left_dangling(tmp_path: Path) -> None:
    path = _full_database(tmp_path / "ita.sqlite")
    # the page holding organisation 2 (the first leaf): its year, scores and measures go too
    first = _leaf_pages(path, "organizations")
    page = next(p for p in first if 2 in _ids_on_leaf(path, "organizations", p))
    on_page = _ids_on_leaf(path, "organizations", page)
    _damage_page(path, page)
    report = backups.salvage(path, tmp_path / "saved.sqlite")
    by_table = {t.table: t for t in report.tables}
    assert by_table["organizations"].saved == ORGS - len(on_page)
    assert by_table["organizations"].unreadable == len(on_page)
    # organisation 2's rows were read but have nothing to belong to
    assert by_table["assessments"].dropped == (2 if 1 in on_page else 1)
    conn = sqlite3.connect(tmp_path / "saved.sqlite")
    try:
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        conn.close()


def test_a_damaged_index_loses_nothing(tmp_path: Path) -> None:
    path = _full_database(tmp_path / "ita.sqlite")
    conn = sqlite3.connect(path)
    (page,) = conn.execute(
        "SELECT pageno FROM dbstat WHERE name = 'ix_measures_assessment_id'"
    ).fetchone()
    conn.close()
    _damage_page(path, int(page))
    report = backups.salvage(path, tmp_path / "saved.sqlite")
    assert report.lost == 0 and report.saved == ORGS + 34


def test_salvage_refuses_an_existing_target_the_open_file_and_foreign_files(
    damaged: tuple[Path, list[int]], tmp_path: Path
) -> None:
    path, _ = damaged
    existing = tmp_path / "มีอยู่แล้ว.sqlite"
    existing.write_bytes(b"keep me")
    with pytest.raises(ValidationError) as info:
        backups.salvage(path, existing)
    assert "ไม่เขียนทับ" in info.value.thai and existing.read_bytes() == b"keep me"
    with pytest.raises(ValidationError):
        backups.salvage(path, path)
    other = Repository.open(tmp_path / "open.sqlite")
    try:
        with pytest.raises(ValidationError):
            backups.salvage(path, tmp_path / "open.sqlite-journal")
    finally:
        other.close()
    with pytest.raises(NotOurDatabaseError):
        backups.salvage(foreign_file(tmp_path / "contacts.sqlite"), tmp_path / "x.sqlite")
    assert not (tmp_path / "x.sqlite").exists()


def test_a_file_with_nothing_readable_makes_no_new_file(tmp_path: Path) -> None:
    (tmp_path / "office").mkdir()
    path = tmp_path / "office" / "ita.sqlite"
    path.write_bytes(b"%PDF-1.7 the export went over the database")
    with pytest.raises(StorageError) as info:
        backups.salvage(path, path.parent / "saved.sqlite")
    assert "ไฟล์สำรอง" in info.value.thai
    assert sorted(p.name for p in path.parent.iterdir()) == ["ita.sqlite"]


def test_latest_good_backup_skips_damaged_copies(tmp_path: Path) -> None:
    path = _full_database(tmp_path / "ita.sqlite")
    db = files.open_database(path)
    try:
        good = db.backup("manual")
        bad = db.backup("manual")
    finally:
        db.close()
    _damage_page(bad, _leaf_pages(bad, "organizations")[1])
    found = backups.latest_good_backup(path)
    assert found is not None and found.path == good
    assert digest(bad) != digest(good)
