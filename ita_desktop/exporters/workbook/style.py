"""The workbook's look and print setup: Sarabun 16 pt, boxed tables, A4 fitted to the page's
width, the header rows repeated, and row heights estimated from the text they must show."""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence

from openpyxl import Workbook
from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment, Border, Font, NamedStyle, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.page import PageMargins
from openpyxl.worksheet.worksheet import Worksheet

from ita_desktop.documents.workbook_layout import HEADER_ROW
from ita_desktop.thai.segmentation import split_words

FONT_NAME = "Sarabun"  # shipped with the app (resources/fonts), as in the PDF documents
FONT_SIZE = 16  # official documents' size
BODY = Font(name=FONT_NAME, size=FONT_SIZE)
BOLD = Font(name=FONT_NAME, size=FONT_SIZE, bold=True)
TITLE = Font(name=FONT_NAME, size=FONT_SIZE + 2, bold=True)
HEADER_FILL = PatternFill("solid", fgColor="DCE6F1")
INPUT_FILL = PatternFill("solid", fgColor="FFF9E5")  # cells the import reads back
THIN = Side(style="thin", color="808080")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
WRAP = Alignment(wrap_text=True, vertical="top")
CENTRE = Alignment(wrap_text=True, vertical="top", horizontal="center")
SCORE_FORMAT = "0.00"
# (name, shaded as a cell the import reads, a number: True; centred text: None)
STYLES = (
    ("ita-text", False, False),
    ("ita-code", False, None),  # short text centred like the numbers beside it (IIT, a year)
    ("ita-input", True, False),
    ("ita-number", False, True),
    ("ita-number-input", True, True),
)

# Row heights: a column of width w (Excel's unit, the width of a digit of the default font)
# holds about w / CHAR_WIDTH Thai or Latin letters of Sarabun 16 pt; each line takes
# LINE_HEIGHT points. Tone marks and vowels below take no width (calibrated in LibreOffice).
CHAR_WIDTH = 1.25
LINE_HEIGHT = 20.5
ROW_PADDING = 4.0
TITLE_HEIGHT = 30.0
MAX_ROW_HEIGHT = 409.0  # Excel's limit: a taller row is cut to it
MIN_FONT_SIZE = 11  # the smallest a row's font is made to keep its text under that limit
# Printing fitted to the page's width: LibreOffice prints a width unit as about 7 pt at 100 %,
# so these many units of shown columns print 16 pt text at no less than about 10.5 pt on A4
# (printable 770 pt landscape, 523 pt portrait, margins 0.5 in): 10.7 and 10.3 pt.
LANDSCAPE_WIDTH = 165.0
PORTRAIT_WIDTH = 116.0
NARROW_COLUMN = 13.0  # a column this narrow (a number, a code, a score) is never narrowed


def _letters(text: str) -> int:
    return sum(1 for ch in text if not unicodedata.combining(ch) and ch != "\u0e33")


def text_lines(text: str, width: float) -> int:
    """How many lines `text` takes wrapped at word boundaries in a column `width` wide."""
    per_line = max(1.0, (width - 1) / CHAR_WIDTH)
    lines = 0
    for paragraph in text.split("\n"):
        lines += 1
        used = 0.0
        for word in split_words(paragraph):
            size = float(_letters(word))
            if word.isspace():
                used += size
                continue
            if used and used + size > per_line:
                lines, used = lines + 1, 0.0
            while size > per_line:  # a word longer than a line is cut where the line ends
                lines, size = lines + 1, size - per_line
            used += size
    return lines


def fit_rows(
    ws: Worksheet, first: int, last: int, shown: dict[tuple[int, int], str] | None = None
) -> None:
    """Set each row's height from its tallest wrapped cell (LibreOffice does not grow rows of a
    file it opens, and Excel only when told to); `shown`: what formula cells will show."""
    shown = shown or {}
    widths = {
        col: ws.column_dimensions[get_column_letter(col)].width or 8.43
        for col in range(1, ws.max_column + 1)
    }
    merged = {
        (r.min_row, r.min_col): sum(widths[c] for c in range(r.min_col, r.max_col + 1))
        for r in ws.merged_cells.ranges
    }
    for row in range(first, last + 1):
        texts = []
        for cell in ws[row]:
            text = shown.get((row, cell.column))
            if text is None and cell.value is not None and cell.data_type != "f":
                text = str(cell.value)
            if text is None or ws.column_dimensions[cell.column_letter].hidden:
                continue
            texts.append((cell, text, merged.get((row, cell.column), widths[cell.column])))
        ws.row_dimensions[row].height = _fitted_height(texts)


