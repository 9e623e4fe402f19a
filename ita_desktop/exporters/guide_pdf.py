"""The user guide as PDF, set by our own writer, with its pictures.

    write_guide_pdf(document, target) -> int   (the number of pages)

The document model has no picture block, so this module adds one on top of the PDF writer:
the writer's block-to-flowable step is extended with `Figure` (a ReportLab image scaled to the
text width, framed, kept with its caption); everything else (fonts, Thai line breaking, pages,
numbers, contents, outline) is the writer's own.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, BinaryIO

from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.units import cm
from reportlab.lib.utils import ImageReader
from reportlab.platypus import Flowable

from ita_desktop.documents import blocks as B
from ita_desktop.documents.guide import Figure
from ita_desktop.exporters.pdf import textflow as tf
from ita_desktop.exporters.pdf import writer
from ita_desktop.exporters.pdf.fonts import register_fonts
from ita_desktop.exporters.pdf.toc import Marks

MAX_PICTURE_HEIGHT = 11 * cm  # a tall picture is narrowed so that it and its caption fit
FRAME = colors.HexColor("#9e9e9e")


class Picture(Flowable):
    """An image as wide as the frame (or `fraction` of it), aspect kept, thinly framed, with
    its caption below; never split across pages."""

    GAP = 4.0

    def __init__(self, path: Path, caption: str = "", fraction: float = 1.0) -> None:
        super().__init__()
        self.reader = ImageReader(str(path))
        self.fraction = fraction
        self.pixels = self.reader.getSize()
        self.caption = tf.para(f"ภาพ: {caption}", "note") if caption else None
        self.spaceBefore = self.spaceAfter = 6.0

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        iw, ih = self.pixels
        self.picture_w = availWidth * self.fraction
        self.picture_h = self.picture_w * ih / iw
        if self.picture_h > MAX_PICTURE_HEIGHT:
            self.picture_h = MAX_PICTURE_HEIGHT
            self.picture_w = self.picture_h * iw / ih
        self.left = (availWidth - self.picture_w) / 2
        self.caption_h = self.caption.wrap(availWidth, availHeight)[1] if self.caption else 0.0
        self.width = availWidth
        self.height = self.picture_h + (self.GAP + self.caption_h if self.caption else 0.0)
        return self.width, self.height

    def draw(self) -> None:
        canv: Any = self.canv
        bottom = self.height - self.picture_h
        canv.drawImage(self.reader, self.left, bottom, self.picture_w, self.picture_h)
        canv.setStrokeColor(FRAME)
        canv.setLineWidth(0.5)
        canv.rect(self.left, bottom, self.picture_w, self.picture_h, stroke=1, fill=0)
        if self.caption is not None:
            self.caption.drawOn(canv, 0, 0)


class _GuideFlow(writer._Flow):
    """The writer's flow plus pictures."""

    def block(self, b: B.Block) -> list[Flowable]:
        if isinstance(b, Figure):
            return [Picture(b.path, b.caption, b.width)]
        return super().block(b)


def write_guide_pdf(doc: B.Document, target: Path | str | BinaryIO) -> int:
    """Like writer.write_pdf, with Figure blocks; returns the number of pages."""
    register_fonts()
    rl_config.useA85 = 0
    marks = Marks(doc.thai_digits)
    flow = _GuideFlow(doc, marks)
    out = str(target) if isinstance(target, Path) else target
    template = writer._Template(out, doc, marks)
    template.toc_keys = list(flow.keys.values())
    template.build(flow.flowables())
    return int(template.page)
