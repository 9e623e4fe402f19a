"""ส่งออก: choose the document, digits, round and format; export in the background; open it."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from PySide6.QtCore import QStandardPaths, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
)

from ita_desktop.documents.consistency_facts import Finding
from ita_desktop.errors import ExportError
from ita_desktop.services import report_settings, reports
from ita_desktop.services.checks import check

from .. import labels
from .. import workspace as kinds
from ..errors import message_of, show_error
from ..pages.base import Page
from ..tasks import Task, run_in_background

_UNSAFE = re.compile(r'[\\/:*?"<>|\s]+')


def run_export(db_path: str, options: dict[str, Any]) -> str:
    """The background job: its own connection, plain data in and out."""
    from ita_desktop.services.export import export_from_file  # loads the PDF stack

    return str(export_from_file(Path(db_path), **options))


CHECK_CLEAN = "ตรวจเอกสารแล้ว: ไม่พบข้อความที่ขัดกับข้อมูล"
CHECK_FOUND = "ตรวจเอกสารแล้ว: พบ {count} จุดที่ควรแก้ก่อนพิมพ์"
STALE_BLOCKS = (
    "ยังส่งออกไม่ได้: มีข้อความที่แก้ไขเองซึ่งเขียนไว้ก่อนคะแนนเปลี่ยน "
    "กรุณาเปิดหน้าการวิเคราะห์ แล้วกด “สร้างข้อความใหม่” หรือตรวจข้อความแล้วกด “ยืนยัน”"
)
ASK_CONTINUE = "พบ {count} จุดที่ข้อความขัดกับข้อมูล (ดูรายการในหน้าส่งออก)\n\nต้องการส่งออกต่อหรือไม่?"


def finding_text(f: Finding) -> str:
    """One finding as the window lists it (Thai)."""
    lines = [f"[{f.title}] {f.where}", f.message]
    if f.excerpt:
        lines.append(f"ข้อความ: {f.excerpt}")
    return "\n".join(lines)


def default_folder() -> Path:
    docs = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(docs or Path.home()) / "ITA Desktop"


class ExportPage(Page):
    key = "export"
    WATCHES = (kinds.ORGANIZATION, kinds.SETTINGS)

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.task: Task | None = None
        self.last_output: Path | None = None
        self._digits_for: tuple[int, bool] | None = None  # (assessment, its stored digits)
        self._round_for: int | None = None  # the assessment whose latest round was chosen

        self.document_combo = QComboBox()
        for key, name in labels.DOCUMENTS.items():
            self.document_combo.addItem(name, key)
        self.document_combo.currentIndexChanged.connect(lambda _i: self._format_changed())
        self.format_group = QButtonGroup(self)
        format_row = QHBoxLayout()
        for i, (key, name) in enumerate(labels.FORMATS.items()):
            button = QRadioButton(name)
            button.setProperty("fmt", key)
            button.setChecked(i == 0)
            self.format_group.addButton(button, i)
            format_row.addWidget(button)
        self.format_note = QLabel("ไฟล์ Excel รวมทุกตารางไว้ในไฟล์เดียว")
        self.format_note.setStyleSheet("color: #555;")
        self.format_note.hide()
        format_row.addWidget(self.format_note)
        format_row.addStretch(1)
        self.format_group.idToggled.connect(lambda _i, _on: self._format_changed())
        self.round_combo = QComboBox()
        for months, name in labels.ROUND_NAMES.items():
            self.round_combo.addItem(name, months)
        self.thai_digits = QCheckBox("ใช้เลขไทย (๐ ๑ ๒ ๓ …)")
        self.thai_digits.setChecked(True)
        self.folder_edit = QLineEdit(str(default_folder()))
        browse = QPushButton("เลือกโฟลเดอร์… (&B)")
        browse.clicked.connect(self.choose_folder)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder_edit, 1)
        folder_row.addWidget(browse)

        options = QGroupBox("ตัวเลือกเอกสาร")
        form = QFormLayout(options)
        for text, field, buddy in (
            ("รูปแบบไฟล์", format_row, None),
            ("เอกสาร (&D)", self.document_combo, self.document_combo),
            ("รอบรายงานผล (&R)", self.round_combo, self.round_combo),
            ("ตัวเลข", self.thai_digits, None),
            ("บันทึกไว้ที่ (&L)", folder_row, self.folder_edit),
        ):
            label = QLabel(text)
            if buddy is not None:
                label.setBuddy(buddy)
            form.addRow(label, field)

        self.export_button = QPushButton("ส่งออก (&X)")
        self.export_button.setDefault(True)
        self.export_button.clicked.connect(self.start_export)
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.progress.hide()
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        self.open_file_button = QPushButton("เปิดไฟล์ (&O)")
        self.open_folder_button = QPushButton("เปิดโฟลเดอร์")
        self.open_file_button.clicked.connect(lambda: self._open(self.last_output))
        self.open_folder_button.clicked.connect(
            lambda: self._open(self.last_output.parent if self.last_output else None)
        )
        for b in (self.open_file_button, self.open_folder_button):
            b.hide()
        self.export_button.setMinimumWidth(160)
        self.check_button = QPushButton("ตรวจเอกสาร (&C)")
        self.check_button.setToolTip(
            "ตรวจข้อความทั้งหมดที่จะพิมพ์ว่าตรงกับคะแนนและข้อมูลของหน่วยงานหรือไม่ (ตรวจให้อัตโนมัติทุกครั้งก่อนส่งออก)"
        )
        self.check_button.clicked.connect(self.run_check)
        self.findings_label = QLabel()
        self.findings_label.setWordWrap(True)
        self.findings_list = QListWidget()
        self.findings_list.setWordWrap(True)
        self.findings_list.setAccessibleName("ผลการตรวจเอกสาร")
        self.findings_list.setMinimumHeight(120)
        self.findings_label.hide()
        self.findings_list.hide()
        self.findings: list[Finding] = []
        action_row = QHBoxLayout()
        action_row.addWidget(self.check_button)
        action_row.addWidget(self.export_button)
        action_row.addWidget(self.progress, 1)
        action_row.addStretch(0)
        action_row.addWidget(self.open_file_button)
        action_row.addWidget(self.open_folder_button)

        layout = QVBoxLayout(self.body)
        layout.addWidget(options)
        layout.addLayout(action_row)
        layout.addWidget(self.status_label)
        layout.addWidget(self.findings_label)
        layout.addWidget(self.findings_list, 1)
        layout.addStretch(0)
        self._format_changed()

    def _format(self) -> str:
        """The chosen format key ("pdf", "xlsx"): one of the exclusive buttons is always checked."""
        button = self.format_group.checkedButton()
        assert button is not None
        return button.property("fmt")

    def _format_changed(self) -> None:
        excel = self._format() == "xlsx"
        self.format_note.setVisible(excel)
        self.check_button.setEnabled(not excel)  # the check reads the PDF documents' text
        self.document_combo.setEnabled(not excel)
        # the round matters only for the implementation report (alone or in the bundle)
        self.round_combo.setEnabled(
            not excel and self.document_combo.currentData() in ("results", "all")
        )

    def load(self) -> None:
        a = self.assessment()
        assert a.id is not None
        stored = (a.id, report_settings.get_settings(self.workspace.db, a.id).thai_digits)
        if stored != self._digits_for:  # default: how this office prints its documents
            self._digits_for = stored
            self.thai_digits.setChecked(stored[1])
        if a.id != self._round_for:  # default: the latest round with something reported
            self._round_for = a.id
            latest = reports.latest_round(self.workspace.db, a.id)
            self.round_combo.setCurrentIndex(self.round_combo.findData(latest))
        self.export_button.setEnabled(self.task is None or self.task.done)

    # choices -----------------------------------------------------------------------------
    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, "บันทึกเอกสารไว้ที่", self.folder_edit.text())
        if folder:
            self.folder_edit.setText(folder)

    def options(self) -> dict[str, Any]:
        ws = self.workspace
        org = ws.organization()
        fmt = self._format()
        document = self.document_combo.currentData() if fmt == "pdf" else "all"
        round_months = self.round_combo.currentData()
        name = _UNSAFE.sub("_", f"ITA_{ws.year}_{org.name if org else ''}_{document}").strip("_")
        if document in ("results", "all") and fmt == "pdf":
            name += f"_{round_months}เดือน"
        folder = Path(self.folder_edit.text().strip() or default_folder())
        return {
            "org_id": ws.org_id,
            "year": ws.year,
            "fmt": fmt,
            "document": document,
            "round_months": round_months,
            "thai_digits": self.thai_digits.isChecked(),
            "out": folder / f"{name}.{fmt}",
        }

    # checking ----------------------------------------------------------------------------
    def run_check(self) -> list[Finding]:
        """ตรวจเอกสาร: what the chosen document would print that contradicts the data."""
        ws = self.workspace
        options = self.options()
        if ws.org_id is None or options["fmt"] != "pdf":
            return []
        try:
            result = check(
                ws.db,
                ws.org_id,
                ws.year,
                document=options["document"],
                round_months=options["round_months"],
            )
        except Exception as exc:  # noqa: BLE001 - shown; the export itself reports it again
            show_error(self, exc)
            return []
        self.show_findings(result.findings)
        return result.findings

    def show_findings(self, findings: list[Finding]) -> None:
        self.findings = list(findings)
        self.findings_list.clear()
        self.findings_list.addItems([finding_text(f) for f in findings])
        count = len(findings)
        self.findings_label.setText(CHECK_FOUND.format(count=count) if count else CHECK_CLEAN)
        self.findings_label.setStyleSheet("color: #b71c1c;" if count else "color: #1b5e20;")
        self.findings_label.show()
        self.findings_list.setVisible(bool(count))

    def _checked(self) -> bool:
        """Run the check before an export: stale sections stop it; other findings ask."""
        findings = self.run_check()
        if any(f.kind == "stale" for f in findings):
            self.status_label.setText(STALE_BLOCKS)
            box = QMessageBox(QMessageBox.Icon.Warning, "ตรวจเอกสาร", STALE_BLOCKS, parent=self)
            box.exec()
            return False
        if findings:
            answer = QMessageBox.question(
                self,
                "ตรวจเอกสาร",
                ASK_CONTINUE.format(count=len(findings)),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No,
            )
            return answer == QMessageBox.StandardButton.Yes
        return True

    # running -----------------------------------------------------------------------------
    def start_export(self) -> Task | None:
        ws = self.workspace
        if ws.path is None or (self.task is not None and not self.task.done):
            return None
        options = self.options()
        if options["fmt"] == "pdf" and not self._checked():
            return None
        try:
            options["out"].parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            show_error(self, ExportError("สร้างโฟลเดอร์สำหรับบันทึกเอกสารไม่ได้", str(exc)))
            return None
        self.export_button.setEnabled(False)
        self.progress.show()
        for b in (self.open_file_button, self.open_folder_button):
            b.hide()
        self.status_label.setText(f"กำลังส่งออก {options['out'].name} …")
        self.task = run_in_background(
            run_export,
            str(ws.path),
            options,
            on_success=self._done,
            on_failure=self._failed,
            parent=self,
            label="กำลังส่งออกเอกสาร…",
        )
        return self.task

    def _finish(self) -> None:
        self.progress.hide()
        self.export_button.setEnabled(True)

    def _done(self, path: str) -> None:
        self._finish()
        self.last_output = Path(path)
        self.status_label.setText(f"ส่งออกเรียบร้อย: {path}")
        for b in (self.open_file_button, self.open_folder_button):
            b.show()
        self.open_file_button.setFocus()

    def _failed(self, exc: BaseException) -> None:
        self._finish()
        self.status_label.setText(f"ส่งออกไม่สำเร็จ: {message_of(exc)}")
        show_error(self, exc)

    @staticmethod
    def _open(path: Path | None) -> None:
        if path is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
