"""Cells of the imported sheets that the import does not read (titles, labels, last year's
scores, the ranking, the yearly history): each that differs from what the export writes is
named in the preview, so an edit there is never dropped without a word."""

from __future__ import annotations

import math
from dataclasses import replace
from decimal import Decimal
from typing import Any

from openpyxl.utils import get_column_letter

from ita_desktop.analysis.engine import analyze
from ita_desktop.analysis.result import Analysis
from ita_desktop.documents import workbook_layout as L
from ita_desktop.documents.context import ReportContext
from ita_desktop.domain.models import ROUNDS, Assessment, Organization, ReportSettings
from ita_desktop.errors import shown
from ita_desktop.exporters.workbook import build_workbook
from ita_desktop.importers.workbook import Book
from ita_desktop.services.reports import load_workbook_data
from ita_desktop.storage.repository import Repository
from ita_desktop.thai.digits import to_arabic_digits

READ_CELLS = {L.SCORES: {L.ORG_CELL, L.YEAR_CELL}}  # read, though not shaded as input
INPUT_STYLES = ("ita-input", "ita-number-input")
SHOWN_CELLS = 12  # cells named in one line, the rest counted
NO_TEXTS = {"_": ""}  # an analysis with no section to write (that sheet is not compared)


def unread_edits(
    db: Repository | None,
    book: Book,
    org: Organization | None,
    stored: Assessment | None,
    imported: Assessment,
    org_name: str = "",
) -> list[str]:
    """One Thai line per sheet naming the cells the import does not read that differ from the
    export of both the stored year and the imported one (a ranking written before a score
    was edited still matches the stored year's). `org_name`: the organisation's name when it
    is not stored yet."""
    contexts = _contexts(db, org or Organization(org_name), stored, imported)
    expected = [build_workbook(ctx, rounds) for ctx, rounds in contexts]
    lines = []
    for name in (L.SCORES, L.ISSUES, L.PLAN, *(L.progress_sheet(r) for r in ROUNDS)):
        if name not in book.sheet_names() or any(name not in wb.sheetnames for wb in expected):
            continue
        sheets = [wb[name] for wb in expected]
        cells = [
            ref
            for ref in _unread_cells(name, sheets[0], book.formulas[name])
            if all(not _same(book.formulas[name][ref].value, ws[ref].value) for ws in sheets)
        ]
        if cells:
            more = f" และอีก {len(cells) - SHOWN_CELLS} เซลล์" if len(cells) > SHOWN_CELLS else ""
            lines.append(
                f"ไม่ได้นำเข้า: แผ่นงาน “{shown(name, 40)}” เซลล์ {', '.join(cells[:SHOWN_CELLS])}{more}"
                " ต่างจากที่โปรแกรมส่งออก แต่เป็นช่องที่โปรแกรมสร้างจากข้อมูล (หัวเรื่อง ปีก่อน"
                " ตารางเรียงคะแนน ผลรายปี) จึงไม่ถูกนำเข้า ถ้าต้องการแก้ กรุณาแก้ในโปรแกรม"
            )
    return lines


def _contexts(
    db: Repository | None, org: Organization, stored: Assessment | None, imported: Assessment
) -> list[tuple[ReportContext, dict[int, Any]]]:
    """The stored year's export context, and the same with the imported figures; a year not
    stored has the imported one only (no earlier years known). Without measures and analysis
    texts: of the plan and progress sheets only the rows above the table are compared, and
    the analysis sheet not at all (a plan of 1,000 measures is not written twice more)."""
    rounds: dict[int, Any] = {r: {} for r in ROUNDS}
    if db is not None and org.id is not None and stored is not None:
        ctx, _progress = load_workbook_data(db, org.id, stored.year)
        ctx = replace(ctx, measures=[], progress={}, generated=NO_TEXTS)
        a = replace(imported, id=ctx.assessment.id, organization_id=org.id)
        analysis = _analysis(a)
        after = replace(
            ctx,
            assessment=a,
            analysis=analysis,
            figures=None,  # recomputed, and the history's row of this year with it
            history=[(y, analysis if y == a.year else h) for y, h in ctx.history],
        )
        return [(ctx, rounds), (after, rounds)]
    a = replace(imported, organization_id=None)
    analysis = _analysis(a)
    ctx = ReportContext(
        org=org,
        assessment=a,
        analysis=analysis,
        settings=ReportSettings(),
        history=[(a.year, analysis)],
        generated=NO_TEXTS,
    )
    return [(ctx, rounds)]


def _analysis(a: Assessment) -> Analysis:
    return analyze(a.rules, a.scores, threshold=a.threshold, target=a.target, official=a.official)


def _unread_cells(name: str, expected: Any, found: Any) -> list[str]:
    """Cells the import neither reads nor checks: not input, not a formula, not a data row of
    the plan or progress sheets (read whole), within the table's columns."""
    columns = expected.max_column
    rows = max(expected.max_row, found.max_row)
    data_rows = name != L.SCORES and name != L.ISSUES
    out = []
    for row in range(1, rows + 1):
        if data_rows and row > L.HEADER_ROW:
            break
        for col in range(1, columns + 1):
            ref = f"{get_column_letter(col)}{row}"
            cell = expected[ref]
            if ref in READ_CELLS.get(name, ()) or cell.data_type == "f":
                continue
            if cell.style in INPUT_STYLES:
                continue
            out.append(ref)
    return out


def _same(found: object, wanted: object) -> bool:
    """The same cell content, whatever digits or number type the file holds."""
    if found in (None, "") and wanted in (None, ""):
        return True
    if isinstance(found, bool) or isinstance(wanted, bool):
        return found == wanted
    a, b = _number(found), _number(wanted)
    if a is not None and b is not None:
        return a == b
    return to_arabic_digits(str(found)).strip() == to_arabic_digits(str(wanted)).strip()


def _number(value: object) -> Decimal | None:
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, (int, float)):
        return Decimal(repr(value)).normalize()
    return None
