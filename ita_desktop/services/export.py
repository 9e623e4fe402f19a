"""Use case: export one organisation's year as PDF (or Excel), safely replacing the target file.

The GUI calls `export_document` in a background thread; it touches no Qt and returns the path.
"""

from __future__ import annotations

import errno
import os
import re
import stat
import tempfile
import time
from pathlib import Path
from typing import Any

from ita_desktop.documents.bundle import parse_kind
from ita_desktop.errors import ExportError, ItaError, ValidationError, shown
from ita_desktop.services.files import open_database, refuse_open_file
from ita_desktop.storage.reads import Reader

FORMATS = ("pdf", "xlsx")
ROUNDS = (6, 12)
STALE_AFTER_SECONDS = 3600  # a temporary file this old belongs to an export that was killed


def export_document(
    db: Reader,
    *,
    org_id: int,
    year: int,
    fmt: str = "pdf",
    document: str = "all",
    round_months: int | None = None,
    thai_digits: bool | None = None,
    out: Path,
) -> Path:
    """Write the document to `out` through a temporary file in the same folder.

    thai_digits None follows the assessment's settings. Raises ValidationError for bad
    arguments and ExportError (Thai message) when the file cannot be written.
    """
    out = Path(out)
    _check(fmt, document, round_months, out)
    refuse_open_file(out, db.path)
    tmp = _temporary(out)
    try:
        if fmt == "pdf":
            _write_pdf(db, org_id, year, document, round_months, thai_digits, tmp)
        else:
            _write_xlsx(db, org_id, year, thai_digits, tmp)
        os.chmod(tmp, _file_mode(out))
        os.replace(tmp, out)
    except ItaError:
        raise
    except OSError as exc:
        raise ExportError(_os_message(exc, out), _os_detail(exc)) from exc
    except Exception as exc:
        raise ExportError(
            "สร้างเอกสารไม่สำเร็จ เกิดข้อผิดพลาดระหว่างจัดหน้าเอกสาร", f"{type(exc).__name__}: {exc}"
        ) from exc
    finally:
        tmp.unlink(missing_ok=True)
    return out


def export_from_file(db_path: Path, **options: Any) -> Path:
    """`export_document` on its own connection to the file (the GUI's background thread; the
    window has SQLAlchemy loaded anyway, so it opens the file as the window does)."""
    db = open_database(Path(db_path))
    try:
        return export_document(db, **options)
    finally:
        db.close()


def warm_up() -> None:
    """Load what the first export needs (ReportLab, fonts, shaper, the Thai word dictionary).

    Optional: the GUI may call it in a background thread at start so the first export is fast.
    """
    from ita_desktop.exporters.pdf import textflow

    textflow.styles()
    textflow.widest_unit("ทดสอบการตัดคำภาษาไทย", textflow.BODY_SIZE)


def _check(fmt: str, document: str, round_months: int | None, out: Path) -> None:
    if fmt not in FORMATS:
        raise ValidationError(f"ไม่รู้จักรูปแบบไฟล์ “{shown(fmt)}” (ใช้ pdf หรือ xlsx)", "format")
    parse_kind(document)  # one document, a comma list of them, or all; else a Thai refusal
    if round_months is not None and round_months not in ROUNDS:
        raise ValidationError("รอบการรายงานต้องเป็น 6 หรือ 12 เดือน", f"round {round_months}")
    if out.is_dir():
        raise ExportError(f"“{shown(out)}” เป็นโฟลเดอร์ กรุณาระบุชื่อไฟล์", "output is a directory")


def _file_mode(out: Path) -> int:
    """Keep the permissions of the file being replaced; a new file is readable by all (0644),
    not private like the temporary file it is written through."""
    try:
        return stat.S_IMODE(out.stat().st_mode)
    except FileNotFoundError:
        return 0o644


def _temporary(out: Path) -> Path:
    """An empty temporary file next to `out`, so the final rename stays on one disk:
    `.<stem>.XXXXXXXX<suffix>.part`. Stale ones of the same target are removed first."""
    remove_stale_parts(out)
    try:
        fd, name = tempfile.mkstemp(
            prefix=f".{out.stem}.", suffix=f"{out.suffix}.part", dir=out.parent
        )
    except OSError as exc:
        raise ExportError(_os_message(exc, out), _os_detail(exc)) from exc
    os.close(fd)
    return Path(name)


def stale_part_pattern(out: Path) -> re.Pattern[str]:
    """The names `tempfile.mkstemp` gives the temporary files of `out` (8 random characters)."""
    return re.compile(
        re.escape(f".{out.stem}.") + r"[a-z0-9_]{8}" + re.escape(f"{out.suffix}.part")
    )


