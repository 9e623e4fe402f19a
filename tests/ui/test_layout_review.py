"""What the 1366x704 and 1920x1080 screenshot review found, as geometry facts (not pixels):
whole paths, rows as tall as their text, forms and tables that show their content, chart
values of one size that never touch, and no empty bands."""

from __future__ import annotations

import shutil
from itertools import combinations, pairwise
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QApplication, QLabel, QScrollArea, QTableView, QWidget

from ita_desktop_ui.app import create_window
from ita_desktop_ui.labels import PAGES
from ita_desktop_ui.widgets.score_chart import LABEL_GAP
from tests.ui.demo_window import demo_window_in

LAPTOP, WIDE = (1366, 704), (1920, 1080)


@pytest.fixture(scope="module")
def demo_window(_demo_master: Path, tmp_path_factory: pytest.TempPathFactory):
    with demo_window_in(_demo_master, tmp_path_factory.mktemp("review")) as window:
        yield window


def _settle() -> None:
    for _ in range(6):
        QApplication.processEvents()


def _show(window, key: str, size: tuple[int, int] = LAPTOP) -> QWidget:
    window.resize(*size)
    window.show_page(key)
    _settle()
    assert (window.width(), window.height()) == size
    return window.pages[key]


def _rect_in(widget: QWidget, other: QWidget) -> QRect:
    return QRect(widget.mapTo(other, QPoint(0, 0)), widget.size())


def _content_height(view: QTableView, row: int) -> int:
    """The height the row's text needs (the row number beside it counts too)."""
    header = view.verticalHeader()
    own = header.sectionSizeHint(row) if not header.isHidden() else 0
    return max(view.sizeHintForRow(row), own, header.minimumSectionSize())


def _rows_fully_shown(view: QTableView) -> int:
    height = view.viewport().height()
    return sum(
        1
        for row in range(view.model().rowCount())
        if 0 <= view.rowViewportPosition(row)
        and view.rowViewportPosition(row) + view.rowHeight(row) <= height
    )


# 1. the export folder ----------------------------------------------------------------------
def test_the_folder_field_shows_the_whole_path_or_its_ends_with_a_tooltip(demo_window) -> None:
    page = _show(demo_window, "export")
    edit = page.folder_edit
    short = str(Path.home() / "Documents" / "ITA Desktop")
    edit.setText(short)
    assert edit.shown_text() == short  # the default folder fits at 1366x704
    assert edit.fontMetrics().horizontalAdvance(short) <= edit.text_rect_width()
    long = "/home/somchai/เอกสารของสำนักปลัด/งานประเมิน ITA/ปีงบประมาณ 2564/ฉบับส่งออก"
    edit.setText(long)
    shown = edit.shown_text()
    assert "…" in shown and shown.startswith("/home") and shown.endswith("ฉบับส่งออก")
    assert edit.fontMetrics().horizontalAdvance(shown) <= edit.text_rect_width()
    assert long in edit.toolTip()
    edit.setFocus()
    _settle()
    assert edit.shown_text() == long  # editing shows (and changes) the whole text
    edit.clearFocus()


def test_the_folder_field_widens_with_the_window(demo_window) -> None:
    narrow = _show(demo_window, "export").folder_edit.width()
    wide = _show(demo_window, "export", WIDE).folder_edit.width()
    assert narrow >= 200 and wide >= 300


# 2, 3. the measures page ---------------------------------------------------------------
def test_measure_rows_are_as_tall_as_their_text_after_the_other_pages(demo_window) -> None:
    for key in PAGES:  # as the screenshots go: the table was laid out before it was shown
        page = _show(demo_window, key)
        if key == "measures":
            break
    view = page.view
    assert view.model().rowCount() == 13
    for row in range(view.model().rowCount()):
        assert view.rowHeight(row) == _content_height(view, row), row


def test_the_measure_form_fits_beside_the_table_at_1366x704(demo_window) -> None:
    page = _show(demo_window, "measures")
    page.select_row(0)
    _settle()
    editor = page.editor
    scroll = next(w for w in page.findChildren(QScrollArea) if w.widget().isAncestorOf(editor))
    assert scroll.verticalScrollBar().maximum() == 0
    viewport = scroll.viewport()
    for widget in editor.findChildren(QWidget):
        if (
            widget.isVisibleTo(editor)
            and isinstance(widget, QLabel)
            or widget
            in (
                editor.kpi_edit,
                editor.monitoring_edit,
                editor.budget_edit,
            )
        ):
            assert viewport.rect().contains(_rect_in(widget, viewport)), widget


