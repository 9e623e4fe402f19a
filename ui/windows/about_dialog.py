"""Help → เกี่ยวกับโปรแกรม: the program's version, what it is for, where the data is, licences."""

from __future__ import annotations

import platform

import PySide6
from PySide6.QtCore import Qt, qVersion
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

import ita_desktop

from .. import labels

PURPOSE = (
    "โปรแกรมจัดทำเอกสารการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ (ITA) "
    "ทำงานได้โดยไม่ต้องต่ออินเทอร์เน็ต ข้อมูลบันทึกทันทีทุกครั้งที่แก้ไข"
)
LICENCES = "ฟอนต์ Sarabun: SIL Open Font License 1.1"


def version_text() -> str:
    """ "ITA Desktop รุ่น 0.1.0" (the installed package's version)."""
    return f"ITA Desktop รุ่น {ita_desktop.__version__}"


def platform_text() -> str:
    """The versions a support request needs: Python, Qt, PySide6, the system."""
    return (
        f"Python {platform.python_version()} · Qt {qVersion()} · "
        f"PySide6 {PySide6.__version__} · {platform.system()} {platform.release()}"
    )


class AboutDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"เกี่ยวกับ {labels.APP_TITLE}")
        icon = QLabel()
        icon.setPixmap(QIcon("icons:ita-desktop.svg").pixmap(64, 64))
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.version_label = QLabel(f"<b>{version_text()}</b>")
        self.version_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        purpose = QLabel(PURPOSE)
        purpose.setWordWrap(True)
        self.platform_label = QLabel(platform_text())
        self.platform_label.setStyleSheet("color: #555;")
        self.platform_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        licences = QLabel(LICENCES)
        text = QVBoxLayout()
        for label in (self.version_label, purpose, self.platform_label, licences):
            text.addWidget(label)
        top = QHBoxLayout()
        top.addWidget(icon)
        top.addLayout(text, 1)
        buttons = QDialogButtonBox()
        self.copy_button = QPushButton("คัดลอกรุ่นโปรแกรม")
        self.copy_button.setToolTip("คัดลอกรุ่นของโปรแกรมและระบบ ไว้แจ้งผู้ดูแลเมื่อพบปัญหา")
        self.copy_button.clicked.connect(self.copy_versions)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        close = buttons.addButton("ปิด", QDialogButtonBox.ButtonRole.RejectRole)
        close.setDefault(True)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(buttons)
        self.setMinimumWidth(520)

    def copy_versions(self) -> None:
        clipboard = QApplication.clipboard()
        clipboard.setText(f"{version_text()}\n{platform_text()}")
