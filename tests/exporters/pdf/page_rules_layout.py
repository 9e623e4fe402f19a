"""What the PDF writer put on each page, read from its flowables: for the page-rule tests.

laid_out(doc) -> Layout   every flowable drawn, by page, with the frame each page had
"""

from __future__ import annotations

import io
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

import pytest
from reportlab.platypus import Flowable, Frame, Spacer
from reportlab.platypus.doctemplate import ActionFlowable

from ita_desktop.documents.blocks import Document
from ita_desktop.exporters.pdf import writer
from ita_desktop.exporters.pdf.flowables import ThaiParagraph
from ita_desktop.exporters.pdf.tables import PAD_Y, GridTable
from ita_desktop.exporters.pdf.toc import HeadingFlow


@dataclass
class Placed:
    flow: Flowable
    top: float  # distance from the frame's top to the flowable's top, points
    height: float


@dataclass
class Layout:
    pages: dict[int, list[Placed]] = field(default_factory=lambda: defaultdict(list))
    frames: dict[int, float] = field(default_factory=dict)  # page: frame height

    def content(self, page: int) -> list[Placed]:
        """What a reader sees on the page: no spacers, breaks or invisible helpers."""
        return [
            p
            for p in self.pages[page]
            if not isinstance(p.flow, (Spacer, ActionFlowable)) and p.height > 0
        ]

    def free(self, page: int) -> float:
        """The room left at the foot of the page."""
        content = self.content(page)
        if not content:
            return self.frames.get(page, 0.0)
        return self.frames[page] - max(p.top + p.height for p in content)


def laid_out(doc: Document, monkeypatch: pytest.MonkeyPatch) -> Layout:
    """Lay `doc` out as write_pdf does, recording where each flowable went."""
    layout = Layout()
    original = Frame.add

    def add(self: Frame, flowable: Flowable, canv: Any, trySplit: int = 0) -> int:
        y_before = self._y
        drawn = original(self, flowable, canv, trySplit)
        if drawn:
            page = canv.getPageNumber()
            layout.frames[page] = self._height
            top = self._y1 + self._height - y_before
            layout.pages[page].append(Placed(flowable, top, y_before - self._y))
        return drawn

    monkeypatch.setattr(Frame, "add", add)
    writer.write_pdf(doc, io.BytesIO())
    return layout


def lines_of(flow: Flowable, leading: float) -> float:
    """How many text lines a table piece's body holds (its rows, padding left out)."""
    assert isinstance(flow, GridTable)
    heights = [flow._row_height(r, flow._cols(flow._w), flow._w) for r in flow.rows]
    return sum(h - 2 * PAD_Y for h in heights) / leading


def is_heading(flow: Flowable) -> bool:
    return isinstance(flow, HeadingFlow)


def is_text(flow: Flowable) -> bool:
    return isinstance(flow, ThaiParagraph)
