"""Opening the SQLite file with care: check it untouched first, then pragmas and migrations.

Journal mode. The file uses SQLite's rollback journal (`journal_mode=DELETE`) with
`synchronous=EXTRA`: every commit writes the old pages to `<file>-journal`, syncs it, writes
the new pages into the `.sqlite` itself, syncs that, deletes the journal and syncs the folder
(EXTRA = FULL plus that last sync, so the deletion that commits cannot be undone by a power
cut). So when a write returns, the `.sqlite` alone holds it on disk: copying the file to a
USB stick while the program is open copies every acknowledged edit, and no `-wal` exists
that could be left behind or replayed onto another copy. Files of older versions (WAL mode)
are checkpointed and switched on their first open. Writers still take the lock with
`BEGIN IMMEDIATE` and wait `busy_timeout` for each other.

Opening. `inspect_file` looks at a file without changing it (read-only, or on a copy in the
temporary folder when side files would have to be applied): a file that is empty, damaged,
another program's or from a newer version raises its own Thai `StorageError` and stays
byte-identical. Our files carry `PRAGMA application_id` = APPLICATION_ID and `user_version` =
the schema generation (the number of the newest migration). A `-journal` (or `-wal`) that
does not belong to the file, e.g. left by a crash before the file was replaced by a copy, is
renamed `<name>.stale-<time>` instead of being played onto it. A file that cannot be written
(read-only file, folder or disk) opens read-only. Migrations run in one transaction after a
backup (`storage.backups`).
"""

from __future__ import annotations

import logging
import os
import re
import shutil
import sqlite3
import struct
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import quote

from sqlalchemy import create_engine, event
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import DBAPIError, SQLAlchemyError
from sqlalchemy.pool import QueuePool

from ita_desktop.errors import (
    DamagedDatabaseError,
    EmptyDatabaseError,
    NewerDatabaseError,
    NotOurDatabaseError,
    ReadOnlyDatabaseError,
    StorageError,
)
from ita_desktop.storage import backups

if TYPE_CHECKING:
    from alembic.config import Config

log = logging.getLogger(__name__)

MIGRATIONS = Path(__file__).with_name("migrations")
BUSY_TIMEOUT_MS = 5000
APPLICATION_ID = 0x49544144  # "ITAD": PRAGMA application_id of every ITA Desktop database
SIDE_SUFFIXES = ("-journal", "-wal", "-shm")
SQLITE_MAGIC = b"SQLite format 3\x00"
JOURNAL_MAGIC = bytes.fromhex("d9d505f920a163d7")
OUR_TABLES = frozenset({"organizations", "assessments"})
_REVISION = re.compile(r"\d{4}")
_OTHER_FORMATS = (  # what a file that is not SQLite most often is, to say so
    (b"%PDF", "ไฟล์ PDF"),
    (b"PK\x03\x04", "ไฟล์ Excel/ZIP"),
    (b"\xd0\xcf\x11\xe0", "ไฟล์ Office รุ่นเก่า"),
    (b"{", "ไฟล์ JSON หรือข้อความ"),
)


# errors ---------------------------------------------------------------------------------------
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
        return DamagedDatabaseError("ไฟล์ฐานข้อมูลเสียหายหรือไม่ใช่ฐานข้อมูลของโปรแกรม", detail)
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


# looking at a file without changing it --------------------------------------------------------
@dataclass(frozen=True)
class Header:
    """The fields of the 100-byte SQLite header that opening needs."""

    page_size: int
    pages: int  # the file's size in pages
    wal: bool  # bytes 18/19 = 2: the file was last written in WAL mode
    change_counter: int
    user_version: int
    application_id: int


@dataclass(frozen=True)
class Inspection:
    """What `inspect_file` found: the file is ours (or a blank SQLite file) and readable."""

    header: Header
    revision: str | None  # None: a blank file (no tables yet)
    stale: tuple[Path, ...]  # side files that do not belong to it (to set aside, never apply)
    pending: tuple[Path, ...]  # side files that do belong to it (a journal to roll back, a WAL)


def side_files(path: Path) -> list[Path]:
    """The file's `-journal`, `-wal` and `-shm` that exist now."""
    return [p for p in (Path(f"{path}{s}") for s in SIDE_SUFFIXES) if p.exists()]


