"""The optional sections the seeds have and the user writes: background, objectives, targets,
limitations, the preparing unit; the tables of urgent and to-develop issues; and the passes
that leave out what the user chose not to print (charts) and headings left with nothing."""

from __future__ import annotations

from ita_desktop.documents import labels as L
from ita_desktop.documents.blocks import (
    BarChart,
    Block,
    Cell,
    Heading,
    Paragraph,
    Row,
    Signatures,
    Spacer,
    Table,
    TrendChart,
)
from ita_desktop.documents.common import Numbering, place_line, preparer_lines, text_blocks
from ita_desktop.documents.context import ReportContext
from ita_desktop.documents.text import paragraphs, score
from ita_desktop.domain.models import PRIORITIES

LEADS = ("background", "objectives", "targets")  # sections that open a document, in order


def _title(title: str, number: int | None) -> str:
    return L.NUMBERED.format(n=number, title=title) if number is not None else title


def lead(ctx: ReportContext, key: str, number: int | None = None) -> list[Block]:
    """A section that opens a document (background, objectives, targets), numbered when
    `number` is given; [] when switched off or not written."""
    s = ctx.settings
    if not s.shows(key):
        return []
    if key == "background":
        return _written(L.H_BACKGROUND, s.background, number)
    if key == "objectives":
        return _written(L.H_OBJECTIVES, s.objectives, number)
    if key == "targets":
        parts: list[Block] = []
        for title, text in (
            (L.TARGETS_QUANTITY, s.targets_quantity),
            (L.TARGETS_QUALITY, s.targets_quality),
        ):
            if paragraphs(text):
                parts += [Heading(title, level=2, toc=False), *text_blocks(text)]
        return [Heading(_title(L.H_TARGETS, number)), *parts] if parts else []
    raise KeyError(key)


def leads(ctx: ReportContext, keys: list[str], start: int = 1) -> tuple[list[Block], int]:
    """The opening sections `keys` that have something to print, numbered from `start`; and
    the number after them."""
    out: list[Block] = []
    number = start
    for key in keys:
        blocks = lead(ctx, key, number)
        if blocks:
            out += blocks
            number += 1
    return out, number


def _written(title: str, text: str, number: int | None) -> list[Block]:
    blocks = text_blocks(text)
    return [Heading(_title(title, number)), *blocks] if blocks else []


def limitations(ctx: ReportContext, number: int | None = None) -> list[Block]:
    """ข้อจำกัดของหน่วยงาน (seed 004), when written and switched on."""
    if not ctx.settings.shows("limitations"):
        return []
    return _written(L.H_LIMITATIONS, ctx.settings.limitations, number)


def prepared_by(ctx: ReportContext, title: str) -> list[Block]:
    """The last page of seed 004: the document's title, "จัดทำโดย", the preparing unit, the
    organisation and its place, centred low on a page of its own."""
    unit = preparer_lines(ctx)
    if not unit:
        return []
    out: list[Block] = [Spacer(8), Paragraph(title, "subtitle"), Spacer(1)]
    out.append(Paragraph(L.PREPARED_BY, "subtitle"))
    out += [Paragraph(line, "center") for line in unit]
    lines = [ctx.org.name] if ctx.org.name not in unit else []
    place = place_line(ctx)
    if place:
        lines.append(place)
    return out + [Paragraph(line, "center") for line in lines]


def priority_tables(ctx: ReportContext, num: Numbering) -> list[Block]:
    """One table per priority the user marked (urgent, to develop): the indicator, its score
    and its issue, as seed 003 separates them; [] when none is marked or switched off."""
    if not ctx.settings.shows("priorities"):
        return []
    rules, marks = ctx.assessment.rules, ctx.assessment.issue_priorities
    out: list[Block] = []
    for key in PRIORITIES:
        chosen = [i for i in rules.indicators if marks.get(i.number) == key]
        if not chosen:
            continue
        header = Row(
            [
                Cell.of(h, align="center", bold=True)
                for h in (L.COL_INDICATOR, L.COL_SCORE, L.COL_PRIORITY_ISSUE)
            ],
            "header",
        )
        rows = []
        for ind in chosen:
            issue = paragraphs(ctx.assessment.issues_by_indicator.get(ind.number, ""))
            rows.append(
                Row(
                    [
                        Cell.of(f"{ind.number}. {ind.name}", nowrap=True),
                        Cell.of(score(ctx.assessment.scores.get(ind.number)), align="center"),
                        Cell.of(issue or [L.NO_ISSUE], align="left" if issue else "center"),
                    ]
                )
            )
        title = L.H_PRIORITY[key]
        out += [
            Heading(title, level=2),
            Table(
                [0.3, 0.14, 0.56],
                [header],
                rows,
                caption=L.CAPTION_PRIORITY.format(n=num.table(), title=title),
            ),
        ]
    return out


def without_charts(blocks: list[Block]) -> list[Block]:
    """The blocks without charts, and without the heading left over them."""
    return drop_empty_headings([b for b in blocks if not isinstance(b, (BarChart, TrendChart))])


def drop_empty_headings(blocks: list[Block]) -> list[Block]:
    """Headings with nothing under them before the next heading of their level or above."""
    out: list[Block] = []
    for i, b in enumerate(blocks):
        if isinstance(b, Heading) and b.level > 0:
            rest = [x for x in blocks[i + 1 :] if not isinstance(x, Spacer)]
            nxt = rest[0] if rest else None
            if nxt is None or isinstance(nxt, Signatures):
                continue
            if isinstance(nxt, Heading) and nxt.level <= b.level:
                continue
        out.append(b)
    return out


def split_signatures(blocks: list[Block]) -> tuple[list[Block], list[Block]]:
    """A body and its closing signatures (the trailing spacer and Signatures block)."""
    if blocks and isinstance(blocks[-1], Signatures):
        cut = len(blocks) - 1
        while cut > 0 and isinstance(blocks[cut - 1], Spacer):
            cut -= 1
        return blocks[:cut], blocks[cut:]
    return blocks, []


def after_issues(blocks: list[Block], extra: list[Block]) -> list[Block]:
    """`extra` placed after the analysis report's issues table (section "ประเด็นที่ต้องแก้ไข"),
    else before its last section; at the end when neither is found."""
    if not extra:
        return blocks
    prefix = L.H_ISSUES.format(n="").strip().lstrip(".").strip()
    for i, b in enumerate(blocks):
        if isinstance(b, Heading) and b.level == 1 and prefix in b.text:
            for j in range(i + 1, len(blocks)):
                if isinstance(blocks[j], Table):
                    return blocks[: j + 1] + extra + blocks[j + 1 :]
                if isinstance(blocks[j], Heading):
                    break
    return blocks + extra


def next_number(blocks: list[Block]) -> int:
    """The number after the last numbered section ("5. แนวทาง..." -> 6)."""
    last = 0
    for b in blocks:
        if isinstance(b, Heading) and b.level == 1:
            head = b.text.split(".", 1)[0].strip()
            if head.isdigit():
                last = max(last, int(head))
    return last + 1
