"""พิมพ์และส่งออก: choose the document, digits, round and format; see the PDF's pages as the
export makes them (made in the background), print them (Ctrl+P) or save the file (Ctrl+S)
under a Thai name, asking before replacing one."""

from __future__ import annotations

import itertools
import tempfile
import time
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QStandardPaths, Qt, QTimer, QUrl
from PySide6.QtGui import QDesktopServices, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from ita_desktop.documents.consistency_facts import Finding
from ita_desktop.errors import ExportError
from ita_desktop.services import report_settings, reports
from ita_desktop.services.export_names import export_file_name

from .. import labels
from .. import workspace as kinds
from ..errors import message_of, show_error
from ..export_choices import ExportChoices
from ..pages.base import Page
from ..tasks import Task, run_in_background
from ..widgets.document_check import STALE_BLOCKS, DocumentCheck
from ..widgets.path_edit import PathEdit
from ..widgets.pdf_pages import RENDERER_MISSING, PdfPages, UnreadablePdf
from ..widgets.pdf_preview import PdfPreview
from ..widgets.print_job import print_preview

PREVIEW_DELAY_MS = 400  # choices made in a row make one preview
SIDE_MIN_WIDTH, SIDE_MAX_WIDTH = 440, 600  # the options column


def run_export(db_path: str, options: dict[str, Any]) -> str:
    """The background job: its own connection, plain data in and out."""
    from ita_desktop.services.export import export_from_file  # loads the PDF stack

    return str(export_from_file(Path(db_path), **options))


def make_preview(db_path: str, options: dict[str, Any]) -> bytes:
    """The background job of the preview: the export into a private folder, read back whole
    (so nothing is left on disk, even if the window is gone when it ends)."""
    with tempfile.TemporaryDirectory(prefix="ita-preview-") as folder:
        out = Path(folder) / options["out"].name
        return Path(run_export(db_path, {**options, "out": out})).read_bytes()


ASK_REPLACE = "มีไฟล์ “{name}” อยู่แล้วในโฟลเดอร์\n{folder}\n\nต้องการแทนที่ไฟล์เดิมหรือไม่?"
PREVIEW_MAKING = "กำลังจัดหน้าตัวอย่างเอกสาร…"
PREVIEW_UPDATING = "กำลังปรับตัวอย่างตามที่เลือก…"
PREVIEW_FAILED = "ยังแสดงตัวอย่างไม่ได้: {message}"
PREVIEW_UNREADABLE = "อ่านไฟล์ PDF ที่สร้างขึ้นไม่ได้"
PREVIEW_EXCEL = (
    "ไฟล์ Excel ไม่มีตัวอย่างและพิมพ์จากที่นี่ไม่ได้: ไฟล์จะรวมทุกตาราง (คะแนน มาตรการ "
    "และผลการดำเนินการทุกรอบ) ไว้ในไฟล์เดียว กด “บันทึกไฟล์” แล้วเปิดด้วย Excel"
)


def default_folder() -> Path:
    docs = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(docs or Path.home()) / "ITA Desktop"


def ask_replace(parent: QWidget, path: Path) -> bool:
    """The Thai question before an existing file is replaced; No unless chosen."""
    box = QMessageBox(
        QMessageBox.Icon.Question,
        "แทนที่ไฟล์เดิม?",
        ASK_REPLACE.format(name=path.name, folder=path.parent),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        parent,
    )
    box.button(QMessageBox.StandardButton.Yes).setText("แทนที่ (&R)")
    box.button(QMessageBox.StandardButton.No).setText("ไม่แทนที่ (&N)")
    box.setDefaultButton(QMessageBox.StandardButton.No)
    box.setEscapeButton(QMessageBox.StandardButton.No)
    return box.exec() == QMessageBox.StandardButton.Yes


