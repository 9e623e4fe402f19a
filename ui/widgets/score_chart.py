"""A column chart of the indicator scores against the target, drawn with QPainter: it fits any
height from a few lines up (a laptop's short page), and the names are in each column's tooltip."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QHelpEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from ita_desktop.thai.numbers import format_score

TOOL_COLORS = {"IIT": QColor("#1565c0"), "EIT": QColor("#2e7d32"), "OIT": QColor("#ef6c00")}
BELOW_TARGET = QColor("#c62828")
GRID = QColor("#d0d4da")
MARGIN = 4
MIN_PLOT = 60  # the bars' area: at least this high
PREFERRED_PLOT = 200
NO_SCORE = "–"
LABEL_GAP = 8  # pixels at least between two values over the columns
MIN_LABEL_POINTS = 6.0


@dataclass(frozen=True)
class Bar:
    label: str  # "1 การปฏิบัติหน้าที่": the number is printed under the column
    value: Decimal | None
    tool: str

    @property
    def number(self) -> str:
        return self.label.split(" ", 1)[0]


class ScoreChart(QWidget):
    """Columns coloured by tool; a column under the target is outlined red; the target is a
    dashed line. Rows of text: the legend above, the values over the columns, the numbers
    under them."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bars: list[Bar] = []
        self.target = Decimal(85)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAccessibleName("แผนภูมิคะแนนรายตัวชี้วัดเทียบค่าเป้าหมาย")
        self.setToolTip("ชี้ที่แท่งเพื่อดูชื่อตัวชี้วัด แท่งที่มีกรอบแดงได้คะแนนต่ำกว่าค่าเป้าหมาย")

    def set_data(self, bars: list[Bar], target: Decimal) -> None:
        self.bars, self.target = bars, target
        self.updateGeometry()  # the smallest width depends on the values
        self.setAccessibleDescription(
            ", ".join(f"{b.label} {self._value_text(b)}" for b in bars)
            + f"; ค่าเป้าหมาย {format_score(target, thai_digits=False)}"
        )
        self.update()

    def _line(self) -> int:
        return int(QFontMetricsF(self.font()).height()) + 4  # with Thai marks above and below

    def sizeHint(self) -> QSize:
        return QSize(520, 3 * self._line() + PREFERRED_PLOT + 2 * MARGIN)

    def minimumSizeHint(self) -> QSize:
        """Low as a few lines; wide enough for the values in the smallest type, apart."""
        font = QFont(self.font())
        font.setPointSizeF(MIN_LABEL_POINTS)
        metrics = QFontMetricsF(font)
        widest = max((metrics.horizontalAdvance(self._value_text(b)) for b in self.bars), default=0)
        width = len(self.bars) * (widest + LABEL_GAP) + 2 * MARGIN
        return QSize(max(320, int(width) + 1), 3 * self._line() + MIN_PLOT + 2 * MARGIN)

    @staticmethod
    def _value_text(bar: Bar) -> str:
        return NO_SCORE if bar.value is None else format_score(bar.value, thai_digits=False)

    def _columns(self) -> list[QRectF]:
        """Each indicator's slot (the whole height of the plot)."""
        line = self._line()
        top = MARGIN + 2 * line  # legend, then the values over the highest columns
        bottom = self.height() - MARGIN - line  # the numbers under the columns
        width = (self.width() - 2 * MARGIN) / max(1, len(self.bars))
        return [
            QRectF(MARGIN + i * width, top, width, max(1.0, bottom - top))
            for i in range(len(self.bars))
        ]

    def paintEvent(self, _event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        line = self._line()
        text_color = self.palette().text().color()
        slots = self._columns()
        if slots:
            plot = slots[0].united(slots[-1])

            def y_of(value: Decimal | float) -> float:
                return plot.bottom() - plot.height() * float(value) / 100.0

            p.setPen(QPen(GRID, 1))
            for tick in range(0, 101, 20):
                p.drawLine(QPointF(plot.left(), y_of(tick)), QPointF(plot.right(), y_of(tick)))
            for bar, slot in zip(self.bars, slots, strict=True):
                p.setPen(text_color)
                p.drawText(
                    QRectF(slot.left(), plot.bottom(), slot.width(), line),
                    Qt.AlignmentFlag.AlignCenter,
                    bar.number,
                )
                value_top = plot.bottom() if bar.value is None else y_of(bar.value)
                if bar.value is None:
                    continue
                column = QRectF(
                    slot.left() + slot.width() * 0.2,
                    value_top,
                    slot.width() * 0.6,
                    plot.bottom() - value_top,
                )
                p.setPen(QPen(BELOW_TARGET, 2) if bar.value < self.target else Qt.PenStyle.NoPen)
                p.setBrush(TOOL_COLORS.get(bar.tool, QColor("#607d8b")))
                p.drawRect(column)
            p.setPen(QPen(BELOW_TARGET, 2, Qt.PenStyle.DashLine))
            p.drawLine(
                QPointF(plot.left(), y_of(self.target)), QPointF(plot.right(), y_of(self.target))
            )
            p.setFont(self.value_font())
            p.setPen(text_color)
            for bar, rect in zip(self.bars, self.value_label_rects(), strict=True):
                p.drawText(rect, Qt.AlignmentFlag.AlignCenter, self._value_text(bar))
            p.setFont(self.font())
        self._legend(p, line)
        p.end()

    def value_font(self) -> QFont:
        """One type for every value over the columns: the widget's, or smaller until the
        widest value leaves at least LABEL_GAP pixels to its neighbours."""
        font = QFont(self.font())
        slots = self._columns()
        if not slots:
            return font
        room = slots[0].width() - LABEL_GAP
        texts = [self._value_text(b) for b in self.bars]
        size = font.pointSizeF()
        while size > MIN_LABEL_POINTS:
            font.setPointSizeF(size)
            metrics = QFontMetricsF(font)
            if max(metrics.horizontalAdvance(t) for t in texts) <= room:
                break
            size -= 0.25
        font.setPointSizeF(max(size, MIN_LABEL_POINTS))
        return font

    def value_label_rects(self) -> list[QRectF]:
        """Where each value is drawn: its text's own width, centred over its column, one
        line high, just above the column (on the axis when there is no score)."""
        slots = self._columns()
        if not slots:
            return []
        plot = slots[0].united(slots[-1])
        metrics = QFontMetricsF(self.value_font())
        line = metrics.height() + 4
        rects = []
        for bar, slot in zip(self.bars, slots, strict=True):
            value = 0.0 if bar.value is None else float(bar.value)
            top = plot.bottom() - plot.height() * value / 100.0
            width = metrics.horizontalAdvance(self._value_text(bar))
            rects.append(QRectF(slot.center().x() - width / 2, top - line, width, line))
        return rects

    def _legend(self, p: QPainter, row: int) -> None:
        """Top row: what the colours and the dashed line mean."""
        fm = QFontMetricsF(self.font())
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
        caption = fm.elidedText(
            f"ค่าเป้าหมาย {format_score(self.target, thai_digits=False)}",
            Qt.TextElideMode.ElideRight,
            self.width() - x - MARGIN,
        )
        p.setPen(self.palette().text().color())
        p.drawText(QRectF(x, MARGIN, self.width() - x, row), Qt.AlignmentFlag.AlignVCenter, caption)

    def event(self, event: QEvent) -> bool:
        """The tooltip over a column names its indicator and score."""
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            for bar, slot in zip(self.bars, self._columns(), strict=True):
                if slot.contains(QPointF(event.pos())):
                    QToolTip.showText(event.globalPos(), f"{bar.label}: {self._value_text(bar)}")
                    return True
        return super().event(event)
