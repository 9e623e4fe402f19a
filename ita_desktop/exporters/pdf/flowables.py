"""ThaiParagraph: a platypus Flowable that shapes, breaks and justifies Thai text itself.

Public API:
    ThaiParagraph(text, style, markup=True)
        Like reportlab.platypus.Paragraph for Thai. `text` is ReportLab paragraph markup
        (<b>, <i>, <u>, <strike>, <font color/size/name>, <super>, <sub>, <a href>, <br/>,
        entities); escape user data with escape(). Honours style.fontName/fontSize/leading/
        textColor/alignment (TA_LEFT, TA_CENTER, TA_RIGHT, TA_JUSTIFY)/leftIndent/rightIndent/
        firstLineIndent/spaceBefore/spaceAfter/backColor/allowWidows/allowOrphans and splits
        across frames and pages. Lines break between words, or between the dictionary parts
        of a compound, where the line breaker's score says so (linebreak.py): left, center
        and right aligned text (table cells) takes a shorter line rather than cut a compound.
        TA_JUSTIFY is Thai distributed justification (justify.py): every line but the last
        (and those ending in <br/>) is stretched to the full width, the extra space shared
        by every gap between two base characters and the word spaces, each in proportion to
        its cap; the line breaker chooses the breaks of the whole paragraph so that lines
        fill evenly; lines under 75% full stay ragged.
    thai_paragraph(text, style) -> ThaiParagraph
        For plain user text: escapes &, <, > and turns newlines into line breaks.
    escape(text) -> str
        Escape plain text for use inside paragraph markup.
"""

from __future__ import annotations

import html
from functools import lru_cache

from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.platypus.flowables import Flowable
from reportlab.platypus.paraparser import ParaParser

from ita_desktop.exporters.pdf.fonts import ThaiTTFont, font_name, register_fonts
from ita_desktop.exporters.pdf.justify import spread
from ita_desktop.exporters.pdf.linebreak import (
    HARD_BREAK,
    Item,
    Line,
    Run,
    break_lines,
    build_units,
)
from ita_desktop.exporters.pdf.render import Fmt, draw_boxes
from ita_desktop.exporters.pdf.totalfit import JUSTIFY_MIN_FILL

DESCENT = 0.28  # of the font size: room kept under the last baseline of a line box


def escape(text: str) -> str:
    """Escape &, < and > so plain text can go inside paragraph markup (html.escape without
    quotes; xml.sax.saxutils would load urllib.request, http and ssl into every export)."""
    return html.escape(text, quote=False)


def thai_paragraph(text: str, style: ParagraphStyle) -> ThaiParagraph:
    """A paragraph of plain (unmarked) user text; newlines become line breaks."""
    return ThaiParagraph(escape(text).replace("\r\n", "\n").replace("\n", "<br/>"), style)


def _thai_font(name: str, bold: bool, italic: bool) -> str:
    try:
        if isinstance(pdfmetrics.getFont(name), ThaiTTFont):
            return name
    except KeyError:
        pass
    return font_name(bold, italic)


def parse_runs(text: str, style: ParagraphStyle, markup: bool = True) -> list[Run]:
    """Formatted runs of a paragraph (markup parsed with ReportLab's ParaParser)."""
    register_fonts()
    base = Fmt(_thai_font(style.fontName, False, False), float(style.fontSize), style.textColor)
    if not markup or ("<" not in text and "&" not in text):
        return [(text, base)]
    _, frags, _ = ParaParser().parse(text, style)
    if frags is None:
        raise ValueError(f"bad paragraph markup: {text[:80]!r}")
    runs: list[Run] = []
    for f in frags:
        if getattr(f, "lineBreak", False):
            runs.append(HARD_BREAK)
            continue
        kinds = {u[1] for u in getattr(f, "us_lines", ())}
        link = f.link[0][1] if getattr(f, "link", None) else None
        fmt = Fmt(
            _thai_font(f.fontName, f.bold, f.italic),
            float(f.fontSize),
            f.textColor,
            float(f.rise or 0),
            "underline" in kinds,
            "strike" in kinds,
            link,
        )
        runs.append((f.text, fmt))
    return runs


@lru_cache(maxsize=2048)
def _units(text: str, style: ParagraphStyle, markup: bool) -> tuple[Item, ...]:
    """The units of a paragraph's text in a style (the style by identity), made once: the
    same cell text in many rows (a unit's name, a period) shares them, and with them the line
    breaker's places and costs (linebreak._paragraph). Units are never changed once made."""
    return tuple(build_units(parse_runs(text, style, markup)))


