"""The File menu's work: new, open (in the background), Save As, backup, recent files."""

from __future__ import annotations

import datetime
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMenu, QWidget

from ita_desktop.demo.builder import build_demo
from ita_desktop.paths import demo_db_path
from ita_desktop.services import files
from ita_desktop.services.files import Database

from .. import labels
from ..errors import reporting, show_error
from ..settings import UiSettings
from ..tasks import Task, run_in_background
from ..undo import History
from ..workspace import Workspace


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

    def __init__(
        self, workspace: Workspace, history: History, settings: UiSettings, parent: QWidget
    ) -> None:
        super().__init__(parent)
        self.workspace, self.history, self.settings = workspace, history, settings
        self.window = parent
        self.task: Task | None = None
        self.recent_menu = QMenu("เปิดไฟล์ล่าสุด (&R)", parent)
        self.recent_menu.aboutToShow.connect(self._fill_recent)

    # opening -----------------------------------------------------------------------------
    def open_now(self, path: Path) -> bool:
        """Open at once on the GUI thread (start-up, new files): quick for ordinary files."""
        with reporting(self.window):
            self._switch(files.open_database(path), path)
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
            on_failure=lambda exc: show_error(self.window, exc),
            parent=self.window,
            label=label,
        )
        return self.task

    def _switch(self, db: Database, path: Path) -> None:
        self.remember_selection()
        self.history.clear()
        self.workspace.open(db, path, is_demo_path(path))
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

    # menu actions ------------------------------------------------------------------------
    def new_database(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self.window, "สร้างฐานข้อมูลใหม่", str(self._folder() / "ita.itadb"), labels.DB_FILTER
        )
        if name:
            self.create(Path(name))

    def create(self, path: Path) -> bool:
        """A new empty database file; a file already there is kept under a dated name."""
        with reporting(self.window):
            self._switch(files.new_database(path, self.workspace.path), path)
            return True
        return False

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
            self.window, "บันทึกเป็น", str(self._folder() / "ita.itadb"), labels.DB_FILTER
        )
        if name:
            self.save_copy_and_switch(Path(name))

    def save_copy_and_switch(self, target: Path) -> bool:
        """Save As: copy everything to `target`, then keep working in the copy."""
        with reporting(self.window):
            files.save_copy(self.workspace.db, target)
            return self.open_now(target)
        return False

    def backup(self) -> None:
        if not self.workspace.is_open or self.workspace.path is None:
            return
        stamp = datetime.datetime.now().strftime("%Y%m%d-%H%M")
        suggestion = self._folder() / f"{self.workspace.path.stem}-สำรอง-{stamp}.sqlite"
        name, _ = QFileDialog.getSaveFileName(
            self.window, "สำรองข้อมูล", str(suggestion), labels.DB_FILTER
        )
        if name:
            self.backup_to(Path(name))

    def backup_to(self, target: Path) -> bool:
        with reporting(self.window):
            files.save_copy(self.workspace.db, target)
            return True
        return False

    def _folder(self) -> Path:
        path = self.workspace.path
        return path.parent if path is not None and not is_demo_path(path) else Path.home()

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        files = [p for p in self.settings.recent_files if p.is_file()]
        for i, path in enumerate(files, start=1):
            action = QAction(f"&{i} {path.name} — {path.parent}", self.recent_menu)
            action.triggered.connect(lambda _c=False, p=path: self.open_in_background(p))
            self.recent_menu.addAction(action)
        if not files:
            empty = self.recent_menu.addAction("ยังไม่มีไฟล์ที่เปิดล่าสุด")
            empty.setEnabled(False)
