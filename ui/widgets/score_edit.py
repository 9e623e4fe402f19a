"""A score field: 0–100 with at most two decimals, Thai or Arabic digits; refuses bad input."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QContextMenuEvent, QFocusEvent, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QApplication, QLineEdit, QMenu, QWidget

from ita_desktop.analysis.scoring import MAX_SCORE, MIN_SCORE, TWO_PLACES
from ita_desktop.thai.numbers import ScoreFormatError, format_score, parse_score

from ..widgets.fields import COMMIT_DELAY_MS, wants_app_undo

INVALID_STYLE = "QLineEdit { border: 2px solid #c62828; background: #fff3f3; }"


def check_score_text(text: str, what: str) -> tuple[Decimal | None, str]:
    """(value, "") for a good entry (None when empty), or (None, Thai message) for a bad one."""
    if not text.strip():
        return None, ""
    try:
        value = parse_score(text)
    except ScoreFormatError as exc:
        return None, f"{what}: {exc.thai}"
    if not MIN_SCORE <= value <= MAX_SCORE:
        return None, f"{what}: คะแนนต้องอยู่ระหว่าง 0 ถึง 100"
    if value != value.quantize(TWO_PLACES):
        return None, f"{what}: ทศนิยมได้ไม่เกิน 2 ตำแหน่ง"
    return value, ""


class ScoreEdit(QLineEdit):
    """Emits `live` on every good keystroke, `committed` after a pause or on leaving the field.

    Bad text stays in the field (nothing the user typed is lost), marked red, with the reason
    sent through `error_changed`; nothing is committed until it is corrected.
    """

    live = Signal(object)  # Decimal | None while typing
    committed = Signal(object)  # Decimal | None to save
    error_changed = Signal(str)  # Thai message, "" when the text is fine
    pasted = Signal(str)  # several cells pasted (tabs or line breaks): the page fills them

    def __init__(self, what: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.what = what
        self.error = ""
        self._saved: Decimal | None = None
        self._session = 0
        self.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.setPlaceholderText("0–100")
        self.setMaxLength(12)
        self.setAccessibleName(what)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(COMMIT_DELAY_MS)
        self._timer.timeout.connect(self.commit)
        self.textEdited.connect(self._typed)
        self.editingFinished.connect(self.commit)

    # showing -----------------------------------------------------------------------------
    def set_value(self, value: Decimal | None) -> None:
        """Show a stored value (keeps the text if it already means the same number)."""
        changed = value != self._saved
        self._saved = value
        current, error = check_score_text(self.text(), self.what)
        if error and not changed:
            return  # keep the user's unfinished text and its message
        if error or current != value:
            self.setText("" if value is None else format_score(value, thai_digits=False))
        self._set_error("")

    def _pending(self) -> bool:
        value, error = self.current()
        return bool(error) or value != self._saved

    def event(self, event: QEvent) -> bool:
        if wants_app_undo(event, self._pending):
            event.ignore()
            return False
        return super().event(event)

    def current(self) -> tuple[Decimal | None, str]:
        return check_score_text(self.text(), self.what)

    def session_key(self) -> tuple[int, int]:
        return (id(self), self._session)

    # editing -----------------------------------------------------------------------------
    def _typed(self, _text: str) -> None:
        value, error = self.current()
        self._set_error(error)  # before `live`, so listeners see the final state last
        if error:
            self._timer.stop()
        else:
            self.live.emit(value)
            self._timer.start()

    def commit(self) -> None:
        self._timer.stop()
        value, error = self.current()
        self._set_error(error)
        if error or value == self._saved:
            return
        self._saved = value
        self.committed.emit(value)

    def _set_error(self, error: str) -> None:
        if error == self.error:
            return
        self.error = error
        self.setStyleSheet(INVALID_STYLE if error else "")
        self.setToolTip(error)
        self.error_changed.emit(error)

    def focusInEvent(self, event: QFocusEvent) -> None:
        self._session += 1
        super().focusInEvent(event)

    # pasting -----------------------------------------------------------------------------
    def paste_text(self, text: str) -> None:
        """Paste as the clerk would: one value goes into the field as if typed; cells copied
        from a spreadsheet (tabs or line breaks between them) go to `pasted`."""
        single = text.rstrip("\r\n")
        if "\t" in single or "\n" in single or "\r" in single:
            self.pasted.emit(text)
            return
        self.insert(single)
        self._typed(self.text())

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.matches(QKeySequence.StandardKey.Paste):
            self.paste_text(QApplication.clipboard().text())
            event.accept()
            return
        super().keyPressEvent(event)

    def context_menu(self) -> QMenu:
        """The standard menu, with its วาง going through `paste_text`."""
        menu = self.createStandardContextMenu()
        for action in menu.actions():
            if action.objectName() == "edit-paste":
                action.triggered.disconnect()
                action.triggered.connect(
                    lambda _c=False: self.paste_text(QApplication.clipboard().text())
                )
        return menu

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        menu = self.context_menu()
        menu.exec(event.globalPos())
        menu.deleteLater()
