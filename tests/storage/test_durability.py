"""The `.sqlite` alone holds every acknowledged edit, and side files never damage it.

The file uses the rollback journal with synchronous=EXTRA (storage/database.py): nothing of
an acknowledged write lives outside the file, so a copy taken while the program is open is
complete, and a `-journal` or `-wal` that is not the file's own is set aside, never played.
"""

from __future__ import annotations

import shutil
import sqlite3
from decimal import Decimal
from pathlib import Path

import pytest

from ita_desktop.domain.models import Organization
from ita_desktop.errors import StorageError
from ita_desktop.services import assessments, organizations
from ita_desktop.storage import database
from ita_desktop.storage.file_format import APPLICATION_ID, head_revision
from ita_desktop.storage.inspection import read_header
from ita_desktop.storage.repository import Repository
from tests.storage.crashes import crash_after_wal_commit, crash_mid_transaction
from tests.storage.old_files import digest, old_file

D = Decimal


def _names(path: Path) -> list[str]:
    db = Repository.open(path)
    try:
        return [o.name for o in db.organizations()]
    finally:
        db.close()


def _many(path: Path, n: int = 30) -> None:
    """A file of ours with `n` organisations (enough pages for a crash to spill into)."""
    db = Repository.open(path)
    try:
        for i in range(n):
            organizations.add_organization(db, Organization(f"หน่วยงาน {i}", "ก" * 200))
    finally:
        db.close()


def test_every_connection_uses_the_rollback_journal_and_syncs_fully(tmp_path: Path) -> None:
    db = Repository.open(tmp_path / "t.sqlite")
    try:
        for _ in range(2):  # two pooled connections at once
            with db.read() as a, db.read() as b:
                for s in (a, b):
                    conn = s.session.connection()
                    assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "delete"
                    assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 3  # EXTRA
                    assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    finally:
        db.close()
    header = read_header(tmp_path / "t.sqlite")
    assert not header.wal and header.application_id == APPLICATION_ID


