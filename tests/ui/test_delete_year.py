"""แก้ไข > ลบปีงบประมาณนี้…: asks (naming organisation and year), deletes, selectors follow."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox

from ita_desktop.services import assessments
from ita_desktop_ui import labels


@pytest.fixture
def answers(monkeypatch: pytest.MonkeyPatch):
    """Record the confirmation's text and give the answer set in `answers.reply`."""

    class Answers:
        def __init__(self) -> None:
            self.reply = QMessageBox.StandardButton.Yes
            self.asked: list[str] = []

    answers = Answers()

    def question(_parent, _title, text, *_args, **_kwargs):
        answers.asked.append(text)
        return answers.reply

    monkeypatch.setattr(QMessageBox, "question", question)
    return answers


def _years_in_combo(window) -> list[int]:
    combo = window.selectors.year_combo
    return [combo.itemData(i) for i in range(combo.count())]


def test_no_keeps_the_year(window, answers):
    answers.reply = QMessageBox.StandardButton.No
    window.delete_year_action.trigger()
    assert answers.asked and "2564" in answers.asked[0]
    assert "เทศบาลตำบลทดสอบ" in answers.asked[0]
    ws = window.workspace
    assert ws.db.years(ws.org_id) == [2564, 2565]
    assert ws.year == 2564


def test_deleting_years_keeps_the_selectors_consistent(window, answers):
    ws = window.workspace
    window.show_page("measures")
    deleted_id = ws.assessment_id
    window.delete_year_action.trigger()
    assert "พ.ศ. 2564" in answers.asked[-1] and "“เทศบาลตำบลทดสอบ”" in answers.asked[-1]
    assert ws.db.years(ws.org_id) == [2565]
    assert ws.year == 2565
    assert _years_in_combo(window) == [2565]
    assert window.selectors.year_combo.currentData() == 2565
    assert ws.db.measures(deleted_id) == []
    assert window.pages["measures"].model.rowCount() == 0  # the page shows 2565's (empty) plan
    assert window.history.count() == 0

    window.delete_year_action.trigger()  # the last year: the organisation stays, yearless
    assert ws.db.years(ws.org_id) == []
    assert ws.year is None and ws.org_id is not None
    assert _years_in_combo(window) == []
    assert window.selectors.org_combo.currentText() == "เทศบาลตำบลทดสอบ"
    assert not window.delete_year_action.isEnabled()
    page = window.pages["measures"]
    assert page.hint.isVisible() and page.hint.text() == labels.NO_ASSESSMENT

    window.selectors.add_year(2566)  # and a year can be started again
    assert _years_in_combo(window) == [2566]
    assert window.delete_year_action.isEnabled()


def test_other_organisations_are_untouched(window, answers):
    ws = window.workspace
    other = next(o for o in ws.db.organizations() if o.id != ws.org_id)
    assessments.create_year(ws.db, other.id, 2564)
    window.delete_year_action.trigger()
    assert ws.db.years(other.id) == [2564]


def test_text_being_typed_does_not_outlive_its_year(window, answers, message_boxes):
    window.show_page("rules")
    page = window.pages["rules"]
    page.print_panel.preface_edit.setFocus()
    page.print_panel.preface_edit.insertPlainText("คำนำที่ยังพิมพ์อยู่")  # not yet saved
    page.weight_spins["IIT"].setValue(0.6)  # refused, shown beside the fields
    window.delete_year_action.trigger()
    assert window.workspace.year == 2565
    assert message_boxes == []  # nothing tried to save into the deleted year afterwards
    assert page.print_panel.preface_edit.toPlainText() == ""
    assert not page.weights_error.isVisible()
    assert page.weight_spins["IIT"].value() == pytest.approx(0.3)