def read_header(path: Path) -> Header:
    """The header, or EmptyDatabaseError / DamagedDatabaseError saying what the file is."""
    with path.open("rb") as f:
        head = f.read(100)
        file_size = os.fstat(f.fileno()).st_size
    if not head:
        raise EmptyDatabaseError(
            "ไฟล์นี้ว่างเปล่า (0 ไบต์) ไม่ใช่ฐานข้อมูลที่โปรแกรมสร้าง อาจเป็นไฟล์ที่คัดลอกหรือบันทึกไม่สำเร็จ"
            " จึงไม่เปิดและไม่แก้ไขไฟล์นี้ (ใช้ไฟล์สำรอง หรือสร้างฐานข้อมูลใหม่)",
            f"0-byte file: {path}",
        )
    if not head.startswith(SQLITE_MAGIC) or len(head) < 100:
        kind = next((name for magic, name in _OTHER_FORMATS if head.startswith(magic)), None)
        what = f"เป็น{kind} " if kind else ""
        raise DamagedDatabaseError(
            f"ไฟล์นี้{what}ไม่ใช่ฐานข้อมูล SQLite หรือส่วนต้นของไฟล์เสียหาย จึงไม่เปิดและไม่แก้ไขไฟล์นี้"
            " (ใช้ไฟล์สำรองล่าสุดแทนได้)",
            f"not an SQLite database: {path}",
        )
    size = struct.unpack(">H", head[16:18])[0]
    page_size = 65536 if size == 1 else size
    return Header(
        page_size=page_size,
        pages=file_size // page_size if page_size else 0,
        wal=head[18] == 2 or head[19] == 2,
        change_counter=struct.unpack(">I", head[24:28])[0],
        user_version=struct.unpack(">I", head[60:64])[0],
        application_id=struct.unpack(">I", head[68:72])[0],
    )


def _journal_belongs(journal: Path, header: Header) -> bool | None:
    """Whether a rollback journal could be this file's own (None: SQLite would ignore it).

    A journal holds the pages as they were before the transaction and the size the file had
    then (our files only grow within a transaction); page 1 (journalled by every write
    transaction before it commits) carries the file change counter, which the commit
    increments: a journal of this file has the file's counter or the one before. SQLite's
    format has no file identity, so a stranger's journal that passes these checks is still
    tried on a copy first (`_trial`); one that fits in every respect (a file of the same
    size and number of commits) cannot be told apart.
    """
    with journal.open("rb") as f:
        head = f.read(28)
        if len(head) < 28 or head[:8] != JOURNAL_MAGIC:
            return None  # not hot: SQLite never plays it
        records, _nonce, pages_before, sector, page_size = struct.unpack(">IIIII", head[8:28])
        if page_size != header.page_size or pages_before > header.pages:
            return False  # our files only grow during a transaction
        size = journal.stat().st_size
        record = 4 + page_size + 4
        offset = max(sector, 512)
        count = (size - offset) // record if records == 0xFFFFFFFF else records
        for _ in range(max(count, 0)):
            f.seek(offset)
            number = f.read(4)
            if len(number) < 4:
                break
            if struct.unpack(">I", number)[0] == 1:
                page = f.read(100)
                if not page.startswith(SQLITE_MAGIC) or len(page) < 100:
                    return False
                counter = struct.unpack(">I", page[24:28])[0]
                return header.change_counter in (counter, (counter + 1) % 2**32)
            offset += record
    return True  # page 1 not journalled yet (a large transaction spilled): judged by the trial


def _ro_uri(path: Path, immutable: bool = False) -> str:
    """A read-only SQLite URI for `path` (UNC paths keep their leading slashes)."""
    text = str(path.absolute()).replace("\\", "/")
    if not text.startswith("/"):
        text = "/" + text  # C:/x -> /C:/x
    if text.startswith("//"):
        text = "//" + text  # //server/share -> ////server/share (empty authority)
    return f"file:{quote(text, safe='/:')}?mode=ro" + ("&immutable=1" if immutable else "")


@dataclass(frozen=True)
class _Contents:
    application_id: int
    user_version: int
    tables: frozenset[str]
    revision: str | None
    problems: list[str]


def _contents(conn: sqlite3.Connection) -> _Contents:
    """Identity and health of an open connection (reads only)."""
    app_id = int(conn.execute("PRAGMA application_id").fetchone()[0]) & 0xFFFFFFFF
    user_version = int(conn.execute("PRAGMA user_version").fetchone()[0]) & 0xFFFFFFFF
    tables = frozenset(
        row[0]
        for row in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")
        if not str(row[0]).startswith("sqlite_")
    )
    revision = None
    if "alembic_version" in tables:
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        revision = str(row[0]) if row else None
    ours = app_id == APPLICATION_ID or (app_id == 0 and OUR_TABLES <= tables)
    problems = []
    if ours:  # a foreign file is refused as such; no need to read all of it
        problems = [str(r[0]) for r in conn.execute("PRAGMA quick_check(5)")]
        problems = [] if problems == ["ok"] else problems
    return _Contents(app_id, user_version, tables, revision, problems)


