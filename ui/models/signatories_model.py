"""Who signs the documents: name and position per row, edited in place."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt

from ita_desktop.thai.normalize import normalize_name

from .. import labels
from ..models.base import Index, RowTableModel

NAME, POSITION = range(2)
Signatory = tuple[str, str]


class SignatoriesModel(RowTableModel):
    """Editing a cell calls `on_change(new_list)`; the page adds, removes and moves rows."""

    COLUMNS = labels.SIGNATORY_COLUMNS

    def __init__(self, on_change: Callable[[list[Signatory]], None] | None = None) -> None:
        super().__init__()
        self.rows: list[Signatory] = []
        self._on_change = on_change

    def items(self) -> list:
        return self.rows

    def set_rows(self, rows: list[Signatory]) -> None:
        rows = [(str(n), str(p)) for n, p in rows]
        self.replace_rows("rows", rows, len(rows) == len(self.rows))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self.rows):
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return self.rows[index.row()][index.column()]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        return base | Qt.ItemFlag.ItemIsEditable if index.isValid() else base

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.EditRole or index.row() >= len(self.rows):
            return False
        text = normalize_name(str(value or ""))
        row = list(self.rows[index.row()])
        if text == row[index.column()]:
            return False
        row[index.column()] = text
        self.rows[index.row()] = (row[0], row[1])
        self.dataChanged.emit(index, index)
        if self._on_change is not None:
            self._on_change(list(self.rows))
        return True
