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


def _type_thai(widget, text: str) -> None:
    """Key presses carrying Thai text (QTest's keyClicks knows only ASCII)."""
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    for char in text:
        target = QApplication.focusWidget() or widget
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(
                target, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, char)
            )


def _editor_of(view):
    from PySide6.QtWidgets import QApplication

    editor = QApplication.focusWidget()
    assert editor is not None and editor is not view and view.isAncestorOf(editor)
    return editor


def test_issue_cells_edit_on_typing_and_tab_goes_to_the_next_rows_issue(window, qtbot):
    """No more Tab-Tab-Tab-F2 per row: type, Tab, type."""
    from ita_desktop_ui.models.issues_model import ISSUE_COLUMN

    window.show_page("analysis")
    page = window.pages["analysis"]
    view, model = page.issues_view, page.issues_model
    view.setFocus()
    view.setCurrentIndex(model.index(0, ISSUE_COLUMN))
    before = model.index(0, ISSUE_COLUMN).data() or ""
    _type_thai(view, "ก")
    editor = _editor_of(view)
    assert editor.toPlainText() == before + "ก"  # added at the end, nothing replaced
    qtbot.keyClick(editor, Qt.Key.Key_Tab)
    assert model.index(0, ISSUE_COLUMN).data() == before + "ก"
    assert view.currentIndex() == model.index(1, ISSUE_COLUMN)
    second = _editor_of(view)
    _type_thai(second, "ข")
    qtbot.keyClick(second, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert model.index(1, ISSUE_COLUMN).data().endswith("ข")
    assert view.hasFocus()  # Ctrl+Enter saved and closed the box


def test_grade_cells_edit_on_typing_and_tab_skips_nothing_editable(window, qtbot):
    window.show_page("rules")
    page = window.pages["rules"]
    view, model = page.grades_view, page.grades_model
    view.setFocus()
    view.setCurrentIndex(model.index(0, 0))
    _type_thai(view, "ดีมาก")
    editor = _editor_of(view)
    assert editor.text() == "ดีมาก"  # a short cell is replaced by what is typed
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    assert model.index(0, 0).data() != "ดีมาก"  # Esc cancels
    assert view.currentIndex() == model.index(0, 0)


def test_units_edit_on_typing(window, qtbot):
    window.show_page("organization")
    page = window.pages["organization"]
    view = page.units_view
    view.setFocus()
    view.setCurrentIndex(page.units_model.index(2))
    _type_thai(view, "กองช่างโยธา")
    editor = _editor_of(view)
    assert editor.text() == "กองช่างโยธา"  # a short cell is replaced by what is typed
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # Qt saves on the next turn of the event loop
    qtbot.waitUntil(lambda: window.workspace.organization().units[2] == "กองช่างโยธา")


def test_tab_in_the_indicators_table_skips_the_hidden_description(window, qtbot):
    from ita_desktop_ui.models.indicators_model import NAME

    window.show_page("rules")
    page = window.pages["rules"]
    view, model = page.indicators_view, page.indicators_model
    view.setFocus()
    view.setCurrentIndex(model.index(0, NAME))
    qtbot.keyClick(view, Qt.Key.Key_F2)
    qtbot.keyClick(_editor_of(view), Qt.Key.Key_Tab)
    assert view.currentIndex() == model.index(1, NAME)  # not the hidden description column
    qtbot.keyClick(_editor_of(view), Qt.Key.Key_Backtab)
    assert view.currentIndex() == model.index(0, NAME)
    qtbot.keyClick(_editor_of(view), Qt.Key.Key_Escape)


def test_measure_cells_edit_on_typing(window, qtbot):
    from ita_desktop_ui.models.measures_model import TITLE

    window.show_page("measures")
    page = window.pages["measures"]
    view, model = page.view, page.model
    view.setFocus()
    view.setCurrentIndex(model.index(0, TITLE))
    before = model.index(0, TITLE).data()
    _type_thai(view, "ก")
    editor = _editor_of(view)
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    assert model.index(0, TITLE).data() == before  # Esc cancels what was typed
