"""Opening the SQLite file: engine, pragmas, transactions, migrations, copies.

Journal mode. The file uses SQLite's rollback journal (`journal_mode=DELETE`) with
`synchronous=EXTRA`: every commit writes the old pages to `<file>-journal`, syncs it, writes
the new pages into the `.sqlite` itself, syncs that, deletes the journal and syncs the folder
(EXTRA = FULL plus that last sync, so the deletion that commits cannot be undone by a power
cut). So when a write returns, the `.sqlite` alone holds it on disk: copying the file to a
USB stick while the program is open copies every acknowledged edit, and no `-wal` exists
that could be left behind or replayed onto another copy. Files of older versions (WAL mode)
are checkpointed and switched on their first open. Writers still take the lock with
`BEGIN IMMEDIATE` and wait `busy_timeout` for each other.

Opening. An existing file is inspected untouched first (`storage.inspection`). A file that
cannot be written (read-only file, folder or disk) opens read-only. Migrations run in one
transaction after a backup (`storage.backups`).
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import create_engine, event
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.pool import QueuePool

from ita_desktop.errors import ReadOnlyDatabaseError, StorageError
from ita_desktop.storage import backups, file_format
from ita_desktop.storage.file_format import (
    APPLICATION_ID,
    BUSY_TIMEOUT_MS,
    SIDE_SUFFIXES,
    current_revision,
    head_revision,
    schema_generation,
    translated_errors,
)
from ita_desktop.storage.inspection import Inspection, inspect_file, ro_uri, set_aside, writable

if TYPE_CHECKING:
    from alembic.config import Config


# connections ----------------------------------------------------------------------------------
IMMEDIATE = "ita_begin_immediate"  # execution option: this transaction will write


def _pragma_setter(
    busy_timeout_ms: int, read_only: bool
) -> Callable[[sqlite3.Connection, object], None]:
    def set_pragmas(dbapi_connection: sqlite3.Connection, _record: object) -> None:
        # pysqlite's own implicit BEGIN comes too late (at the first write); we emit ours in
        # `_begin`, SQLAlchemy's documented recipe for SQLite transactions.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout = {int(busy_timeout_ms)}")
        cursor.execute("PRAGMA foreign_keys = ON")
        if read_only:
            cursor.execute("PRAGMA query_only = ON")
        else:
            cursor.execute("PRAGMA journal_mode = DELETE")
            cursor.execute("PRAGMA synchronous = EXTRA")
        cursor.close()

    return set_pragmas


def _begin(conn: Connection) -> None:
    """Start every transaction explicitly: a writing one takes the write lock before its
    first read (BEGIN IMMEDIATE), so no check or read inside it can go stale."""
    immediate = conn.get_execution_options().get(IMMEDIATE, False)
    conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def _engine(target: str | None, busy_timeout_ms: int, read_only: bool = False) -> Engine:
    """An engine on `target` (a file name, a read-only URI, or None: in memory)."""
    if target is None:
        engine = create_engine("sqlite://")
    else:

        def connect() -> sqlite3.Connection:
            return sqlite3.connect(
                target,
                uri=read_only,
                timeout=busy_timeout_ms / 1000,
                check_same_thread=False,
            )

        engine = create_engine("sqlite://", creator=connect, poolclass=QueuePool)
    event.listen(engine, "connect", _pragma_setter(busy_timeout_ms, read_only))
    event.listen(engine, "begin", _begin)
    return engine


# migrations -----------------------------------------------------------------------------------
def _alembic_config() -> Config:
    from alembic.config import Config  # alembic loads only when a migration is due

    config = Config()
    config.set_main_option("script_location", str(file_format.MIGRATIONS))
    return config


def migrate(engine: Engine, path: Path | None) -> Path | None:
    """Bring the schema to the head revision and stamp the file as ours, in ONE transaction
    (a failure leaves the file as it was); a file holding data is backed up first.
    Returns the backup made, if any."""
    with engine.connect() as conn:
        current = current_revision(conn)
        stamped = (
            conn.exec_driver_sql("PRAGMA application_id").scalar() == APPLICATION_ID
            and conn.exec_driver_sql("PRAGMA user_version").scalar() == schema_generation()
        )
        conn.rollback()
    if current == head_revision() and stamped:
        return None
    backup = None
    if path is not None and current is not None:
        backup = backups.backup_file(path, "migration")
    from alembic import command

    config = _alembic_config()
    with engine.connect() as conn:
        raw = conn.connection.driver_connection
        assert raw is not None
        # Outside any transaction (SQLite ignores it inside one): a table rebuilt by a
        # migration must not cascade its deletes; violations are checked before the commit.
        raw.execute("PRAGMA foreign_keys = OFF")
        try:
            with conn.execution_options(**{IMMEDIATE: True}).begin():
                if current_revision(conn) != head_revision():
                    config.attributes["connection"] = conn
                    command.upgrade(config, "head")
                conn.exec_driver_sql(f"PRAGMA application_id = {APPLICATION_ID}")
                conn.exec_driver_sql(f"PRAGMA user_version = {schema_generation()}")
                broken = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                if broken:
                    raise StorageError(
                        "ปรับรุ่นฐานข้อมูลไม่สำเร็จ ข้อมูลอ้างอิงกันไม่ครบ ไฟล์ยังเหมือนเดิม",
                        f"foreign key check: {broken[:3]}",
                    )
        except (StorageError, SQLAlchemyError, sqlite3.Error):
            raise
        except Exception as exc:
            raise StorageError(
                "ปรับรุ่นฐานข้อมูลไม่สำเร็จ ไฟล์ยังเหมือนเดิม", f"{type(exc).__name__}: {exc}"
            ) from exc
        finally:
            raw.execute("PRAGMA foreign_keys = ON")
    return backup


# opening --------------------------------------------------------------------------------------
@dataclass
class OpenedFile:
    engine: Engine
    read_only: bool = False
    set_aside: tuple[Path, ...] = ()  # side files renamed because they were not this file's


def open_file(path: Path | str | None, busy_timeout_ms: int = BUSY_TIMEOUT_MS) -> OpenedFile:
    """Open the SQLite file `path` (None: in memory), creating a missing one.

    An existing file is inspected untouched first (see `inspect_file` for what is refused);
    one that cannot be written opens read-only; otherwise stale side files are set aside, a
    WAL-mode file is switched to the rollback journal, and the schema is migrated.
    """
    if path is None:
        engine = _engine(None, busy_timeout_ms)
        with translated_errors():
            migrate(engine, None)
        return OpenedFile(engine)
    file = Path(path)
    if file.is_dir():
        raise StorageError("ที่อยู่ที่ระบุเป็นโฟลเดอร์ ไม่ใช่ไฟล์ฐานข้อมูล", str(file))
    if not file.parent.exists():
        raise StorageError("ไม่พบโฟลเดอร์ของไฟล์ฐานข้อมูล", str(file.parent))
    with translated_errors():
        if not file.exists():
            _create(file, busy_timeout_ms)
        found = inspect_file(file, busy_timeout_ms)
        if not writable(file):
            return _open_read_only(file, found, busy_timeout_ms)
        moved = tuple(set_aside(found.stale))
        if found.header.wal:
            _leave_wal(file, busy_timeout_ms)
        engine = _engine(str(file), busy_timeout_ms)
        try:
            migrate(engine, file)
        except BaseException:
            engine.dispose()
            raise
        return OpenedFile(engine, False, moved)


def _open_read_only(file: Path, found: Inspection, busy_timeout_ms: int) -> OpenedFile:
    where = "ตำแหน่งนี้เขียนไม่ได้ (ไฟล์หรือโฟลเดอร์อ่านได้อย่างเดียว)"
    if found.pending:
        raise ReadOnlyDatabaseError(
            f"ไฟล์นี้มีการบันทึกที่ค้างอยู่ (ไฟล์ -journal หรือ -wal) แต่{where}"
            " กรุณาคัดลอกไฟล์พร้อมไฟล์ข้างเคียงไปไว้ในโฟลเดอร์ที่เขียนได้แล้วเปิดใหม่",
            f"pending {', '.join(p.name for p in found.pending)}: {file}",
        )
    if found.revision not in (None, head_revision()):
        raise ReadOnlyDatabaseError(
            f"ไฟล์นี้บันทึกด้วยโปรแกรมรุ่นก่อนและต้องปรับรุ่นก่อนใช้ แต่{where}"
            " กรุณาคัดลอกไฟล์ไปไว้ในโฟลเดอร์ที่เขียนได้แล้วเปิดใหม่",
            f"schema {found.revision} < {head_revision()}, read-only: {file}",
        )
    if found.revision is None:
        raise ReadOnlyDatabaseError(
            f"ไฟล์นี้ยังเป็นฐานข้อมูลว่าง และ{where}", f"blank database, read-only: {file}"
        )
    # immutable: no lock, no side file is read or made (a CD, a share, stale side files)
    for immutable in (bool(found.stale) or found.header.wal, True):
        engine = _engine(ro_uri(file, immutable), busy_timeout_ms, read_only=True)
        try:
            with engine.connect() as conn:
                conn.exec_driver_sql("SELECT count(*) FROM sqlite_master").scalar()
                conn.rollback()
        except (SQLAlchemyError, sqlite3.Error):
            engine.dispose()
            if immutable:
                raise
            continue
        return OpenedFile(engine, True)
    raise AssertionError("unreachable")  # pragma: no cover


def _leave_wal(file: Path, busy_timeout_ms: int) -> None:
    """Checkpoint a file of an older version into itself and switch it to the rollback
    journal (its -wal and -shm disappear)."""
    conn = sqlite3.connect(file, timeout=busy_timeout_ms / 1000, isolation_level=None)
    with closing(conn):
        conn.execute(f"PRAGMA busy_timeout = {int(busy_timeout_ms)}")
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        mode = conn.execute("PRAGMA journal_mode = DELETE").fetchone()[0]
    if str(mode).lower() != "delete":
        raise StorageError(
            "ฐานข้อมูลถูกใช้งานโดยโปรแกรมอื่นอยู่ กรุณาปิดโปรแกรมนั้นแล้วลองใหม่",
            f"could not leave WAL mode ({mode}): {file}",
        )


def _create(file: Path, busy_timeout_ms: int) -> None:
    """A new database at `file`, built under a temporary name and renamed into place, so the
    name never holds a half-made (or 0-byte) file."""
    tmp = file.with_name(f".{file.name}.creating")
    for leftover in (tmp, *(Path(f"{tmp}{s}") for s in SIDE_SUFFIXES)):
        leftover.unlink(missing_ok=True)
    engine = _engine(str(tmp), busy_timeout_ms)
    try:
        migrate(engine, None)
    finally:
        engine.dispose()
    try:
        backups.sync_file(tmp)
        if file.exists():  # made meanwhile by another process: open that one
            tmp.unlink()
            return
        os.replace(tmp, file)
        backups.sync_folder(file.parent)
    finally:
        tmp.unlink(missing_ok=True)


def open_engine(path: Path | str | None, busy_timeout_ms: int = BUSY_TIMEOUT_MS) -> Engine:
    """An engine on the SQLite file `path` (None: in memory), migrated to the current schema."""
    return open_file(path, busy_timeout_ms).engine


def copy_database(engine: Engine, target: Path) -> None:
    """Write a consistent copy of the open database to `target` (Save As, Backup)."""
    with translated_errors():
        raw = engine.raw_connection()
        try:
            driver = raw.driver_connection
            assert isinstance(driver, sqlite3.Connection)
            backups.write_copy(driver, target)
        finally:
            raw.close()
