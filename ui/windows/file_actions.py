"""The File menu's work: new, open (in the background), Save As, backups and restore,
recent files, and what happens when a file cannot be opened (the window still starts)."""

from __future__ import annotations

import datetime
import logging
import os
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QFileDialog, QMenu, QMessageBox, QWidget

from ita_desktop.demo.builder import build_demo
from ita_desktop.errors import (
    DamagedDatabaseError,
    EmptyDatabaseError,
    ItaError,
    shown,
)
from ita_desktop.paths import demo_db_path
from ita_desktop.services import backups, files
from ita_desktop.services.files import Database

from .. import labels
from ..errors import reporting, show_error
from ..settings import UiSettings
from ..tasks import Task, run_in_background
from ..undo import History
from ..workspace import Workspace
from .recovery_dialog import WIDE, RecoveryDialog, ask_yes_no, file_name, inform, thai_date

OVERWRITE = QFileDialog.Option.DontConfirmOverwrite  # we ask ourselves, in Thai
log = logging.getLogger("ita_desktop.ui")
SALVAGE_NOTE = "ไฟล์เดิมที่เสียหายยังอยู่ที่เดิม ไม่ถูกแก้ไข กรุณาตรวจข้อมูลในไฟล์ใหม่ก่อนใช้งาน"


def is_demo_path(path: Path) -> bool:
    try:
        return path.resolve() == demo_db_path().resolve()
    except OSError:
        return False


def prepare_database(path: str, build: bool) -> str:
    """Background job: build the demo if asked, then open once (migrating, with a backup)."""
    file = Path(path)
    if build:
        build_demo(file, force=False).close()
    else:
        files.open_database(file).close()
    return path


