"""The Thai typography layer for PDF output, in one import (ReportLab + HarfBuzz, no Qt).

Typical use:

    from ita_desktop.exporters.pdf.thai_text import (
        canvas_kwargs, draw_text, make_styles, thai_paragraph, thai_table)

    styles = make_styles(base_size=16)
    doc = SimpleDocTemplate(path, pagesize=A4, **canvas_kwargs())
    story = [thai_paragraph("รายงานผลการประเมิน ITA", styles["title"]),
             thai_paragraph(user_text, styles["body_justified"]),
             ThaiParagraph("ข้อความ <b>ตัวหนา</b> " + escape(user_value), styles["body"]),
             thai_table([["ตัวชี้วัด", "คะแนน"], ["การเปิดเผยข้อมูล", "95.50"]],
                        col_widths=[300, 100])]
    doc.build(story, onFirstPage=lambda c, d: draw_text(c, 297, 30, "หน้า 1",
                                                         size=12, align="center"))

API (see each module for details):
    register_fonts() -> str                      fonts.py: Sarabun family, idempotent
    font_name(bold=False, italic=False) -> str   fonts.py: "Sarabun", "Sarabun-Bold", ...
    make_styles(base_size=16) -> dict            styles.py: body, body_justified, title, ...
    canvas_kwargs() -> dict                      styles.py: embedded initial font
    ThaiParagraph(markup, style)                 flowables.py: the Thai paragraph flowable
    thai_paragraph(text, style)                  flowables.py: same, for plain text
    escape(text) -> str                          flowables.py: escape user text for markup
    table_cell(text, style=None, align=None)     styles.py: a Thai table cell
    thai_table_style(...) / thai_table(rows, ...) styles.py: Thai tables
    draw_text(canvas, x, y, text, font="Sarabun", size=16, align="left", color=None) -> float
                                                 render.py: one shaped line on a canvas
    text_width(text, font="Sarabun", size=16) -> float
                                                 width in points of a shaped line
    shape(text, font_name) -> Shaped             shaping.py: cached HarfBuzz shaping
"""

from __future__ import annotations

import re

from ita_desktop.exporters.pdf.flowables import ThaiParagraph, escape, thai_paragraph
from ita_desktop.exporters.pdf.fonts import FAMILY, font_name, register_fonts
from ita_desktop.exporters.pdf.render import draw_text
from ita_desktop.exporters.pdf.shaping import shape
from ita_desktop.exporters.pdf.shaping import text_width as _run_width
from ita_desktop.exporters.pdf.styles import (
    canvas_kwargs,
    make_styles,
    table_cell,
    thai_table,
    thai_table_style,
)

__all__ = [
    "FAMILY",
    "ThaiParagraph",
    "canvas_kwargs",
    "draw_text",
    "escape",
    "font_name",
    "make_styles",
    "register_fonts",
    "shape",
    "table_cell",
    "text_width",
    "thai_paragraph",
    "thai_table",
    "thai_table_style",
]

_SPACES = re.compile(r"(\s+)")


def text_width(text: str, font: str = FAMILY, size: float = 16) -> float:
    """Width in points of `text` as draw_text would draw it."""
    register_fonts()
    return sum(_run_width(" " if p.isspace() else p, font, size) for p in _SPACES.split(text) if p)
