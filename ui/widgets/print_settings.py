"""How the year's documents print and what the user writes for them.

Two pages the rules page shows as tabs:
- `print_page` "การพิมพ์เอกสาร": digits, the documents of the bundle, the optional sections, how
  the implementation report is arranged; the columns of the measures and results tables (which
  print, in what order, under which header); who signs, and the announcement's signer and date.
- `content_page` "เนื้อหาเอกสาร": the texts of the sections (preface, background, objectives,
  targets, limitations, preparing unit, announcement) and which issues are urgent or to develop.
"""

from __future__ import annotations

import copy
from typing import Any

from PySide6.QtCore import QItemSelectionModel, QObject, Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QPushButton,
    QRadioButton,
    QStackedWidget,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ita_desktop.documents import labels as doc
from ita_desktop.documents.common import executive_title
from ita_desktop.domain.models import (
    DOCUMENTS,
    RESULTS_LAYOUTS,
    SECTIONS,
    Assessment,
    ReportSettings,
    TableColumn,
)
from ita_desktop.services import assessments, report_settings

from .. import labels
from ..models.columns_model import FIELD, HEADER, JOIN, SHOWN, ColumnsModel
from ..models.signatories_model import SignatoriesModel, Signatory
from ..undo import ChangeCommand, History, set_setting
from ..widgets.fields import CommitLineEdit, CommitTextEdit
from ..widgets.list_keys import on_delete
from ..widgets.sizing import compact_rows, fills_height, rows_fit_contents
from ..widgets.text_delegate import EDIT_ON_TYPING, CellDelegate
from ..workspace import Workspace
from .print_texts import (
    BUNDLE_NAMES,
    DATE_HINT,
    ERROR_STYLE,
    LINES_NOTE,
    NOTE_STYLE,
    PREFACE_HINT,
    PRIORITIES_ENTRY,
    PRIORITY_CHOICES,
    ROUNDS_NOTE,
    TABLES,
    TEXTS,
    date_text,
    parse_date,
)


