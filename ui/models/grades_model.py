"""Grade bands as an editable table: label, minimum overall, the optional minimum of every tool."""

from __future__ import annotations

import copy
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from PySide6.QtCore import Qt

from ita_desktop.domain.models import GradeBand
from ita_desktop.thai.normalize import normalize_name
from ita_desktop.thai.numbers import format_score

from .. import labels
from ..models.base import Index, RowTableModel
from ..widgets.score_edit import check_score_text

LABEL, MINIMUM, EACH_TOOL = range(3)
EACH_TOOL_HINT = "ถ้ากำหนด: คะแนน IIT, EIT และ OIT ทุกตัวต้องถึงค่านี้ด้วยจึงได้ระดับนี้ (เว้นว่างได้)"


def _number(value: Decimal | None) -> str:
    return "" if value is None else format_score(value, thai_digits=False)


class GradesModel(RowTableModel):
    """An accepted edit calls `on_edit(bands)` with the whole new list; a refused one calls
    `on_error(Thai message)` and the cell keeps its value."""

    COLUMNS = labels.GRADE_COLUMNS

    def __init__(
        self,
        on_edit: Callable[[list[GradeBand]], None] | None = None,
        on_error: Callable[[str], None] | None = None,
    ) -> None:
        super().__init__()
        self.bands: list[GradeBand] = []
        self._on_edit, self._on_error = on_edit, on_error

    def items(self) -> list:
        return self.bands

    def set_bands(self, bands: list[GradeBand]) -> None:
        self.replace_rows("bands", copy.deepcopy(bands), len(bands) == len(self.bands))

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            role == Qt.ItemDataRole.ToolTipRole
            and orientation == Qt.Orientation.Horizontal
            and section == EACH_TOOL
        ):
            return EACH_TOOL_HINT
        return super().headerData(section, orientation, role)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self.bands):
            return None
        band = self.bands[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if column == LABEL:
                return band.label
            if column == MINIMUM:
                return _number(band.minimum)
            if role == Qt.ItemDataRole.DisplayRole and band.min_each_tool is None:
                return "–"
            return _number(band.min_each_tool)
        if role == Qt.ItemDataRole.TextAlignmentRole and column != LABEL:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        return base | Qt.ItemFlag.ItemIsEditable if index.isValid() else base

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if (
            not index.isValid()
            or role != Qt.ItemDataRole.EditRole
            or index.row() >= len(self.bands)
        ):
            return False
        row, column, text = index.row(), index.column(), str(value or "")
        band = copy.deepcopy(self.bands[row])
        error = ""
        if column == LABEL:
            label = normalize_name(text)
            others = [b.label for i, b in enumerate(self.bands) if i != row]
            error = (
                "กรุณากรอกชื่อระดับ"
                if not label
                else f"มีระดับ “{label}” อยู่แล้ว"
                if label in others
                else ""
            )
            band.label = label
        else:
            what = labels.GRADE_COLUMNS[column]
            number, error = check_score_text(text, what)
            if column == MINIMUM:
                error = error or ("" if number is not None else f"{what}: กรุณากรอกคะแนน")
                band.minimum = number if number is not None else band.minimum
            elif not error:
                band.min_each_tool = number  # empty: no condition on the tools
        if error:
            if self._on_error is not None:
                self._on_error(error)
            return False
        if band == self.bands[row]:
            return False
        self.bands[row] = band
        self.dataChanged.emit(index, index)
        if self._on_edit is not None:
            self._on_edit(copy.deepcopy(self.bands))
        return True
