"""The catalogue of bad inputs on the command line (and the files it imports).

Every case runs `main()` in-process and checks the same promises: the exit code (2 for input
the user can correct, 1 for a failure of the disk or the file system), the Thai reason, ONE line
on stderr with no traceback and no raw control or bidi character, user input cut to ~80
characters, and every file in the test folder (the database first) BYTE-IDENTICAL afterwards,
with nothing left behind (no `.part`, `.building`, `-wal`, `-journal`).

The read-only folder and the full disk are simulated (an OSError with errno EROFS / ENOSPC, or
SQLite's own error with its result code): CI runs as root, where chmod does not stop a write,
so a real read-only folder cannot be made there.
"""

from __future__ import annotations

import errno
import hashlib
import json
import os
import re
import sqlite3
import subprocess
import sys
import unicodedata
import zipfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook, load_workbook

from ita_desktop.cli.main import main
from ita_desktop.documents.workbook_layout import SCORES
from ita_desktop.errors import BIDI_CONTROLS, escaped, one_line, shown
from tests.storage.old_files import foreign_file

TRANG = "94.42,92.12,92.28,90.76,92.35,91.41,94.44,90.55,100,100"
ESC_NAME = "\x1b[2J\x1b]0;owned\x07\u202egnp.exe\u2066x\u2069"  # clears the screen, reorders
HUGE = "ก" * 100_000
IGNORED = {"userdata", "backups"}  # the private data folder (crash log) and automatic backups


# the promises ----------------------------------------------------------------------------
def folder_state(folder: Path) -> dict[str, str]:
    """Every file under `folder` (but the data folder and backups) -> sha256 of its bytes."""
    state = {}
    for path in sorted(folder.rglob("*")):
        relative = path.relative_to(folder)
        if relative.parts[0] in IGNORED or path.is_dir():
            continue
        state[str(relative)] = hashlib.sha256(path.read_bytes()).hexdigest()
    return state


def is_unsafe(ch: str) -> bool:
    return ch in BIDI_CONTROLS or unicodedata.category(ch) in ("Cc", "Zl", "Zp", "Cs")


# an English detail in brackets at the end, e.g. "(1 problems)", "(BadZipFile: …)"
ENGLISH_TAIL = re.compile(r"\((?=[^()]*[A-Za-z]{3})[^()\u0e00-\u0e7f]*\)$")


def assert_one_clean_line(err: str) -> None:
    assert err.endswith("\n") and err.count("\n") == 1, f"not one line: {err!r}"
    assert "Traceback" not in err
    assert not ENGLISH_TAIL.search(err[:-1]), f"English detail shown: {err!r}"
    assert not any(is_unsafe(ch) for ch in err[:-1]), f"raw control character in {err!r}"
    assert len(err) < 2000, f"{len(err)} characters"


@dataclass
class Ctx:
    tmp: Path
    db: Path
    monkeypatch: pytest.MonkeyPatch
    files: dict[str, Path] = field(default_factory=dict)

    def write(self, name: str, data: bytes | str) -> Path:
        path = self.tmp / name
        path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
        return path


@dataclass
class Case:
    id: str
    argv: Callable[[Ctx], list[str]]
    fragment: str
    code: int = 2
    setup: Callable[[Ctx], Any] | None = None
    shows: tuple[str, ...] = ()  # what must appear too (escapes of what the user typed)


# inputs ----------------------------------------------------------------------------------
def scores_sheet(rows: list[list[Any]], title: str = "ผลการประเมิน") -> bytes:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = title
    ws.append(["ตัวชี้วัด", "ชื่อ", "เครื่องมือ", "คะแนน"])
    for row in rows:
        ws.append(row)
    path = Path(os.environ["ITA_DESKTOP_DATA_DIR"]) / "sheet.xlsx"
    wb.save(path)
    data = path.read_bytes()
    path.unlink()
    return data


def damaged_sheet(ctx: Ctx, name: str, change: Callable[[str, bytes], bytes | None]) -> None:
    """A real workbook with one of its parts replaced (None: removed)."""
    good = scores_sheet([[1, "ก", "IIT", 92.5]])
    source = ctx.write("good.zip", good)
    with zipfile.ZipFile(source) as z, zipfile.ZipFile(ctx.tmp / name, "w") as out:
        for item in z.namelist():
            data = change(item, z.read(item))
            if data is not None:
                out.writestr(item, data)
    source.unlink()


def workbook_case(name: str, cells: dict[str, Any]) -> Callable[[Ctx], Any]:
    """The workbook `export xlsx` writes of the selected year, with cells of its scores sheet
    changed as a clerk would in Excel."""

    def setup(ctx: Ctx) -> None:
        path = ctx.tmp / name
        assert main(["export", "xlsx", "--db", str(ctx.db), "--out", str(path)]) == 0
        book = load_workbook(path)
        for ref, value in cells.items():
            book[SCORES][ref] = value
        book.save(path)

    return setup


def exchange_file(ctx: Ctx, name: str, change: Callable[[dict[str, Any]], Any]) -> None:
    """The demo database's exchange file with one change."""
    from ita_desktop.services.exchange import exchange_document
    from ita_desktop.storage.repository import Repository

    repo = Repository.open(ctx.db)
    try:
        data = exchange_document(repo)
    finally:
        repo.close()
    change(data)
    ctx.write(name, json.dumps(data, ensure_ascii=False))


