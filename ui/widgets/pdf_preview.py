"""The in-app preview of an exported PDF: its pages one under another, rendered by PDFium as
they are printed, with page navigation and zoom (fit width, whole page, fixed sizes)."""

from __future__ import annotations

from collections import OrderedDict

from PySide6.QtCore import QCoreApplication, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QImage, QPainter, QPaintEvent, QResizeEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSpinBox,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from .pdf_pages import PdfPages

GAP = 12  # pixels around and between pages
AUTO, FIT_WIDTH, FIT_PAGE = "auto", "width", "page"
ZOOMS: tuple[tuple[str, str | float], ...] = (
    ("อัตโนมัติ", AUTO),  # actual size, smaller when the width is narrower
    ("พอดีความกว้าง", FIT_WIDTH),
    ("พอดีทั้งหน้า", FIT_PAGE),
    ("50%", 0.5),
    ("75%", 0.75),
    ("100%", 1.0),
    ("125%", 1.25),
    ("150%", 1.5),
    ("200%", 2.0),
)
CACHED_PAGES = 12  # rendered pages kept; a page at 150 % is about 5 MB


class _PageColumn(QWidget):
    """Paints the pages at `zoom` (pixels per point), rendering only the ones in view."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pages: PdfPages | None = None
        self.zoom = 1.0
        self._tops: list[int] = []
        self._cache: OrderedDict[tuple[int, float], QImage] = OrderedDict()
        self.setAutoFillBackground(False)

    def set_pages(self, pages: PdfPages | None, zoom: float) -> None:
        self.pages = pages
        self._cache.clear()
        self.set_zoom(zoom)

    def set_zoom(self, zoom: float) -> None:
        self.zoom = zoom
        self._tops, y, width = [], GAP, 0
        for i in range(len(self.pages or ())):
            size = self.page_size(i)
            self._tops.append(y)
            y += size.height() + GAP
            width = max(width, size.width())
        self.setFixedSize(width + 2 * GAP, y if self._tops else 0)
        self.update()

    def page_size(self, index: int) -> QSize:
        assert self.pages is not None
        size = self.pages.size(index)
        return QSize(round(size.width() * self.zoom), round(size.height() * self.zoom))

    def page_rect(self, index: int) -> QRect:
        size = self.page_size(index)
        return QRect((self.width() - size.width()) // 2, self._tops[index], *size.toTuple())

    def page_at(self, y: int) -> int:
        """The page shown at height `y` (the last one starting above it)."""
        index = 0
        for i, top in enumerate(self._tops):
            if top - GAP <= y:
                index = i
        return index

    def _image(self, index: int) -> QImage:
        assert self.pages is not None
        ratio = self.devicePixelRatioF()
        key = (index, self.zoom * ratio)
        image = self._cache.get(key)
        if image is None:
            image = self.pages.image(index, self.zoom * ratio)
            image.setDevicePixelRatio(ratio)
            self._cache[key] = image
            while len(self._cache) > CACHED_PAGES:
                self._cache.popitem(last=False)
        else:
            self._cache.move_to_end(key)
        return image

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(event.rect(), QColor("#8a8d91"))
        for i in range(len(self._tops)):
            rect = self.page_rect(i)
            if rect.intersects(event.rect()):
                painter.fillRect(rect.translated(2, 2), QColor(0, 0, 0, 60))  # a thin shadow
                painter.drawImage(rect, self._image(i))
        painter.end()


class PdfPreview(QWidget):
    """Shows a PdfPages (or a message instead); `current_page` follows the scrolling."""

    current_changed = Signal(int)  # 0-based

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.previous_button = QToolButton()
        self.previous_button.setText("◀")
        self.previous_button.setToolTip("หน้าก่อนหน้า")
        self.next_button = QToolButton()
        self.next_button.setText("▶")
        self.next_button.setToolTip("หน้าถัดไป")
        self.page_spin = QSpinBox()
        self.page_spin.setPrefix("หน้า ")
        self.page_spin.setAccessibleName("หน้าที่แสดง")
        self.page_spin.setKeyboardTracking(False)
        self.count_label = QLabel()
        self.zoom_combo = QComboBox()
        for text, zoom in ZOOMS:
            self.zoom_combo.addItem(text, zoom)
        self.zoom_combo.setToolTip("ขนาดที่แสดง (ไม่มีผลต่อไฟล์และการพิมพ์)")
        self.navigation = QWidget()  # hidden while a message shows instead of pages
        bar = QHBoxLayout(self.navigation)
        bar.setContentsMargins(0, 0, 0, 0)
        for w in (self.previous_button, self.page_spin, self.count_label, self.next_button):
            bar.addWidget(w)
        bar.addStretch(1)
        bar.addWidget(QLabel("ขนาด"))
        bar.addWidget(self.zoom_combo)

        self.column = _PageColumn()
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidget(self.column)
        self.scroll_area.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.scroll_area.setVerticalScrollBarPolicy(
            Qt.ScrollBarPolicy.ScrollBarAlwaysOn
        )  # fit width stays
        self.scroll_area.setAccessibleName("ตัวอย่างเอกสาร")
        self.scroll_area.setStyleSheet("QScrollArea { background: #8a8d91; }")
        self.message = QLabel()
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setWordWrap(True)
        self.message.setMargin(24)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.message)
        self.stack.addWidget(self.scroll_area)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.navigation)
        layout.addWidget(self.stack, 1)

        self.previous_button.clicked.connect(lambda: self.go_to(self.current_page() - 1))
        self.next_button.clicked.connect(lambda: self.go_to(self.current_page() + 1))
        self.page_spin.valueChanged.connect(lambda n: self.go_to(n - 1))
        self.zoom_combo.currentIndexChanged.connect(lambda _i: self._apply_zoom())
        self.scroll_area.verticalScrollBar().valueChanged.connect(lambda _v: self._scrolled())
        self._current = 0
        self._shown: list[PdfPages] = []  # outlives the widget: closed when it is destroyed
        shown = self._shown

        def close_shown(*_args: object) -> None:
            for pages in shown:
                pages.close()

        self.destroyed.connect(close_shown)
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(close_shown)
        self.show_message("")

    # what is shown -------------------------------------------------------------------------
    @property
    def pages(self) -> PdfPages | None:
        return self.column.pages

    def set_pages(self, pages: PdfPages | None) -> None:
        """Show these pages (keeping the page in view where it still exists)."""
        old = self.column.pages
        keep = self._current
        self.column.set_pages(pages, self._zoom())
        if old is not None and old is not pages:
            old.close()
        self._shown[:] = [pages] if pages is not None else []
        count = len(pages or ())
        self.page_spin.setRange(1, max(1, count))
        self.count_label.setText(f"จาก {count}")
        self.navigation.setVisible(count > 0)
        self.stack.setCurrentWidget(self.scroll_area if count else self.message)
        self._current = -1
        self.go_to(min(keep, count - 1) if count else 0)

    def show_message(self, text: str) -> None:
        """A message instead of pages (why there is no preview, or that one is being made)."""
        self.message.setText(text)
        self.set_pages(None)

    def current_page(self) -> int:
        return self._current

    def go_to(self, index: int) -> None:
        count = len(self.column.pages or ())
        if not count:
            self._set_current(0)
            return
        index = max(0, min(index, count - 1))
        self.scroll_area.verticalScrollBar().setValue(self.column.page_rect(index).top() - GAP)
        self._set_current(index)

    # zoom and scrolling -----------------------------------------------------------------------
    def _zoom(self) -> float:
        choice = self.zoom_combo.currentData()
        pages = self.column.pages
        actual = self.logicalDpiX() / 72
        if isinstance(choice, float):
            return choice * actual
        if not pages:
            return 1.0
        widest = max(pages.size(i).width() for i in range(len(pages)))
        viewport = self.scroll_area.viewport().size()
        by_width = (viewport.width() - 2 * GAP) / widest
        if choice in (FIT_WIDTH, AUTO):
            return max(0.1, min(by_width, actual) if choice == AUTO else by_width)
        tallest = max(pages.size(i).height() for i in range(len(pages)))
        return max(0.1, min(by_width, (viewport.height() - 2 * GAP) / tallest))

    def _apply_zoom(self) -> None:
        page = self._current
        self.column.set_zoom(self._zoom())
        if self.column.pages:
            self.go_to(page)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if not isinstance(self.zoom_combo.currentData(), float):
            self._apply_zoom()

    def _scrolled(self) -> None:
        if self.column.pages:
            y = (
                self.scroll_area.verticalScrollBar().value()
                + self.scroll_area.viewport().height() // 3
            )
            self._set_current(self.column.page_at(y))

    def _set_current(self, index: int) -> None:
        if index == self._current:
            return
        self._current = index
        self.page_spin.blockSignals(True)
        self.page_spin.setValue(index + 1)
        self.page_spin.blockSignals(False)
        count = len(self.column.pages or ())
        self.previous_button.setEnabled(index > 0)
        self.next_button.setEnabled(index < count - 1)
        self.current_changed.emit(index)
