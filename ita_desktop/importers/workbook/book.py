"""Opening a workbook to import: what kind of file it really is, then its cells both as
written (formulas) and as last calculated (the values Excel or LibreOffice saved)."""

from __future__ import annotations

import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from openpyxl import load_workbook
from openpyxl.utils.exceptions import InvalidFileException

from ita_desktop.errors import ImportError_, shown

OLE_SIGNATURE = bytes.fromhex("d0cf11e0a1b11ae1")  # .xls, and any password-protected .xlsx
ENCRYPTED_MARK = "EncryptionInfo".encode("utf-16-le")
ODS_MIMETYPE = b"application/vnd.oasis.opendocument.spreadsheet"
# what openpyxl raises on a damaged or foreign file (XML ParseError is a SyntaxError)
UNREADABLE = (
    InvalidFileException,
    zipfile.BadZipFile,
    zlib.error,
    SyntaxError,
    KeyError,
    IndexError,
    TypeError,
    AttributeError,
    EOFError,
    OSError,
    ValueError,
)


@dataclass
class Book:
    """The two views of one workbook: `formulas` as typed, `values` as last calculated."""

    name: str
    formulas: Any  # openpyxl Workbook
    values: Any

    def sheet_names(self) -> list[str]:
        return list(self.formulas.sheetnames)


def open_book(path: Path) -> Book:
    """Open `path` for reading; ImportError_ in Thai saying what to do when it cannot be."""
    path = Path(path)
    name = shown(path.name)
    try:
        head = path.read_bytes()[:4096] if path.is_file() else b""
    except OSError as exc:
        raise ImportError_(f"อ่านไฟล์ “{shown(path)}” ไม่ได้", shown(exc)) from exc
    if not path.exists():
        raise ImportError_(f"ไม่พบไฟล์ “{shown(path)}”", "file not found")
    if path.is_dir():
        raise ImportError_(f"“{shown(path)}” เป็นโฟลเดอร์ กรุณาระบุไฟล์ .xlsx", "is a directory")
    _refuse_foreign(path, head, name)
    try:
        formulas = load_workbook(path, data_only=False)
        values = load_workbook(path, data_only=True)
    except UNREADABLE as exc:
        raise ImportError_(
            f"ไฟล์ {name} ไม่ใช่ไฟล์ Excel (.xlsx) ที่อ่านได้ หรือไฟล์เสียหาย",
            f"{type(exc).__name__}: {shown(exc)}",
        ) from exc
    return Book(path.name, formulas, values)


def _refuse_foreign(path: Path, head: bytes, name: str) -> None:
    if head.startswith(OLE_SIGNATURE):
        if ENCRYPTED_MARK in path.read_bytes():
            raise ImportError_(
                f"ไฟล์ {name} ตั้งรหัสผ่านไว้ กรุณาเปิดใน Excel แล้วเอารหัสผ่านออก"
                " (ไฟล์ > ข้อมูล > ป้องกันเวิร์กบุ๊ก) บันทึก แล้วนำเข้าอีกครั้ง",
                "password-protected workbook",
            )
        raise ImportError_(
            f"ไฟล์ {name} เป็น Excel รุ่นเก่า (.xls) กรุณาเปิดแล้วบันทึกเป็น .xlsx ก่อนนำเข้า",
            "old .xls file",
        )
    if head.startswith(b"PK") and ODS_MIMETYPE in head[:200]:
        raise ImportError_(
            f"ไฟล์ {name} เป็นไฟล์ OpenDocument (.ods) กรุณาบันทึกเป็น .xlsx"
            " (ไฟล์ > บันทึกเป็น > Excel 2007-365) แล้วนำเข้าอีกครั้ง",
            "OpenDocument spreadsheet",
        )
