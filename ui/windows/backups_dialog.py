"""File → สำรองข้อมูล/กู้คืน: the backups of the open file (date in Thai, size, why), back up
now, restore the chosen one (after a Thai question naming the file and the backup), and how
many backups are kept."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ita_desktop.errors import shown
from ita_desktop.services import backups
from ita_desktop.services.backups import BackupFile

from .. import labels
from .recovery_dialog import ask_yes_no, file_name, size_text, thai_date

if TYPE_CHECKING:
    from pathlib import Path

    from .file_actions import FileActions

COLUMNS = ("วันเวลาที่สำรอง", "ขนาด", "เหตุที่สำรอง")
READ_ONLY_NOTE = (
    "ไฟล์นี้เปิดแบบอ่านอย่างเดียว จึงสำรองไว้ข้างไฟล์หรือกู้คืนทับไฟล์นี้ไม่ได้"
    " ใช้ “สำรองไปยังไฟล์อื่น…” หรือเมนู ไฟล์ → บันทึกเป็น… แทน"
)


class BackupsDialog(QDialog):
    def __init__(self, files: FileActions, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.files = files
        self.backups: list[BackupFile] = []
        self.setWindowTitle(f"สำรองข้อมูลและกู้คืน — {labels.APP_TITLE}")
        self.setMinimumWidth(760)
        layout = QVBoxLayout(self)

        self.header = QLabel()
        self.header.setWordWrap(True)
        self.header.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.header)

        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels(COLUMNS)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        head = self.table.horizontalHeader()
        head.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        head.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        head.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.table.setAccessibleName("รายการไฟล์สำรอง")
        layout.addWidget(self.table, 1)
        self.empty_label = QLabel("ยังไม่มีไฟล์สำรองของไฟล์นี้ กด “สำรองข้อมูลตอนนี้” เพื่อสำรองครั้งแรก")
        self.empty_label.setWordWrap(True)
        layout.addWidget(self.empty_label)

        row = QHBoxLayout()
        self.backup_button = QPushButton("สำรองข้อมูลตอนนี้ (&N)")
        self.restore_button = QPushButton("กู้คืนฉบับนี้… (&R)")
        self.copy_button = QPushButton("สำรองไปยังไฟล์อื่น… (&O)")
        self.folder_button = QPushButton("เปิดโฟลเดอร์ไฟล์สำรอง (&F)")
        self.backup_button.clicked.connect(lambda: self.backup_now())
        self.restore_button.clicked.connect(lambda: self.restore_selected())
        self.copy_button.clicked.connect(lambda: self.files.backup())
        self.folder_button.clicked.connect(self._open_folder)
        for button in (self.backup_button, self.restore_button, self.copy_button):
            row.addWidget(button)
        row.addStretch(1)
        row.addWidget(self.folder_button)
        layout.addLayout(row)

        keep = QHBoxLayout()
        keep_label = QLabel("เก็บไฟล์สำรองล่าสุด (&K)")
        self.keep_spin = QSpinBox()
        self.keep_spin.setRange(1, 1000)
        self.keep_spin.setValue(files.settings.keep_backups)
        self.keep_spin.setAccessibleName("จำนวนไฟล์สำรองที่เก็บ")
        keep_label.setBuddy(self.keep_spin)
        self.keep_spin.valueChanged.connect(self.files.set_keep_backups)
        keep_note = QLabel("ฉบับต่อไฟล์ (ฉบับที่เก่ากว่าจะถูกลบเมื่อสำรองครั้งถัดไป ไม่ลบไฟล์อื่นใด)")
        keep_note.setWordWrap(True)
        keep.addWidget(keep_label)
        keep.addWidget(self.keep_spin)
        keep.addWidget(keep_note, 1)
        layout.addLayout(keep)

        self.read_only_note = QLabel(READ_ONLY_NOTE)
        self.read_only_note.setWordWrap(True)
        self.read_only_note.setStyleSheet("color: #10335e;")
        layout.addWidget(self.read_only_note)

        bottom = QHBoxLayout()
        bottom.addStretch(1)
        close = QPushButton("ปิด")
        close.clicked.connect(self.accept)
        bottom.addWidget(close)
        layout.addLayout(bottom)
        self.resize(820, 480)
        self.refresh()

    # showing -----------------------------------------------------------------------------
    @property
    def path(self) -> Path | None:
        return self.files.workspace.path

    def refresh(self) -> None:
        path = self.path
        self.backups = backups.list_backups(path) if path is not None else []
        if path is not None:
            folder = backups.backup_folder(path)
            self.header.setText(
                f"ไฟล์สำรองของ {file_name(path)} ใหม่สุดอยู่บน\nเก็บในโฟลเดอร์ {shown(folder, 100)}"
            )
        self.table.setRowCount(len(self.backups))
        for i, b in enumerate(self.backups):
            size = QTableWidgetItem(size_text(b.size))
            size.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            when = QTableWidgetItem(thai_date(b.created, seconds=True))
            for column, item in enumerate((when, size)):
                self.table.setItem(i, column, item)
            why = QTableWidgetItem(b.label)
            why.setToolTip(b.path.name)
            self.table.setItem(i, 2, why)
        self.table.setVisible(bool(self.backups))
        self.empty_label.setVisible(not self.backups)
        if self.backups:
            self.table.selectRow(0)
        read_only = self.files.workspace.read_only
        self.read_only_note.setVisible(read_only)
        self.backup_button.setEnabled(not read_only and path is not None)
        self._update_buttons()

    def _update_buttons(self) -> None:
        writable = not self.files.workspace.read_only and self.path is not None
        self.restore_button.setEnabled(writable and self.selected() is not None)

    def selected(self) -> BackupFile | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows or not 0 <= rows[0].row() < len(self.backups):
            return None
        return self.backups[rows[0].row()]

    def select(self, backup: Path) -> None:
        for i, b in enumerate(self.backups):
            if b.path == backup:
                self.table.selectRow(i)

    # actions -----------------------------------------------------------------------------
    def backup_now(self) -> Path | None:
        made = self.files.backup_now()
        self.refresh()
        return made

    def restore_selected(self) -> bool:
        """Ask (naming the file and the backup), then restore and reopen the file."""
        b, path = self.selected(), self.path
        if b is None or path is None:
            return False
        if not ask_yes_no(
            self,
            "กู้คืนข้อมูลจากไฟล์สำรอง",
            f"กู้คืน {file_name(path)} จากไฟล์สำรอง ณ {thai_date(b.created)} หรือไม่?",
            f"ข้อมูลทั้งหมดในไฟล์ตอนนี้จะถูกแทนด้วยข้อมูลในไฟล์สำรองนี้ ({b.label}, {size_text(b.size)})"
            "\nก่อนกู้คืน โปรแกรมจะสำรองข้อมูลตอนนี้เก็บไว้ในรายการนี้ จึงย้อนกลับได้"
            f"\nไฟล์สำรอง: {shown(b.path.name)}",
        ):
            return False
        done = self.files.restore_backup(b.path)
        self.refresh()
        return done

    def _open_folder(self) -> None:
        path = self.path
        if path is not None:
            folder = backups.backup_folder(path)
            QDesktopServices.openUrl(
                QUrl.fromLocalFile(str(folder if folder.is_dir() else path.parent))
            )
