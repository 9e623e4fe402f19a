"""Use cases on backups: back up now, list, restore, and the automatic backups before changes.

Backups live in a `backups` folder beside the database (see `storage.backups` for names and
how many are kept). Automatic ones are made on the first open of a day
(`services.files.open_database`), before a migration, before an exchange import, before a
restore and before a year is deleted.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import tempfile
from collections.abc import Iterator
from contextlib import closing
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
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
from ita_desktop.storage.file_format import (
    APPLICATION_ID,
    SIDE_SUFFIXES,
    schema_generation,
    translated_errors,
)
from ita_desktop.storage.inspection import inspect_file, set_aside, side_files
from ita_desktop.storage.open_files import open_paths
from ita_desktop.storage.repository import Repository
from ita_desktop.storage.tables import Base, DecimalText

__all__ = [
    "KEEP_DEFAULT",
    "REASONS",
    "BackupFile",
    "Restored",
    "SalvageReport",
    "TableSalvage",
    "backup_folder",
    "backup_now",
    "before_change",
    "find_backup",
    "keep_count",
    "latest_good_backup",
    "list_backups",
    "restore",
    "salvage",
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


def latest_good_backup(db_path: Path) -> BackupFile | None:
    """The newest backup of `db_path` that a restore would accept (a sound file of ours,
    checked with quick_check); a copy kept of a damaged file is never offered."""
    for found in list_backups(db_path):
        if found.reason == "damaged":
            continue
        try:
            with translated_errors():
                _check_backup(found.path)
        except (StorageError, OSError):
            continue
        return found
    return None


# salvage ------------------------------------------------------------------------------------
@dataclass(frozen=True)
class TableSalvage:
    """What the salvage made of one table: rows copied, rows it could not read (counted
    from an intact index, else estimated from the gap in row ids; None when the end of the
    table could not be read at all), and rows read but dropped (their organisation, year or
    measure was lost, or the values read were not what the column holds)."""

    table: str
    saved: int
    unreadable: int | None
    dropped: int

    @property
    def lost(self) -> int:
        return (self.unreadable or 0) + self.dropped

    @property
    def complete(self) -> bool:
        return self.unreadable == 0 and self.dropped == 0


TABLE_NAMES = {
    "organizations": "หน่วยงาน",
    "assessments": "ปีงบประมาณ",
    "scores": "คะแนน",
    "measures": "มาตรการ",
    "progress": "ผลการดำเนินงาน",
}


@dataclass(frozen=True)
class SalvageReport:
    """The result of `salvage`: the new file and, table by table, rows saved and lost."""

    source: Path
    target: Path
    tables: tuple[TableSalvage, ...]

    @property
    def saved(self) -> int:
        return sum(t.saved for t in self.tables)

    @property
    def lost(self) -> int:
        return sum(t.lost for t in self.tables)

    @property
    def unknown(self) -> bool:
        """Some table's end could not be read, so how much was lost there is not known."""
        return any(t.unreadable is None for t in self.tables)

    def lines(self) -> list[str]:
        """One Thai line per table: "หน่วยงาน: กู้ได้ 57 แถว อ่านไม่ได้ 3 แถว"."""
        out = []
        for t in self.tables:
            parts = [f"{TABLE_NAMES.get(t.table, t.table)}: กู้ได้ {t.saved:,} แถว"]
            if t.unreadable is None:
                parts.append("ส่วนท้ายของตารางอ่านไม่ได้ (ไม่ทราบจำนวน)")
            elif t.unreadable:
                parts.append(f"อ่านไม่ได้ประมาณ {t.unreadable:,} แถว")
            if t.dropped:
                parts.append(f"ใช้ไม่ได้ {t.dropped:,} แถว (ข้อมูลที่อ้างถึงหายไปหรือค่าเสียหาย)")
            out.append(" ".join(parts))
        return out


_INT64 = (-(2**63), 2**63 - 1)
_ERROR = object()  # a row that could not be read


