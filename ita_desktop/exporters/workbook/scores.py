"""The scores sheet: indicator scores (the cells the import reads), tool scores, overall and
level as formulas, official figures beside the computed ones, and the ranking sorted."""

from __future__ import annotations

from decimal import Decimal

from openpyxl.utils import get_column_letter as letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from ita_desktop.analysis.scoring import sorted_bands
from ita_desktop.documents.context import ReportContext
from ita_desktop.documents.workbook_layout import (
    HEADER_ROW,
    LEVEL_LABEL,
    OVERALL_LABEL,
    OVERALL_NAME,
    RANKING_COLUMNS,
    RANKING_TITLE,
    SCORE_COLUMNS,
    STRENGTH,
    TARGET_LABEL,
    THRESHOLD_LABEL,
    TOOL_COLUMNS,
    WEAKNESS,
    ScoreRows,
    column_of,
)
from ita_desktop.domain.models import Rules
from ita_desktop.exporters.workbook import style
from ita_desktop.exporters.workbook.style import body, formula, put
from ita_desktop.exporters.workbook.texts import write_history

WIDTHS = (11, 32, 13, 10, 10, 16, 9, 14)  # within style.PORTRAIT_WIDTH
SCORE = letter(column_of(SCORE_COLUMNS, "score"))  # the column of scores, and of tool scores
OFFICIAL = letter(column_of(TOOL_COLUMNS, "official"))


def _number(value: Decimal | None) -> float | None:
    return None if value is None else float(value)


def write_scores(ws: Worksheet, ctx: ReportContext) -> None:
    rules = ctx.assessment.rules
    rows = ScoreRows(len(rules.indicators), len(rules.tools))
    _indicators(ws, ctx, rows)
    _tools(ws, ctx, rows)
    _settings_rows(ws, ctx, rows)
    _ranking(ws, ctx, rows)
    style.fit_width(ws, style.PORTRAIT_WIDTH)
    style.fit_rows(ws, HEADER_ROW, ws.max_row)
    write_history(ws, ctx, ws.max_row + 2)
    score_rule = DataValidation(
        type="decimal",
        operator="between",
        formula1="0",
        formula2="100",
        allow_blank=True,
        showErrorMessage=True,
        errorTitle="คะแนนไม่ถูกต้อง",
        error="คะแนนต้องเป็นตัวเลข 0 ถึง 100 ทศนิยมไม่เกิน 2 ตำแหน่ง",
    )
    ws.add_data_validation(score_rule)
    score_rule.add(f"{SCORE}{HEADER_ROW + 1}:{SCORE}{rows.last_indicator}")
    for row in (rows.threshold, rows.target, *(rows.tool(i) for i in range(rows.tools + 1))):
        score_rule.add(f"{OFFICIAL if row <= rows.overall else SCORE}{row}")


def _indicators(ws: Worksheet, ctx: ReportContext, rows: ScoreRows) -> None:
    a, rules = ctx.assessment, ctx.assessment.rules
    style.header(ws, HEADER_ROW, [h for _, h in SCORE_COLUMNS], WIDTHS)
    all_scores = f"${SCORE}${HEADER_ROW + 1}:${SCORE}${rows.last_indicator}"
    threshold = f"${SCORE}${rows.threshold}"
    previous = ctx.previous[1].indicators if ctx.previous else {}
    for row, ind in enumerate(rules.indicators, start=HEADER_ROW + 1):
        score = f"{SCORE}{row}"
        body(put(ws, row, 1, ind.number), number=True).number_format = "0"
        body(put(ws, row, 2, ind.name))
        body(put(ws, row, 3, ind.tool), number=True)
        body(put(ws, row, 4, _number(a.scores.get(ind.number))), editable=True, number=True)
        rank = f'=IF({score}="","",RANK({score},{all_scores}))'
        body(formula(ws, row, 5, rank), number=True).number_format = "0"
        finding = f'=IF({score}="","",IF({score}>={threshold},"{STRENGTH}","{WEAKNESS}"))'
        body(formula(ws, row, 6, finding))
        body(put(ws, row, 7, _number(previous.get(ind.number))), number=True)
        change = f'=IF(OR({score}="",G{row}=""),"",ROUND({score}-G{row},2))'
        body(formula(ws, row, 8, change), number=True)


