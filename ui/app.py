"""Start-up: arguments -> logging -> paths -> QApplication -> Sarabun -> window (seams for tests)."""

from __future__ import annotations

import argparse
import logging
import os
import sys
import time
from collections.abc import Sequence
from logging.handlers import RotatingFileHandler
from pathlib import Path

from PySide6.QtCore import QDir, QEvent, QObject, Qt, QThreadPool, QTimer
from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication
from PySide6.QtWidgets import QApplication

from ita_desktop.cli.gui import SCREENSHOT_SIZE, screenshot_size
from ita_desktop.paths import data_dir, default_db_path, demo_db_path, font_path, resource

from .settings import UiSettings
from .translations import install_thai_translations

QUIT_AFTER_PAINT = "ITA_DESKTOP_QUIT_AFTER_PAINT"  # benchmark: quit after the first paint
FONT_FAMILY = "Sarabun"
FONT_POINT_SIZE = 11
_START = time.perf_counter()
log = logging.getLogger("ita_desktop.ui")


WARM_UP_AFTER_MS = 1500  # after the first paint, while the clerk is still reading the window


def setup_logging() -> None:
    """Warnings and errors to data_dir()/ita-desktop.log (never to the user's screen)."""
    root = logging.getLogger("ita_desktop")
    if any(isinstance(h, RotatingFileHandler) for h in root.handlers):
        return
    try:
        handler = RotatingFileHandler(
            data_dir() / "ita-desktop.log", maxBytes=1_000_000, backupCount=2, encoding="utf-8"
        )
    except OSError:
        return
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    root.setLevel(logging.INFO)


def ensure_app(argv: Sequence[str] | None = None) -> QApplication:
    """The QApplication (created once), HiDPI-aware, with Sarabun as the UI font and Thai
    for Qt's own texts (standard buttons, context menus, file and print dialogs)."""
    app = QApplication.instance()
    if app is None:
        QGuiApplication.setHighDpiScaleFactorRoundingPolicy(
            Qt.HighDpiScaleFactorRoundingPolicy.PassThrough
        )
        app = QApplication(list(argv or sys.argv[:1]))
        app.setApplicationName("ITA Desktop")
        app.setOrganizationName("ITA Desktop")
    register_fonts(app)  # type: ignore[arg-type]
    install_thai_translations(app)
    return app  # type: ignore[return-value]


def register_fonts(app: QApplication) -> None:
    if app.property("ita_fonts_registered"):
        return
    for style in ("Regular", "Bold", "Italic", "BoldItalic"):
        path = font_path(style)
        if path.is_file() and QFontDatabase.addApplicationFont(str(path)) < 0:
            log.warning("font not registered: %s", path)
    font = QFont(FONT_FAMILY, FONT_POINT_SIZE)
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    app.setFont(font)
    QDir.addSearchPath("icons", str(resource("icons")))  # QIcon("icons:add.svg")
    app.setProperty("ita_fonts_registered", True)


def initial_database(db: Path | None, settings: UiSettings) -> Path | None:
    """--db, else the last file used, else the default file, else the demo (built if missing).

    A file that failed to open (or that a start was still opening when the program stopped)
    is not reopened by itself: the next start goes on to the default file or the demo, or
    opens nothing, so one bad file never blocks every later start."""
    unfinished = settings.unfinished_open()
    if unfinished is not None:  # the last start never finished opening it
        settings.mark_failed(unfinished, "โปรแกรมหยุดทำงานระหว่างเปิดไฟล์นี้")
        settings.end_open()
    if db is not None:
        return Path(db)
    last = settings.last_file()
    if last is not None:
        return last
    for path in (default_db_path(), demo_db_path()):
        if settings.failed_reason(path) is not None:
            continue
        if path.is_file() or path == demo_db_path():
            return path
    return None


