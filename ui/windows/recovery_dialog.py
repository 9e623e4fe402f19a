"""Thai questions of the File menu (ใช่/ไม่ใช่), and the dialog offered for a damaged file:
open the latest good backup, save what can still be read into a new file, or cancel."""

from __future__ import annotations

import logging
from datetime import datetime
from pathlib import Path

from PySide6.QtWidgets import QMessageBox, QPushButton, QWidget

from ita_desktop.errors import ItaError, shown
from ita_desktop.services.backups import BackupFile
from ita_desktop.thai.dates import be_year, month_name

from .. import labels

YES, NO, CANCEL = "ใช่", "ไม่ใช่", "ยกเลิก"
log = logging.getLogger("ita_desktop.ui")


def thai_date(d: datetime, seconds: bool = False) -> str:
    """27 พ.ย. 2569 เวลา 11:59 น. (11:59:07 with `seconds`)."""
    time = f"{d:%H:%M:%S}" if seconds else f"{d:%H:%M}"
    return f"{d.day} {month_name(d.month, abbreviated=True)} {be_year(d.year)} เวลา {time} น."


WIDE = (  # message boxes wide enough that file names and sentences are not broken up
    "QLabel#qt_msgbox_label { min-width: 460px; }"
    " QLabel#qt_msgbox_informativelabel { min-width: 460px; }"
)


def size_text(n: int) -> str:
    return f"{n / 1024 / 1024:.1f} MB" if n >= 1024 * 1024 else f"{max(n // 1024, 1)} KB"


def file_name(path: Path) -> str:
    """A file's name as a message shows it: in quotes, control characters escaped, cut."""
    return f"“{shown(path.name, 60)}”"


def _message_box(
    parent: QWidget | None, icon: QMessageBox.Icon, title: str, text: str, details: str
) -> QMessageBox:
    box = QMessageBox(parent)
    box.setStyleSheet(WIDE)
    box.setIcon(icon)
    box.setWindowTitle(title)
    box.setText(text)
    if details:
        box.setInformativeText(details)
    return box


def ask_yes_no(parent: QWidget | None, title: str, text: str, details: str = "") -> bool:
    """A question with Thai buttons ใช่ / ไม่ใช่ (No is the default and Esc)."""
    box = _message_box(parent, QMessageBox.Icon.Question, title, text, details)
    box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    box.button(QMessageBox.StandardButton.Yes).setText(YES)
    box.button(QMessageBox.StandardButton.No).setText(NO)
    box.setDefaultButton(QMessageBox.StandardButton.No)
    box.setEscapeButton(QMessageBox.StandardButton.No)
    return box.exec() == QMessageBox.StandardButton.Yes


def inform(parent: QWidget | None, title: str, text: str, details: str = "") -> None:
    """A message with one Thai button ตกลง."""
    box = _message_box(parent, QMessageBox.Icon.Information, title, text, details)
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    box.button(QMessageBox.StandardButton.Ok).setText("ตกลง")
    box.exec()


class RecoveryDialog(QMessageBox):
    """Offered when a database file is damaged. `choose()` returns BACKUP, SALVAGE or CANCEL
    (CANCEL also when the dialog is closed); a choice that is not possible is not offered."""

    BACKUP, SALVAGE, CANCEL = "backup", "salvage", "cancel"

    def __init__(
        self,
        parent: QWidget | None,
        path: Path,
        error: ItaError,
        backup: BackupFile | None,
        salvage: bool = True,
    ) -> None:
        super().__init__(parent)
        self.path, self.backup = path, backup
        self.setIcon(QMessageBox.Icon.Warning)
        self.setWindowTitle(f"ไฟล์ฐานข้อมูลเสียหาย — {labels.APP_TITLE}")
        self.setText(f"ไฟล์ {file_name(path)} เสียหาย จึงเปิดใช้งานไม่ได้")
        lines = [
            f"อยู่ในโฟลเดอร์ {shown(path.absolute().parent)}",
            "โปรแกรมไม่ได้แก้ไขไฟล์นี้ เลือกวิธีทำต่อ:",
            "",
        ]
        if backup is not None:
            lines.append(
                f"• เปิดไฟล์สำรองล่าสุด — ข้อมูล ณ {thai_date(backup.created)} ({backup.label})"
                " นำมาแทนไฟล์นี้ ส่วนไฟล์ที่เสียหายจะเก็บสำเนาไว้ในโฟลเดอร์ backups"
                " การแก้ไขหลังเวลานั้นจะไม่มีในไฟล์"
            )
        else:
            lines.append("• ไม่มีไฟล์สำรองที่ใช้ได้ของไฟล์นี้ (ในโฟลเดอร์ backups ข้างไฟล์)")
        if salvage:
            lines.append(
                "• กู้ข้อมูลที่อ่านได้ — บันทึกข้อมูลส่วนที่ยังอ่านได้เป็นไฟล์ใหม่"
                " แล้วบอกว่ากู้ได้และเสียไปกี่รายการ (ไฟล์เดิมไม่ถูกแก้ไข)"
            )
        lines.append("• ยกเลิก — ยังไม่เปิดไฟล์ใด สร้างฐานข้อมูลใหม่หรือเปิดไฟล์อื่นได้")
        self.setInformativeText("\n".join(lines))
        # wide enough for the choices to read as lines, not a column (no English "Show
        # Details…" button: what SQLite said goes to the log)
        self.setStyleSheet("QLabel#qt_msgbox_informativelabel { min-width: 600px; }")
        log.warning("damaged database %s: %s (%s)", path, error.thai, error.detail)
        self.choices: dict[str, QPushButton] = {}
        if backup is not None:
            self.choices[self.BACKUP] = self.addButton(
                "เปิดไฟล์สำรองล่าสุด", QMessageBox.ButtonRole.AcceptRole
            )
        if salvage:
            self.choices[self.SALVAGE] = self.addButton(
                "กู้ข้อมูลที่อ่านได้…", QMessageBox.ButtonRole.ActionRole
            )
        self.choices[self.CANCEL] = self.addButton(CANCEL, QMessageBox.ButtonRole.RejectRole)
        self.setDefaultButton(self.choices.get(self.BACKUP) or self.choices[self.CANCEL])
        self.setEscapeButton(self.choices[self.CANCEL])

    def choose(self) -> str:
        self.exec()
        clicked = self.clickedButton()
        for choice, button in self.choices.items():
            if button is clicked:
                return choice
        return self.CANCEL
