"""Excel export (openpyxl): the year as a workbook that recalculates, prints on A4 and comes
back through the import (see docs/excel.md and documents/workbook_layout.py)."""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from ita_desktop.documents.context import ReportContext
from ita_desktop.documents.workbook_layout import (
    ANALYSIS,
    INFO_ROW,
    ISSUES,
    ORG_LABEL,
    PLAN,
    SCORES,
    YEAR_LABEL,
    progress_sheet,
)
from ita_desktop.domain.models import ProgressEntry
from ita_desktop.exporters.workbook import style
from ita_desktop.exporters.workbook.plan import write_plan, write_progress
from ita_desktop.exporters.workbook.scores import write_scores
from ita_desktop.exporters.workbook.texts import write_analysis, write_issues
from ita_desktop.thai.digits import localize_digits

CREATOR = "ITA Desktop"


def export_workbook(
    ctx: ReportContext, progress_by_round: dict[int, dict[int, ProgressEntry]], out: Path
) -> Path:
    """Write the year's workbook to `out` (the caller writes to a temporary file and renames)."""
    build_workbook(ctx, progress_by_round).save(out)
    return Path(out)


def build_workbook(
    ctx: ReportContext, progress_by_round: dict[int, dict[int, ProgressEntry]]
) -> Workbook:
    """The year's workbook in memory, as `export_workbook` writes it (the import compares the
    cells it does not read with it)."""
    org, year, digits = ctx.org.name, ctx.assessment.year, ctx.thai_digits
    wb = Workbook()
    wb.properties.creator = wb.properties.lastModifiedBy = CREATOR
    wb.properties.title = f"ผลการประเมิน ITA {org} ปีงบประมาณ พ.ศ. {year}"
    wb.properties.subject = "การประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ (ITA)"
    wb.properties.keywords = f"ITA; {org}; {year}"
    style.register_styles(wb)
    scores = wb.active
    assert scores is not None
    scores.title = SCORES

    def sheet(ws: Worksheet, heading: str, columns: int, landscape: bool, shown_year: int) -> None:
        text = localize_digits(f"{heading} {org} ปีงบประมาณ พ.ศ. {shown_year}", digits)
        style.title(ws, text, columns)
        ws.row_dimensions[1].height = min(
            style.TITLE_HEIGHT * style.text_lines(text, _width(ws, columns)), style.MAX_ROW_HEIGHT
        )
        style.print_setup(ws, landscape, text.replace("&", "&&"))

    write_scores(scores, ctx)
    _identity(scores, org, year)
    sheet(scores, "ผลการประเมิน ITA", 8, False, year)
    issues = wb.create_sheet(ISSUES)
    write_issues(issues, ctx)
    sheet(issues, "ประเด็นที่ต้องแก้ไข", 5, True, year)
    analysis = wb.create_sheet(ANALYSIS)
    write_analysis(analysis, ctx)
    sheet(analysis, "ผลการวิเคราะห์", 2, True, year)
    plan = wb.create_sheet(PLAN)
    cells = write_plan(plan, ctx)
    sheet(plan, "มาตรการส่งเสริมคุณธรรมและความโปร่งใส", 10, True, year + 1)
    for round_months, progress in sorted(progress_by_round.items()):
        ws = wb.create_sheet(progress_sheet(round_months))
        write_progress(ws, ctx, progress, cells)
        sheet(ws, f"ผลการดำเนินการตามมาตรการ รอบ {round_months} เดือน", 11, True, year + 1)
    wb.calculation.fullCalcOnLoad = True  # Excel computes the formulas when the file opens
    return wb


def _identity(ws: Worksheet, org: str, year: int) -> None:
    """Row 2 of the scores sheet: which organisation and year the workbook holds (read back)."""
    style.label(ws, INFO_ROW, 1, ORG_LABEL)
    style.body(style.put(ws, INFO_ROW, 2, org))
    style.label(ws, INFO_ROW, 3, YEAR_LABEL)
    style.body(style.put(ws, INFO_ROW, 4, year), number=True).number_format = "0"
    lines = max(
        style.text_lines(org, ws.column_dimensions["B"].width or 8.43),
        style.text_lines(ORG_LABEL, ws.column_dimensions["A"].width or 8.43),
    )
    ws.row_dimensions[INFO_ROW].height = style.row_height(lines)


def _width(ws: Worksheet, columns: int) -> float:
    from openpyxl.utils import get_column_letter

    return sum(
        ws.column_dimensions[get_column_letter(c)].width or 8.43
        for c in range(1, columns + 1)
        if not ws.column_dimensions[get_column_letter(c)].hidden
    )