def exchange_case(change: Callable[[dict[str, Any]], Any]) -> Callable[[Ctx], Any]:
    return lambda ctx: exchange_file(ctx, "bad.json", change)


def first_year(d: dict[str, Any]) -> dict[str, Any]:
    year: dict[str, Any] = d["organizations"][0]["years"][0]
    return year


# failures of the system ------------------------------------------------------------------
def sqlite_error(message: str, code: int) -> sqlite3.OperationalError:
    exc = sqlite3.OperationalError(message)
    exc.sqlite_errorcode = code
    return exc


def failing_writes(ctx: Ctx, make: Callable[[], BaseException]) -> None:
    """Every write transaction fails the way SQLite (or the OS) fails: inside the transaction,
    which then rolls back."""
    from ita_desktop.storage.repository import Repository

    original = Repository.write

    @contextmanager
    def write(self: Repository) -> Iterator[Any]:
        with original(self):
            raise make()
        yield  # pragma: no cover - never reached

    ctx.monkeypatch.setattr(Repository, "write", write)


def full_disk_import(ctx: Ctx) -> None:
    exchange_file(ctx, "bad.json", lambda d: None)
    failing_writes(ctx, lambda: sqlite_error("database or disk is full", 13))


def failing(
    target: str,
    name: str,
    make: Callable[[], BaseException],
    when: Callable[[Ctx, tuple[Any, ...], dict[str, Any]], bool] = lambda c, a, k: True,
) -> Callable[[Ctx], Any]:
    """`target.name` raises for the calls `when` picks (a module such as `os` is shared: the
    other callers, the database's own files among them, keep the real function)."""

    def setup(ctx: Ctx) -> None:
        real = getattr(__import__(target, fromlist=[name]), name)

        def fail(*args: Any, **kwargs: Any) -> Any:
            if when(ctx, args, kwargs):
                raise make()
            return real(*args, **kwargs)

        ctx.monkeypatch.setattr(f"{target}.{name}", fail)

    return setup


def to(name: str) -> Callable[[Ctx, tuple[Any, ...], dict[str, Any]], bool]:
    """Calls whose second argument (the target of a rename) is `name` in the test folder."""
    return lambda ctx, args, _kw: len(args) > 1 and Path(args[1]) == ctx.tmp / name


def part_in_tmp(ctx: Ctx, _args: tuple[Any, ...], kwargs: dict[str, Any]) -> bool:
    """mkstemp of an export's temporary file in the test folder."""
    return Path(kwargs.get("dir", "")) == ctx.tmp and str(kwargs.get("suffix")).endswith(".part")


def os_error(code: int) -> Callable[[], OSError]:
    return lambda: OSError(code, os.strerror(code))


def symlink_to_db(ctx: Ctx) -> None:
    (ctx.tmp / "link.pdf").symlink_to(ctx.db)


def in_tmp(ctx: Ctx) -> None:
    ctx.monkeypatch.chdir(ctx.tmp)


def folder(name: str) -> Callable[[Ctx], Any]:
    return lambda ctx: (ctx.tmp / name).mkdir()


def db(ctx: Ctx) -> str:
    return str(ctx.db)


def tmp(ctx: Ctx, name: str) -> str:
    return str(ctx.tmp / name)


def analyze(*more: str, scores: str = TRANG) -> Callable[[Ctx], list[str]]:
    return lambda ctx: ["analyze", "--year", "2564", "--scores", scores, *more]


def scores_set(*more: str) -> Callable[[Ctx], list[str]]:
    return lambda ctx: ["scores", "set", "--db", db(ctx), *more]


def set_4(score: str, *more: str) -> Callable[[Ctx], list[str]]:
    return scores_set("--indicator", "4", "--score", score, *more)


def show(*more: str) -> Callable[[Ctx], list[str]]:
    return lambda ctx: ["scores", "show", "--db", db(ctx), *more]


def import_sheet(name: str) -> Callable[[Ctx], list[str]]:
    return lambda ctx: ["scores", "import", "--db", db(ctx), "--file", tmp(ctx, name)]


def export(fmt: str, out: Callable[[Ctx], str], *more: str) -> Callable[[Ctx], list[str]]:
    return lambda ctx: ["export", fmt, "--db", db(ctx), "--out", out(ctx), *more]


def out_file(name: str) -> Callable[[Ctx], str]:
    return lambda ctx: tmp(ctx, name)


def import_json(name: str = "bad.json", *more: str) -> Callable[[Ctx], list[str]]:
    return lambda ctx: ["import", "json", "--db", db(ctx), tmp(ctx, name), *more]


def on_db(name: str, *command: str, out: str = "") -> Callable[[Ctx], list[str]]:
    """`command` with --db naming a file of the test folder (and --out, when given)."""
    return lambda c: [*command, "--db", tmp(c, name), *(["--out", tmp(c, out)] if out else [])]


def not_sqlite(ctx: Ctx) -> None:
    ctx.write("notdb.sqlite", "not a db\n")


def zero_bytes(ctx: Ctx) -> None:
    ctx.write("empty.sqlite", b"")