def salvage(damaged: Path, target: Path) -> SalvageReport:
    """Copy every row that can still be read from the damaged database `damaged` into a new
    database of ours at `target`, table by table (organisations first, so that a row whose
    organisation, year or measure is lost is left out rather than left dangling).

    The damaged file is never changed: it is read through a read-only connection to a copy
    in the temporary folder. Rows keep their ids. Reading skips what it cannot read: after
    a damaged page it looks for the next row id it can read again. `target` must not exist
    yet (nothing is written over); the new file is built beside it and renamed into place.
    Raises DamagedDatabaseError when nothing at all can be read (the list of tables is lost).
    """
    source, target = Path(damaged), Path(target)
    if not source.is_file():
        raise ValidationError("ไม่พบไฟล์ที่จะกู้ข้อมูล", str(source))
    refuse_open_file(target)
    if target.exists() or any(Path(f"{target}{s}").exists() for s in SIDE_SUFFIXES):
        raise ValidationError(
            f"มีไฟล์ชื่อ {target.name} อยู่แล้ว จะไม่เขียนทับ กรุณาเลือกชื่อไฟล์ใหม่", str(target)
        )
    if not target.absolute().parent.is_dir():
        raise ValidationError("ไม่พบโฟลเดอร์ที่จะบันทึกไฟล์ใหม่", str(target.parent))
    part = target.with_name(f".{target.name}.{os.getpid()}.salvage")
    leftovers = [part, *(Path(f"{part}{s}") for s in SIDE_SUFFIXES)]
    with tempfile.TemporaryDirectory(prefix="ita-salvage-") as tmp, translated_errors():
        copy = _readable_copy(source, Path(tmp))
        try:
            for p in leftovers:
                p.unlink(missing_ok=True)
            Repository.open(part).close()  # a new, empty database of ours
            reader = sqlite3.connect(f"file:{copy}?mode=ro", uri=True)
            with closing(reader):
                _refuse_not_ours(reader, source)
                writer = sqlite3.connect(part, isolation_level=None)
                with closing(writer):
                    tables = _copy_tables(reader, writer)
            stored.sync_file(part)
            if target.exists():
                raise ValidationError(
                    f"มีไฟล์ชื่อ {target.name} อยู่แล้ว จะไม่เขียนทับ กรุณาเลือกชื่อไฟล์ใหม่", str(target)
                )
            os.replace(part, target)
            stored.sync_folder(target.absolute().parent)
        finally:
            for p in leftovers:
                p.unlink(missing_ok=True)
    return SalvageReport(source, target, tables)


def _readable_copy(source: Path, folder: Path) -> Path:
    """The damaged file copied into `folder` with a journal or WAL of its own applied to the
    copy when SQLite can (dropped when applying it fails): what the file held last."""
    copy = folder / "damaged.sqlite"
    shutil.copyfile(source, copy)
    sides = [(p, Path(f"{copy}{str(p)[len(str(source)) :]}")) for p in side_files(source)]
    if not sides:
        return copy
    for side, there in sides:
        shutil.copyfile(side, there)
    try:
        conn = sqlite3.connect(copy)
        with closing(conn):
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            conn.execute("PRAGMA journal_mode = DELETE").fetchone()
    except sqlite3.DatabaseError:
        shutil.copyfile(source, copy)  # the side files made it worse: the file alone
    for _side, there in sides:
        there.unlink(missing_ok=True)
    return copy


def _unreadable(source: Path, detail: str) -> DamagedDatabaseError:
    return DamagedDatabaseError(
        "อ่านข้อมูลจากไฟล์นี้ไม่ได้เลย (ส่วนที่บอกว่ามีตารางใดเสียหาย) จึงไม่ได้สร้างไฟล์ใหม่ กรุณาใช้ไฟล์สำรองแทน",
        f"{detail}: {source}",
    )


def _refuse_not_ours(conn: sqlite3.Connection, source: Path) -> None:
    """Salvage is for a damaged file of ours: another program's or a newer one is refused."""
    try:
        app_id = int(conn.execute("PRAGMA application_id").fetchone()[0]) & 0xFFFFFFFF
        user_version = int(conn.execute("PRAGMA user_version").fetchone()[0])
        names = {str(r[0]) for r in conn.execute("SELECT name FROM sqlite_master")}
    except sqlite3.DatabaseError as exc:
        raise _unreadable(source, str(exc)) from exc
    if app_id not in (0, APPLICATION_ID) or (app_id == 0 and not {"organizations"} <= names):
        raise NotOurDatabaseError("ไฟล์นี้ไม่ใช่ฐานข้อมูลของ ITA Desktop จึงไม่กู้ข้อมูลจากไฟล์นี้", f"{source}")
    if user_version > schema_generation():
        raise NewerDatabaseError(
            "ไฟล์นี้บันทึกด้วย ITA Desktop รุ่นที่ใหม่กว่า กรุณาปรับปรุงโปรแกรมก่อน", f"{source}"
        )


def _copy_tables(
    reader: sqlite3.Connection, writer: sqlite3.Connection
) -> tuple[TableSalvage, ...]:
    writer.execute("PRAGMA foreign_keys = ON")  # a child of a lost row is refused, not kept
    writer.execute("BEGIN IMMEDIATE")
    done = []
    for table in Base.metadata.sorted_tables:  # parents before children
        try:
            have = [str(r[1]) for r in reader.execute(f'PRAGMA table_info("{table.name}")')]
        except sqlite3.DatabaseError:
            have = []
        columns = [c for c in table.columns if c.name in have]
        if not columns:  # not in the file (the list of tables itself was read)
            done.append(TableSalvage(table.name, 0, 0, 0))
            continue
        names = ", ".join(f'"{c.name}"' for c in columns)
        insert = f'INSERT INTO "{table.name}" ({names}) VALUES ({", ".join("?" * len(columns))})'
        saved = dropped = 0
        rows = _RowReader(reader, table.name, names)
        for row in rows:
            if not all(_fits(c.type, value) for c, value in zip(columns, row, strict=True)):
                dropped += 1
                continue
            try:
                writer.execute(insert, row)
            except sqlite3.IntegrityError:
                dropped += 1
                continue
            saved += 1
        done.append(TableSalvage(table.name, saved, rows.unreadable, dropped))
    problems = writer.execute("PRAGMA foreign_key_check").fetchall()
    if problems:  # cannot happen with foreign keys on; never write a file that fails it
        raise StorageError("กู้ข้อมูลไม่สำเร็จ ข้อมูลอ้างอิงกันไม่ครบ", f"{problems[:3]}")
    writer.execute("COMMIT")
    return tuple(done)


