"""Opening the SQLite file: pragmas, Alembic migrations (backup first), errors in Thai."""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import create_engine, event
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import DBAPIError, SQLAlchemyError

from ita_desktop.errors import StorageError

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS = Path(__file__).with_name("migrations")
BUSY_TIMEOUT_MS = 5000


def _thai_message(exc: BaseException) -> StorageError:
    """Thai for a database failure: by SQLite's result code (all extended codes of a kind) or
    the OS errno when there is one, else by the text. Disk full: SQLITE_FULL, ENOSPC, EDQUOT;
    "disk I/O error" (SQLITE_IOERR_*, EIO) is what a full disk often gives too. Read-only:
    SQLITE_READONLY_*, SQLITE_PERM, EROFS, EACCES, EPERM."""
    import errno  # imported here: only this function of the module is edited for messages

    orig = getattr(exc, "orig", None) or exc
    lines = str(orig).splitlines()
    detail = lines[0] if lines else type(exc).__name__
    text = detail.lower()
    code = getattr(orig, "sqlite_errorcode", None)
    primary = code & 0xFF if isinstance(code, int) else None  # extended code -> its kind
    os_code = orig.errno if isinstance(orig, OSError) else None
    read_only_thai = "ไม่มีสิทธิ์เขียนไฟล์ฐานข้อมูลนี้ (ไฟล์หรือโฟลเดอร์อ่านได้อย่างเดียว) ข้อมูลเดิมยังอยู่ครบ"
    full = primary == 13 or os_code in (errno.ENOSPC, errno.EDQUOT)  # SQLITE_FULL
    if full or "disk is full" in text or "no space" in text:
        return StorageError("พื้นที่ดิสก์เต็ม บันทึกข้อมูลไม่ได้ ข้อมูลเดิมยังอยู่ครบ", detail)
    if primary == 10 or os_code == errno.EIO or "disk i/o error" in text:  # SQLITE_IOERR_*
        return StorageError(
            "พื้นที่ดิสก์เต็มหรือดิสก์มีปัญหา อ่านหรือบันทึกข้อมูลไม่ได้ ข้อมูลเดิมยังอยู่ครบ"
            " กรุณาเพิ่มพื้นที่ว่างหรือตรวจดิสก์แล้วลองใหม่",
            detail,
        )
    read_only = primary in (3, 8) or os_code in (errno.EROFS, errno.EACCES, errno.EPERM)
    if read_only or isinstance(orig, PermissionError):  # SQLITE_PERM, SQLITE_READONLY_*
        return StorageError(read_only_thai, detail)
    if primary in (11, 26) or "not a database" in text or "malformed" in text or "corrupt" in text:
        return StorageError("ไฟล์ฐานข้อมูลเสียหายหรือไม่ใช่ฐานข้อมูลของโปรแกรม", detail)
    if primary in (5, 6) or "locked" in text or "busy" in text:  # SQLITE_BUSY, SQLITE_LOCKED
        return StorageError("ฐานข้อมูลถูกใช้งานโดยโปรแกรมอื่นอยู่ กรุณาปิดโปรแกรมนั้นแล้วลองใหม่", detail)
    if "readonly" in text or "read-only" in text or "permission" in text:
        return StorageError(read_only_thai, detail)
    if "unable to open" in text:
        return StorageError("เปิดไฟล์ฐานข้อมูลไม่ได้", detail)
    return StorageError("เกิดข้อผิดพลาดกับฐานข้อมูล", detail)


@contextmanager
def translated_errors() -> Iterator[None]:
    """Turn database exceptions into StorageError with a Thai message."""
    try:
        yield
    except StorageError:
        raise
    except (SQLAlchemyError, DBAPIError, sqlite3.Error, OSError) as exc:
        raise _thai_message(exc) from exc


IMMEDIATE = "ita_begin_immediate"  # execution option: this transaction will write