def _examine(target: str, uri: bool, busy_timeout_ms: int) -> _Contents:
    conn = sqlite3.connect(target, uri=uri, timeout=busy_timeout_ms / 1000)
    with closing(conn):
        conn.execute(f"PRAGMA busy_timeout = {int(busy_timeout_ms)}")
        return _contents(conn)


def _trial(path: Path, sides: list[Path], busy_timeout_ms: int) -> _Contents:
    """`_examine` on a copy in the temporary folder with `sides` beside it, so that rolling
    back a journal or reading a WAL happens to the copy, never to the file itself."""
    with tempfile.TemporaryDirectory(prefix="ita-open-") as tmp:
        copy = Path(tmp) / "trial.sqlite"
        shutil.copyfile(path, copy)
        for side in sides:
            shutil.copyfile(side, Path(f"{copy}{str(side)[len(str(path)) :]}"))
        return _examine(str(copy), False, busy_timeout_ms)


def _snapshot(path: Path) -> list[tuple[str, int, int, bytes]]:
    """Size, time and first bytes (header, journal nonce) of the file and its side files."""
    out = []
    for p in (path, *(Path(f"{path}{s}") for s in SIDE_SUFFIXES)):
        try:
            with p.open("rb") as f:
                st = os.fstat(f.fileno())
                out.append((p.name, st.st_size, st.st_mtime_ns, f.read(100)))
        except FileNotFoundError:
            continue
    return out


def inspect_file(path: Path, busy_timeout_ms: int = BUSY_TIMEOUT_MS) -> Inspection:
    """Look at an existing file without changing it, and refuse what must not be opened.

    Raises EmptyDatabaseError (0 bytes), DamagedDatabaseError (not SQLite, or quick_check
    fails), NotOurDatabaseError (another program's SQLite file) or NewerDatabaseError (a
    newer schema than this program knows). The file and its side files are left as they are.
    """
    deadline = time.monotonic() + busy_timeout_ms / 1000
    while True:
        before = _snapshot(path)
        found: Inspection | None = None
        error: StorageError | None = None
        try:
            found = _inspect_once(path, busy_timeout_ms)
        except StorageError as exc:
            error = exc
        # With side files the judgement rests on copies: it holds only if nothing moved
        # meanwhile (another process in the middle of a commit). A file alone is read under
        # SQLite's own locks.
        if len(before) > 1 and _snapshot(path) != before:
            if time.monotonic() > deadline:
                raise StorageError(
                    "ฐานข้อมูลถูกใช้งานโดยโปรแกรมอื่นอยู่ กรุณาปิดโปรแกรมนั้นแล้วลองใหม่",
                    f"the file kept changing while it was checked: {path}",
                )
            time.sleep(0.02)
            continue
        if error is not None:
            raise error
        assert found is not None
        return found


def _inspect_once(path: Path, busy_timeout_ms: int) -> Inspection:
    header = read_header(path)
    _refuse_foreign_id(header.application_id, path)
    journal, wal, shm = (Path(f"{path}{s}") for s in SIDE_SUFFIXES)
    stale: list[Path] = []
    pending: list[Path] = []
    if journal.exists() and journal.stat().st_size > 0:
        belongs = _journal_belongs(journal, header)
        if belongs is False:
            stale.append(journal)
        elif belongs:
            pending.append(journal)
    if wal.exists():
        # WAL frames are played onto whatever file sits beside them: a -wal next to a file
        # that is not in WAL mode (every file of ours now) can only be another file's.
        if header.wal:
            pending.append(wal)
        else:
            stale.append(wal)
            if shm.exists():
                stale.append(shm)
    if pending:
        try:
            revision = _judge(_trial(path, pending, busy_timeout_ms), path)
            return Inspection(header, revision, tuple(stale), tuple(pending))
        except (sqlite3.Error, StorageError):
            stale += pending  # they spoil (or disguise) the file: judge it without them
    try:
        if stale or header.wal:  # the file alone, with no side file SQLite could apply
            contents = _trial(path, [], busy_timeout_ms)
        else:
            try:
                contents = _examine(_ro_uri(path), True, busy_timeout_ms)
            except sqlite3.OperationalError as exc:
                if isinstance(_thai_message(exc), DamagedDatabaseError) or _busy(exc):
                    raise
                # a disk or share where SQLite cannot even take a read lock: judge a copy
                contents = _trial(path, [], busy_timeout_ms)
    except sqlite3.Error as exc:
        error = _thai_message(exc)
        if isinstance(error, DamagedDatabaseError):
            raise _damaged(path, str(exc)) from exc
        raise error from exc
    return Inspection(header, _judge(contents, path), tuple(stale), ())


