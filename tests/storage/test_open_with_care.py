"""Opening with care: a file that is not ours, newer, empty or damaged is refused untouched
(byte-identical, nothing created beside it); a file that cannot be written opens read-only;
a migration is one transaction after a backup."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from ita_desktop.domain.models import Organization
from ita_desktop.errors import (
    DamagedDatabaseError,
    EmptyDatabaseError,
    NewerDatabaseError,
    NotOurDatabaseError,
    ReadOnlyDatabaseError,
    StorageError,
)
from ita_desktop.services import files, organizations
from ita_desktop.services.assessments import create_year
from ita_desktop.services.export import export_document
from ita_desktop.storage import database, file_format
from ita_desktop.storage.file_format import APPLICATION_ID, head_revision
from ita_desktop.storage.inspection import read_header
from ita_desktop.storage.repository import Repository
from tests.storage.crashes import crash_mid_transaction
from tests.storage.old_files import digest, folder_state, foreign_file, old_file, stamp


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """The user's folder (nothing else in it, so anything that appears is seen)."""
    office = tmp_path / "office"
    office.mkdir()
    return office


def _ours(path: Path, *names: str) -> Path:
    db = Repository.open(path)
    try:
        for name in names or ("เทศบาลตำบลนาบอน",):
            organizations.add_organization(db, Organization(name))
    finally:
        db.close()
    return path


def _refused(path: Path, kind: type[StorageError], *words: str) -> StorageError:
    """Both ways of opening refuse `path` with `kind`, and nothing in its folder changes: no
    backup, no journal or WAL switch, no table created."""
    before = folder_state(path.parent)
    for opener in (Repository.open, files.open_database):
        with pytest.raises(kind) as info:
            opener(path)
        assert folder_state(path.parent) == before
    for word in words:
        assert word in info.value.thai
    return info.value


def test_another_programs_database_is_refused_untouched(folder: Path) -> None:
    error = _refused(foreign_file(folder / "contacts.sqlite"), NotOurDatabaseError, "โปรแกรมอื่น")
    assert "contacts" in error.detail  # the English detail names what it holds


def test_a_database_stamped_by_another_program_is_refused_untouched(folder: Path) -> None:
    path = foreign_file(folder / "other.sqlite", application_id=0x5A5A5A5A)
    assert "0x5a5a5a5a" in _refused(path, NotOurDatabaseError, "โปรแกรมอื่น").detail


def test_another_program_using_alembic_is_not_taken_for_ours(folder: Path) -> None:
    path = folder / "app.sqlite"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE alembic_version (version_num VARCHAR(32) PRIMARY KEY)")
    conn.execute("INSERT INTO alembic_version VALUES ('ae1027a6acf')")
    conn.execute("CREATE TABLE organizations (id INTEGER PRIMARY KEY)")
    conn.execute("CREATE TABLE assessments (id INTEGER PRIMARY KEY)")
    conn.commit()
    conn.close()
    _refused(path, NotOurDatabaseError, "ไม่ใช่ของ ITA Desktop")


@pytest.mark.parametrize(
    "newer", [{"revision": "0099"}, {"user_version": 99}], ids=["revision", "user_version"]
)
def test_a_file_of_a_newer_version_is_refused_untouched(
    folder: Path, newer: dict[str, object]
) -> None:
    path = _ours(folder / "newer.sqlite")
    stamp(path, **newer)  # type: ignore[arg-type]
    _refused(path, NewerDatabaseError, "รุ่นที่ใหม่กว่า", "ไม่ถูกแก้ไข")


def test_a_newer_file_in_wal_mode_gets_no_side_files(folder: Path) -> None:
    path = _ours(folder / "newer.sqlite")
    stamp(path, user_version=99)
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.close()
    assert read_header(path).wal
    _refused(path, NewerDatabaseError)
    assert sorted(p.name for p in folder.iterdir()) == ["newer.sqlite"]


def test_an_old_unstamped_file_from_before_any_migration_is_refused_as_foreign(
    folder: Path,
) -> None:
    path = folder / "old.sqlite"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE alembic_version (version_num VARCHAR(32) PRIMARY KEY)")
    conn.execute("CREATE TABLE keepme (x)")
    conn.execute("INSERT INTO keepme VALUES (42)")
    conn.commit()
    conn.close()
    _refused(path, NotOurDatabaseError)


def test_an_empty_file_is_not_taken_for_a_new_database(folder: Path) -> None:
    path = folder / "copied.sqlite"
    path.write_bytes(b"")
    error = _refused(path, EmptyDatabaseError, "0 ไบต์")
    assert isinstance(error, DamagedDatabaseError)  # the recovery path: use a backup
    assert path.stat().st_size == 0
    files.new_database(path).close()  # File → New on it keeps it, renamed, and starts afresh
    assert read_header(path).application_id == APPLICATION_ID


