"""The analysis report: principles, results, charts, strengths and weaknesses, issues, guidance."""

from __future__ import annotations

from ita_desktop.analysis.figures import OFFICIAL
from ita_desktop.documents import labels as L
from ita_desktop.documents import narrative
from ita_desktop.documents.blocks import (
    BarChart,
    Block,
    Cell,
    ChartItem,
    Heading,
    Paragraph,
    Row,
    Series,
    Table,
    TrendChart,
)
from ita_desktop.documents.common import Numbering, signatures
from ita_desktop.documents.context import ReportContext
from ita_desktop.documents.text import join_thai, limit, paragraphs, score, signed

OVERALL_GROUP = "overall"


def build(ctx: ReportContext, num: Numbering) -> list[Block]:
    """The report's body (after cover, preface and contents)."""
    blocks: list[Block] = []
    blocks += principles(ctx)
    blocks += results(ctx, num)
    blocks += analysis_sections(ctx)
    blocks += issues(ctx, num)
    blocks += guidance(ctx)
    blocks += signatures(ctx)
    return blocks


def _tool_label(ctx: ReportContext, code: str) -> str:
    return L.TOOL_LABEL.format(name=ctx.assessment.rules.tool(code).name, code=code)


def principles(ctx: ReportContext) -> list[Block]:
    rules = ctx.assessment.rules
    tools = join_thai([_tool_label(ctx, t.code) for t in rules.tools])
    default = L.PRINCIPLES.format(
        year=ctx.year, count=len(rules.indicators), tool_count=len(rules.tools), tools=tools
    )
    out: list[Block] = [Heading(L.H_PRINCIPLES.format(n=1))]
    text = ctx.assessment.narratives.get("principles", "").strip()
    if text:
        return out + [Paragraph(p) for p in paragraphs(text)]
    out += [Paragraph(p) for p in paragraphs(default)]
    out += [
        Paragraph(L.INDICATOR_ITEM.format(number=i.number, name=i.name, tool=i.tool), "item")
        for i in rules.indicators
    ]
    if ctx.analysed:  # a year without scores has no analysis to announce
        closing = L.PRINCIPLES_CLOSING.format(org=ctx.org.name, next_year=ctx.next_year)
        out.append(Paragraph(closing))
    return out


def results(ctx: ReportContext, num: Numbering) -> list[Block]:
    a = ctx.analysis
    out: list[Block] = [Heading(L.H_RESULTS.format(n=2, org=ctx.org.name))]
    out += [Paragraph(p) for p in paragraphs(ctx.section("results"))]
    check = narrative.cross_check_text(ctx.lead)
    if check:  # the estimate appears once, as a cross-check of the official figures
        out.append(Paragraph(check, "note"))
    out.append(Heading(L.H_RESULTS_SUMMARY.format(n="2.1"), level=2))
    out.append(summary_table(ctx, num))
    out.append(Heading(L.H_RANKING.format(n="2.2"), level=2))
    if not a.ranking:
        out.append(Paragraph(L.NO_SCORES.format(year=ctx.year)))
        return out
    out.append(ranking_table(ctx, num))
    out.append(Heading(L.H_CHARTS.format(n="2.3"), level=2))
    out += charts(ctx, num)
    return out


def _source(source: str) -> str:
    key = "source_label_official" if source == OFFICIAL else "source_label_estimate"
    return narrative.templates()[key]


def summary_table(ctx: ReportContext, num: Numbering) -> Table:
    """Tools, overall and level as the report states them (the leading figures), with where
    each comes from once any official figure is entered."""
    f, rules = ctx.lead, ctx.assessment.rules
    show_source = f.has_official
    header = [L.COL_TOOL, L.COL_WEIGHT, L.COL_SCORE]
    if show_source:
        header.append(narrative.templates()["col_source"])
    rows = []
    for tool in rules.tools:
        figure = f.tools.get(tool.code)
        cells = [
            Cell.of(_tool_label(ctx, tool.code)),
            Cell.of(L.WEIGHT.format(percent=limit(tool.weight * 100)), align="center"),
            Cell.of(score(figure.value if figure else None), align="center"),
        ]
        if show_source:
            known = figure is not None and figure.value is not None
            source = _source(figure.source) if figure is not None and known else "–"
            cells.append(Cell.of(source, align="center"))
        rows.append(Row(cells))
    total = [
        Cell.of(L.OVERALL, bold=True),
        Cell.of(L.WEIGHT.format(percent=100), align="center"),
        Cell.of(score(f.overall.value), align="center", bold=True),
    ]
    level = [
        Cell.of(L.LEVEL, bold=True),
        Cell.of(f.level or "–", span=2, align="center", bold=True),
    ]
    if show_source:
        total.append(
            Cell.of(
                _source(f.overall.source) if f.overall.value is not None else "–", align="center"
            )
        )
        level.append(Cell.of(_source(f.level_source) if f.level else "–", align="center"))
    rows += [Row(total, "total"), Row(level, "total")]
    widths = [0.5, 0.12, 0.14, 0.24] if show_source else [0.66, 0.16, 0.18]
    return Table(
        widths,
        [Row([Cell.of(h, align="center", bold=True) for h in header], "header")],
        rows,
        caption=L.CAPTION_SUMMARY.format(n=num.table(), year=ctx.year),
    )


