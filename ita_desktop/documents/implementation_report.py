"""The implementation report of one round (6 or 12 months) of the next year's measures."""

from __future__ import annotations

from ita_desktop.documents import labels as L
from ita_desktop.documents.blocks import Block, Cell, Heading, Paragraph, Row, Table
from ita_desktop.documents.common import Numbering, signatures
from ita_desktop.documents.context import ReportContext
from ita_desktop.documents.measures_plan import numbered_title, steps
from ita_desktop.documents.text import lines, paragraphs, period_text, score
from ita_desktop.domain.models import STATUSES, Measure, ProgressEntry
from ita_desktop.thai.dates import round_range

WIDTHS = [0.17, 0.20, 0.10, 0.10, 0.16, 0.17, 0.10]


def round_span(ctx: ReportContext) -> str:
    return round_range(ctx.next_year, ctx.round_months, abbreviated=True, thai_digits=False)


def build(ctx: ReportContext, num: Numbering) -> list[Block]:
    out: list[Block] = [Heading(L.H_RESULTS_TABLE.format(n=1))]
    if not ctx.measures:
        out.append(Paragraph(L.RESULTS_NONE.format(next_year=ctx.next_year)))
    else:
        out.append(
            Paragraph(
                L.RESULTS_INTRO.format(
                    org=ctx.org.name,
                    year=ctx.year,
                    next_year=ctx.next_year,
                    count=len(ctx.measures),
                    months=ctx.round_months,
                    span=round_span(ctx),
                )
            )
        )
        out.append(results_table(ctx, num))
    out += [Heading(L.H_SUMMARY.format(n=2))] + [Paragraph(p) for p in paragraphs(summary(ctx))]
    out += [Heading(L.H_PROBLEMS.format(n=3))] + _collected(
        ctx, ctx.settings.problems, "problems", L.PROBLEMS_NONE
    )
    out += [Heading(L.H_SUGGESTIONS.format(n=4))] + _collected(
        ctx, ctx.settings.suggestions, "suggestions", L.SUGGESTIONS_NONE
    )
    return out + signatures(ctx)


def results_table(ctx: ReportContext, num: Numbering) -> Table:
    header = Row(
        [
            Cell.of(h, align="center", bold=True)
            for h in (
                L.COL_MEASURE,
                L.COL_STEPS,
                L.COL_PERIOD,
                L.COL_RESPONSIBLE,
                L.COL_OUTPUT,
                L.COL_OUTCOME,
                L.COL_STATUS,
            )
        ],
        "header",
    )
    rows = []
    for i, m in enumerate(ctx.measures, start=1):
        entry = ctx.progress.get(m.id) if m.id is not None else None
        rows.append(
            Row(
                [
                    Cell.of(numbered_title(i, m)),
                    Cell.of(steps(m)),
                    Cell.of(period_text(m.period, ctx.next_year)),
                    Cell.of([u for u in m.responsible if u.strip()] or [L.NONE_GIVEN]),
                    Cell.of(
                        lines(entry.output) if entry and entry.output.strip() else [L.NONE_GIVEN]
                    ),
                    Cell.of(outcome(ctx, m, entry)),
                    Cell.of(status(entry), align="center"),
                ]
            )
        )
    caption = L.CAPTION_RESULTS.format(n=num.table(), months=ctx.round_months, span=round_span(ctx))
    return Table(WIDTHS, [header], rows, caption=caption)


def status(entry: ProgressEntry | None) -> str:
    if entry is None or not entry.status.strip():
        return L.NOT_REPORTED
    return entry.status.strip()


def outcome(ctx: ReportContext, m: Measure, entry: ProgressEntry | None) -> list[str]:
    """The reported outcome, then the linked indicators' scores it can be judged by."""
    out = lines(entry.outcome) if entry else []
    rules = ctx.assessment.rules
    for number in m.indicators:
        try:
            name = rules.indicator(number).name
        except KeyError:
            continue
        ref = L.INDICATOR_REF_LINES.format(number=number, name=name)
        base = ctx.assessment.scores.get(number)
        after = ctx.next_scores.get(number)
        if base is None and after is None:
            continue
        if after is not None:
            out.append(
                L.SCORE_CITE_NEXT.format(
                    ref=ref,
                    year=ctx.year,
                    score=score(base),
                    next_year=ctx.next_year,
                    next_score=score(after),
                )
            )
        else:
            out.append(L.SCORE_CITE.format(ref=ref, year=ctx.year, score=score(base)))
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