class PrintSettingsPanel(QObject):
    """Edits `ReportSettings` of one assessment (and its issue priorities); every change saves
    at once and undoes."""

    def __init__(
        self, workspace: Workspace, history: History, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.workspace, self.history = workspace, history
        self.assessment_id: int | None = None
        self.assessment: Assessment | None = None
        self.settings = ReportSettings()
        self._loading = False
        self.print_page = QWidget()
        self.content_page = QWidget()
        self._build_print_page()
        self._build_content_page()

    # building: the print page -----------------------------------------------------------
    def _build_print_page(self) -> None:
        columns = QHBoxLayout(self.print_page)
        columns.setContentsMargins(4, 4, 4, 4)
        columns.addWidget(self._build_choices(), 4)
        columns.addWidget(self._build_columns(), 5)
        columns.addWidget(self._build_signers(), 4)

    def _build_choices(self) -> QGroupBox:
        box = QGroupBox("เอกสารและส่วนที่พิมพ์")
        layout = QVBoxLayout(box)
        layout.setSpacing(3)

        self.digits = QButtonGroup(self)
        digits_row = QHBoxLayout()
        for thai, text in (
            (True, f"{labels.THAI_DIGITS} (&U)"),
            (False, f"{labels.ARABIC_DIGITS} (&R)"),
        ):
            radio = QRadioButton(text)
            self.digits.addButton(radio, int(thai))
            digits_row.addWidget(radio)
        digits_row.addStretch(1)
        self.digits.idClicked.connect(
            lambda i: self._push("thai_digits", bool(i), "เปลี่ยนตัวเลขในเอกสาร")
        )
        layout.addWidget(_bold("ตัวเลขในเอกสาร"))
        layout.addLayout(digits_row)

        layout.addWidget(_bold("เอกสารในเล่มรวม (ส่งออกแบบ “รวมเล่ม”)"))
        self.bundle_boxes: dict[str, QCheckBox] = {}
        for key in DOCUMENTS:
            box_ = QCheckBox(BUNDLE_NAMES[key])
            box_.toggled.connect(lambda _on: self._bundle_changed())
            self.bundle_boxes[key] = box_
            layout.addWidget(box_)
        self.bundle_error = QLabel()
        self.bundle_error.setStyleSheet(ERROR_STYLE)
        self.bundle_error.hide()
        layout.addWidget(self.bundle_error)

        layout.addWidget(_bold("รายงานผลการดำเนินการ จัดตาราง"))
        self.layout_group = QButtonGroup(self)
        for i, key in enumerate(RESULTS_LAYOUTS):
            radio = QRadioButton(doc.RESULTS_LAYOUT_NAMES[key])
            radio.setProperty("layout", key)
            self.layout_group.addButton(radio, i)
            layout.addWidget(radio)
        self.layout_group.idClicked.connect(
            lambda i: self._push("results_layout", RESULTS_LAYOUTS[i], "เปลี่ยนการจัดรายงานผล")
        )

        layout.addWidget(_bold("ส่วนที่พิมพ์ (เมื่อมีข้อความหรือข้อมูล)"))
        grid = QGridLayout()
        grid.setVerticalSpacing(2)
        self.section_boxes: dict[str, QCheckBox] = {}
        for i, key in enumerate(SECTIONS):
            check = QCheckBox(doc.SECTION_NAMES[key])
            check.toggled.connect(lambda _on: self._sections_changed())
            self.section_boxes[key] = check
            grid.addWidget(check, i // 2, i % 2)
        layout.addLayout(grid)
        layout.addStretch(1)
        return box

    def _build_columns(self) -> QGroupBox:
        box = QGroupBox("คอลัมน์ของตาราง")
        self.table_combo = QComboBox()
        for key, (name, _fields, _default) in TABLES.items():
            self.table_combo.addItem(name, key)
        self.table_combo.currentIndexChanged.connect(lambda _i: self._show_columns())
        table_label = QLabel("ตาราง (&T)")
        table_label.setBuddy(self.table_combo)
        self.columns_model = ColumnsModel(self._columns_edited, self._columns_refused)
        view = self.columns_view = QTableView()
        view.setModel(self.columns_model)
        view.setAccessibleName("คอลัมน์ที่พิมพ์")
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.verticalHeader().hide()
        compact_rows(view)
        header = view.horizontalHeader()
        header.setDefaultAlignment(
            Qt.AlignmentFlag(int(Qt.AlignmentFlag.AlignCenter) | int(Qt.TextFlag.TextWordWrap))
        )
        header.setMinimumHeight(2 * header.fontMetrics().lineSpacing() + 8)
        for section in (SHOWN, JOIN):
            header.setSectionResizeMode(section, QHeaderView.ResizeMode.ResizeToContents)
        for section in (FIELD, HEADER):
            header.setSectionResizeMode(section, QHeaderView.ResizeMode.Stretch)
        fills_height(view, 150)
        columns_label = QLabel("คอลัมน์ (&K)")
        columns_label.setBuddy(view)
        self.columns_error = QLabel()
        self.columns_error.setStyleSheet(ERROR_STYLE)
        self.columns_error.hide()
        up = QPushButton(QIcon("icons:up.svg"), "ขึ้น")
        down = QPushButton(QIcon("icons:down.svg"), "ลง")
        reset = QPushButton("ค่าเริ่มต้น")
        up.setToolTip("เลื่อนคอลัมน์ที่เลือกไปทางซ้าย")
        down.setToolTip("เลื่อนคอลัมน์ที่เลือกไปทางขวา")
        reset.setToolTip("ใช้คอลัมน์มาตรฐานของโปรแกรม")
        up.clicked.connect(lambda: self.move_column(-1))
        down.clicked.connect(lambda: self.move_column(1))
        reset.clicked.connect(self.reset_columns)
        buttons = QHBoxLayout()
        for b in (up, down, reset):
            buttons.addWidget(b)
        buttons.addStretch(1)
        note = QLabel("ติ๊กคอลัมน์ที่พิมพ์ แก้หัวคอลัมน์ในตาราง หรือรวมกับคอลัมน์ซ้าย")
        note.setWordWrap(True)
        note.setStyleSheet(NOTE_STYLE)
        note.setToolTip(
            "“รวมกับคอลัมน์ซ้าย” พิมพ์ข้อมูลนั้นต่อท้ายคอลัมน์ทางซ้าย ใต้หัวคอลัมน์นั้น "
            "พร้อมชื่อข้อมูลนำหน้า เช่น ระยะเวลา/การติดตามผล"
        )
        layout = QVBoxLayout(box)
        row = QHBoxLayout()
        row.addWidget(table_label)
        row.addWidget(self.table_combo, 1)
        layout.addLayout(row)
        layout.addWidget(columns_label)
        layout.addWidget(view, 1)
        layout.addWidget(self.columns_error)
        layout.addLayout(buttons)
        layout.addWidget(note)
        return box

    def _build_signers(self) -> QGroupBox:
        box = QGroupBox("ผู้ลงนาม")
        self.signatories_model = SignatoriesModel(
            lambda rows: self._push("signatories", rows, "แก้ผู้ลงนาม")
        )
        view = self.signatories_view = QTableView()
        view.setModel(self.signatories_model)
        view.setAccessibleName("ผู้ลงนามท้ายเอกสาร")
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        rows_fit_contents(view)  # laid out while its tab was hidden: refitted when shown
        view.setEditTriggers(EDIT_ON_TYPING)
        view.setItemDelegate(CellDelegate(view))
        on_delete(view, self.remove_signatory)
        fills_height(view, 90)
        signatories_label = QLabel("ผู้ลงนามท้ายเอกสาร (&S)")
        signatories_label.setBuddy(view)
        buttons = QHBoxLayout()
        self.add_button = QPushButton(QIcon("icons:add.svg"), "เพิ่ม (&A)")
        self.add_button.setToolTip("เพิ่มผู้ลงนาม แล้วพิมพ์ชื่อและตำแหน่งในตาราง")
        self.add_button.clicked.connect(lambda: self.add_signatory())
        buttons.addWidget(self.add_button)
        for text, icon, tip, slot in (
            ("ลบ (&L)", "delete", "ลบผู้ลงนามที่เลือก", self.remove_signatory),
            ("ขึ้น (&B)", "up", "เลื่อนผู้ลงนามที่เลือกขึ้น", lambda: self.move_signatory(-1)),
            ("ลง (&O)", "down", "เลื่อนผู้ลงนามที่เลือกลง", lambda: self.move_signatory(1)),
        ):
            button = QPushButton(QIcon(f"icons:{icon}.svg"), text)
            button.setToolTip(tip)
            button.clicked.connect(slot)
            buttons.addWidget(button)
        buttons.addStretch(1)

        self.executive_name = CommitLineEdit()
        self.executive_name.setPlaceholderText("เว้นว่าง: ผู้ลงนามคนแรก")
        self.executive_position = CommitLineEdit()
        self.executive_name.committed.connect(lambda _t: self._executive_edited())
        self.executive_position.committed.connect(lambda _t: self._executive_edited())
        self.date_edit = CommitLineEdit()
        self.date_edit.setPlaceholderText(DATE_HINT)
        self.date_edit.setToolTip(DATE_HINT)
        self.date_edit.committed.connect(self._date_edited)
        self.date_error = QLabel()
        self.date_error.setStyleSheet(ERROR_STYLE)
        self.date_error.hide()
        form = QFormLayout()
        # labels above the fields: the column is narrow, and the hints in the fields are long
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        form.setVerticalSpacing(2)
        for text, field in (
            ("ชื่อผู้ลงนามประกาศ (&N)", self.executive_name),
            ("ตำแหน่ง (&P)", self.executive_position),
            ("วันที่ประกาศ (&D)", self.date_edit),
        ):
            label = QLabel(text)
            label.setBuddy(field)
            form.addRow(label, field)
        form.addRow("", self.date_error)

        layout = QVBoxLayout(box)
        layout.addWidget(signatories_label)
        layout.addWidget(view, 1)
        layout.addLayout(buttons)
        announce = _bold("ประกาศมาตรการ (ลงนามโดยผู้บริหาร)")
        announce.setToolTip("พิมพ์เป็นหน้าแรกของมาตรการ เมื่อติ๊ก “ประกาศมาตรการ” ในส่วนที่พิมพ์")
        layout.addWidget(announce)
        layout.addLayout(form)
        return box

    # building: the content page ---------------------------------------------------------
    def _build_content_page(self) -> None:
        self.text_list = QListWidget()
        self.text_list.setAccessibleName("ส่วนของเอกสาร")
        self.text_stack = QStackedWidget()
        self.text_edits: dict[str, CommitTextEdit] = {}
        for key, (name, hint) in TEXTS.items():
            self.text_list.addItem(name)
            page = QWidget()
            column = QVBoxLayout(page)
            column.setContentsMargins(0, 0, 0, 0)
            title = _bold(name)
            where = QLabel(hint)
            where.setWordWrap(True)
            where.setStyleSheet(NOTE_STYLE)
            edit = CommitTextEdit()
            edit.setAccessibleName(name)
            fills_height(edit, 120)
            edit.committed.connect(
                lambda text, k=key, e=edit: self._push(k, text, f"แก้{TEXTS[k][0]}", e.session_key())
            )
            lines = QLabel(LINES_NOTE)
            lines.setWordWrap(True)
            lines.setStyleSheet(NOTE_STYLE)
            column.addWidget(title)
            column.addWidget(where)
            column.addWidget(edit, 1)
            column.addWidget(lines)
            self.text_edits[key] = edit
            self.text_stack.addWidget(page)
        self.preface_edit = self.text_edits["preface"]
        self.preface_edit.setPlaceholderText(PREFACE_HINT)
        self.text_list.addItem(PRIORITIES_ENTRY)
        self.text_stack.addWidget(self._build_priorities())
        self.text_list.currentRowChanged.connect(self._show_text)
        self.text_list.setCurrentRow(0)
        self.text_list.setMaximumWidth(260)
        list_label = QLabel("ส่วนของเอกสาร (&C)")
        list_label.setBuddy(self.text_list)

        note = QLabel(ROUNDS_NOTE)
        note.setWordWrap(True)
        note.setStyleSheet(NOTE_STYLE)
        left = QVBoxLayout()
        left.addWidget(list_label)
        left.addWidget(self.text_list, 1)
        left.addWidget(note)
        layout = QHBoxLayout(self.content_page)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(left)
        layout.addWidget(self.text_stack, 1)

    def _build_priorities(self) -> QWidget:
        page = QWidget()
        column = QVBoxLayout(page)
        column.setContentsMargins(0, 0, 0, 0)
        where = QLabel(
            "ตัวชี้วัดที่เลือกพิมพ์เป็นตาราง “ประเด็นที่ต้องแก้ไขโดยเร่งด่วน” และ “ประเด็นที่ต้องพัฒนา” "
            "ต่อจากตารางประเด็นที่ต้องแก้ไขในรายงานการวิเคราะห์ พร้อมประเด็นของตัวชี้วัดนั้น"
        )
        where.setWordWrap(True)
        where.setStyleSheet(NOTE_STYLE)
        table = self.priorities_table = QTableWidget(0, 3)
        table.setHorizontalHeaderLabels(["ตัวชี้วัด", "ความสำคัญ", "ประเด็นที่ต้องแก้ไข"])
        table.setAccessibleName(PRIORITIES_ENTRY)
        table.verticalHeader().hide()
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        table.setWordWrap(False)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        fills_height(table, 150)
        self.priority_combos: dict[int, QComboBox] = {}
        column.addWidget(_bold(PRIORITIES_ENTRY))
        column.addWidget(where)
        column.addWidget(table, 1)
        return page

    def _show_text(self, row: int) -> None:
        for edit in self.text_edits.values():
            edit.commit()  # what was typed is saved before another text shows
        if row >= 0:
            self.text_stack.setCurrentIndex(row)

    def show_text(self, key: str) -> CommitTextEdit:
        """Bring the editor of one text forward (for the user and for tests)."""
        self.text_list.setCurrentRow(list(TEXTS).index(key))
        return self.text_edits[key]

    def show_priorities(self) -> None:
        self.text_list.setCurrentRow(len(TEXTS))

    # loading -----------------------------------------------------------------------------
    def commit(self) -> None:
        """Save what is typed and not yet saved (before another year shows)."""
        for edit in self.text_edits.values():
            edit.commit()
        for line in (self.executive_name, self.executive_position, self.date_edit):
            line.commit()

    def load(self, assessment_id: int) -> None:
        if assessment_id != self.assessment_id:
            self.commit()  # what was typed belongs to the year shown before
        self.assessment_id = assessment_id
        self.assessment = self.workspace.assessment()
        s = self.settings = report_settings.get_settings(self.workspace.db, assessment_id)
        self._loading = True
        try:
            self.digits.button(int(s.thai_digits)).setChecked(True)
            for key, box in self.bundle_boxes.items():
                box.setChecked(key in s.bundle)
            self.bundle_error.hide()
            self.layout_group.button(RESULTS_LAYOUTS.index(s.results_layout)).setChecked(True)
            for key, box in self.section_boxes.items():
                box.setChecked(s.shows(key))
            for key, edit in self.text_edits.items():
                edit.set_value(getattr(s, key))
            self.signatories_model.set_rows(s.signatories)
            self.executive_name.set_value(s.executive[0])
            self.executive_position.set_value(s.executive[1])
            org = self.workspace.organization()
            title = executive_title(org.name, org.kind) if org is not None else ""
            self.executive_position.setPlaceholderText(
                f"เว้นว่าง: {title}" if title else "ตำแหน่งของผู้บริหาร"
            )
            self.date_edit.set_value(date_text(s.announcement_date))
            self.date_error.hide()
            self._show_columns()
            self._show_priorities()
        finally:
            self._loading = False

    def _show_columns(self) -> None:
        key = self.table_combo.currentData()
        _name, fields, _default = TABLES[key]
        self.columns_model.set_columns(copy.deepcopy(getattr(self.settings, key)), fields)
        self.columns_error.hide()

    def _show_priorities(self) -> None:
        a = self.assessment
        table = self.priorities_table
        self.priority_combos.clear()
        indicators = a.rules.indicators if a is not None else []
        table.setRowCount(len(indicators))
        for row, ind in enumerate(indicators):
            assert a is not None
            table.setItem(row, 0, QTableWidgetItem(f"{ind.number}. {ind.name}"))
            issue = a.issues_by_indicator.get(ind.number, "").replace("\n", " ")
            item = QTableWidgetItem(issue or "–")
            item.setToolTip(a.issues_by_indicator.get(ind.number, ""))
            table.setItem(row, 2, item)
            combo = QComboBox()
            combo.setAccessibleName(f"ความสำคัญของประเด็นตัวชี้วัดที่ {ind.number}")
            for value, name in PRIORITY_CHOICES:
                combo.addItem(name, value)
            combo.setCurrentIndex(combo.findData(a.issue_priorities.get(ind.number, "")))
            combo.activated.connect(lambda _i, n=ind.number, c=combo: self._priority_edited(n, c))
            table.setCellWidget(row, 1, combo)
            self.priority_combos[ind.number] = combo

    # editing -----------------------------------------------------------------------------
    def _push(self, attr: str, new: Any, text: str, merge_key: object = None) -> None:
        if self.assessment_id is None or self._loading:
            return
        old = getattr(self.settings, attr)
        if old == new:
            return
        setattr(self.settings, attr, copy.deepcopy(new))
        set_setting(self.history, self.assessment_id, attr, old, new, text, merge_key)

    def _bundle_changed(self) -> None:
        if self._loading:
            return
        chosen = [k for k in DOCUMENTS if self.bundle_boxes[k].isChecked()]
        if not chosen:
            self.bundle_error.setText("เล่มรวมต้องมีเอกสารอย่างน้อยหนึ่งฉบับ")
            self.bundle_error.show()
            return
        self.bundle_error.hide()
        self._push("bundle", chosen, "เปลี่ยนเอกสารในเล่มรวม")

    def _sections_changed(self) -> None:
        hidden = [k for k in SECTIONS if not self.section_boxes[k].isChecked()]
        self._push("hidden_sections", hidden, "เปลี่ยนส่วนที่พิมพ์")

    def _columns_edited(self, columns: list[TableColumn]) -> None:
        self.columns_error.hide()
        self._push(self.table_combo.currentData(), columns, "เปลี่ยนคอลัมน์ของตาราง")

    def _columns_refused(self, message: str) -> None:
        self.columns_error.setText(message)
        self.columns_error.show()

    def move_column(self, step: int) -> None:
        row = self.columns_view.currentIndex().row()
        target = self.columns_model.move(row, step)
        if target >= 0:
            self.columns_view.selectionModel().setCurrentIndex(
                self.columns_model.index(target, FIELD),
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )

    def reset_columns(self) -> None:
        key = self.table_combo.currentData()
        _name, _fields, default = TABLES[key]
        self._push(key, default(), "ใช้คอลัมน์มาตรฐาน")
        self._show_columns()

    def set_columns(self, key: str, columns: list[TableColumn]) -> None:
        """Choose a table's columns at once (one undo step)."""
        self._push(key, columns, "เปลี่ยนคอลัมน์ของตาราง")
        if self.table_combo.currentData() == key:
            self._show_columns()

    def _executive_edited(self) -> None:
        new = (self.executive_name.value(), self.executive_position.value())
        self._push("executive", new, "แก้ผู้ลงนามประกาศ")

    def _date_edited(self, text: str) -> None:
        stored = parse_date(text)
        if stored is None:
            self.date_error.setText("วันที่ต้องเป็น วัน/เดือน/ปี พ.ศ. เช่น 15/10/2564")
            self.date_error.show()
            return
        try:
            report_settings.check_date(stored)
        except Exception as exc:  # noqa: BLE001 - the Thai reason shown beside the field
            self.date_error.setText(getattr(exc, "thai", str(exc)))
            self.date_error.show()
            return
        self.date_error.hide()
        self._push("announcement_date", stored, "แก้วันที่ประกาศ")

    def _priority_edited(self, number: int, combo: QComboBox) -> None:
        a, assessment_id = self.assessment, self.assessment_id
        if a is None or assessment_id is None:
            return
        old = a.issue_priorities.get(number) or None
        new = combo.currentData() or None
        if old == new:
            return
        if new:
            a.issue_priorities[number] = new
        else:
            a.issue_priorities.pop(number, None)
        db = self.workspace.db
        self.history.push(
            ChangeCommand(
                self.history,
                f"แก้ความสำคัญของประเด็นตัวชี้วัดที่ {number}",
                lambda value: assessments.set_issue_priority(db, assessment_id, number, value),
                old,
                new,
            )
        )

    def _rows(self) -> list[Signatory]:
        return list(self.settings.signatories)

    def add_signatory(self, name: str = "", position: str = "") -> None:
        """A new row at the end, ready to type its name in."""
        self._push("signatories", self._rows() + [(name, position)], "เพิ่มผู้ลงนาม")
        row = len(self.settings.signatories) - 1
        self._select(row)
        if not name:
            self.signatories_view.setFocus()
            self.signatories_view.edit(self.signatories_model.index(row, 0))

    def remove_signatory(self) -> None:
        row = self.signatories_view.currentIndex().row()
        rows = self._rows()
        if 0 <= row < len(rows):
            del rows[row]
            self._push("signatories", rows, "ลบผู้ลงนาม")
            self._select(min(row, len(rows) - 1))

    def move_signatory(self, step: int) -> None:
        row = self.signatories_view.currentIndex().row()
        rows = self._rows()
        target = row + step
        if row < 0 or not 0 <= target < len(rows):
            return
        rows.insert(target, rows.pop(row))
        self._push("signatories", rows, "ย้ายผู้ลงนาม")
        self._select(target)

    def _select(self, row: int) -> None:
        if 0 <= row < self.signatories_model.rowCount():
            self.signatories_view.selectionModel().setCurrentIndex(
                self.signatories_model.index(row, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )


def _bold(text: str) -> QLabel:
    label = QLabel(text)
    label.setStyleSheet("font-weight: bold;")
    return label