NOT_NUMBER = "ไม่ใช่ตัวเลข"
RANGE = "ต้องอยู่ระหว่าง 0 ถึง 100"
DECIMALS = "ทศนิยมได้ไม่เกิน 2 ตำแหน่ง"
IN_USE = "ไฟล์นี้เปิดใช้งานอยู่"
NO_FOLDER = "ไม่พบโฟลเดอร์"
IS_FOLDER = "เป็นโฟลเดอร์"
NOT_EXCEL = "ไม่ใช่ไฟล์ Excel"
DISK_FULL = "พื้นที่ดิสก์เต็ม"
DISK_FULL_EXPORT = "พื้นที่ในดิสก์ไม่พอ"
READ_ONLY = "อ่านได้อย่างเดียว"
USAGE = "คำสั่งหรืออาร์กิวเมนต์ไม่ถูกต้อง"
ENDS_XLSX = "ชื่อไฟล์ที่จะบันทึก (--out) ต้องลงท้ายด้วย .xlsx"
NOT_SQLITE = "ไม่ใช่ฐานข้อมูล SQLite"
ZERO_BYTES = "ว่างเปล่า (0 ไบต์)"

CASES = [
    # analyze ---------------------------------------------------------------------------
    Case("analyze threshold 101", analyze("--threshold", "101"), RANGE, shows=("--threshold",)),
    Case("analyze threshold -5", analyze("--threshold", "-5"), RANGE, shows=("“-5”",)),
    Case("analyze threshold 3 decimals", analyze("--threshold", "90.555"), DECIMALS),
    Case("analyze threshold not a number", analyze("--threshold", "เก้าสิบ"), NOT_NUMBER),
    Case("analyze threshold empty", analyze("--threshold", ""), "กรุณากรอกคะแนน"),
    Case("analyze threshold NaN", analyze("--threshold", "NaN"), NOT_NUMBER),
    Case("analyze official overall 100.01", analyze("--official-overall", "100.01"), RANGE),
    Case("analyze year not a number", analyze("--year", "สองห้าหกสี่"), "ต้องเป็นตัวเลขปี พ.ศ."),
    Case("analyze year in the common era", analyze("--year", "2021"), "บวก 543 เป็น 2564"),
    Case("analyze year huge", analyze("--year", "9" * 40), "ต้องเป็นตัวเลขปี พ.ศ."),
    Case("analyze year without rules", analyze("--year", "2599"), "ไม่มีเกณฑ์การประเมิน"),
    Case("analyze nine scores", analyze(scores=TRANG.rsplit(",", 1)[0]), "ต้องระบุคะแนน 10 ค่า"),
    Case("analyze score 1e2", analyze(scores=TRANG.replace("94.42", "1e2")), NOT_NUMBER),
    Case("analyze score 3 decimals", analyze(scores=TRANG.replace("94.42", "94.421")), DECIMALS),
    Case(
        "analyze score ESC",
        analyze(scores=TRANG.replace("94.42", "\x1b[31m9")),
        NOT_NUMBER,
        shows=("\\x1b[31m9",),
    ),
    Case("analyze missing --scores", lambda ctx: ["analyze", "--year", "2564"], "ขาดอาร์กิวเมนต์"),
    Case("unknown command", lambda ctx: ["analyse"], "ไม่รู้จัก 'analyse'"),
    Case(
        "unknown option ESC",
        lambda ctx: ["orgs", "--db", db(ctx), "--" + ESC_NAME],
        "ไม่รู้จักอาร์กิวเมนต์",
        shows=("\\x1b[2J", "\\u202e"),
    ),
    # scores set / show -----------------------------------------------------------------
    Case("indicator x", scores_set("--indicator", "x", "--score", "5"), "หมายเลขตัวชี้วัด"),
    Case("indicator 0", scores_set("--indicator", "0", "--score", "5"), "หมายเลขตัวชี้วัด"),
    Case("indicator 44", scores_set("--indicator", "44", "--score", "5"), "ไม่มีตัวชี้วัดที่ 44"),
    Case("score 101", set_4("101"), RANGE),
    Case("score -5", set_4("-5"), RANGE),
    Case("score 3 decimals", set_4("92.555"), DECIMALS),
    Case("score not a number", set_4("ดี"), NOT_NUMBER),
    Case("score empty", set_4(""), "กรุณากรอกคะแนน"),
    Case("score ESC", set_4("\x1b[2J"), NOT_NUMBER, shows=("“\\x1b[2J”",)),
    Case("score 100,000 digits", set_4("9" * 100_000), RANGE),
    Case(
        "org ESC and bidi",
        set_4("90", "--org", ESC_NAME),
        "ไม่พบหน่วยงาน",
        shows=("\\x1b[2J\\x1b]0;owned\\x07\\u202egnp.exe\\u2066x\\u2069",),
    ),
    Case("org 100,000 characters", set_4("90", "--org", HUGE), "ไม่พบหน่วยงาน", shows=("ก…",)),
    Case("org ambiguous", set_4("90", "--org", "นคร"), "ตรงกับหลายหน่วยงาน"),
    Case("year without assessment", set_4("90", "--year", "2560"), "2560"),
    Case("show year out of range", show("--year", "๒๕๐๐๐"), "ต้องเป็นปี พ.ศ. ระหว่าง 2500"),
    Case("show org id unknown", show("--org", "999", "--json"), "ไม่พบหน่วยงาน"),
    Case(
        "show db missing",
        lambda ctx: ["scores", "show", "--db", tmp(ctx, "none.sqlite")],
        "ไม่พบไฟล์ฐานข้อมูล",
    ),
    Case(
        "show db is a folder",
        lambda ctx: ["scores", "show", "--db", str(ctx.tmp)],
        IS_FOLDER,
    ),
    Case(
        "show db in a missing folder",
        lambda ctx: ["scores", "show", "--db", tmp(ctx, "no/such/x.sqlite")],
        "ไม่พบไฟล์ฐานข้อมูล",
    ),
    Case(
        "show db not a database",
        lambda ctx: ["scores", "show", "--db", tmp(ctx, "notes.sqlite")],
        "ไม่ใช่ฐานข้อมูล SQLite",
        setup=lambda ctx: ctx.write("notes.sqlite", "บันทึกการประชุม " * 300),
    ),
    # the disk and the file system while writing the database -----------------------------
    Case(
        "disk full (SQLITE_FULL)",
        set_4("90"),
        DISK_FULL,
        code=1,
        setup=lambda ctx: failing_writes(ctx, lambda: sqlite_error("database or disk is full", 13)),
    ),
    Case(
        "disk I/O error (SQLITE_IOERR_WRITE)",
        set_4("90"),
        DISK_FULL,
        code=1,
        setup=lambda ctx: failing_writes(ctx, lambda: sqlite_error("disk I/O error", 778)),
    ),
    Case(
        "disk I/O error (SQLITE_IOERR_FSYNC)",
        set_4("90"),
        DISK_FULL,
        code=1,
        setup=lambda ctx: failing_writes(ctx, lambda: sqlite_error("disk I/O error", 1034)),
    ),
    Case(
        "ENOSPC while writing the database",
        set_4("90"),
        DISK_FULL,
        code=1,
        setup=lambda ctx: failing_writes(ctx, os_error(errno.ENOSPC)),
    ),
    Case(
        "read-only database (SQLITE_READONLY)",
        set_4("90"),
        READ_ONLY,
        code=1,
        setup=lambda ctx: failing_writes(
            ctx, lambda: sqlite_error("attempt to write a readonly database", 8)
        ),
    ),
    Case(
        "read-only database (SQLITE_READONLY_DBMOVED)",
        set_4("90"),
        READ_ONLY,
        code=1,
        setup=lambda ctx: failing_writes(
            ctx, lambda: sqlite_error("attempt to write a readonly database", 1032)
        ),
    ),
    Case(
        "EROFS while writing the database",
        set_4("90"),
        READ_ONLY,
        code=1,
        setup=lambda ctx: failing_writes(ctx, os_error(errno.EROFS)),
    ),
    # scores import: bad xlsx files -------------------------------------------------------
    Case("xlsx missing", import_sheet("none.xlsx"), "ไม่พบไฟล์"),
    Case("xlsx is a folder", import_sheet("sheets"), IS_FOLDER, setup=folder("sheets")),
    Case("xlsx is text", import_sheet("t.xlsx"), NOT_EXCEL, setup=lambda c: c.write("t.xlsx", "x")),
    Case("xlsx empty", import_sheet("e.xlsx"), NOT_EXCEL, setup=lambda c: c.write("e.xlsx", b"")),
    Case(
        "xlsx old .xls (OLE)",
        import_sheet("old.xlsx"),
        "บันทึกเป็น .xlsx",
        setup=lambda c: c.write("old.xlsx", bytes.fromhex("d0cf11e0a1b11ae1") + b"\0" * 504),
    ),
    Case(
        "xlsx truncated",
        import_sheet("cut.xlsx"),
        NOT_EXCEL,
        setup=lambda c: c.write("cut.xlsx", scores_sheet([[1, "ก", "IIT", 90]])[:700]),
    ),
    Case(
        "xlsx damaged sheet XML",
        import_sheet("d.xlsx"),
        NOT_EXCEL,
        setup=lambda c: damaged_sheet(
            c, "d.xlsx", lambda n, d: b"<worksheet><sheetData><row" if "worksheets/" in n else d
        ),
    ),
    Case(
        "xlsx damaged workbook XML",
        import_sheet("w.xlsx"),
        NOT_EXCEL,
        setup=lambda c: damaged_sheet(
            c, "w.xlsx", lambda n, d: b"garbage<" if n == "xl/workbook.xml" else d
        ),
    ),
    Case(
        "xlsx ESC in the sheet XML",
        import_sheet("x.xlsx"),
        NOT_EXCEL,
        setup=lambda c: damaged_sheet(
            c,
            "x.xlsx",
            lambda n, d: d.replace(b"<v>92.5</v>", b"<v>\x1b[2J</v>") if "worksheets/" in n else d,
        ),
    ),
    Case(
        "xlsx without the scores sheet",
        import_sheet("o.xlsx"),
        "ไม่พบแผ่นงาน",
        setup=lambda c: c.write("o.xlsx", scores_sheet([[1, "ก", "IIT", 90]], title="Sheet")),
    ),
    Case(
        "xlsx score 3 decimals",
        import_sheet("n.xlsx"),
        "เซลล์ D7",
        setup=workbook_case("n.xlsx", {"D7": 92.345}),
    ),
    Case(
        "xlsx score 101",
        import_sheet("s.xlsx"),
        RANGE,
        setup=workbook_case("s.xlsx", {"D7": 101}),
        shows=("เซลล์ D7",),
    ),
    Case(
        "xlsx score text with bidi",
        import_sheet("b.xlsx"),
        NOT_NUMBER,
        setup=workbook_case("b.xlsx", {"D7": "\u202e09\u2028"}),
        shows=("เซลล์ D7", "\\u202e09\\u2028"),
    ),
    Case(
        "xlsx score 100,000 digits",
        import_sheet("h.xlsx"),
        RANGE,
        setup=workbook_case("h.xlsx", {"D7": "9" * 100_000}),
    ),
    Case(
        "xlsx score true",
        import_sheet("t2.xlsx"),
        NOT_NUMBER,
        setup=workbook_case("t2.xlsx", {"D7": True}),
    ),
    Case(
        "xlsx indicator 44",
        import_sheet("i.xlsx"),
        "(ได้ 44)",
        setup=workbook_case("i.xlsx", {"A7": 44}),
        shows=("เซลล์ A7",),
    ),
    # export: never over the database, folders that exist, the file system ------------------
    Case("export pdf over the database", export("pdf", db), IN_USE),
    Case("export xlsx over ./db", export("xlsx", lambda c: "./demo.sqlite"), IN_USE, setup=in_tmp),
    Case("export json over the database", export("json", db), IN_USE),
    Case("export pdf over the -wal", export("pdf", lambda c: f"{c.db}-wal"), IN_USE),
    Case(
        "export pdf over a link to it",
        export("pdf", out_file("link.pdf")),
        IN_USE,
        setup=symlink_to_db,
    ),
    Case("export pdf missing folder", export("pdf", out_file("no/r.pdf")), NO_FOLDER),
    Case("export xlsx out is a folder", export("xlsx", lambda c: str(c.tmp)), IS_FOLDER),
    Case(
        "export xlsx out named .pdf",
        export("xlsx", out_file("r.pdf")),
        ENDS_XLSX,
        shows=("r.xlsx",),
    ),
    Case("export xlsx out without suffix", export("xlsx", out_file("r")), ENDS_XLSX),
    Case("export xlsx out named .xls", export("xlsx", out_file("r.xls")), ENDS_XLSX),
    Case("export pdf out named .txt", export("pdf", out_file("r.txt")), "ลงท้ายด้วย .pdf"),
    Case("export pdf out without suffix", export("pdf", out_file("report")), "ลงท้ายด้วย .pdf"),
    Case("export json missing folder", export("json", out_file("no/a.json")), NO_FOLDER),
    Case(
        "export out folder ESC",
        export("pdf", out_file(ESC_NAME + "/r.pdf")),
        NO_FOLDER,
        shows=("\\x1b[2J", "\\u202e"),
    ),
    Case("export round 7", export("pdf", out_file("r.pdf"), "--round", "7"), "รอบการรายงาน"),
    Case(
        "export round ESC",
        export("pdf", out_file("r.pdf"), "--round", "\x1b[2J6"),
        "รอบการรายงาน",
        shows=("\\x1b[2J6",),
    ),
    Case(
        "export document unknown",
        export("pdf", out_file("r.pdf"), "--document", "minutes"),
        "ไม่รู้จักเอกสาร",
    ),
    Case("export format docx", lambda c: ["export", "docx", "--db", db(c)], "ไม่รู้จัก 'docx'"),
    Case(
        "export pdf year without assessment",
        export("pdf", out_file("r.pdf"), "--year", "2599"),
        "ยังไม่มีการประเมิน",
    ),
    Case(
        "export json year nobody has",
        export("json", out_file("a.json"), "--year", "2599"),
        "ยังไม่มีหน่วยงานใดมีการประเมิน",
    ),
    Case(
        "export pdf read-only folder (EROFS)",
        export("pdf", out_file("r.pdf")),
        READ_ONLY,
        code=1,
        setup=failing("tempfile", "mkstemp", os_error(errno.EROFS), part_in_tmp),
    ),
    Case(
        "export pdf disk full (ENOSPC)",
        export("pdf", out_file("r.pdf"), "--document", "analysis"),
        DISK_FULL_EXPORT,
        code=1,
        setup=failing("ita_desktop.services.export", "_write_pdf", os_error(errno.ENOSPC)),
    ),
    Case(
        "export xlsx file locked (EACCES)",
        export("xlsx", out_file("r.xlsx")),
        "เปิดอยู่ในโปรแกรมอื่น",
        code=1,
        setup=failing("os", "replace", os_error(errno.EACCES), to("r.xlsx")),
    ),
    Case(
        "export json disk full (ENOSPC)",
        export("json", out_file("a.json")),
        DISK_FULL_EXPORT,
        code=1,
        setup=failing("os", "replace", os_error(errno.ENOSPC), to("a.json")),
    ),
    Case(
        "export json read-only folder (EROFS)",
        export("json", out_file("a.json")),
        READ_ONLY,
        code=1,
        setup=failing("tempfile", "mkstemp", os_error(errno.EROFS), part_in_tmp),
    ),
    # import json: bad exchange files -----------------------------------------------------
    Case("json missing", import_json("none.json"), "ไม่พบไฟล์"),
    Case("json is a folder", import_json("dir.json"), IS_FOLDER, setup=folder("dir.json")),
    Case(
        "json not UTF-8",
        import_json(),
        "ไม่ใช่ข้อความ UTF-8",
        setup=lambda c: c.write("bad.json", "{}".encode("utf-16")),
    ),
    Case(
        "json not JSON",
        import_json(),
        "ไม่ใช่ JSON ที่ถูกต้อง",
        setup=lambda c: c.write("bad.json", "ita\x1b[2J"),
    ),
    Case(
        "json nested 100,000 deep",
        import_json(),
        "ไม่ใช่ JSON ที่ถูกต้อง",
        setup=lambda c: c.write("bad.json", "[" * 100_000),
    ),
    Case(
        "json a list",
        import_json(),
        "ไม่ใช่ไฟล์แลกเปลี่ยนข้อมูล",
        setup=lambda c: c.write("bad.json", "[]"),
    ),
    Case(
        "json newer format",
        import_json(),
        "ใหม่กว่า",
        setup=exchange_case(lambda d: d.update({"format_version": 99})),
    ),
    Case(
        "json unknown key ESC",
        import_json(),
        "ไม่รู้จักช่องนี้",
        setup=exchange_case(lambda d: d.update({ESC_NAME: 1})),
        shows=("\\x1b[2J", "\\u202e"),
    ),
    Case(
        "json key 100,000 characters",
        import_json(),
        "ไม่รู้จักช่องนี้",
        setup=exchange_case(lambda d: d.update({HUGE: 1})),
    ),
    Case(
        "json score 101",
        import_json(),
        RANGE,
        setup=exchange_case(lambda d: first_year(d)["scores"].update({"4": "101"})),
    ),
    Case(
        "json score 100,000 digits",
        import_json(),
        RANGE,
        setup=exchange_case(lambda d: first_year(d)["scores"].update({"4": "9" * 100_000})),
    ),
    Case(
        "json threshold 3 decimals",
        import_json(),
        DECIMALS,
        setup=exchange_case(lambda d: first_year(d).update({"threshold": "90.555"})),
    ),
    Case(
        "json empty organisation name",
        import_json(),
        "กรุณากรอกชื่อหน่วยงาน",
        setup=exchange_case(lambda d: d["organizations"][0].update({"name": ""})),
    ),
    Case(
        "json dry run of a bad file",
        import_json("bad.json", "--dry-run"),
        RANGE,
        setup=exchange_case(lambda d: first_year(d)["scores"].update({"4": "100.5"})),
    ),
    Case(
        "json into a folder --db",
        lambda c: ["import", "json", "--db", str(c.tmp), tmp(c, "a.json")],
        IS_FOLDER,
        setup=exchange_case(lambda d: None),
    ),
    Case(
        "json into a missing folder",
        lambda c: ["import", "json", "--db", tmp(c, "no/x.sqlite"), tmp(c, "bad.json")],
        NO_FOLDER,
        setup=exchange_case(lambda d: None),
    ),
    Case(
        "json import disk full",
        import_json(),
        DISK_FULL,
        code=1,
        setup=full_disk_import,
    ),
    # demo --------------------------------------------------------------------------------
    Case("demo over a file", lambda c: ["demo", "--db", db(c)], "--force"),
    Case(
        "demo --db a folder --force",
        lambda c: ["demo", "--db", str(c.tmp / "sub"), "--force"],
        IS_FOLDER,
        setup=folder("sub"),
    ),
    Case("demo missing folder", lambda c: ["demo", "--db", tmp(c, "no/d.sqlite")], NO_FOLDER),
    Case(
        "demo --force disk full at the rename",
        lambda c: ["demo", "--db", db(c), "--force"],
        DISK_FULL_EXPORT,
        code=1,
        setup=failing("os", "replace", os_error(errno.ENOSPC), to("demo.sqlite")),
    ),
    Case(
        "demo read-only folder (EROFS)",
        lambda c: ["demo", "--db", tmp(c, "new.sqlite")],
        READ_ONLY,
        code=1,
        setup=failing("os", "replace", os_error(errno.EROFS), to("new.sqlite")),
    ),
    Case(
        "demo disk full while building",
        lambda c: ["demo", "--db", tmp(c, "new.sqlite")],
        DISK_FULL,
        code=1,
        setup=lambda c: failing_writes(c, lambda: sqlite_error("database or disk is full", 13)),
    ),
    # orgs, gui ---------------------------------------------------------------------------
    Case("orgs db missing", lambda c: ["orgs", "--db", tmp(c, "x.sqlite")], "ไม่พบไฟล์ฐานข้อมูล"),
    # a file named by --db that is not a database: input the user corrects (exit code 2) ---
    Case("orgs db not SQLite", on_db("notdb.sqlite", "orgs"), NOT_SQLITE, setup=not_sqlite),
    Case("orgs db 0 bytes", on_db("empty.sqlite", "orgs"), ZERO_BYTES, setup=zero_bytes),
    Case("check db not SQLite", on_db("notdb.sqlite", "check"), NOT_SQLITE, setup=not_sqlite),
    Case("check db 0 bytes", on_db("empty.sqlite", "check"), ZERO_BYTES, setup=zero_bytes),
    Case(
        "export xlsx db not SQLite",
        on_db("notdb.sqlite", "export", "xlsx", out="x.xlsx"),
        NOT_SQLITE,
        setup=not_sqlite,
    ),
    Case(
        "export pdf db 0 bytes",
        on_db("empty.sqlite", "export", "pdf", out="x.pdf"),
        ZERO_BYTES,
        setup=zero_bytes,
    ),
    Case(
        "import xlsx db not SQLite",
        lambda c: ["import", "xlsx", "--db", tmp(c, "notdb.sqlite"), tmp(c, "t.xlsx")],
        NOT_SQLITE,
        setup=lambda c: (not_sqlite(c), workbook_case("t.xlsx", {})(c)),
    ),
    Case(
        "import xlsx db 0 bytes",
        lambda c: ["import", "xlsx", "--db", tmp(c, "empty.sqlite"), tmp(c, "t.xlsx")],
        ZERO_BYTES,
        setup=lambda c: (zero_bytes(c), workbook_case("t.xlsx", {})(c)),
    ),
    Case(
        "scores set db of another program",
        lambda c: (
            ["scores", "set", "--db", tmp(c, "contacts.sqlite")]
            + ["--indicator", "1", "--score", "90"]
        ),
        "ของโปรแกรมอื่น",
        setup=lambda c: foreign_file(c.tmp / "contacts.sqlite"),
    ),
    Case("orgs --db without a value", lambda c: ["orgs", "--db"], "--db ต้องตามด้วยค่า"),
    Case("orgs unknown option", lambda c: ["orgs", "--db", db(c), "--xml"], "ไม่รู้จักอาร์กิวเมนต์"),
    Case("gui unknown option", lambda c: ["gui", "--bogus"], "ไม่รู้จักอาร์กิวเมนต์"),
    Case("gui --db without a value", lambda c: ["gui", "--db"], "--db ต้องตามด้วยค่า"),
    Case("gui --screenshots without a value", lambda c: ["--screenshots"], "ต้องตามด้วยค่า"),
]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_bad_input(
    case: Case,
    demo_db: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    ctx = Ctx(tmp_path, demo_db, monkeypatch)
    if case.setup is not None:
        case.setup(ctx)
    argv = case.argv(ctx)
    before = folder_state(tmp_path)
    code = main(argv)
    _out, err = capsys.readouterr()
    assert code == case.code, err
    assert case.fragment in err
    assert_one_clean_line(err)
    for part in case.shows:
        assert part in err
    assert folder_state(tmp_path) == before  # the database byte-identical, nothing left behind
    assert demo_db.name in before


def test_the_catalogue_has_at_least_60_cases() -> None:
    assert len(CASES) >= 60 and len({c.id for c in CASES}) == len(CASES)


# the rule itself ----------------------------------------------------------------------------
def test_shown_escapes_controls_and_bidi_and_cuts() -> None:
    assert shown("a\x1b[2Jb\u202ec\u2066d\u200fe\u2028f\x85g\x7f") == (
        "a\\x1b[2Jb\\u202ec\\u2066d\\u200fe\\u2028f\\x85g\\x7f"
    )
    assert shown("ก" * 100_000) == "ก" * 79 + "…"
    assert len(shown("\x1b" * 100_000)) <= 80  # escapes count, and are never cut in half
    assert shown("\x1b" * 100).endswith("\\x1b…")
    assert shown(Path("/" + "d" * 200) / "รายงาน.pdf").endswith("/รายงาน.pdf")
    assert shown("เทศบาลนครตรัง C:\\ITA") == "เทศบาลนครตรัง C:\\ITA"
    assert shown("\udcff") == "\\udcff"  # an undecodable byte of a file name


def test_one_line_joins_lines_and_escapes_the_rest() -> None:
    assert (
        one_line("ไฟล์ x นำเข้าไม่ได้:\n- a: 1\r\n- b: \x1b")
        == "ไฟล์ x นำเข้าไม่ได้: | - a: 1 | - b: \\x1b"
    )
    assert len(one_line("x" * 100_000)) == 4000
    assert escaped("ก\u202eข") == "ก\\u202eข"


def test_minus_zero_is_stored_and_printed_as_zero(
    demo_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["scores", "set", "--db", str(demo_db), "--indicator", "4", "--score", "-0"]) == 0
    out, _ = capsys.readouterr()
    assert "= 0 " in out and "-0" not in out
    assert main(["scores", "show", "--db", str(demo_db), "--json"]) == 0
    assert json.loads(capsys.readouterr()[0])["scores"]["4"] == 0
    assert (
        main(["analyze", "--year", "2564", "--scores", TRANG, "--threshold", "-0", "--json"]) == 0
    )
    assert json.loads(capsys.readouterr()[0])["threshold"] == 0


def test_text_output_escapes_names_from_the_database(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from ita_desktop.domain.models import Organization
    from ita_desktop.services.organizations import add_organization
    from ita_desktop.storage.repository import Repository

    path = tmp_path / "o.sqlite"
    repo = Repository.open(path)
    org_id = add_organization(repo, Organization("เทศบาลลวง"), 2566).created_id
    repo.close()
    # typed text loses its bidi controls; a file written by another program may still have them
    with sqlite3.connect(path) as raw:
        raw.execute("UPDATE organizations SET name = ? WHERE id = ?", ("เทศบาล\u202eลวง", org_id))
    raw.close()
    assert main(["orgs", "--db", str(path)]) == 0
    out, _ = capsys.readouterr()
    assert "เทศบาล\\u202eลวง" in out and "\u202e" not in out
    assert main(["orgs", "--db", str(path), "--json"]) == 0
    out, _ = capsys.readouterr()
    assert "\u202e" not in out and json.loads(out)[0]["name"] == "เทศบาล\u202eลวง"


# leftovers ------------------------------------------------------------------------------------
def test_stale_part_files_are_removed_at_the_next_export(
    demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    old, fresh = tmp_path / ".r.abcd_123.pdf.part", tmp_path / ".r.zyxw_987.pdf.part"
    other = tmp_path / ".other.abcd_123.pdf.part"  # another target's: not ours to remove
    lookalike = tmp_path / ".r.abcd_123.pdf.part.keep"
    for path in (old, fresh, other, lookalike):
        path.write_bytes(b"killed export")
    hours_ago = os.path.getmtime(old) - 2 * 3600
    for path in (old, other, lookalike):
        os.utime(path, (hours_ago, hours_ago))
    argv = ["export", "pdf", "--db", str(demo_db), "--out", str(tmp_path / "r.pdf")]
    assert main([*argv, "--document", "analysis"]) == 0, capsys.readouterr().err
    assert not old.exists() and fresh.exists() and other.exists() and lookalike.exists()
    json_old = tmp_path / ".a.abcd_123.json.part"
    json_old.write_bytes(b"killed")
    os.utime(json_old, (hours_ago, hours_ago))
    assert main(["export", "json", "--db", str(demo_db), "--out", str(tmp_path / "a.json")]) == 0
    assert not json_old.exists()


def test_demo_leftovers_of_a_killed_run_are_removed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "d.sqlite"
    for suffix in (".building", ".building-wal", ".building-shm", ".building-journal"):
        Path(f"{target}{suffix}").write_bytes(b"killed demo")
    assert main(["demo", "--db", str(target)]) == 0, capsys.readouterr().err
    assert sorted(p.name for p in tmp_path.iterdir() if p.name != "userdata") == ["d.sqlite"]


def test_demo_into_a_folder_leaves_nothing_beside_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    inner = tmp_path / "inner"
    inner.mkdir()
    before = sorted(p.name for p in tmp_path.iterdir())
    assert main(["demo", "--db", str(inner), "--force"]) == 2
    assert IS_FOLDER in capsys.readouterr().err
    assert sorted(p.name for p in tmp_path.iterdir()) == before and not any(inner.iterdir())


# output that is not UTF-8 ---------------------------------------------------------------------
def run_process(argv: list[str], **env: str) -> subprocess.CompletedProcess[bytes]:
    environment = {**os.environ, **env}
    return subprocess.run(  # noqa: PLW1510 - the exit code is asserted
        [sys.executable, "-m", "ita_desktop", *argv],
        capture_output=True,
        env=environment,
        timeout=120,
    )


@pytest.mark.parametrize(
    "env",
    [
        {"PYTHONIOENCODING": "ascii"},
        {"PYTHONIOENCODING": "cp1252"},
        {"PYTHONIOENCODING": "cp874"},
        {"LANG": "C", "LC_ALL": "C", "PYTHONUTF8": "0", "PYTHONCOERCECLOCALE": "0"},
    ],
    ids=["ascii", "cp1252", "cp874", "C locale"],
)
def test_output_that_is_not_utf8_never_crashes(
    env: dict[str, str], demo_db: Path, tmp_path: Path
) -> None:
    before = folder_state(tmp_path)
    shown_ = run_process(["orgs", "--db", str(demo_db)], **env)
    assert shown_.returncode == 0 and b"Traceback" not in shown_.stderr
    assert shown_.stdout.count(b"\n") == 4
    as_json = run_process(["scores", "show", "--db", str(demo_db), "--json"], **env)
    assert as_json.returncode == 0
    assert json.loads(as_json.stdout)["organization"]["name"] == "เทศบาลนครตรัง"
    bad = run_process(["scores", "show", "--db", str(demo_db), "--org", ESC_NAME], **env)
    assert bad.returncode == 2 and bad.stderr.count(b"\n") == 1
    assert b"Traceback" not in bad.stderr and b"\x1b" not in bad.stderr
    text = bad.stderr.decode(env.get("PYTHONIOENCODING", "ascii"))
    assert "ไม่พบหน่วยงาน" in re.sub(r"\\u([0-9a-f]{4})", lambda m: chr(int(m[1], 16)), text)
    assert folder_state(tmp_path) == before


def test_undecodable_file_name_is_shown_escaped(demo_db: Path, tmp_path: Path) -> None:
    out = os.fsencode(tmp_path) + b"/no\xff/r.pdf"
    proc = subprocess.run(  # noqa: PLW1510 - the exit code is asserted
        [sys.executable, "-m", "ita_desktop", "export", "pdf", "--db", str(demo_db), "--out", out],
        capture_output=True,
        timeout=120,
    )
    assert proc.returncode == 2 and b"Traceback" not in proc.stderr
    assert b"\\udcff" in proc.stderr and proc.stderr.count(b"\n") == 1