@pytest.mark.parametrize(
    ("content", "said"),
    [
        (b"%PDF-1.7\n" + b"x" * 500, "ไฟล์ PDF"),
        (b"PK\x03\x04" + b"x" * 500, "ไฟล์ Excel/ZIP"),
        (b"this is not a database" * 100, "ไม่ใช่ฐานข้อมูล SQLite"),
        (b"SQLite format 3\x00" + b"\x00" * 20, "ไม่ใช่ฐานข้อมูล SQLite"),  # cut short
    ],
    ids=["pdf", "xlsx", "text", "truncated"],
)
def test_a_file_that_is_not_a_database_says_what_it_is(
    folder: Path, content: bytes, said: str
) -> None:
    path = folder / "ita.sqlite"
    path.write_bytes(content)
    _refused(path, DamagedDatabaseError, said, "ไม่แก้ไข")


def test_a_damaged_page_is_found_by_quick_check(folder: Path) -> None:
    path = _ours(folder / "damaged.sqlite", *(f"หน่วยงาน {i} " + "ก" * 280 for i in range(40)))
    page_size = read_header(path).page_size
    data = bytearray(path.read_bytes())
    last = len(data) // page_size - 1  # a page of the organisations table
    data[last * page_size : (last + 1) * page_size] = b"\xa5" * page_size
    path.write_bytes(bytes(data))
    error = _refused(path, DamagedDatabaseError, "เสียหาย", "ไฟล์สำรอง")
    assert "damaged.sqlite" in error.detail


def test_a_damaged_file_with_a_stranger_journal_stays_as_it_is(
    folder: Path, tmp_path: Path
) -> None:
    other = _ours(tmp_path / "other.sqlite", *(f"อื่น {i} " + "ก" * 280 for i in range(50)))
    journal = crash_mid_transaction(other, "page1")
    path = _ours(folder / "ita.sqlite", *(f"หน่วยงาน {i} " + "ก" * 280 for i in range(30)))
    page_size = read_header(path).page_size
    data = bytearray(path.read_bytes())
    data[-page_size:] = b"\xa5" * page_size
    path.write_bytes(bytes(data))
    shutil.copyfile(journal, Path(f"{path}-journal"))
    _refused(path, DamagedDatabaseError)  # the journal is not even set aside


def test_a_blank_sqlite_file_becomes_ours(folder: Path) -> None:
    path = folder / "blank.sqlite"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE t (x)")
    conn.execute("DROP TABLE t")
    conn.close()
    Repository.open(path).close()
    header = read_header(path)
    assert header.application_id == APPLICATION_ID
    assert header.user_version == int(head_revision())
    assert not (folder / "backups").exists()  # nothing in it to keep


def test_an_older_version_is_migrated_and_stamped_after_a_backup(folder: Path) -> None:
    path = old_file(folder / "old.sqlite", "0001", name="ข้อมูลปีก่อน")
    db = Repository.open(path)
    try:
        assert [o.name for o in db.organizations()] == ["ข้อมูลปีก่อน"]
    finally:
        db.close()
    header = read_header(path)
    assert (header.application_id, header.user_version) == (APPLICATION_ID, int(head_revision()))
    (backup,) = (folder / "backups").glob("old.backup-*-migration.sqlite")
    conn = sqlite3.connect(backup)
    assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == ("0001",)
    conn.close()
    Repository.open(path).close()  # once current, no further backup
    assert len(list((folder / "backups").iterdir())) == 1


BROKEN = '''
"""A migration that fails half-way (test only)."""
import sqlalchemy as sa
from alembic import op

revision = "{revision}"
down_revision = "{down}"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("organizations", sa.Column("half", sa.Text, nullable=True))
    op.create_table("half_done", sa.Column("x", sa.Integer))
    op.execute("UPDATE organizations SET name = 'ครึ่งทาง'")
    raise RuntimeError("the power went off")
'''


