"""Every page at 1366×704 (a 1366×768 laptop less its taskbar) and at 1920×1080: the page fits
without scrolling, no scroll bar shows inside another, every visible control lies inside the
page, and the text of labels, buttons and tabs is not clipped. Geometry, not pixels."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QRect
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QApplication,
    QComboBox,
    QLabel,
    QTabBar,
    QWidget,
)

from ita_desktop_ui.labels import PAGES
from tests.ui.demo_window import demo_window_in

SIZES = [(1366, 704), (1920, 1080)]


@pytest.fixture(scope="module")
def demo_window(_demo_master: Path, tmp_path_factory: pytest.TempPathFactory):
    with demo_window_in(_demo_master, tmp_path_factory.mktemp("fit")) as window:
        yield window


def _settle() -> None:
    for _ in range(4):
        QApplication.processEvents()


def _scrolling(area: QAbstractScrollArea) -> bool:
    return any(
        bar.isVisible() and bar.maximum() > bar.minimum()
        for bar in (area.verticalScrollBar(), area.horizontalScrollBar())
    )


def _page_scroll(page: QWidget) -> QAbstractScrollArea:
    return page.body.parentWidget().parentWidget()  # body → viewport → scroll area


def _enclosing_areas(widget: QWidget, page: QWidget) -> list[QAbstractScrollArea]:
    found = []
    parent = widget.parentWidget()
    while parent is not None and parent is not page:
        if isinstance(parent, QAbstractScrollArea):
            found.append(parent)
        parent = parent.parentWidget()
    return found


def _rect_in(widget: QWidget, other: QWidget) -> QRect:
    return QRect(widget.mapTo(other, widget.rect().topLeft()), widget.size())


def problems_of(page: QWidget) -> list[str]:
    """What a clerk would see wrong on the page as laid out now."""
    found: list[str] = []
    outer = _page_scroll(page)
    if _scrolling(outer):
        found.append("the page scrolls")
    page_rect = page.rect()
    for widget in page.findChildren(QWidget):
        if not widget.isVisibleTo(page) or widget.width() == 0:
            continue
        name = f"{type(widget).__name__} {widget.accessibleName() or _text(widget)!r}"
        areas = [a for a in _enclosing_areas(widget, page) if a is not outer]
        if isinstance(widget, QAbstractScrollArea) and _scrolling(widget):
            nested = [a for a in areas if _scrolling(a)]
            if nested:
                found.append(f"{name} scrolls inside a scrolling {type(nested[0]).__name__}")
        found += _clipped_text(widget, name)
        if areas:
            continue  # inside a table, list or scrolled form: that view shows it by scrolling
        if not page_rect.contains(_rect_in(widget, page)):
            found.append(f"{name} lies outside the page: {_rect_in(widget, page)}")
    return found


def _text(widget: QWidget) -> str:
    text = getattr(widget, "text", None)
    return str(text()) if callable(text) else ""


def _clipped_text(widget: QWidget, name: str) -> list[str]:
    if isinstance(widget, QLabel) and widget.text() and widget.pixmap().isNull():
        hint = widget.sizeHint()
        if widget.wordWrap():
            need = widget.heightForWidth(widget.contentsRect().width())
            if need > widget.height() + 1:
                return [f"{name} needs {need} px high, has {widget.height()}"]
        elif hint.width() > widget.width() + 1 or hint.height() > widget.height() + 1:
            return [f"{name} needs {hint.width()}×{hint.height()}, has {widget.size()}"]
    if isinstance(widget, (QAbstractButton, QComboBox)) and not isinstance(widget, QTabBar):
        hint = widget.minimumSizeHint()
        if hint.width() > widget.width() + 1 or hint.height() > widget.height() + 1:
            return [f"{name} needs {hint.width()}×{hint.height()}, has {widget.size()}"]
    if isinstance(widget, QTabBar):
        need = sum(widget.tabSizeHint(i).width() for i in range(widget.count()))
        if need > widget.width() + 1:
            return [f"tabs {name} need {need} px wide, have {widget.width()}"]
    return []


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("key", list(PAGES))
def test_every_page_fits(demo_window, key: str, size: tuple[int, int]) -> None:
    window = demo_window
    window.resize(*size)
    window.show_page(key)
    _settle()
    assert window.size().height() == size[1]
    page = window.pages[key]
    assert problems_of(page) == []


def test_the_window_is_not_taller_than_a_small_laptop(demo_window) -> None:
    """1280×656 free: the smallest layout of the window still fits (pages scroll below)."""
    hint = demo_window.minimumSizeHint()
    assert hint.width() <= 1280 and hint.height() <= 656


def test_analysis_tables_and_boxes_have_real_heights_at_1366x704(demo_window) -> None:
    window = demo_window
    window.resize(1366, 704)
    window.show_page("analysis")
    page = window.pages["analysis"]
    line = page.fontMetrics().lineSpacing()
    page.tabs.setCurrentIndex(1)
    _settle()
    view = page.issues_view
    shown = view.rowAt(view.viewport().height() - 1)
    shown = view.model().rowCount() if shown < 0 else shown
    assert shown >= 3, "at least three issue rows in view"
    page.tabs.setCurrentIndex(2)
    _settle()
    for edit in page.tool_issue_edits.values():
        assert edit.viewport().height() >= 6 * line  # six lines of each tool's issues
    page.tabs.setCurrentIndex(0)
    _settle()
    assert not page.strengths_label.visibleRegion().isEmpty()
    assert page.text_edit.viewport().height() >= 10 * line
