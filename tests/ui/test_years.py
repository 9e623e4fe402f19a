"""Years in the window: adding an organisation starts no year; "เพิ่มปี…" proposes the last
completed fiscal year, lists the years with rules and says which preset a new year copies."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QInputDialog

from ita_desktop_ui import labels
from ita_desktop_ui.widgets.selectors import WIDEST_YEAR
from ita_desktop_ui.widgets.year_dialog import YearDialog

TODAY = datetime.date(2026, 11, 27)  # fiscal year 2570 is running; 2569 ended on 30 Sep


@pytest.fixture
def today(window: Any) -> datetime.date:
    window.selectors.today = lambda: TODAY
    return TODAY


def test_a_new_organisation_has_no_year_and_every_page_says_so(window: Any) -> None:
    ws = window.workspace
    org_id = window.selectors.add_organization("เทศบาลตำบลไม่มีปี")
    assert org_id is not None and ws.org_id == org_id
    assert ws.db.years(org_id) == [] and ws.year is None
    combo = window.selectors.year_combo
    assert combo.count() == 0 and combo.currentIndex() == -1
    assert combo.placeholderText() == "ยังไม่มีปี"
    assert window.selectors.add_year_button.isEnabled()
    for key, page in window.pages.items():
        window.show_page(key)
        if page.needs_assessment:
            assert page.hint.isVisible() and page.hint.text() == labels.NO_ASSESSMENT, key
    assert "เพิ่มปี…" in labels.NO_ASSESSMENT


def test_the_dialog_proposes_the_last_completed_year(window: Any, today: datetime.date) -> None:
    window.selectors.add_organization("เทศบาลตำบลปีใหม่")
    dialog = window.selectors.year_dialog()
    assert isinstance(dialog, YearDialog)
    assert dialog.year == 2569
    assert "1 ต.ค. 2568 – 30 ก.ย. 2569 (สิ้นสุดแล้ว)" == dialog.span_label.text()
    assert dialog.note_label.text() == (
        "ปี 2569 ยังไม่มีเกณฑ์ของ ป.ป.ช. จะใช้เกณฑ์ปี 2568 (แก้ไขได้ที่หน้าเกณฑ์)"
    )
    facts = " ".join(w.text() for w in dialog.findChildren(type(dialog.note_label)))
    assert "ปีที่มีเกณฑ์ของ ป.ป.ช. ในโปรแกรม: 2562–2568" in facts
    assert "ปีที่มีอยู่แล้ว: ยังไม่มี" in facts
    dialog.spin.setValue(2566)
    assert dialog.note_label.text() == "ปี 2566 ใช้เกณฑ์ของ ป.ป.ช. ปี 2566 (แก้ไขได้ที่หน้าเกณฑ์)"
    assert dialog.ok_button.text() == "เพิ่มปี" and dialog.ok_button.isEnabled()
    assert dialog.spin.minimum() == 2562  # the oldest year with rules


def test_a_year_the_organisation_has_cannot_be_added_and_nothing_moves(
    window: Any, today: datetime.date
) -> None:
    dialog = window.selectors.year_dialog()  # the sample organisation has 2564 and 2565
    assert dialog.year == 2569
    height = dialog.note_label.height()
    dialog.spin.setValue(2564)
    assert "มีปีงบประมาณ 2564 อยู่แล้ว" in dialog.note_label.text()
    assert not dialog.ok_button.isEnabled()
    assert dialog.note_label.height() == height


def test_enter_adds_the_proposed_year_and_esc_adds_nothing(
    window: Any, qtbot: Any, today: datetime.date, monkeypatch: pytest.MonkeyPatch
) -> None:
    ws = window.workspace
    org_id = window.selectors.add_organization("เทศบาลตำบลแป้นพิมพ์")
    keys: list[Qt.Key] = [Qt.Key.Key_Escape, Qt.Key.Key_Return]

    def run(dialog: YearDialog) -> int:
        dialog.show()
        qtbot.waitExposed(dialog)
        dialog.spin.setFocus()
        key = keys.pop(0)
        qtbot.keyClick(dialog.spin, key)
        return int(dialog.result())

    monkeypatch.setattr(YearDialog, "exec", run)
    window.selectors.ask_new_year()  # Esc
    assert ws.db.years(org_id) == []
    window.selectors.ask_new_year()  # Enter
    assert ws.db.years(org_id) == [2569] and ws.year == 2569
    assert window.selectors.year_combo.currentText() == "พ.ศ. 2569"
    rules = ws.assessment().rules
    assert rules.year == 2569 and rules.source  # the 2568 preset's rules, under 2569


def test_adding_an_organisation_then_asks_for_its_year(
    window: Any, today: datetime.date, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[int] = []

    def name_dialog(dialog: QInputDialog) -> int:
        dialog.setTextValue("อบต.ถามปี")
        assert dialog.okButtonText() == "เพิ่ม" and dialog.cancelButtonText() == "ยกเลิก"
        return int(QDialog.DialogCode.Accepted)

    def year_dialog(dialog: YearDialog) -> int:
        asked.append(dialog.year)
        return int(QDialog.DialogCode.Rejected)  # the clerk decides later

    monkeypatch.setattr(QInputDialog, "exec", name_dialog)
    monkeypatch.setattr(YearDialog, "exec", year_dialog)
    window.selectors.ask_new_organization()
    ws = window.workspace
    assert ws.organization().name == "อบต.ถามปี" and asked == [2569]
    assert ws.db.years(ws.org_id) == []


def test_the_year_box_is_never_clipped(qtbot: Any, tmp_path: Any) -> None:
    """Sized for a full year even when it is first shown empty (a new file)."""
    from ita_desktop_ui.app import create_window

    window = create_window(tmp_path / "empty.sqlite")
    qtbot.addWidget(window)
    window.resize(1366, 704)
    window.show()
    qtbot.waitExposed(window)
    combo = window.selectors.year_combo
    assert combo.count() == 0
    window.selectors.add_organization("เทศบาลตำบลกว้าง")
    window.selectors.add_year(2569)
    qtbot.wait(10)
    assert combo.currentText() == "พ.ศ. 2569"
    text = combo.fontMetrics().horizontalAdvance(WIDEST_YEAR)
    assert combo.width() >= text + 20  # the text plus the arrow and frames
