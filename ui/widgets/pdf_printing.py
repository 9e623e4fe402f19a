"""Print a PDF's pages on a QPrinter: each page rendered at the printer's resolution (at most
MAX_DPI, in bands), turned to the page's own orientation, scaled only if the paper differs;
copies, order, range and grey scale as chosen in the print dialog."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QRectF
from PySide6.QtGui import QPageLayout, QPainter
from PySide6.QtPrintSupport import QPrinter

from .pdf_pages import PdfPages

BAND_PIXELS = 1024  # rows rendered at a time: a 600-dpi A4 band is about 20 MB
MAX_DPI = 600  # finer adds nothing visible to text and is 15x slower (13 s a page at 1200 dpi)


class PrintFailed(RuntimeError):
    """The printer could not be started or the job was stopped."""


def chosen_pages(printer: QPrinter, count: int, current: int) -> list[int]:
    """The page indexes (0-based) the print dialog's choices name, in printing order, each
    repeated for the copies the printer does not make itself (collated)."""
    mode = printer.printRange()
    if mode == QPrinter.PrintRange.CurrentPage:
        pages = [current]
    elif mode == QPrinter.PrintRange.PageRange:
        ranges = printer.pageRanges().toRangeList()
        pages = [n - 1 for r in ranges for n in range(r.from_, r.to + 1) if 1 <= n <= count] or [
            n - 1 for n in range(max(1, printer.fromPage()), min(count, printer.toPage()) + 1)
        ]
    else:
        pages = list(range(count))
    if printer.pageOrder() == QPrinter.PageOrder.LastPageFirst:
        pages.reverse()
    copies = 1 if printer.supportsMultipleCopies() else max(1, printer.copyCount())
    return pages * copies


def print_pages(
    pages: PdfPages,
    printer: QPrinter,
    indexes: list[int],
    progress: Callable[[int], bool] | None = None,
) -> None:
    """Print `indexes`; `progress(n)` is told after each page and returns False to stop (the
    job is then aborted). Raises PrintFailed if the printer cannot start or was stopped."""
    printer.setFullPage(True)  # the PDF has its own margins
    grey = printer.colorMode() == QPrinter.ColorMode.GrayScale
    painter = QPainter()
    for n, index in enumerate(indexes):
        size = pages.size(index)
        printer.setPageOrientation(
            QPageLayout.Orientation.Landscape
            if size.width() > size.height()
            else QPageLayout.Orientation.Portrait
        )
        if n == 0:
            if not painter.begin(printer):
                raise PrintFailed("the printer could not be started")
        elif not printer.newPage():
            painter.end()
            raise PrintFailed("the printer refused a new page")
        _draw_page(painter, printer, pages, index, grey)
        if progress is not None and not progress(n + 1):
            printer.abort()
            painter.end()
            raise PrintFailed("stopped")
    painter.end()


def _draw_page(
    painter: QPainter, printer: QPrinter, pages: PdfPages, index: int, grey: bool
) -> None:
    size = pages.size(index)
    paper = printer.paperRect(QPrinter.Unit.DevicePixel)
    scale = min(paper.width() / size.width(), paper.height() / size.height())
    render_scale = scale * min(1.0, MAX_DPI / max(1, printer.resolution()))
    left = (paper.width() - size.width() * scale) / 2
    top = (paper.height() - size.height() * scale) / 2
    band = BAND_PIXELS / render_scale  # points per band
    y = 0.0
    while y < size.height():
        height = min(band, size.height() - y)
        image = pages.image(index, render_scale, top=y, height=height, grayscale=grey)
        target = QRectF(left, top + y * scale, size.width() * scale, height * scale)
        painter.drawImage(target, image)
        y += height
