"""เกณฑ์และการพิมพ์: the year's rules and print settings are edited, saved at once, undoable."""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import Qt

from ita_desktop.errors import ValidationError
from ita_desktop.rules.presets import preset_for, rules_to_dict
from ita_desktop.services import report_settings
from ita_desktop.storage.repository import Repository
from ita_desktop_ui.app import create_window
from ita_desktop_ui.models.grades_model import EACH_TOOL, LABEL, MINIMUM
from ita_desktop_ui.models.indicators_model import NAME
from ita_desktop_ui.models.signatories_model import POSITION
from ita_desktop_ui.pages.rules_page import CHANGED_FROM_PRESET, SAME_AS_PRESET
from ita_desktop_ui.undo import edit_rules
from tests.ui.test_keyboard import _visible_mnemonics

NEW_NAME = "การเปิดเผยข้อมูลสาธารณะทางเว็บไซต์"
NEW_DESCRIPTION = "วัดว่าหน่วยงานเผยแพร่ข้อมูลครบถ้วนและเป็นปัจจุบันบนเว็บไซต์"


def _page(window):
    window.show_page("rules")
    return window.pages["rules"]


def _weights(window) -> list[Decimal]:
    return [t.weight for t in window.workspace.assessment().rules.tools]


def _stored(path, year: int = 2564):
    repo = Repository.open(path)
    try:
        org = repo.organizations()[0]
        a = repo.assessment(org.id, year)
        return a, report_settings.get_settings(repo, a.id)
    finally:
        repo.close()


def test_weights_not_summing_to_one_are_refused(window):
    page = _page(window)
    page.weight_spins["IIT"].setValue(0.5)
    assert page.weights_error.isVisible()
    assert "น้ำหนักของเครื่องมือรวมกันต้องเท่ากับ 1" in page.weights_error.text()
    assert "1.20" in page.weights_error.text()
    assert _weights(window) == [Decimal("0.30"), Decimal("0.30"), Decimal("0.40")]
    assert window.history.count() == 0
    page.weight_spins["EIT"].setValue(0.1)  # now 0.50 + 0.10 + 0.40 = 1
    assert not page.weights_error.isVisible()
    assert _weights(window) == [Decimal("0.50"), Decimal("0.10"), Decimal("0.40")]
    window.show_page("scores")
    scores = window.pages["scores"]
    # 0.5 * 92.39 + 0.1 * 92.13 + 0.4 * 100 = 95.408 -> 95.41
    assert scores.overall_label.text() == "95.41"
    window.history.undo()
    assert _weights(window) == [Decimal("0.30"), Decimal("0.30"), Decimal("0.40")]
    assert scores.overall_label.text() == "95.36"


def test_refused_weights_can_be_dropped(window):
    page = _page(window)
    page.weight_spins["OIT"].setValue(0.9)
    assert page.revert_weights_button.isVisible()
    letters = _visible_mnemonics(window)  # the button's Alt+V is free on this page
    assert sorted({x for x in letters if letters.count(x) > 1}) == []
    page.revert_weights_button.click()
    assert page.weight_spins["OIT"].value() == pytest.approx(0.4)
    assert not page.weights_error.isVisible()


def test_rules_that_cannot_compute_are_never_stored(window):
    a = window.workspace.assessment()
    bad = rules_to_dict(a.rules)
    new = preset_for(2564)
    new.tools[0].weight = Decimal("0.9")
    with pytest.raises(ValidationError):
        edit_rules(window.history, a.id, a.rules, new, "x")
    assert rules_to_dict(window.workspace.assessment().rules) == bad
    assert window.history.count() == 0


