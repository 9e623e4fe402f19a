"""File → นำเข้าจาก Excel…: choose a workbook our export wrote, see what it would change (or every
problem found, with its sheet and cell), then apply it in one step through the services."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QListWidget,
    QVBoxLayout,
    QWidget,
)

from ita_desktop.errors import shown
from ita_desktop.importers.workbook import WorkbookError
from ita_desktop.services.imports import WorkbookPreview, apply_workbook, preview_workbook
from ita_desktop.services.organizations import find_organization

from ..errors import reporting
from ..workspace import Workspace
from .recovery_dialog import inform

TITLE = "นำเข้าจาก Excel"
FILTER = "ไฟล์ Excel (*.xlsx);;ทุกไฟล์ (*)"


class ExcelImportDialog(QDialog):
    """A list of lines under a heading: the changes (นำเข้า / ยกเลิก) or the problems (ปิด)."""

    def __init__(self, parent: QWidget | None, heading: str, lines: list[str], can_apply: bool):
        super().__init__(parent)
        self.setWindowTitle(TITLE)
        self.setMinimumSize(720, 420)
        layout = QVBoxLayout(self)
        self.heading = QLabel(heading)
        self.heading.setWordWrap(True)
        layout.addWidget(self.heading)
        self.lines = QListWidget()
        self.lines.addItems(lines)
        self.lines.setWordWrap(True)
        layout.addWidget(self.lines)
        buttons = QDialogButtonBox()
        if can_apply:
            apply = buttons.addButton("นำเข้า", QDialogButtonBox.ButtonRole.AcceptRole)
            apply.setDefault(True)
            buttons.addButton("ยกเลิก", QDialogButtonBox.ButtonRole.RejectRole)
        else:
            buttons.addButton("ปิด", QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.buttons = buttons


def preview_dialog(parent: QWidget | None, preview: WorkbookPreview) -> ExcelImportDialog:
    org = preview.plan.organizations[0]
    where = "สร้างหน่วยงานใหม่" if org.org_id is None else "หน่วยงานที่มีอยู่แล้ว"
    year = "สร้างปีงบประมาณใหม่" if org.years[0].action == "create" else "แทนที่ข้อมูลที่ไฟล์มี"
    heading = (
        f"ไฟล์ {shown(preview.file.name)} เป็นข้อมูลของ {shown(preview.organization)}"
        f" ปีงบประมาณ {preview.year} ({where}, {year}) จะนำเข้าสิ่งต่อไปนี้:"
    )
    lines = list(preview.changes)
    if preview.not_read:
        lines.append(f"แผ่นงานที่ไม่ได้นำเข้า (คำนวณใหม่จากข้อมูล): {', '.join(preview.not_read)}")
    return ExcelImportDialog(parent, heading, lines, can_apply=True)


def problems_dialog(parent: QWidget | None, exc: WorkbookError) -> ExcelImportDialog:
    heading = exc.thai.split("\n", 1)[0]
    return ExcelImportDialog(parent, heading, [p.line() for p in exc.problems], can_apply=False)


def import_from_excel(parent: QWidget, workspace: Workspace) -> bool:
    """Ask for a workbook, show its preview, and on นำเข้า apply it and show its year; True
    when something was imported."""
    if not workspace.is_open:
        return False
    folder = str(workspace.path.parent) if workspace.path else ""
    name, _ = QFileDialog.getOpenFileName(parent, TITLE, folder, FILTER)
    return bool(name) and import_file(parent, workspace, Path(name))


def import_file(parent: QWidget, workspace: Workspace, path: Path) -> bool:
    """The preview of `path` and, when accepted, the import; True when it was imported."""
    with reporting(parent):
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            preview = preview_workbook(workspace.db, path)
        except WorkbookError as exc:
            problems_dialog(parent, exc).exec()
            return False
        finally:
            QGuiApplication.restoreOverrideCursor()
        if preview_dialog(parent, preview).exec() != QDialog.DialogCode.Accepted:
            return False
        workspace.apply(apply_workbook(workspace.db, preview))
        org = find_organization(workspace.db, preview.organization)
        workspace.select(org.id, preview.year)
        inform(parent, TITLE, f"นำเข้า {shown(preview.organization)} ปีงบประมาณ {preview.year} แล้ว")
        return True
    return False
