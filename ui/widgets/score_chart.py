"""A horizontal bar chart of the indicator scores against the target, drawn with QPainter."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from ita_desktop.thai.numbers import format_score

TOOL_COLORS = {"IIT": QColor("#1565c0"), "EIT": QColor("#2e7d32"), "OIT": QColor("#ef6c00")}
BELOW_TARGET = QColor("#c62828")
GRID = QColor("#d0d4da")
ROW_HEIGHT = 22
MARGIN = 4


@dataclass(frozen=True)
class Bar:
    label: str
    value: Decimal | None
    tool: str


class ScoreChart(QWidget):
    """Bars coloured by tool; a bar under the target is outlined red; the target is a line."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bars: list[Bar] = []
        self.target = Decimal(85)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)
        self.setAccessibleName("แผนภูมิคะแนนรายตัวชี้วัดเทียบค่าเป้าหมาย")

    def set_data(self, bars: list[Bar], target: Decimal) -> None:
        self.bars, self.target = bars, target
        self.updateGeometry()
        self.update()

    def sizeHint(self) -> QSize:
        rows = max(1, len(self.bars))
        return QSize(520, self._row_height() * (rows + 2) + 2 * MARGIN)

    def minimumSizeHint(self) -> QSize:
        return QSize(320, self.sizeHint().height())

    def _row_height(self) -> int:
        return max(ROW_HEIGHT, int(QFontMetricsF(self.font()).height() * 1.5))

    def paintEvent(self, _event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        fm = QFontMetricsF(self.font())
        row = self._row_height()
        label_w = min(
            self.width() * 0.45,
            max((fm.horizontalAdvance(b.label) for b in self.bars), default=0) + 12,
        )
        value_w = fm.horizontalAdvance("100.00") + 10
        left = MARGIN + label_w
        plot_w = max(10.0, self.width() - left - value_w - MARGIN)
        top = MARGIN + row  # the first row holds the target's caption

        def x_of(value: Decimal | float) -> float:
            return left + plot_w * float(value) / 100.0

        p.setPen(QPen(GRID, 1))
        for tick in range(0, 101, 20):
            x = x_of(tick)
            p.drawLine(QPointF(x, top), QPointF(x, top + row * len(self.bars)))
        p.setPen(self.palette().text().color())
        for tick in range(0, 101, 20):
            x = x_of(tick)
            p.drawText(
                QRectF(x - 20, top + row * len(self.bars), 40, row),
                Qt.AlignmentFlag.AlignCenter,
                str(tick),
            )

        for i, bar in enumerate(self.bars):
            y = top + i * row
            p.setPen(self.palette().text().color())
            text = fm.elidedText(bar.label, Qt.TextElideMode.ElideRight, label_w - 8)
            p.drawText(
                QRectF(MARGIN, y, label_w - 8, row),
                Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight,
                text,
            )
            if bar.value is None:
                p.drawText(
                    QRectF(left + 4, y, plot_w, row), Qt.AlignmentFlag.AlignVCenter, "ยังไม่มีคะแนน"
                )
                continue
            rect = QRectF(left, y + row * 0.2, x_of(bar.value) - left, row * 0.6)
            p.setPen(QPen(BELOW_TARGET, 2) if bar.value < self.target else Qt.PenStyle.NoPen)
            p.setBrush(TOOL_COLORS.get(bar.tool, QColor("#607d8b")))
            p.drawRect(rect)
            p.setPen(self.palette().text().color())
            p.drawText(
                QRectF(rect.right() + 4, y, value_w, row),
                Qt.AlignmentFlag.AlignVCenter,
                format_score(bar.value, thai_digits=False),
            )

        x = x_of(self.target)
        p.setPen(QPen(BELOW_TARGET, 2, Qt.PenStyle.DashLine))
        p.drawLine(QPointF(x, top - 2), QPointF(x, top + row * len(self.bars)))
        self._legend(p, fm, row)

    def _legend(self, p: QPainter, fm: QFontMetricsF, row: int) -> None:
        """Top row: what the colours and the dashed line mean."""
        x = float(MARGIN)
        box = fm.height() * 0.6
        for code, color in TOOL_COLORS.items():
            p.fillRect(QRectF(x, MARGIN + (row - box) / 2, box, box), color)
            x += box + 4
            p.setPen(self.palette().text().color())
            p.drawText(
                QRectF(x, MARGIN, fm.horizontalAdvance(code) + 4, row),
                Qt.AlignmentFlag.AlignVCenter,
                code,
            )
            x += fm.horizontalAdvance(code) + 16
        p.setPen(QPen(BELOW_TARGET, 2, Qt.PenStyle.DashLine))
        p.drawLine(QPointF(x, MARGIN + row / 2), QPointF(x + 24, MARGIN + row / 2))
        x += 30
        caption = (
            f"ค่าเป้าหมาย {format_score(self.target, thai_digits=False)} (กรอบแดง = ต่ำกว่าค่าเป้าหมาย)"
        )
        p.setPen(self.palette().text().color())
        p.drawText(QRectF(x, MARGIN, self.width() - x, row), Qt.AlignmentFlag.AlignVCenter, caption)
        p.end()
