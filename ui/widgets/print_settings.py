"""How the year's documents print: digits, preface (คำนำ), and who signs them."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QItemSelectionModel
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QRadioButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ita_desktop.domain.models import ReportSettings
from ita_desktop.services import report_settings

from .. import labels
from ..models.signatories_model import SignatoriesModel, Signatory
from ..undo import History, set_setting
from ..widgets.fields import CommitTextEdit
from ..widgets.sizing import fills_height
from ..workspace import Workspace

PREFACE_HINT = "เว้นว่างไว้เพื่อใช้คำนำมาตรฐานที่โปรแกรมเขียนให้"
ROUNDS_NOTE = "สรุปผล ปัญหาอุปสรรค และข้อเสนอแนะของแต่ละรอบ กรอกที่หน้า “ผลการดำเนินงาน”"
NOTE_STYLE = "color: #555;"


class PrintSettingsPanel(QGroupBox):
    """Edits `ReportSettings` of one assessment; every change saves at once and undoes."""

    def __init__(
        self, workspace: Workspace, history: History, parent: QWidget | None = None
    ) -> None:
        super().__init__("การพิมพ์เอกสารของปีนี้", parent)
        self.workspace, self.history = workspace, history
        self.assessment_id: int | None = None
        self.settings = ReportSettings()

        self.digits = QButtonGroup(self)
        digits_column = QVBoxLayout()
        digits_column.setSpacing(2)
        for thai, text in (
            (True, f"{labels.THAI_DIGITS} (&U)"),
            (False, f"{labels.ARABIC_DIGITS} (&R)"),
        ):
            radio = QRadioButton(text)
            self.digits.addButton(radio, int(thai))
            digits_column.addWidget(radio)
        self.digits.idClicked.connect(
            lambda i: self._push("thai_digits", bool(i), "เปลี่ยนตัวเลขในเอกสาร")
        )

        self.preface_edit = CommitTextEdit()
        self.preface_edit.setPlaceholderText(PREFACE_HINT)
        self.preface_edit.setAccessibleName("คำนำ")
        fills_height(self.preface_edit, 80)
        self.preface_edit.committed.connect(
            lambda text: self._push("preface", text, "แก้คำนำ", self.preface_edit.session_key())
        )
        preface_label = QLabel("คำนำ (&C)")
        preface_label.setBuddy(self.preface_edit)

        self.signatories_model = SignatoriesModel(
            lambda rows: self._push("signatories", rows, "แก้ผู้ลงนาม")
        )
        view = self.signatories_view = QTableView()
        view.setModel(self.signatories_model)
        view.setAccessibleName("ผู้ลงนามท้ายเอกสาร")
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.setWordWrap(True)
        view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        fills_height(view, 100)
        signatories_label = QLabel("ผู้ลงนามท้ายเอกสาร (&S)")
        signatories_label.setBuddy(view)
        buttons = QVBoxLayout()
        self.add_button = QPushButton(QIcon("icons:add.svg"), "เพิ่ม (&M)")
        self.add_button.setToolTip("เพิ่มผู้ลงนาม แล้วพิมพ์ชื่อและตำแหน่งในตาราง")
        self.add_button.clicked.connect(lambda: self.add_signatory())
        buttons.addWidget(self.add_button)
        for text, icon, tip, slot in (
            ("ลบ", "delete", "ลบผู้ลงนามที่เลือก", self.remove_signatory),
            ("ขึ้น", "up", "เลื่อนผู้ลงนามที่เลือกขึ้น", lambda: self.move_signatory(-1)),
            ("ลง", "down", "เลื่อนผู้ลงนามที่เลือกลง", lambda: self.move_signatory(1)),
        ):
            button = QPushButton(QIcon(f"icons:{icon}.svg"), text)
            button.setToolTip(tip)
            button.clicked.connect(slot)
            buttons.addWidget(button)
        buttons.addStretch(1)

        note = QLabel(ROUNDS_NOTE)
        note.setWordWrap(True)
        note.setStyleSheet(NOTE_STYLE)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("ตัวเลขในเอกสาร"))
        layout.addLayout(digits_column)
        layout.addWidget(preface_label)
        layout.addWidget(self.preface_edit, 1)
        layout.addWidget(signatories_label)
        table_row = QHBoxLayout()
        table_row.addWidget(view, 1)
        table_row.addLayout(buttons)
        layout.addLayout(table_row, 1)
        layout.addWidget(note)

    # loading -----------------------------------------------------------------------------
    def load(self, assessment_id: int) -> None:
        if assessment_id != self.assessment_id:
            self.preface_edit.commit()  # what was typed belongs to the year shown before
        self.assessment_id = assessment_id
        s = self.settings = report_settings.get_settings(self.workspace.db, assessment_id)
        self.digits.button(int(s.thai_digits)).setChecked(True)
        self.preface_edit.set_value(s.preface)
        self.signatories_model.set_rows(s.signatories)

    # editing -----------------------------------------------------------------------------
    def _push(self, attr: str, new: Any, text: str, merge_key: object = None) -> None:
        if self.assessment_id is None:
            return
        old = getattr(self.settings, attr)
        if old == new:
            return
        setattr(self.settings, attr, new)
        set_setting(self.history, self.assessment_id, attr, old, new, text, merge_key)

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
