"""Full keyboard use: every page's Alt+letter mnemonics are unique; page and undo shortcuts."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QLabel, QWidget

from ita_desktop_ui.labels import PAGES

MNEMONIC = re.compile(r"&([^&\s])")


def _visible_mnemonics(window) -> list[str]:
    found = [
        m.group(1).lower()
        for action in window.menuBar().actions()
        for m in [MNEMONIC.search(action.text())]
        if m
    ]
    for i in range(window.tabs.count()):
        m = MNEMONIC.search(window.tabs.tabText(i))
        found += [m.group(1).lower()] if m else []
    for widget in window.centralWidget().findChildren(QWidget):
        if not widget.isVisible():
            continue
        if (
            isinstance(widget, QLabel)
            and widget.buddy() is not None
            or isinstance(widget, QAbstractButton)
        ):
            m = MNEMONIC.search(widget.text())
            found += [m.group(1).lower()] if m else []
    return found


def test_mnemonics_are_unique_on_every_page(window):
    for key in PAGES:
        window.show_page(key)
        letters = _visible_mnemonics(window)
        duplicates = sorted({x for x in letters if letters.count(x) > 1})
        assert not duplicates, (key, duplicates)


def test_ctrl_digit_switches_pages(window, qtbot):
    for i in range(len(PAGES)):
        qtbot.keyClick(window, getattr(Qt.Key, f"Key_{i + 1}"), Qt.KeyboardModifier.ControlModifier)
        assert window.tabs.currentIndex() == i


def test_buddy_mnemonic_moves_focus(window, qtbot):
    window.show_page("organization")
    qtbot.keyClick(window, Qt.Key.Key_V, Qt.KeyboardModifier.AltModifier)
    assert window.pages["organization"].province_edit.hasFocus()
