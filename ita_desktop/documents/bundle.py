"""Whole documents: cover, preface and contents around one body, or all three in one volume."""

from __future__ import annotations

from collections.abc import Callable

from ita_desktop.documents import analysis_report, implementation_report, measures_plan
from ita_desktop.documents import labels as L
from ita_desktop.documents.blocks import (
    Block,
    Document,
    Heading,
    Orientation,
    PageBreak,
    Paragraph,
    Spacer,
    TableOfContents,
)
from ita_desktop.documents.common import Numbering, cover, localize_blocks, preface
from ita_desktop.documents.context import ReportContext
from ita_desktop.documents.implementation_report import round_span
from ita_desktop.errors import ValidationError

Body = Callable[[ReportContext, Numbering], list[Block]]


def build_document(ctx: ReportContext, kind: str = "all") -> Document:
    """The document `kind` (analysis | measures | results | all) of the context's year."""
    builders = {"analysis": _analysis, "measures": _measures, "results": _results, "all": _all}
    if kind not in builders:
        raise ValidationError(
            f"ไม่รู้จักเอกสาร “{kind}” (ใช้ analysis, measures, results หรือ all)",
            f"unknown document: {kind}",
        )
    blocks = builders[kind](ctx)
    title = (
        f"{L.DOCUMENT_TITLES[kind]} {ctx.org.name} {L.FISCAL_YEAR.format(year=_year(ctx, kind))}"
    )
    return Document(
        title=_loc(title, ctx),
        blocks=localize_blocks(blocks, ctx.thai_digits),
        thai_digits=ctx.thai_digits,
        author=ctx.org.name,
        subject=L.DOCUMENT_TITLES[kind],
        kind=kind,
    )


def _loc(text: str, ctx: ReportContext) -> str:
    return localize_blocks([Paragraph(text)], ctx.thai_digits)[0].text  # type: ignore[union-attr]


def _year(ctx: ReportContext, kind: str) -> int:
    return ctx.year if kind in ("analysis", "all") else ctx.next_year


def _round_line(ctx: ReportContext) -> str:
    return L.ROUND.format(months=ctx.round_months, span=round_span(ctx))


def _front(
    ctx: ReportContext,
    kind: str,
    preface_text: str | None,
    toc: bool,
    subtitles: list[str] | None = None,
) -> list[Block]:
    out: list[Block] = [cover(ctx, L.DOCUMENT_TITLES[kind], _year(ctx, kind), subtitles)]
    if preface_text is not None:
        out += [PageBreak()] + preface(ctx, preface_text)
    if toc:
        out += [PageBreak(), TableOfContents(L.CONTENTS)]
    return out


def _preface_text(ctx: ReportContext, first: str) -> str:
    return (
        first.format(
            org=ctx.org.name, year=ctx.year, next_year=ctx.next_year, months=ctx.round_months
        )
        + "\n\n"
        + L.PREFACE_CLOSING.format(org=ctx.org.name)
    )


def _title_block(ctx: ReportContext, kind: str, extra: list[str] | None = None) -> list[Block]:
    """The heading lines on the first page of a body (as the seeds print them)."""
    lines: list[Block] = [
        Paragraph(L.DOCUMENT_TITLES[kind], "subtitle"),
        Paragraph(ctx.org.name, "subtitle"),
        Paragraph(L.FISCAL_YEAR.format(year=_year(ctx, kind)), "subtitle"),
    ]
    lines += [Paragraph(e, "subtitle") for e in extra or []]
    return lines + [Spacer(0.5)]


def _analysis(ctx: ReportContext) -> list[Block]:
    num = Numbering()
    return (
        _front(ctx, "analysis", _preface_text(ctx, L.PREFACE_ANALYSIS), toc=True)
        + [PageBreak()]
        + _title_block(ctx, "analysis")
        + analysis_report.build(ctx, num)
    )


def _measures(ctx: ReportContext) -> list[Block]:
    num = Numbering()
    return (
        _front(ctx, "measures", None, toc=False)
        + [Orientation(landscape=True)]
        + _title_block(ctx, "measures")
        + measures_plan.build(ctx, num)
    )


def _results(ctx: ReportContext) -> list[Block]:
    num = Numbering()
    return (
        _front(ctx, "results", None, toc=False, subtitles=[_round_line(ctx)])
        + [Orientation(landscape=True)]
        + _title_block(ctx, "results", [_round_line(ctx)])
        + implementation_report.build(ctx, num)
    )


def _part(number: int, kind: str, ctx: ReportContext, extra: str = "") -> Heading:
    title = (
        f"{L.PART.format(number=number)} {L.DOCUMENT_TITLES[kind]} "
        f"{L.FISCAL_YEAR.format(year=_year(ctx, kind))}{extra}"
    )
    return Heading(title, level=0)


def _all(ctx: ReportContext) -> list[Block]:
    num = Numbering()
    subtitles = [
        L.COVER_ITEM.format(n=1, name=L.DOCUMENT_SHORT["analysis"], year=ctx.year),
        L.COVER_ITEM.format(n=2, name=L.DOCUMENT_SHORT["measures"], year=ctx.next_year),
        L.COVER_ITEM_ROUND.format(
            n=3, name=L.DOCUMENT_SHORT["results"], months=ctx.round_months, year=ctx.next_year
        ),
    ]
    out = _front(ctx, "all", _preface_text(ctx, L.PREFACE_ALL), toc=True, subtitles=subtitles)
    out += [PageBreak(), _part(1, "analysis", ctx), *analysis_report.build(ctx, num)]
    out += [Orientation(landscape=True), _part(2, "measures", ctx)]
    out += measures_plan.build(ctx, num)
    out += [PageBreak(), _part(3, "results", ctx, " " + _round_line(ctx))]
    out += implementation_report.build(ctx, num)
    return out