def test_indicator_name_and_description_persist_and_reach_the_narrative(window, qtbot, sample_db):
    page = _page(window)
    page.indicators_view.setCurrentIndex(page.indicators_model.index(8, 0))
    assert page.name_edit.text() == "การเปิดเผยข้อมูล"
    page.name_edit.setFocus()
    page.name_edit.selectAll()
    page.name_edit.insert(NEW_NAME)  # (QTest types ASCII only)
    qtbot.keyClick(page.name_edit, Qt.Key.Key_Return)
    page.description_edit.setFocus()
    page.description_edit.selectAll()
    page.description_edit.insertPlainText(NEW_DESCRIPTION)
    page.description_edit.commit()
    rules = window.workspace.assessment().rules
    assert rules.indicator(9).name == NEW_NAME
    assert rules.indicator(9).description == NEW_DESCRIPTION
    assert page.indicators_model.data(page.indicators_model.index(8, NAME)) == NEW_NAME
    assert CHANGED_FROM_PRESET in page.state_label.text() and page.restore_button.isEnabled()
    window.show_page("analysis")
    analysis = window.pages["analysis"]
    assert NEW_NAME in analysis.strengths_label.text()
    assert NEW_NAME in analysis.generated["strengths"]
    assert NEW_DESCRIPTION in analysis.generated["strengths"]
    window.show_page("measures")  # the measure form offers the new name
    boxes = window.pages["measures"].editor.indicator_boxes
    assert boxes[9].text() == f"9 {NEW_NAME}"
    window.close()

    stored, _settings = _stored(sample_db)
    assert stored.rules.indicator(9).name == NEW_NAME
    other, _ = _stored(sample_db, 2565)  # each year keeps its own copy
    assert other.rules.indicator(9).name == "การเปิดเผยข้อมูล"
    again = create_window(sample_db)
    qtbot.addWidget(again)
    again.show()
    again.workspace.select(again.workspace.org_id, 2564)
    again.show_page("analysis")
    assert NEW_DESCRIPTION in again.pages["analysis"].generated["strengths"]
    again.show_page("rules")
    rules_page = again.pages["rules"]
    assert rules_page.indicators_model.indicators[8].name == NEW_NAME


def test_indicator_name_in_the_table_and_empty_names_refused(window, qtbot):
    page = _page(window)
    model = page.indicators_model
    assert model.setData(model.index(0, NAME), "การปฏิบัติหน้าที่อย่างโปร่งใส ")
    assert window.workspace.assessment().rules.indicator(1).name == "การปฏิบัติหน้าที่อย่างโปร่งใส"
    assert not model.setData(model.index(0, NAME), "  ")
    page.indicators_view.setCurrentIndex(model.index(0, 0))
    page.name_edit.setFocus()
    page.name_edit.selectAll()
    qtbot.keyClick(page.name_edit, Qt.Key.Key_Delete)
    qtbot.keyClick(page.name_edit, Qt.Key.Key_Return)
    assert page.name_error.isVisible()
    assert window.workspace.assessment().rules.indicator(1).name == "การปฏิบัติหน้าที่อย่างโปร่งใส"
    window.history.undo()
    assert window.workspace.assessment().rules.indicator(1).name == "การปฏิบัติหน้าที่"


def test_target_and_levels_change_the_computed_results(window, qtbot):
    page = _page(window)
    page.target_edit.setFocus()
    page.target_edit.selectAll()
    qtbot.keyClicks(page.target_edit, "96")
    page.target_edit.commit()
    a = window.workspace.assessment()
    assert a.target == Decimal(96) and a.rules.target == Decimal(96)
    model = page.grades_model
    assert model.setData(model.index(0, MINIMUM), "96")  # AA now needs 96: 95.36 is A
    assert model.setData(model.index(1, EACH_TOOL), "92.2")
    assert not model.setData(model.index(1, MINIMUM), "abc")
    assert page.grades_error.isVisible()
    assert not model.setData(model.index(1, LABEL), "AA")  # two levels with one name
    assert "มีระดับ “AA” อยู่แล้ว" in page.grades_error.text()
    window.show_page("scores")
    scores = window.pages["scores"]
    assert scores.level_label.text() == "B"  # A needs every tool >= 92.2; EIT has 92.13
    assert "96.00 — ยังขาดอีก 0.64 คะแนน" in scores.target_label.text()
    page = _page(window)
    assert page.grades_model.setData(page.grades_model.index(1, EACH_TOOL), "")
    window.show_page("scores")
    assert scores.level_label.text() == "A"


def test_levels_added_sorted_and_removed(window):
    page = _page(window)
    page.add_grade()
    bands = window.workspace.assessment().rules.grades
    assert bands[-1].label.startswith("ระดับใหม่") and bands[-1].minimum == 0
    model = page.grades_model
    assert model.setData(model.index(len(bands) - 1, MINIMUM), "99")
    bands = window.workspace.assessment().rules.grades
    assert bands[0].minimum == Decimal(99)  # kept highest first
    page.grades_view.setCurrentIndex(model.index(0, 0))
    page.remove_grade()
    assert [g.label for g in window.workspace.assessment().rules.grades] == [
        "AA",
        "A",
        "B",
        "C",
        "D",
        "E",
        "F",
    ]


