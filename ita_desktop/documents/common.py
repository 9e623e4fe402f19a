"""Pieces every document shares: numbering, cover, preface, signatures, digit localisation."""

from __future__ import annotations

import dataclasses
from typing import Any

from ita_desktop.documents import labels as L
from ita_desktop.documents.blocks import Block, Cover, Paragraph, Signatures, Spacer
from ita_desktop.documents.context import ReportContext
from ita_desktop.documents.text import localize, paragraphs


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
    """ "อำเภอเมือง จังหวัดตรัง", tolerating names typed with or without their prefix."""
    district = ctx.org.district.strip().removeprefix("อำเภอ").strip()
    province = ctx.org.province.strip().removeprefix("จังหวัด").strip()
    parts = []
    if district:
        parts.append(f"อำเภอ{district}")
    if province:
        parts.append(f"จังหวัด{province}")
    return " ".join(parts)


def cover(ctx: ReportContext, title: str, year: int, subtitles: list[str] | None = None) -> Cover:
    return Cover(
        title_lines=[title],
        organization=ctx.org.name,
        place=place_line(ctx),
        year_line=L.FISCAL_YEAR.format(year=year),
        subtitle_lines=list(subtitles or []),
        logo=ctx.org.logo,
    )


def preface(ctx: ReportContext, default: str) -> list[Block]:
    """คำนำ: the user's preface when written, else the default; signed by the organisation."""
    text = ctx.settings.preface.strip() or default
    out: list[Block] = [Paragraph(L.PREFACE, "title"), Spacer(0.5)]
    out += [Paragraph(p) for p in paragraphs(text)]
    out += [Spacer(1), Paragraph(ctx.org.name, "right")]
    return out


def signatures(ctx: ReportContext) -> list[Block]:
    signers = [
        (n, p) for n, p in ctx.settings.signatories if (n or "").strip() or (p or "").strip()
    ]
    if not signers:
        return []
    return [Spacer(1.5), Signatures(signers, L.SIGN)]


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