def test_a_copy_of_the_file_alone_taken_while_it_is_open_holds_every_edit(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "office"
    folder.mkdir()
    path = folder / "live.sqlite"
    db = Repository.open(path)
    try:
        org_id = organizations.add_organization(db, Organization("เดิม")).created_id
        assert org_id is not None
        aid = assessments.create_year(db, org_id, 2566).created_id
        assert aid is not None
        for indicator in range(1, 11):
            assessments.set_score(db, aid, indicator, D(80) + indicator)
        organizations.update_organization(db, org_id, name="ชื่อใหม่")
        # the acknowledged edits are in the .sqlite itself: no journal or WAL beside it
        assert sorted(p.name for p in folder.iterdir()) == ["live.sqlite"]
        usb = tmp_path / "usb"
        usb.mkdir()
        shutil.copyfile(path, usb / "live.sqlite")  # what a clerk drags to the stick
    finally:
        db.close()
    copy = Repository.open(usb / "live.sqlite")
    try:
        assert [o.name for o in copy.organizations()] == ["ชื่อใหม่"]
        assert copy.assessment(org_id, 2566).scores == {i: D(80) + i for i in range(1, 11)}
    finally:
        copy.close()


def test_its_own_journal_after_a_crash_is_rolled_back(tmp_path: Path) -> None:
    path = tmp_path / "crash.sqlite"
    _many(path)
    crash_mid_transaction(path)
    # the file alone is half-changed: the journal is what makes it whole again
    alone = sqlite3.connect(f"file:{path}?immutable=1", uri=True)
    assert "แก้ครึ่งทาง" in alone.execute("SELECT name FROM organizations").fetchone()[0]
    alone.close()
    db = Repository.open(path)
    try:
        assert db.set_aside == ()
        assert [o.name for o in db.organizations()] == [f"หน่วยงาน {i}" for i in range(30)]
        with db.read() as s:
            check = s.session.connection().exec_driver_sql("PRAGMA quick_check").scalar()
        assert check == "ok"
    finally:
        db.close()
    assert not Path(f"{path}-journal").exists()


def test_a_journal_left_by_a_crash_does_not_land_on_a_usb_copy_put_in_its_place(
    tmp_path: Path,
) -> None:
    path = tmp_path / "ita.sqlite"
    _many(path, 5)
    usb = tmp_path / "usb-copy.sqlite"
    shutil.copyfile(path, usb)  # yesterday's copy on the stick
    db = Repository.open(path)
    try:
        for i in range(5, 30):
            organizations.add_organization(db, Organization(f"หน่วยงาน {i}", "ก" * 200))
    finally:
        db.close()
    journal = crash_mid_transaction(path, "page1")
    journal_bytes = journal.read_bytes()
    shutil.copyfile(usb, path)  # the clerk puts the stick's copy in place
    before = digest(path)
    db = Repository.open(path)
    try:
        assert [o.name for o in db.organizations()] == [f"หน่วยงาน {i}" for i in range(5)]
        (kept,) = db.set_aside
    finally:
        db.close()
    assert digest(path) == before  # nothing was played onto the copy
    assert kept.name.startswith("ita.sqlite-journal.stale-")
    assert kept.read_bytes() == journal_bytes  # set aside, never deleted


def test_a_journal_of_another_file_does_not_damage_it(tmp_path: Path) -> None:
    other = tmp_path / "other.sqlite"
    _many(other, 30)
    stale = crash_mid_transaction(other, "page1")
    path = tmp_path / "mine.sqlite"
    _many(path, 3)
    before = digest(path)
    shutil.copyfile(stale, Path(f"{path}-journal"))
    assert _names(path) == [f"หน่วยงาน {i}" for i in range(3)]
    assert digest(path) == before
    assert not Path(f"{path}-journal").exists()
    assert len(list(tmp_path.glob("mine.sqlite-journal.stale-*"))) == 1


def test_a_journal_without_its_first_page_is_judged_on_a_copy(tmp_path: Path) -> None:
    """A crash before the commit began journals no page 1; a stranger's such journal would
    break the file, which the trial on a copy finds, so it is set aside."""
    other = tmp_path / "other.sqlite"
    _many(other, 40)
    stale = crash_mid_transaction(other, "in-place")  # page 1 not journalled
    path = tmp_path / "mine.sqlite"
    _many(path, 30)
    before = digest(path)
    shutil.copyfile(stale, Path(f"{path}-journal"))
    assert _names(path) == [f"หน่วยงาน {i}" for i in range(30)]
    assert digest(path) == before
    assert len(list(tmp_path.glob("mine.sqlite-journal.stale-*"))) == 1


def test_a_wal_of_another_file_does_not_damage_it(tmp_path: Path) -> None:
    other = tmp_path / "other.sqlite"
    _many(other, 3)
    stale = crash_after_wal_commit(other, "UPDATE organizations SET name = 'ของไฟล์อื่น'")
    path = tmp_path / "mine.sqlite"
    _many(path, 3)
    before = digest(path)
    shutil.copyfile(stale, Path(f"{path}-wal"))
    assert _names(path) == [f"หน่วยงาน {i}" for i in range(3)]  # not 'ของไฟล์อื่น'
    assert digest(path) == before
    assert not Path(f"{path}-wal").exists()
    assert len(list(tmp_path.glob("mine.sqlite-wal.stale-*"))) == 1


def test_a_wal_file_of_an_older_version_is_checkpointed_and_switched(tmp_path: Path) -> None:
    path = old_file(tmp_path / "old.sqlite", "0001", wal=True, name="ก่อน")
    crash_after_wal_commit(path, "UPDATE organizations SET name = 'แก้ล่าสุด'")
    db = Repository.open(path)
    try:
        assert [o.name for o in db.organizations()] == ["แก้ล่าสุด"]  # its WAL was its own
    finally:
        db.close()
    header = read_header(path)
    assert not header.wal and header.application_id == APPLICATION_ID
    assert header.user_version == int(head_revision())
    assert not Path(f"{path}-wal").exists() and not Path(f"{path}-shm").exists()
    (backup,) = (tmp_path / "backups").glob("old.backup-*-migration.sqlite")
    assert not read_header(backup).wal  # backups are rollback-journal files too
    conn = sqlite3.connect(backup)
    assert conn.execute("SELECT name FROM organizations").fetchall() == [("แก้ล่าสุด",)]
    conn.close()


def test_a_new_file_appears_whole_or_not_at_all(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "office"
    folder.mkdir()
    path = folder / "new.sqlite"

    def power_cut(*_args: object) -> None:
        raise StorageError("ไฟดับ", "simulated")

    monkeypatch.setattr(database, "migrate", power_cut)
    with pytest.raises(StorageError):
        Repository.open(path)
    assert not path.exists()  # never a 0-byte or half-made file under the name
    assert list(folder.iterdir()) == []
    monkeypatch.undo()
    (folder / ".new.sqlite.creating").write_bytes(b"left by a killed run")
    Repository.open(path).close()
    assert sorted(p.name for p in folder.iterdir()) == ["new.sqlite"]
