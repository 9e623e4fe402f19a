"""Printing the previewed pages: what the print dialog chose (range, order, copies), each page
in its own orientation at the printer's resolution, checked on a QPrinter writing a PDF file."""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium
import pytest
from PySide6.QtGui import QPageRanges
from PySide6.QtPrintSupport import QPrinter

from ita_desktop_ui.widgets import pdf_printing
from ita_desktop_ui.widgets.pdf_pages import PdfPages
from ita_desktop_ui.widgets.pdf_printing import PrintFailed, chosen_pages, print_pages
from ita_desktop_ui.widgets.print_job import print_now

from .pdf_samples import sample_pdf


def pdf_printer(path: Path, dpi: int = 150) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    printer.setResolution(dpi)
    return printer


def read_back(path: Path) -> list[tuple[int, int, tuple[int, int, int]]]:
    """(width, height in points, colour inside the sample's black block) of each page."""
    document = pdfium.PdfDocument(path.read_bytes())
    try:
        out = []
        for page in document:
            width, height = page.get_size()
            image = page.render(scale=1.0).to_pil().convert("RGB")
            out.append((round(width), round(height), image.getpixel((150, 100))))
        return out
    finally:
        document.close()


@pytest.fixture
def pages():
    pages = PdfPages(sample_pdf())
    yield pages
    pages.close()


def test_every_page_printed_in_its_own_orientation(qapp, pages, tmp_path: Path) -> None:
    out = tmp_path / "printed.pdf"
    printer = pdf_printer(out)
    print_pages(pages, printer, chosen_pages(printer, len(pages), current=0))
    black = (0, 0, 0)
    assert read_back(out) == [(595, 842, black), (595, 842, black), (842, 595, black)]


def test_pages_render_at_the_printer_resolution(qapp, pages, tmp_path, monkeypatch) -> None:
    scales: list[float] = []
    image = pages.image

    def recording(index, scale, **kwargs):
        scales.append(scale)
        return image(index, scale, **kwargs)

    monkeypatch.setattr(pages, "image", recording)
    print_pages(pages, pdf_printer(tmp_path / "a.pdf", dpi=300), [0])
    assert scales and all(abs(s - 300 / 72) < 0.01 for s in scales)
    scales.clear()
    print_pages(pages, pdf_printer(tmp_path / "b.pdf", dpi=1200), [0])
    assert scales and all(abs(s - pdf_printing.MAX_DPI / 72) < 0.01 for s in scales)
    assert len(scales) == 7  # 842 pt at 600 dpi = 7017 rows, in bands of 1024


def test_range_current_page_reverse_and_copies(qapp, tmp_path: Path) -> None:
    printer = pdf_printer(tmp_path / "x.pdf")
    assert not printer.supportsMultipleCopies()  # a PDF file: the copies are ours to make
    assert chosen_pages(printer, 3, current=1) == [0, 1, 2]
    printer.setPrintRange(QPrinter.PrintRange.CurrentPage)
    assert chosen_pages(printer, 3, current=1) == [1]
    ranges = QPageRanges()
    ranges.addRange(2, 3)
    ranges.addPage(9)  # beyond the document: ignored
    printer.setPageRanges(ranges)
    printer.setPrintRange(QPrinter.PrintRange.PageRange)
    assert chosen_pages(printer, 3, current=0) == [1, 2]
    printer.setPageOrder(QPrinter.PageOrder.LastPageFirst)
    printer.setCopyCount(2)
    assert chosen_pages(printer, 3, current=0) == [2, 1, 2, 1]


def test_grey_printing(qapp, pages, tmp_path: Path) -> None:
    out = tmp_path / "grey.pdf"
    printer = pdf_printer(out)
    printer.setColorMode(QPrinter.ColorMode.GrayScale)
    print_pages(pages, printer, [0])
    assert read_back(out) == [(595, 842, (0, 0, 0))]


def test_stopping_aborts_the_job(qapp, pages, tmp_path: Path) -> None:
    printer = pdf_printer(tmp_path / "stopped.pdf")
    told: list[int] = []
    with pytest.raises(PrintFailed):
        print_pages(pages, printer, [0, 1, 2], lambda n: told.append(n) or n < 2)
    assert told == [1, 2]


def test_print_now_says_what_it_did_in_thai(qtbot, pages, tmp_path: Path) -> None:
    from PySide6.QtWidgets import QWidget

    parent = QWidget()
    qtbot.addWidget(parent)
    out = tmp_path / "พิมพ์.pdf"
    text = print_now(parent, pages, pdf_printer(out), [0, 2])
    assert text == f"พิมพ์ลงไฟล์ {out} แล้ว (2 หน้า)"
    assert [(w, h) for w, h, _ in read_back(out)] == [(595, 842), (842, 595)]


def test_a_printer_that_cannot_start_is_told_in_thai(
    qtbot, pages, tmp_path: Path, message_boxes
) -> None:
    from PySide6.QtWidgets import QWidget

    parent = QWidget()
    qtbot.addWidget(parent)
    out = tmp_path / "missing-folder" / "x.pdf"  # the PDF engine cannot open it
    text = print_now(parent, pages, pdf_printer(out), [0])
    assert text.startswith("พิมพ์ไม่สำเร็จ") and message_boxes[-1] == text