@pytest.fixture
def broken_migrations(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """Our migrations plus one more that fails half-way; returns its revision."""
    copy = tmp_path / "migrations"
    shutil.copytree(
        file_format.MIGRATIONS, copy, ignore=shutil.ignore_patterns("__pycache__", "*.pyc")
    )
    head = head_revision()
    broken = f"{int(head) + 1:04d}"
    (copy / "versions" / f"{broken}_broken.py").write_text(
        BROKEN.format(revision=broken, down=head), encoding="utf-8"
    )
    monkeypatch.setattr(file_format, "MIGRATIONS", copy)
    return broken


def test_a_failing_migration_leaves_the_file_as_it_was(
    folder: Path, broken_migrations: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.undo()
    path = _ours(folder / "ita.sqlite", "ก่อนปรับรุ่น")
    before = digest(path)
    monkeypatch.setattr(file_format, "MIGRATIONS", folder.parent / "migrations")
    assert head_revision() == broken_migrations
    with pytest.raises(StorageError) as info:
        Repository.open(path)
    assert "ปรับรุ่นฐานข้อมูลไม่สำเร็จ" in info.value.thai and "power" in info.value.detail
    assert digest(path) == before  # no column, no table, no name changed, no stamp
    assert sorted(p.name for p in folder.iterdir()) == ["backups", "ita.sqlite"]
    (backup,) = (folder / "backups").iterdir()  # the backup was made first
    assert backup.name.endswith("-migration.sqlite")
    monkeypatch.undo()
    db = Repository.open(path)
    try:
        assert [o.name for o in db.organizations()] == ["ก่อนปรับรุ่น"]
        with db.read() as s:
            conn = s.session.connection()
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    finally:
        db.close()


# read-only --------------------------------------------------------------------------------------
def _chattr(flag: str, *paths: Path) -> bool:
    try:
        done = subprocess.run(
            ["chattr", flag, *map(str, paths)], check=False, capture_output=True, timeout=30
        )
    except (OSError, subprocess.TimeoutExpired):
        return False
    return done.returncode == 0


@contextmanager
def read_only(paths: list[Path], monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """Make `paths` (a file and/or its folder) truly unwritable: chmod for a normal user, the
    immutable attribute for root (which chmod does not stop); where neither is possible,
    the writability check is told so. Yields how."""
    if os.name != "nt" and os.geteuid() != 0:
        modes = {p: p.stat().st_mode for p in paths}
        for p in paths:
            p.chmod(0o555 if p.is_dir() else 0o444)
        try:
            yield "chmod"
        finally:
            for p, mode in modes.items():
                p.chmod(mode)
    elif os.name != "nt" and _chattr("+i", *paths):
        try:
            yield "chattr"
        finally:
            _chattr("-i", *paths)
    else:
        monkeypatch.setattr(database, "writable", lambda _path: False)
        yield "patched"


@pytest.mark.parametrize("where", ["file", "folder"])
def test_an_unwritable_file_opens_read_only(
    folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, where: str
) -> None:
    path = _ours(folder / "cd.sqlite", "เทศบาลตำบลนาบอน")
    db = Repository.open(path)
    org_id = db.organizations()[0].id
    assert org_id is not None
    create_year(db, org_id, 2566)
    db.close()
    before = folder_state(folder)
    out = tmp_path / "out"
    out.mkdir()
    with read_only([path] if where == "file" else [path, folder], monkeypatch):
        db = files.open_database(path)
        try:
            assert db.read_only
            assert [o.name for o in db.organizations()] == ["เทศบาลตำบลนาบอน"]
            with pytest.raises(ReadOnlyDatabaseError) as info:
                organizations.update_organization(db, org_id, name="อื่น")
            assert "อ่านอย่างเดียว" in info.value.thai
            export_document(db, org_id=org_id, year=2566, fmt="xlsx", out=out / "r.xlsx")
            files.save_copy(db, out / "copy.sqlite")  # the way to a writable file
        finally:
            db.close()
        assert folder_state(folder) == before  # no journal, no backup, no side file
    assert (out / "r.xlsx").stat().st_size > 0
    copy = Repository.open(out / "copy.sqlite")
    try:
        assert not copy.read_only and [o.name for o in copy.organizations()] == ["เทศบาลตำบลนาบอน"]
    finally:
        copy.close()


def test_a_read_only_folder_with_a_stranger_journal_still_opens(
    folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    other = _ours(tmp_path / "other.sqlite", *(f"อื่น {i} " + "ก" * 280 for i in range(30)))
    journal = crash_mid_transaction(other, "page1")
    path = _ours(folder / "ita.sqlite", "ของเรา")
    shutil.copyfile(journal, Path(f"{path}-journal"))
    before = folder_state(folder)
    with read_only([path, Path(f"{path}-journal"), folder], monkeypatch):
        db = Repository.open(path)  # the stranger's journal is ignored (immutable)
        try:
            assert db.read_only and [o.name for o in db.organizations()] == ["ของเรา"]
        finally:
            db.close()
    assert folder_state(folder) == before


def test_an_older_version_in_a_read_only_folder_says_to_copy_it(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = old_file(folder / "old.sqlite", "0001")
    before = folder_state(folder)
    with read_only([path, folder], monkeypatch), pytest.raises(ReadOnlyDatabaseError) as info:
        Repository.open(path)
    assert "ปรับรุ่น" in info.value.thai and "คัดลอก" in info.value.thai
    assert folder_state(folder) == before
