"""The implementation report of one round (6 or 12 months) of the next year's measures."""

from __future__ import annotations

import functools

from ita_desktop.documents import by_indicator, columns, measures_plan, narrative
from ita_desktop.documents import labels as L
from ita_desktop.documents.blocks import Block, Heading, Paragraph, Table
from ita_desktop.documents.common import Numbering, signatures, text_blocks
from ita_desktop.documents.context import ReportContext
from ita_desktop.documents.text import lines, paragraphs, score
from ita_desktop.domain.models import STATUSES, Measure, ProgressEntry
from ita_desktop.thai.dates import round_range
from ita_desktop.thai.digits import to_arabic_digits

# the results table's own widths: the output and outcome columns need room
WIDTHS = {"measure": 0.17, "steps": 0.20, "period": 0.10, "responsible": 0.10, "output": 0.16}


def round_span(ctx: ReportContext) -> str:
    return round_range(ctx.next_year, ctx.round_months, abbreviated=True, thai_digits=False)


def reported(ctx: ReportContext) -> bool:
    """Whether anything is reported for the round: a measure's progress or a round text."""
    s, r = ctx.settings, ctx.round_months
    if any(t.get(r, "").strip() for t in (s.summary, s.problems, s.suggestions)):
        return True
    return any(
        (e.status + e.output + e.outcome + e.problems + e.suggestions + e.evidence).strip()
        for e in ctx.progress.values()
    )


def build(ctx: ReportContext, num: Numbering, number: int = 1) -> list[Block]:
    """The results by measure or by indicator (the settings' layout), summary, problems,
    suggestions, numbered from `number` (sections before it, as seed 000's background,
    objectives and targets, take the first numbers). Nothing reported for the round: one
    honest paragraph instead of a table of "ยังไม่ได้รายงานผล" and a claim that there were
    no problems."""
    out: list[Block] = []
    out.append(Heading(L.H_RESULTS_TABLE.format(n=number)))
    if not ctx.measures:
        out.append(Paragraph(L.RESULTS_NONE.format(next_year=ctx.next_year)))
        return out + signatures(ctx)
    if not reported(ctx):
        nothing = L.RESULTS_NOTHING.format(
            org=ctx.org.name, next_year=ctx.next_year, months=ctx.round_months, span=round_span(ctx)
        )
        return out + [Paragraph(nothing)] + signatures(ctx)
    out.append(
        Paragraph(
            L.RESULTS_INTRO.format(
                org=ctx.org.name,
                analysed=L.RESULTS_ANALYSED.format(year=ctx.year) if ctx.analysed else "",
                next_year=ctx.next_year,
                count=len(ctx.measures),
                months=ctx.round_months,
                span=round_span(ctx),
            )
        )
    )
    if ctx.settings.results_layout == "indicator":
        out.append(by_indicator.table(ctx, num))
    else:
        out.append(results_table(ctx, num))
    out += [Heading(L.H_SUMMARY.format(n=number + 1))] + text_blocks(summary(ctx))
    out += [Heading(L.H_PROBLEMS.format(n=number + 2))] + _collected(
        ctx, ctx.settings.problems, "problems", L.PROBLEMS_NONE
    )
    out += [Heading(L.H_SUGGESTIONS.format(n=number + 3))] + _collected(
        ctx, ctx.settings.suggestions, "suggestions", L.SUGGESTIONS_NONE
    )
    return out + signatures(ctx)


def results_table(ctx: ReportContext, num: Numbering) -> Table:
    """One row per measure, in the columns the settings choose."""
    chosen = ctx.settings.result_columns
    rows = [functools.partial(field, ctx, i, m) for i, m in enumerate(ctx.measures, start=1)]
    caption = L.CAPTION_RESULTS.format(n=num.table(), months=ctx.round_months, span=round_span(ctx))
    return columns.table(chosen, rows, caption, WIDTHS)


def field(ctx: ReportContext, i: int, m: Measure, key: str) -> list[str]:
    """What a measure's row prints under the field `key` ([] when nothing is given)."""
    entry = ctx.progress.get(m.id) if m.id is not None else None
    if key == "output":
        return lines(entry.output) if entry else []
    if key == "outcome":
        return [p for p in outcome(ctx, m, entry) if p != L.NONE_GIVEN]
    if key == "status":
        return [status(entry)]
    if key in ("problems", "suggestions", "evidence"):
        return lines(getattr(entry, key)) if entry else []
    return measures_plan.field(ctx, i, m, key)


def status(entry: ProgressEntry | None) -> str:
    if entry is None or not entry.status.strip():
        return L.NOT_REPORTED
    return entry.status.strip()


def outcome(ctx: ReportContext, m: Measure, entry: ProgressEntry | None) -> list[str]:
    """The reported outcome, then the scores of the linked indicators it can be judged by:
    those the reported text does not already state; "no score of the year to compare" is
    said once under several results that lack it."""
    out = lines(entry.outcome) if entry else []
    stated = to_arabic_digits(" ".join(out))
    rules = ctx.assessment.rules
    known = {i.number: i.name for i in rules.indicators}
    cited = []
    for number in m.indicators:
        base, after = ctx.assessment.scores.get(number), ctx.next_scores.get(number)
        shown = after if after is not None else base
        if number in known and shown is not None and score(shown) not in stated:
            cited.append((number, base, after))
    no_base = sum(1 for _, base, after in cited if base is None and after is not None)
    for number, base, after in cited:
        ref = L.INDICATOR_REF_LINES.format(number=number, name=known[number])
        cite = narrative.score_citation(ref, ctx.year, base, ctx.next_year, after, no_base > 1)
        if cite:
            out.append(cite)
    if no_base > 1:
        out.append(narrative.no_base_note(ctx.year))
    return out or [L.NONE_GIVEN]


def summary(ctx: ReportContext) -> str:
    own = ctx.settings.summary.get(ctx.round_months, "").strip()
    if own:
        return own
    if not ctx.measures:
        return L.SUMMARY_NONE
    entries = [ctx.progress.get(m.id) for m in ctx.measures if m.id is not None]
    counts = {s: sum(1 for e in entries if e and e.status.strip() == s) for s in STATUSES}
    unreported = len(ctx.measures) - sum(counts.values())
    text = L.SUMMARY_COUNTS.format(
        months=ctx.round_months,
        org=ctx.org.name,
        count=len(ctx.measures),
        done=counts[STATUSES[2]],
        doing=counts[STATUSES[1]],
        todo=counts[STATUSES[0]],
    )
    if unreported:
        text += L.SUMMARY_UNREPORTED.format(count=unreported)
    return text


def _collected(ctx: ReportContext, own: dict[int, str], attr: str, none: str) -> list[Block]:
    """The round's overall text when written, else each measure's own, else a polite none."""
    text = own.get(ctx.round_months, "").strip()
    if text:
        return [Paragraph(p) for p in paragraphs(text)]
    items = []
    for i, m in enumerate(ctx.measures, start=1):
        entry = ctx.progress.get(m.id) if m.id is not None else None
        value = getattr(entry, attr, "").strip() if entry else ""
        if value:
            items.append(
                Paragraph(f"{i}. " + L.FROM_MEASURE.format(title=m.title, text=value), "item")
            )
    return list(items or [Paragraph(none)])
