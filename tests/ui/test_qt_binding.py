"""The pinned Qt binding keeps Python's reference counts: PySide6 6.12.0 on Python 3.11 lost a
reference to None on every QPainter call, and a long session then aborted with "Fatal Python
error: none_dealloc" (about 270 score edits redraw the chart that often)."""

from __future__ import annotations

import sys

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage, QPainter


def test_painting_keeps_the_reference_count_of_none(qapp) -> None:
    image = QImage(20, 20, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    before = sys.getrefcount(None)
    for _ in range(2000):
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor("#1565c0"))
        painter.drawRect(1, 1, 5, 5)
    after = sys.getrefcount(None)
    painter.end()
    assert abs(after - before) < 50, f"{before - after} references to None lost in 6,000 calls"
