"""หน่วยงาน, การวิเคราะห์ and ผลการดำเนินงาน: edits are saved at once, normalised, undoable."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt

from ita_desktop.documents.narrative import SECTIONS
from ita_desktop.services import report_settings


def test_organization_fields_and_units(window, qtbot):
    window.show_page("organization")
    page = window.pages["organization"]
    ws = window.workspace
    page.name_edit.setFocus()
    page.name_edit.selectAll()
    qtbot.keyClicks(page.name_edit, "Town  ")
    qtbot.keyClick(page.name_edit, Qt.Key.Key_Return)
    assert ws.organization().name == "Town"
    assert window.selectors.org_combo.currentText() == "Town"
    page.name_edit.selectAll()
    qtbot.keyClick(page.name_edit, Qt.Key.Key_Delete)
    qtbot.keyClick(page.name_edit, Qt.Key.Key_Return)
    assert page.error_label.isVisible() and "กรุณากรอกชื่อหน่วยงาน" in page.error_label.text()
    assert ws.organization().name == "Town"
    page.add_unit("กองการศึกษา")
    assert ws.organization().units[-1] == "กองการศึกษา"
    page.move_unit(-1)
    assert ws.organization().units[-2:] == ["กองการศึกษา", "กองช่าง"]
    window.history.undo()
    window.history.undo()
    assert ws.organization().units == ["สำนักปลัด", "กองคลัง", "กองช่าง"]
    window.history.undo()
    assert ws.organization().name == "เทศบาลตำบลทดสอบ"
    assert page.name_edit.text() == "เทศบาลตำบลทดสอบ"


def test_new_units_are_offered_as_responsible(window):
    window.show_page("organization")
    window.pages["organization"].add_unit("กองสาธารณสุข")
    window.show_page("measures")
    editor = window.pages["measures"].editor
    names = [editor.units_list.item(i).text() for i in range(editor.units_list.count())]
    assert "กองสาธารณสุข" in names


def test_threshold_changes_strengths(window, qtbot):
    window.show_page("analysis")
    page = window.pages["analysis"]
    assert "8. การปรับปรุงการทำงาน" in page.weaknesses_label.text()
    page.threshold_edit.setFocus()
    page.threshold_edit.selectAll()
    qtbot.keyClicks(page.threshold_edit, "90")
    page.threshold_edit.commit()
    assert window.workspace.assessment().threshold == Decimal(90)
    assert page.weaknesses_label.text() == "–"


def test_narrative_edit_is_kept_and_regenerate_restores(window, qtbot):
    window.show_page("analysis")
    page = window.pages["analysis"]
    generated = page.generated["results"]
    assert page.text_edit.toPlainText() == generated
    assert not page.regenerate_button.isEnabled()
    page.text_edit.setFocus()
    page.text_edit.moveCursor(page.text_edit.textCursor().MoveOperation.End)
    page.text_edit.insertPlainText(" เพิ่มเติม")
    page.text_edit.commit()
    ws = window.workspace
    assert ws.assessment().narratives["results"] == generated + " เพิ่มเติม"
    assert page.regenerate_button.isEnabled()
    page.sections.setCurrentIndex(SECTIONS.index("guidance"))
    assert page.text_edit.toPlainText() == page.generated["guidance"]
    page.sections.setCurrentIndex(0)
    assert page.text_edit.toPlainText().endswith("เพิ่มเติม")
    qtbot.mouseClick(page.regenerate_button, Qt.MouseButton.LeftButton)
    assert ws.assessment().narratives.get("results", "") == ""
    assert page.text_edit.toPlainText() == generated
    window.history.undo()
    assert page.text_edit.toPlainText().endswith("เพิ่มเติม")


def test_narrative_follows_the_scores(window, qtbot):
    window.show_page("scores")
    scores = window.pages["scores"]
    scores.edits[8].setFocus()
    scores.edits[8].selectAll()
    qtbot.keyClicks(scores.edits[8], "99")
    scores.edits[8].commit()
    window.show_page("analysis")
    page = window.pages["analysis"]
    assert "99.00" in page.strengths_label.text()
    assert "การใช้ทรัพย์สินของราชการ (90.76 คะแนน)" in page.text_edit.toPlainText()


def test_issues_by_tool_and_indicator(window):
    window.show_page("analysis")
    page = window.pages["analysis"]
    edit = page.tool_issue_edits["EIT"]
    edit.setFocus()
    edit.insertPlainText("ควรปรับปรุงช่องทางการสื่อสาร")
    edit.commit()
    model = page.issues_model
    assert model.setData(model.index(3, 2), "ทำคู่มือการยืมทรัพย์สิน")
    a = window.workspace.assessment()
    assert a.issues_by_tool["EIT"] == "ควรปรับปรุงช่องทางการสื่อสาร"
    assert a.issues_by_indicator[4] == "ทำคู่มือการยืมทรัพย์สิน"


def test_progress_per_round(window, qtbot):
    window.show_page("progress")
    page = window.pages["progress"]
    assert page.model.rowCount() == 3
    assert "2565" in page.range_label.text()  # the plan runs the year after the results
    page.status_combo.setCurrentIndex(2)
    page.status_combo.activated.emit(2)
    out = page.fields["outcome"]
    out.setFocus()
    out.selectAll()
    out.insertPlainText("ผู้บริหารประกาศเจตนารมณ์แล้ว")
    out.commit()
    ws = window.workspace
    measure_id = page.model.rows[0][0].id
    entry = ws.db.progress(ws.assessment_id, 6)[measure_id]
    assert entry.status == "ดำเนินการแล้วเสร็จ" and entry.outcome == "ผู้บริหารประกาศเจตนารมณ์แล้ว"
    assert entry.output == "ผลผลิต"
    page.set_round(12)
    assert page.status_combo.currentText() == "ยังไม่ดำเนินการ"
    assert page.fields["outcome"].toPlainText() == ""
    summary = page.round_fields["summary"]
    summary.setFocus()
    summary.insertPlainText("สรุปรอบสิบสองเดือน")
    summary.commit()
    assert report_settings.get_settings(ws.db, ws.assessment_id).summary[12] == "สรุปรอบสิบสองเดือน"
    page.set_round(6)
    assert page.fields["outcome"].toPlainText() == "ผู้บริหารประกาศเจตนารมณ์แล้ว"
    window.history.undo()  # summary
    window.history.undo()  # outcome
    assert ws.db.progress(ws.assessment_id, 6)[measure_id].outcome == "ผลลัพธ์"
    assert page.fields["outcome"].toPlainText() == "ผลลัพธ์"


def test_switching_year_clears_undo_and_shows_that_year(window):
    ws = window.workspace
    window.show_page("scores")
    page = window.pages["scores"]
    page.edits[1].setFocus()
    page.edits[1].selectAll()
    page.edits[1].insert("50")
    page.edits[1].commit()
    assert window.history.count() == 1
    window.selectors.year_combo.setCurrentIndex(window.selectors.year_combo.findData(2565))
    assert ws.year == 2565
    assert window.history.count() == 0
    assert page.edits[1].text() == ""
    assert page.overall_label.text() == "–"


def test_issue_cells_keep_their_lines(window, qtbot):
    window.show_page("analysis")
    page = window.pages["analysis"]
    view = page.issues_view
    index = page.issues_model.index(0, 2)
    view.setCurrentIndex(index)
    view.edit(index)
    editor = view.indexWidget(index) or view.focusWidget()
    editor.setPlainText("บรรทัดแรก\nบรรทัดที่สอง")
    view.commitData(editor)
    view.closeEditor(editor, view.itemDelegate().EndEditHint.NoHint)
    assert window.workspace.assessment().issues_by_indicator[1] == "บรรทัดแรก\nบรรทัดที่สอง"


def test_logo_is_stored_shown_and_removed(window, tmp_path, monkeypatch):
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice
    from PySide6.QtGui import QColor, QPixmap
    from PySide6.QtWidgets import QFileDialog

    pixmap = QPixmap(64, 64)
    pixmap.fill(QColor("#1565c0"))
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    pixmap.save(buffer, "PNG")
    logo = tmp_path / "logo.png"
    logo.write_bytes(bytes(data))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(logo), ""))
    window.show_page("organization")
    page = window.pages["organization"]
    page.choose_logo()
    assert window.workspace.organization().logo == logo.read_bytes()
    assert not page.logo_label.pixmap().isNull() and page.remove_logo_button.isEnabled()
    page.set_logo(None)
    assert window.workspace.organization().logo is None
    assert page.logo_label.text() == "ไม่มีตราสัญลักษณ์"


def test_a_file_that_is_not_a_picture_is_refused(window, tmp_path, monkeypatch, message_boxes):
    from PySide6.QtWidgets import QFileDialog

    bad = tmp_path / "notes.png"
    bad.write_text("not a picture")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(bad), ""))
    window.show_page("organization")
    window.pages["organization"].choose_logo()
    assert "ใช้เป็นตราสัญลักษณ์ไม่ได้" in message_boxes[-1]
    assert window.workspace.organization().logo is None
