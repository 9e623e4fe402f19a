"""The form of one measure: title, activities and steps (one per line), units, period by Thai
month (or none given), indicators, KPI, monitoring, budget."""

from __future__ import annotations

import copy
from itertools import pairwise

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QWidget,
)

from ita_desktop.domain.models import Measure, Period, Rules
from ita_desktop.thai.dates import fiscal_year_months, month_year_text

from .. import labels
from ..widgets.fields import CommitLineEdit, CommitTextEdit
from ..widgets.sizing import grows_with_text, list_fits_rows

EMPTY_TITLE = "กรุณาตั้งชื่อมาตรการ (คงชื่อเดิมไว้)"
FORM_SPACING = 3


class MeasureEditor(QWidget):
    """Edits a copy of a measure; every change emits `edited(old, new, merge_key)`."""

    edited = Signal(object, object, object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.measure: Measure | None = None
        self._loading = False
        self._months: list[tuple[int, int]] = []
        self.units: list[str] = []
        self._period_touched = False

        self.title_edit = CommitLineEdit()
        # beside the field (so nothing below it moves): why an emptied title came back
        self.title_note = QLabel(EMPTY_TITLE)
        self.title_note.setStyleSheet("color: #b71c1c;")
        self.title_note.hide()
        self.activities_edit = CommitTextEdit()
        self.activities_edit.setPlaceholderText("กิจกรรมหรือโครงการภายใต้มาตรการ หนึ่งรายการต่อบรรทัด")
        self.activities_edit.setAccessibleName("กิจกรรม/โครงการ")
        grows_with_text(self.activities_edit, 2)
        self.steps_edit = CommitTextEdit()
        self.steps_edit.setPlaceholderText("พิมพ์ขั้นตอนละหนึ่งบรรทัด")
        self.steps_edit.setAccessibleName("ขั้นตอน/วิธีการ")
        grows_with_text(self.steps_edit, 3)
        self.units_list = QListWidget()
        self.units_list.setAccessibleName("ผู้รับผิดชอบ")
        self.whole_year = QCheckBox(labels.WHOLE_YEAR)
        self.start_month = QComboBox()
        self.end_month = QComboBox()
        self.indicator_boxes: dict[int, QCheckBox] = {}
        self.indicators_grid = QGridLayout()
        self.kpi_edit = CommitLineEdit()
        self.monitoring_edit = CommitLineEdit()
        self.budget_edit = CommitLineEdit()
        self.budget_edit.setPlaceholderText("เช่น 50,000 บาท หรือ ไม่ใช้งบประมาณ")
        self.clear_period_button = QPushButton("ไม่ระบุ")
        self.clear_period_button.setToolTip(
            "ไม่ระบุระยะเวลา: ช่องระยะเวลาในตารางจะว่าง ไม่พิมพ์ว่าตลอดปีงบประมาณ"
        )
        self.clear_period_button.clicked.connect(self.clear_period)
        self.title_edit.setToolTip("ชื่อมาตรการตามที่จะพิมพ์ในตารางมาตรการ (ต้องมีชื่อเสมอ)")
        self.activities_edit.setToolTip("กิจกรรมหรือโครงการภายใต้มาตรการ หนึ่งรายการต่อบรรทัด")
        self.steps_edit.setToolTip("ขั้นตอนหรือวิธีการดำเนินการ หนึ่งขั้นตอนต่อบรรทัด พิมพ์เป็นข้อ ๆ ในเอกสาร")
        self.units_list.setToolTip("ติ๊กหน่วยงานที่รับผิดชอบมาตรการนี้ (เพิ่มหน่วยงานได้ที่หน้าหน่วยงาน)")
        self.whole_year.setToolTip("มาตรการดำเนินการตลอดปีงบประมาณ (ตุลาคม–กันยายน)")
        self.start_month.setToolTip("เดือนที่เริ่มดำเนินการ")
        self.end_month.setToolTip("เดือนที่ดำเนินการเสร็จ")
        self.kpi_edit.setToolTip("ตัวชี้วัดความสำเร็จของมาตรการ เช่น ร้อยละของบุคลากรที่เข้าร่วม")
        self.monitoring_edit.setToolTip("วิธีติดตามผลการดำเนินการ เช่น รายงานผลรอบ 6 และ 12 เดือน")
        self.budget_edit.setToolTip("งบประมาณที่ใช้ พิมพ์ตามที่จะแสดงในเอกสาร")
        for line_edit, name in (
            (self.kpi_edit, "ตัวชี้วัดความสำเร็จ"),
            (self.monitoring_edit, "การติดตามผล"),
            (self.budget_edit, "งบประมาณ"),
            (self.title_edit, "ชื่อมาตรการ"),
        ):
            line_edit.setAccessibleName(name)

        for combo in (self.start_month, self.end_month):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        period_row = QHBoxLayout()
        period_row.addWidget(QLabel("หรือตั้งแต่"))
        period_row.addWidget(self.start_month)
        period_row.addWidget(QLabel("ถึง"))
        period_row.addWidget(self.end_month)
        period_row.addWidget(self.clear_period_button)
        period_row.addStretch(1)
        self.period_note = QLabel()
        self.period_note.setWordWrap(True)
        self.period_note.setStyleSheet("color: #555;")
        form = QFormLayout(self)
        # compact: the whole form fits beside the table at 1366x704 (the box gives the margins)
        form.setContentsMargins(0, 0, 0, 0)
        form.setVerticalSpacing(FORM_SPACING)
        self.indicators_grid.setVerticalSpacing(0)
        # a form whose two spacings differ passes none on: the rows inside it set their own
        gap = form.horizontalSpacing()
        period_row.setSpacing(gap)
        self.indicators_grid.setHorizontalSpacing(gap)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)  # labels above when narrow
        title_row = QHBoxLayout()
        title_row.setSpacing(gap)
        title_row.addWidget(self.title_edit, 1)
        title_row.addWidget(self.title_note)
        label = QLabel("ชื่อมาตรการ (&M)")
        label.setBuddy(self.title_edit)
        form.addRow(label, title_row)
        self._row(form, "กิจกรรม/โครงการ (&J)", self.activities_edit)
        self._row(form, "ขั้นตอน/วิธีการ (&S)", self.steps_edit)
        self._row(form, "ผู้รับผิดชอบ (&N)", self.units_list)
        self._row(form, "ระยะเวลา (&P)", self.whole_year)
        form.addRow("", period_row)
        form.addRow("", self.period_note)
        indicators_label = QLabel("ตัวชี้วัดที่เกี่ยวข้อง (&T)")
        indicators_label.setToolTip("ตัวชี้วัด ITA ที่มาตรการนี้มุ่งปรับปรุง")
        form.addRow(indicators_label, self.indicators_grid)
        self.indicators_label = indicators_label
        self._row(form, "ตัวชี้วัดความสำเร็จ (&K)", self.kpi_edit)
        self._row(form, "การติดตามผล (&L)", self.monitoring_edit)
        self._row(form, "งบประมาณ (&B)", self.budget_edit)

        self.title_edit.committed.connect(self._title_committed)
        self.title_edit.editingFinished.connect(self._show_title_start)
        for edit in (
            self.activities_edit,
            self.steps_edit,
            self.kpi_edit,
            self.monitoring_edit,
            self.budget_edit,
        ):
            edit.committed.connect(lambda _t, e=edit: self._emit(e.session_key()))
        self.units_list.itemChanged.connect(lambda _i: self._emit())
        self.whole_year.toggled.connect(self._period_changed)
        self.start_month.activated.connect(lambda _i: self._period_changed())
        self.end_month.activated.connect(lambda _i: self._period_changed())
        self.setEnabled(False)

    @staticmethod
    def _row(form: QFormLayout, text: str, buddy: QWidget) -> None:
        label = QLabel(text)
        label.setBuddy(buddy)
        form.addRow(label, buddy)

    # loading -----------------------------------------------------------------------------
    def set_context(self, rules: Rules, units: list[str], fiscal_year: int) -> None:
        """The indicators, units and months one can pick (the selected year's)."""
        self.units = list(units)
        self._months = fiscal_year_months(fiscal_year)
        for combo in (self.start_month, self.end_month):
            combo.clear()
            combo.addItems([month_year_text(m, y, thai_digits=False) for m, y in self._months])
        for box in self.indicator_boxes.values():
            box.setParent(None)
            box.deleteLater()
        self.indicator_boxes.clear()
        for i, ind in enumerate(rules.indicators):
            box = QCheckBox(f"{ind.number} {ind.name}")
            box.setToolTip(f"ตัวชี้วัดที่ {ind.number} {ind.name} ({ind.tool})")
            box.toggled.connect(lambda _c: self._emit())
            self.indicators_grid.addWidget(box, i // 2, i % 2)
            box.show()  # now, not at the next turn of the event loop (Tab must reach it)
            self.indicator_boxes[ind.number] = box
        if self.indicator_boxes:
            self.indicators_label.setBuddy(next(iter(self.indicator_boxes.values())))
        self._set_tab_order()

    def tab_chain(self) -> list[QWidget]:
        """The fields in the order they are shown, top to bottom, left to right."""
        return [
            self.title_edit,
            self.activities_edit,
            self.steps_edit,
            self.units_list,
            self.whole_year,
            self.start_month,
            self.end_month,
            self.clear_period_button,
            *self.indicator_boxes.values(),
            self.kpi_edit,
            self.monitoring_edit,
            self.budget_edit,
        ]

    def _set_tab_order(self) -> None:
        """Tab follows the screen (the indicator boxes, made with each year's rules, would
        otherwise come last)."""
        for first, second in pairwise(self.tab_chain()):
            QWidget.setTabOrder(first, second)

    def set_measure(self, m: Measure | None) -> None:
        self.measure = copy.deepcopy(m)
        self._period_touched = False
        self.setEnabled(m is not None)
        self._loading = True
        try:
            m = m or Measure("")
            self.title_edit.set_value(m.title)
            self.title_edit.setCursorPosition(0)  # a long title shows its beginning
            self.title_note.hide()
            self.activities_edit.set_value("\n".join(m.activities))
            self.steps_edit.set_value("\n".join(m.steps))
            self.budget_edit.set_value(m.budget)
            self.kpi_edit.set_value(m.kpi)
            self.monitoring_edit.set_value(m.monitoring)
            self.units_list.clear()
            for unit in self.units + [u for u in m.responsible if u not in self.units]:
                item = QListWidgetItem(unit)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                checked = unit in m.responsible
                item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
                self.units_list.addItem(item)
            list_fits_rows(self.units_list, 2)
            for number, box in self.indicator_boxes.items():
                box.setChecked(number in m.indicators)
            self._show_period(m.period)
        finally:
            self._loading = False

    def _show_period(self, p: Period) -> None:
        """The period; months never set show empty (an unset period is printed as none)."""
        self.whole_year.setChecked(p.whole_year)
        unset = not (p.start_month and p.end_month)
        self.start_month.setCurrentIndex(
            -1 if unset else self._month_index(p.start_month, p.start_year, 0)
        )
        self.end_month.setCurrentIndex(
            -1 if unset else self._month_index(p.end_month, p.end_year, 11)
        )
        self.start_month.setEnabled(not p.whole_year)
        self.end_month.setEnabled(not p.whole_year)
        self.period_note.setText(f"ตามแผนเดิม: {p.text}" if p.text else "")
        self.period_note.setVisible(bool(p.text))

    def _month_index(self, month: int | None, year: int | None, default: int) -> int:
        try:
            return self._months.index((month, year))  # type: ignore[arg-type]
        except ValueError:
            return default

    # editing -----------------------------------------------------------------------------
    def _period_changed(self) -> None:
        whole = self.whole_year.isChecked()
        self.start_month.setEnabled(not whole)
        self.end_month.setEnabled(not whole)
        if self._loading:
            return
        self._period_touched = True
        start, end = self.start_month.currentIndex(), self.end_month.currentIndex()
        if start >= 0 and end < 0:  # the first month picked: to the end of the year
            self.end_month.setCurrentIndex(len(self._months) - 1)
        elif end >= 0 and start < 0:
            self.start_month.setCurrentIndex(0)
        elif self.end_month.currentIndex() < self.start_month.currentIndex():
            self.end_month.setCurrentIndex(self.start_month.currentIndex())
        self._emit()

    def clear_period(self) -> None:
        """No period given: neither the whole year nor any month."""
        if self.measure is None:
            return
        self._loading = True
        try:
            self.whole_year.setChecked(False)
            self.start_month.setCurrentIndex(-1)
            self.end_month.setCurrentIndex(-1)
        finally:
            self._loading = False
        self._period_touched = True
        self._emit()

    def current(self) -> Measure:
        """The measure as the form shows it now."""
        assert self.measure is not None
        m = copy.deepcopy(self.measure)
        m.title = self.title_edit.value() or m.title
        m.activities = _lines(self.activities_edit.value())
        m.steps = _lines(self.steps_edit.value())
        m.kpi, m.monitoring = self.kpi_edit.value(), self.monitoring_edit.value()
        m.budget = self.budget_edit.value()
        m.responsible = [
            self.units_list.item(i).text()
            for i in range(self.units_list.count())
            if self.units_list.item(i).checkState() == Qt.CheckState.Checked
        ]
        m.indicators = [n for n, box in self.indicator_boxes.items() if box.isChecked()]
        if not self._period_touched:
            pass  # keep the stored period (it may be free text the month pickers cannot show)
        elif self.whole_year.isChecked():
            m.period = Period(True, text="")
        elif (
            self._months
            and min(self.start_month.currentIndex(), self.end_month.currentIndex()) >= 0
        ):
            (sm, sy), (em, ey) = (
                self._months[self.start_month.currentIndex()],
                self._months[self.end_month.currentIndex()],
            )
            m.period = Period(False, sm, sy, em, ey, "")
        else:
            m.period = Period(False, text="")  # not given
        return m

    def _show_title_start(self) -> None:
        """Left (or Enter pressed): a title longer than the field shows its beginning again."""
        if not self.title_edit.hasFocus():
            self.title_edit.setCursorPosition(0)

    def _title_committed(self, text: str) -> None:
        """A measure always has a title: an emptied one comes back, saying why."""
        if not self.title_edit.value() and self.measure is not None:
            self.title_edit.set_value(self.measure.title)
            self.title_edit.setCursorPosition(0)
            self.title_note.show()
            return
        self.title_note.hide()
        self._emit(self.title_edit.session_key())

    def _emit(self, merge_key: object = None) -> None:
        if self._loading or self.measure is None:
            return
        new = self.current()
        if new == self.measure:
            return
        old, self.measure = self.measure, copy.deepcopy(new)
        self.edited.emit(old, new, merge_key)


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.split("\n") if line.strip()]
