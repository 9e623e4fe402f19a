"""Ready-made Thai paragraph and table styles, and helpers for Thai table cells.

Public API:
    make_styles(base_size=16) -> dict[str, ParagraphStyle]
        Keys: "body", "body_justified", "body_indent" (justified, Thai first-line indent),
        "body_center", "title", "heading1", "heading2",
        "heading3", "table_cell", "table_cell_center", "table_cell_right", "table_header",
        "small", "caption". All use the Sarabun family; use them with ThaiParagraph /
        thai_paragraph (or table_cell); plain reportlab Paragraph does not shape Thai.
    table_cell(text, style=None, align=None) -> ThaiParagraph
        A table cell from plain text (escaped); align "left" | "center" | "right" | "justify".
    thai_table_style(header_rows=1, grid=True, font_size=14, extra=()) -> TableStyle
        Grid, padding, top alignment, shaded header rows, Sarabun for any plain-string cells.
    thai_table(rows, col_widths=None, header_rows=1, styles=None, extra_style=(),
               repeat_header=True) -> Table
        A Table whose str cells become wrapped, shaped Thai paragraphs (header rows bold).
    canvas_kwargs() -> dict
        Keyword arguments for Canvas / SimpleDocTemplate so the PDF uses only embedded fonts
        (ReportLab's default initial font is an unembedded Helvetica).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Table, TableStyle

from ita_desktop.exporters.pdf.flowables import ThaiParagraph, thai_paragraph
from ita_desktop.exporters.pdf.fonts import FAMILY, font_name, register_fonts

LEADING = 1.45  # line height as a multiple of the font size: room for stacked Thai marks
# space after a body paragraph, in font sizes: with LEADING it keeps consecutive paragraphs
# more than 2.2 font sizes apart, so line checkers do not read them as one wrapped paragraph
PARAGRAPH_GAP = 0.8
_ALIGN = {
    "left": TA_LEFT,
    "center": TA_CENTER,
    "centre": TA_CENTER,
    "right": TA_RIGHT,
    "justify": TA_JUSTIFY,
}
_DEFAULT: dict[str, ParagraphStyle] = {}


def _style(
    name: str,
    size: float,
    bold: bool = False,
    align: int = TA_LEFT,
    before: float = 0.0,
    after: float = 0.0,
    **kw: Any,
) -> ParagraphStyle:
    return ParagraphStyle(
        name,
        fontName=font_name(bold),
        fontSize=size,
        leading=round(size * LEADING, 2),
        alignment=align,
        spaceBefore=before,
        spaceAfter=after,
        textColor=colors.black,
        **kw,
    )


def make_styles(base_size: float = 16) -> dict[str, ParagraphStyle]:
    """Paragraph styles for Thai reports, scaled from the body size `base_size`."""
    register_fonts()
    b = float(base_size)
    small = round(b * 0.8, 1)
    cell = round(b * 0.875, 1)
    return {
        "body": _style("body", b, after=b * PARAGRAPH_GAP),
        "body_justified": _style("body_justified", b, align=TA_JUSTIFY, after=b * PARAGRAPH_GAP),
        "body_indent": _style(
            "body_indent", b, align=TA_JUSTIFY, after=b * PARAGRAPH_GAP, firstLineIndent=b * 2.25
        ),
        "body_center": _style("body_center", b, align=TA_CENTER, after=b * PARAGRAPH_GAP),
        "title": _style(
            "title", b * 1.5, bold=True, align=TA_CENTER, after=b * 0.8, keepWithNext=1
        ),
        "heading1": _style(
            "heading1", b * 1.25, bold=True, before=b * 0.8, after=b * 0.4, keepWithNext=1
        ),
        "heading2": _style(
            "heading2", b * 1.125, bold=True, before=b * 0.6, after=b * 0.3, keepWithNext=1
        ),
        "heading3": _style("heading3", b, bold=True, before=b * 0.4, after=b * 0.2, keepWithNext=1),
        "table_cell": _style("table_cell", cell),
        "table_cell_center": _style("table_cell_center", cell, align=TA_CENTER),
        "table_cell_right": _style("table_cell_right", cell, align=TA_RIGHT),
        "table_header": _style("table_header", cell, bold=True, align=TA_CENTER),
        "small": _style("small", small),
        "caption": _style("caption", small, align=TA_CENTER, after=small * PARAGRAPH_GAP),
    }


def _defaults() -> dict[str, ParagraphStyle]:
    if not _DEFAULT:
        _DEFAULT.update(make_styles())
    return _DEFAULT


def table_cell(
    text: str, style: ParagraphStyle | None = None, align: str | None = None
) -> ThaiParagraph:
    """A wrapped, shaped table cell from plain text."""
    style = style or _defaults()["table_cell"]
    if align is not None:
        style = ParagraphStyle(f"{style.name}_{align}", parent=style, alignment=_ALIGN[align])
    return thai_paragraph(text, style)


def thai_table_style(
    header_rows: int = 1, grid: bool = True, font_size: float = 14, extra: Sequence[tuple] = ()
) -> TableStyle:
    """A TableStyle for Thai tables (cells should be ThaiParagraph / table_cell flowables)."""
    register_fonts()
    cmds: list[tuple] = [
        ("FONTNAME", (0, 0), (-1, -1), font_name()),
        ("FONTSIZE", (0, 0), (-1, -1), font_size),
        ("LEADING", (0, 0), (-1, -1), round(font_size * LEADING, 2)),
        ("SHAPING", (0, 0), (-1, -1), 1),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
        # rows of one-line cells stay > 2.2 font sizes apart (see PARAGRAPH_GAP)
        ("TOPPADDING", (0, 0), (-1, -1), round(font_size * 0.3, 1)),
        ("BOTTOMPADDING", (0, 0), (-1, -1), round(font_size * 0.5, 1)),
    ]
    if grid:
        cmds.append(("GRID", (0, 0), (-1, -1), 0.5, colors.HexColor("#7f7f7f")))
    if header_rows:
        cmds += [
            ("BACKGROUND", (0, 0), (-1, header_rows - 1), colors.HexColor("#e6e6e6")),
            ("FONTNAME", (0, 0), (-1, header_rows - 1), font_name(bold=True)),
            ("VALIGN", (0, 0), (-1, header_rows - 1), "MIDDLE"),
        ]
    cmds.extend(extra)
    return TableStyle(cmds)


def thai_table(
    rows: Sequence[Sequence[Any]],
    col_widths: Sequence[float] | None = None,
    header_rows: int = 1,
    styles: dict[str, ParagraphStyle] | None = None,
    extra_style: Sequence[tuple] = (),
    repeat_header: bool = True,
) -> Table:
    """A Table with str cells turned into Thai paragraphs; other cells are kept as given."""
    st = styles or _defaults()
    data = []
    for r, row in enumerate(rows):
        pstyle = st["table_header"] if r < header_rows else st["table_cell"]
        data.append([thai_paragraph(c, pstyle) if isinstance(c, str) else c for c in row])
    table = Table(data, colWidths=col_widths, repeatRows=header_rows if repeat_header else 0)
    table.setStyle(
        thai_table_style(header_rows, font_size=st["table_cell"].fontSize, extra=extra_style)
    )
    return table


def canvas_kwargs() -> dict[str, Any]:
    """Canvas/DocTemplate options: start on an embedded Thai font instead of Helvetica.

    Also turns off ReportLab's ASCII85 wrapping of compressed streams (rl_config.useA85):
    it only makes files bigger, and without ReportLab's C accelerator it costs about a tenth
    of the build time of a long document."""
    register_fonts()
    rl_config.useA85 = 0
    return {"initialFontName": FAMILY, "initialFontSize": 12, "initialLeading": 12 * LEADING}
