"""Delete in every list and table of the window removes the selected row, through the page's
own delete action, so its confirmation and undo are the same as its button's."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QAbstractItemView

DELETE_HINT = "(Delete) — เลิกทำได้ด้วย Ctrl+Z"


def on_delete(view: QAbstractItemView, action: Callable[[], object]) -> QShortcut:
    """The Delete key in `view` runs `action` (a cell being edited keeps Delete for its text:
    the shortcut belongs to the view, not to the editor)."""
    shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), view)
    shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
    shortcut.activated.connect(action)
    return shortcut