def _busy(exc: BaseException) -> bool:
    text = str(exc).lower()
    return "locked" in text or "busy" in text


def _judge(contents: _Contents, path: Path) -> str | None:
    revision = _verdict(contents, path)
    if contents.problems:
        raise _damaged(path, "; ".join(contents.problems))
    return revision


def _damaged(path: Path, detail: str) -> DamagedDatabaseError:
    return DamagedDatabaseError(
        "ไฟล์ฐานข้อมูลนี้เสียหาย จึงไม่เปิดและไม่แก้ไขไฟล์นี้ (ใช้ไฟล์สำรองล่าสุดแทนได้)",
        f"{detail}: {path}",
    )


def _refuse_foreign_id(app_id: int, path: Path) -> None:
    if app_id not in (0, APPLICATION_ID):
        raise NotOurDatabaseError(
            "ไฟล์นี้เป็นฐานข้อมูล SQLite ของโปรแกรมอื่น ไม่ใช่ของ ITA Desktop จึงไม่เปิดและไม่แก้ไขไฟล์นี้",
            f"application_id 0x{app_id:08x}: {path}",
        )


def _verdict(c: _Contents, path: Path) -> str | None:
    """The file's revision if it is ours (None: blank), else the error that says what it is."""
    _refuse_foreign_id(c.application_id, path)
    numbered = c.revision is not None and _REVISION.fullmatch(c.revision) is not None
    if c.application_id == 0:
        if not c.tables:
            return None  # a blank SQLite file: nothing in it to lose
        if not (numbered and OUR_TABLES <= c.tables):
            shown = ", ".join(sorted(c.tables)[:5]) + (" …" if len(c.tables) > 5 else "")
            raise _foreign(path, f"tables {shown}, revision {c.revision}")
    head = head_revision()
    if (numbered and int(str(c.revision)) > int(head)) or c.user_version > schema_generation():
        raise NewerDatabaseError(
            "ไฟล์นี้บันทึกด้วย ITA Desktop รุ่นที่ใหม่กว่าโปรแกรมนี้ กรุณาปรับปรุงโปรแกรมก่อนเปิดไฟล์นี้ (ไฟล์ไม่ถูกแก้ไข)",
            f"schema {c.revision or c.user_version}, this program knows up to {head}: {path}",
        )
    if not numbered:
        raise _damaged(path, f"stamped but schema revision {c.revision!r}")
    return c.revision


def _foreign(path: Path, detail: str) -> NotOurDatabaseError:
    return NotOurDatabaseError(
        "ไฟล์นี้เป็นฐานข้อมูล SQLite แต่ไม่ใช่ของ ITA Desktop (มีข้อมูลของโปรแกรมอื่น) จึงไม่เปิดและไม่แก้ไขไฟล์นี้",
        f"{detail}: {path}",
    )


def writable(path: Path) -> bool:
    """Whether the file can be written and its folder can take a journal beside it."""
    try:
        with path.open("r+b"):
            pass
        fd, probe = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".write-test", dir=path.parent)
        os.close(fd)
        os.unlink(probe)
    except OSError:
        return False
    return True


def set_aside(paths: tuple[Path, ...] | list[Path]) -> list[Path]:
    """Rename side files that do not belong to their file to `<name>.stale-<time>` (kept)."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    moved = []
    for p in paths:
        target, n = Path(f"{p}.stale-{stamp}"), 1
        while target.exists():
            n += 1
            target = Path(f"{p}.stale-{stamp}-{n}")
        os.replace(p, target)
        log.warning("set aside %s (it does not belong to the database) as %s", p, target.name)
        moved.append(target)
    return moved


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
    config.set_main_option("script_location", str(MIGRATIONS))
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
        engine = _engine(_ro_uri(file, immutable), busy_timeout_ms, read_only=True)
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
