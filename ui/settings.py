"""Window preferences declared once with defaults: geometry per screen, recent files and the ones that
failed to open, the backups to keep (an INI in data_dir)."""

from __future__ import annotations

import hashlib
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

from ita_desktop.paths import data_dir

MAX_RECENT = 8
VERSION = 1
KEEP_BACKUPS = 10  # backups kept of each database (the newest), 1-1000


class UiSettings:
    """Typed access to the INI file; tests get their own because data_dir() is per test."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or data_dir() / "ui.ini"
        self._s = QSettings(str(self.path), QSettings.Format.IniFormat)
        if self._s.value("version") is None:
            self._s.setValue("version", VERSION)

    def sync(self) -> None:
        self._s.sync()

    @staticmethod
    def _screen_key(screen: str) -> str:
        return "window/screen-" + hashlib.sha1(screen.encode()).hexdigest()[:16]

    def geometry(self, screen: str) -> QByteArray | None:
        """The window's geometry last used on this screen (name and available size)."""
        value = self._s.value(self._screen_key(screen) + "/geometry")
        return value if isinstance(value, QByteArray) else None

    def set_geometry(self, screen: str, value: QByteArray) -> None:
        self._s.setValue(self._screen_key(screen) + "/geometry", value)

    @property
    def window_state(self) -> QByteArray | None:
        value = self._s.value("window/state")
        return value if isinstance(value, QByteArray) else None

    @window_state.setter
    def window_state(self, value: QByteArray) -> None:
        self._s.setValue("window/state", value)

    @property
    def page(self) -> int:
        """The tab shown last (stored as text); 0, the first, when missing or unreadable."""
        value = self._s.value("window/page", 0)
        try:
            return int(value) if isinstance(value, (int, str)) and value != "" else 0
        except ValueError:
            return 0

    @page.setter
    def page(self, value: int) -> None:
        self._s.setValue("window/page", int(value))

    @property
    def recent_files(self) -> list[Path]:
        value = self._s.value("files/recent", [])
        # the INI file gives back a one-item list as a plain string; anything else counts as none
        items: list[object] = (
            [value] if isinstance(value, str) else list(value) if isinstance(value, list) else []
        )
        return [Path(p) for p in items if isinstance(p, str) and p]

    def add_recent(self, path: Path) -> None:
        path = Path(path).resolve()
        items = [p for p in self.recent_files if p.resolve() != path]
        self._s.setValue("files/recent", [str(p) for p in [path, *items][:MAX_RECENT]])

    def remove_recent(self, paths: list[Path]) -> None:
        gone = {Path(p).resolve() for p in paths}
        kept = [p for p in self.recent_files if p.resolve() not in gone]
        self._s.setValue("files/recent", [str(p) for p in kept])
        for path in gone:
            self.clear_failed(path)

    # files that failed to open: never reopened by themselves at start ---------------------
    def _paths(self, key: str) -> list[str]:
        value = self._s.value(key, [])
        items = (
            [value] if isinstance(value, str) else list(value) if isinstance(value, list) else []
        )
        return [p for p in items if isinstance(p, str) and p]

    @staticmethod
    def _key(path: Path) -> str:
        return str(Path(path).resolve())

    def failed_reason(self, path: Path) -> str | None:
        """Why the file failed to open last time (None: it did not fail)."""
        key = self._key(path)
        if key not in self._paths("files/failed"):
            return None
        return str(self._s.value("failed/" + hashlib.sha1(key.encode()).hexdigest()[:16], ""))

    def mark_failed(self, path: Path, reason: str = "") -> None:
        """The file could not be opened: a plain start no longer reopens it, and the recent
        list marks it (it stays there, removable)."""
        key = self._key(path)
        failed = [p for p in self._paths("files/failed") if p != key]
        self._s.setValue("files/failed", [key, *failed][: MAX_RECENT * 4])
        self._s.setValue("failed/" + hashlib.sha1(key.encode()).hexdigest()[:16], reason)
        self._s.sync()

    def clear_failed(self, path: Path) -> None:
        key = self._key(path)
        failed = self._paths("files/failed")
        if key in failed:
            self._s.setValue("files/failed", [p for p in failed if p != key])
            self._s.remove("failed/" + hashlib.sha1(key.encode()).hexdigest()[:16])

    def begin_open(self, path: Path) -> None:
        """Written (and synced) before a file is opened at start: if the program never gets
        to `end_open` (killed, crashed, frozen while opening it), the next start counts the
        file as failed instead of trying it again."""
        self._s.setValue("files/opening", self._key(path))
        self._s.sync()

    def end_open(self) -> None:
        self._s.remove("files/opening")
        self._s.sync()

    def unfinished_open(self) -> Path | None:
        """The file a start was opening when the program stopped (see `begin_open`)."""
        value = self._s.value("files/opening")
        return Path(value) if isinstance(value, str) and value else None

    @property
    def keep_backups(self) -> int:
        value = self._s.value("backups/keep", KEEP_BACKUPS)
        try:
            n = int(value) if isinstance(value, (int, str)) else KEEP_BACKUPS
        except ValueError:
            return KEEP_BACKUPS
        return n if 1 <= n <= 1000 else KEEP_BACKUPS

    @keep_backups.setter
    def keep_backups(self, value: int) -> None:
        self._s.setValue("backups/keep", int(value))

    @staticmethod
    def _selection_key(path: Path) -> str:
        return "selection/" + hashlib.sha1(str(Path(path).resolve()).encode()).hexdigest()[:16]

    def selection(self, path: Path) -> tuple[int, int | None] | None:
        """The organisation and year last shown from this file."""
        value = str(self._s.value(self._selection_key(path), "") or "")
        parts = value.split(",")
        try:
            return int(parts[0]), int(parts[1]) if len(parts) > 1 and parts[1] else None
        except ValueError:
            return None

    def set_selection(self, path: Path, org_id: int | None, year: int | None) -> None:
        if org_id is not None:
            self._s.setValue(self._selection_key(path), f"{org_id},{year or ''}")

    def last_file(self) -> Path | None:
        """The most recently opened file that still exists and did not fail to open since
        (reopened at start)."""
        for path in self.recent_files:
            if path.is_file() and self.failed_reason(path) is None:
                return path
        return None