def _tools(ws: Worksheet, ctx: ReportContext, rows: ScoreRows) -> None:
    a, rules = ctx.assessment, ctx.assessment.rules
    style.header(ws, rows.tool_header, [h for _, h in TOOL_COLUMNS], WIDTHS[:6])
    number_row = {ind.number: HEADER_ROW + 1 + i for i, ind in enumerate(rules.indicators)}
    tool_cells = []
    for i, tool in enumerate(rules.tools):
        row = rows.tool(i)
        cells = ",".join(
            f"{SCORE}{number_row[ind.number]}" for ind in rules.indicators_of(tool.code)
        )
        count = len(rules.indicators_of(tool.code))
        computed = f'=IF(COUNT({cells})<{count},"",ROUND(AVERAGE({cells}),2))'
        _tool_row(ws, row, tool.code, tool.name, tool.weight, computed, a.official.tool(tool.code))
        tool_cells.append((tool.weight, f"{SCORE}{row}"))
    weighted = "+".join(f"{w}*{c}" for w, c in tool_cells)
    cells = ",".join(c for _, c in tool_cells)
    overall = f'=IF(COUNT({cells})<{len(tool_cells)},"",ROUND({weighted},2))'
    _tool_row(
        ws, rows.overall, OVERALL_LABEL, OVERALL_NAME, Decimal(1), overall, a.official.overall
    )
    style.label(ws, rows.level, 2, LEVEL_LABEL).border = style.BOX
    body(formula(ws, rows.level, 4, _level_formula(rules, f"{SCORE}{rows.overall}", cells)))
    body(put(ws, rows.level, 5, a.official.level or None), editable=True)
    for col in (1, 3, 6):
        body(ws.cell(rows.level, col))


def _tool_row(
    ws: Worksheet,
    row: int,
    code: str,
    name: str,
    weight: Decimal,
    computed: str,
    official: Decimal | None,
) -> None:
    body(put(ws, row, 1, code), number=True)
    body(put(ws, row, 2, name))
    body(put(ws, row, 3, float(weight)), number=True)
    body(formula(ws, row, 4, computed), number=True)
    body(put(ws, row, 5, _number(official)), editable=True, number=True)
    diff = f'=IF(OR(D{row}="",E{row}=""),"",ROUND(E{row}-D{row},2))'
    body(formula(ws, row, 6, diff), number=True)


def _level_formula(rules: Rules, overall: str, tools: str) -> str:
    """The first band the overall reaches (and every tool, where the band asks), as the core's
    `level_of`; "" while a score is missing or no band is reached."""
    text = '""'
    for band in reversed(sorted_bands(rules)):
        test = f"{overall}>={band.minimum}"
        if band.min_each_tool is not None:
            test = f"AND({test},MIN({tools})>={band.min_each_tool})"
        text = f'IF({test},"{band.label}",{text})'
    return f'=IF({overall}="","",{text})'


def _settings_rows(ws: Worksheet, ctx: ReportContext, rows: ScoreRows) -> None:
    a = ctx.assessment
    for row, text, value in (
        (rows.threshold, THRESHOLD_LABEL, a.threshold),
        (rows.target, TARGET_LABEL, a.target),
    ):
        style.label(ws, row, 2, text).border = style.BOX
        body(put(ws, row, 4, float(value)), editable=True, number=True)


def _ranking(ws: Worksheet, ctx: ReportContext, rows: ScoreRows) -> None:
    """The indicators sorted by score as the analysis ranks them (values: a sorted table does
    not stay sorted by formulas when a score is edited; the import does not read it)."""
    style.label(ws, rows.ranking_title, 1, RANKING_TITLE)
    ws.merge_cells(
        start_row=rows.ranking_title, start_column=1, end_row=rows.ranking_title, end_column=6
    )
    style.header(ws, rows.ranking_header, [h for _, h in RANKING_COLUMNS], WIDTHS[:5])
    for row, r in enumerate(ctx.analysis.ranking, start=rows.ranking_header + 1):
        for col, value in enumerate((r.indicator, r.name, r.tool, float(r.score), r.rank), 1):
            body(put(ws, row, col, value), number=col != 2)
        ws.cell(row, 1).number_format = ws.cell(row, 5).number_format = "0"
