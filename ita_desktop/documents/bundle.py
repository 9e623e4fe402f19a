"""Whole documents: cover, preface and contents around one body, or a bundle of the documents
the user chose (analysis + measures as seeds 001, 003 and 004 publish, the three, ...).

`kind` is one document (analysis | measures | results), a comma list of them
("analysis,measures"), or "all": the bundle the report settings choose. In a bundle, a part with
nothing to show (the implementation report of a round nobody reported on) is left out. The
sections the user writes open the first document that takes them (background: the first part;
objectives and targets: the measures plan or the implementation report) and the optional ones
print as the settings choose.
"""

from __future__ import annotations

from collections.abc import Callable

from ita_desktop.documents import (
    analysis_report,
    announcement,
    implementation_report,
    measures_plan,
    sections,
)
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
from ita_desktop.documents.orientation import landscape_for_tables
from ita_desktop.documents.text import join_thai
from ita_desktop.domain.models import DOCUMENTS
from ita_desktop.errors import ValidationError, shown

ALL = "all"


def parse_kind(kind: str) -> list[str] | None:
    """The documents `kind` names, in a bundle's order; None for "all" (the settings' bundle).
    Unknown names are a Thai ValidationError."""
    parts = [p.strip().lower() for p in (kind or "").replace("+", ",").split(",") if p.strip()]
    if parts == [ALL]:
        return None
    unknown = [p for p in parts if p not in DOCUMENTS]
    if unknown or not parts:
        bad = unknown[0] if unknown else kind
        raise ValidationError(
            f"ไม่รู้จักเอกสาร “{shown(bad)}” (ใช้ analysis, measures, results, all "
            "หรือหลายฉบับคั่นด้วยจุลภาค เช่น analysis,measures)",
            "unknown document",
        )
    return [d for d in DOCUMENTS if d in parts]


def chosen(ctx: ReportContext, kind: str = ALL) -> list[str]:
    """The documents that print for `kind`: a bundle leaves out an implementation report with
    nothing reported for the round (unless it is all that was asked for)."""
    docs = parse_kind(kind)
    if docs is None:
        docs = [d for d in DOCUMENTS if d in ctx.settings.bundle] or list(DOCUMENTS)
    if len(docs) > 1 and "results" in docs and not implementation_report.reported(ctx):
        docs = [d for d in docs if d != "results"]
    return docs


def build_document(ctx: ReportContext, kind: str = ALL) -> Document:
    """The document `kind` of the context's year (see the module's docstring)."""
    docs = chosen(ctx, kind)
    if len(docs) == 1:
        titled = docs[0]
        blocks = BUILDERS[titled](ctx)
    else:
        titled = ALL
        blocks = _bundle(ctx, docs)
    year = _year(ctx, titled, docs)
    title = f"{L.DOCUMENT_TITLES[titled]} {ctx.org.name} {L.FISCAL_YEAR.format(year=year)}"
    return Document(
        title=_loc(title, ctx),
        blocks=localize_blocks(landscape_for_tables(blocks), ctx.thai_digits),
        thai_digits=ctx.thai_digits,
        author=ctx.org.name,
        subject=L.DOCUMENT_TITLES[titled],
        kind=ALL if parse_kind(kind) is None else ",".join(docs),
    )


def _loc(text: str, ctx: ReportContext) -> str:
    return localize_blocks([Paragraph(text)], ctx.thai_digits)[0].text  # type: ignore[union-attr]


def _year(ctx: ReportContext, kind: str, docs: list[str] | None = None) -> int:
    """The fiscal year a document is of; a bundle's is its analysis's when it has one."""
    if kind == ALL:
        return ctx.year if docs is None or "analysis" in docs else ctx.next_year
    return ctx.year if kind == "analysis" else ctx.next_year


def _round_line(ctx: ReportContext) -> str:
    return L.ROUND.format(months=ctx.round_months, span=round_span(ctx))


