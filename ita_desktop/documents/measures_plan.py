"""The measures plan of the next fiscal year: one landscape table, one row per measure."""

from __future__ import annotations

import re

from ita_desktop.documents import labels as L
from ita_desktop.documents.blocks import Block, Cell, Paragraph, Row, Table
from ita_desktop.documents.common import Numbering, signatures
from ita_desktop.documents.context import ReportContext
from ita_desktop.documents.text import join_thai, lines, period_text
from ita_desktop.domain.models import Measure

WIDTHS = [0.20, 0.31, 0.12, 0.12, 0.12, 0.13]
_NUMBERED = re.compile(r"^\s*(?:[0-9๐-๙]+\s*[.)]|[-•–*])")


def build(ctx: ReportContext, num: Numbering) -> list[Block]:
    """Intro, the table (or a polite note when there is no measure yet), signatures."""
    if not ctx.measures:
        return [Paragraph(L.MEASURES_NONE.format(next_year=ctx.next_year))] + signatures(ctx)
    weak = [ctx.assessment.rules.indicator(n).name for n in ctx.analysis.weaknesses]
    focus = L.MEASURES_FOCUS.format(names=join_thai(weak)) if weak else ""
    intro = L.MEASURES_INTRO.format(
        org=ctx.org.name,
        year=ctx.year,
        next_year=ctx.next_year,
        count=len(ctx.measures),
        focus=focus,
    )
    header = Row(
        [
            Cell.of(h, align="center", bold=True)
            for h in (
                L.COL_MEASURE,
                L.COL_STEPS,
                L.COL_RESPONSIBLE,
                L.COL_PERIOD,
                L.COL_MONITORING,
                L.COL_LINKED,
            )
        ],
        "header",
    )
    rows = [
        Row(
            [
                Cell.of(numbered_title(i, m)),
                Cell.of(steps(m)),
                Cell.of([u for u in m.responsible if u.strip()] or [L.NONE_GIVEN]),
                Cell.of(period_text(m.period, ctx.next_year)),
                Cell.of(monitoring(m)),
                Cell.of(indicator_refs(ctx, m), nowrap=True),
            ]
        )
        for i, m in enumerate(ctx.measures, start=1)
    ]
    table = Table(
        WIDTHS,
        [header],
        rows,
        caption=L.CAPTION_MEASURES.format(n=num.table(), next_year=ctx.next_year),
    )
    blocks: list[Block] = [Paragraph(intro), table]
    return blocks + signatures(ctx)


def numbered_title(i: int, m: Measure) -> str:
    """ "1. มาตรการ..." as the seeds number their measures."""
    return f"{i}. {m.title.strip() or L.NONE_GIVEN}"


def steps(m: Measure) -> list[str]:
    """The steps, numbered "1)" unless the user numbered or bulleted them already."""
    items = [s.strip() for s in m.steps if s and s.strip()]
    if not items:
        return [L.NONE_GIVEN]
    if len(items) == 1 or all(_NUMBERED.match(s) for s in items):
        return items
    return [f"{i}) {s}" for i, s in enumerate(items, start=1)]


def monitoring(m: Measure) -> list[str]:
    out = lines(m.monitoring)
    if m.kpi.strip():
        out.append(L.KPI.format(kpi=m.kpi.strip()))
    return out or [L.NONE_GIVEN]


def indicator_refs(ctx: ReportContext, m: Measure) -> list[str]:
    rules = ctx.assessment.rules
    out = []
    for number in m.indicators:
        try:
            out.append(
                L.INDICATOR_REF_LINES.format(number=number, name=rules.indicator(number).name)
            )
        except KeyError:
            out.append(L.INDICATOR_REF.format(number=number, name="").strip())
    return out or [L.NONE_GIVEN]
