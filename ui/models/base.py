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

    def rowCount(self, parent: Index = NO_PARENT) -> int:
        return 0 if parent.isValid() else len(self.items())

    def columnCount(self, parent: Index = NO_PARENT) -> int:
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self.COLUMNS[section] if 0 <= section < len(self.COLUMNS) else None
        return str(section + 1)
