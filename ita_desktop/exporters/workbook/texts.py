"""Issues per indicator and tool (read back by the import), the analysis as the documents word
it, and past years with a chart (neither is read back)."""

from __future__ import annotations

from openpyxl.chart import BarChart, Reference
from openpyxl.utils import get_column_letter as letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.pagebreak import Break
from openpyxl.worksheet.worksheet import Worksheet

from ita_desktop.documents.context import ReportContext
from ita_desktop.documents.narrative import section_text, section_title
from ita_desktop.documents.workbook_layout import (
    HEADER_ROW,
    ISSUE_COLUMNS,
    SCORE_COLUMNS,
    SCORES,
    IssueRows,
    ScoreRows,
    column_of,
)
from ita_desktop.domain.models import PRIORITIES
from ita_desktop.exporters.workbook import style
from ita_desktop.exporters.workbook.style import body, formula, put
from ita_desktop.thai.digits import localize_digits
from ita_desktop.thai.segmentation import split_words

ISSUE_WIDTHS = (9, 30, 10, 20, 96)  # within style.LANDSCAPE_WIDTH
ANALYSIS_WIDTHS = (20, 145)
ANALYSIS_ROW_LINES = 8  # a section's text in rows of a few paragraphs: pages fill evenly
HISTORY_TITLE = "ผลการประเมินรายปี"
HISTORY_COLUMNS = ("ปี พ.ศ.", "ระดับ", "IIT", "EIT", "OIT", "ภาพรวม")


def write_issues(ws: Worksheet, ctx: ReportContext) -> None:
    a, rules = ctx.assessment, ctx.assessment.rules
    rows = IssueRows(len(rules.indicators))
    score_rows = ScoreRows(len(rules.indicators), len(rules.tools))
    score = letter(column_of(SCORE_COLUMNS, "score"))
    style.header(ws, HEADER_ROW, [h for _, h in ISSUE_COLUMNS], ISSUE_WIDTHS)
    priority = DataValidation(
        type="list",
        formula1='"' + ",".join(PRIORITIES.values()) + '"',
        allow_blank=True,
        showErrorMessage=True,
        errorTitle="ความสำคัญไม่ถูกต้อง",
        error="เลือกจากรายการ: " + " / ".join(PRIORITIES.values()),
    )
    ws.add_data_validation(priority)
    for i, ind in enumerate(rules.indicators):
        row = HEADER_ROW + 1 + i
        body(put(ws, row, 1, ind.number), number=True).number_format = "0"
        body(put(ws, row, 2, ind.name))
        body(
            formula(ws, row, 3, f"=IF('{SCORES}'!{score}{row}=\"\",\"\",'{SCORES}'!{score}{row})"),
            number=True,
        )
        label = PRIORITIES.get(a.issue_priorities.get(ind.number, ""))
        body(put(ws, row, 4, label), editable=True)
        body(put(ws, row, 5, a.issues_by_indicator.get(ind.number) or None), editable=True)
    priority.add(f"D{HEADER_ROW + 1}:D{HEADER_ROW + len(rules.indicators)}")
    for i, tool in enumerate(rules.tools):
        row = rows.first_tool + i
        body(put(ws, row, 1, tool.code), number=True)
        body(put(ws, row, 2, tool.name))
        source = f"'{SCORES}'!{score}{score_rows.tool(i)}"
        body(formula(ws, row, 3, f'=IF({source}="","",{source})'), number=True)
        body(ws.cell(row, 4))
        body(put(ws, row, 5, a.issues_by_tool.get(tool.code) or None), editable=True)
    style.fit_rows(ws, HEADER_ROW, rows.first_tool + len(rules.tools) - 1)


def write_analysis(ws: Worksheet, ctx: ReportContext) -> None:
    """Each analysis section as the documents print it (the user's edited text where there is
    one); digits as the report settings say."""
    style.header(ws, HEADER_ROW, ["หัวข้อ", "ข้อความ"], ANALYSIS_WIDTHS)
    row = HEADER_ROW
    for key in ctx.generated:
        text = section_text(key, ctx.generated, ctx.assessment.narratives)
        if not text.strip():
            continue
        for i, part in enumerate(row_parts(localize_digits(text, ctx.thai_digits))):
            row += 1
            body(put(ws, row, 1, section_title(key) if i == 0 else None))
            body(put(ws, row, 2, part))
    style.fit_rows(ws, HEADER_ROW, row)


def row_parts(
    text: str, width: float = ANALYSIS_WIDTHS[1], most: int = ANALYSIS_ROW_LINES
) -> list[str]:
    """`text` in pieces of at most `most` lines (well under Excel's greatest row height):
    whole paragraphs where they fit, a paragraph too long cut between words; read in order,
    the rows hold the whole text."""
    most = min(most, style.lines_per_row())
    parts: list[str] = []
    current: list[str] = []
    for paragraph in text.split("\n"):
        for piece in _paragraph_pieces(paragraph, width, most):
            if current and style.text_lines("\n".join([*current, piece]), width) > most:
                parts.append("\n".join(current))
                current = []
            current.append(piece)
    parts.append("\n".join(current))
    return parts


def _paragraph_pieces(paragraph: str, width: float, most: int) -> list[str]:
    if style.text_lines(paragraph, width) <= most:
        return [paragraph]
    pieces, current = [], ""
    for word in split_words(paragraph):
        if current and style.text_lines(current + word, width) > most:
            pieces.append(current)
            current = ""
        current += word
    return [*pieces, current]


def write_history(ws: Worksheet, ctx: ReportContext, top: int) -> None:
    """Below the scores: the leading figures of every year held (official where entered) and
    a chart of them (not read back by the import)."""
    ws.row_breaks.append(Break(id=top - 1))  # a page of its own: the chart never straddles one
    style.label(ws, top, 1, HISTORY_TITLE)
    ws.merge_cells(start_row=top, start_column=1, end_row=top, end_column=6)
    head = top + 1
    for col, text in enumerate(HISTORY_COLUMNS, start=1):
        cell = put(ws, head, col, text)
        cell.font, cell.fill, cell.border, cell.alignment = (
            style.BOLD,
            style.HEADER_FILL,
            style.BOX,
            style.CENTRE,
        )
    codes = [t.code for t in ctx.assessment.rules.tools]
    row = head
    for year, figures in ctx.history_figures:
        row += 1
        body(put(ws, row, 1, year), number=True).number_format = "0"  # a number, as in the chart
        body(put(ws, row, 2, figures.level or None))
        values = [figures.tools[c].value if c in figures.tools else None for c in codes]
        for col, value in enumerate([*values, figures.overall.value], start=3):
            body(put(ws, row, col, None if value is None else float(value)), number=True)
    style.fit_rows(ws, top, row)
    if row == head:
        return
    chart = BarChart()
    chart.title = "คะแนนรายปี"
    chart.y_axis.title = "คะแนน"
    chart.y_axis.scaling.min = 0
    chart.y_axis.scaling.max = 100
    data = Reference(ws, min_col=3, max_col=6, min_row=head, max_row=row)
    chart.add_data(data, titles_from_data=True)
    chart.set_categories(Reference(ws, min_col=1, min_row=head + 1, max_row=row))
    chart.height, chart.width = 8, 17
    ws.add_chart(chart, f"A{row + 2}")