class ThaiParagraph(Flowable):
    """A paragraph of Thai (and Latin) text; see the module docstring."""

    def __init__(self, text: str, style: ParagraphStyle, markup: bool = True) -> None:
        super().__init__()
        self.text = text
        self.style = style
        self._markup = markup
        self._items: list[Item] | None = None
        self._continued = False  # a tail left by split(): no first-line indent, no spaceBefore
        self._ends_broken = False  # a head made by split(): its last line is not the last
        self._lines: list[Line] = []
        self._laid_width = -1.0

    @classmethod
    def _part(
        cls, src: ThaiParagraph, items: list[Item], continued: bool, ends_broken: bool
    ) -> ThaiParagraph:
        part = cls(src.text, src.style, src._markup)
        part._items = items
        part._continued = continued
        part._ends_broken = ends_broken
        return part

    def __repr__(self) -> str:
        return f"ThaiParagraph({self.text[:40]!r})"

    # ---- layout -------------------------------------------------------------------------
    @property
    def items(self) -> list[Item]:
        if self._items is None:
            self._items = list(_units(self.text, self.style, self._markup))
        return self._items

    def _first_indent(self) -> float:
        return 0.0 if self._continued else float(self.style.firstLineIndent or 0)

    def _layout(self, avail_width: float) -> list[Line]:
        if avail_width != self._laid_width:
            st = self.style
            width = avail_width - st.leftIndent - st.rightIndent
            self._lines = break_lines(
                self.items,
                width - self._first_indent(),
                width,
                ragged=st.alignment != TA_JUSTIFY,
                open_end=self._ends_broken,
            )
            self._laid_width = avail_width
        return self._lines

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width = availWidth
        self.height = len(self._layout(availWidth)) * self.style.leading
        return availWidth, self.height

    def getSpaceBefore(self) -> float:
        return 0.0 if self._continued else float(self.style.spaceBefore or 0)

    def getSpaceAfter(self) -> float:
        return 0.0 if self._ends_broken else float(self.style.spaceAfter or 0)

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        lines = self._layout(availWidth)
        st = self.style
        n = int((availHeight + 1e-6) // st.leading)
        if n >= len(lines):
            return [self]
        if len(lines) - n == 1 and not getattr(st, "allowWidows", 1):
            n -= 1
        if n == 1 and not getattr(st, "allowOrphans", 0):
            n = 0
        if n <= 0:
            return []
        head = [u for line in lines[:n] for u in _line_items(line)]
        tail = [u for line in lines[n:] for u in _line_items(line)]
        if head and head[-1] is HARD_BREAK:
            head.pop()
        if tail and tail[-1] is HARD_BREAK:
            tail.pop()
        return [
            ThaiParagraph._part(self, head, self._continued, True),
            ThaiParagraph._part(self, tail, True, self._ends_broken),
        ]

    # ---- drawing ------------------------------------------------------------------------
    def draw(self) -> None:
        st = self.style
        canv = self.canv
        lines = self._layout(self.width)
        leading = st.leading
        if st.backColor is not None:
            canv.saveState()
            canv.setFillColor(st.backColor)
            canv.rect(0, 0, self.width, self.height, stroke=0, fill=1)
            canv.restoreState()
        full = self.width - st.leftIndent - st.rightIndent
        y = self.height - leading + DESCENT * st.fontSize
        for i, line in enumerate(lines):
            indent = self._first_indent() if i == 0 else 0.0
            avail = full - indent
            start = st.leftIndent + indent
            x = start
            gaps = [0.0] * len(line.boxes)
            inner: dict[int, tuple[float, ...]] | None = None
            align = st.alignment
            lead = _lead(line)  # ink left of the first glyph's origin: kept inside the measure
            justified = align == TA_JUSTIFY and not line.hard
            if justified and line.width >= JUSTIFY_MIN_FILL * avail:
                x += lead
                gaps, inner = spread(line.boxes, avail - line.width - lead)
            else:
                if align == TA_CENTER:
                    x += (avail - line.width) / 2.0
                elif align == TA_RIGHT:
                    x += avail - line.width
                room = start + avail - (x + line.width)  # right of the line
                x += min(max(0.0, lead - (x - start)), max(0.0, room))
            if line.boxes:
                draw_boxes(canv, x, y, line.boxes, gaps, inner)
            y -= leading


def _lead(line: Line) -> float:
    """Points of ink left of the line's start (Shaped.lead of its first box)."""
    if not line.boxes:
        return 0.0
    first = line.boxes[0]
    return first.shaped.lead * first.fmt.size / 1000.0


def _line_items(line: Line) -> list[Item]:
    items: list[Item] = list(line.units)
    if line.hard:
        items.append(HARD_BREAK)
    return items
