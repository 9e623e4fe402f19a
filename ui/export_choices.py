"""The export page's choices kept across restarts: folder, document, format and round (in the
window's INI file, group "export"); a value this version does not know reads as not chosen."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

from ita_desktop.documents.labels import DOCUMENT_KINDS
from ita_desktop.paths import data_dir

FORMATS = ("pdf", "xlsx")
ROUNDS = (6, 12)
INI_NAME = "ui.ini"  # the file ui/settings.py keeps the window's preferences in


class ExportChoices:
    """Typed access to the "export" group; None where nothing (usable) was stored."""

    def __init__(self, path: Path | None = None) -> None:
        self._s = QSettings(str(path or data_dir() / INI_NAME), QSettings.Format.IniFormat)

    def _text(self, key: str) -> str:
        value = self._s.value(f"export/{key}", "")
        return value if isinstance(value, str) else ""

    @property
    def folder(self) -> Path | None:
        text = self._text("folder")
        return Path(text) if text else None

    @folder.setter
    def folder(self, value: Path) -> None:
        self._s.setValue("export/folder", str(value))

    @property
    def document(self) -> str | None:
        text = self._text("document")
        return text if text in DOCUMENT_KINDS else None

    @document.setter
    def document(self, value: str) -> None:
        self._s.setValue("export/document", value)

    @property
    def fmt(self) -> str | None:
        text = self._text("format")
        return text if text in FORMATS else None

    @fmt.setter
    def fmt(self, value: str) -> None:
        self._s.setValue("export/format", value)

    @property
    def round_months(self) -> int | None:
        text = self._text("round")
        return int(text) if text in {str(r) for r in ROUNDS} else None

    @round_months.setter
    def round_months(self, value: int) -> None:
        self._s.setValue("export/round", str(value))

    def sync(self) -> None:
        self._s.sync()
