"""A folder field that, while not being edited, shows a too-long path shortened in the middle
(its start and its meaningful end stay readable) with the whole path as its tooltip."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QLineEdit, QStyle, QStyleOptionFrame, QWidget

TEXT_MARGIN = 2  # QLineEdit's own horizontal margin inside the frame


class PathEdit(QLineEdit):
    """A QLineEdit: editing shows (and changes) the whole text; otherwise it is elided."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.hint = ""
        self.textChanged.connect(lambda _t: self._update_tooltip())
        self._update_tooltip()

    def setHint(self, hint: str) -> None:
        """What the field is for, shown above the whole path in the tooltip."""
        self.hint = hint
        self._update_tooltip()

    def _update_tooltip(self) -> None:
        self.setToolTip("\n".join(t for t in (self.hint, self.text()) if t))

    def text_rect_width(self) -> int:
        option = QStyleOptionFrame()
        self.initStyleOption(option)
        rect = self.style().subElementRect(QStyle.SubElement.SE_LineEditContents, option, self)
        margins = self.textMargins()
        return rect.width() - margins.left() - margins.right() - 2 * TEXT_MARGIN

    def shown_text(self) -> str:
        """The text as drawn now: whole while editing or when it fits, else elided."""
        if self.hasFocus():
            return self.text()
        return self.fontMetrics().elidedText(
            self.text(), Qt.TextElideMode.ElideMiddle, self.text_rect_width()
        )

    def paintEvent(self, event: QPaintEvent) -> None:
        shown = self.shown_text()
        if shown == self.text():
            super().paintEvent(event)
            return
        option = QStyleOptionFrame()
        self.initStyleOption(option)
        painter = QPainter(self)
        self.style().drawPrimitive(QStyle.PrimitiveElement.PE_PanelLineEdit, option, painter, self)
        rect = self.style().subElementRect(QStyle.SubElement.SE_LineEditContents, option, self)
        rect = rect.marginsRemoved(self.textMargins()).adjusted(TEXT_MARGIN, 0, -TEXT_MARGIN, 0)
        painter.setPen(self.palette().color(QPalette.ColorRole.Text))
        painter.drawText(
            rect, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), shown
        )
        painter.end()
