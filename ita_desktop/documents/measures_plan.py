"""The measures plan of the next fiscal year: one landscape table, one row per measure, in the
columns the settings choose (001 prints 3, 003 4, 004 5 with กิจกรรม/โครงการ)."""

from __future__ import annotations

import functools
import re

from ita_desktop.documents import columns
from ita_desktop.documents import labels as L
from ita_desktop.documents.blocks import Block, Heading, Paragraph, Table
from ita_desktop.documents.common import Numbering, signatures
from ita_desktop.documents.context import ReportContext
from ita_desktop.documents.text import join_thai, lines, period_text
from ita_desktop.domain.models import Measure

_NUMBERED = re.compile(r"^\s*(?:[0-9๐-๙]+\s*[.)]|[-•–*])")


def build(ctx: ReportContext, num: Numbering, number: int | None = None) -> list[Block]:
    """The intro and the table of the chosen columns (or a polite note when there is no
    measure yet), signatures; under the heading "<number>. มาตรการ..." when sections numbered
    before it precede it (objectives, targets)."""
    out: list[Block] = []
    if number is not None:
        out.append(Heading(L.NUMBERED.format(n=number, title=L.DOCUMENT_TITLES["measures"])))
    if not ctx.measures:
        out.append(Paragraph(L.MEASURES_NONE.format(next_year=ctx.next_year)))
        return out + signatures(ctx)
    served = {n for m in ctx.measures for n in m.indicators}
    weak = [ctx.assessment.rules.indicator(n).name for n in ctx.analysis.weaknesses if n in served]
    focus = L.MEASURES_FOCUS.format(names=join_thai(weak)) if weak else ""
    intro = L.MEASURES_INTRO.format(
        org=ctx.org.name,
        next_year=ctx.next_year,
        count=len(ctx.measures),
        focus=focus,
        analysed=L.MEASURES_ANALYSED.format(year=ctx.year) if ctx.analysed else "",
    )
    out += [Paragraph(intro), plan_table(ctx, num)]
    return out + signatures(ctx)


def plan_table(ctx: ReportContext, num: Numbering) -> Table:
    """One row per measure, the columns the settings choose."""
    chosen = ctx.settings.measure_columns
    keys = {c.key for c in chosen}
    rows = [
        functools.partial(field, ctx, i, m, kpi_apart="kpi" in keys)
        for i, m in enumerate(ctx.measures, start=1)
    ]
    return columns.table(
        chosen, rows, L.CAPTION_MEASURES.format(n=num.table(), next_year=ctx.next_year)
    )


def field(ctx: ReportContext, i: int, m: Measure, key: str, kpi_apart: bool = True) -> list[str]:
    """What a measure prints under the field `key` ([] when the plan does not say)."""
    if key == "measure":
        return [numbered_title(i, m)]
    if key == "activities":
        return listed(m.activities)
    if key == "steps":
        return [s for s in steps(m) if s != L.NONE_GIVEN]
    if key == "responsible":
        return [u for u in m.responsible if u.strip()]
    if key == "period":
        return [t for t in [period_text(m.period, ctx.next_year)] if t]
    if key == "monitoring":
        out = lines(m.monitoring)
        if not kpi_apart and m.kpi.strip():
            out.append(L.KPI.format(kpi=m.kpi.strip()))
        return out
    if key == "kpi":
        return lines(m.kpi)
    if key == "budget":
        return lines(m.budget)
    if key == "indicators":
        return [r for r in indicator_refs(ctx, m) if r != L.NONE_GIVEN]
    raise KeyError(key)


def listed(items: list[str]) -> list[str]:
    """Items one a line, with "-" before each when there are several the user did not mark."""
    items = [x.strip() for x in items if x and x.strip()]
    if len(items) <= 1 or all(_NUMBERED.match(x) for x in items):
        return items
    return [f"- {x}" for x in items]


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
