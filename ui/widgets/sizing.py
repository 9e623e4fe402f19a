"""Sizing helpers: boxes that take the room left over, or exactly the room their content needs."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRect, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QHeaderView,
    QListWidget,
    QPlainTextEdit,
    QSizePolicy,
    QTableView,
    QWidget,
)

ROW_PADDING = 6


def fills_height(widget: QWidget, minimum: int) -> QWidget:
    """At least `minimum` pixels high, and otherwise whatever height is left in its column.

    Text boxes and tables ask for 192 pixels by default; in a scrolled page that request alone
    can push the page past the window and bring up a scroll bar.
    """
    widget.setMinimumHeight(minimum)
    policy = widget.sizePolicy()
    policy.setVerticalPolicy(QSizePolicy.Policy.Ignored)
    widget.setSizePolicy(policy)
    return widget


def compact_rows(view: QTableView) -> int:
    """One-line rows a little taller than the text (Thai marks above and below still fit)."""
    rows = view.verticalHeader()
    rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    rows.setDefaultSectionSize(view.fontMetrics().height() + ROW_PADDING)
    return rows.defaultSectionSize()


class _GrowsWithText(QObject):
    """Keeps a plain-text box as tall as its text, wrapped lines counted, at its width."""

    def __init__(self, edit: QPlainTextEdit, min_lines: int) -> None:
        super().__init__(edit)
        self.edit, self.min_lines = edit, min_lines
        edit.textChanged.connect(self.fit)
        edit.installEventFilter(self)
        self.fit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.Resize
            and isinstance(event, QResizeEvent)
            and event.size().width() != event.oldSize().width()
        ):
            self.fit()
        return False

    def lines(self) -> int:
        edit = self.edit
        metrics = edit.fontMetrics()
        margin = int(edit.document().documentMargin())
        width = max(edit.viewport().width() - 2 * margin, 20)
        count = 0
        for paragraph in edit.toPlainText().split("\n"):
            rect = metrics.boundingRect(
                QRect(0, 0, width, 100_000), int(Qt.TextFlag.TextWordWrap), paragraph or " "
            )
            count += max(1, -(-rect.height() // metrics.lineSpacing()))
        return max(self.min_lines, count)

    def fit(self) -> None:
        edit = self.edit
        margin = int(edit.document().documentMargin())
        frame = 2 * edit.frameWidth() + 2 * margin
        edit.setFixedHeight(self.lines() * edit.fontMetrics().lineSpacing() + frame + 2)


def grows_with_text(edit: QPlainTextEdit, min_lines: int) -> QPlainTextEdit:
    """As tall as its text (at least `min_lines` lines), never scrolling by itself: in a
    scrolled form the form scrolls as one, with no box scrolling inside it."""
    edit.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    _GrowsWithText(edit, min_lines)
    return edit


def list_fits_rows(view: QListWidget, min_rows: int) -> None:
    """A checklist as tall as its rows (at least `min_rows`): nothing to scroll inside it."""
    view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    row = view.sizeHintForRow(0) if view.count() else view.fontMetrics().height() + 6
    frame = 2 * view.frameWidth()
    view.setFixedHeight(max(min_rows, view.count()) * row + frame + 2)
