"""Issues to fix per indicator: indicator, score, and the user's editable issue text."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Any

from PySide6.QtCore import Qt

from ita_desktop.domain.models import Indicator
from ita_desktop.thai.normalize import normalize_text
from ita_desktop.thai.numbers import format_score

from .. import labels
from ..models.base import Index, RowTableModel

COLUMNS = labels.ISSUE_COLUMNS
ISSUE_COLUMN = 2


class IssuesModel(RowTableModel):
    """One row per indicator of the year's rules; editing the issue calls `on_edit`."""

    COLUMNS = COLUMNS

    def __init__(self, on_edit: Callable[[int, str], None] | None = None) -> None:
        super().__init__()
        self._rows: list[tuple[Indicator, Decimal | None, str]] = []
        self._on_edit = on_edit

    def items(self) -> list:
        return self._rows

    def set_rows(self, rows: list[tuple[Indicator, Decimal | None, str]]) -> None:
        self.replace_rows(
            "_rows", list(rows), [r[0].number for r in rows] == [r[0].number for r in self._rows]
        )

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        ind, score, issue = self._rows[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if column == 0:
                return f"{ind.number} {ind.name}"
            if column == 1:
                return format_score(score, thai_digits=False)
            return issue
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 1:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and column == ISSUE_COLUMN:
            return issue or None
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        if index.isValid() and index.column() == ISSUE_COLUMN:
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if (
            not index.isValid()
            or index.column() != ISSUE_COLUMN
            or role != Qt.ItemDataRole.EditRole
        ):
            return False
        ind, score, old = self._rows[index.row()]
        text = normalize_text(str(value or ""))
        if text == old:
            return False
        self._rows[index.row()] = (ind, score, text)
        self.dataChanged.emit(index, index)
        if self._on_edit is not None:
            self._on_edit(ind.number, text)
        return True