def _fits(kind: object, value: object) -> bool:
    """Whether a value read from a damaged page is what its column holds (the program
    would fail on a JSON column that is not JSON, or a score that is not a number)."""
    if value is None:
        return True
    if isinstance(kind, DecimalText):
        try:
            Decimal(str(value))
        except InvalidOperation:
            return False
        return isinstance(value, str)
    name = type(kind).__name__
    if name == "JSON":
        if not isinstance(value, str):
            return False
        try:
            json.loads(value)
        except ValueError:
            return False
        return True
    if name == "Integer":
        return isinstance(value, int)
    if name in ("String", "Text"):
        return isinstance(value, str)
    if name == "LargeBinary":
        return isinstance(value, bytes)
    return True


class _RowReader:
    """The rows of one table in row id order, going round what cannot be read.

    After an error it looks for the smallest row id from which reading works again (steps
    doubling forward, then halving back). `unreadable` is then the rows skipped: counted
    through an index of the table when one can be read, else the gap in row ids (exact for
    ids given in order, as ours are); None when the rest of the table could not be read."""

    def __init__(self, conn: sqlite3.Connection, table: str, columns: str) -> None:
        self.conn, self.table = conn, table
        self.sql = f'SELECT rowid, {columns} FROM "{table}" WHERE rowid >= ? ORDER BY rowid'
        self.unreadable: int | None = 0

    def __iter__(self) -> Iterator[tuple[object, ...]]:
        start = _INT64[0]
        while True:
            try:  # the quick way, until an error
                for row in self.conn.execute(self.sql, (start,)):
                    start = int(row[0]) + 1
                    yield tuple(row[1:])
                return
            except sqlite3.DatabaseError:
                pass
            # One row at a time up to the damage (the driver reads a row ahead, so the
            # error may have come from beyond a row that reads well), then round it.
            while True:
                row = self._one(start)
                if row is _ERROR:
                    resume = self._next_readable(start)
                    self._count_skipped(start, resume)
                    if resume is None:
                        return
                    start = resume
                    break
                if row is None:
                    return
                assert isinstance(row, tuple)
                start = int(row[0]) + 1
                yield row[1:]

    def _one(self, start: int) -> tuple[object, ...] | None | object:
        """The first row at or after `start`, None when there is none, _ERROR on an error."""
        try:
            row = self.conn.execute(self.sql + " LIMIT 1", (start,)).fetchone()
        except sqlite3.DatabaseError:
            return _ERROR
        return None if row is None else tuple(row)

    def _next_readable(self, start: int) -> int | None:
        """The smallest row id from `start` on at which reading works again (None: nowhere);
        steps doubling forward, then halving back between the last failure and it."""
        low = max(start, 0)  # our row ids are positive: search from 0, not from -2**63
        step = 1
        while low + step <= _INT64[1]:
            if self._one(low + step) is not _ERROR:
                high = low + step  # low fails (or holds nothing), high reads
                while high - low > 1:
                    middle = (low + high) // 2
                    if self._one(middle) is _ERROR:
                        low = middle
                    else:
                        high = middle
                return high
            step *= 2
        return None

    def _count_skipped(self, start: int, resume: int | None) -> None:
        if self.unreadable is None:
            return
        counted = self._count_by_index(start, resume)
        if counted is None:
            if resume is None:
                self.unreadable = None
                return
            row = self._first_rowid(resume)
            first = 1 if start == _INT64[0] else start  # our ids start at 1
            counted = (row if row is not None else resume) - first
        self.unreadable += max(counted, 0)

    def _first_rowid(self, start: int) -> int | None:
        try:
            row = self.conn.execute(
                f'SELECT rowid FROM "{self.table}" WHERE rowid >= ? ORDER BY rowid LIMIT 1',
                (start,),
            ).fetchone()
        except sqlite3.DatabaseError:
            return None
        return int(row[0]) if row else None

    def _count_by_index(self, start: int, resume: int | None) -> int | None:
        """Row ids in [start, resume) as an intact index of the table lists them."""
        try:
            indexes = [str(r[1]) for r in self.conn.execute(f'PRAGMA index_list("{self.table}")')]
        except sqlite3.DatabaseError:
            return None
        end = _INT64[1] if resume is None else self._first_rowid(resume)
        if end is None and resume is not None:
            end = resume
        for index in indexes:
            try:
                row = self.conn.execute(
                    f'SELECT count(*) FROM "{self.table}" INDEXED BY "{index}"'
                    " WHERE rowid >= ? AND rowid < ?",
                    (start, end if resume is not None else _INT64[1]),
                ).fetchone()
            except sqlite3.DatabaseError:
                continue
            return int(row[0])
        return None
