"""The strip above the pages: "ข้อมูลตัวอย่าง" while the demo is open, why no file is open,
or that the file opened read-only (with Save As at hand)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from .. import labels

DEMO, NONE, READ_ONLY = "demo", "none", "read_only"
_STYLES = {  # background, border, text
    DEMO: ("#fff4c2", "#e0b400", "#4a3b00"),
    NONE: ("#fff4c2", "#e0b400", "#4a3b00"),
    READ_ONLY: ("#e3f0ff", "#5b8fd6", "#10335e"),
}


class DemoBanner(QFrame):
    """Shown for the demo and while no database is open (New and Open at hand), and for a
    file opened read-only (Save As at hand)."""

    new_requested = Signal()
    open_requested = Signal()
    save_as_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("demoBanner")
        self.kind = ""
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        self.label = QLabel(labels.DEMO_BANNER)
        self.label.setWordWrap(True)
        layout.addWidget(self.label, 1)
        self.new_button = QPushButton("สร้างฐานข้อมูลใหม่…")
        self.open_button = QPushButton("เปิดไฟล์…")
        self.save_as_button = QPushButton("บันทึกเป็น…")
        self.new_button.setToolTip("สร้างไฟล์ฐานข้อมูลเปล่าสำหรับข้อมูลจริงของหน่วยงาน")
        self.open_button.setToolTip("เปิดไฟล์ฐานข้อมูลที่มีอยู่ (.itadb, .sqlite)")
        self.save_as_button.setToolTip("บันทึกสำเนาเป็นไฟล์ใหม่ที่แก้ไขได้")
        self.new_button.clicked.connect(self.new_requested)
        self.open_button.clicked.connect(self.open_requested)
        self.save_as_button.clicked.connect(self.save_as_requested)
        for button in (self.new_button, self.open_button, self.save_as_button):
            layout.addWidget(button)
        self.show_state(DEMO, labels.DEMO_BANNER)

    def show_state(self, kind: str, text: str) -> None:
        """`kind` DEMO or NONE (New and Open buttons) or READ_ONLY (Save As)."""
        self.kind = kind
        self.label.setText(text)
        background, border, color = _STYLES[kind]
        self.setStyleSheet(
            f"#demoBanner {{ background: {background}; border: 1px solid {border};"
            f" border-radius: 4px; }} #demoBanner QLabel {{ color: {color}; }}"
        )
        self.new_button.setVisible(kind != READ_ONLY)
        self.open_button.setVisible(kind != READ_ONLY)
        self.save_as_button.setVisible(kind == READ_ONLY)
        names = {DEMO: "ข้อมูลตัวอย่าง", NONE: "ยังไม่ได้เปิดฐานข้อมูล", READ_ONLY: "อ่านอย่างเดียว"}
        self.setAccessibleName(names[kind])

    def show_message(self, text: str) -> None:
        self.label.setText(text)
