"""เกณฑ์และการพิมพ์ → การพิมพ์เอกสาร / เนื้อหาเอกสาร, and the measure form's new fields: every
choice saves at once, undoes, reaches the report settings; the page fits 1366x704."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from ita_desktop.domain.models import TableColumn
from ita_desktop.services import report_settings
from ita_desktop_ui.models.columns_model import HEADER, JOIN, SHOWN
from ita_desktop_ui.widgets.print_texts import parse_date


def _panel(window, tab: int = 1):
    window.show_page("rules")
    page = window.pages["rules"]
    page.tabs.setCurrentIndex(tab)
    return page.print_panel


def _settings(window):
    ws = window.workspace
    return report_settings.get_settings(ws.db, ws.assessment_id)


def _row(model, key: str) -> int:
    return next(i for i, r in enumerate(model.rows) if r.key == key)


def test_bundle_sections_and_layout_are_saved_and_undone(window):
    panel = _panel(window)
    panel.bundle_boxes["results"].setChecked(False)
    assert _settings(window).bundle == ["analysis", "measures"]
    panel.bundle_boxes["analysis"].setChecked(False)
    panel.bundle_boxes["measures"].setChecked(False)  # none left: refused, said beside
    assert panel.bundle_error.isVisibleTo(panel.print_page)
    assert _settings(window).bundle == ["measures"]
    panel.section_boxes["charts"].setChecked(False)
    panel.section_boxes["announcement"].setChecked(True)
    assert _settings(window).hidden_sections == ["charts"]
    panel.layout_group.button(1).click()
    assert _settings(window).results_layout == "indicator"
    for _ in range(5):
        window.history.undo()
    s = _settings(window)
    assert s.bundle == ["analysis", "measures", "results"] and s.hidden_sections == ["announcement"]
    assert s.results_layout == "measure"
    assert panel.bundle_boxes["results"].isChecked() and panel.section_boxes["charts"].isChecked()


def test_columns_are_chosen_renamed_joined_and_moved(window):
    panel = _panel(window)
    model = panel.columns_model
    assert [r.key for r in model.rows if r.shown] == [
        "measure",
        "steps",
        "responsible",
        "period",
        "monitoring",
        "indicators",
    ]
    activities = _row(model, "activities")
    assert model.setData(
        model.index(activities, SHOWN), Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole
    )
    indicators = _row(model, "indicators")
    model.setData(
        model.index(indicators, SHOWN),
        Qt.CheckState.Unchecked.value,
        Qt.ItemDataRole.CheckStateRole,
    )
    assert model.setData(model.index(_row(model, "measure"), HEADER), "มาตรการ/แนวทาง")
    monitoring = _row(model, "monitoring")
    assert model.setData(
        model.index(monitoring, JOIN), Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole
    )
    panel.columns_view.setCurrentIndex(model.index(_row(model, "activities"), 1))
    for _ in range(5):
        panel.move_column(-1)  # up to the second column (the first stays the first)
    stored = _settings(window).measure_columns
    assert [c.key for c in stored] == [
        "activities",
        "measure",
        "steps",
        "responsible",
        "period",
        "monitoring",
    ]
    assert stored[1] == TableColumn("measure", "มาตรการ/แนวทาง")
    assert stored[-1].join and not stored[0].join
    # the last printed column cannot be unticked: the table must print something
    for key in [r.key for r in model.rows if r.shown][1:]:
        model.setData(
            model.index(_row(model, key), SHOWN),
            Qt.CheckState.Unchecked.value,
            Qt.ItemDataRole.CheckStateRole,
        )
    last = _row(model, "activities")
    assert not model.setData(
        model.index(last, SHOWN), Qt.CheckState.Unchecked.value, Qt.ItemDataRole.CheckStateRole
    )
    assert panel.columns_error.text() == "ตารางต้องพิมพ์อย่างน้อยหนึ่งคอลัมน์"
    assert [c.key for c in _settings(window).measure_columns] == ["activities"]
    panel.reset_columns()
    assert len(_settings(window).measure_columns) == 6
    window.history.undo()
    assert [c.key for c in _settings(window).measure_columns] == ["activities"]
    # the implementation report's table has its own columns
    panel.table_combo.setCurrentIndex(1)
    status = _row(model, "status")
    model.setData(
        model.index(status, SHOWN), Qt.CheckState.Unchecked.value, Qt.ItemDataRole.CheckStateRole
    )
    assert "status" not in [c.key for c in _settings(window).result_columns]


def test_section_texts_are_edited_and_undone(window, qtbot):
    panel = _panel(window, 2)
    edit = panel.show_text("objectives")
    assert panel.text_stack.currentIndex() == 2
    edit.setFocus()
    edit.insertPlainText("๑. เพื่อส่งเสริมคุณธรรม\n๒. เพื่อเปิดเผยข้อมูล")
    edit.commit()
    panel.show_text("preparing_unit").insertPlainText("ฝ่ายบริหารงานทั่วไป\nสำนักปลัด")
    panel.show_text("limitations")  # leaving a text saves it
    s = _settings(window)
    assert s.objectives == "๑. เพื่อส่งเสริมคุณธรรม\n๒. เพื่อเปิดเผยข้อมูล"
    assert s.preparing_unit == "ฝ่ายบริหารงานทั่วไป\nสำนักปลัด"
    window.history.undo()
    assert _settings(window).preparing_unit == ""
    assert panel.text_edits["preparing_unit"].toPlainText() == ""


def test_issue_priorities_are_marked_and_undone(window):
    panel = _panel(window, 2)
    panel.show_priorities()
    combo = panel.priority_combos[4]
    combo.setCurrentIndex(combo.findData("urgent"))
    combo.activated.emit(combo.currentIndex())
    combo = panel.priority_combos[8]
    combo.setCurrentIndex(combo.findData("develop"))
    combo.activated.emit(combo.currentIndex())
    assert window.workspace.assessment().issue_priorities == {4: "urgent", 8: "develop"}
    window.history.undo()
    assert window.workspace.assessment().issue_priorities == {4: "urgent"}
    assert panel.priority_combos[8].currentData() == ""


def test_announcement_signer_and_date(window, qtbot):
    panel = _panel(window)
    assert "นายกเทศมนตรีตำบลทดสอบ" in panel.executive_position.placeholderText()
    panel.executive_name.setText("นายผู้บริหาร ใจดี")
    panel.executive_name.commit()
    panel.date_edit.setText("๑๕/๑๐/๒๕๖๔")
    panel.date_edit.commit()
    s = _settings(window)
    assert s.executive == ("นายผู้บริหาร ใจดี", "") and s.announcement_date == "2564-10-15"
    panel.date_edit.setText("31/02/2564")
    panel.date_edit.commit()
    assert panel.date_error.isVisibleTo(panel.print_page)
    assert _settings(window).announcement_date == "2564-10-15"  # the bad date is not saved
    panel.date_edit.setText("")
    panel.date_edit.commit()
    assert _settings(window).announcement_date == ""
    assert parse_date(" 1 / 2 / 2568 ") == "2568-02-01" and parse_date("พรุ่งนี้") is None


def test_the_page_fits_a_1366_by_704_window(window):
    window.resize(1366, 704)
    window.show_page("rules")
    page = window.pages["rules"]
    for tab in range(page.tabs.count()):
        page.tabs.setCurrentIndex(tab)
        QApplication.processEvents()
        assert window.minimumSizeHint().height() <= 704, tab
        assert page.body.height() >= page.body.minimumSizeHint().height(), tab


def test_measure_activities_budget_and_no_period(window):
    window.show_page("measures")
    page = window.pages["measures"]
    page.select_row(1)
    editor = page.editor
    editor.activities_edit.setFocus()
    editor.activities_edit.insertPlainText("โครงการอบรม\n\nกิจกรรมรณรงค์ ")
    editor.activities_edit.commit()
    editor.budget_edit.setText("50,000 บาท")
    editor.budget_edit.commit()
    ws = window.workspace
    m = ws.db.measures(ws.assessment_id)[1]
    assert m.activities == ["โครงการอบรม", "กิจกรรมรณรงค์"] and m.budget == "50,000 บาท"
    assert "โครงการอบรม" in page.model.data(page.model.index(1, 0), Qt.ItemDataRole.ToolTipRole)
    editor.clear_period()
    m = ws.db.measures(ws.assessment_id)[1]
    assert not m.period.whole_year and m.period.start_month is None
    assert page.model.data(page.model.index(1, 3)) == ""  # not "ตลอดปีงบประมาณ"
    assert editor.start_month.currentIndex() == -1
    editor.start_month.setCurrentIndex(3)  # picking a month runs to the end of the year
    editor.start_month.activated.emit(3)
    m = ws.db.measures(ws.assessment_id)[1]
    assert (m.period.start_month, m.period.end_month) == (1, 9)
    window.history.undo()
    window.history.undo()
    m = ws.db.measures(ws.assessment_id)[1]
    assert (m.period.start_month, m.period.end_month) == (10, 3)
