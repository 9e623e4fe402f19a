"""Tab in the measure form follows the screen: top to bottom, left to right, the indicator
checkboxes where they are shown (between the period and the KPI), and what Tab reaches is
scrolled into view."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QScrollArea


def _editor(window):
    window.resize(1366, 704)
    window.show_page("measures")
    page = window.pages["measures"]
    page.select_row(1)  # a measure with months (the first one runs the whole year)
    QApplication.processEvents()  # laid out at this size
    return page.editor


def _screen_order_key(widget, editor):
    top_left = widget.mapTo(editor, widget.rect().topLeft())
    return (top_left.y() // 8, top_left.x())  # rows of the same line compare by x


def test_the_chain_is_in_screen_order(window):
    editor = _editor(window)
    chain = editor.tab_chain()
    assert len(editor.indicator_boxes) == 10
    keys = [_screen_order_key(w, editor) for w in chain]
    assert keys == sorted(keys)
    boxes = list(editor.indicator_boxes.values())
    assert chain.index(boxes[0]) == chain.index(editor.clear_period_button) + 1
    assert chain.index(editor.kpi_edit) == chain.index(boxes[-1]) + 1


def test_tab_visits_the_form_in_screen_order_and_shows_each_field(window, qtbot):
    editor = _editor(window)
    scroll = next(
        a
        for a in window.pages["measures"].findChildren(QScrollArea)
        if a.widget() is not None and editor in a.widget().findChildren(type(editor))
    )
    editor.title_edit.setFocus()
    visited = [QApplication.focusWidget()]
    for _ in range(len(editor.tab_chain()) - 1):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        visited.append(QApplication.focusWidget())
        focus = visited[-1]
        top = focus.mapTo(scroll.viewport(), focus.rect().topLeft())
        assert scroll.viewport().rect().contains(top), f"{focus.accessibleName()} off screen"
    expected = [w for w in editor.tab_chain() if w.isEnabled()]
    assert visited == expected[: len(visited)]
    assert editor.kpi_edit in visited and editor.monitoring_edit in visited