def ranking_table(ctx: ReportContext, num: Numbering) -> Table:
    a = ctx.analysis
    show_change = a.previous_year is not None and any(
        str(r.indicator) in a.change for r in a.ranking
    )
    header = [L.COL_RANK, L.COL_INDICATOR, L.COL_TOOL_SHORT, L.COL_SCORE]
    widths = [0.1, 0.46, 0.14, 0.14]
    if show_change:
        header.append(L.COL_CHANGE.format(year=a.previous_year))
        widths.append(0.16)
    rows = []
    for r in a.ranking:
        cells = [
            Cell.of(str(r.rank), align="center"),
            Cell.of(r.name, nowrap=True),
            Cell.of(r.tool, align="center"),
            Cell.of(score(r.score), align="center"),
        ]
        if show_change:
            delta = a.change.get(str(r.indicator))
            cells.append(Cell.of(signed(delta) if delta is not None else "–", align="center"))
        rows.append(Row(cells))
    return Table(
        widths,
        [Row([Cell.of(h, align="center", bold=True) for h in header], "header")],
        rows,
        caption=L.CAPTION_RANKING.format(n=num.table(), year=ctx.year),
    )


def charts(ctx: ReportContext, num: Numbering) -> list[Block]:
    a, f, rules = ctx.analysis, ctx.lead, ctx.assessment.rules
    target_label = L.TARGET_LINE.format(target=limit(a.target))
    legend = [(t.code, t.code) for t in rules.tools]
    bars = BarChart(
        L.CHART_INDICATORS.format(n=num.chart(), year=ctx.year),
        [
            ChartItem(f"{i.number}. {i.name}", ctx.assessment.scores.get(i.number), i.tool)
            for i in rules.indicators
        ],
        target=a.target,
        target_label=target_label,
        horizontal=True,
        legend=legend,
    )
    tools = BarChart(
        L.CHART_TOOLS.format(n=num.chart(), year=ctx.year),
        [ChartItem(t.code, f.tool(t.code), t.code) for t in rules.tools]
        + [ChartItem(L.OVERALL, f.overall.value, OVERALL_GROUP)],
        target=a.target,
        target_label=target_label,
        horizontal=False,
    )
    out: list[Block] = [bars, tools]
    years = [
        (y, h)
        for y, h in ctx.history_figures
        if h.overall.value is not None or any(h.tool_values().values())
    ]
    if len(years) >= 2:
        out.append(
            TrendChart(
                L.CHART_TREND.format(n=num.chart(), first=years[0][0], last=years[-1][0]),
                [str(y) for y, _ in years],
                [Series(t.code, [h.tool(t.code) for _, h in years], t.code) for t in rules.tools]
                + [Series(L.OVERALL, [h.overall.value for _, h in years], OVERALL_GROUP)],
                target=a.target,
                target_label=target_label,
            )
        )
    return out


def analysis_sections(ctx: ReportContext) -> list[Block]:
    out: list[Block] = [Heading(L.H_ANALYSIS.format(n=3))]
    for key, title in (
        ("strengths", L.H_STRENGTHS.format(n="3.1")),
        ("weaknesses", L.H_WEAKNESSES.format(n="3.2")),
    ):
        out.append(Heading(title, level=2))
        text = ctx.section(key)
        if not ctx.analysis.ranking and not ctx.assessment.narratives.get(key, "").strip():
            text = L.NO_SCORE_ANALYSIS  # the generated "every indicator passed" would be wrong
        out += [Paragraph(p) for p in paragraphs(text)]
    return out


def _tool_issue(ctx: ReportContext, code: str) -> str:
    own = ctx.assessment.issues_by_tool.get(code, "").strip()
    if not own and ctx.analysis.tools.get(code) is None:
        return L.TOOL_INCOMPLETE  # the generated text would claim every indicator passed
    return own or ctx.section(f"issues_{code}")


def issues(ctx: ReportContext, num: Numbering) -> list[Block]:
    rules, f = ctx.assessment.rules, ctx.lead
    header = Row(
        [
            Cell.of(L.COL_INDICATOR, align="center", bold=True),
            Cell.of(L.COL_SCORE, align="center", bold=True),
            Cell.of(L.COL_ISSUE, align="center", bold=True),
        ],
        "header",
    )
    rows: list[Row] = []
    for tool in rules.tools:
        value = f.tool(tool.code)
        rows.append(
            Row(
                [
                    Cell.of(
                        f"{_tool_label(ctx, tool.code)} {L.COL_SCORE} {score(value)}",
                        span=3,
                        bold=True,
                    )
                ],
                "group",
            )
        )
        for ind in rules.indicators_of(tool.code):
            issue = ctx.assessment.issues_by_indicator.get(ind.number, "").strip()
            rows.append(
                Row(
                    [
                        Cell.of(f"{ind.number}. {ind.name}", nowrap=True),
                        Cell.of(score(ctx.assessment.scores.get(ind.number)), align="center"),
                        Cell.of(
                            paragraphs(issue) or [L.NO_ISSUE], align="left" if issue else "center"
                        ),
                    ]
                )
            )
        rows.append(
            Row(
                [
                    Cell.of(L.TOOL_OVERALL.format(code=tool.code), bold=True),
                    Cell.of(paragraphs(_tool_issue(ctx, tool.code)) or [L.NO_ISSUE], span=2),
                ]
            )
        )
    return [
        Heading(L.H_ISSUES.format(n=4)),
        Table([0.3, 0.14, 0.56], [header], rows, caption=L.CAPTION_ISSUES.format(n=num.table())),
    ]


def guidance(ctx: ReportContext) -> list[Block]:
    out: list[Block] = [Heading(L.H_GUIDANCE.format(n=5, next_year=ctx.next_year))]
    text = ctx.section("guidance")
    if not ctx.analysis.ranking and not ctx.assessment.narratives.get("guidance", "").strip():
        text = L.NO_SCORE_ANALYSIS
    return out + [Paragraph(p) for p in paragraphs(text)]