def _front(
    ctx: ReportContext,
    kind: str,
    preface_text: str | None,
    toc: bool,
    subtitles: list[str] | None = None,
    docs: list[str] | None = None,
) -> list[Block]:
    """Cover, then the preface (when there is a text and it is switched on) and the contents."""
    year = _year(ctx, kind, docs)
    out: list[Block] = [cover(ctx, L.DOCUMENT_TITLES[kind], year, subtitles)]
    if preface_text is not None and ctx.settings.shows("preface"):
        out += [PageBreak()] + preface(ctx, preface_text)
    if toc and ctx.settings.shows("contents"):
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


def _own_preface(ctx: ReportContext) -> str | None:
    """A document without a standard preface prints the user's, when written."""
    return ctx.settings.preface if ctx.settings.preface.strip() else None


def _title_block(ctx: ReportContext, kind: str, extra: list[str] | None = None) -> list[Block]:
    """The heading lines on the first page of a body (as the seeds print them)."""
    lines: list[Block] = [
        Paragraph(L.DOCUMENT_TITLES[kind], "subtitle"),
        Paragraph(ctx.org.name, "subtitle"),
        Paragraph(L.FISCAL_YEAR.format(year=_year(ctx, kind)), "subtitle"),
    ]
    lines += [Paragraph(e, "subtitle") for e in extra or []]
    return lines + [Spacer(0.5)]


def _leads(docs: list[str], kind: str) -> list[str]:
    """The opening sections the part `kind` of `docs` prints."""
    keys = ["background"] if docs[0] == kind else []
    plan = next((d for d in docs if d in ("measures", "results")), None)
    if kind != "analysis" and plan == kind:
        keys += ["objectives", "targets"]
    return keys


def _with_limitations(ctx: ReportContext, blocks: list[Block]) -> list[Block]:
    """The limitations section before the body's closing signatures."""
    body, signs = sections.split_signatures(blocks)
    number = sections.next_number(body)
    extra = sections.limitations(ctx, number if number > 1 else None)
    return body + extra + signs


def _analysis_body(ctx: ReportContext, num: Numbering, docs: list[str]) -> list[Block]:
    body, signs = sections.split_signatures(analysis_report.build(ctx, num))
    if not ctx.settings.shows("charts"):
        body = sections.without_charts(body)
    body = sections.after_issues(body, sections.priority_tables(ctx, num))
    # unnumbered before the report's own sections (seed 004's "ความเป็นมาของการประเมิน")
    lead = [b for key in _leads(docs, "analysis") for b in sections.lead(ctx, key)]
    return _with_limitations(ctx, lead + body + signs)


def _measures_body(
    ctx: ReportContext, num: Numbering, docs: list[str], head: list[Block], part: bool = False
) -> list[Block]:
    """The announcement (when chosen) and the opening sections on portrait pages, then the
    plan's landscape table; `head` opens the first page of the plan (a bundle's `part`
    heading opens the announcement's page)."""
    ann = announcement.build(ctx) if announcement.wanted(ctx) else []
    leads, number = sections.leads(ctx, _leads(docs, "measures"))
    out: list[Block] = []
    if ann or leads:
        out += [Orientation(landscape=False)]
        if ann and part:  # a bundle's part opens with the announcement that adopts it
            out += head
            head = []
        if ann:
            out += ann + ([PageBreak()] if leads else [])
        if leads:
            out += head + leads
            head = []
    out += [Orientation(landscape=True), *head]
    plan = measures_plan.build(ctx, num, number if leads else None)
    if "analysis" not in docs:  # else the analysis report says them
        plan = _with_limitations(ctx, plan)
    return out + plan


def _results_body(
    ctx: ReportContext, num: Numbering, docs: list[str], head: list[Block]
) -> list[Block]:
    leads, number = sections.leads(ctx, _leads(docs, "results"))
    out: list[Block] = []
    if leads:
        out += [Orientation(landscape=False), *head, *leads]
        head = []
    out += [Orientation(landscape=True), *head]
    return out + implementation_report.build(ctx, num, number)


