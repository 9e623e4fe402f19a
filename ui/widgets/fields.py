"""Text fields that save themselves: a short pause in typing or leaving the field commits."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QComboBox, QLineEdit, QPlainTextEdit, QWidget

from ita_desktop.thai.normalize import normalize_name, normalize_text

COMMIT_DELAY_MS = 700  # a pause this long saves what was typed (nothing lost on a crash)


def wants_app_undo(event: QEvent, pending: Callable[[], bool]) -> bool:
    """Ctrl+Z / Ctrl+Y in a field: the field undoes its own typing while it has unsaved text,
    otherwise the key goes to the window's undo history (the edits already saved)."""
    if event.type() != QEvent.Type.ShortcutOverride or pending():
        return False
    if not isinstance(event, QKeyEvent):  # a ShortcutOverride event is a key event
        return False
    return any(
        event.matches(k) for k in (QKeySequence.StandardKey.Undo, QKeySequence.StandardKey.Redo)
    ) or (event.key() == Qt.Key.Key_Y and event.modifiers() == Qt.KeyboardModifier.ControlModifier)


def combo_line_edit(combo: QComboBox) -> QLineEdit:
    """The text field of an editable combo box (it has one once setEditable(True) was called)."""
    edit = combo.lineEdit()
    assert edit is not None, "the combo box is not editable"
    return edit


class _Debounce:
    """Shared logic: a timer restarted by each keystroke; an edit session id for undo merging."""

    def _setup_debounce(self, owner: QWidget) -> None:
        self._timer = QTimer(owner)
        self._timer.setSingleShot(True)
        self._timer.setInterval(COMMIT_DELAY_MS)
        self._session = 0
        self._last = ""

    def session_key(self) -> tuple[int, int]:
        return (id(self), self._session)

    def value(self) -> str:
        raise NotImplementedError

    def commit(self) -> None:
        """Emit `committed` with the normalised text if it differs from what was stored."""
        self._timer.stop()
        value = self.value()
        if value != self._last:
            self._last = value
            self.committed.emit(value)  # type: ignore[attr-defined]


class CommitLineEdit(QLineEdit, _Debounce):
    """One-line text, normalised (normalize_name) before it is committed."""

    committed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._setup_debounce(self)
        self._timer.timeout.connect(self.commit)
        self.textEdited.connect(lambda _t: self._timer.start())
        self.editingFinished.connect(self.commit)

    def set_value(self, text: str) -> None:
        """Show stored text, unless the field already holds the same (do not disturb typing)."""
        disturbs = self.hasFocus() and normalize_name(self.text()) == text
        if not disturbs and self.text() != text:
            self.setText(text)
        self._last = text

    def value(self) -> str:
        return normalize_name(self.text())

    def event(self, event: QEvent) -> bool:
        if wants_app_undo(event, lambda: self.value() != self._last):
            event.ignore()
            return False
        return super().event(event)

    def focusInEvent(self, event: QFocusEvent) -> None:
        self._session += 1
        super().focusInEvent(event)


class CommitTextEdit(QPlainTextEdit, _Debounce):
    """Multi-line text, normalised (normalize_text) before it is committed."""

    committed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._setup_debounce(self)
        self._timer.timeout.connect(self.commit)
        self._loading = False
        self.setTabChangesFocus(True)  # Tab moves on, as in every other field
        self.textChanged.connect(self._typed)

    def _typed(self) -> None:
        if not self._loading:
            self._timer.start()

    def set_value(self, text: str) -> None:
        disturbs = self.hasFocus() and normalize_text(self.toPlainText()) == text
        if not disturbs and self.toPlainText() != text:
            self._loading = True
            try:
                self.setPlainText(text)
            finally:
                self._loading = False
        self._last = text

    def value(self) -> str:
        return normalize_text(self.toPlainText())

    def event(self, event: QEvent) -> bool:
        if wants_app_undo(event, lambda: self.value() != self._last):
            event.ignore()
            return False
        return super().event(event)

    def focusInEvent(self, event: QFocusEvent) -> None:
        self._session += 1
        super().focusInEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        self.commit()
        super().focusOutEvent(event)
