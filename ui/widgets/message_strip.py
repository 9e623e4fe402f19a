"""A fixed-height strip of messages (errors, notes, what a paste did): it never grows or
shrinks with its messages, so the fields around it stay where the clerk is about to click."""

from __future__ import annotations

import html
from dataclasses import dataclass

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

ERROR, NOTE, DONE = "error", "note", "done"
COLORS = {ERROR: "#b71c1c", NOTE: "#8a5a00", DONE: "#1b5e20"}
MORE = "… และอีก {n} ข้อความ (ชี้ที่นี่เพื่ออ่านทั้งหมด)"


@dataclass(frozen=True)
class Message:
    text: str
    kind: str = NOTE


class MessageStrip(QLabel):
    """Room for `lines` lines of text, always: the messages that fit (the first one always,
    in full), then "… และอีก N ข้อความ"; the tooltip holds every message."""

    def __init__(self, lines: int = 2, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lines = lines
        self.messages: list[Message] = []
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setWordWrap(True)
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.setFixedHeight(self._line() * lines + 2)

    def _line(self) -> int:
        return self.fontMetrics().lineSpacing() + 2  # Thai marks above and below

    def show_messages(self, messages: list[Message]) -> None:
        self.messages = list(messages)
        self.setToolTip("\n".join(m.text for m in self.messages))
        self._fill()

    def texts(self) -> list[str]:
        return [m.text for m in self.messages]

    def _lines_of(self, text: str) -> int:
        width = max(self.width() - 4, 50)
        flags = int(Qt.TextFlag.TextWordWrap)
        rect = self.fontMetrics().boundingRect(QRect(0, 0, width, 10_000), flags, text)
        return max(1, -(-rect.height() // self.fontMetrics().lineSpacing()))

    def _fill(self) -> None:
        shown: list[Message] = []
        used = 0
        for i, message in enumerate(self.messages):
            need = self._lines_of(message.text)
            left = len(self.messages) - i - 1
            room = self.lines - used - (1 if left else 0)  # keep a line for "… และอีก N"
            if shown and need > room:
                shown.append(Message(MORE.format(n=len(self.messages) - i), NOTE))
                break
            shown.append(message)
            used += need
        self.setText(
            "<br>".join(
                f'<span style="color:{COLORS.get(m.kind, "#333")};'
                f'{"font-weight:bold;" if m.kind == ERROR else ""}">{html.escape(m.text)}</span>'
                for m in shown
            )
        )

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self._fill()
