"""The year's indicators as a table: number, tool, name and description (both edited in place)."""

from __future__ import annotations

import html
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt

from ita_desktop.domain.models import Indicator
from ita_desktop.thai.normalize import normalize_name, normalize_text

from .. import labels
from ..models.base import Index, RowTableModel

NUMBER, TOOL, NAME, DESCRIPTION = range(4)
EDITABLE = (NAME, DESCRIPTION)


class IndicatorsModel(RowTableModel):
    """Rows are the rules' indicators; an edit calls `on_edit(number, field, text)`.

    `field` is "name" or "description". An empty name is refused (the table keeps the old one).
    """

    COLUMNS = labels.INDICATOR_COLUMNS

    def __init__(self, on_edit: Callable[[int, str, str], None] | None = None) -> None:
        super().__init__()
        self.indicators: list[Indicator] = []
        self._on_edit = on_edit

    def items(self) -> list:
        return self.indicators

    def set_indicators(self, indicators: list[Indicator]) -> None:
        """Show the stored indicators; keeps views' selection when only texts changed."""
        self.replace_rows(
            "indicators",
            list(indicators),
            [i.number for i in indicators] == [i.number for i in self.indicators],
        )

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self.indicators):
            return None
        ind = self.indicators[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == DESCRIPTION:  # one line in the table; the box below shows it all
                return " ".join(ind.description.split())
            return self._text(ind, column)
        if role == Qt.ItemDataRole.EditRole:
            return self._text(ind, column)
        if role == Qt.ItemDataRole.ToolTipRole and column == DESCRIPTION and ind.description:
            return f"<p>{html.escape(ind.description)}</p>"  # rich text: the tooltip wraps
        if role == Qt.ItemDataRole.TextAlignmentRole and column == NUMBER:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    @staticmethod
    def _text(ind: Indicator, column: int) -> str:
        return (str(ind.number), ind.tool, ind.name, ind.description)[column]

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        if index.isValid() and index.column() in EDITABLE:
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if (
            not index.isValid()
            or index.column() not in EDITABLE
            or role != Qt.ItemDataRole.EditRole
            or index.row() >= len(self.indicators)
        ):
            return False
        ind = self.indicators[index.row()]
        if index.column() == NAME:
            field, text = "name", normalize_name(str(value or ""))
            if not text:
                return False
        else:
            field, text = "description", normalize_text(str(value or ""))
        if text == getattr(ind, field):
            return False
        self.indicators[index.row()] = Indicator(ind.number, ind.name, ind.tool, ind.description)
        setattr(self.indicators[index.row()], field, text)
        self.dataChanged.emit(index, index)
        if self._on_edit is not None:
            self._on_edit(ind.number, field, text)
        return True
