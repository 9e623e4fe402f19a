"""Use cases on database files: open (to change, or only to read for an export), new, Save As
and backup, never over the open file."""

from __future__ import annotations

import logging
import os
from datetime import datetime
from pathlib import Path

from ita_desktop.errors import ItaError, StorageError, ValidationError
from ita_desktop.storage import backups as stored
from ita_desktop.storage.open_files import open_paths
from ita_desktop.storage.repository import Repository
from ita_desktop.storage.snapshot import Snapshot, open_snapshot

SIDE_FILES = ("-journal", "-wal", "-shm")

log = logging.getLogger(__name__)


def open_database(path: Path, daily_backup: bool = True) -> Repository:
    """Open an existing database file (migrating it, with a backup first, when it is older).

    The first open of a day backs the file up (`daily_backup`), unless it has not changed
    since its newest backup. Raises the typed StorageErrors of `Repository.open`:
    EmptyDatabaseError and DamagedDatabaseError (both damaged: offer the backups),
    NotOurDatabaseError, NewerDatabaseError; a file that cannot be written opens with
    `read_only` True."""
    file = Path(path)
    if not file.is_file():
        raise StorageError("ไม่พบไฟล์ฐานข้อมูล", str(file))
    db = Repository.open(file)
    if daily_backup and not db.read_only:
        _back_up_daily(db, file)
    return db


def _back_up_daily(db: Repository | Snapshot, file: Path) -> None:
    """The first open of a day backs the file up, unless it has not changed since its newest
    backup; a backup that fails is logged and must not keep the file shut."""
    if not stored.daily_due(file):
        return
    try:
        db.backup("daily")
    except (ItaError, OSError) as exc:
        log.warning("daily backup of %s failed: %s", file, exc)


def open_for_reading(path: Path, daily_backup: bool = True) -> Snapshot | Repository:
    """An existing database file opened for reading only (an export): a `Snapshot` on plain
    sqlite3 when the file is a sound one of ours as it stands, so SQLAlchemy never loads;
    otherwise `open_database` (inspection, recovery, migration, read-only detection and the
    Thai errors of `Repository.open`). Either makes the daily backup. The caller closes it."""
    file = Path(path)
    snapshot = open_snapshot(file)
    if snapshot is None:
        return open_database(file, daily_backup)
    if daily_backup:
        _back_up_daily(snapshot, file)
    return snapshot


def new_database(path: Path, open_path: Path | None = None) -> Repository:
    """A new empty database at `path`. A file already there is kept, renamed with the time
    (never deleted), so a wrong click can be undone by renaming it back."""
    file = Path(path)
    refuse_open_file(file, open_path)
    if file.exists():
        kept = _unused_name(file, datetime.now().strftime("%Y%m%d-%H%M%S"))
        os.replace(file, kept)
        for suffix in SIDE_FILES:
            side = Path(f"{file}{suffix}")
            if side.exists():
                os.replace(side, Path(f"{kept}{suffix}"))
    return Repository.open(file)


def _unused_name(file: Path, stamp: str) -> Path:
    """`file` renamed with the time, numbered when that name (or a side file) is taken, so a
    second new database within the same second does not replace the first one kept."""
    kept, n = file.with_name(f"{file.stem}.replaced-{stamp}{file.suffix}"), 1
    while any(Path(f"{kept}{suffix}").exists() for suffix in ("", *SIDE_FILES)):
        n += 1
        kept = file.with_name(f"{file.stem}.replaced-{stamp}-{n}{file.suffix}")
    return kept


def save_copy(db: Repository, target: Path) -> None:
    """A consistent copy of the whole open database at `target` (Save As, Backup)."""
    refuse_open_file(Path(target), db.path)
    db.save_copy(Path(target))


def refuse_open_file(target: Path, open_path: Path | None = None) -> None:
    """Refuse a target that is an open database (`open_path`, or any database open in this
    process) or one of its side files (-journal, -wal, -shm): compared by resolved path and
    by file identity (device and inode / file id), so a link or another spelling of the
    name is caught too."""
    target = Path(target)
    databases = [Path(p) for p in {*open_paths(), *([open_path] if open_path else [])}]
    if not databases:
        return
    wanted = os.path.normcase(str(target.resolve()))
    for db in databases:
        for suffix in ("", *SIDE_FILES):
            side = Path(f"{db}{suffix}")
            if os.path.normcase(str(side.resolve())) == wanted or _same_file(target, side):
                raise ValidationError(
                    "ไฟล์นี้เปิดใช้งานอยู่ (เป็นฐานข้อมูลที่เปิดอยู่หรือไฟล์ประกอบของมัน) จะไม่เขียนทับ กรุณาเลือกชื่อไฟล์อื่น",
                    f"{target} is the open database {db.name}",
                )


def _same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False  # one of them does not exist


Database = Repository  # the open file as the GUI holds it (the GUI never imports storage)