def _fitted_height(texts: list[tuple[Cell, str, float]]) -> float:
    """The row's height for its tallest text at 16 pt; a row that would pass Excel's limit
    gets a smaller font (down to MIN_FONT_SIZE), so all its text still shows."""
    for size in range(FONT_SIZE, MIN_FONT_SIZE - 1, -1):
        scale = size / FONT_SIZE
        lines = max([1, *(text_lines(text, width / scale) for _, text, width in texts)])
        height = lines * LINE_HEIGHT * scale + ROW_PADDING
        if height <= MAX_ROW_HEIGHT:
            if size < FONT_SIZE:
                for cell, _, _ in texts:
                    cell.font = Font(name=FONT_NAME, size=size, bold=cell.font.b)
            return round(height * 2) / 2
    return MAX_ROW_HEIGHT  # text this long is cut even at the smallest size


def row_height(lines: int) -> float:
    """The height of a row of `lines` lines, never above Excel's limit."""
    return min(lines * LINE_HEIGHT + ROW_PADDING, MAX_ROW_HEIGHT)


def lines_per_row() -> int:
    """The most lines one row can show."""
    return int((MAX_ROW_HEIGHT - ROW_PADDING) // LINE_HEIGHT)


def fit_width(ws: Worksheet, budget: float) -> None:
    """Narrow the shown columns in proportion when they are wider than `budget` units, so the
    sheet printed fitted to the page's width keeps its text readable (half units)."""
    shown = [d for d in ws.column_dimensions.values() if not d.hidden and d.width]
    total = sum(d.width for d in shown)
    if total <= budget:
        return
    narrow = sum(d.width for d in shown if d.width <= NARROW_COLUMN)  # numbers, codes: kept
    for d in shown:
        if d.width > NARROW_COLUMN:
            d.width = max(
                NARROW_COLUMN, int(d.width * (budget - narrow) / (total - narrow) * 2) / 2
            )


def title(ws: Worksheet, text: str, columns: int) -> None:
    cell = put(ws, 1, 1, text)
    cell.font, cell.alignment = TITLE, Alignment(wrap_text=True, vertical="top")
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=columns)


def put(ws: Worksheet, row: int, col: int, value: object) -> Cell:
    """A cell holding `value` as data: text is always a string, never a live formula, whatever
    its first character ("=HYPERLINK(...)", a DDE payload, "@", "+", "-")."""
    cell = ws.cell(row, col, value)
    if isinstance(value, str):
        cell.data_type = "s"
    return cell


def formula(ws: Worksheet, row: int, col: int, text: str) -> Cell:
    """A cell computed by `text` (our own formula, never user text)."""
    cell = ws.cell(row, col, text)
    cell.data_type = "f"
    return cell


def header(ws: Worksheet, row: int, titles: Sequence[str], widths: Sequence[float]) -> None:
    for col, (text, width) in enumerate(zip(titles, widths, strict=True), start=1):
        cell = put(ws, row, col, text)
        cell.font, cell.fill, cell.border, cell.alignment = BOLD, HEADER_FILL, BOX, CENTRE
        ws.column_dimensions[get_column_letter(col)].width = width


def register_styles(wb: Workbook) -> None:
    """The cell styles of the tables, registered once: assigning a style by name is many
    times faster than setting font, border and alignment on each cell."""
    for name, fill, number in STYLES:
        centred = number is None or number
        style = NamedStyle(name, font=BODY, border=BOX, alignment=CENTRE if centred else WRAP)
        if fill:
            style.fill = INPUT_FILL
        if number:
            style.number_format = SCORE_FORMAT
        wb.add_named_style(style)


def body(cell: Cell, editable: bool = False, number: bool = False) -> Cell:
    """A table cell: boxed Sarabun 16, numbers centred with 2 decimals, input cells shaded; a
    text in a column of numbers (a tool's code) is centred without a number format."""
    kind: bool | None = None if number and cell.data_type == "s" and not editable else number
    cell.style = next(name for name, fill, num in STYLES if fill == editable and num is kind)
    return cell


def label(ws: Worksheet, row: int, col: int, text: str) -> Cell:
    cell = put(ws, row, col, text)
    cell.font, cell.alignment = BOLD, WRAP
    return cell


def print_setup(ws: Worksheet, landscape: bool, header_text: str) -> None:
    """A4, fitted to one page wide and as many pages tall as the sheet needs (fitting the
    height too would print long sheets in tiny letters), the table's header row repeated on
    every page."""
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape" if landscape else "portrait"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_margins = PageMargins(left=0.5, right=0.5, top=0.6, bottom=0.6, header=0.3, footer=0.3)
    ws.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
    ws.print_options.horizontalCentered = True
    ws.oddHeader.center.text = header_text
    ws.oddHeader.center.size = FONT_SIZE  # fitted to the width like the cells: about 10.5 pt
    ws.oddFooter.center.text = "หน้า &P / &N"
    ws.oddFooter.center.size = FONT_SIZE
    ws.freeze_panes = ws.cell(HEADER_ROW + 1, 1)