def _back(ctx: ReportContext, kind: str) -> list[Block]:
    """The preparing unit's page that closes the document (seed 004), when there is one."""
    blocks = sections.prepared_by(ctx, L.DOCUMENT_TITLES[kind])
    return [Orientation(landscape=False), *blocks] if blocks else []


def _analysis(ctx: ReportContext) -> list[Block]:
    num = Numbering()
    return (
        _front(ctx, "analysis", _preface_text(ctx, L.PREFACE_ANALYSIS), toc=True)
        + [PageBreak()]
        + _title_block(ctx, "analysis")
        + _analysis_body(ctx, num, ["analysis"])
        + _back(ctx, "analysis")
    )


def _measures(ctx: ReportContext) -> list[Block]:
    num = Numbering()
    return (
        _front(ctx, "measures", _own_preface(ctx), toc=False)
        + _measures_body(ctx, num, ["measures"], _title_block(ctx, "measures"))
        + _back(ctx, "measures")
    )


def _results(ctx: ReportContext) -> list[Block]:
    num = Numbering()
    line = _round_line(ctx)
    return (
        _front(ctx, "results", _own_preface(ctx), toc=False, subtitles=[line])
        + _results_body(ctx, num, ["results"], _title_block(ctx, "results", [line]))
        + _back(ctx, "results")
    )


BUILDERS: dict[str, Callable[[ReportContext], list[Block]]] = {
    "analysis": _analysis,
    "measures": _measures,
    "results": _results,
}


def _part(number: int, kind: str, ctx: ReportContext, extra: str = "") -> Heading:
    title = (
        f"{L.PART.format(number=number)} {L.DOCUMENT_TITLES[kind]} "
        f"{L.FISCAL_YEAR.format(year=_year(ctx, kind))}{extra}"
    )
    return Heading(title, level=0)


def _cover_items(ctx: ReportContext, docs: list[str]) -> list[str]:
    out = []
    for n, d in enumerate(docs, start=1):
        year = _year(ctx, d)
        if d == "results":
            out.append(
                L.COVER_ITEM_ROUND.format(
                    n=n, name=L.DOCUMENT_SHORT[d], months=ctx.round_months, year=year
                )
            )
        else:
            out.append(L.COVER_ITEM.format(n=n, name=L.DOCUMENT_SHORT[d], year=year))
    return out


def _bundle_preface(ctx: ReportContext, docs: list[str]) -> str:
    names = {
        "analysis": L.PREFACE_ITEM_ANALYSIS.format(year=ctx.year),
        "measures": L.PREFACE_ITEM_MEASURES.format(next_year=ctx.next_year),
        "results": L.PREFACE_ITEM_RESULTS.format(months=ctx.round_months),
    }
    first = L.PREFACE_BUNDLE.format(
        org=ctx.org.name,
        items=join_thai([names[d] for d in docs]),
        last=L.PREFACE_BUNDLE_LAST[docs[-1]],
    )
    return first + "\n\n" + L.PREFACE_CLOSING.format(org=ctx.org.name)


def _bundle(ctx: ReportContext, docs: list[str]) -> list[Block]:
    num = Numbering()
    out = _front(ctx, ALL, _bundle_preface(ctx, docs), True, _cover_items(ctx, docs), docs=docs)
    for n, d in enumerate(docs, start=1):
        if d == "analysis":
            out += [Orientation(landscape=False) if n > 1 else PageBreak(), _part(n, d, ctx)]
            out += _analysis_body(ctx, num, docs)
        elif d == "measures":
            out += _measures_body(ctx, num, docs, [_part(n, d, ctx)], part=True)
        else:
            part = _part(n, d, ctx, " " + _round_line(ctx))
            out += _results_body(ctx, num, docs, [part])
    return out + _back(ctx, ALL)
