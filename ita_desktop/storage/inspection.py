"""Looking at a database file without changing it: header, side files, verdict, set-aside.

`inspect_file` looks at a file without changing it (read-only, or on a copy in the
temporary folder when side files would have to be applied): a file that is empty, damaged,
another program's or from a newer version raises its own Thai `StorageError` and stays
byte-identical. Our files carry `PRAGMA application_id` = APPLICATION_ID and `user_version` =
the schema generation (the number of the newest migration). A `-journal` (or `-wal`) that
does not belong to the file, e.g. left by a crash before the file was replaced by a copy, is
renamed `<name>.stale-<time>` instead of being played onto it. `writable` tells whether
the file can be opened for writing.
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
from contextlib import closing
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from urllib.parse import quote

from ita_desktop.errors import (
    DamagedDatabaseError,
    EmptyDatabaseError,
    NewerDatabaseError,
    NotOurDatabaseError,
    StorageError,
)
from ita_desktop.storage.file_format import (
    APPLICATION_ID,
    BUSY_TIMEOUT_MS,
    SIDE_SUFFIXES,
    head_revision,
    schema_generation,
    thai_message,
)

log = logging.getLogger(__name__)

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


def ro_uri(path: Path, immutable: bool = False) -> str:
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
        vanished = False
        try:
            found = _inspect_once(path, busy_timeout_ms)
        except StorageError as exc:
            error = exc
        except FileNotFoundError:
            if not path.exists():
                raise
            vanished = True  # a side file went while it was copied: another process committed
        # With side files the judgement rests on copies: it holds only if nothing moved
        # meanwhile (another process in the middle of a commit). A file alone is read under
        # SQLite's own locks.
        if vanished or (len(before) > 1 and _snapshot(path) != before):
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
                contents = _examine(ro_uri(path), True, busy_timeout_ms)
            except sqlite3.OperationalError as exc:
                if isinstance(thai_message(exc), DamagedDatabaseError) or _busy(exc):
                    raise
                # a disk or share where SQLite cannot even take a read lock: judge a copy
                contents = _trial(path, [], busy_timeout_ms)
    except sqlite3.Error as exc:
        error = thai_message(exc)
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
