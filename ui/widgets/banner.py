"""The yellow "ข้อมูลตัวอย่าง" strip shown while the demo database is open."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from .. import labels


class DemoBanner(QFrame):
    """Also shown, with another text, while no database is open: New and Open are at hand."""

    new_requested = Signal()
    open_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("demoBanner")
        self.setStyleSheet(
            "#demoBanner { background: #fff4c2; border: 1px solid #e0b400; border-radius: 4px; }"
            "#demoBanner QLabel { color: #4a3b00; }"
        )
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        self.label = QLabel(labels.DEMO_BANNER)
        self.label.setWordWrap(True)
        layout.addWidget(self.label, 1)
        self.new_button = QPushButton("สร้างฐานข้อมูลใหม่…")
        self.open_button = QPushButton("เปิดไฟล์…")
        self.new_button.clicked.connect(self.new_requested)
        self.open_button.clicked.connect(self.open_requested)
        layout.addWidget(self.new_button)
        layout.addWidget(self.open_button)
        self.setAccessibleName("ข้อมูลตัวอย่าง")

    def show_message(self, text: str) -> None:
        self.label.setText(text)
