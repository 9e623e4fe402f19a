"""Use cases on database files: open, new, Save As and backup, never over the open file."""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path

from ita_desktop.errors import StorageError, ValidationError
from ita_desktop.storage.repository import Repository

SIDE_FILES = ("-wal", "-shm")


def open_database(path: Path) -> Repository:
    """Open an existing database file (migrating it, with a backup first, when it is older)."""
    file = Path(path)
    if not file.is_file():
        raise StorageError("ไม่พบไฟล์ฐานข้อมูล", str(file))
    return Repository.open(file)


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


def refuse_open_file(target: Path, open_path: Path | None) -> None:
    """Refuse a target that is the open database (or one of its side files)."""
    if open_path is None:
        return
    names = {Path(f"{open_path}{suffix}").resolve() for suffix in ("", *SIDE_FILES)}
    if Path(target).resolve() in names:
        raise ValidationError("ไฟล์นี้เปิดใช้งานอยู่ กรุณาเลือกชื่อไฟล์อื่น", str(target))


Database = Repository  # the open file as the GUI holds it (the GUI never imports storage)
