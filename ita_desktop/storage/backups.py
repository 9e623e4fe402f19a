"""Backup files: written with SQLite's backup API, kept in a `backups` folder beside the file.

A backup of `…/ita.sqlite` is `…/backups/ita.backup-YYYYMMDD-HHMMSS-<reason>.sqlite` (a
number after the time when two are made within one second; the database's own extension,
e.g. `.itadb`, so a backup opens like the file it copies). It travels with the database
when the folder is copied, and the names sort by time. Only files named that way for that
database are listed or ever deleted: the newest `keep` are kept (default 10), never the
user's other files. Every copy is written to a temporary name in the target folder, synced,
and renamed into place, so a power cut leaves the old file or the new one, never half of one.
"""

from __future__ import annotations

import glob
import os
import re
import sqlite3
from collections.abc import Iterable
from contextlib import closing
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

FOLDER = "backups"
KEEP_DEFAULT = 10
REASONS = {
    "manual": "สำรองด้วยตนเอง",
    "daily": "สำรองอัตโนมัติประจำวัน",
    "migration": "ก่อนปรับรุ่นฐานข้อมูล",
    "import": "ก่อนนำเข้าข้อมูล",
    "restore": "ก่อนกู้คืนจากไฟล์สำรอง",
    "delete-year": "ก่อนลบปีงบประมาณ",
    "damaged": "ไฟล์เสียหายที่ถูกแทนที่ตอนกู้คืน (สำเนาตามที่เป็น)",
}
_NAME = re.compile(
    r"(?P<stem>.+)\.backup-(?P<date>\d{8})-(?P<time>\d{6})(?:-(?P<n>\d+))?"
    r"-(?P<reason>[a-z]+(?:-[a-z]+)*)(?P<suffix>\.[^.]*)"
)

_keep = KEEP_DEFAULT


def keep_count() -> int:
    """How many backups of one database are kept (the newest)."""
    return _keep


def set_keep_count(n: int) -> None:
    """The program's setting: keep the newest `n` backups of each database (1–1000)."""
    global _keep
    if not 1 <= int(n) <= 1000:
        raise ValueError(f"keep count {n} outside 1–1000")
    _keep = int(n)


@dataclass(frozen=True)
class BackupFile:
    """One backup of a database, as listed from its name and size."""

    path: Path
    created: datetime
    size: int
    reason: str

    @property
    def label(self) -> str:
        """The reason in Thai (the English key when it is not one we write)."""
        return REASONS.get(self.reason, self.reason)


def folder_of(db_path: Path) -> Path:
    """The backups folder of a database file: `backups` beside it."""
    return Path(db_path).absolute().parent / FOLDER


def _suffix(db_path: Path) -> str:
    return Path(db_path).suffix or ".sqlite"


def parse_name(path: Path, db_path: Path | None = None) -> BackupFile | None:
    """The backup a file name describes (a backup of `db_path` when given), or None."""
    m = _NAME.fullmatch(path.name)
    if m is None or m["reason"] not in REASONS:
        return None
    if db_path is not None and (m["stem"], m["suffix"]) != (db_path.stem, _suffix(db_path)):
        return None
    try:
        created = datetime.strptime(m["date"] + m["time"], "%Y%m%d%H%M%S")
        st = path.stat()
    except (ValueError, OSError):
        return None
    if not path.is_file():
        return None
    return BackupFile(path, created, st.st_size, m["reason"])


def list_backups(db_path: Path) -> list[BackupFile]:
    """The backups of `db_path` in its backups folder, newest first."""
    folder = folder_of(db_path)
    if not folder.is_dir():
        return []
    found = [b for p in folder.iterdir() if (b := parse_name(p, Path(db_path))) is not None]
    found.sort(key=lambda b: (b.created, _number(b.path)), reverse=True)
    return found


def _number(path: Path) -> int:
    m = _NAME.fullmatch(path.name)
    return int(m["n"]) if m and m["n"] else 1