class ExportPage(Page):
    key = "export"
    # every kind of data shows in the documents: the preview follows them all
    WATCHES = (
        kinds.ORGANIZATION,
        kinds.SETTINGS,
        kinds.ASSESSMENT,
        kinds.SCORES,
        kinds.MEASURES,
        kinds.PROGRESS,
        kinds.YEARS,
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.task: Task | None = None  # saving
        self.preview_task: Task | None = None
        self.last_output: Path | None = None
        self.choices = ExportChoices()
        self._digits_for: tuple[int, bool] | None = None  # (assessment, its stored digits)
        self._round_for: int | None = None  # the assessment whose default round was chosen
        self._bundle: list[str] = ["results"]  # what "all" holds (the year's print settings)
        self._preview_wanted: dict[str, Any] | None = None  # options of the preview to make
        self._preview_shown: dict[str, Any] | None = None  # options of the pages shown
        self._preview_timer = QTimer(self)
        self._preview_timer.setSingleShot(True)
        self._preview_timer.setInterval(PREVIEW_DELAY_MS)
        self._preview_timer.timeout.connect(self.update_preview)

        options = self._build_options()
        actions = self._build_actions()
        self.preview = PdfPreview()
        self.preview.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.preview_status = QLabel()
        self.preview_status.setStyleSheet("color: #555;")

        side = QVBoxLayout()
        side.setContentsMargins(0, 0, 0, 0)
        side.addWidget(options)
        side.addLayout(actions)
        side.addWidget(self.status_label)
        side.addWidget(self.findings_label)
        side.addWidget(self.findings_list, 1)
        side.addStretch(0)
        self.side = QWidget()
        self.side.setLayout(side)
        # the options take a share of a wide window (a whole folder path shows), the preview
        # the rest
        self.side.setMinimumWidth(SIDE_MIN_WIDTH)
        self.side.setMaximumWidth(SIDE_MAX_WIDTH)
        right = QVBoxLayout()
        right.setContentsMargins(0, 0, 0, 0)
        right.addWidget(self.preview_status)
        right.addWidget(self.preview, 1)
        layout = QHBoxLayout(self.body)
        layout.addWidget(self.side, 2)
        layout.addLayout(right, 5)

        print_key = QShortcut(QKeySequence(QKeySequence.StandardKey.Print), self)
        print_key.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        print_key.activated.connect(self.print_document)
        save_key = QShortcut(QKeySequence(QKeySequence.StandardKey.Save), self)
        save_key.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        save_key.activated.connect(self.start_export)
        self._restore_choices()
        self._format_changed()
        self._tab_order()

    def _tab_order(self) -> None:
        """Tab follows the screen: the options top to bottom, the actions, then the preview."""
        chain: list[QWidget] = [
            *self.format_group.buttons(),
            self.document_combo,
            self.round_combo,
            self.thai_digits,
            self.folder_edit,
            self.browse_button,
            self.print_button,
            self.export_button,
            self.check_button,
            self.open_file_button,
            self.open_folder_button,
            self.check.list,
            self.preview.previous_button,
            self.preview.page_spin,
            self.preview.next_button,
            self.preview.zoom_combo,
            self.preview.scroll_area,
        ]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    # building --------------------------------------------------------------------------------
    def _build_options(self) -> QGroupBox:
        self.document_combo = QComboBox()
        for key, name in labels.DOCUMENTS.items():
            self.document_combo.addItem(name, key)
        self.document_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.document_combo.setMinimumContentsLength(16)
        self.format_group = QButtonGroup(self)
        format_row = QHBoxLayout()
        for i, (key, name) in enumerate(labels.FORMATS.items()):
            button = QRadioButton(name)
            button.setProperty("fmt", key)
            button.setChecked(i == 0)
            self.format_group.addButton(button, i)
            format_row.addWidget(button)
        format_row.addStretch(1)
        self.round_combo = QComboBox()
        for months, name in labels.ROUND_NAMES.items():
            self.round_combo.addItem(name, months)
        self.round_combo.setToolTip("รอบของรายงานผลการดำเนินการตามมาตรการ (6 หรือ 12 เดือน)")
        self.thai_digits = QCheckBox("ใช้เลขไทย (๐ ๑ ๒ ๓ …)")
        self.thai_digits.setChecked(True)
        self.folder_edit = PathEdit(str(default_folder()))
        self.folder_edit.setHint("โฟลเดอร์ที่บันทึกไฟล์ (โปรแกรมจำไว้ใช้ครั้งต่อไป)")
        self.browse_button = browse = QPushButton("เลือก… (&B)")
        browse.setToolTip("เลือกโฟลเดอร์ที่จะบันทึกไฟล์")
        browse.clicked.connect(self.choose_folder)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder_edit, 1)
        folder_row.addWidget(browse)
        self.name_label = QLabel()
        self.name_label.setWordWrap(True)
        self.name_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.name_label.setToolTip("ชื่อไฟล์ตั้งจากเอกสาร รอบ หน่วยงาน และปีงบประมาณ")

        box = QGroupBox("ตัวเลือกเอกสาร")
        form = QFormLayout(box)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        for text, field, buddy in (
            ("รูปแบบไฟล์ (&T)", format_row, self.format_group.buttons()[0]),
            ("เอกสาร (&D)", self.document_combo, self.document_combo),
            ("รอบรายงานผล (&R)", self.round_combo, self.round_combo),
            ("ตัวเลข (&N)", self.thai_digits, self.thai_digits),
            ("บันทึกไว้ที่ (&L)", folder_row, self.folder_edit),
            ("ชื่อไฟล์", self.name_label, None),
        ):
            label = QLabel(text)
            if buddy is not None:
                label.setBuddy(buddy)
            form.addRow(label, field)

        self.document_combo.currentIndexChanged.connect(lambda _i: self._choice_changed())
        self.document_combo.currentTextChanged.connect(self.document_combo.setToolTip)
        self.round_combo.currentIndexChanged.connect(lambda _i: self._choice_changed())
        self.thai_digits.toggled.connect(lambda _on: self._choice_changed())
        self.format_group.idToggled.connect(self._format_toggled)
        # remembered only when the user chooses (activated, clicked), never a default
        self.document_combo.activated.connect(lambda _i: self._remember("document"))
        self.round_combo.activated.connect(lambda _i: self._remember("round_months"))
        self.format_group.idClicked.connect(lambda _i: self._remember("fmt"))
        self.folder_edit.editingFinished.connect(self._folder_changed)
        return box

    def _build_actions(self) -> QVBoxLayout:
        self.print_button = QPushButton("พิมพ์… (&P)")
        self.print_button.setToolTip("พิมพ์หน้าที่เห็นในตัวอย่าง (Ctrl+P)")
        self.print_button.clicked.connect(self.print_document)
        self.export_button = QPushButton("บันทึกไฟล์ (&S)")
        self.export_button.setToolTip("บันทึกเอกสารเป็นไฟล์ในโฟลเดอร์ที่เลือก (Ctrl+S)")
        self.export_button.setDefault(True)
        self.export_button.clicked.connect(self.start_export)
        self.check = DocumentCheck(self)
        self.check_button = self.check.button
        self.check_button.clicked.connect(self.run_check)
        self.findings_label, self.findings_list = self.check.label, self.check.list
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.progress.setTextVisible(False)
        self.progress.setMaximumHeight(8)
        policy = self.progress.sizePolicy()
        policy.setRetainSizeWhenHidden(True)  # showing it moves nothing
        self.progress.setSizePolicy(policy)
        self.progress.hide()
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        self.status_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.open_file_button = QPushButton("เปิดไฟล์ (&O)")
        self.open_folder_button = QPushButton("เปิดโฟลเดอร์")
        self.open_file_button.clicked.connect(lambda: self._open(self.last_output))
        self.open_folder_button.clicked.connect(
            lambda: self._open(self.last_output.parent if self.last_output else None)
        )
        for b in (self.open_file_button, self.open_folder_button):
            b.hide()

        main_row = QHBoxLayout()
        main_row.addWidget(self.print_button, 1)
        main_row.addWidget(self.export_button, 1)
        second_row = QHBoxLayout()
        second_row.addWidget(self.check_button)
        second_row.addStretch(1)
        second_row.addWidget(self.open_file_button)
        second_row.addWidget(self.open_folder_button)
        rows = QVBoxLayout()
        rows.addLayout(main_row)
        rows.addWidget(self.progress)
        rows.addLayout(second_row)
        return rows

    # choices ---------------------------------------------------------------------------------
    def _restore_choices(self) -> None:
        c = self.choices
        if c.folder is not None:
            self.folder_edit.setText(str(c.folder))
        if c.document is not None:
            self.document_combo.setCurrentIndex(self.document_combo.findData(c.document))
        if c.fmt is not None:
            for button in self.format_group.buttons():
                button.setChecked(button.property("fmt") == c.fmt)
        if c.round_months is not None:
            self.round_combo.setCurrentIndex(self.round_combo.findData(c.round_months))

    def _remember(self, choice: str) -> None:
        """Keep a choice the user made (not one a default set) for the next start."""
        if choice == "document":
            self.choices.document = self.document_combo.currentData()
        elif choice == "round_months":
            self.choices.round_months = self.round_combo.currentData()
        else:
            self.choices.fmt = self._format()
        self.choices.sync()

    def _folder_changed(self) -> None:
        text = self.folder_edit.text().strip()
        if text:
            self.choices.folder = Path(text)
            self.choices.sync()
        self._show_name()

    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, "บันทึกเอกสารไว้ที่", self.folder_edit.text())
        if folder:
            self.folder_edit.setText(folder)
            self._folder_changed()

    def _format(self) -> str:
        """The chosen format key ("pdf", "xlsx"): one of the exclusive buttons is always checked."""
        button = self.format_group.checkedButton()
        assert button is not None
        return button.property("fmt")

    def _format_toggled(self, _id: int, checked: bool) -> None:
        if checked:  # the button turned off tells too
            self._format_changed()

    def _format_changed(self) -> None:
        pdf = self._format() == "pdf"
        self.check_button.setEnabled(pdf)  # the check reads the PDF documents' text
        self.document_combo.setEnabled(pdf)
        self.print_button.setEnabled(pdf and self._preview_current())
        if not pdf:  # the check's findings are about the PDF documents
            self.check.hide()
        self._choice_changed()

    def _choice_changed(self) -> None:
        # the round matters only for the implementation report (alone or in the bundle)
        document = self.document_combo.currentData()
        self.round_combo.setEnabled(
            self._format() == "pdf"
            and (document == "results" or (document == "all" and "results" in self._bundle))
        )
        self._show_name()
        self.schedule_preview()

    def _show_name(self) -> None:
        if self.workspace.is_open and self.workspace.org_id is not None and self.workspace.year:
            self.name_label.setText(self.options()["out"].name)

    def load(self) -> None:
        a = self.assessment()
        assert a.id is not None
        settings = report_settings.get_settings(self.workspace.db, a.id)
        self._bundle = list(settings.bundle)
        stored = (a.id, settings.thai_digits)
        if stored != self._digits_for:  # default: how this office prints its documents
            self._digits_for = stored
            self.thai_digits.setChecked(stored[1])
        if a.id != self._round_for and self.choices.round_months is None:
            # never chosen: the latest round with something reported
            latest = reports.latest_round(self.workspace.db, a.id)
            self.round_combo.setCurrentIndex(self.round_combo.findData(latest))
        self._round_for = a.id
        self.export_button.setEnabled(self.task is None or self.task.done)
        self._preview_shown = None  # the data may have changed: the pages shown are not current
        self._choice_changed()  # the round, the file name and a new preview

    def options(self) -> dict[str, Any]:
        ws = self.workspace
        org = ws.organization()
        fmt = self._format()
        document = self.document_combo.currentData() if fmt == "pdf" else "all"
        round_months = self.round_combo.currentData()
        assert ws.year is not None
        name = export_file_name(
            document=document,
            organization=org.name if org else "",
            year=ws.year,
            fmt=fmt,
            round_months=round_months if self.round_combo.isEnabled() else None,
        )
        folder = Path(self.folder_edit.text().strip() or default_folder())
        return {
            "org_id": ws.org_id,
            "year": ws.year,
            "fmt": fmt,
            "document": document,
            "round_months": round_months,
            "thai_digits": self.thai_digits.isChecked(),
            "out": folder / name,
        }

    # preview ---------------------------------------------------------------------------------
    def schedule_preview(self) -> None:
        if self.isVisible() and self.workspace.is_open and self.workspace.year is not None:
            self.print_button.setEnabled(False)
            if self.preview.pages is None and self._format() == "pdf":
                self.preview.show_message(PREVIEW_MAKING)
            self._preview_timer.start()

    def finish_preview(self, timeout: float = 120.0) -> bool:
        """Make the preview now and wait for it (screenshots, tests); True when shown."""
        self._preview_timer.stop()
        deadline = time.monotonic() + timeout
        for _attempt in range(2):  # a preview that ended for older choices starts the next
            task = self.update_preview()
            if task is None:
                break
            while not task.done and time.monotonic() < deadline:
                QCoreApplication.processEvents()
                time.sleep(0.01)
            QCoreApplication.processEvents()  # its callbacks
        return self._preview_current()

    def _preview_key(self) -> dict[str, Any]:
        options = self.options()
        return {**options, "out": Path(options["out"].name)}  # the folder changes no page

    def _preview_current(self) -> bool:
        """The pages shown are those of the current choices (and data)."""
        ws = self.workspace
        if self._preview_shown is None or not ws.is_open or ws.org_id is None or not ws.year:
            return False
        return self._preview_shown == self._preview_key()

    def update_preview(self) -> Task | None:
        """Make the preview of the current choices in the background (one at a time: choices
        made meanwhile are previewed when it ends)."""
        ws = self.workspace
        if ws.path is None or ws.org_id is None or ws.year is None:
            return None
        if self._format() != "pdf":
            self._preview_wanted = None
            self.preview.show_message(PREVIEW_EXCEL)
            self.preview_status.setText("")
            return None
        self._preview_wanted = self._preview_key()
        if self._preview_current():
            self.print_button.setEnabled(True)
            return None
        if self.preview_task is not None and not self.preview_task.done:
            return self.preview_task  # its end starts the next one
        if self.preview.pages is None:
            self.preview.show_message(PREVIEW_MAKING)
        self.preview_status.setText(PREVIEW_UPDATING)
        making = dict(self._preview_wanted)
        self.preview_task = run_in_background(
            make_preview,
            str(ws.path),
            {**self.options(), "out": making["out"]},
            on_success=lambda data: self._preview_done(making, data),
            on_failure=lambda exc: self._preview_failed(making, exc),
            parent=None,  # ends (and leaves the running list) even if the window closed first
        )
        return self.preview_task

    def _preview_done(self, made: dict[str, Any], data: bytes) -> None:
        if not isValid(self):  # the window closed while it was made
            return
        if made == self._preview_wanted:
            try:
                pages = PdfPages(data)
            except UnreadablePdf as exc:
                thai = str(exc) if str(exc) == RENDERER_MISSING else PREVIEW_UNREADABLE
                self._preview_failed(made, ExportError(thai, str(exc.__cause__ or exc)))
                return
            self.preview.set_pages(pages)
            self._preview_shown = made
            self.preview_status.setText(f"ตัวอย่าง: {made['out'].name}")
            self.print_button.setEnabled(True)
        else:
            self.update_preview()

    def _preview_failed(self, made: dict[str, Any], exc: BaseException) -> None:
        if not isValid(self):
            return
        if made == self._preview_wanted:
            self._preview_shown = None
            self.preview.show_message(PREVIEW_FAILED.format(message=message_of(exc)))
            self.preview_status.setText("")
            self.print_button.setEnabled(False)
        else:
            self.update_preview()

    # printing --------------------------------------------------------------------------------
    def print_document(self) -> bool:
        """พิมพ์ (Ctrl+P): the previewed pages, after the same check as saving."""
        pages = self.preview.pages
        if self._format() != "pdf" or pages is None or not self._preview_current():
            self.status_label.setText("รอให้ตัวอย่างเอกสารเสร็จก่อน จึงพิมพ์ได้")
            return False
        if not self._checked():
            return False
        assert self._preview_shown is not None
        title = Path(self._preview_shown["out"]).stem
        done = print_preview(self, pages, self.preview.current_page(), title)
        if done is not None:
            self.status_label.setText(done)
        return done is not None

    # checking --------------------------------------------------------------------------------
    def run_check(self) -> list[Finding]:
        """ตรวจเอกสาร: what the chosen document would print that contradicts the data."""
        ws = self.workspace
        options = self.options()
        if ws.org_id is None or ws.year is None or options["fmt"] != "pdf":
            return []
        return self.check.run(
            ws.db, ws.org_id, ws.year, options["document"], options["round_months"]
        )

    def _checked(self) -> bool:
        """Run the check before printing or saving: stale sections stop it; others ask."""
        findings = self.run_check()
        if any(f.kind == "stale" for f in findings):
            self.status_label.setText(STALE_BLOCKS)
        return self.check.allows(findings)

    # saving ----------------------------------------------------------------------------------
    def start_export(self) -> Task | None:
        """บันทึกไฟล์ (Ctrl+S): the export into the chosen folder, in the background."""
        ws = self.workspace
        if ws.path is None or (self.task is not None and not self.task.done):
            return None
        options = self.options()
        if options["fmt"] == "pdf" and not self._checked():
            return None
        out: Path = options["out"]
        if out.exists() and not ask_replace(self, out):
            self.status_label.setText(f"ไม่ได้บันทึก: มีไฟล์ {out.name} อยู่แล้ว")
            return None
        try:
            out.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            show_error(self, ExportError("สร้างโฟลเดอร์สำหรับบันทึกเอกสารไม่ได้", str(exc)))
            return None
        self.export_button.setEnabled(False)
        self.progress.show()
        for b in (self.open_file_button, self.open_folder_button):
            b.hide()
        self.status_label.setText(f"กำลังบันทึก {out.name} …")
        self.task = run_in_background(
            run_export,
            str(ws.path),
            options,
            on_success=self._done,
            on_failure=self._failed,
            parent=self,
            label="กำลังบันทึกเอกสาร…",
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
