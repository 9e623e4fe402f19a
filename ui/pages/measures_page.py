"""มาตรการ: the measures plan — add, duplicate, delete, reorder, and edit each measure."""

from __future__ import annotations

import copy

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QIcon, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
)

from ita_desktop.domain.models import Measure
from ita_desktop.services import measures

from .. import workspace as kinds
from ..models.measures_model import INDICATORS, PERIOD, RESPONSIBLE, STEPS, TITLE, MeasuresModel
from ..pages.base import Page, scrolled
from ..undo import AddMeasureCommand, DeleteMeasureCommand, MoveMeasureCommand, edit_measure
from ..widgets.measure_editor import MeasureEditor
from ..widgets.sizing import rows_fit_contents, splitter_shares
from ..widgets.text_delegate import EDIT_ON_TYPING, CellDelegate, MultiLineDelegate

NEW_TITLE = "มาตรการใหม่"
COLUMN_WIDTHS = {STEPS: 260, RESPONSIBLE: 160, PERIOD: 150, INDICATORS: 90}


class MeasuresPage(Page):
    key = "measures"
    WATCHES = (kinds.MEASURES, kinds.ORGANIZATION, kinds.ASSESSMENT)  # (indicator names)

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.assessment_id: int | None = None
        self._indicator_names: list[tuple[int, str]] = []
        self.model = MeasuresModel(self._edited_in_table)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setWordWrap(True)
        self.view.setEditTriggers(EDIT_ON_TYPING)
        self.view.setItemDelegate(CellDelegate(self.view))
        header = self.view.horizontalHeader()
        header.setDefaultAlignment(
            Qt.AlignmentFlag(int(Qt.AlignmentFlag.AlignCenter) | int(Qt.TextFlag.TextWordWrap))
        )
        header.setMinimumHeight(int(header.fontMetrics().height() * 2.4))
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(TITLE, QHeaderView.ResizeMode.Stretch)
        for column, width in COLUMN_WIDTHS.items():
            self.view.setColumnWidth(column, width)
        self.view.setItemDelegateForColumn(STEPS, MultiLineDelegate(self.view))
        self.steps_toggle = QCheckBox("แสดงขั้นตอนในตาราง")
        self.steps_toggle.setToolTip("แสดงคอลัมน์ขั้นตอน/วิธีการในตาราง (แก้ไขได้ในแบบฟอร์มด้านขวาเสมอ)")
        self.steps_toggle.toggled.connect(lambda on: self.view.setColumnHidden(STEPS, not on))
        self.view.setColumnHidden(STEPS, True)  # long: shown in the form beside, or on demand
        rows_fit_contents(self.view)
        self.view.setAccessibleName("ตารางมาตรการ")

        self.add_button = QPushButton("เพิ่มมาตรการ (&A)")
        self.duplicate_button = QPushButton("ทำสำเนา (&D)")
        self.delete_button = QPushButton("ลบ (&R)")
        self.up_button = QPushButton("เลื่อนขึ้น (&U)")
        self.down_button = QPushButton("เลื่อนลง (&O)")
        self.add_button.setToolTip("เพิ่มมาตรการใหม่ต่อจากมาตรการที่เลือก")
        self.duplicate_button.setToolTip("ทำสำเนามาตรการที่เลือก ไว้แก้เป็นมาตรการใหม่")
        self.delete_button.setToolTip("ลบมาตรการที่เลือก (Delete) — เลิกทำได้ด้วย Ctrl+Z")
        self.up_button.setToolTip("เลื่อนมาตรการที่เลือกขึ้น (Alt+↑): ลำดับเดียวกับในเอกสาร")
        self.down_button.setToolTip("เลื่อนมาตรการที่เลือกลง (Alt+↓): ลำดับเดียวกับในเอกสาร")
        self.add_button.clicked.connect(self.add_measure)
        self.duplicate_button.clicked.connect(self.duplicate_measure)
        self.delete_button.clicked.connect(self.delete_measure)
        self.up_button.clicked.connect(lambda: self.move_measure(-1))
        self.down_button.clicked.connect(lambda: self.move_measure(1))
        for keys, slot in (
            (QKeySequence.StandardKey.Delete, self.delete_measure),
            ("Alt+Up", lambda: self.move_measure(-1)),
            ("Alt+Down", lambda: self.move_measure(1)),
        ):
            shortcut = QShortcut(QKeySequence(keys), self.view)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(slot)
        buttons = QHBoxLayout()
        for b, icon in (
            (self.add_button, "add"),
            (self.duplicate_button, "duplicate"),
            (self.delete_button, "delete"),
            (self.up_button, "up"),
            (self.down_button, "down"),
        ):
            b.setIcon(QIcon(f"icons:{icon}.svg"))
            buttons.addWidget(b)
        buttons.addStretch(1)
        self.count_label = QLabel()

        self.editor = MeasureEditor()
        self.editor.edited.connect(self._edited_in_form)
        editor_box = QGroupBox("รายละเอียดมาตรการที่เลือก")
        editor_layout = QVBoxLayout(editor_box)
        editor_layout.addWidget(self.editor)
        editor_layout.addStretch(1)  # on a tall screen the form stays together at the top
        splitter = QSplitter(Qt.Orientation.Horizontal)
        left = self.plan_box = QGroupBox()
        left_layout = QVBoxLayout(left)
        left_layout.addLayout(buttons)
        left_layout.addWidget(self.view)
        under = QHBoxLayout()
        under.addWidget(self.count_label)
        under.addStretch(1)
        under.addWidget(self.steps_toggle)
        left_layout.addLayout(under)
        splitter.addWidget(left)
        splitter.addWidget(scrolled(editor_box))
        # the form as wide as the table: its checkboxes (indicators, units) in two columns, so
        # at 1366x704 it fits beside the table without scrolling
        splitter_shares(splitter, [1, 1])
        splitter.setChildrenCollapsible(False)
        QVBoxLayout(self.body).addWidget(splitter)
        self.view.selectionModel().currentRowChanged.connect(lambda *_: self._show_selected())
        self._update_buttons()

    # loading -----------------------------------------------------------------------------
    def load(self) -> None:
        ws = self.workspace
        a = self.assessment()
        org = ws.organization()
        plan_year = a.year + 1  # the plan answers this year's results and runs the next year
        names = [(i.number, i.name) for i in a.rules.indicators]
        if a.id != self.assessment_id:
            self.assessment_id = a.id
            self._indicator_names = names
            self.editor.set_context(a.rules, org.units if org else [], plan_year)
            self.model.set_measures([])
            self.model.fiscal_year = plan_year
            # the year the results came from under the table: a title as wide as the table
            # would keep the form beside it too narrow for two columns of checkboxes
            self.plan_box.setTitle(
                f"มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน ปีงบประมาณ พ.ศ. {plan_year}"
            )
        elif names != self._indicator_names or (org is not None and org.units != self.editor.units):
            self._indicator_names = names  # renamed on the rules page
            self.editor.set_context(a.rules, org.units if org else [], plan_year)
        selected = self.selected_measure()
        self.model.set_measures(measures.list_measures(ws.db, self.assessment_id_of(a)))
        row = self.model.row_of(selected.id) if selected else -1
        if row < 0 and self.model.rowCount():
            row = min(self.view.currentIndex().row(), self.model.rowCount() - 1)
            row = max(row, 0)
        self.select_row(row)
        self._show_selected()
        self.count_label.setText(
            f"ทั้งหมด {self.model.rowCount()} มาตรการ (จากผลการประเมินปี {a.year})"
        )

    def selected_row(self) -> int:
        index = self.view.currentIndex()
        return index.row() if index.isValid() else -1

    def selected_measure(self) -> Measure | None:
        row = self.selected_row()
        return self.model.measures[row] if 0 <= row < len(self.model.measures) else None

    def select_row(self, row: int) -> None:
        if 0 <= row < self.model.rowCount():
            self.view.selectionModel().setCurrentIndex(
                self.model.index(row, TITLE),
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )

    def _show_selected(self) -> None:
        m = self.selected_measure()
        if (
            self.editor.measure is None
            or m is None
            or self.editor.measure.id != m.id
            or self.editor.measure != m
        ):
            self.editor.set_measure(m)
        self._update_buttons()

    def _update_buttons(self) -> None:
        row = self.selected_row()
        has = row >= 0
        for b in (self.duplicate_button, self.delete_button):
            b.setEnabled(has)
        self.up_button.setEnabled(has and row > 0)
        self.down_button.setEnabled(has and row < self.model.rowCount() - 1)

    # commands ----------------------------------------------------------------------------
    def _key(self, m: Measure) -> int:
        """The undo history's stable key of a measure shown with its current database id."""
        assert m.id is not None
        return self.history.key_of(m.id)

    def add_measure(self) -> None:
        if self.assessment_id is None:
            return
        row = self.selected_row()
        index = row + 1 if row >= 0 else None
        self.history.push(
            AddMeasureCommand(self.history, self.assessment_id, Measure(NEW_TITLE), index)
        )
        self.select_row(index if index is not None else self.model.rowCount() - 1)
        self.editor.title_edit.setFocus()
        self.editor.title_edit.selectAll()

    def duplicate_measure(self) -> None:
        m = self.selected_measure()
        if m is None or self.assessment_id is None:
            return
        copy_of = copy.deepcopy(m)
        copy_of.title = f"{m.title} (สำเนา)"
        row = self.selected_row()
        self.history.push(
            AddMeasureCommand(self.history, self.assessment_id, copy_of, row + 1, "ทำสำเนามาตรการ")
        )
        self.select_row(row + 1)

    def delete_measure(self) -> None:
        m = self.selected_measure()
        if m is None or self.assessment_id is None:
            return
        row = self.selected_row()
        self.history.push(DeleteMeasureCommand(self.history, self._key(m)))
        self.select_row(min(row, self.model.rowCount() - 1))

    def move_measure(self, step: int) -> None:
        m = self.selected_measure()
        row = self.selected_row()
        target = row + step
        if m is None or not 0 <= target < self.model.rowCount():
            return
        self.history.push(MoveMeasureCommand(self.history, self._key(m), row, target))
        self.select_row(self.model.row_of(m.id))

    def _edited_in_table(self, old: Measure, new: Measure) -> None:
        if self.assessment_id is not None:
            edit_measure(self.history, self._key(old), old, new)

    def _edited_in_form(self, old: Measure, new: Measure, merge_key: object) -> None:
        if self.assessment_id is not None:
            edit_measure(self.history, self._key(old), old, new, merge_key)
