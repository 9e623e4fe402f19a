"""Undo and redo of a change made on another page ask the window to show that page
(`Workspace.reveal` carries the page key; the main window connects it to show_page)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from PySide6.QtCore import Qt

from ita_desktop_ui.undo import set_score


def _recorder(window: Any) -> list[str]:
    seen: list[str] = []
    window.workspace.reveal.connect(seen.append)
    return seen


def test_undo_and_redo_of_a_score_reveal_the_scores_page(window: Any) -> None:
    seen = _recorder(window)
    ws = window.workspace
    set_score(window.history, ws.assessment_id, 4, Decimal("90.76"), Decimal("91.00"))
    assert seen == []  # the change itself happens where the clerk is
    window.show_page("organization")
    window.history.undo()
    assert seen == ["scores"]
    window.history.redo()
    assert seen == ["scores", "scores"]


def test_a_command_takes_the_page_it_was_made_on(window: Any, qtbot: Any) -> None:
    """The units list's Delete names no page: the page holding the focus is remembered."""
    seen = _recorder(window)
    window.show_page("organization")
    page = window.pages["organization"]
    page.units_view.setFocus()
    page.units_view.setCurrentIndex(page.units_model.index(0))
    qtbot.keyClick(page.units_view, Qt.Key.Key_Delete)
    window.show_page("measures")
    window.history.undo()
    assert seen == ["organization"]


def test_the_kind_of_change_names_the_page_when_nothing_else_does(window: Any) -> None:
    from ita_desktop.services import organizations
    from ita_desktop_ui.undo import ChangeCommand

    seen = _recorder(window)
    ws = window.workspace
    window.setFocus()  # focus outside every page
    org_id = ws.org_id

    def apply(value: str) -> Any:
        return organizations.update_organization(ws.db, org_id, district=value)

    window.history.push(ChangeCommand(window.history, "แก้อำเภอ", apply, "เมืองตรัง", "อื่น"))
    window.history.undo()
    assert seen == ["organization"]


def test_the_window_shows_the_revealed_page(window: Any) -> None:
    """The main window itself follows `reveal` (nothing connected by the test)."""
    ws = window.workspace
    set_score(window.history, ws.assessment_id, 4, Decimal("90.76"), Decimal("91.00"))
    window.show_page("organization")
    window.history.undo()
    assert window.tabs.currentWidget() is window.pages["scores"]
