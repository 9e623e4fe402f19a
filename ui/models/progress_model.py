"""One round's progress as a table: measure, status, output, outcome (read-only overview)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from ita_desktop.domain.models import STATUSES, Measure, ProgressEntry

from .. import labels
from ..models.base import Index, RowTableModel

NOT_STARTED = STATUSES[0]
STATUS_COLORS = {STATUSES[0]: "#fdecea", STATUSES[1]: "#fff8e1", STATUSES[2]: "#e8f5e9"}


class ProgressModel(RowTableModel):
    """Measures of the plan with their progress in one round (read-only rows)."""

    COLUMNS = labels.PROGRESS_COLUMNS

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[tuple[Measure, ProgressEntry | None]] = []

    def items(self) -> list:
        return self.rows

    def set_rows(self, rows: list[tuple[Measure, ProgressEntry | None]]) -> None:
        self.replace_rows(
            "rows", list(rows), [m.id for m, _ in rows] == [m.id for m, _ in self.rows]
        )

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self.rows):
            return None
        m, entry = self.rows[index.row()]
        status = (entry.status if entry else "") or NOT_STARTED
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            column = index.column()
            if column == 0:
                return m.title
            if column == 1:
                return status
            if entry is None:
                return ""
            return entry.output if column == 2 else entry.outcome
        if role == Qt.ItemDataRole.BackgroundRole and index.column() == 1:
            return QColor(STATUS_COLORS.get(status, "#ffffff"))
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        return None
