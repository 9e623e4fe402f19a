"""A PDF's pages as QImages, rendered by PDFium (pypdfium2): for the preview and for printing.

The file is read into memory, so the PDF on disk can be replaced (or deleted) while it is shown.
All calls belong to the GUI thread (PDFium is not thread-safe)."""

from __future__ import annotations

import atexit
import weakref
from pathlib import Path

from PySide6.QtCore import QSizeF
from PySide6.QtGui import QImage


class UnreadablePdf(ValueError):
    """PDFium could not open the data as a PDF (or PDFium itself is missing)."""


RENDERER_MISSING = "ส่วนแสดงผล PDF ของโปรแกรมไม่ครบ กรุณาติดตั้งโปรแกรมใหม่"

# Documents still open at exit are closed by us, before PDFium's own exit sweep (registered
# earlier, so run later) would close them with a "still open" warning on stderr.
_open: weakref.WeakSet[PdfPages] = weakref.WeakSet()
_closing_at_exit: list[bool] = []


def _close_all() -> None:
    for pages in list(_open):
        pages.close()


class PdfPages:
    """The pages of one PDF; sizes in points (1/72 inch)."""

    def __init__(self, data: bytes) -> None:
        self._data = data  # PDFium reads from this buffer for as long as the document is open
        try:  # loaded with the first preview: the window starts without it (and works if absent)
            import pypdfium2 as pdfium  # type: ignore[import-untyped]  # no type information
        except ImportError as exc:  # a bundle without libpdfium: the preview says so, saving works
            raise UnreadablePdf(RENDERER_MISSING) from exc
        try:
            self._doc = pdfium.PdfDocument(data)
        except pdfium.PdfiumError as exc:
            raise UnreadablePdf(str(exc)) from exc
        _open.add(self)
        if not _closing_at_exit:
            atexit.register(_close_all)
            _closing_at_exit.append(True)
        self._sizes = [QSizeF(*self._doc[i].get_size()) for i in range(len(self._doc))]

    @classmethod
    def from_file(cls, path: Path) -> PdfPages:
        return cls(Path(path).read_bytes())

    @property
    def data(self) -> bytes:
        return self._data

    def __len__(self) -> int:
        return len(self._sizes)

    def size(self, index: int) -> QSizeF:
        return QSizeF(self._sizes[index])

    def image(
        self,
        index: int,
        scale: float,
        *,
        top: float = 0.0,
        height: float | None = None,
        grayscale: bool = False,
    ) -> QImage:
        """Page `index` at `scale` pixels per point; with `top`/`height` (points from the top)
        only that band of the page, so printing at 600-1200 dpi never holds a whole page."""
        size = self._sizes[index]
        bottom = 0.0 if height is None else max(0.0, size.height() - top - height)
        bitmap = self._doc[index].render(
            scale=scale,
            crop=(0, bottom, 0, top),
            rev_byteorder=True,
            prefer_bgrx=True,
            grayscale=grayscale,
            optimize_mode="print" if grayscale or scale > 3 else None,
        )
        try:
            image = QImage(
                bitmap.buffer, bitmap.width, bitmap.height, bitmap.stride, _FORMAT[bitmap.mode]
            )
            return image.copy()  # detached from PDFium's buffer, which is freed below
        finally:
            bitmap.close()

    def close(self) -> None:
        _open.discard(self)
        self._doc.close()

    def __del__(self) -> None:  # closed with its last reference, not by PDFium's exit sweep
        doc = getattr(self, "_doc", None)
        if doc is not None:
            doc.close()


_FORMAT = {
    "RGBX": QImage.Format.Format_RGBX8888,
    "RGBA": QImage.Format.Format_RGBA8888,
    "L": QImage.Format.Format_Grayscale8,
}
