"""Reading scores back from a workbook in the layout our Excel export writes.

A colleague can fill in the "ผลการประเมิน" sheet on another computer; every problem is reported
in Thai with the cell it is in, and nothing is written unless the whole sheet is valid.
"""

from __future__ import annotations

import zipfile
import zlib
from collections.abc import Iterable
from decimal import Decimal
from pathlib import Path
from typing import Any

from openpyxl import load_workbook
from openpyxl.utils.exceptions import InvalidFileException

from ita_desktop.analysis.scoring import MAX_SCORE, MIN_SCORE, TWO_PLACES, check_score
from ita_desktop.errors import ImportError_, ValidationError, shown
from ita_desktop.thai.numbers import parse_score

SCORES_SHEET = "ผลการประเมิน"
NUMBER_COLUMN, SCORE_COLUMN = 1, 4


# what openpyxl raises on a damaged or foreign file (XML ParseError is a SyntaxError), at open
# or later while rows are read (read-only workbooks parse lazily)
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


def read_scores(path: Path) -> dict[int, Decimal]:
    """Indicator number -> score from the scores sheet; raises ImportError_ in Thai."""
    path = Path(path)
    try:
        wb = load_workbook(path, read_only=True, data_only=True)
    except FileNotFoundError as exc:
        raise ImportError_(f"ไม่พบไฟล์ “{shown(path)}”", "file not found") from exc
    except UNREADABLE as exc:
        raise _unreadable(path, exc) from exc
    try:
        if SCORES_SHEET not in wb.sheetnames:
            raise ImportError_(f"ไม่พบแผ่นงาน “{SCORES_SHEET}” ในไฟล์", "scores sheet missing")
        return _scores(wb[SCORES_SHEET].iter_rows(values_only=True))
    except UNREADABLE as exc:
        raise _unreadable(path, exc) from exc
    finally:
        wb.close()


def _unreadable(path: Path, exc: BaseException) -> ImportError_:
    return ImportError_(
        f"ไฟล์ “{shown(path)}” ไม่ใช่ไฟล์ Excel (.xlsx) ที่อ่านได้ หรือไฟล์เสียหาย",
        f"{type(exc).__name__}: {shown(exc)}",
    )


def _scores(rows: Iterable[tuple[Any, ...]]) -> dict[int, Decimal]:
    scores: dict[int, Decimal] = {}
    for row_no, row in enumerate(rows, start=1):
        first = row[NUMBER_COLUMN - 1] if row else None
        if len(row) < SCORE_COLUMN or not isinstance(first, int) or isinstance(first, bool):
            continue
        number, raw = first, row[SCORE_COLUMN - 1]
        if raw is None or raw == "":
            continue
        cell = f"D{row_no}"
        try:
            value = parse_score(str(raw))
            if MIN_SCORE <= value <= MAX_SCORE:  # a float's noise rounds away; 1e99999 would not
                value = value.quantize(TWO_PLACES)
            scores[number] = check_score(number, value)
        except ValidationError as exc:
            raise ImportError_(f"เซลล์ {cell}: {exc.thai}", f"bad score in {cell}") from exc
    if not scores:
        raise ImportError_("ไม่พบคะแนนตัวชี้วัดในแผ่นงาน", "no scores found")
    return scores