def create_window(db: Path | None = None, settings: UiSettings | None = None):
    """Build the main window with its database open, without running the event loop."""
    from ita_desktop.services.backups import set_keep_count

    from .windows.main_window import MainWindow
    from .workspace import Workspace

    ensure_app()
    settings = settings or UiSettings()
    set_keep_count(settings.keep_backups)
    window = MainWindow(Workspace(), settings)
    window.open_initial(initial_database(db, settings))
    return window


def take_screenshots(window, folder: Path, size: tuple[int, int] = SCREENSHOT_SIZE) -> list[Path]:
    """Render every page at `size` to folder/<page>.png (for the user guide and for review)."""
    folder.mkdir(parents=True, exist_ok=True)
    task = window.files.task
    while task is not None and not task.done:  # the demo may still be being built
        QApplication.processEvents()
        time.sleep(0.01)
    window.setWindowState(Qt.WindowState.WindowNoState)
    window.resize(*size)
    window.show()
    written = []
    for key in window.pages:
        window.show_page(key)
        _settle()
        path = folder / f"{key}.png"
        partial = path.with_name(f".{path.name}.part")
        if not window.grab().save(str(partial), "PNG"):
            raise OSError(f"บันทึกภาพหน้าจอไม่ได้: {path}")
        partial.replace(path)
        written.append(path)
    return written


SETTLE_QUIET_S, SETTLE_LIMIT_S = 1.0, 30.0


def _settle() -> None:
    """Let a page finish what it started when shown (the export preview renders in the
    background): until no background job has run for a second, or 30 s at most."""
    pool = QThreadPool.globalInstance()
    deadline = time.monotonic() + SETTLE_LIMIT_S
    quiet_since = time.monotonic()
    while time.monotonic() < deadline:
        QApplication.processEvents()
        if pool.activeThreadCount():
            quiet_since = time.monotonic()
        elif time.monotonic() - quiet_since >= SETTLE_QUIET_S:
            return
        time.sleep(0.02)


class _FirstPaint(QObject):
    """Benchmark hook: print the time to the first paint of the window, then quit."""

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and not self.property("seen"):
            self.setProperty("seen", True)
            elapsed = time.perf_counter() - _START
            QTimer.singleShot(
                0,
                lambda: (
                    print(f"first-paint {elapsed:.3f}", flush=True),
                    QApplication.quit(),
                ),
            )
        return False


def run_app(
    db: Path | None = None,
    screenshots: Path | None = None,
    size: tuple[int, int] = SCREENSHOT_SIZE,
) -> int:
    """Open the window (or write the screenshots at `size`) and run until it is closed."""
    from .errors import install_excepthook

    setup_logging()
    app = ensure_app()
    install_excepthook()  # a bug in a slot: logged and shown, the window keeps running
    window = create_window(db)
    if screenshots is not None:
        written = take_screenshots(window, Path(screenshots), size)
        window.close()
        print("\n".join(str(p) for p in written))
        return 0
    if os.environ.get(QUIT_AFTER_PAINT):
        hook = _FirstPaint(window)
        window.installEventFilter(hook)
    window.show()
    QTimer.singleShot(WARM_UP_AFTER_MS, _warm_up_exports)
    return app.exec()


def _warm_up_exports() -> None:
    """Load the PDF stack (fonts, shaper, Thai dictionary) in the background, so the clerk's
    first export takes a third of the time; a failure here only costs that head start."""
    from ita_desktop.services.export import warm_up

    from .tasks import run_in_background

    run_in_background(
        warm_up,
        on_success=lambda _: None,
        on_failure=lambda exc: logging.getLogger("ita_desktop.ui").info(
            "export warm-up failed: %r", exc
        ),
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="ita-desktop-gui")
    parser.add_argument("--db", type=Path)
    parser.add_argument("--screenshots", type=Path)
    parser.add_argument("--size", type=screenshot_size, default=SCREENSHOT_SIZE)
    args = parser.parse_args(argv)
    return run_app(db=args.db, screenshots=args.screenshots, size=args.size)


if __name__ == "__main__":
    sys.exit(main())
