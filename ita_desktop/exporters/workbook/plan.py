"""The measures plan and the progress sheets of each round (the cells the import reads back)."""

from __future__ import annotations

from openpyxl.utils import get_column_letter as letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from ita_desktop.documents.context import ReportContext
from ita_desktop.documents.workbook_layout import (
    HEADER_ROW,
    PLAN,
    PLAN_COLUMNS,
    PLAN_LISTS,
    PROGRESS_COLUMNS,
    PROGRESS_SHOWN,
    STATUSES,
    column_of,
)
from ita_desktop.domain.models import Measure, ProgressEntry
from ita_desktop.domain.periods import period_text
from ita_desktop.exporters.workbook import style
from ita_desktop.exporters.workbook.style import body, formula, put
from ita_desktop.thai.digits import localize_digits

# shown whatever the report settings choose: the number links the sheets, the KPI, status and
# evidence are what a clerk fills in and checks in Excel
ALWAYS_SHOWN = ("number", "kpi", "status", "evidence")
PLAN_WIDTHS = {
    "number": 8,
    "measure": 46,
    "activities": 44,
    "steps": 66,
    "responsible": 26,
    "period": 26,
    "monitoring": 40,
    "kpi": 36,
    "budget": 16,
    "indicators": 12,
}
PROGRESS_WIDTHS = {
    "number": 8,
    "measure": 40,
    "steps": 50,
    "period": 24,
    "responsible": 24,
    "status": 24,
    "output": 44,
    "outcome": 44,
    "problems": 36,
    "suggestions": 36,
    "evidence": 30,
}


def measure_cells(m: Measure, plan_year: int, thai_digits: bool) -> dict[str, object]:
    """What each plan column shows of a measure (lists one item a line)."""
    cells: dict[str, object] = {
        "measure": m.title,
        "period": period_text(m.period, plan_year, thai_digits),
        "monitoring": m.monitoring,
        "kpi": m.kpi,
        "budget": m.budget,
        "indicators": localize_digits(", ".join(str(n) for n in m.indicators), thai_digits),
    }
    for key in PLAN_LISTS:
        cells[key] = "\n".join(getattr(m, key))
    return cells


def write_plan(ws: Worksheet, ctx: ReportContext) -> dict[int, dict[str, object]]:
    """The plan sheet; returns each measure's cells by its number (for the progress sheets)."""
    plan_year = ctx.assessment.year + 1
    shown_keys = {*ALWAYS_SHOWN, *(c.key for c in ctx.settings.measure_columns)}
    style.header(
        ws, HEADER_ROW, [h for _, h in PLAN_COLUMNS], [PLAN_WIDTHS[k] for k, _ in PLAN_COLUMNS]
    )
    by_number = {}
    for number, m in enumerate(ctx.measures, start=1):
        row = HEADER_ROW + number
        cells = measure_cells(m, plan_year, ctx.thai_digits)
        by_number[number] = cells
        body(put(ws, row, 1, number), editable=True, number=True).number_format = "0"
        for col, (key, _) in enumerate(PLAN_COLUMNS[1:], start=2):
            body(put(ws, row, col, cells[key] or None), editable=True)
    for col, (key, _) in enumerate(PLAN_COLUMNS, start=1):
        ws.column_dimensions[letter(col)].hidden = key not in shown_keys
    style.fit_width(ws, style.LANDSCAPE_WIDTH)
    style.fit_rows(ws, HEADER_ROW, HEADER_ROW + len(ctx.measures))
    return by_number


def write_progress(
    ws: Worksheet,
    ctx: ReportContext,
    progress: dict[int, ProgressEntry],
    plan_cells: dict[int, dict[str, object]],
) -> None:
    """One round's progress: a row per measure, the plan's cells repeated by formula."""
    shown_keys = {*ALWAYS_SHOWN, *(c.key for c in ctx.settings.result_columns)}
    style.header(
        ws,
        HEADER_ROW,
        [h for _, h in PROGRESS_COLUMNS],
        [PROGRESS_WIDTHS[k] for k, _ in PROGRESS_COLUMNS],
    )
    status = DataValidation(
        type="list",
        formula1='"' + ",".join(STATUSES) + '"',
        allow_blank=True,
        showErrorMessage=True,
        errorTitle="สถานะไม่ถูกต้อง",
        error="เลือกสถานะจากรายการ: " + " / ".join(STATUSES),
    )
    ws.add_data_validation(status)
    shown: dict[tuple[int, int], str] = {}
    for number, m in enumerate(ctx.measures, start=1):
        row = HEADER_ROW + number
        entry = progress.get(m.id or -1) or ProgressEntry(m.id, 0)
        body(put(ws, row, 1, number), number=True).number_format = "0"
        for col, (key, _) in enumerate(PROGRESS_COLUMNS[1:], start=2):
            if key in PROGRESS_SHOWN:
                body(formula(ws, row, col, _from_plan(key, row)))
                shown[(row, col)] = str(plan_cells[number][key] or "")
            else:
                body(put(ws, row, col, getattr(entry, key) or None), editable=True)
    if ctx.measures:
        col = letter(column_of(PROGRESS_COLUMNS, "status"))
        status.add(f"{col}{HEADER_ROW + 1}:{col}{HEADER_ROW + len(ctx.measures)}")
    for col, (key, _) in enumerate(PROGRESS_COLUMNS, start=1):
        ws.column_dimensions[letter(col)].hidden = key not in shown_keys
    style.fit_width(ws, style.LANDSCAPE_WIDTH)
    style.fit_rows(ws, HEADER_ROW, HEADER_ROW + len(ctx.measures), shown)


def _from_plan(key: str, row: int) -> str:
    """The plan's cell of the measure numbered as in column A (found by number, so sorting or
    inserting rows in the plan keeps each progress row on its measure)."""
    source = letter(column_of(PLAN_COLUMNS, key))
    numbers = f"'{PLAN}'!$A:$A"
    return f'=IFERROR(INDEX(\'{PLAN}\'!${source}:${source},MATCH($A{row},{numbers},0))&"","")'
