"""Pieces every document shares: numbering, cover, preface, signatures, digit localisation."""

from __future__ import annotations

import dataclasses
from typing import Any

from ita_desktop.documents import labels as L
from ita_desktop.documents.blocks import Block, Closing, Cover, Paragraph, Signatures, Spacer
from ita_desktop.documents.context import ReportContext
from ita_desktop.documents.text import lines, localize, paragraphs


class Numbering:
    """Running numbers of tables and charts through one document (a bundle keeps counting)."""

    def __init__(self) -> None:
        self.tables = 0
        self.charts = 0

    def table(self) -> int:
        self.tables += 1
        return self.tables

    def chart(self) -> int:
        self.charts += 1
        return self.charts


def place_line(ctx: ReportContext) -> str:
    """ "อำเภอเมือง จังหวัดตรัง", tolerating names typed with or without their prefix; a part
    the organisation's own name already is (a province's "จังหวัดนครปฐม") is not repeated."""
    name = "".join(ctx.org.name.split())
    district = ctx.org.district.strip().removeprefix("อำเภอ").strip()
    province = ctx.org.province.strip().removeprefix("จังหวัด").strip()
    parts = []
    if district and name != f"อำเภอ{district}" and ctx.org.kind.strip() != "อำเภอ":
        parts.append(f"อำเภอ{district}")
    if province and name != f"จังหวัด{province}" and ctx.org.kind.strip() != "จังหวัด":
        parts.append(f"จังหวัด{province}")
    return " ".join(parts)


def cover(ctx: ReportContext, title: str, year: int, subtitles: list[str] | None = None) -> Cover:
    """The cover; no line printed twice (a subtitle that repeats the year line is left out)."""
    year_line = L.FISCAL_YEAR.format(year=year)
    seen = {title, ctx.org.name, year_line}
    lines = []
    for s in subtitles or []:
        if s and s not in seen:
            seen.add(s)
            lines.append(s)
    place = place_line(ctx)
    return Cover(
        title_lines=[title],
        organization=ctx.org.name,
        place="" if place in seen else place,
        year_line=year_line,
        subtitle_lines=lines,
        logo=ctx.org.logo,
    )


def text_blocks(text: str, style: str = "body") -> list[Block]:
    """A user's text as paragraphs, one per line: numbered lines are set as list items."""
    return [Paragraph(p, style) for p in paragraphs(text)]


def preparer_lines(ctx: ReportContext) -> list[str]:
    """The preparing unit's lines as the user wrote them (none when the section is off)."""
    if not ctx.settings.shows("preparing_unit"):
        return []
    return lines(ctx.settings.preparing_unit)


def preface(ctx: ReportContext, default: str) -> list[Block]:
    """คำนำ: the user's preface when written, else the default; signed by the preparing unit
    ("ผู้จัดทำ", as seed 004) when there is one, else by the organisation."""
    text = ctx.settings.preface.strip() or default
    out: list[Block] = [Paragraph(L.PREFACE, "title"), Spacer(0.5)]
    out += text_blocks(text)
    unit = preparer_lines(ctx)
    return out + [Closing([*unit, L.PREPARER] if unit else [ctx.org.name])]


def signatures(ctx: ReportContext) -> list[Block]:
    if not ctx.settings.shows("signatures"):
        return []
    signers = [
        (n, p) for n, p in ctx.settings.signatories if (n or "").strip() or (p or "").strip()
    ]
    if not signers:
        return []
    return [Spacer(1.5), Signatures(signers, L.SIGN)]


def executive(ctx: ReportContext) -> tuple[str, str]:
    """Who signs the announcement: the executive as set, else the first signatory; the title
    of the organisation's executive when no position is given (นายกเทศมนตรีตำบลนาบอน,
    นายกองค์การบริหารส่วนจังหวัดนครพนม, ผู้ว่าราชการจังหวัดนครปฐม)."""
    name, position = (x.strip() for x in ctx.settings.executive)
    if not name and not position:
        first = next(((n, p) for n, p in ctx.settings.signatories if (n or "").strip()), None)
        if first is not None:
            name, position = first[0].strip(), (first[1] or "").strip()
    return name, position or executive_title(ctx.org.name, ctx.org.kind)


def executive_title(org_name: str, kind: str = "") -> str:
    """The title of an organisation's executive, from its name; "" when not known."""
    name = org_name.strip()
    for prefix, title in L.EXECUTIVE_TITLES:
        if name.startswith(prefix):
            return title + name.removeprefix(prefix)
    if kind.strip() == "จังหวัด" and name:
        return f"ผู้ว่าราชการจังหวัด{name.removeprefix('จังหวัด')}"
    return ""


def localize_blocks(blocks: list[Block], thai_digits: bool) -> list[Block]:
    """Every text of the blocks with digits as the document wants (URLs left alone)."""
    return [_localized(b, thai_digits) for b in blocks]


def _localized(value: Any, thai: bool) -> Any:
    if isinstance(value, str):
        return localize(value, thai)
    if isinstance(value, list):
        return [_localized(v, thai) for v in value]
    if isinstance(value, tuple):
        return tuple(_localized(v, thai) for v in value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        changes = {
            f.name: _localized(getattr(value, f.name), thai)
            for f in dataclasses.fields(value)
            if isinstance(getattr(value, f.name), (str, list, tuple))
            or dataclasses.is_dataclass(getattr(value, f.name))
        }
        return dataclasses.replace(value, **changes)
    return value
