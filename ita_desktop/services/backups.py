"""Use cases on backups: back up now, list, restore, and the automatic backups before changes.

Backups live in a `backups` folder beside the database (see `storage.backups` for names and
how many are kept). Automatic ones are made on the first open of a day
(`services.files.open_database`), before a migration, before an exchange import, before a
restore and before a year is deleted.
"""

from __future__ import annotations

import os
import sqlite3
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

from ita_desktop.errors import (
    DamagedDatabaseError,
    EmptyDatabaseError,
    NewerDatabaseError,
    NotOurDatabaseError,
    StorageError,
    ValidationError,
)
from ita_desktop.services.files import refuse_open_file
from ita_desktop.storage import backups as stored
from ita_desktop.storage.backups import (
    KEEP_DEFAULT,
    REASONS,
    BackupFile,
    keep_count,
    set_keep_count,
)
from ita_desktop.storage.database import (
    SIDE_SUFFIXES,
    inspect_file,
    set_aside,
    side_files,
    translated_errors,
)
from ita_desktop.storage.repository import Repository, open_paths

__all__ = [
    "KEEP_DEFAULT",
    "REASONS",
    "BackupFile",
    "Restored",
    "backup_folder",
    "backup_now",
    "before_change",
    "find_backup",
    "keep_count",
    "list_backups",
    "restore",
    "set_keep_count",
]


def backup_folder(db_path: Path) -> Path:
    """Where the backups of `db_path` are kept: the `backups` folder beside it."""
    return stored.folder_of(Path(db_path))


def list_backups(db_path: Path) -> list[BackupFile]:
    """The backups of `db_path`, newest first (the database itself need not open)."""
    return stored.list_backups(Path(db_path))


def backup_now(db: Repository, out: Path | None = None) -> Path:
    """Back the open database up now: into its backups folder (reason "manual", the oldest
    beyond the kept count deleted), or to the file `out` (never over an open database)."""
    if out is not None:
        out = Path(out)
        refuse_open_file(out, db.path)
        if out.is_dir():
            raise ValidationError("ที่บันทึกไฟล์สำรองเป็นโฟลเดอร์ กรุณาระบุชื่อไฟล์", str(out))
        if not out.parent.is_dir():
            raise ValidationError("ไม่พบโฟลเดอร์ที่จะบันทึกไฟล์สำรอง", str(out.parent))
        db.save_copy(out)
        return out
    try:
        return db.backup("manual")
    except StorageError as exc:
        if db.path is not None and not os.access(backup_folder(db.path).parent, os.W_OK):
            raise StorageError(
                "โฟลเดอร์ของไฟล์ฐานข้อมูลนี้เขียนไม่ได้ จึงเก็บไฟล์สำรองไว้ข้างไฟล์ไม่ได้"
                " กรุณาเลือกที่บันทึกไฟล์สำรองเอง (--out หรือ บันทึกเป็น)",
                exc.detail,
            ) from exc
        raise


def before_change(db: Repository, reason: str) -> Path | None:
    """The automatic backup before a change that replaces or deletes data ("import",
    "delete-year"). None when there is nothing to keep: a database in memory, read-only
    (the change will be refused anyway) or without any organisation. A backup that fails
    stops the change (StorageError), so nothing is lost without a way back."""
    if db.path is None or db.read_only or not db.organizations():
        return None
    try:
        return db.backup(reason)
    except StorageError as exc:
        raise StorageError(
            f"สำรองข้อมูล{REASONS[reason]}ไม่สำเร็จ จึงยังไม่ได้ทำรายการนี้ ({exc.thai})", exc.detail
        ) from exc


def find_backup(db_path: Path, name: Path | str) -> Path:
    """A backup named on the command line: a path, or a file name in the backups folder."""
    given = Path(name)
    if given.is_file():
        return given
    listed = backup_folder(db_path) / given.name
    if str(name) == given.name and listed.is_file():
        return listed
    raise ValidationError(f"ไม่พบไฟล์สำรอง {name}", "backup file not found")


@dataclass(frozen=True)
class Restored:
    """What a restore did: the database now holds `source`; `kept` is the backup of what it
    held before (None when there was no file or it was empty)."""

    database: Path
    source: Path
    kept: Path | None


