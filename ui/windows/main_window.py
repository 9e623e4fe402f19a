"""The main window: menus, demo banner, organisation/year pickers and the six pages."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QCloseEvent, QGuiApplication, QIcon, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QMainWindow,
    QMessageBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ita_desktop.paths import demo_db_path

from .. import labels
from ..pages.analysis_page import AnalysisPage
from ..pages.base import Page
from ..pages.export_page import ExportPage
from ..pages.measures_page import MeasuresPage
from ..pages.organization_page import OrganizationPage
from ..pages.progress_page import ProgressPage
from ..pages.rules_page import RulesPage
from ..pages.scores_page import ScoresPage
from ..settings import UiSettings
from ..undo import History
from ..widgets.banner import DEMO, NONE, READ_ONLY, DemoBanner
from ..widgets.selectors import SelectorBar
from ..windows.file_actions import FileActions, is_demo_path
from ..windows.screen_fit import default_rect, fits, is_small, screen_key
from ..workspace import Workspace

PAGE_CLASSES: tuple[type[Page], ...] = (
    OrganizationPage,
    ScoresPage,
    AnalysisPage,
    MeasuresPage,
    ProgressPage,
    RulesPage,
    ExportPage,
)
EXPORT_SHORTCUT = "Ctrl+E"  # (Ctrl+P prints on the export page)


class MainWindow(QMainWindow):
    def __init__(self, workspace: Workspace, settings: UiSettings) -> None:
        super().__init__()
        self.workspace, self.settings = workspace, settings
        self.history = History(workspace, self)
        self.files = FileActions(workspace, self.history, settings, self)
        self.setWindowTitle(labels.APP_TITLE)
        self.setWindowIcon(QIcon("icons:ita-desktop.svg"))

        self.banner = DemoBanner()
        self.banner.new_requested.connect(self.files.new_database)
        self.banner.open_requested.connect(self.files.open_database)
        self.banner.save_as_requested.connect(self.files.save_as)
        self.files.failed.connect(lambda _path: self._database_changed())
        self.selectors = SelectorBar(workspace)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.pages: dict[str, Page] = {}
        for number, cls in enumerate(PAGE_CLASSES, start=1):
            page = cls(workspace, self.history)
            self.pages[cls.key] = page
            self.tabs.addTab(page, f"&{number} {labels.PAGES[cls.key]}")
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(8, 6, 8, 4)
        layout.addWidget(self.banner)
        layout.addWidget(self.selectors)
        layout.addWidget(self.tabs, 1)
        self.setCentralWidget(central)
        self.path_label = QLabel()
        self.statusBar().addPermanentWidget(self.path_label)

        self._build_menus()
        workspace.database_changed.connect(self._database_changed)
        workspace.selection_changed.connect(self._selection_changed)
        # commands act on one organisation's year: undoing one you no longer see would confuse
        workspace.selection_changed.connect(self.history.clear)
        workspace.changed.connect(self._saved)
        workspace.reload_requested.connect(self._reload_pages)
        workspace.reveal.connect(self.show_page)  # undo and redo show the page they change
        self.history.indexChanged.connect(self._update_title)
        self._restore_geometry()
        self._database_changed()
        self._selection_changed()

    # menus -------------------------------------------------------------------------------
    def _action(self, text: str, slot, shortcut=None) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            keys = shortcut if isinstance(shortcut, list) else [shortcut]
            action.setShortcuts([QKeySequence(k) for k in keys])
        action.triggered.connect(lambda _checked=False: slot())
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu("ไฟล์ (&F)")
        f = self.files
        file_menu.addAction(
            self._action("ฐานข้อมูลใหม่… (&N)", f.new_database, QKeySequence.StandardKey.New)
        )
        file_menu.addAction(
            self._action("เปิด… (&O)", f.open_database, QKeySequence.StandardKey.Open)
        )
        file_menu.addMenu(f.recent_menu)
        file_menu.addSeparator()
        self.save_as_action = self._action(
            "บันทึกเป็น… (&A)", f.save_as, QKeySequence.StandardKey.SaveAs
        )
        self.backups_action = self._action("สำรองข้อมูล/กู้คืน… (&B)", f.show_backups, "Ctrl+B")
        self.backup_action = self._action("สำรองไปยังไฟล์อื่น… (&C)", f.backup)
        file_menu.addAction(self.save_as_action)
        file_menu.addAction(self.backups_action)
        file_menu.addAction(self.backup_action)
        file_menu.addSeparator()
        self.export_action = self._action(
            "พิมพ์และส่งออก… (&E)", lambda: self.show_page("export"), EXPORT_SHORTCUT
        )
        self.export_action.setToolTip("ไปที่หน้าพิมพ์และส่งออกเอกสาร (PDF, Excel, พิมพ์)")
        file_menu.addAction(self.export_action)
        self.import_excel_action = self._action("นำเข้าจาก Excel… (&I)", self.import_excel)
        self.import_excel_action.setToolTip(
            "นำคะแนน ประเด็น มาตรการ และผลการดำเนินงานจากไฟล์ Excel ที่ส่งออกจากโปรแกรมนี้"
            " (แสดงรายการที่จะเปลี่ยนก่อนนำเข้า)"
        )
        file_menu.addAction(self.import_excel_action)
        file_menu.addSeparator()
        file_menu.addAction(
            self._action("ออกจากโปรแกรม (&X)", self.close, QKeySequence.StandardKey.Quit)
        )

        edit_menu = bar.addMenu("แก้ไข (&E)")
        self.undo_action = self.history.createUndoAction(self, "เลิกทำ")
        self.undo_action.setShortcuts([QKeySequence("Ctrl+Z")])
        self.redo_action = self.history.createRedoAction(self, "ทำซ้ำ")
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Y"), QKeySequence("Ctrl+Shift+Z")])
        for action in (self.undo_action, self.redo_action):
            action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
            edit_menu.addAction(action)
        edit_menu.addSeparator()
        self.delete_year_action = self._action("ลบปีงบประมาณนี้… (&D)", self.delete_year)
        edit_menu.addAction(self.delete_year_action)

        go_menu = bar.addMenu("ไปที่ (&W)")
        for i, key in enumerate(self.pages):
            go_menu.addAction(
                self._action(f"{labels.PAGES[key]}", lambda i=i: self.show_page(i), f"Ctrl+{i + 1}")
            )
        add_menu = bar.addMenu("เพิ่ม (&I)")
        self.add_actions = [
            self._action("เพิ่มหน่วยงาน…", self.selectors.ask_new_organization),
            self._action("เพิ่มปีงบประมาณ…", self.selectors.ask_new_year),
        ]
        for action in self.add_actions:
            add_menu.addAction(action)
        help_menu = bar.addMenu("ช่วยเหลือ (&H)")
        self.guide_action = self._action(
            "คู่มือการใช้งาน (&G)", self._open_guide, QKeySequence.StandardKey.HelpContents
        )
        help_menu.addAction(self.guide_action)
        help_menu.addAction(self._action("เกี่ยวกับโปรแกรม (&A)", self._about))

    def show_page(self, index: int | str) -> None:
        if isinstance(index, str):
            index = list(self.pages).index(index)
        self.tabs.setCurrentIndex(index)

    def import_excel(self) -> None:
        from .excel_import_dialog import import_from_excel

        if import_from_excel(self, self.workspace):
            self.history.clear()  # steps recorded before the import would undo over it

    def _about(self) -> None:
        from .about_dialog import AboutDialog

        AboutDialog(self).exec()

    def _open_guide(self) -> None:
        """Help → คู่มือการใช้งาน: the guide shipped with the program, in the PDF reader."""
        from PySide6.QtCore import QUrl
        from PySide6.QtGui import QDesktopServices

        from ita_desktop.paths import guide_path

        path = guide_path()
        if path is None or not QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
            QMessageBox.information(
                self,
                labels.APP_TITLE,
                "เปิดคู่มือการใช้งานไม่ได้ "
                + (
                    f"กรุณาเปิดไฟล์ {path} ด้วยโปรแกรมอ่าน PDF"
                    if path
                    else "(ไม่พบไฟล์คู่มือ กรุณาติดตั้งโปรแกรมใหม่)"
                ),
            )

    # state -------------------------------------------------------------------------------
    def _database_changed(self) -> None:
        ws = self.workspace
        # the strip shows for the demo, a read-only file, and when no file is open (saying
        # why, when one failed to open)
        if ws.read_only:
            self.banner.show_state(READ_ONLY, labels.READ_ONLY_BANNER)
        elif ws.is_open:
            self.banner.show_state(DEMO, labels.DEMO_BANNER)
        else:
            self.banner.show_state(NONE, self.files.last_failure or labels.NO_DATABASE)
        self.banner.setVisible(not ws.is_open or ws.is_demo or ws.read_only)
        for action in (self.save_as_action, self.backups_action, self.backup_action):
            action.setEnabled(ws.is_open)
        for action in (*self.add_actions, self.import_excel_action):
            action.setEnabled(ws.is_open and not ws.read_only)
        where = str(ws.path) if ws.path else labels.NO_DATABASE
        self.path_label.setText(f"{where} (อ่านอย่างเดียว)" if ws.read_only else where)
        self._update_title()
        self._selection_changed()

    def _selection_changed(self) -> None:
        ws = self.workspace
        self.delete_year_action.setEnabled(ws.is_open and ws.year is not None and not ws.read_only)
        # (runs after the selector bar's own refresh, which enables its add-year button)
        self.selectors.add_org_button.setEnabled(not ws.read_only)
        if ws.read_only:
            self.selectors.add_year_button.setEnabled(False)

    def _reload_pages(self) -> None:
        """Show the stored data again on every page (an edit was refused)."""
        for page in self.pages.values():
            page.mark_dirty()

    def _saved(self, _kind: str) -> None:
        self.statusBar().showMessage("บันทึกแล้ว", 2000)

    def _update_title(self, *_args: object) -> None:
        path = self.workspace.path
        name = "ข้อมูลตัวอย่าง" if self.workspace.is_demo else (path.name if path else "")
        if name and self.workspace.read_only:
            name += " (อ่านอย่างเดียว)"
        self.setWindowTitle(f"{name} — {labels.APP_TITLE}" if name else labels.APP_TITLE)

    def open_initial(self, path: Path | None) -> None:
        """Start-up: open the given file (a new one is created), or build the demo in the
        background when it is missing. A file that fails to open leaves the window open
        without it (saying why), and is not reopened by itself at the next start, even when
        the program stops while opening it (`UiSettings.begin_open`)."""
        if path is None:
            return
        if path.exists():
            self.settings.begin_open(path)
            try:
                self.files.open_now(path)
            finally:
                self.settings.end_open()
        elif not is_demo_path(path):
            self.files.create(path)
        else:
            self.files.open_in_background(demo_db_path(), build_demo_first=True)

    def _screen(self):
        return self.screen() or QGuiApplication.primaryScreen()

    def _restore_geometry(self) -> None:
        """The place and size last used on this screen, if the window still fits there;
        otherwise the default size inside the screen's free area (maximised on small ones)."""
        area = self._screen().availableGeometry()
        saved = self.settings.geometry(screen_key(self._screen()))
        restored = saved is not None and self.restoreGeometry(saved)
        if not restored or not (self.isMaximized() or fits(self.geometry(), area)):
            self.setWindowState(self.windowState() & ~Qt.WindowState.WindowMaximized)
            self.setGeometry(default_rect(area))
            if is_small(area):
                self.setWindowState(self.windowState() | Qt.WindowState.WindowMaximized)
        state = self.settings.window_state
        if state is not None:
            self.restoreState(state)
        self.tabs.setCurrentIndex(min(self.settings.page, self.tabs.count() - 1))

    def save_geometry(self) -> None:
        self.settings.set_geometry(screen_key(self._screen()), self.saveGeometry())
        self.settings.window_state = self.saveState()
        self.settings.page = self.tabs.currentIndex()
        self.settings.sync()

    def commit_edits(self) -> None:
        """Save what is being typed in any field now (before closing, or deleting its year)."""
        focus = QApplication.focusWidget()
        if focus is not None:
            focus.clearFocus()  # fields commit what is being typed when they lose focus
        for page in self.pages.values():
            for child in page.findChildren(QWidget):
                commit = getattr(child, "commit", None)
                if callable(commit):
                    commit()

    def delete_year(self) -> None:
        self.commit_edits()  # not left pending for a year that may be gone
        self.selectors.ask_delete_year()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.commit_edits()
        self.save_geometry()
        self.files.remember_selection()
        self.settings.sync()
        self.workspace.close()
        super().closeEvent(event)
