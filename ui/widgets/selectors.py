"""The organisation and fiscal-year pickers at the top of the window, with add buttons."""

from __future__ import annotations

import datetime
from collections.abc import Callable

from PySide6.QtCore import QSize
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QStyle,
    QStyleOptionComboBox,
    QWidget,
)

from ita_desktop.domain.models import Organization
from ita_desktop.services import assessments, organizations
from ita_desktop.thai.normalize import normalize_name

from .. import labels
from .. import workspace as kinds
from ..errors import reporting
from ..workspace import Workspace
from .year_dialog import YearDialog

WIDEST_YEAR = "พ.ศ. 2888"  # the year box is sized for this text, not for what it holds now
NO_YEAR = "ยังไม่มีปี"


class SelectorBar(QWidget):
    """Which organisation and year every page shows."""

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self._filling = False
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.org_combo = QComboBox()
        self.org_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.org_combo.setMinimumContentsLength(24)
        self.org_combo.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        org_label = QLabel("หน่วยงาน (&G):")
        org_label.setBuddy(self.org_combo)
        self.org_combo.setToolTip("หน่วยงานที่ทุกหน้าแสดงและแก้ไข (Alt+G)")
        self.add_org_button = QPushButton("เพิ่มหน่วยงาน…")
        self.add_org_button.setToolTip("เพิ่มหน่วยงานใหม่ในฐานข้อมูลนี้ แล้วเลือกปีงบประมาณแรกของหน่วยงาน")
        self.year_combo = QComboBox()
        self.year_combo.setPlaceholderText(NO_YEAR)
        self.year_combo.setToolTip(
            "ปีงบประมาณที่ทุกหน้าแสดงและแก้ไข (Alt+Y) ปีงบประมาณเริ่ม 1 ต.ค. สิ้นสุด 30 ก.ย."
        )
        self.year_combo.setMinimumWidth(self._year_box_width())
        year_label = QLabel("ปีงบประมาณ (&Y):")
        year_label.setBuddy(self.year_combo)
        self.add_year_button = QPushButton("เพิ่มปี…")
        self.add_year_button.setToolTip(
            "เริ่มปีงบประมาณใหม่ของหน่วยงานนี้ (โปรแกรมเสนอปีล่าสุดที่สิ้นสุดแล้ว และบอกว่าจะใช้เกณฑ์ของ ป.ป.ช. ปีใด)"
        )
        self.today: Callable[[], datetime.date] = datetime.date.today  # tests pass a fixed day
        for w in (
            org_label,
            self.org_combo,
            self.add_org_button,
            year_label,
            self.year_combo,
            self.add_year_button,
        ):
            layout.addWidget(w)
        self.org_combo.currentIndexChanged.connect(self._org_picked)
        self.year_combo.currentIndexChanged.connect(self._year_picked)
        self.add_org_button.clicked.connect(self.ask_new_organization)
        self.add_year_button.clicked.connect(self.ask_new_year)
        workspace.selection_changed.connect(self.refresh)
        workspace.database_changed.connect(self.refresh)
        workspace.changed.connect(self._changed)
        self.refresh()

    def _year_box_width(self) -> int:
        """Wide enough for any year with the arrow and frame, whatever it holds when shown
        first (it was sized while empty, cutting "พ.ศ. 2568" to "พ.ศ. 256")."""
        combo = self.year_combo
        metrics = combo.fontMetrics()
        text = max(metrics.horizontalAdvance(WIDEST_YEAR), metrics.horizontalAdvance(NO_YEAR))
        option = QStyleOptionComboBox()
        combo.initStyleOption(option)
        size = QSize(text, metrics.height())
        return combo.style().sizeFromContents(QStyle.ContentsType.CT_ComboBox, option, size).width()

    def _changed(self, kind: str) -> None:
        if kind in (kinds.ORGANIZATIONS, kinds.YEARS):
            self.refresh()

    def refresh(self) -> None:
        ws = self.workspace
        self._filling = True
        try:
            self.org_combo.clear()
            self.year_combo.clear()
            self.setEnabled(ws.is_open)
            if not ws.is_open:
                return
            for org, _years in organizations.list_organizations(ws.db):
                self.org_combo.addItem(org.name, org.id)
            self.org_combo.setCurrentIndex(self.org_combo.findData(ws.org_id))
            if ws.org_id is not None:
                for year in assessments.years(ws.db, ws.org_id):
                    self.year_combo.addItem(f"พ.ศ. {year}", year)
                self.year_combo.setCurrentIndex(self.year_combo.findData(ws.year))
            self.add_year_button.setEnabled(ws.org_id is not None)
        finally:
            self._filling = False

    def _org_picked(self, index: int) -> None:
        if not self._filling and index >= 0:
            self.workspace.select(self.org_combo.itemData(index))

    def _year_picked(self, index: int) -> None:
        if not self._filling and index >= 0:
            self.workspace.select(self.workspace.org_id, self.year_combo.itemData(index))

    # adding ------------------------------------------------------------------------------
    def ask_new_organization(self) -> None:
        """Ask the name, add the organisation, then let the clerk choose its first year
        (cancelling leaves it without a year; "เพิ่มปี…" starts one later)."""
        dialog = QInputDialog(self)
        dialog.setWindowTitle("เพิ่มหน่วยงาน")
        dialog.setLabelText("ชื่อหน่วยงาน:")
        dialog.setOkButtonText("เพิ่ม")
        dialog.setCancelButtonText("ยกเลิก")
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        if accepted and self.add_organization(dialog.textValue()) is not None:
            self.ask_new_year()

    def add_organization(self, name: str) -> int | None:
        """A new organisation with the usual internal units and no year (the clerk chooses
        which fiscal year to start)."""
        ws = self.workspace
        with reporting(self):
            org = Organization(normalize_name(name), units=list(labels.DEFAULT_UNITS))
            changes = organizations.add_organization(ws.db, org)
            org_id = changes.created_id
            ws.apply(changes)
            ws.select(org_id)
            return org_id
        return None

    def year_dialog(self) -> YearDialog | None:
        """The dialog "เพิ่มปี…" shows for the selected organisation (None without one)."""
        org = self.workspace.organization()
        if org is None or org.id is None:
            return None
        choice = organizations.year_choice(self.workspace.db, org.id, self.today())
        return YearDialog(org.name, choice, self)

    def ask_new_year(self) -> None:
        dialog = self.year_dialog()
        if dialog is not None and dialog.exec() == QDialog.DialogCode.Accepted:
            self.add_year(dialog.year)

    def add_year(self, year: int) -> bool:
        """Start a fiscal year for the organisation from that year's rules preset."""
        ws = self.workspace
        if ws.org_id is None:
            return False
        with reporting(self):
            ws.apply(assessments.create_year(ws.db, ws.org_id, year))
            ws.select(ws.org_id, year)
            return True
        return False

    # deleting ----------------------------------------------------------------------------
    def ask_delete_year(self) -> None:
        """Confirm (naming organisation and year), then delete the selected year."""
        ws = self.workspace
        org = ws.organization()
        if org is None or ws.year is None:
            return
        answer = QMessageBox.question(
            self,
            "ลบปีงบประมาณ",
            f"ลบปีงบประมาณ พ.ศ. {ws.year} ของ “{org.name}”?\n"
            "คะแนน ข้อความวิเคราะห์ มาตรการ ผลการดำเนินงาน และการตั้งค่าการพิมพ์ของปีนี้"
            "จะถูกลบทั้งหมด ปีอื่นไม่เปลี่ยนแปลง\n"
            "การลบนี้เลิกทำไม่ได้ (ควรสำรองข้อมูลก่อน)",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.delete_year()

    def delete_year(self) -> bool:
        """Delete the selected year; the organisation's latest remaining year shows instead."""
        ws = self.workspace
        with reporting(self):
            assessment_id = ws.assessment_id
            if assessment_id is None:
                return False
            ws.apply(assessments.delete_year(ws.db, assessment_id))
            ws.select(ws.org_id)  # its latest year (or none); undo history is cleared with it
            return True
        return False