class FileActions(QObject):
    """Opens and copies database files for the window; the workspace holds the open one."""

    opened = Signal(str)  # path, after the workspace switched to it
    failed = Signal(str)  # path that could not be opened (`last_failure` says why)

    def __init__(
        self, workspace: Workspace, history: History, settings: UiSettings, parent: QWidget
    ) -> None:
        super().__init__(parent)
        self.workspace, self.history, self.settings = workspace, history, settings
        self.window = parent
        self.task: Task | None = None
        self.last_failure: str | None = None  # the banner's text while nothing is open
        self._recovering = False
        self.recent_menu = QMenu("เปิดไฟล์ล่าสุด (&R)", parent)
        self.recent_menu.aboutToShow.connect(self._fill_recent)

    # opening -----------------------------------------------------------------------------
    def open_now(self, path: Path) -> bool:
        """Open at once on the GUI thread (start-up, new files): quick for ordinary files.
        A file that cannot be opened is answered by `open_failed` (a damaged one offers its
        backup or a salvage; True when something was opened instead)."""
        try:
            db = files.open_database(path)
        except Exception as exc:  # noqa: BLE001 - every failure is answered in Thai
            return self.open_failed(path, exc)
        with reporting(self.window):
            self._switch(db, path)
            return True
        return False

    def open_in_background(self, path: Path, build_demo_first: bool = False) -> Task:
        """Open (or first build the demo) without freezing the window; a dialog shows progress."""
        label = "กำลังสร้างฐานข้อมูลตัวอย่าง…" if build_demo_first else "กำลังเปิดฐานข้อมูล…"
        self.task = run_in_background(
            prepare_database,
            str(path),
            build_demo_first,
            on_success=lambda p: self.open_now(Path(p)),
            on_failure=lambda exc: self.open_failed(Path(path), exc),
            parent=self.window,
            label=label,
        )
        return self.task

    def _switch(self, db: Database, path: Path) -> None:
        self.remember_selection()
        self.history.clear()
        self.workspace.open(db, path, is_demo_path(path))
        self.last_failure = None
        self.settings.clear_failed(path)
        saved = self.settings.selection(path)
        if saved is not None:
            self.workspace.select(*saved)  # where the user left this file
        if not is_demo_path(path):
            self.settings.add_recent(path)
        self.opened.emit(str(path))

    def remember_selection(self) -> None:
        ws = self.workspace
        if ws.path is not None:
            self.settings.set_selection(ws.path, ws.org_id, ws.year)

    # a file that cannot be opened --------------------------------------------------------
    def open_failed(self, path: Path, exc: BaseException) -> bool:
        """Answer a file that could not be opened; the open database (if any) stays open.

        Damaged: the recovery dialog (latest good backup, salvage, or cancel). Empty, another
        program's, newer, or any other refusal: a Thai message naming the file. The file is
        marked in the recent list and not reopened by itself at the next start."""
        path = Path(path)
        if not isinstance(exc, ItaError):
            show_error(self.window, exc)  # a bug: logged, and said so
            return False
        if self._recovering:  # the file put in place by a recovery: say so, no new round
            self._refused(path, exc)
            return False
        why = labels.WHY_NOT_OPENED.get(type(exc).__name__) or shown(exc.thai, 120)
        if path.exists():
            self.settings.mark_failed(path, why)
        if not self.workspace.is_open:  # (else the open file stays, and no banner is shown)
            self.last_failure = labels.NOT_OPENED.format(name=file_name(path), why=why)
        if isinstance(exc, DamagedDatabaseError) and not isinstance(exc, EmptyDatabaseError):
            if self.recover(path, exc):
                return True
        else:
            self._refused(path, exc)
        self.failed.emit(str(path))
        return False

    def _refused(self, path: Path, exc: ItaError) -> None:
        box = QMessageBox(self.window)
        box.setStyleSheet(WIDE)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(labels.APP_TITLE)
        box.setText(f"เปิดไฟล์ {file_name(path)} ไม่ได้\n\n{exc.thai}")
        box.setInformativeText(f"อยู่ในโฟลเดอร์ {shown(path.absolute().parent)}")
        log.warning("could not open %s: %s (%s)", path, exc.thai, exc.detail)
        box.setStandardButtons(QMessageBox.StandardButton.Ok)
        box.button(QMessageBox.StandardButton.Ok).setText("ตกลง")
        box.exec()

    def recover(self, path: Path, exc: ItaError) -> bool:
        """The recovery dialog for a damaged file, until something opens or the user
        cancels; a way that failed is not offered again."""
        self._recovering = True
        try:
            return self._recover(path, exc)
        finally:
            self._recovering = False

    def _recover(self, path: Path, exc: ItaError) -> bool:
        offer_backup, offer_salvage = True, True
        while True:
            backup = backups.latest_good_backup(path) if offer_backup else None
            dialog = RecoveryDialog(self.window, path, exc, backup, offer_salvage)
            choice = dialog.choose()
            dialog.deleteLater()
            if choice == RecoveryDialog.BACKUP and backup is not None:
                if self.restore_damaged(path, backup):
                    return True
                offer_backup = False
            elif choice == RecoveryDialog.SALVAGE:
                target = self.ask_salvage_target(path)
                if target is None:
                    continue
                if self.salvage_to(path, target):
                    return True
                offer_salvage = False
            else:
                return False

    def restore_damaged(self, path: Path, backup: backups.BackupFile) -> bool:
        """Put the backup's content in place of the damaged file (kept in backups/)."""
        with reporting(self.window):
            done = backups.restore(path, backup.path)
            kept = f"\nไฟล์ที่เสียหายเก็บสำเนาไว้ที่ {shown(done.kept)}" if done.kept else ""
            if not self.open_now(path):
                return False
            inform(
                self.window,
                "เปิดไฟล์สำรองล่าสุด",
                f"นำข้อมูลจากไฟล์สำรอง ณ {thai_date(backup.created)} มาแทนไฟล์ {file_name(path)} แล้ว",
                "การแก้ไขหลังเวลานั้นจะไม่มีในไฟล์นี้ กรุณาตรวจสอบข้อมูล" + kept,
            )
            return True
        return False

    def ask_salvage_target(self, damaged: Path) -> Path | None:
        folder = damaged.absolute().parent
        if not os.access(folder, os.W_OK):
            folder = Path.home()
        suggestion = _unused(folder / f"{damaged.stem}-กู้ข้อมูล{damaged.suffix or '.itadb'}")
        name, _ = QFileDialog.getSaveFileName(
            self.window,
            "บันทึกข้อมูลที่กู้ได้เป็นไฟล์ใหม่",
            str(suggestion),
            labels.DB_FILTER,
            options=OVERWRITE,
        )
        return Path(name) if name else None

    def salvage_to(self, damaged: Path, target: Path) -> bool:
        """Save what can still be read of `damaged` into the new file `target`, say how much
        was saved and lost, and open it."""
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            with reporting(self.window):
                report = backups.salvage(damaged, target)
                QApplication.restoreOverrideCursor()
                lost = (
                    "มีข้อมูลบางส่วนที่ไม่ทราบจำนวนอ่านไม่ได้"
                    if report.unknown
                    else f"อ่านไม่ได้หรือใช้ไม่ได้ {report.lost:,} รายการ"
                    if report.lost
                    else "ไม่พบข้อมูลที่เสียไป"
                )
                inform(
                    self.window,
                    "กู้ข้อมูลที่อ่านได้",
                    f"บันทึกข้อมูลที่อ่านได้ของ {file_name(damaged)} เป็นไฟล์ใหม่ {file_name(target)}"
                    f" แล้ว: กู้ได้ {report.saved:,} รายการ {lost}",
                    "\n".join([*report.lines(), "", SALVAGE_NOTE]),
                )
                return self.open_now(target)
            return False
        finally:
            QApplication.restoreOverrideCursor()

    # menu actions ------------------------------------------------------------------------
    def new_database(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self.window,
            "สร้างฐานข้อมูลใหม่",
            str(self._folder() / "ita.itadb"),
            labels.DB_FILTER,
            options=OVERWRITE,
        )
        if name:
            self.create(Path(name))

    def create(self, path: Path) -> bool:
        """A new empty database file. A file already there is never deleted: after a Thai
        question naming it, the service keeps it under a dated name beside it."""
        path = Path(path)
        with reporting(self.window):
            files.refuse_open_file(path, self.workspace.path)
            if path.exists() and not self.confirm_replace(path):
                return False
            before = set(_kept_copies(path))
            self._switch(files.new_database(path, self.workspace.path), path)
            kept = sorted(set(_kept_copies(path)) - before)
            if kept:
                self._status(f"สร้างฐานข้อมูลใหม่แล้ว ไฟล์เดิมเก็บไว้เป็น {kept[-1].name}")
            return True
        return False

    def confirm_replace(self, path: Path) -> bool:
        stamp = datetime.datetime.now().strftime("%Y%m%d-%H%M%S")
        kept = f"{path.stem}.replaced-{stamp}{path.suffix}"
        return ask_yes_no(
            self.window,
            "สร้างฐานข้อมูลใหม่",
            f"มีไฟล์ {file_name(path)} อยู่แล้ว จะสร้างฐานข้อมูลใหม่ที่ว่างเปล่าในชื่อนี้หรือไม่?",
            f"ไฟล์เดิมจะไม่ถูกลบ: โปรแกรมจะเปลี่ยนชื่อเก็บไว้เป็น “{shown(kept)}”"
            f" (ชื่อเดิมต่อด้วยวันที่และเวลา) ในโฟลเดอร์เดียวกัน\n{shown(path.absolute().parent)}",
        )

    def open_database(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self.window, "เปิดฐานข้อมูล", str(self._folder()), labels.DB_FILTER
        )
        if name:
            self.open_in_background(Path(name))

    def save_as(self) -> None:
        if not self.workspace.is_open:
            return
        name, _ = QFileDialog.getSaveFileName(
            self.window,
            "บันทึกเป็น",
            str(self._folder() / "ita.itadb"),
            labels.DB_FILTER,
            options=OVERWRITE,
        )
        if name:
            self.save_copy_and_switch(Path(name))

    def save_copy_and_switch(self, target: Path) -> bool:
        """Save As: copy everything to `target`, then keep working in the copy."""
        with reporting(self.window):
            files.refuse_open_file(target, self.workspace.path)
            if target.exists() and not self._confirm_overwrite(target):
                return False
            files.save_copy(self.workspace.db, target)
            return self.open_now(target)
        return False

    def backup(self) -> None:
        """A copy of the open file to a file of the user's choice (a USB stick, another
        folder); the backups beside the file are in `show_backups`."""
        if not self.workspace.is_open or self.workspace.path is None:
            return
        stamp = datetime.datetime.now().strftime("%Y%m%d-%H%M")
        path = self.workspace.path
        suggestion = self._folder() / f"{path.stem}-สำรอง-{stamp}{path.suffix or '.itadb'}"
        name, _ = QFileDialog.getSaveFileName(
            self.window, "สำรองไปยังไฟล์อื่น", str(suggestion), labels.DB_FILTER, options=OVERWRITE
        )
        if name:
            self.backup_to(Path(name))

    def backup_to(self, target: Path) -> bool:
        with reporting(self.window):
            files.refuse_open_file(target, self.workspace.path)
            if target.exists() and not self._confirm_overwrite(target):
                return False
            files.save_copy(self.workspace.db, target)
            self._status(f"สำรองข้อมูลไว้ที่ {target} แล้ว")
            return True
        return False

    def _confirm_overwrite(self, target: Path) -> bool:
        return ask_yes_no(
            self.window,
            labels.APP_TITLE,
            f"มีไฟล์ {file_name(target)} อยู่แล้ว จะเขียนทับด้วยสำเนาของฐานข้อมูลนี้หรือไม่?",
            f"ข้อมูลเดิมในไฟล์นั้นจะหายไป\n{shown(target.absolute().parent)}",
        )

    # backups of the open file ------------------------------------------------------------
    def show_backups(self) -> None:
        """File → สำรองข้อมูล/กู้คืน: the backups of the open file."""
        from .backups_dialog import BackupsDialog

        if not self.workspace.is_open or self.workspace.path is None:
            return
        dialog = BackupsDialog(self, self.window)
        dialog.exec()
        dialog.deleteLater()

    def backup_now(self) -> Path | None:
        """A backup of the open file now, in its backups folder."""
        with reporting(self.window):
            made = backups.backup_now(self.workspace.db)
            self._status(f"สำรองข้อมูลแล้ว: {made.name}")
            return made
        return None

    def set_keep_backups(self, n: int) -> None:
        backups.set_keep_count(n)
        self.settings.keep_backups = n
        self.settings.sync()

    def restore_backup(self, backup: Path) -> bool:
        """Close the open file, put the backup's content in its place (the service backs up
        what it replaces first) and open it again."""
        ws = self.workspace
        path = ws.path
        if path is None:
            return False
        commit = getattr(self.window, "commit_edits", None)
        if callable(commit):
            commit()
        self.remember_selection()
        self.history.clear()
        ws.close(notify=False)
        restored = False
        with reporting(self.window):
            backups.restore(path, backup)
            restored = True
        if not self.open_now(path):  # (unchanged when the restore was refused)
            ws.close(notify=True)
            return False
        if restored:
            self._status(f"กู้คืนจากไฟล์สำรอง {backup.name} แล้ว")
        return restored

    # helpers -----------------------------------------------------------------------------
    def _status(self, text: str) -> None:
        bar = getattr(self.window, "statusBar", None)
        if callable(bar):
            bar().showMessage(text, 8000)

    def _folder(self) -> Path:
        path = self.workspace.path
        return path.parent if path is not None and not is_demo_path(path) else Path.home()

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        found = [p for p in self.settings.recent_files if p.is_file()]
        failed = []
        for i, path in enumerate(found, start=1):
            why = self.settings.failed_reason(path)
            text = f"&{i} {path.name} — {path.parent}"
            if why is not None:
                failed.append(path)
                text = f"&{i} {path.name} — เปิดไม่ได้ครั้งล่าสุด: {why or 'ไม่ทราบสาเหตุ'} — {path.parent}"
            action = QAction(text, self.recent_menu)
            action.triggered.connect(lambda _c=False, p=path: self.open_in_background(p))
            self.recent_menu.addAction(action)
        if not found:
            empty = self.recent_menu.addAction("ยังไม่มีไฟล์ที่เปิดล่าสุด")
            empty.setEnabled(False)
        if failed:
            self.recent_menu.addSeparator()
            remove = self.recent_menu.addAction("นำไฟล์ที่เปิดไม่ได้ออกจากรายการ")
            remove.triggered.connect(lambda _c=False: self.forget_failed())

    def forget_failed(self) -> list[Path]:
        """Take the files that failed to open off the recent list (the files stay)."""
        settings = self.settings
        failed = [p for p in settings.recent_files if settings.failed_reason(p) is not None]
        self.settings.remove_recent(failed)
        return failed


def _unused(path: Path) -> Path:
    """`path`, numbered (-2, -3 …) when a file of that name exists."""
    n, candidate = 1, path
    while candidate.exists():
        n += 1
        candidate = path.with_name(f"{path.stem}-{n}{path.suffix}")
    return candidate


def _kept_copies(path: Path) -> list[Path]:
    """Files `new_database` kept in place of `path` (`<stem>.replaced-<time><suffix>`)."""
    folder = path.absolute().parent
    if not folder.is_dir():
        return []
    prefix = f"{path.stem}.replaced-"
    return [p for p in folder.iterdir() if p.name.startswith(prefix) and p.suffix == path.suffix]
