"""Editing table cells from the keyboard: typing starts editing, Tab and Shift+Tab save and
open the next or previous editable cell (read-only columns are skipped), Esc cancels; long
texts get a box of several lines (Enter adds a line, Ctrl+Enter saves)."""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractItemModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QKeyEvent, QTextCursor
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QPlainTextEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

Index = QModelIndex | QPersistentModelIndex
MIN_EDITOR_HEIGHT = 90
EDIT_ON_TYPING = (
    QAbstractItemView.EditTrigger.AnyKeyPressed
    | QAbstractItemView.EditTrigger.DoubleClicked
    | QAbstractItemView.EditTrigger.EditKeyPressed
)


def next_editable(view: QAbstractItemView, index: QModelIndex, step: int) -> QModelIndex:
    """The next (step 1) or previous (-1) editable cell the view shows, in reading order, or
    an invalid index."""
    model = index.model()
    if model is None:
        return QModelIndex()
    rows, columns = model.rowCount(index.parent()), model.columnCount(index.parent())
    position = index.row() * columns + index.column() + step
    while 0 <= position < rows * columns:
        row, column = divmod(position, columns)
        candidate = model.index(row, column, index.parent())
        if candidate.flags() & Qt.ItemFlag.ItemIsEditable and not _hidden(view, row, column):
            return candidate
        position += step
    return QModelIndex()


def _hidden(view: QAbstractItemView, row: int, column: int) -> bool:
    return isinstance(view, QTableView) and (view.isColumnHidden(column) or view.isRowHidden(row))


class CellDelegate(QStyledItemDelegate):
    """A cell editor whose Tab goes to the next editable cell (not to a read-only column)."""

    def eventFilter(self, editor: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            step = {Qt.Key.Key_Tab: 1, Qt.Key.Key_Backtab: -1}.get(Qt.Key(event.key()))
            view = self.parent()
            if step and isinstance(editor, QWidget) and isinstance(view, QAbstractItemView):
                self._save_and_go(editor, view, step)
                return True
        return super().eventFilter(editor, event)

    def _save_and_go(self, editor: QWidget, view: QAbstractItemView, step: int) -> None:
        """Save, then edit the next editable cell (by position: saving may refresh the rows)."""
        row, column = view.currentIndex().row(), view.currentIndex().column()
        self.commitData.emit(editor)
        self.closeEditor.emit(editor, QAbstractItemDelegate.EndEditHint.NoHint)
        model = view.model()
        if model is None or row < 0:
            return
        target = next_editable(view, model.index(row, column), step)
        if target.isValid():
            view.setCurrentIndex(target)
            view.edit(target)


class MultiLineDelegate(CellDelegate):
    """A QPlainTextEdit editor: Enter adds a line, Ctrl+Enter saves, Esc cancels; typing on a
    cell adds to its text (the cursor starts at the end, nothing is selected)."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        editor = QPlainTextEdit(parent)
        editor.setTabChangesFocus(True)
        editor.setFrameShape(QPlainTextEdit.Shape.Box)
        editor.setToolTip("Enter ขึ้นบรรทัดใหม่ · Ctrl+Enter หรือ Tab บันทึก · Esc ยกเลิก")
        return editor

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        assert isinstance(editor, QPlainTextEdit)
        editor.setPlainText(str(index.data(Qt.ItemDataRole.EditRole) or ""))
        editor.moveCursor(QTextCursor.MoveOperation.End)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        assert isinstance(editor, QPlainTextEdit)
        model.setData(index, editor.toPlainText(), Qt.ItemDataRole.EditRole)

    def eventFilter(self, editor: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and event.modifiers() & Qt.KeyboardModifier.ControlModifier
            and isinstance(editor, QWidget)
        ):
            self.commitData.emit(editor)
            self.closeEditor.emit(editor, QAbstractItemDelegate.EndEditHint.NoHint)
            return True
        return super().eventFilter(editor, event)

    def updateEditorGeometry(
        self, editor: QWidget, option: QStyleOptionViewItem, index: Index
    ) -> None:
        rect = option.rect
        rect.setHeight(max(rect.height(), MIN_EDITOR_HEIGHT))
        editor.setGeometry(rect)
