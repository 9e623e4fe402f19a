"""The documents' paragraph styles, and one door to the Thai typography layer.

Every paragraph and every single line the PDF writer draws goes through `para()` and
`line()`: they use the shaping, Thai line-breaking ThaiParagraph and `draw_text` of the
typography modules (fonts, flowables, render). Paragraphs keep the no-break joins of
documents.text.no_break ("พ.ศ. ๒๕๖๖", "ได้ ๙๑.๒๕ คะแนน" never end a line inside).
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.platypus.flowables import Flowable

from ita_desktop.documents.text import list_marker, no_break
from ita_desktop.exporters.pdf.flowables import ThaiParagraph, thai_paragraph
from ita_desktop.exporters.pdf.fonts import font_name, register_fonts
from ita_desktop.exporters.pdf.linebreak import HardBreak, build_units
from ita_desktop.exporters.pdf.render import Fmt, draw_text
from ita_desktop.exporters.pdf.shaping import text_width

BODY_SIZE = 16.0
TABLE_SIZE = 14.0
LEADING = 1.5  # of the font size: room for Thai stacked marks above and below
INDENT = 2.5 * cm  # first-line indent of official Thai documents
DATELINE = 6 * cm  # an announcement's date line starts this far in
LIST_STYLES = ("body", "plain", "item", "note")  # paragraph styles that set list items hanging
TEXT_COLOR = colors.black
MUTED = colors.HexColor("#555555")

_ALIGN = {"left": TA_LEFT, "center": TA_CENTER, "right": TA_RIGHT, "justify": TA_JUSTIFY}


def _style(
    name: str,
    size: float,
    *,
    bold: bool = False,
    align: int = TA_JUSTIFY,
    indent: float = 0.0,
    left: float = 0.0,
    before: float = 0.0,
    after: float = 0.0,
    color: Any = TEXT_COLOR,
    leading: float | None = None,
) -> ParagraphStyle:
    return ParagraphStyle(
        name,
        fontName=font_name(bold),
        fontSize=size,
        leading=leading or size * LEADING,
        alignment=align,
        firstLineIndent=indent,
        leftIndent=left,
        spaceBefore=before,
        spaceAfter=after,
        textColor=color,
        allowWidows=0,
        allowOrphans=0,
    )


@lru_cache(maxsize=1)
def styles() -> dict[str, ParagraphStyle]:
    """The document styles, keyed by the names the document model uses."""
    register_fonts()
    s = BODY_SIZE
    return {
        "body": _style("body", s, indent=INDENT, after=4),
        "plain": _style("plain", s, after=4),
        "center": _style("center", s, align=TA_CENTER, after=4),
        "right": _style("right", s, align=TA_RIGHT, after=4),
        "note": _style("note", 14, align=TA_JUSTIFY, after=6, color=MUTED),
        "item": _style(
            "item", s, left=INDENT + 0.75 * cm, indent=-0.75 * cm, align=TA_LEFT, after=2
        ),
        "title": _style("title", 20, bold=True, align=TA_CENTER, after=6),
        "announce": _style("announce", s, bold=True, align=TA_CENTER, after=2),
        "dateline": _style("dateline", s, align=TA_LEFT, left=DATELINE, after=4),
        "subtitle": _style("subtitle", 18, bold=True, align=TA_CENTER, after=2),
        "heading0": _style("heading0", 20, bold=True, align=TA_CENTER, before=6, after=12),
        "heading1": _style("heading1", 18, bold=True, align=TA_LEFT, before=12, after=6),
        "heading2": _style(
            "heading2", 16, bold=True, align=TA_LEFT, before=8, after=4, left=0.75 * cm
        ),
        "caption": _style("caption", 15, bold=True, align=TA_LEFT, after=4),
        "chart_title": _style("chart_title", 15, bold=True, align=TA_CENTER),
        "toc": _style("toc", s, align=TA_LEFT),
        "toc_bold": _style("toc_bold", s, bold=True, align=TA_LEFT),
        "cover_title": _style("cover_title", 24, bold=True, align=TA_CENTER, leading=24 * 1.45),
        "cover_org": _style("cover_org", 22, bold=True, align=TA_CENTER),
        "cover_text": _style("cover_text", 18, align=TA_CENTER),
        "cover_year": _style("cover_year", 20, bold=True, align=TA_CENTER),
        "cover_item": _style("cover_item", 16, align=TA_CENTER),
    }


@lru_cache(maxsize=64)
def cell_style(size: float, align: str = "left", bold: bool = False) -> ParagraphStyle:
    """A table cell's paragraph style; table text is never indented."""
    register_fonts()
    return _style(
        f"cell-{size}-{align}-{bold}", size, bold=bold, align=_ALIGN[align], leading=size * 1.4
    )


