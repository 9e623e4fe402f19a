"""ผลการดำเนินงาน: per round (6/12 months) and measure: status, output, outcome, problems ..."""

from __future__ import annotations

import copy
from dataclasses import replace

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QIcon, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QRadioButton,
    QSizePolicy,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ita_desktop.domain.models import STATUSES, ProgressEntry
from ita_desktop.domain.status import NOT_DUE, NOT_STARTED, SHOWN_STATUSES, round_end
from ita_desktop.services import measures, progress, report_settings
from ita_desktop.services.changes import Changes
from ita_desktop.thai.dates import month_year_text, round_range

from .. import labels
from .. import workspace as kinds
from ..models.progress_model import STATUS_COLORS, STATUS_TEXT_COLORS, ProgressModel
from ..pages.base import Page
from ..undo import ChangeCommand, edit_progress
from ..widgets.fields import CommitTextEdit
from ..widgets.list_keys import DELETE_HINT, on_delete
from ..widgets.sizing import columns_share_width, rows_fit_contents

ROUND_FIELDS = {
    "summary": "สรุปผลการดำเนินงานของรอบ",
    "problems": "ปัญหาอุปสรรคโดยรวม",
    "suggestions": "ข้อเสนอแนะโดยรวม",
}
FIELD_HINTS = {  # what each box holds; every one is printed in the round's report
    "output": "สิ่งที่ทำได้เป็นรูปธรรม เช่น จำนวนครั้ง จำนวนคน เอกสารที่เผยแพร่",
    "outcome": "ผลที่เกิดขึ้นจากการดำเนินการ เช่น คะแนนตัวชี้วัดที่ดีขึ้น ความเข้าใจของบุคลากร",
    "problems": "ปัญหาอุปสรรคของมาตรการนี้ในรอบนี้",
    "suggestions": "ข้อเสนอแนะเพื่อปรับปรุงมาตรการนี้",
    "evidence": "เอกสารหรือลิงก์ที่ยืนยันผล เช่น คำสั่ง ภาพกิจกรรม หน้าเว็บไซต์",
    "summary": "ภาพรวมผลการดำเนินงานทุกมาตรการของรอบนี้ (พิมพ์ในส่วนสรุปของรายงาน)",
    "round_problems": "ปัญหาอุปสรรคที่พบโดยรวมในรอบนี้ (พิมพ์ท้ายรายงาน)",
    "round_suggestions": "ข้อเสนอแนะโดยรวมของรอบนี้ (พิมพ์ท้ายรายงาน)",
}
FIELD_MIN_HEIGHT = 48  # two lines; at 1366x704 each box gets about 80 pixels
FIELD_KEYS = {  # Alt+letter of each box (สถานะ is Alt+T)
    "output": "O",
    "outcome": "C",
    "problems": "P",
    "suggestions": "S",
    "evidence": "V",
    "summary": "M",
    "round_problems": "B",
    "round_suggestions": "N",
}
ROUND_FIELD_LINES = 3  # each box of the round's overview
OUTPUT_SHARE = 0.2  # of the table's width, for each of output and outcome
SAVE_HINT = "บันทึกเมื่อหยุดพิมพ์หรือออกจากช่อง · Tab ไปช่องถัดไป · Ctrl+Z เลิกทำ"


