"""The measures plan as a table: title, steps, responsible units, period, linked indicators."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

from PySide6.QtCore import Qt

from ita_desktop.documents import labels as doc
from ita_desktop.documents.text import period_text
from ita_desktop.domain.models import Measure
from ita_desktop.thai.normalize import normalize_name, normalize_text

from .. import labels
from ..models.base import Index, RowTableModel

TITLE, STEPS, RESPONSIBLE, PERIOD, INDICATORS = range(5)
EDITABLE = (TITLE, STEPS)  # the rest is picked in the form beside the table
MeasureRole = Qt.ItemDataRole.UserRole + 1


class MeasuresModel(RowTableModel):
    """Rows are the plan's measures in order; the title is edited in place via `on_edit`."""

    COLUMNS = labels.MEASURE_COLUMNS

    def __init__(self, on_edit: Callable[[Measure, Measure], None] | None = None) -> None:
        super().__init__()
        self.measures: list[Measure] = []
        self.fiscal_year = 0  # the year the plan runs in: the assessment's year + 1
        self._on_edit = on_edit

    def items(self) -> list:
        return self.measures

    def set_measures(self, measures: list[Measure]) -> None:
        """Show the stored plan; keeps views' selection when only contents changed."""
        self.replace_rows(
            "measures", list(measures), [m.id for m in measures] == [m.id for m in self.measures]
        )

    def row_of(self, measure_id: int | None) -> int:
        for row, m in enumerate(self.measures):
            if m.id == measure_id:
                return row
        return -1

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self.measures):
            return None
        m = self.measures[index.row()]
        if role == MeasureRole:
            return m
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == TITLE:
            return self._tooltip(m)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._text(m, index.column())
        if role == Qt.ItemDataRole.EditRole and index.column() == TITLE:
            return m.title
        if role == Qt.ItemDataRole.EditRole and index.column() == STEPS:
            return "\n".join(m.steps)  # one step a line, without the printed numbers
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        return None

    @staticmethod
    def _tooltip(m: Measure) -> str:
        """The title with what the table does not show: activities and budget."""
        lines = [m.title]
        if m.activities:
            lines += [f"{doc.COL_ACTIVITIES}:"] + [f"- {a}" for a in m.activities]
        if m.budget:
            lines.append(f"{doc.COL_BUDGET}: {m.budget}")
        return "\n".join(lines)

    def _text(self, m: Measure, column: int) -> str:
        if column == TITLE:
            return m.title
        if column == STEPS:
            return "\n".join(f"{i}. {s}" for i, s in enumerate(m.steps, start=1))
        if column == RESPONSIBLE:
            return "\n".join(m.responsible)
        if column == PERIOD:
            return period_text(m.period, self.fiscal_year)
        return ", ".join(str(n) for n in sorted(m.indicators))

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
        ):
            return False
        old = self.measures[index.row()]
        if index.column() == TITLE:
            title = normalize_name(str(value or ""))
            if not title or title == old.title:
                return False
            new = replace(old, title=title)
        else:
            steps = [
                line
                for line in (
                    normalize_name(x) for x in normalize_text(str(value or "")).split("\n")
                )
                if line
            ]
            if steps == old.steps:
                return False
            new = replace(old, steps=steps)
        self.measures[index.row()] = new
        self.dataChanged.emit(index, index)
        if self._on_edit is not None:
            self._on_edit(old, new)
        return True