def remove_stale_parts(out: Path, older_than: float = STALE_AFTER_SECONDS) -> list[Path]:
    """Remove the temporary files that killed exports of `out` left beside it, when older than
    `older_than` seconds (a running export's file is younger). Only regular files whose name
    is exactly such a temporary name of this target; nothing else, and never an error."""
    pattern = stale_part_pattern(out)
    removed: list[Path] = []
    now = time.time()
    try:
        entries = list(os.scandir(out.parent))
    except OSError:
        return removed
    for entry in entries:
        try:
            if (
                pattern.fullmatch(entry.name)
                and entry.is_file(follow_symlinks=False)
                and now - entry.stat(follow_symlinks=False).st_mtime > older_than
            ):
                os.unlink(entry.path)
                removed.append(Path(entry.path))
        except OSError:
            continue
    return removed


def _write_pdf(
    db: Reader,
    org_id: int,
    year: int,
    document: str,
    round_months: int | None,
    thai_digits: bool | None,
    tmp: Path,
) -> None:
    from ita_desktop.documents.bundle import build_document
    from ita_desktop.exporters.pdf.writer import write_pdf
    from ita_desktop.services.checks import refuse_stale
    from ita_desktop.services.reports import load_context

    ctx = load_context(db, org_id, year, round_months=round_months, thai_digits=thai_digits)
    doc = build_document(ctx, document)
    refuse_stale(ctx, doc)  # a section written for other figures prints only once confirmed
    write_pdf(doc, tmp)


def _write_xlsx(db: Reader, org_id: int, year: int, thai_digits: bool | None, tmp: Path) -> None:
    from ita_desktop.exporters.workbook import export_workbook
    from ita_desktop.services.reports import load_workbook_data

    ctx, progress_by_round = load_workbook_data(db, org_id, year, thai_digits)
    export_workbook(ctx, progress_by_round, tmp)


def _os_detail(exc: OSError) -> str:
    return f"{type(exc).__name__}: {shown(exc.strerror or exc)}"


def _program_file_message(exc: OSError, out: Path) -> str | None:
    """When the failing file is not the export's own (its folder, its temporary file) but one
    the program reads (a font, the Thai dictionary, a template): a sentence that says so and
    never blames the chosen folder. None when it is about the output."""
    if exc.filename is not None:
        failed = Path(os.fsdecode(exc.filename))
        if os.path.realpath(failed.parent) == os.path.realpath(out.parent):
            return None
        name = f" {failed.name}"
    elif exc.errno == errno.ENOENT and out.parent.is_dir():
        name = ""  # something is missing, and it is not the chosen folder
    else:
        return None
    problem = f"ไม่พบไฟล์{name}" if exc.errno == errno.ENOENT else f"เปิดไฟล์{name} ไม่ได้"
    return (
        f"สร้างเอกสารไม่สำเร็จ เพราะ{problem} ซึ่งเป็นส่วนหนึ่งของโปรแกรม "
        "(ไม่ใช่ปัญหาของโฟลเดอร์ที่เลือก) กรุณาติดตั้งโปรแกรมใหม่"
    )


def _os_message(exc: OSError, out: Path) -> str:
    """A Thai sentence for what went wrong with the file system."""
    internal = _program_file_message(exc, out)
    if internal is not None:
        return internal
    return file_error_message(exc, out)


def file_error_message(exc: OSError, out: Path) -> str:
    """A Thai sentence for what went wrong writing `out` (names escaped and cut)."""
    code = exc.errno
    name, folder = shown(out.name), shown(out.parent)
    if code in (errno.ENOSPC, errno.EDQUOT) or getattr(exc, "winerror", None) in (39, 112):
        return f"พื้นที่ในดิสก์ไม่พอ บันทึกไฟล์ {name} ไม่ได้ กรุณาเพิ่มพื้นที่ว่างแล้วลองใหม่"
    if code == errno.ENOENT:
        return f"ไม่พบโฟลเดอร์ {folder} กรุณาเลือกโฟลเดอร์ที่มีอยู่"
    if code == errno.EROFS:
        return f"โฟลเดอร์ {folder} เขียนไม่ได้ (อ่านได้อย่างเดียว) กรุณาเลือกที่บันทึกอื่น"
    if (
        isinstance(exc, PermissionError)
        or code in (errno.EACCES, errno.EPERM, errno.EBUSY)
        or getattr(exc, "winerror", None) in (5, 32, 33)
    ):
        return (
            f"บันทึกไฟล์ {name} ไม่ได้ ไฟล์อาจเปิดอยู่ในโปรแกรมอื่น หรือไม่มีสิทธิ์เขียนในโฟลเดอร์นี้ กรุณาปิดไฟล์แล้วลองใหม่"
        )
    return f"บันทึกไฟล์ {name} ไม่สำเร็จ"