def new_backup_path(db_path: Path, reason: str, now: datetime | None = None) -> Path:
    """A name not yet taken for a backup of `db_path` made now for `reason`."""
    if reason not in REASONS:
        raise ValueError(f"unknown backup reason {reason!r}")
    stamp = (now or datetime.now()).strftime("%Y%m%d-%H%M%S")
    folder, stem, suffix = folder_of(db_path), Path(db_path).stem, _suffix(db_path)
    # numbered after every backup of that second (the numbers order them even after the
    # first of them was pruned)
    taken = [
        _number(p)
        for p in (folder.glob(f"{glob.escape(stem)}.backup-{stamp}*") if folder.is_dir() else ())
        if parse_name(p, Path(db_path)) is not None
    ]
    n = max(taken, default=0) + 1
    number = f"-{n}" if n > 1 else ""
    return folder / f"{stem}.backup-{stamp}{number}-{reason}{suffix}"


def prune(db_path: Path, keep: int | None = None, protect: Iterable[Path] = ()) -> list[Path]:
    """Delete the backups of `db_path` beyond the newest `keep`; returns those deleted.
    Only files named as our backups of this database are ever deleted."""
    keep = keep_count() if keep is None else keep
    spared = {p.absolute() for p in protect}
    deleted = []
    for b in list_backups(db_path)[max(keep, 1) :]:
        if b.path.absolute() in spared:
            continue
        try:
            b.path.unlink()
        except OSError:
            continue
        deleted.append(b.path)
    return deleted


def backup(
    source: sqlite3.Connection,
    db_path: Path,
    reason: str,
    keep: int | None = None,
    protect: Iterable[Path] = (),
) -> Path:
    """A new backup of the open database `source` (the file `db_path`), then the oldest
    beyond `keep` deleted. Returns the backup's path."""
    target = new_backup_path(db_path, reason)
    target.parent.mkdir(exist_ok=True)
    write_copy(source, target)
    prune(db_path, keep, [target, *protect])
    return target


def backup_file(db_path: Path, reason: str, keep: int | None = None) -> Path:
    """`backup` of a database file that is not open yet (before a migration)."""
    source = sqlite3.connect(db_path, timeout=5)
    with closing(source):
        source.execute("PRAGMA busy_timeout = 5000")
        return backup(source, db_path, reason, keep)


def write_copy(source: sqlite3.Connection, target: Path) -> None:
    """A consistent copy of the database open on `source` at `target`, through a temporary
    file beside it (renamed into place once synced). The copy uses the rollback journal."""
    target = Path(target)
    tmp = target.with_name(f".{target.name}.{os.getpid()}.part")
    leftovers = [tmp, Path(f"{tmp}-journal"), Path(f"{tmp}-wal"), Path(f"{tmp}-shm")]
    try:
        for p in leftovers:
            p.unlink(missing_ok=True)
        dest = sqlite3.connect(tmp)
        with closing(dest):
            source.backup(dest)
            dest.execute("PRAGMA journal_mode = DELETE")
        sync_file(tmp)
        os.replace(tmp, target)
        sync_folder(target.parent)
    finally:
        for p in leftovers:
            p.unlink(missing_ok=True)


def copy_bytes(source: Path, target: Path) -> None:
    """A byte-for-byte copy (for a file SQLite cannot read), through a temporary file."""
    tmp = target.with_name(f".{target.name}.{os.getpid()}.part")
    try:
        with source.open("rb") as f, tmp.open("wb") as out:
            while chunk := f.read(1 << 20):
                out.write(chunk)
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, target)
        sync_folder(target.parent)
    finally:
        tmp.unlink(missing_ok=True)


def sync_file(path: Path) -> None:
    """Flush a file's content to the disk."""
    fd = os.open(path, os.O_RDWR | getattr(os, "O_BINARY", 0))
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def sync_folder(folder: Path) -> None:
    """Flush a folder's entries (a rename) to the disk; Windows has no such call."""
    if os.name == "nt":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def daily_due(db_path: Path, now: datetime | None = None) -> bool:
    """Whether the first open of the day should back `db_path` up: no backup of it was made
    today, and it changed since its newest backup (an unchanged file opened day after day
    would otherwise push the older, different backups out)."""
    found = list_backups(db_path)
    if not found:
        return True
    newest = found[0].created
    if newest.date() >= (now or datetime.now()).date():
        return False
    try:
        changed = datetime.fromtimestamp(Path(db_path).stat().st_mtime)
    except OSError:
        return False
    return changed >= newest
