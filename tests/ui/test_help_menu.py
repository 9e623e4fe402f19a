"""Help → คู่มือการใช้งาน opens the guide in the PDF reader; Help → เกี่ยวกับ shows the version;
File → พิมพ์และส่งออก shows the export page."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox

import ita_desktop
from ita_desktop import paths


@pytest.fixture
def said(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    texts: list[str] = []
    for name in ("about", "information"):
        monkeypatch.setattr(QMessageBox, name, lambda _parent, _title, text: texts.append(text))
    return texts


def _help_actions(window) -> list[str]:
    menu = next(a.menu() for a in window.menuBar().actions() if a.text().startswith("ช่วยเหลือ"))
    return [a.text() for a in menu.actions()]


def test_help_menu_lists_the_guide_then_about(window) -> None:
    assert _help_actions(window) == ["คู่มือการใช้งาน (&G)", "เกี่ยวกับโปรแกรม (&A)"]


def test_the_guide_opens_in_the_pdf_reader(
    window, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, said: list[str]
) -> None:
    guide = tmp_path / "คู่มือ.pdf"
    guide.write_bytes(b"%PDF-1.4\n")
    opened: list[QUrl] = []
    monkeypatch.setattr(paths, "guide_path", lambda: guide)
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    window.guide_action.trigger()
    assert [Path(u.toLocalFile()) for u in opened] == [guide] and said == []


def test_a_missing_guide_is_said_in_thai(
    window, monkeypatch: pytest.MonkeyPatch, said: list[str]
) -> None:
    monkeypatch.setattr(paths, "guide_path", lambda: None)
    window.guide_action.trigger()
    assert len(said) == 1 and "ไม่พบไฟล์คู่มือ" in said[0]


def test_about_shows_the_version(window, monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtWidgets import QApplication

    from ita_desktop_ui.windows.about_dialog import AboutDialog

    shown: list[AboutDialog] = []
    monkeypatch.setattr(AboutDialog, "exec", lambda self: shown.append(self) or 0)
    window._about()
    assert len(shown) == 1
    dialog = shown[0]
    assert f"ITA Desktop รุ่น {ita_desktop.__version__}" in dialog.version_label.text()
    assert ita_desktop.__version__ not in ("", "0+unknown")
    assert "PySide6" in dialog.platform_label.text()
    dialog.copy_button.click()
    assert ita_desktop.__version__ in QApplication.clipboard().text()


def test_file_menu_shows_the_print_and_export_page(window) -> None:
    menu = next(a.menu() for a in window.menuBar().actions() if a.text().startswith("ไฟล์"))
    assert window.export_action in menu.actions()
    assert window.export_action.text().startswith("พิมพ์และส่งออก")
    assert window.export_action.shortcut().toString() == "Ctrl+E"
    window.show_page("scores")
    window.export_action.trigger()
    assert window.tabs.currentWidget() is window.pages["export"]


def test_the_source_tree_finds_a_guide() -> None:
    found = paths.guide_path()
    assert found is not None and found.name in (paths.GUIDE_PDF, paths.GUIDE_MARKDOWN)
