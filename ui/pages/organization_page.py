"""หน่วยงาน: name, kind, district, province, logo and the internal units of the organisation."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QKeySequence, QPixmap, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListView,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
)

from ita_desktop.domain.models import Organization
from ita_desktop.errors import ValidationError
from ita_desktop.services import organizations
from ita_desktop.services.changes import Changes
from ita_desktop.thai.normalize import normalize_name

from .. import labels
from .. import workspace as kinds
from ..errors import reporting
from ..models.units_model import UnitsModel
from ..pages.base import Page
from ..undo import ChangeCommand
from ..widgets.fields import CommitLineEdit, combo_line_edit
from ..widgets.list_keys import DELETE_HINT, on_delete
from ..widgets.steady import steady_label
from ..widgets.text_delegate import EDIT_ON_TYPING, CellDelegate

LOGO_SIZE = 120
MAX_LOGO_BYTES = 2_000_000


class OrganizationPage(Page):
    key = "organization"
    WATCHES = (kinds.ORGANIZATION,)
    needs_assessment = False

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.org: Organization | None = None
        self.name_edit = CommitLineEdit()
        self.kind_combo = QComboBox()
        self.kind_combo.setEditable(True)
        self.kind_combo.addItems(labels.ORG_KINDS)
        combo_line_edit(self.kind_combo).editingFinished.connect(self._commit_kind)
        self.kind_combo.activated.connect(lambda _i: self._commit_kind())
        self.district_edit = CommitLineEdit()
        self.province_edit = CommitLineEdit()
        self.name_edit.setToolTip("ชื่อเต็มของหน่วยงาน ตามที่พิมพ์บนหน้าปกและหัวเอกสาร")
        self.kind_combo.setToolTip(
            "ประเภทหน่วยงาน (เลือกจากรายการหรือพิมพ์เอง) ใช้กำหนดตำแหน่งผู้บริหารที่ลงนามในเอกสาร"
        )
        self.district_edit.setToolTip("อำเภอที่ตั้งของหน่วยงาน (ใช้ในหัวเอกสาร)")
        self.province_edit.setToolTip("จังหวัดที่ตั้งของหน่วยงาน (ใช้ในหัวเอกสาร)")
        self.error_label = steady_label(QLabel())  # always there, empty when all is well:
        self.error_label.setStyleSheet("color: #b71c1c; font-weight: bold;")  # nothing moves
        self.name_edit.committed.connect(lambda v: self._commit_field("name", v, self.name_edit))
        self.district_edit.committed.connect(
            lambda v: self._commit_field("district", v, self.district_edit)
        )
        self.province_edit.committed.connect(
            lambda v: self._commit_field("province", v, self.province_edit)
        )

        details = QGroupBox("ข้อมูลหน่วยงาน")
        form = QFormLayout(details)
        for text, widget in (
            ("ชื่อหน่วยงาน (&N)", self.name_edit),
            ("ประเภท (&K)", self.kind_combo),
            ("อำเภอ (&D)", self.district_edit),
            ("จังหวัด (&V)", self.province_edit),
        ):
            label = QLabel(text)
            label.setBuddy(widget)
            form.addRow(label, widget)
        form.addRow(self.error_label)

        self.logo_label = QLabel("ไม่มีตราสัญลักษณ์")
        self.logo_label.setFixedSize(LOGO_SIZE, LOGO_SIZE)
        self.logo_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.logo_label.setStyleSheet("border: 1px dashed #999;")
        self.logo_label.setWordWrap(True)
        choose = QPushButton("เลือกรูป… (&L)")
        choose.setToolTip("เลือกไฟล์ตราสัญลักษณ์ PNG หรือ JPEG ไม่เกิน 2 MB (Alt+L)")
        choose.clicked.connect(self.choose_logo)
        self.remove_logo_button = QPushButton("ลบรูป (&B)")
        self.remove_logo_button.setToolTip("เอาตราสัญลักษณ์ออกจากหน้าปก (เลิกทำได้ด้วย Ctrl+Z)")
        self.remove_logo_button.clicked.connect(lambda: self.set_logo(None))
        logo_box = QGroupBox("ตราสัญลักษณ์ (ใช้บนหน้าปกเอกสาร)")
        logo_layout = QHBoxLayout(logo_box)
        logo_layout.addWidget(self.logo_label)
        logo_buttons = QVBoxLayout()
        logo_buttons.addWidget(choose)
        logo_buttons.addWidget(self.remove_logo_button)
        logo_buttons.addStretch(1)
        logo_layout.addLayout(logo_buttons)
        logo_layout.addStretch(1)

        self.units_model = UnitsModel(self._commit_units)
        self.units_view = QListView()
        self.units_view.setModel(self.units_model)
        self.units_view.setAccessibleName("รายชื่อหน่วยงานภายใน")
        self.units_view.setEditTriggers(EDIT_ON_TYPING)
        self.units_view.setItemDelegate(CellDelegate(self.units_view))
        self.units_view.setToolTip(
            "พิมพ์หรือดับเบิลคลิกเพื่อแก้ชื่อ · Delete ลบ · Alt+↑/Alt+↓ เลื่อน (เลิกทำได้ด้วย Ctrl+Z)"
        )
        on_delete(self.units_view, self.remove_unit)
        for keys, step in (("Alt+Up", -1), ("Alt+Down", 1)):
            move = QShortcut(QKeySequence(keys), self.units_view)
            move.setContext(Qt.ShortcutContext.WidgetShortcut)
            move.activated.connect(lambda s=step: self.move_unit(s))
        units_box = QGroupBox("หน่วยงานภายใน (ใช้เลือกผู้รับผิดชอบมาตรการ)")
        units_layout = QHBoxLayout(units_box)
        units_layout.addWidget(self.units_view, 1)
        unit_buttons = QVBoxLayout()
        for text, tip, slot in (
            ("เพิ่ม… (&A)", "เพิ่มหน่วยงานภายใน (Alt+A)", self.ask_new_unit),
            ("ลบ (&R)", f"ลบหน่วยงานภายในที่เลือก {DELETE_HINT}", self.remove_unit),
            ("เลื่อนขึ้น (&U)", "เลื่อนหน่วยงานที่เลือกขึ้น (Alt+↑)", lambda: self.move_unit(-1)),
            ("เลื่อนลง (&O)", "เลื่อนหน่วยงานที่เลือกลง (Alt+↓)", lambda: self.move_unit(1)),
        ):
            button = QPushButton(text)
            button.setToolTip(tip)
            button.clicked.connect(slot)
            unit_buttons.addWidget(button)
        unit_buttons.addStretch(1)
        units_layout.addLayout(unit_buttons)

        self.delete_button = QPushButton("ลบหน่วยงานนี้…")
        self.delete_button.setToolTip("ลบหน่วยงานนี้พร้อมข้อมูลทุกปีออกจากฐานข้อมูล (ถามก่อนลบ เลิกทำไม่ได้)")
        self.delete_button.clicked.connect(self.delete_organization)
        layout = QVBoxLayout(self.body)
        top = QHBoxLayout()
        top.addWidget(details, 3)
        top.addWidget(logo_box, 2)
        layout.addLayout(top)
        layout.addWidget(units_box, 1)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(self.delete_button)
        layout.addLayout(bottom)

    # loading -----------------------------------------------------------------------------
    def load(self) -> None:
        org = self.org = self.workspace.organization()
        assert org is not None
        self.name_edit.set_value(org.name)
        self.district_edit.set_value(org.district)
        self.province_edit.set_value(org.province)
        if not combo_line_edit(self.kind_combo).hasFocus():
            self.kind_combo.setEditText(org.kind)
        self.units_model.set_units(org.units)
        self._show_logo(org.logo)

    def _show_logo(self, data: bytes | None) -> None:
        pixmap = QPixmap()
        if data and pixmap.loadFromData(data):
            self.logo_label.setPixmap(
                pixmap.scaled(
                    LOGO_SIZE - 4,
                    LOGO_SIZE - 4,
                    Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.SmoothTransformation,
                )
            )
        else:
            self.logo_label.setPixmap(QPixmap())
            self.logo_label.setText("ไม่มีตราสัญลักษณ์")
        self.remove_logo_button.setEnabled(bool(data))

    # editing -----------------------------------------------------------------------------
    def _push(self, text: str, attr: str, old: Any, new: Any, merge_key: object = None) -> None:
        org = self.org
        if org is None or old == new:
            return
        setattr(org, attr, new)
        db, org_id = self.workspace.db, org.id
        assert org_id is not None

        def apply(value: Any) -> Changes:
            return organizations.update_organization(db, org_id, **{attr: value})

        self.history.push(ChangeCommand(self.history, text, apply, old, new, merge_key))

    def _commit_field(self, attr: str, value: str, edit: CommitLineEdit) -> None:
        if self.org is None:
            return
        if attr == "name" and not value:
            self.error_label.setText(ValidationError("กรุณากรอกชื่อหน่วยงาน").thai)
            return
        self.error_label.clear()
        self._push("แก้ข้อมูลหน่วยงาน", attr, getattr(self.org, attr), value, edit.session_key())

    def _commit_kind(self) -> None:
        if self.org is not None:
            self._push(
                "แก้ประเภทหน่วยงาน",
                "kind",
                self.org.kind,
                normalize_name(self.kind_combo.currentText()),
            )

    def choose_logo(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, "เลือกตราสัญลักษณ์", "", "รูปภาพ (*.png *.jpg *.jpeg)"
        )
        if not name:
            return
        with reporting(self):
            data = Path(name).read_bytes()
            if len(data) > MAX_LOGO_BYTES or not QPixmap().loadFromData(data):
                raise ValidationError("ไฟล์รูปนี้ใช้เป็นตราสัญลักษณ์ไม่ได้ (PNG หรือ JPEG ไม่เกิน 2 MB)", name)
            self.set_logo(data)

    def set_logo(self, data: bytes | None) -> None:
        if self.org is not None:
            self._push("เปลี่ยนตราสัญลักษณ์", "logo", self.org.logo, data)

    def _commit_units(self, units: list[str]) -> None:
        if self.org is not None:
            self._push("แก้หน่วยงานภายใน", "units", list(self.org.units), units)

    def ask_new_unit(self) -> None:
        name, ok = QInputDialog.getText(self, "เพิ่มหน่วยงานภายใน", "ชื่อหน่วยงานภายใน:")
        if ok:
            self.add_unit(name)

    def add_unit(self, name: str) -> None:
        name = normalize_name(name)
        if self.org is None or not name or name in self.org.units:
            return
        self._commit_units(self.org.units + [name])
        self._select_unit(len(self.units_model.units) - 1)

    def remove_unit(self) -> None:
        row = self.units_view.currentIndex().row()
        if self.org is not None and 0 <= row < len(self.org.units):
            units = list(self.org.units)
            del units[row]
            self._commit_units(units)
            self._select_unit(min(row, len(units) - 1))

    def move_unit(self, step: int) -> None:
        row = self.units_view.currentIndex().row()
        target = row + step
        if self.org is None or row < 0 or not 0 <= target < len(self.org.units):
            return
        units = list(self.org.units)
        units.insert(target, units.pop(row))
        self._commit_units(units)
        self._select_unit(target)

    def _select_unit(self, row: int) -> None:
        if 0 <= row < self.units_model.rowCount():
            self.units_view.selectionModel().setCurrentIndex(
                self.units_model.index(row), QItemSelectionModel.SelectionFlag.ClearAndSelect
            )

    def delete_organization(self) -> None:
        org = self.org
        if org is None:
            return
        answer = QMessageBox.question(
            self,
            "ลบหน่วยงาน",
            f"ลบ “{org.name}” พร้อมผลการประเมิน มาตรการ และผลการดำเนินงานทุกปี?\n"
            "การลบนี้เลิกทำไม่ได้ (ควรสำรองข้อมูลก่อน)",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,  # Enter keeps the organisation; Esc too
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        assert org.id is not None
        with reporting(self):
            changes = organizations.delete_organization(self.workspace.db, org.id)
            self.history.clear()
            self.workspace.apply(changes)
            self.workspace.select(None)
