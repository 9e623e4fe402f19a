"""One round's progress as a table: measure, status, output, outcome (read-only overview)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from ita_desktop.domain.models import Measure, ProgressEntry
from ita_desktop.domain.status import DONE, IN_PROGRESS, NOT_DUE, NOT_STARTED, RoundStatus
from ita_desktop.domain.status import round_status as status_of

from .. import labels
from ..models.base import Index, RowTableModel

STATUS_COLORS = {  # background of the status cell; the legend under the table uses the same
    NOT_DUE: "#eceff1",  # neutral grey: nothing is late
    NOT_STARTED: "#fdecea",  # pink: its period has begun and nothing is recorded
    IN_PROGRESS: "#fff8e1",
    DONE: "#e8f5e9",
}
STATUS_TEXT_COLORS = {NOT_DUE: "#546e7a", NOT_STARTED: "#b71c1c"}


class ProgressModel(RowTableModel):
    """Measures of the plan with their progress and shown status in one round."""

    COLUMNS = labels.PROGRESS_COLUMNS

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[tuple[Measure, ProgressEntry | None, RoundStatus]] = []

    def items(self) -> list:
        return self.rows

    def set_rows(
        self,
        rows: list[tuple[Measure, ProgressEntry | None]],
        plan_year: int,
        round_months: int,
    ) -> None:
        """The measures of the plan of `plan_year` with their entries of the round; each
        status is decided by the core (`domain.status`) from the measure's period."""
        shown = [(m, e, status_of(m, e, plan_year, round_months)) for m, e in rows]
        same = [m.id for m, _, _ in shown] == [m.id for m, _, _ in self.rows]
        self.replace_rows("rows", shown, same)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self.rows):
            return None
        m, entry, status = self.rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return m.title
            if column == 1:
                return status.text
            if entry is None:
                return ""
            return entry.output if column == 2 else entry.outcome
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == 1:
                return f"{status.text} — {status.why}"
            return self.data(index) or None
        if role == Qt.ItemDataRole.BackgroundRole and column == 1:
            return QColor(STATUS_COLORS.get(status.text, "#ffffff"))
        if role == Qt.ItemDataRole.ForegroundRole and column == 1:
            color = STATUS_TEXT_COLORS.get(status.text)
            return QColor(color) if color else None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        return None
