"""The implementation report arranged by indicator (seed 002): per indicator the issue to fix
carried over from the analysis, who is responsible, when, what was done, and suggestions."""

from __future__ import annotations

from ita_desktop.documents import labels as L
from ita_desktop.documents.blocks import Cell, Row, Table
from ita_desktop.documents.common import Numbering
from ita_desktop.documents.context import ReportContext
from ita_desktop.documents.text import lines, paragraphs, period_text
from ita_desktop.domain.models import Measure
from ita_desktop.thai.dates import round_range

HEADERS = (
    L.COL_INDICATOR,
    L.COL_ISSUE_TO_FIX,
    L.COL_RESPONSIBLE,
    L.COL_PERIOD,
    L.COL_RESULTS,
    L.COL_SUGGESTIONS,
)
WIDTHS = [0.15, 0.25, 0.11, 0.11, 0.26, 0.12]


def grouped(ctx: ReportContext) -> list[tuple[int, list[Measure]]]:
    """Indicators in the order the plan first names them, each with its measures; measures
    naming no indicator last, under 0."""
    order: list[int] = []
    found: dict[int, list[Measure]] = {}
    known = {i.number for i in ctx.assessment.rules.indicators}
    for m in ctx.measures:
        numbers = [n for n in m.indicators if n in known] or [0]
        for n in numbers:
            if n not in found:
                found[n] = []
                order.append(n)
            found[n].append(m)
    if 0 in order:  # the unlinked ones after every indicator
        order.remove(0)
        order.append(0)
    return [(n, found[n]) for n in order]


def table(ctx: ReportContext, num: Numbering) -> Table:
    header = Row([Cell.of(h, align="center", bold=True) for h in HEADERS], "header")
    rows = [_row(ctx, i, n, ms) for i, (n, ms) in enumerate(grouped(ctx), start=1)]
    span = round_range(ctx.next_year, ctx.round_months, abbreviated=True, thai_digits=False)
    caption = L.CAPTION_RESULTS.format(n=num.table(), months=ctx.round_months, span=span)
    return Table(WIDTHS, [header], rows, caption=caption)


def _unique(items: list[str]) -> list[str]:
    return list(dict.fromkeys(x for x in items if x.strip()))


def _row(ctx: ReportContext, i: int, number: int, measures: list[Measure]) -> Row:
    name = ctx.assessment.rules.indicator(number).name if number else L.NO_INDICATOR
    issue = paragraphs(ctx.assessment.issues_by_indicator.get(number, "")) if number else []
    units = _unique([u for m in measures for u in m.responsible])
    periods = _unique([period_text(m.period, ctx.next_year) for m in measures])
    several = len(measures) > 1 or not number
    done: list[str] = []
    advice: list[str] = []
    for m in measures:
        entry = ctx.progress.get(m.id) if m.id is not None else None
        output = lines(entry.output) if entry else []
        if not output:
            output = [L.NOT_REPORTED]
        suggestions = lines(entry.suggestions) if entry else []
        if several:  # say which measure each part is
            output = [L.FROM_MEASURE.format(title=m.title, text=output[0]), *output[1:]]
            if suggestions:
                first = L.FROM_MEASURE.format(title=m.title, text=suggestions[0])
                suggestions = [first, *suggestions[1:]]
        done += output
        advice += suggestions

    def cell(values: list[str]) -> Cell:
        return Cell.of(values, align="left") if values else Cell.of(L.NONE_GIVEN, align="center")

    return Row(
        [
            Cell.of(f"{i}. {name}"),
            cell(issue),
            cell(units),
            cell(periods),
            cell(done),
            cell(advice),
        ]
    )
