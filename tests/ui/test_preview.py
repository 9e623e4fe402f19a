"""The PDF preview: pages rendered by PDFium as the file holds them, navigation and zoom."""

from __future__ import annotations

import pypdfium2 as pdfium
import pytest
from PySide6.QtGui import QColor

from ita_desktop_ui.widgets.pdf_pages import PdfPages, UnreadablePdf
from ita_desktop_ui.widgets.pdf_preview import PdfPreview

from .pdf_samples import PAGE_SIZES, sample_pdf


def test_pages_render_as_pdfium_renders_the_file() -> None:
    data = sample_pdf()
    pages = PdfPages(data)
    assert len(pages) == 3
    assert [(round(pages.size(i).width()), round(pages.size(i).height())) for i in range(3)] == [
        (round(w), round(h)) for w, h in PAGE_SIZES
    ]
    image = pages.image(2, 1.0)
    document = pdfium.PdfDocument(data)
    reference = document[2].render(scale=1.0, rev_byteorder=True).to_pil()
    document.close()
    assert (image.width(), image.height()) == reference.size == (842, 596)  # landscape, 1:1
    for x, y in ((100, 50), (150, 100), (400, 300), (80, 560)):
        assert QColor(image.pixel(x, y)).getRgb()[:3] == reference.getpixel((x, y))
    assert QColor(image.pixel(150, 100)).getRgb()[:3] == (0, 0, 0)  # inside the block
    pages.close()


def test_a_band_is_the_same_pixels_as_the_whole_page() -> None:
    pages = PdfPages(sample_pdf())
    whole = pages.image(0, 2.0)
    band = pages.image(0, 2.0, top=60, height=40)
    pages.close()
    assert (band.width(), band.height()) == (whole.width(), 80)
    assert band == whole.copy(0, 120, whole.width(), 80)


def test_grey_pages_for_a_grey_printer() -> None:
    pages = PdfPages(sample_pdf())
    image = pages.image(0, 0.5, grayscale=True)
    pages.close()
    assert image.isGrayscale()


def test_not_a_pdf_is_refused() -> None:
    with pytest.raises(UnreadablePdf):
        PdfPages(b"%PDF-1.7 not really")


@pytest.fixture
def preview(qtbot) -> PdfPreview:
    widget = PdfPreview()
    qtbot.addWidget(widget)
    widget.resize(900, 700)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def test_preview_shows_pages_and_navigates(preview: PdfPreview, qtbot) -> None:
    preview.show_message("กำลังจัดหน้า")
    assert preview.stack.currentWidget() is preview.message
    assert not preview.next_button.isEnabled()
    preview.set_pages(PdfPages(sample_pdf()))
    assert preview.stack.currentWidget() is preview.scroll_area
    assert preview.count_label.text() == "จาก 3" and preview.current_page() == 0
    assert not preview.previous_button.isEnabled() and preview.next_button.isEnabled()
    seen: list[int] = []
    preview.current_changed.connect(seen.append)
    preview.next_button.click()
    assert preview.current_page() == 1 and preview.page_spin.value() == 2
    preview.page_spin.setValue(3)
    assert preview.current_page() == 2 and not preview.next_button.isEnabled()
    assert seen == [1, 2]
    bar = preview.scroll_area.verticalScrollBar()
    bar.setValue(0)
    assert preview.current_page() == 0  # scrolling moves the page number too


def test_zoom_fits_the_width_or_the_whole_page(preview: PdfPreview) -> None:
    preview.set_pages(PdfPages(sample_pdf()))
    viewport = preview.scroll_area.viewport()
    preview.zoom_combo.setCurrentIndex(preview.zoom_combo.findData("width"))
    widest = preview.column.page_rect(2)  # the landscape page is the widest
    assert abs(widest.width() - (viewport.width() - 24)) <= 2
    preview.zoom_combo.setCurrentIndex(preview.zoom_combo.findData("page"))
    for i in range(3):
        rect = preview.column.page_rect(i)
        assert rect.height() <= viewport.height() - 24 + 1 and rect.width() <= viewport.width()
    preview.zoom_combo.setCurrentIndex(preview.zoom_combo.findData(1.0))
    actual = preview.logicalDpiX() / 72
    assert abs(preview.column.page_rect(0).width() - 595 * actual) <= 1


def test_the_page_in_view_is_painted(preview: PdfPreview, qtbot) -> None:
    preview.set_pages(PdfPages(sample_pdf()))
    preview.zoom_combo.setCurrentIndex(preview.zoom_combo.findData("page"))
    shot = preview.column.grab().toImage()
    rect = preview.column.page_rect(0)
    zoom = rect.width() / 595.0
    inside = (rect.left() + round(100 * zoom), rect.top() + round(100 * zoom))
    assert QColor(shot.pixel(*inside)).getRgb()[:3] == (0, 0, 0)
    assert QColor(shot.pixel(rect.right() - 5, rect.bottom() - 5)).getRgb()[:3] == (
        255,
        255,
        255,
    )


def test_a_new_preview_keeps_the_page_in_view(preview: PdfPreview) -> None:
    preview.set_pages(PdfPages(sample_pdf("first")))
    preview.go_to(2)
    preview.set_pages(PdfPages(sample_pdf("second")))
    assert preview.current_page() == 2
    bar = preview.scroll_area.verticalScrollBar()
    assert bar.value() == preview.column.page_rect(2).top() - 12 or bar.value() == bar.maximum()
    preview.show_message("ไฟล์ Excel ไม่มีตัวอย่าง")
    assert preview.pages is None and preview.navigation.isHidden()