def para(text: str, style: ParagraphStyle | str) -> ThaiParagraph:
    """A shaped, Thai-segmented paragraph of plain text (newlines become line breaks)."""
    st = styles()[style] if isinstance(style, str) else style
    return thai_paragraph(no_break(text), st)


def item_para(text: str, style: ParagraphStyle | str, hang_it: bool = True) -> Flowable:
    """`para`, but a paragraph that starts with a list marker ("๑." "1)" "-") hangs: its
    marker starts where the style's first line does and every line of its text starts after
    the marker. The marker is glued to the word after it (never alone at a line end, its
    space never stretched when justified); `hang_it` False glues without hanging."""
    st = styles()[style] if isinstance(style, str) else style
    glued, rest = glue_marker(no_break(text))
    if not glued:
        return para(rest, st)
    if not hang_it:
        return para(glued + rest, st)
    hang = text_width(glued, st.fontName, float(st.fontSize))
    return thai_paragraph(glued + rest, hanging(st, round(hang, 1)))


def glue_marker(text: str) -> tuple[str, str]:
    """(a list item's marker with a no-break space after it, the text after it); ("", text)
    when the text is no list item."""
    marker = list_marker(text)
    rest = text.lstrip()[len(marker) :]
    if not marker or not rest.strip():
        return "", text
    gap = rest[: len(rest) - len(rest.lstrip())]
    return marker + ("\u00a0" if gap else ""), rest.lstrip()


@lru_cache(maxsize=512)
def hanging(style: ParagraphStyle, hang: float) -> ParagraphStyle:
    """`style` with its first line starting where it did and the others `hang` further in;
    a list item is set ragged (a justified short item would be spread letter by letter)."""
    start = float(style.leftIndent or 0) + float(style.firstLineIndent or 0)
    return ParagraphStyle(
        f"{style.name}-hang-{hang}",
        parent=style,
        leftIndent=start + hang,
        firstLineIndent=-hang,
        alignment=TA_LEFT if style.alignment == TA_JUSTIFY else style.alignment,
    )


def line(
    canv: Any,
    x: float,
    y: float,
    text: str,
    *,
    size: float = BODY_SIZE,
    bold: bool = False,
    align: str = "left",
    color: Any = None,
) -> float:
    """Draw one shaped line at baseline y; returns its width."""
    return draw_text(canv, x, y, text, font=font_name(bold), size=size, align=align, color=color)


def width(text: str, size: float = BODY_SIZE, bold: bool = False) -> float:
    """The shaped width of one line of text, in points."""
    return text_width(text, font_name(bold), size)


@lru_cache(maxsize=16384)
def widest_unit(text: str, size: float = BODY_SIZE, bold: bool = False) -> float:
    """The widest piece of `text` the line breaker keeps whole (a word with its glued
    punctuation, a list marker with its first word, a no-break join), URLs and other long
    Latin runs left out: they break anyway."""
    best = 0.0
    text = "".join(glue_marker(no_break(text)))
    for unit in build_units([(text, Fmt(font=font_name(bold), size=size))]):
        if isinstance(unit, HardBreak) or unit.space:
            continue
        piece = "".join(b.text for b in unit.boxes)
        if len(piece) > 25 and any("a" <= c.lower() <= "z" for c in piece):
            continue
        best = max(best, unit.width)
    return best