def test_restore_the_preset_of_the_year(window, qtbot):
    page = _page(window)
    assert SAME_AS_PRESET in page.state_label.text()
    assert not page.restore_button.isEnabled()
    page.indicators_model.setData(page.indicators_model.index(2, NAME), "ชื่อที่แก้แล้ว")
    page.weight_spins["IIT"].setValue(0.2)
    page.weight_spins["OIT"].setValue(0.5)
    page.target_edit.setText("90")
    page.target_edit.commit()
    a = window.workspace.assessment()
    assert a.target == Decimal(90) and a.rules.tools[0].weight == Decimal("0.20")
    assert page.restore_button.isEnabled()
    qtbot.mouseClick(page.restore_button, Qt.MouseButton.LeftButton)
    a = window.workspace.assessment()
    assert rules_to_dict(a.rules) == rules_to_dict(preset_for(2564))
    assert a.target == Decimal(85)
    assert page.weight_spins["IIT"].value() == pytest.approx(0.3)
    assert not page.restore_button.isEnabled()
    window.history.undo()  # the restore is one step
    a = window.workspace.assessment()
    assert a.target == Decimal(90) and a.rules.indicator(3).name == "ชื่อที่แก้แล้ว"
    assert page.target_edit.text() == "90.00"


def test_preface_digits_and_signatories_persist(window, qtbot, sample_db):
    page = _page(window)
    panel = page.print_panel
    panel.preface_edit.setFocus()
    panel.preface_edit.insertPlainText("ย่อหน้าแรกของคำนำ\nย่อหน้าที่สอง")
    panel.preface_edit.commit()
    panel.digits.button(0).click()  # Arabic digits
    panel.add_signatory("นายสมชาย ใจดี", "นายกเทศมนตรีตำบลทดสอบ")
    panel.add_signatory("นางสาวสุดา รักดี", "ปลัดเทศบาล")
    model = panel.signatories_model
    assert model.setData(model.index(1, POSITION), "ปลัดเทศบาลตำบลทดสอบ")
    panel.move_signatory(-1)  # the selected (second) row goes first
    panel.add_signatory("ลบทิ้ง", "")
    panel.remove_signatory()
    ws = window.workspace
    settings = report_settings.get_settings(ws.db, ws.assessment_id)
    assert settings.preface == "ย่อหน้าแรกของคำนำ\nย่อหน้าที่สอง"
    assert not settings.thai_digits
    assert settings.signatories == [
        ("นางสาวสุดา รักดี", "ปลัดเทศบาลตำบลทดสอบ"),
        ("นายสมชาย ใจดี", "นายกเทศมนตรีตำบลทดสอบ"),
    ]
    window.show_page("export")  # the export page's digits follow the new default
    assert not window.pages["export"].thai_digits.isChecked()
    window.history.undo()  # remove
    window.history.undo()  # add
    window.history.undo()  # move
    assert report_settings.get_settings(ws.db, ws.assessment_id).signatories[0][0] == "นายสมชาย ใจดี"
    window.history.redo()
    window.close()

    _a, stored = _stored(sample_db)
    assert stored.preface == "ย่อหน้าแรกของคำนำ\nย่อหน้าที่สอง"
    assert [n for n, _p in stored.signatories] == ["นางสาวสุดา รักดี", "นายสมชาย ใจดี"]
    again = create_window(sample_db)
    qtbot.addWidget(again)
    again.show()
    again.workspace.select(again.workspace.org_id, 2564)
    again.show_page("rules")
    panel = again.pages["rules"].print_panel
    assert panel.preface_edit.toPlainText() == "ย่อหน้าแรกของคำนำ\nย่อหน้าที่สอง"
    assert panel.digits.checkedId() == 0
    assert panel.signatories_model.rowCount() == 2


def test_another_year_shows_its_own_rules_and_settings(window):
    page = _page(window)
    page.indicators_model.setData(page.indicators_model.index(0, NAME), "เฉพาะปี 2564")
    page.print_panel.add_signatory("ผู้ลงนามปี 2564", "")
    window.selectors.year_combo.setCurrentIndex(window.selectors.year_combo.findData(2565))
    assert page.indicators_model.indicators[0].name == "การปฏิบัติหน้าที่"
    assert page.print_panel.signatories_model.rowCount() == 0
    assert "2565" in page.rules_box.title()