def _pragma_setter(busy_timeout_ms: int) -> Callable[[sqlite3.Connection, object], None]:
    def set_pragmas(dbapi_connection: sqlite3.Connection, _record: object) -> None:
        # pysqlite's own implicit BEGIN comes too late (at the first write); we emit ours in
        # `_begin`, SQLAlchemy's documented recipe for SQLite transactions.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout = {int(busy_timeout_ms)}")
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA synchronous = NORMAL")
        cursor.close()

    return set_pragmas


def _begin(conn: Connection) -> None:
    """Start every transaction explicitly: a writing one takes the write lock before its
    first read (BEGIN IMMEDIATE), so no check or read inside it can go stale."""
    immediate = conn.get_execution_options().get(IMMEDIATE, False)
    conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def _alembic_config() -> Config:
    from alembic.config import Config  # alembic loads only when a migration is due

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def head_revision() -> str:
    """The newest migration: the highest-numbered file in versions/ (named NNNN_*.py)."""
    return max(p.name.split("_", 1)[0] for p in (MIGRATIONS / "versions").glob("[0-9]*_*.py"))


def current_revision(conn: Connection) -> str | None:
    """The schema revision stamped in the file, without loading alembic."""
    has_table = conn.exec_driver_sql(
        "SELECT 1 FROM sqlite_master WHERE type='table' AND name='alembic_version'"
    ).first()
    if not has_table:
        return None
    row = conn.exec_driver_sql("SELECT version_num FROM alembic_version").first()
    return row[0] if row else None


def _backup_before_migration(path: Path, revision: str | None) -> Path:
    """Copy the file with SQLite's backup API (consistent even in WAL mode)."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.stem}.backup-{revision or 'none'}-{stamp}{path.suffix}")
    source = sqlite3.connect(path)
    try:
        dest = sqlite3.connect(target)
        with dest:
            source.backup(dest)
        dest.close()
    finally:
        source.close()
    return target


def migrate(engine: Engine, path: Path | None) -> None:
    """Bring the schema to the head revision; back the file up first if it holds data."""
    with engine.connect() as conn:
        current = current_revision(conn)
        if current == head_revision():
            return
        has_tables = bool(
            conn.exec_driver_sql("SELECT count(*) FROM sqlite_master WHERE type='table'").scalar()
        )
    if path is not None and has_tables:
        _backup_before_migration(path, current)
    from alembic import command

    config = _alembic_config()
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "head")


def open_engine(path: Path | str | None, busy_timeout_ms: int = BUSY_TIMEOUT_MS) -> Engine:
    """An engine on the SQLite file `path` (None: in memory), migrated to the current schema."""
    file = Path(path) if path is not None else None
    if file is not None:
        if file.is_dir():
            raise StorageError("ที่อยู่ที่ระบุเป็นโฟลเดอร์ ไม่ใช่ไฟล์ฐานข้อมูล", str(file))
        if not file.parent.exists():
            raise StorageError("ไม่พบโฟลเดอร์ของไฟล์ฐานข้อมูล", str(file.parent))
        url = f"sqlite:///{file}"
    else:
        url = "sqlite://"
    engine = create_engine(url, connect_args={"timeout": busy_timeout_ms / 1000})
    event.listen(engine, "connect", _pragma_setter(busy_timeout_ms))
    event.listen(engine, "begin", _begin)
    with translated_errors():
        migrate(engine, file)
    return engine


def copy_database(engine: Engine, target: Path) -> None:
    """Write a consistent copy of the open database to `target` (Save As, Backup)."""
    tmp = target.with_name(target.name + ".tmp")
    with translated_errors():
        raw = engine.raw_connection()
        try:
            dest = sqlite3.connect(tmp)
            with dest:
                raw.driver_connection.backup(dest)  # type: ignore[union-attr]
            dest.close()
        finally:
            raw.close()
        shutil.move(str(tmp), str(target))
