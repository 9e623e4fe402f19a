"""Delete works in the lists: it runs the same action as the list's delete button, with the
same undo (Ctrl+Z brings the row back)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QAbstractItemView

from ita_desktop.services import report_settings
from ita_desktop_ui.models.issues_model import ISSUE_COLUMN


def _press_delete(qtbot: Any, view: QAbstractItemView, row: int) -> None:
    view.setFocus()
    view.selectionModel().setCurrentIndex(
        view.model().index(row, 0),
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
    )
    qtbot.keyClick(view, Qt.Key.Key_Delete)


def test_delete_in_the_units_list(window: Any, qtbot: Any) -> None:
    window.show_page("organization")
    page = window.pages["organization"]
    ws = window.workspace
    _press_delete(qtbot, page.units_view, 1)
    assert ws.organization().units == ["สำนักปลัด", "กองช่าง"]
    assert page.units_view.currentIndex().row() == 1  # the next unit is selected
    assert window.history.undoText() == "แก้หน่วยงานภายใน"
    window.history.undo()
    assert ws.organization().units == ["สำนักปลัด", "กองคลัง", "กองช่าง"]


def test_delete_while_editing_a_unit_edits_its_text(window: Any, qtbot: Any) -> None:
    window.show_page("organization")
    page = window.pages["organization"]
    view = page.units_view
    view.setFocus()
    view.setCurrentIndex(page.units_model.index(0))
    qtbot.keyClick(view, Qt.Key.Key_F2)
    editor = view.focusWidget()
    assert editor is not view
    qtbot.keyClick(editor, Qt.Key.Key_Home)
    qtbot.keyClick(editor, Qt.Key.Key_Delete)  # removes a character (cluster), not the unit
    assert editor.text() == "นักปลัด"
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    assert window.workspace.organization().units == ["สำนักปลัด", "กองคลัง", "กองช่าง"]


def test_delete_in_the_grades_table(window: Any, qtbot: Any) -> None:
    window.show_page("rules")
    page = window.pages["rules"]
    ws = window.workspace
    before = [g.label for g in ws.assessment().rules.grades]
    _press_delete(qtbot, page.grades_view, 0)
    assert [g.label for g in ws.assessment().rules.grades] == before[1:]
    window.history.undo()
    assert [g.label for g in ws.assessment().rules.grades] == before


def test_delete_in_the_progress_table_clears_the_rows_report(window: Any, qtbot: Any) -> None:
    window.show_page("progress")
    page = window.pages["progress"]
    ws = window.workspace
    measure_id = page.model.rows[1][0].id
    _press_delete(qtbot, page.view, 1)
    cleared = ws.db.progress(ws.assessment_id, 6).get(measure_id)
    assert cleared is None or (cleared.status, cleared.output, cleared.outcome) == ("", "", "")
    assert page.model.data(page.model.index(1, 1)) == "ยังไม่ดำเนินการ"
    assert page.model.rowCount() == 3  # the measure stays in the plan
    assert window.history.undoText() == "ล้างผลการดำเนินงาน"
    window.history.undo()
    entry = ws.db.progress(ws.assessment_id, 6)[measure_id]
    assert (entry.status, entry.output, entry.outcome) == ("อยู่ระหว่างดำเนินการ", "ผลผลิต", "ผลลัพธ์")


def test_delete_in_the_measures_table(window: Any, qtbot: Any) -> None:
    window.show_page("measures")
    page = window.pages["measures"]
    ws = window.workspace
    _press_delete(qtbot, page.view, 0)
    assert len(ws.db.measures(ws.assessment_id)) == 2
    window.history.undo()
    assert len(ws.db.measures(ws.assessment_id)) == 3


def test_deleting_the_organisation_asks_with_no_as_the_default(
    window: Any, monkeypatch: Any
) -> None:
    from PySide6.QtWidgets import QMessageBox

    asked: list[tuple[Any, ...]] = []

    def question(*args: Any) -> QMessageBox.StandardButton:
        asked.append(args)
        return QMessageBox.StandardButton.No  # what Enter or Esc answers

    monkeypatch.setattr(QMessageBox, "question", question)
    window.show_page("organization")
    names = [o.name for o in window.workspace.db.organizations()]
    window.pages["organization"].delete_organization()
    assert asked[0][-1] == QMessageBox.StandardButton.No
    assert [o.name for o in window.workspace.db.organizations()] == names


def test_delete_in_the_signatories_table(window: Any, qtbot: Any) -> None:
    window.show_page("rules")
    page = window.pages["rules"]
    panel = page.print_panel
    page.tabs.setCurrentWidget(panel.print_page)
    panel.add_signatory("นายสมชาย ใจดี", "นายกเทศมนตรี")
    panel.add_signatory("นางสาวสุดา รักดี", "ปลัดเทศบาล")
    ws = window.workspace

    def signatories() -> list[tuple[str, str]]:
        return list(report_settings.get_settings(ws.db, ws.assessment_id).signatories)

    before = signatories()
    _press_delete(qtbot, panel.signatories_view, len(before) - 2)
    assert signatories() == before[:-2] + before[-1:]
    assert window.history.undoText() == "ลบผู้ลงนาม"
    window.history.undo()
    assert signatories() == before


def test_delete_in_the_issues_table_clears_the_rows_issue(window: Any, qtbot: Any) -> None:
    window.show_page("analysis")
    page = window.pages["analysis"]
    page.tabs.setCurrentWidget(page.issues_view.parentWidget())
    ws = window.workspace
    model = page.issues_model
    number = model.items()[0][0].number
    assert model.setData(model.index(0, ISSUE_COLUMN), "ยังไม่เปิดเผยข้อมูลการจัดซื้อ")
    _press_delete(qtbot, page.issues_view, 0)
    assert not ws.assessment().issues_by_indicator.get(number)
    assert model.index(0, ISSUE_COLUMN).data() in ("", None)
    window.history.undo()
    assert ws.assessment().issues_by_indicator[number] == "ยังไม่เปิดเผยข้อมูลการจัดซื้อ"
