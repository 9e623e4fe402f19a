"""The progress page tells "not due yet" (grey) from "late" (pink), with a legend and reasons."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from ita_desktop.domain.models import Measure, Period
from ita_desktop.services import measures
from ita_desktop_ui.models.progress_model import STATUS_COLORS


def test_a_measure_planned_for_april_is_not_due_in_the_six_month_round(window: Any) -> None:
    ws = window.workspace
    later = Measure("อบรมคุณธรรมช่วงครึ่งปีหลัง", [1], period=Period(False, 4, 2565, 9, 2565))
    ws.apply(measures.add_measure(ws.db, ws.assessment_id, later))
    window.show_page("progress")
    page = window.pages["progress"]
    model = page.model
    titles = [m.title for m, _, _ in model.rows]
    row = titles.index(later.title)
    status = model.index(row, 1)
    assert model.data(status) == "ยังไม่ถึงกำหนด"
    assert model.data(status, Qt.ItemDataRole.BackgroundRole).name() == STATUS_COLORS["ยังไม่ถึงกำหนด"]
    assert "หลังสิ้นรอบ 6 เดือน (มี.ค. 2565)" in model.data(status, Qt.ItemDataRole.ToolTipRole)
    page.set_round(12)
    row = [m.title for m, _, _ in model.rows].index(later.title)
    assert model.data(model.index(row, 1)) == "ยังไม่ดำเนินการ"  # due by September: late
    assert (
        model.data(model.index(row, 1), Qt.ItemDataRole.BackgroundRole).name()
        == (STATUS_COLORS["ยังไม่ดำเนินการ"])
    )
    assert STATUS_COLORS["ยังไม่ถึงกำหนด"] != STATUS_COLORS["ยังไม่ดำเนินการ"]


def test_the_legend_and_the_selected_rows_reason(window: Any) -> None:
    window.show_page("progress")
    page = window.pages["progress"]
    shown = [w.text() for w in page.legend.findChildren(QLabel) if w.isVisible()]
    for status in ("ยังไม่ถึงกำหนด", "ยังไม่ดำเนินการ", "อยู่ระหว่างดำเนินการ", "ดำเนินการแล้วเสร็จ"):
        assert status in shown
    assert "มี.ค. 2565" in page.legend.toolTip()
    assert page.status_note.text() == ""  # a recorded status needs no reason
    height = page.status_note.height()
    ws = window.workspace
    later = Measure("ตรวจสอบช่วงครึ่งปีหลัง", [2], period=Period(False, 5, 2565, 8, 2565))
    ws.apply(measures.add_measure(ws.db, ws.assessment_id, later))
    page.view.setCurrentIndex(page.model.index(3, 0))
    assert page.status_note.text() == (
        "ในตาราง: ยังไม่ถึงกำหนด — มาตรการเริ่ม พ.ค. 2565 หลังสิ้นรอบ 6 เดือน (มี.ค. 2565)"
    )
    assert page.status_note.isVisible() and page.status_note.height() == height


def test_enter_on_a_row_goes_to_its_status(window: Any, qtbot: Any) -> None:
    window.show_page("progress")
    page = window.pages["progress"]
    page.view.setFocus()
    qtbot.keyClick(page.view, Qt.Key.Key_Return)
    assert page.status_combo.hasFocus()


def test_the_page_fits_a_laptop_without_scroll_bars(
    window: Any, window_size: Any, qtbot: Any
) -> None:
    """At 1366x704 every box of the selected measure's report is on screen, unscrolled."""
    from PySide6.QtCore import QPoint, QRect
    from PySide6.QtWidgets import QScrollArea

    from ita_desktop_ui.pages.progress_page import FIELD_MIN_HEIGHT

    window_size()
    window.show_page("progress")
    qtbot.wait(50)
    page = window.pages["progress"]
    scrolling = [
        a
        for a in page.findChildren(QScrollArea)
        if a.isVisible() and a.verticalScrollBar().isVisible()
    ]
    assert scrolling == []
    visible = QRect(QPoint(0, 0), window.centralWidget().size())
    for edit in [*page.fields.values(), *page.round_fields.values(), page.status_combo]:
        rect = QRect(edit.mapTo(window.centralWidget(), QPoint(0, 0)), edit.size())
        assert visible.contains(rect), edit.accessibleName()
    for edit in page.fields.values():
        assert edit.height() >= FIELD_MIN_HEIGHT
