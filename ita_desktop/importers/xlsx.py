"""Reading scores back from a workbook in the layout our Excel export writes.

A colleague can fill in the "ผลการประเมิน" sheet on another computer; every problem is reported
in Thai with the cell it is in, and nothing is written unless the whole sheet is valid.
"""

from __future__ import annotations

import zipfile
from decimal import Decimal
from pathlib import Path

from openpyxl import load_workbook
from openpyxl.utils.exceptions import InvalidFileException

from ita_desktop.analysis.scoring import check_score
from ita_desktop.errors import ImportError_, ItaError, ValidationError, shown
from ita_desktop.thai.numbers import parse_score

SCORES_SHEET = "ผลการประเมิน"
NUMBER_COLUMN, SCORE_COLUMN = 1, 4


def read_scores(path: Path) -> dict[int, Decimal]:
    """Indicator number -> score from the scores sheet; raises ImportError_ in Thai."""
    try:
        wb = load_workbook(path, read_only=True, data_only=True)
    except FileNotFoundError as exc:
        raise ImportError_(f"ไม่พบไฟล์ “{shown(Path(path))}”", "file not found") from exc
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        raise ImportError_(
            f"ไฟล์ “{shown(Path(path))}” ไม่ใช่ไฟล์ Excel (.xlsx) ที่อ่านได้",
            f"{type(exc).__name__}: {shown(exc)}",
        ) from exc
    try:
        if SCORES_SHEET not in wb.sheetnames:
            raise ImportError_(f"ไม่พบแผ่นงาน “{SCORES_SHEET}” ในไฟล์", "scores sheet missing")
        scores: dict[int, Decimal] = {}
        for row_no, row in enumerate(wb[SCORES_SHEET].iter_rows(values_only=True), start=1):
            if len(row) < SCORE_COLUMN or not isinstance(row[NUMBER_COLUMN - 1], int):
                continue
            number, raw = row[NUMBER_COLUMN - 1], row[SCORE_COLUMN - 1]
            if raw is None or raw == "":
                continue
            cell = f"D{row_no}"
            try:
                value = parse_score(str(raw)).quantize(Decimal("0.01"))
                scores[number] = check_score(number, value)
            except (ValidationError, ValueError) as exc:
                thai = exc.thai if isinstance(exc, ItaError) else str(exc)
                raise ImportError_(f"เซลล์ {cell}: {thai}", f"bad score in {cell}") from exc
        if not scores:
            raise ImportError_("ไม่พบคะแนนตัวชี้วัดในแผ่นงาน", "no scores found")
        return scores
    finally:
        wb.close()
