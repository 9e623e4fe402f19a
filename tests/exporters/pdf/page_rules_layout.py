"""What the PDF writer put on each page, read from its flowables: for the page-rule tests.

laid_out(doc, target) -> Layout   write_pdf's run, recording every flowable it drew, by page
"""

from __future__ import annotations

import io
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from reportlab.platypus import Flowable, Frame, Spacer
from reportlab.platypus.doctemplate import ActionFlowable

from ita_desktop.documents.blocks import Document
from ita_desktop.exporters.pdf import writer
from ita_desktop.exporters.pdf.tables import PAD_X, PAD_Y, GridTable, _flows_height


@dataclass
class Placed:
    flow: Flowable
    top: float  # distance from the frame's top to the flowable's top (its space before too)
    height: float


@dataclass
class Layout:
    pages: dict[int, list[Placed]] = field(default_factory=lambda: defaultdict(list))
    frames: dict[int, tuple[float, float]] = field(default_factory=dict)  # page: width, height

    def content(self, page: int) -> list[Placed]:
        """What a reader sees on the page: no spacers, breaks or invisible helpers."""
        return [
            p
            for p in self.pages[page]
            if not isinstance(p.flow, (Spacer, ActionFlowable)) and p.height > 0
        ]

    def free(self, page: int) -> float:
        """The room left at the foot of the page."""
        bottom = max((p.top + p.height for p in self.content(page)), default=0.0)
        return self.frames[page][1] - bottom


def laid_out(doc: Document, target: Path | None = None) -> Layout:
    """Write `doc` as write_pdf does (to `target`, if given), recording where each flowable
    went."""
    layout = Layout()
    original = Frame.add

    def add(self: Frame, flowable: Flowable, canv: Any, trySplit: int = 0) -> int:
        y_before = self._y
        drawn = original(self, flowable, canv, trySplit)
        if drawn:
            page = canv.getPageNumber()
            layout.frames[page] = (self._width, self._height)
            top = self._y1 + self._height - y_before
            layout.pages[page].append(Placed(flowable, top, y_before - self._y))
        return drawn

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(Frame, "add", add)
        writer.write_pdf(doc, target if target is not None else io.BytesIO())
    return layout


def body_lines(table: GridTable) -> float:
    """How many text lines a table piece's rows hold (their padding left out)."""
    cols = table._cols(table._w)
    heights = [table._row_height(r, cols, table._w) for r in table.rows]
    return sum(h - 2 * PAD_Y for h in heights) / table.line_height


def balanced(table: GridTable, width: float) -> bool:
    """No column of the table's body rows is over twice its fair height (the rows' text spread
    over the whole width) while another, which could be narrower (its widest word allows it),
    stands mostly empty (under half the table's height)."""
    cols = table._cols(width)
    total, area, heights = 0.0, 0.0, [0.0] * len(cols)
    for row in table.rows:
        if row.kind != "body" or any(c.span > 1 for c in row.cells):
            continue
        hs = [_flows_height(c.flows, w - 2 * PAD_X) for c, w in zip(row.cells, cols)]
        total += max(hs)
        area += sum(h * (w - 2 * PAD_X) for h, w in zip(hs, cols))
        heights = [a + b for a, b in zip(heights, hs)]
    fair = area / sum(w - 2 * PAD_X for w in cols)
    spare = [w - (m + 2 * PAD_X) for w, m in zip(cols, table.min_widths)]
    idle = [i for i, h in enumerate(heights) if h < total / 2 and spare[i] > 6]
    return not (max(heights) > 2 * fair and idle)
