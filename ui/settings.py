"""Window preferences declared once with defaults: geometry, recent files (an INI in data_dir)."""

from __future__ import annotations

import hashlib
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

from ita_desktop.paths import data_dir

MAX_RECENT = 8
VERSION = 1


class UiSettings:
    """Typed access to the INI file; tests get their own because data_dir() is per test."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or data_dir() / "ui.ini"
        self._s = QSettings(str(self.path), QSettings.Format.IniFormat)
        if self._s.value("version") is None:
            self._s.setValue("version", VERSION)

    def sync(self) -> None:
        self._s.sync()

    @property
    def geometry(self) -> QByteArray | None:
        value = self._s.value("window/geometry")
        return value if isinstance(value, QByteArray) else None

    @geometry.setter
    def geometry(self, value: QByteArray) -> None:
        self._s.setValue("window/geometry", value)

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
        """The most recently opened file that still exists (reopened at start)."""
        for path in self.recent_files:
            if path.is_file():
                return path
        return None
