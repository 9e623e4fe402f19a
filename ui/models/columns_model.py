"""The columns of a printed table: every field the table can show, whether it prints, its order,
its header (renamable) and whether it shares the column before it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from ita_desktop.documents import labels as doc
from ita_desktop.domain.models import TableColumn
from ita_desktop.thai.normalize import normalize_name

from ..models.base import Index, RowTableModel

SHOWN, FIELD, HEADER, JOIN = range(4)
COLUMNS = ("พิมพ์", "ข้อมูล", "หัวคอลัมน์ที่พิมพ์", "รวมกับคอลัมน์ซ้าย")
HINT = QColor("#777777")


@dataclass
class ColumnRow:
    key: str
    shown: bool
    header: str = ""
    join: bool = False


class ColumnsModel(RowTableModel):
    """Rows: the printed columns in order, then the fields not printed. A change calls
    `on_change(columns)` with the printed ones; one that would print nothing calls
    `on_refused(message)` instead."""

    COLUMNS = COLUMNS

    def __init__(
        self,
        on_change: Callable[[list[TableColumn]], None] | None = None,
        on_refused: Callable[[str], None] | None = None,
    ) -> None:
        super().__init__()
        self.rows: list[ColumnRow] = []
        self.keys: tuple[str, ...] = ()
        self._on_change = on_change
        self._on_refused = on_refused

    def items(self) -> list:
        return self.rows

    def set_columns(self, columns: list[TableColumn], keys: tuple[str, ...]) -> None:
        """Show the printed `columns` first, then the other fields of `keys`."""
        chosen = {c.key for c in columns}
        rows = [ColumnRow(c.key, True, c.header, c.join) for c in columns]
        rows += [ColumnRow(k, False) for k in keys if k not in chosen]
        same = keys == self.keys and [r.key for r in rows] == [r.key for r in self.rows]
        self.keys = keys
        self.replace_rows("rows", rows, same)

    def columns(self) -> list[TableColumn]:
        out = [TableColumn(r.key, r.header, r.join) for r in self.rows if r.shown]
        if out:
            out[0].join = False
        return out

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self.rows):
            return None
        r, column = self.rows[index.row()], index.column()
        standard = doc.COLUMN_HEADERS.get(r.key, r.key)
        if role == Qt.ItemDataRole.CheckStateRole and column in (SHOWN, JOIN):
            on = r.shown if column == SHOWN else r.join
            return Qt.CheckState.Checked if on else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.DisplayRole:
            if column == FIELD:
                return standard
            if column == HEADER:
                return r.header or standard
        if role == Qt.ItemDataRole.EditRole and column == HEADER:
            return r.header or standard
        if role == Qt.ItemDataRole.ForegroundRole and (
            not r.shown or (column == HEADER and not r.header)
        ):
            return HINT  # not printed, or the standard header
        if role == Qt.ItemDataRole.ToolTipRole and column in (FIELD, HEADER):
            return standard if column == FIELD else r.header or standard
        if role == Qt.ItemDataRole.ToolTipRole and column == JOIN:
            return "พิมพ์ข้อมูลนี้ในคอลัมน์ก่อนหน้า ใต้หัวคอลัมน์นั้น พร้อมชื่อข้อมูลนำหน้า"
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        if not index.isValid() or index.row() >= len(self.rows):
            return base
        if index.column() == SHOWN:
            return base | Qt.ItemFlag.ItemIsUserCheckable
        r = self.rows[index.row()]
        if index.column() == HEADER and r.shown:
            return base | Qt.ItemFlag.ItemIsEditable
        if index.column() == JOIN and r.shown and self._printed_before(index.row()):
            return base | Qt.ItemFlag.ItemIsUserCheckable
        return base

    def _printed_before(self, row: int) -> bool:
        return any(r.shown for r in self.rows[:row])

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or index.row() >= len(self.rows):
            return False
        r, column = self.rows[index.row()], index.column()
        if role == Qt.ItemDataRole.CheckStateRole and column in (SHOWN, JOIN):
            on = Qt.CheckState(value) == Qt.CheckState.Checked
            if column == SHOWN:
                if not on and sum(x.shown for x in self.rows) == 1:
                    if self._on_refused is not None:
                        self._on_refused("ตารางต้องพิมพ์อย่างน้อยหนึ่งคอลัมน์")
                    return False
                return self._change(index.row(), shown=on, join=r.join and on)
            return self._change(index.row(), join=on)
        if role == Qt.ItemDataRole.EditRole and column == HEADER and r.shown:
            text = normalize_name(str(value or ""))
            if text == doc.COLUMN_HEADERS.get(r.key, r.key):
                text = ""  # the standard header again
            return self._change(index.row(), header=text)
        return False

    def _change(self, row: int, **values: Any) -> bool:
        r = self.rows[row]
        new = ColumnRow(r.key, values.get("shown", r.shown), values.get("header", r.header))
        new.join = values.get("join", r.join)
        if new == r:
            return False
        self.rows[row] = new
        if new.shown != r.shown:  # printed columns first, in their order
            self.beginResetModel()
            self.rows = [x for x in self.rows if x.shown] + [x for x in self.rows if not x.shown]
            self.endResetModel()
        else:
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))
        self._changed()
        return True

    def move(self, row: int, step: int) -> int:
        """Move a printed column up or down among the printed ones; its new row, or -1."""
        target = row + step
        if not (0 <= row < len(self.rows) and 0 <= target < len(self.rows)):
            return -1
        if not (self.rows[row].shown and self.rows[target].shown):
            return -1
        self.beginResetModel()
        self.rows.insert(target, self.rows.pop(row))
        self.endResetModel()
        self._changed()
        return target

    def _changed(self) -> None:
        if self._on_change is not None:
            self._on_change(self.columns())
