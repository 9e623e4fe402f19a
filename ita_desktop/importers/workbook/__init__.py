"""Reading back a workbook our Excel export wrote (and the user may have edited in Excel or
LibreOffice): checked whole, every problem listed with its sheet and cell, then plain data.

Nothing here touches a database; services.imports merges the result into the year it names.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from ita_desktop.documents import workbook_layout as L
from ita_desktop.domain.models import ROUNDS, Rules
from ita_desktop.errors import ImportError_, shown
from ita_desktop.importers.workbook.book import UNREADABLE, Book, open_book
from ita_desktop.importers.workbook.cells import Problem, Sheet, WorkbookError
from ita_desktop.importers.workbook.changes import change_lines
from ita_desktop.importers.workbook.sheets import (
    WorkbookMeasure,
    WorkbookYear,
    identity,
    read_issues,
    read_plan,
    read_progress,
    read_scores,
)

__all__ = [
    "Book",
    "Problem",
    "WorkbookError",
    "WorkbookMeasure",
    "WorkbookYear",
    "change_lines",
    "not_read_sheets",
    "open_book",
    "read_identity",
    "read_year",
]
T = TypeVar("T")
READ_SHEETS = (L.SCORES, L.ISSUES, L.PLAN, *(L.progress_sheet(r) for r in ROUNDS))


def read_identity(book: Book) -> tuple[str, int]:
    """The organisation and fiscal year the workbook says it holds."""
    problems: list[Problem] = []
    if L.SCORES not in book.sheet_names():
        raise WorkbookError(book.name, [Problem(L.SCORES, "", "ไม่พบแผ่นงานนี้ในไฟล์")])
    name, year = _guarded(book, lambda: identity(Sheet(book, L.SCORES, problems)))
    if problems or year is None:
        raise WorkbookError(book.name, problems)
    return name, year


def read_year(book: Book, rules: Rules, units: list[str]) -> WorkbookYear:
    """Everything the workbook carries of its year, checked by `rules` (indicators, tools)
    and `units` (known responsible units; empty: any). WorkbookError lists every problem."""
    problems: list[Problem] = []
    notes: list[Problem] = []
    missing = [s for s in READ_SHEETS if s not in book.sheet_names()]
    problems += [Problem(s, "", "ไม่พบแผ่นงานนี้ในไฟล์ (ต้องมีทุกแผ่นงานที่โปรแกรมส่งออก)") for s in missing]

    def read() -> WorkbookYear:
        name, year = identity(Sheet(book, L.SCORES, problems, notes))
        out = WorkbookYear(name, year or 0, notes=notes)
        if L.SCORES not in missing:
            read_scores(Sheet(book, L.SCORES, problems, notes), rules, out)
        if L.ISSUES not in missing:
            read_issues(Sheet(book, L.ISSUES, problems, notes), rules, out)
        if L.PLAN not in missing:
            read_plan(Sheet(book, L.PLAN, problems, notes), rules, units, out)
            for r in ROUNDS:
                if L.progress_sheet(r) not in missing:
                    read_progress(Sheet(book, L.progress_sheet(r), problems, notes), r, out)
        return out

    out = _guarded(book, read)
    if problems:
        raise WorkbookError(book.name, problems)
    return out


def not_read_sheets(book: Book) -> list[str]:
    """Sheets the import does not read (computed ones, and any the user added)."""
    return [s for s in book.sheet_names() if s not in READ_SHEETS]


def _guarded(book: Book, read: Callable[[], T]) -> T:
    try:
        return read()
    except UNREADABLE as exc:
        raise ImportError_(
            f"ไฟล์ {shown(book.name)} ไม่ใช่ไฟล์ Excel (.xlsx) ที่อ่านได้ หรือไฟล์เสียหาย",
            f"{type(exc).__name__}: {shown(exc)}",
        ) from exc