def restore(db_path: Path, backup: Path) -> Restored:
    """Replace the database file with the content of `backup`.

    Refused (nothing changed) when the backup is not ours, newer, damaged or empty, when the
    database is open in this process (the caller closes it first), or when the file to be
    replaced is another program's or a newer version's. What the file held is backed up
    first (reason "restore"; a damaged file is kept byte for byte, reason "damaged"); the
    new content is written to a temporary file, synced and renamed over the database.
    """
    db_path, backup = Path(db_path), Path(backup)
    if not backup.is_file():
        raise ValidationError(f"ไม่พบไฟล์สำรอง {backup}", "backup file not found")
    if not db_path.absolute().parent.is_dir():
        raise ValidationError("ไม่พบโฟลเดอร์ของไฟล์ฐานข้อมูล", str(db_path.parent))
    for suffix in ("", *SIDE_SUFFIXES):
        if _same(backup, Path(f"{db_path}{suffix}")):
            raise ValidationError(
                "ไฟล์ที่เลือกคือไฟล์ฐานข้อมูลเอง ไม่ใช่ไฟล์สำรอง", f"{backup} is the database"
            )
    if any(_same(db_path, p) for p in open_paths()):
        raise ValidationError(
            "ฐานข้อมูลนี้เปิดใช้งานอยู่ กรุณาปิดก่อนกู้คืน", f"{db_path} is open in this program"
        )
    with translated_errors():
        _check_backup(backup)
        kept = _keep_current(db_path, backup) if db_path.exists() else None
        set_aside(side_files(db_path))  # the old file's journal must never meet the new one
        source = sqlite3.connect(backup, timeout=5)
        with closing(source):
            source.execute("PRAGMA query_only = ON")
            stored.write_copy(source, db_path)
        stored.prune(db_path, protect=[p for p in (kept, backup) if p is not None])
    return Restored(db_path, backup, kept)


def _same(a: Path, b: Path) -> bool:
    try:
        if os.path.samefile(a, b):
            return True
    except OSError:
        pass
    return os.path.normcase(str(a.resolve())) == os.path.normcase(str(b.resolve()))


_REFUSED_BACKUP = (
    (EmptyDatabaseError, "ไฟล์ว่างเปล่า (0 ไบต์) ไม่ใช่ไฟล์สำรองที่ใช้ได้"),
    (DamagedDatabaseError, "ไฟล์เสียหาย หรือไม่ใช่ฐานข้อมูล SQLite"),
    (NotOurDatabaseError, "เป็นฐานข้อมูลของโปรแกรมอื่น ไม่ใช่ไฟล์สำรองของ ITA Desktop"),
    (NewerDatabaseError, "บันทึกด้วย ITA Desktop รุ่นที่ใหม่กว่า กรุณาปรับปรุงโปรแกรมก่อน"),
)


def _check_backup(backup: Path) -> None:
    """Refuse (typed error, nothing changed) when it is not a
    sound database of ours that this version can open."""
    try:
        found = inspect_file(backup)
    except (DamagedDatabaseError, NotOurDatabaseError, NewerDatabaseError) as exc:
        why = next(text for kind, text in _REFUSED_BACKUP if isinstance(exc, kind))
        raise type(exc)(f"ไม่กู้คืนจากไฟล์นี้: {why} (ไฟล์ไม่ถูกแก้ไข)", exc.detail) from exc
    if found.revision is None:
        raise NotOurDatabaseError(
            "ไม่กู้คืนจากไฟล์นี้: เป็นฐานข้อมูล SQLite ว่างเปล่า ไม่ใช่ไฟล์สำรองของ ITA Desktop",
            f"blank database: {backup}",
        )
    if found.stale or found.pending:
        raise StorageError(
            "ไม่กู้คืนจากไฟล์นี้: มีไฟล์ประกอบ (-journal หรือ -wal) ค้างอยู่ข้างไฟล์สำรอง"
            " กรุณาเปิดไฟล์สำรองนั้นด้วยโปรแกรมครั้งหนึ่งก่อน",
            f"side files beside {backup}",
        )


def _keep_current(db_path: Path, source: Path) -> Path | None:
    """Back up the file a restore replaces (refusing one that is not ours to replace)."""
    try:
        found = inspect_file(db_path)
    except EmptyDatabaseError:
        return None  # 0 bytes: nothing to keep
    except DamagedDatabaseError:
        target = stored.new_backup_path(db_path, "damaged")
        target.parent.mkdir(exist_ok=True)
        stored.copy_bytes(db_path, target)
        return target
    except (NotOurDatabaseError, NewerDatabaseError) as exc:
        raise type(exc)(f"ไม่เขียนทับไฟล์ปลายทาง: {exc.thai}", exc.detail) from exc
    set_aside(found.stale)
    conn = sqlite3.connect(db_path, timeout=5)  # rolls back a journal of its own first
    with closing(conn):
        conn.execute("PRAGMA busy_timeout = 5000")
        return stored.backup(conn, db_path, "restore", protect=[source])
