"""Backups and restore as use cases: back up now, the automatic backups (first open of a
day, before an import or deleting a year), restore with a backup of what it replaces, and
never writing over an open database."""

from __future__ import annotations

import logging
import os
import sqlite3
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from ita_desktop.domain.models import Organization
from ita_desktop.errors import (
    DamagedDatabaseError,
    EmptyDatabaseError,
    NewerDatabaseError,
    NotOurDatabaseError,
    StorageError,
    ValidationError,
)
from ita_desktop.services import assessments, backups, exchange, files, organizations
from ita_desktop.storage import backups as stored
from ita_desktop.storage.repository import Repository
from tests.storage.old_files import digest, folder_state, foreign_file, old_file, stamp


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    office = tmp_path / "office"
    office.mkdir()
    return office


def _database(path: Path, *names: str) -> Path:
    db = Repository.open(path)
    try:
        for name in names:
            organizations.add_organization(db, Organization(name))
    finally:
        db.close()
    return path


def _names(path: Path) -> list[str]:
    db = Repository.open(path)
    try:
        return [o.name for o in db.organizations()]
    finally:
        db.close()


def _backup_names(db_path: Path) -> list[str]:
    return [b.path.name for b in backups.list_backups(db_path)]


# back up now ------------------------------------------------------------------------------------
def test_backup_now_into_the_backups_folder_or_to_a_file(folder: Path, tmp_path: Path) -> None:
    path = _database(folder / "ita.sqlite", "เทศบาลตำบลนาบอน")
    db = files.open_database(path, daily_backup=False)
    try:
        made = backups.backup_now(db)
        out = backups.backup_now(db, tmp_path / "on-the-stick.sqlite")
    finally:
        db.close()
    assert made.parent == backups.backup_folder(path) == folder / "backups"
    assert _backup_names(path) == [made.name] and made.name.endswith("-manual.sqlite")
    assert _names(made) == _names(out) == ["เทศบาลตำบลนาบอน"]


def test_backup_now_never_writes_over_the_open_database(folder: Path) -> None:
    path = _database(folder / "ita.sqlite", "เปิดอยู่")
    os.link(path, folder / "hard-link.sqlite")
    (folder / "sym-link.sqlite").symlink_to(path)
    before = digest(path)
    db = files.open_database(path, daily_backup=False)
    try:
        for target in (
            path,
            folder / "sub" / ".." / "ita.sqlite",
            folder / "hard-link.sqlite",  # the same file by inode
            folder / "sym-link.sqlite",
            Path(f"{path}-journal"),
            Path(f"{path}-wal"),
        ):
            with pytest.raises(ValidationError) as info:
                backups.backup_now(db, target)
            assert "เปิดใช้งานอยู่" in info.value.thai
    finally:
        db.close()
    assert digest(path) == before and not Path(f"{path}-journal").exists()


def test_refuse_open_file_knows_every_database_open_in_this_process(folder: Path) -> None:
    path = _database(folder / "ita.sqlite")
    os.link(path, folder / "other-name.sqlite")
    files.refuse_open_file(folder / "other-name.sqlite")  # nothing open: allowed
    db = Repository.open(path)
    try:
        for target in (path, folder / "other-name.sqlite", Path(f"{path}-journal")):
            with pytest.raises(ValidationError):
                files.refuse_open_file(target)  # no open_path given: still refused
        files.refuse_open_file(folder / "new.sqlite")
    finally:
        db.close()
    files.refuse_open_file(path)  # closed: allowed again


# automatic backups ------------------------------------------------------------------------------
def test_the_first_open_of_a_day_backs_the_file_up(folder: Path) -> None:
    path = _database(folder / "ita.sqlite", "ก")
    files.open_database(path).close()
    (daily,) = backups.list_backups(path)
    assert daily.reason == "daily" and daily.label == "สำรองอัตโนมัติประจำวัน"
    db = files.open_database(path)  # the same day: no second one
    organizations.add_organization(db, Organization("ข"))
    db.close()
    files.open_database(path).close()
    assert backups.list_backups(path) == [daily]


def test_an_unchanged_file_is_not_backed_up_again_the_next_day(folder: Path) -> None:
    path = _database(folder / "ita.sqlite", "ก")
    yesterday = datetime.now() - timedelta(days=1)
    stored.backup_file(path, "daily").rename(
        folder / "backups" / f"ita.backup-{yesterday:%Y%m%d-%H%M%S}-daily.sqlite"
    )
    earlier = (yesterday - timedelta(hours=1)).timestamp()
    os.utime(path, (earlier, earlier))
    files.open_database(path).close()
    assert len(backups.list_backups(path)) == 1
    os.utime(path, None)  # changed since: backed up
    files.open_database(path).close()
    assert [b.reason for b in backups.list_backups(path)] == ["daily", "daily"]


