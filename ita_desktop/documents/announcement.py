"""The announcement that adopts the measures plan (ประกาศ <agency> เรื่อง มาตรการส่งเสริม
คุณธรรมและความโปร่งใสภายในหน่วยงาน), dated in Thai with the Buddhist era and signed by the
executive: one portrait page, the organisation's logo on top when it has one."""

from __future__ import annotations

from ita_desktop.documents import labels as L
from ita_desktop.documents.blocks import Block, Emblem, Paragraph, Rule, Signatures, Spacer
from ita_desktop.documents.common import executive, text_blocks
from ita_desktop.documents.context import ReportContext
from ita_desktop.thai.dates import MONTHS_FULL


def wanted(ctx: ReportContext) -> bool:
    return ctx.settings.shows("announcement")


def build(ctx: ReportContext) -> list[Block]:
    """The announcement page's blocks (the caller starts it on a new portrait page)."""
    out: list[Block] = []
    if ctx.org.logo:
        out.append(Emblem(ctx.org.logo))
    out += [
        Paragraph(L.ANNOUNCEMENT_TITLE.format(org=ctx.org.name), "announce"),
        Paragraph(L.ANNOUNCEMENT_SUBJECT.format(next_year=ctx.next_year), "announce"),
        Rule(0.3),
        Spacer(0.3),
    ]
    analysed = L.ANNOUNCEMENT_ANALYSED.format(org=ctx.org.name) if ctx.analysed else ""
    body = ctx.settings.announcement_text.strip() or L.ANNOUNCEMENT_BODY.format(
        org=ctx.org.name,
        year=ctx.year,
        next_year=ctx.next_year,
        count=len(ctx.measures),
        analysed=analysed,
    )
    out += text_blocks(body)
    out += [Spacer(0.6), Paragraph(dated(ctx.settings.announcement_date), "dateline")]
    name, position = executive(ctx)
    out += [Spacer(1.2), Signatures([(name, position)], L.SIGN)]
    return out


def dated(date: str) -> str:
    """ "ประกาศ ณ วันที่ 15 ตุลาคม พ.ศ. 2564" from "2564-10-15"; blanks to write in by hand
    when no date is set."""
    try:
        year, month, day = (int(x) for x in date.split("-"))
        return L.ANNOUNCED_ON.format(day=day, month=MONTHS_FULL[month], year=year)
    except (ValueError, IndexError):
        return L.ANNOUNCED_BLANK
