"""Backup files: names, listing, keeping the newest N (never another file), whole copies."""

from __future__ import annotations

import os
import sqlite3
import time
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from ita_desktop.domain.models import Organization
from ita_desktop.services import organizations
from ita_desktop.storage import backups
from ita_desktop.storage.file_format import APPLICATION_ID
from ita_desktop.storage.inspection import read_header
from ita_desktop.storage.repository import Repository
from tests.storage.old_files import digest


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    folder = tmp_path / "office"
    folder.mkdir()
    path = folder / "ita.sqlite"
    db = Repository.open(path)
    organizations.add_organization(db, Organization("เทศบาลตำบลนาบอน"))
    db.close()
    return path


def _fake(db_path: Path, when: datetime, reason: str = "daily", n: int = 1) -> Path:
    """A backup file as if made at `when` (the name carries the time)."""
    folder = backups.folder_of(db_path)
    folder.mkdir(exist_ok=True)
    number = f"-{n}" if n > 1 else ""
    path = folder / f"{db_path.stem}.backup-{when:%Y%m%d-%H%M%S}{number}-{reason}{db_path.suffix}"
    path.write_bytes(b"backup")
    return path


def test_a_backup_is_a_whole_stamped_rollback_journal_copy(db_path: Path) -> None:
    db = Repository.open(db_path)
    try:
        made = db.backup("manual")
    finally:
        db.close()
    assert made.parent == db_path.parent / "backups"
    assert made.name.startswith("ita.backup-") and made.name.endswith("-manual.sqlite")
    header = read_header(made)
    assert not header.wal and header.application_id == APPLICATION_ID
    conn = sqlite3.connect(made)
    assert conn.execute("SELECT name FROM organizations").fetchall() == [("เทศบาลตำบลนาบอน",)]
    assert conn.execute("PRAGMA quick_check").fetchone() == ("ok",)
    conn.close()
    assert sorted(p.name for p in made.parent.iterdir()) == [made.name]  # no .part left


def test_names_and_listing(db_path: Path) -> None:
    now = datetime(2026, 11, 27, 10, 57, 0)
    first = backups.new_backup_path(db_path, "daily", now)
    assert first.name == "ita.backup-20261127-105700-daily.sqlite"
    first.parent.mkdir()
    first.write_bytes(b"x" * 10)
    second = backups.new_backup_path(db_path, "import", now)
    assert second.name == "ita.backup-20261127-105700-2-import.sqlite"  # same second, numbered
    second.write_bytes(b"y")
    first.unlink()  # pruned: the numbers still follow the order they were made in
    third = backups.new_backup_path(db_path, "daily", now)
    assert third.name == "ita.backup-20261127-105700-3-daily.sqlite"
    first.write_bytes(b"x" * 10)
    third.write_bytes(b"z")
    later = _fake(db_path, now + timedelta(days=1), "delete-year")
    listed = backups.list_backups(db_path)
    assert [b.path for b in listed] == [later, third, second, first]  # newest first
    entry = next(b for b in listed if b.path == first)
    assert (entry.created, entry.size, entry.reason) == (now, 10, "daily")
    assert entry.label == "สำรองอัตโนมัติประจำวัน"
    with pytest.raises(ValueError):
        backups.new_backup_path(db_path, "whatever")


def test_a_database_with_another_extension_keeps_it(tmp_path: Path) -> None:
    path = tmp_path / "ข้อมูล ITA 2568.itadb"
    made = backups.new_backup_path(path, "manual", datetime(2026, 1, 2, 3, 4, 5))
    assert made.name == "ข้อมูล ITA 2568.backup-20260102-030405-manual.itadb"
    assert backups.new_backup_path(tmp_path / "plain", "manual").suffix == ".sqlite"


def test_listing_and_pruning_touch_only_this_databases_backups(db_path: Path) -> None:
    start = datetime(2026, 1, 1, 8, 0, 0)
    ours = [_fake(db_path, start + timedelta(hours=i)) for i in range(14)]
    folder = backups.folder_of(db_path)
    others = [
        folder / "notes.txt",
        folder / "ita.sqlite",  # a user's own copy
        folder / "ita.backup-2026-bad-daily.sqlite",  # not our pattern
        folder / "ita.backup-20260101-080000-unknown.sqlite",  # not a reason we write
        folder / "other.backup-20260101-080000-daily.sqlite",  # another database's
        folder / "ita.backup-20260101-080000-daily.itadb",  # ita.itadb's, not ita.sqlite's
    ]
    for p in others:
        p.write_bytes(b"keep me")
    (folder / "ita.backup-20260101-090000-daily.sqlite.d").mkdir()  # a folder
    assert [b.path for b in backups.list_backups(db_path)] == ours[::-1]
    deleted = backups.prune(db_path, keep=10, protect=[ours[0]])
    assert sorted(deleted) == sorted(ours[1:4])  # the oldest, but the protected one stays
    assert [b.path for b in backups.list_backups(db_path)] == [*ours[4:][::-1], ours[0]]
    assert all(p.read_bytes() == b"keep me" for p in others)


def test_the_kept_count_is_a_setting(db_path: Path) -> None:
    assert backups.keep_count() == backups.KEEP_DEFAULT == 10
    db = Repository.open(db_path)
    try:
        backups.set_keep_count(2)
        made = [db.backup("manual") for _ in range(4)]
    finally:
        backups.set_keep_count(backups.KEEP_DEFAULT)
        db.close()
    assert [b.path for b in backups.list_backups(db_path)] == made[:1:-1]
    with pytest.raises(ValueError):
        backups.set_keep_count(0)


def test_a_failed_copy_leaves_the_old_target(db_path: Path, tmp_path: Path) -> None:
    target = tmp_path / "copy.sqlite"
    target.write_bytes(b"the previous copy")
    source = sqlite3.connect(db_path)
    source.close()  # a closed connection cannot be copied
    with pytest.raises(sqlite3.ProgrammingError):
        backups.write_copy(source, target)
    assert target.read_bytes() == b"the previous copy"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["copy.sqlite", "office", "userdata"]


def test_a_damaged_file_is_copied_byte_for_byte(tmp_path: Path) -> None:
    source = tmp_path / "bad.sqlite"
    source.write_bytes(os.urandom(5000))
    target = tmp_path / "kept.sqlite"
    backups.copy_bytes(source, target)
    assert digest(target) == digest(source)


def test_the_daily_backup_is_due_once_a_day_and_only_for_a_changed_file(db_path: Path) -> None:
    assert backups.daily_due(db_path)  # no backup yet
    today = datetime.now()
    made = _fake(db_path, today)
    assert not backups.daily_due(db_path)  # one today already
    made.unlink()
    old = _fake(db_path, today - timedelta(days=2))
    past = time.time() - 3 * 86400
    os.utime(db_path, (past, past))  # unchanged since that backup
    assert not backups.daily_due(db_path)
    os.utime(db_path, None)  # changed since
    assert backups.daily_due(db_path)
    assert old.exists()
