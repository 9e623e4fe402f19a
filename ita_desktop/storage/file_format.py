"""What an ITA Desktop SQLite file is: its identity, its schema revisions, Thai errors."""

from __future__ import annotations

import sqlite3
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from ita_desktop.errors import DamagedDatabaseError, StorageError

if TYPE_CHECKING:  # this module loads no SQLAlchemy: the snapshot reader of exports uses it
    from sqlalchemy.engine import Connection

MIGRATIONS = Path(__file__).with_name("migrations")
BUSY_TIMEOUT_MS = 5000
APPLICATION_ID = 0x49544144  # "ITAD": PRAGMA application_id of every ITA Desktop database
SIDE_SUFFIXES = ("-journal", "-wal", "-shm")


# errors ---------------------------------------------------------------------------------------
def thai_message(exc: BaseException) -> StorageError:
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
        return DamagedDatabaseError("ไฟล์ฐานข้อมูลเสียหายหรือไม่ใช่ฐานข้อมูลของโปรแกรม", detail)
    if primary in (5, 6) or "locked" in text or "busy" in text:  # SQLITE_BUSY, SQLITE_LOCKED
        return StorageError("ฐานข้อมูลถูกใช้งานโดยโปรแกรมอื่นอยู่ กรุณาปิดโปรแกรมนั้นแล้วลองใหม่", detail)
    if "readonly" in text or "read-only" in text or "permission" in text:
        return StorageError(read_only_thai, detail)
    if "unable to open" in text:
        return StorageError("เปิดไฟล์ฐานข้อมูลไม่ได้", detail)
    return StorageError("เกิดข้อผิดพลาดกับฐานข้อมูล", detail)


def _database_errors() -> tuple[type[BaseException], ...]:
    """sqlite3's and the OS's errors, and SQLAlchemy's when it is loaded (it cannot have
    raised one otherwise)."""
    sqlalchemy_exc = sys.modules.get("sqlalchemy.exc")
    extra = (sqlalchemy_exc.SQLAlchemyError,) if sqlalchemy_exc is not None else ()
    return (sqlite3.Error, OSError, *extra)


@contextmanager
def translated_errors() -> Iterator[None]:
    """Turn database exceptions into StorageError with a Thai message."""
    try:
        yield
    except StorageError:
        raise
    except Exception as exc:
        if isinstance(exc, _database_errors()):
            raise thai_message(exc) from exc
        raise


# schema revisions -----------------------------------------------------------------------------
def head_revision() -> str:
    """The newest migration: the highest-numbered file in versions/ (named NNNN_*.py)."""
    return max(p.name.split("_", 1)[0] for p in (MIGRATIONS / "versions").glob("[0-9]*_*.py"))


def schema_generation() -> int:
    """`PRAGMA user_version` of a file at the head revision: the migration's number."""
    return int(head_revision())


def current_revision(conn: Connection) -> str | None:
    """The schema revision stamped in the file, without loading alembic."""
    has_table = conn.exec_driver_sql(
        "SELECT 1 FROM sqlite_master WHERE type='table' AND name='alembic_version'"
    ).first()
    if not has_table:
        return None
    row = conn.exec_driver_sql("SELECT version_num FROM alembic_version").first()
    return row[0] if row else None
