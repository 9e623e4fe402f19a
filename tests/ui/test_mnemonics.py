"""Keyboard mnemonics (Alt+letter): on what one screen shows at a time (a page, or a sub-tab of
it, with the menus and the top bar) no letter is used twice, and the controls of one group (the
buttons of a row, the labels of a form) either all have one or none has."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QCheckBox,
    QLabel,
    QLayout,
    QPushButton,
    QRadioButton,
    QTabWidget,
    QWidget,
)

from ita_desktop_ui.labels import PAGES
from tests.ui.demo_window import demo_window_in


@pytest.fixture(scope="module")
def demo_window(_demo_master: Path, tmp_path_factory: pytest.TempPathFactory):
    with demo_window_in(_demo_master, tmp_path_factory.mktemp("mnemonics")) as window:
        window.resize(1366, 704)
        yield window


def _settle() -> None:
    for _ in range(4):
        QApplication.processEvents()


def mnemonic(text: str) -> str | None:
    found = re.search(r"&([^&])", text.replace("&&", ""))
    return found.group(1).upper() if found else None


def _text(widget: QWidget) -> str:
    if isinstance(widget, (QAbstractButton, QLabel)):
        return widget.text()
    return ""


def _shown(window, widget: QWidget) -> bool:
    return widget.isVisibleTo(window) and not widget.visibleRegion().isEmpty()


def letters_on_screen(window) -> dict[str, list[str]]:
    """Every mnemonic letter of what the window shows now, with the texts that carry it."""
    found: dict[str, list[str]] = {}

    def add(text: str) -> None:
        letter = mnemonic(text)
        if letter:
            found.setdefault(letter, []).append(text)

    for action in window.menuBar().actions():
        add(action.text())
    for widget in window.findChildren(QWidget):
        if _shown(window, widget):
            add(_text(widget))
    for tabs in window.findChildren(QTabWidget):
        if _shown(window, tabs):
            for i in range(tabs.count()):
                add(tabs.tabText(i))
    return found


def mixed_groups(window) -> list[list[str]]:
    """Rows of buttons, and form labels of fields, where some have a mnemonic and some not."""
    mixed = []
    for layout in window.findChildren(QLayout):
        items = [layout.itemAt(i).widget() for i in range(layout.count())]
        widgets = [w for w in items if w is not None and _shown(window, w)]
        buttons = [
            w.text() for w in widgets if isinstance(w, QPushButton) and w.text() and not w.isFlat()
        ]
        labels = [w.text() for w in widgets if isinstance(w, QLabel) and w.buddy() is not None]
        toggles = [w.text() for w in widgets if isinstance(w, (QCheckBox, QRadioButton))]
        for group in (buttons, labels, toggles):
            marks = {mnemonic(t) is not None for t in group}
            if len(group) > 1 and marks == {True, False}:
                mixed.append(group)
    return mixed


def _screens(window):
    """Each page, and each sub-tab of a page with sub-tabs, shown in turn."""
    for key in PAGES:
        window.show_page(key)
        _settle()
        page = window.pages[key]
        tabs = getattr(page, "tabs", None)
        if not isinstance(tabs, QTabWidget):
            yield key
            continue
        for i in range(tabs.count()):
            tabs.setCurrentIndex(i)
            _settle()
            yield f"{key}/{tabs.tabText(i)}"
        tabs.setCurrentIndex(0)


def test_no_letter_twice_on_a_screen(demo_window) -> None:
    twice = {}
    for screen in _screens(demo_window):
        for letter, texts in letters_on_screen(demo_window).items():
            if len(texts) > 1:
                twice[f"{screen} {letter}"] = texts
    assert twice == {}


def test_a_group_has_mnemonics_on_all_its_controls_or_on_none(demo_window) -> None:
    mixed = {
        screen: groups for screen in _screens(demo_window) if (groups := mixed_groups(demo_window))
    }
    assert mixed == {}


def test_the_weights_and_the_list_buttons_have_their_own_letters(demo_window) -> None:
    """The reviewer's examples: the three weights, and ลบ/เลื่อนขึ้น/เลื่อนลง beside เพิ่ม."""
    demo_window.show_page("rules")
    page = demo_window.pages["rules"]
    assert all(mnemonic(label.text()) for label in page.weight_names.values())
    demo_window.show_page("organization")
    _settle()
    texts = [b.text() for b in demo_window.pages["organization"].findChildren(QPushButton)]
    for name in ("ลบ", "เลื่อนขึ้น", "เลื่อนลง"):
        assert any(t.startswith(f"{name} (&") for t in texts), name
    demo_window.show_page("export")
    _settle()
    labels = {
        label.text().split(" (&")[0]: label
        for label in demo_window.pages["export"].findChildren(QLabel)
    }
    for name in ("รูปแบบไฟล์", "ตัวเลข"):  # beside the format buttons and the digits box
        assert mnemonic(labels[name].text()) and labels[name].buddy() is not None, name