def test_a_checklist_takes_two_columns_when_they_fit(demo_window) -> None:
    page = _show(demo_window, "measures")
    units = page.editor.units_list
    assert units.count() == 4
    rows = {units.visualItemRect(units.item(i)).top() for i in range(units.count())}
    assert len(rows) == 2
    for i in range(units.count()):
        assert units.viewport().rect().contains(units.visualItemRect(units.item(i)))


# 4. the progress page -------------------------------------------------------------------
def test_the_progress_table_has_the_room(demo_window) -> None:
    page = _show(demo_window, "progress")
    view = page.view
    assert _rows_fully_shown(view) >= 10  # of 13 (4.5 before)
    width = view.viewport().width()
    assert view.columnWidth(2) + view.columnWidth(3) <= 0.45 * width
    assert view.columnWidth(0) >= 0.35 * width  # the measure's title has the most


# 5. the rules page ----------------------------------------------------------------------
def test_all_seven_levels_show_without_scrolling(demo_window) -> None:
    page = _show(demo_window, "rules")
    view = page.grades_view
    assert view.model().rowCount() == 7
    assert _rows_fully_shown(view) == 7
    assert view.verticalScrollBar().maximum() == 0
    header = view.horizontalHeader()
    assert view.columnWidth(0) <= 0.25 * view.viewport().width()  # "AA", not 65%
    assert header.height() <= header.fontMetrics().lineSpacing() + 12  # headers on one line


# 6, 7. the scores page ------------------------------------------------------------------
@pytest.mark.parametrize("width", [360, 480, 1000])
def test_chart_values_are_one_size_and_never_touch(demo_window, width: int) -> None:
    page = _show(demo_window, "scores")
    chart = page.chart
    chart.setFixedWidth(max(width, chart.minimumSizeHint().width()))
    _settle()
    try:
        rects = chart.value_label_rects()
        assert len(rects) == 10
        for left, right in combinations(rects, 2):
            assert not left.intersects(right)
        for a, b in pairwise(rects):
            assert b.left() - a.right() >= LABEL_GAP - 1
        for rect in rects:
            assert chart.rect().toRectF().contains(rect)
    finally:
        chart.setMinimumWidth(0)
        chart.setMaximumWidth(16_777_215)


def test_chart_values_at_1366x704_keep_the_type_size(demo_window) -> None:
    page = _show(demo_window, "scores")
    assert page.chart.value_font().pointSizeF() == page.chart.font().pointSizeF()


@pytest.mark.parametrize("size", [LAPTOP, WIDE], ids=["1366x704", "1920x1080"])
def test_no_empty_band_on_the_scores_page(demo_window, size: tuple[int, int]) -> None:
    page = _show(demo_window, "scores", size)
    body = page.body
    summary = _rect_in(page.summary, body)
    groups = [
        _rect_in(box, body)
        for box in page.findChildren(QWidget)
        if box.isVisible() and type(box).__name__ == "QGroupBox" and box is not page.chart_box
    ]
    top_of_groups = min(r.top() for r in groups)
    assert top_of_groups - summary.bottom() <= 12  # no blank band under the banner
    chart = _rect_in(page.chart_box, body)
    assert chart.top() - max(r.bottom() for r in groups) <= 12
    assert chart.width() >= 0.95 * body.width()  # the chart spans the page
    assert chart.bottom() >= body.height() - 12  # and takes the height left


# sub-tab การพิมพ์เอกสาร (not in the review's screenshots) -------------------------------
def test_signatory_rows_fit_their_text_and_the_announcement_hints_show(
    _demo_master: Path, tmp_path: Path
) -> None:
    db = tmp_path / "demo.sqlite"
    shutil.copy(_demo_master, db)
    window = create_window(db)  # a new window: the table laid out first while hidden
    try:
        window.setWindowState(Qt.WindowState.WindowNoState)
        window.resize(*LAPTOP)
        window.show()
        page = _show(window, "rules")
        page.tabs.setCurrentIndex(1)
        _settle()
        panel = page.print_panel
        view = panel.signatories_view
        assert view.model().rowCount() >= 2
        for row in range(view.model().rowCount()):
            assert view.rowHeight(row) == _content_height(view, row), row
        for edit in (panel.executive_name, panel.executive_position):
            room = edit.contentsRect().width() - 8  # the line edit's own text margins
            assert edit.fontMetrics().horizontalAdvance(edit.placeholderText()) <= room
    finally:
        window.close()
        window.deleteLater()