class ProgressPage(Page):
    key = "progress"
    WATCHES = (kinds.MEASURES, kinds.PROGRESS, kinds.SETTINGS)

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.round = 6
        self.assessment_id: int | None = None
        self.entry: ProgressEntry | None = None
        self._loading = False

        self.round_buttons = QButtonGroup(self)
        round_row = QHBoxLayout()
        round_row.addWidget(QLabel("รอบการรายงาน:"))
        for months, text in labels.ROUND_NAMES.items():
            button = QRadioButton(text)  # arrow keys switch; digits belong to the tabs
            button.setChecked(months == self.round)
            button.setToolTip(
                f"รายงานผลการดำเนินงาน {months} เดือนแรกของปีงบประมาณ (ลูกศรซ้าย/ขวาสลับรอบ)"
            )
            self.round_buttons.addButton(button, months)
            round_row.addWidget(button)
        self.range_label = QLabel()
        round_row.addWidget(self.range_label)
        round_row.addStretch(1)
        self.round_buttons.idClicked.connect(self.set_round)

        self.model = ProgressModel()
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setWordWrap(True)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        # output and outcome (often empty in the table: written in the form beside) a fifth
        # of the width each, the measure's title the rest
        columns_share_width(self.view, {2: OUTPUT_SHARE, 3: OUTPUT_SHARE})
        rows_fit_contents(self.view)
        self.view.selectionModel().currentRowChanged.connect(lambda *_: self._show_selected())
        self.view.setAccessibleName("ตารางผลการดำเนินงานของรอบ")
        self.view.setToolTip(
            "เลือกมาตรการเพื่อบันทึกผลทางขวา · Enter ไปที่ช่องสถานะ"
            " · Delete ล้างผลของมาตรการในรอบนี้ (เลิกทำได้ด้วย Ctrl+Z)"
        )
        on_delete(self.view, self.clear_entry)
        for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_F2):
            go = QShortcut(QKeySequence(key), self.view)
            go.setContext(Qt.ShortcutContext.WidgetShortcut)
            go.activated.connect(self.status_combo_focus)
        self.clear_button = QPushButton(QIcon("icons:delete.svg"), "ล้างผลรอบนี้")
        self.clear_button.setToolTip(f"ล้างสถานะและข้อความของมาตรการที่เลือกในรอบนี้ {DELETE_HINT}")
        self.clear_button.clicked.connect(self.clear_entry)
        self.legend = status_legend()

        self.status_combo = QComboBox()
        self.status_combo.addItems(STATUSES)
        self.status_combo.activated.connect(lambda _i: self._commit_entry(None))
        self.status_combo.setToolTip(
            "สถานะที่บันทึกของมาตรการในรอบนี้ ตารางแสดง “ยังไม่ถึงกำหนด” แทน"
            " “ยังไม่ดำเนินการ” เมื่อมาตรการเริ่มหลังสิ้นรอบ"
        )
        self.status_note = QLabel()
        self.status_note.setWordWrap(True)
        self.status_note.setMinimumHeight(self.status_note.fontMetrics().lineSpacing() * 2)
        self.status_note.setStyleSheet("color: #546e7a;")
        self.fields: dict[str, CommitTextEdit] = {}
        self.detail = QGroupBox("ผลการดำเนินงานของมาตรการที่เลือก")
        form = QFormLayout(self.detail)
        self.measure_label = QLabel()
        self.measure_label.setWordWrap(True)
        self.measure_label.setStyleSheet("font-weight: bold;")
        form.addRow(self.measure_label)
        status_label = QLabel("สถานะ (&T)")
        status_label.setBuddy(self.status_combo)
        form.addRow(status_label, self.status_combo)
        form.addRow("", self.status_note)
        for name, text in labels.PROGRESS_FIELDS.items():
            edit = CommitTextEdit()
            edit.setMinimumHeight(FIELD_MIN_HEIGHT)  # shares the height left: no scroll bar
            edit.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
            edit.setAccessibleName(text)
            edit.setToolTip(f"{FIELD_HINTS[name]}\n{SAVE_HINT}")
            edit.committed.connect(lambda _t, e=edit: self._commit_entry(e.session_key()))
            form.addRow(f"{text} (&{FIELD_KEYS[name]})", edit)
            self.fields[name] = edit

        self.round_fields: dict[str, CommitTextEdit] = {}
        overall = QGroupBox("ภาพรวมของรอบ")
        overall_grid = QGridLayout(overall)  # side by side: the table keeps the height
        for column, (name, text) in enumerate(ROUND_FIELDS.items()):
            edit = CommitTextEdit()
            edit.setFixedHeight(ROUND_FIELD_LINES * edit.fontMetrics().lineSpacing() + 14)
            edit.setAccessibleName(text)
            field_key = "summary" if name == "summary" else f"round_{name}"
            edit.setToolTip(f"{FIELD_HINTS[field_key]}\n{SAVE_HINT}")
            edit.committed.connect(lambda t, n=name, e=edit: self._commit_round(n, t, e))
            label = QLabel(f"{text} (&{FIELD_KEYS[field_key]})")
            label.setBuddy(edit)
            overall_grid.addWidget(label, 0, column)
            overall_grid.addWidget(edit, 1, column)
            overall_grid.setColumnStretch(column, 1)
            self.round_fields[name] = edit

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.view, 1)
        under_table = QHBoxLayout()
        under_table.addWidget(self.legend, 1)
        under_table.addWidget(self.clear_button)
        left_layout.addLayout(under_table)
        left_layout.addWidget(overall)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(self.detail)  # fits at 1366x704: the boxes share the height
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self.body)
        layout.addLayout(round_row)
        layout.addWidget(splitter, 1)

    # loading -----------------------------------------------------------------------------
    def set_round(self, months: int) -> None:
        for edit in list(self.fields.values()) + list(self.round_fields.values()):
            edit.commit()
        self.round = months
        self.round_buttons.button(months).setChecked(True)
        self.refresh()

    def load(self) -> None:
        ws = self.workspace
        a = self.assessment()
        assessment_id = self.assessment_id = self.assessment_id_of(a)
        plan_year = a.year + 1
        self.range_label.setText(
            f"ปีงบประมาณ พ.ศ. {plan_year} ({round_range(plan_year, self.round, thai_digits=False)})"
        )
        current = self.view.currentIndex().row()
        selected_id = (
            self.model.rows[current][0].id if 0 <= current < len(self.model.rows) else None
        )
        entries = progress.round_progress(ws.db, assessment_id, self.round)
        self.model.set_rows(
            [
                (m, entries.get(m.id) if m.id is not None else None)
                for m in measures.list_measures(ws.db, assessment_id)
            ],
            plan_year,
            self.round,
        )
        end = month_year_text(
            *round_end(plan_year, self.round), abbreviated=True, thai_digits=False
        )
        self.legend.setToolTip(
            f"สถานะในตารางตัดสินจากระยะเวลาของมาตรการเทียบกับวันสิ้นรอบ ({end}):"
            " มาตรการที่เริ่มหลังสิ้นรอบและยังไม่ได้บันทึกผลแสดงเป็น “ยังไม่ถึงกำหนด”"
            " ส่วนที่ถึงกำหนดเริ่มแล้วแต่ยังไม่ได้บันทึกผลแสดงเป็น “ยังไม่ดำเนินการ”"
        )
        ids = [m.id for m, _, _ in self.model.rows]
        row = ids.index(selected_id) if selected_id in ids else (0 if ids else -1)
        if row >= 0:
            self.view.selectionModel().setCurrentIndex(
                self.model.index(row, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
        self._show_selected()
        settings = report_settings.get_settings(ws.db, assessment_id)
        for name, edit in self.round_fields.items():
            edit.set_value(getattr(settings, name).get(self.round, ""))

    def _show_selected(self) -> None:
        row = self.view.currentIndex().row()
        has = 0 <= row < len(self.model.rows)
        self.detail.setEnabled(has)
        self.clear_button.setEnabled(has)
        if not has:
            self.entry = None
            self.status_note.clear()
            return
        m, entry, shown = self.model.rows[row]
        told = shown.text in (NOT_DUE, NOT_STARTED)  # a recorded status needs no reason
        self.status_note.setText(f"ในตาราง: {shown.text} — {shown.why}" if told else "")
        self.entry = copy.deepcopy(entry) if entry else ProgressEntry(m.id, self.round)
        self.measure_label.setText(m.title)
        self._loading = True
        try:
            status = self.entry.status or STATUSES[0]
            index = self.status_combo.findText(status)
            if index < 0:
                self.status_combo.addItem(status)
                index = self.status_combo.count() - 1
            self.status_combo.setCurrentIndex(index)
            for name, edit in self.fields.items():
                edit.set_value(getattr(self.entry, name))
        finally:
            self._loading = False

    # editing -----------------------------------------------------------------------------
    def status_combo_focus(self) -> None:
        """Enter on a row: go to its status, then Tab through its texts."""
        if self.detail.isEnabled():
            self.status_combo.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def clear_entry(self) -> None:
        """Empty the selected measure's status and texts in this round (one undo step)."""
        if self.entry is None or self.entry.measure_id is None:
            return
        names = [f for f in progress.PROGRESS_FIELDS if getattr(self.entry, f)]
        if not names:
            return
        before = {f: getattr(self.entry, f) for f in names}
        key = self.history.key_of(self.entry.measure_id)
        edit_progress(
            self.history, key, self.round, before, dict.fromkeys(names, ""), text="ล้างผลการดำเนินงาน"
        )

    def _commit_entry(self, merge_key: object) -> None:
        if self._loading or self.entry is None or self.entry.measure_id is None:
            return
        measure_id = self.entry.measure_id
        new = replace(self.entry, status=self.status_combo.currentText())
        for name, edit in self.fields.items():  # the text fields (str), named as in the entry
            setattr(new, name, edit.value())
        if new == self.entry:
            return
        names = [f for f in progress.PROGRESS_FIELDS if getattr(self.entry, f) != getattr(new, f)]
        before = {f: getattr(self.entry, f) for f in names}
        after = {f: getattr(new, f) for f in names}
        self.entry = copy.deepcopy(new)
        key = self.history.key_of(measure_id)
        edit_progress(self.history, key, new.round, before, after, merge_key)

    def _commit_round(self, name: str, text: str, edit: CommitTextEdit) -> None:
        if self.assessment_id is None:
            return
        db, assessment_id, round_months = self.workspace.db, self.assessment_id, self.round
        settings = report_settings.get_settings(db, assessment_id)
        old = getattr(settings, name).get(round_months, "")
        if old == text:
            return

        def apply(value: str) -> Changes:
            return report_settings.set_round_text(db, assessment_id, name, round_months, value)

        self.history.push(
            ChangeCommand(self.history, ROUND_FIELDS[name], apply, old, text, edit.session_key())
        )


def status_legend() -> QWidget:
    """A swatch per status, coloured as in the table."""
    legend = QWidget()
    row = QHBoxLayout(legend)
    row.setContentsMargins(0, 0, 0, 0)
    row.addWidget(QLabel("สถานะ:"))
    for status in SHOWN_STATUSES:
        swatch = QLabel(status)
        color = STATUS_TEXT_COLORS.get(status, "#000000")
        swatch.setStyleSheet(
            f"background: {STATUS_COLORS[status]}; color: {color}; padding: 1px 6px;"
        )
        row.addWidget(swatch)
    row.addStretch(1)
    return legend