def test_a_failing_daily_backup_does_not_keep_the_file_shut(
    folder: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    path = _database(folder / "ita.sqlite", "ก")

    def full_disk(*_args: object, **_kw: object) -> Path:
        raise StorageError("พื้นที่ดิสก์เต็ม", "No space left on device")

    monkeypatch.setattr(Repository, "backup", full_disk)
    with caplog.at_level(logging.WARNING):
        db = files.open_database(path)
    try:
        assert [o.name for o in db.organizations()] == ["ก"]
    finally:
        db.close()
    assert "daily backup" in caplog.text


def test_deleting_a_year_backs_the_file_up_first(folder: Path) -> None:
    path = folder / "ita.sqlite"
    db = Repository.open(path)
    try:
        org_id = organizations.add_organization(db, Organization("ก")).created_id
        assert org_id is not None
        aid = assessments.create_year(db, org_id, 2566).created_id
        assert aid is not None
        assessments.delete_year(db, aid)
        assert assessments.years(db, org_id) == []
    finally:
        db.close()
    (kept,) = backups.list_backups(path)
    assert kept.reason == "delete-year" and kept.label == "ก่อนลบปีงบประมาณ"
    conn = sqlite3.connect(kept.path)
    assert conn.execute("SELECT year FROM assessments").fetchall() == [(2566,)]
    conn.close()


def test_a_failing_backup_stops_the_deletion(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db = Repository.open(folder / "ita.sqlite")
    try:
        org_id = organizations.add_organization(db, Organization("ก")).created_id
        assert org_id is not None
        aid = assessments.create_year(db, org_id, 2566).created_id
        assert aid is not None

        def unwritable(*_args: object, **_kw: object) -> Path:
            raise OSError(13, "Permission denied")

        monkeypatch.setattr(stored, "backup", unwritable)
        with pytest.raises(StorageError) as info:
            assessments.delete_year(db, aid)
        assert "ก่อนลบปีงบประมาณไม่สำเร็จ" in info.value.thai
        assert "ยังไม่ได้ทำรายการนี้" in info.value.thai
        assert assessments.years(db, org_id) == [2566]
    finally:
        db.close()


def test_importing_an_exchange_file_backs_the_file_up_first(folder: Path, tmp_path: Path) -> None:
    source = Repository.open(tmp_path / "source.sqlite")
    try:
        organizations.add_organization(source, Organization("จากไฟล์"))
        exchange.export_exchange(source, tmp_path / "x.json")
    finally:
        source.close()
    path = _database(folder / "ita.sqlite", "เดิม")
    db = Repository.open(path)
    try:
        exchange.import_exchange(db, exchange.read_exchange_file(tmp_path / "x.json"))
    finally:
        db.close()
    assert sorted(_names(path)) == sorted(["เดิม", "จากไฟล์"])
    (kept,) = backups.list_backups(path)
    assert kept.reason == "import" and _names(kept.path) == ["เดิม"]


def test_nothing_to_keep_means_no_automatic_backup(folder: Path) -> None:
    memory = Repository.open(None)
    empty = Repository.open(folder / "empty.sqlite")
    try:
        assert backups.before_change(memory, "import") is None
        assert backups.before_change(empty, "import") is None
    finally:
        memory.close()
        empty.close()
    assert not (folder / "backups").exists()


# restore ----------------------------------------------------------------------------------------
def test_restore_brings_the_backup_back_and_keeps_what_it_replaced(folder: Path) -> None:
    path = _database(folder / "ita.sqlite", "ก่อนแก้")
    db = Repository.open(path)
    try:
        made = backups.backup_now(db)
        org_id = db.organizations()[0].id
        assert org_id is not None
        organizations.update_organization(db, org_id, name="หลังแก้")
    finally:
        db.close()
    done = backups.restore(path, made)
    assert (done.database, done.source) == (path, made)
    assert _names(path) == ["ก่อนแก้"]
    assert done.kept is not None and _names(done.kept) == ["หลังแก้"]
    assert [b.reason for b in backups.list_backups(path)] == ["restore", "manual"]
    assert backups.find_backup(path, made.name) == made  # a name from the list is enough
    assert backups.find_backup(path, str(made)) == made
    with pytest.raises(ValidationError):
        backups.find_backup(path, "ไม่มี.sqlite")


def test_restore_refuses_a_database_open_in_this_process(folder: Path) -> None:
    path = _database(folder / "ita.sqlite", "ก")
    db = Repository.open(path)
    try:
        made = db.backup("manual")
        before = folder_state(folder)
        with pytest.raises(ValidationError) as info:
            backups.restore(path, made)
        assert "ปิดก่อนกู้คืน" in info.value.thai
        assert folder_state(folder) == before
    finally:
        db.close()


def _not_a_backup(path: Path, kind: str) -> Path:
    if kind == "empty":
        path.write_bytes(b"")
    elif kind == "damaged":
        path.write_bytes(b"%PDF-1.7 not a database")
    elif kind == "foreign":
        foreign_file(path)
    else:
        _database(path, "อนาคต")
        stamp(path, user_version=99)
    return path


@pytest.mark.parametrize(
    ("kind", "error", "said"),
    [
        ("empty", EmptyDatabaseError, "0 ไบต์"),
        ("damaged", DamagedDatabaseError, "เสียหาย"),
        ("foreign", NotOurDatabaseError, "โปรแกรมอื่น"),
        ("newer", NewerDatabaseError, "รุ่นที่ใหม่กว่า"),
    ],
)
def test_restore_refuses_what_is_not_a_sound_backup_of_ours(
    folder: Path, tmp_path: Path, kind: str, error: type[StorageError], said: str
) -> None:
    path = _database(folder / "ita.sqlite", "ของเดิม")
    backup = _not_a_backup(tmp_path / "wrong.sqlite", kind)
    before, backup_before = folder_state(folder), digest(backup)
    with pytest.raises(error) as info:
        backups.restore(path, backup)
    assert info.value.thai.startswith("ไม่กู้คืนจากไฟล์นี้") and said in info.value.thai
    assert folder_state(folder) == before and digest(backup) == backup_before


@pytest.mark.parametrize("kind", ["foreign", "newer"])
def test_restore_does_not_write_over_a_file_that_is_not_ours_to_replace(
    folder: Path, tmp_path: Path, kind: str
) -> None:
    made = _database(tmp_path / "good.sqlite", "สำรองไว้")
    path = _not_a_backup(folder / "ita.sqlite", kind)
    before = folder_state(folder)
    with pytest.raises((NotOurDatabaseError, NewerDatabaseError)) as info:
        backups.restore(path, made)
    assert "ไม่เขียนทับ" in info.value.thai
    assert folder_state(folder) == before


def test_restore_over_a_damaged_file_keeps_its_bytes(folder: Path, tmp_path: Path) -> None:
    made = _database(tmp_path / "good.sqlite", "สำรองไว้")
    path = folder / "ita.sqlite"
    path.write_bytes(b"%PDF-1.7 the export went over the database")
    damaged = digest(path)
    done = backups.restore(path, made)
    assert _names(path) == ["สำรองไว้"]
    assert done.kept is not None and digest(done.kept) == damaged
    assert [b.reason for b in backups.list_backups(path)] == ["damaged"]
    assert backups.list_backups(path)[0].label.startswith("ไฟล์เสียหาย")


def test_restore_recreates_a_missing_file(folder: Path, tmp_path: Path) -> None:
    made = _database(tmp_path / "good.sqlite", "สำรองไว้")
    done = backups.restore(folder / "lost.sqlite", made)
    assert done.kept is None and _names(folder / "lost.sqlite") == ["สำรองไว้"]


def test_restore_refuses_the_database_itself_as_its_backup(folder: Path) -> None:
    path = _database(folder / "ita.sqlite", "ก")
    Path(f"{path}-journal").write_bytes(b"")
    for target in (path, folder / "." / "ita.sqlite", Path(f"{path}-journal")):
        with pytest.raises(ValidationError) as info:
            backups.restore(path, target)
        assert "ไฟล์ฐานข้อมูลเอง" in info.value.thai


def test_restore_sets_aside_the_old_files_journal(folder: Path, tmp_path: Path) -> None:
    made = _database(tmp_path / "good.sqlite", "สำรองไว้")
    path = _database(folder / "ita.sqlite", "ก")
    Path(f"{path}-wal").write_bytes(b"left by a crash of an old version")
    backups.restore(path, made)
    assert not Path(f"{path}-wal").exists()
    assert len(list(folder.glob("ita.sqlite-wal.stale-*"))) == 1
    assert _names(path) == ["สำรองไว้"]


def test_restore_keeps_the_backup_it_restores_from(folder: Path) -> None:
    path = _database(folder / "ita.sqlite", "ก")
    made = stored.backup_file(path, "manual", keep=2)
    oldest = made.rename(folder / "backups" / "ita.backup-20200101-000000-manual.sqlite")
    stored.backup_file(path, "daily", keep=2)
    stored.set_keep_count(2)
    try:
        done = backups.restore(path, oldest)
    finally:
        stored.set_keep_count(stored.KEEP_DEFAULT)
    assert oldest.exists() and done.kept is not None and done.kept.exists()
    # the two newest are kept; the one restored from is kept besides
    assert [b.reason for b in backups.list_backups(path)] == ["restore", "daily", "manual"]


def test_a_backup_of_an_older_version_is_restored_then_migrated(
    folder: Path, tmp_path: Path
) -> None:
    made = old_file(tmp_path / "old-backup.sqlite", "0001", name="ปีที่แล้ว")
    path = _database(folder / "ita.sqlite", "ปีนี้")
    backups.restore(path, made)
    assert _names(path) == ["ปีที่แล้ว"]
    assert [b.reason for b in backups.list_backups(path)] == ["migration", "restore"]
