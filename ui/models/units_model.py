"""The organisation's internal units (สำนักปลัด, กองคลัง ...) as an editable list."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

from ita_desktop.thai.normalize import normalize_name

Index = QModelIndex | QPersistentModelIndex
NO_PARENT = QModelIndex()  # the invisible root, the default parent of every row


class UnitsModel(QAbstractListModel):
    """Renaming a unit in place calls `on_change(new_list)`; the page adds, removes, moves."""

    def __init__(self, on_change: Callable[[list[str]], None] | None = None) -> None:
        super().__init__()
        self.units: list[str] = []
        self._on_change = on_change

    def set_units(self, units: list[str]) -> None:
        if len(units) == len(self.units):
            self.units = list(units)
            if units:
                self.dataChanged.emit(self.index(0), self.index(len(units) - 1))
            return
        self.beginResetModel()
        self.units = list(units)
        self.endResetModel()

    def rowCount(self, parent: Index = NO_PARENT) -> int:
        return 0 if parent.isValid() else len(self.units)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self.units):
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return self.units[index.row()]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        return base | Qt.ItemFlag.ItemIsEditable if index.isValid() else base

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.EditRole:
            return False
        name = normalize_name(str(value or ""))
        if not name or name == self.units[index.row()] or name in self.units:
            return False
        self.units[index.row()] = name
        self.dataChanged.emit(index, index)
        if self._on_change is not None:
            self._on_change(list(self.units))
        return True
