"""The shared shape of the window's table models: a list of rows under a row of Thai headers."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

Index = QModelIndex | QPersistentModelIndex
NO_PARENT = QModelIndex()  # the invisible root, the default parent of every row


class RowTableModel(QAbstractTableModel):
    """Row count, column count and headers (numbered rows) from `COLUMNS` and `items()`."""

    COLUMNS: Sequence[str] = ()

    def items(self) -> Sequence[Any]:
        """The rows shown, one per table row."""
        raise NotImplementedError

    def replace_rows(self, attr: str, rows: list[Any], same_rows: bool) -> None:
        """Store `rows` in `self.<attr>`. When they are the same rows as before (only their
        contents changed) the cells are signalled as changed, so views keep their selection;
        otherwise the model is reset."""
        if same_rows:
            setattr(self, attr, rows)
            if rows:
                self.dataChanged.emit(
                    self.index(0, 0), self.index(len(rows) - 1, len(self.COLUMNS) - 1)
                )
            return
        self.beginResetModel()
        setattr(self, attr, rows)
        self.endResetModel()

    def rowCount(self, parent: Index = NO_PARENT) -> int:
        return 0 if parent.isValid() else len(self.items())

    def columnCount(self, parent: Index = NO_PARENT) -> int:
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self.COLUMNS[section] if 0 <= section < len(self.COLUMNS) else None
        return str(section + 1)
