"""มาตรการ: add, duplicate, reorder, delete and edit measures; each persists and undoes."""

from __future__ import annotations

from PySide6.QtCore import Qt

from ita_desktop.domain.models import ProgressEntry
from ita_desktop.storage.repository import Repository
from ita_desktop_ui.models.measures_model import TITLE


def _progress_of(db: Repository, measure_id: int) -> list[ProgressEntry]:
    with db.read() as s:
        return s.progress_of_measure(measure_id)


TITLES = [
    "ประกาศเจตนารมณ์การต่อต้านการทุจริต",
    "จัดทำคู่มือการใช้ทรัพย์สินของราชการ",
    "เผยแพร่ข้อมูลการใช้จ่ายงบประมาณ",
]


def _page(window):
    window.show_page("measures")
    return window.pages["measures"]


def _stored_titles(window) -> list[str]:
    ws = window.workspace
    return [m.title for m in ws.db.measures(ws.assessment_id)]


def _reopened_titles(path) -> list[str]:
    repo = Repository.open(path)
    try:
        org = repo.organizations()[0]
        return [m.title for m in repo.measures(repo.assessment(org.id, 2564).id)]
    finally:
        repo.close()


def test_table_shows_the_plan(window):
    page = _page(window)
    assert page.model.rowCount() == 3
    assert [m.title for m in page.model.measures] == TITLES
    assert page.editor.title_edit.text() == TITLES[0]


def test_add_reorder_delete_persist_and_undo(window, qtbot, sample_db):
    page = _page(window)
    page.select_row(2)
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    assert _stored_titles(window) == TITLES + ["มาตรการใหม่"]
    assert page.selected_row() == 3

    qtbot.mouseClick(page.up_button, Qt.MouseButton.LeftButton)
    assert _stored_titles(window) == TITLES[:2] + ["มาตรการใหม่", TITLES[2]]
    assert page.selected_row() == 2

    page.select_row(0)
    page.view.setFocus()
    qtbot.keyClick(page.view, Qt.Key.Key_Delete)
    assert _stored_titles(window) == [TITLES[1], "มาตรการใหม่", TITLES[2]]

    window.history.undo()  # delete undone: back at its place, with its progress
    assert _stored_titles(window) == TITLES[:2] + ["มาตรการใหม่", TITLES[2]]
    ws = window.workspace
    restored = ws.db.measures(ws.assessment_id)[0]
    assert _progress_of(ws.db, restored.id)[0].output == "ผลผลิต"
    window.history.undo()  # move undone
    assert _stored_titles(window) == TITLES + ["มาตรการใหม่"]
    window.history.undo()  # add undone
    assert _stored_titles(window) == TITLES
    for _ in range(3):
        window.history.redo()
    assert _stored_titles(window) == [TITLES[1], "มาตรการใหม่", TITLES[2]]
    window.close()
    assert _reopened_titles(sample_db) == [TITLES[1], "มาตรการใหม่", TITLES[2]]


def test_keyboard_move_and_duplicate(window, qtbot):
    page = _page(window)
    page.select_row(0)
    page.view.setFocus()
    qtbot.keyClick(page.view, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert _stored_titles(window) == [TITLES[1], TITLES[0], TITLES[2]]
    assert page.selected_row() == 1
    qtbot.mouseClick(page.duplicate_button, Qt.MouseButton.LeftButton)
    assert _stored_titles(window)[2] == f"{TITLES[0]} (สำเนา)"
    ws = window.workspace
    copy = ws.db.measures(ws.assessment_id)[2]
    assert copy.steps == ["ขั้นตอนที่หนึ่ง", "ขั้นตอนที่สอง"] and copy.indicators == [1]


def test_editing_in_the_form_saves_steps_units_period_indicators(window, qtbot):
    page = _page(window)
    page.select_row(1)
    editor = page.editor
    editor.steps_edit.setFocus()
    editor.steps_edit.selectAll()
    editor.steps_edit.insertPlainText("สำรวจทรัพย์สิน\n\nจัดทำคู่มือ  \nเผยแพร่คู่มือ")
    editor.steps_edit.commit()
    units = editor.units_list
    for i in range(units.count()):
        if units.item(i).text() == "กองคลัง":
            units.item(i).setCheckState(Qt.CheckState.Checked)
    editor.indicator_boxes[4].setChecked(True)
    editor.whole_year.setChecked(True)
    ws = window.workspace
    m = ws.db.measures(ws.assessment_id)[1]
    assert m.steps == ["สำรวจทรัพย์สิน", "จัดทำคู่มือ", "เผยแพร่คู่มือ"]
    assert m.responsible == ["สำนักปลัด", "กองคลัง"]
    assert sorted(m.indicators) == [2, 4]
    assert m.period.whole_year
    editor.whole_year.setChecked(False)
    editor.start_month.setCurrentIndex(3)  # มกราคม of the plan's year (2565)
    editor.start_month.activated.emit(3)
    m = ws.db.measures(ws.assessment_id)[1]
    assert not m.period.whole_year
    assert (m.period.start_month, m.period.start_year) == (1, 2565)
    assert page.model.data(page.model.index(1, 3)).startswith("มกราคม 2565")
    window.history.undo()  # the month change
    assert ws.db.measures(ws.assessment_id)[1].period.start_month == 10
    window.history.undo()  # unticking ตลอดปีงบประมาณ
    assert ws.db.measures(ws.assessment_id)[1].period.whole_year
    assert editor.whole_year.isChecked()


def test_title_edited_in_the_table(window, qtbot):
    page = _page(window)
    index = page.model.index(0, TITLE)
    assert page.model.setData(index, "  มาตรการ\u200bทดสอบ  ")
    assert _stored_titles(window)[0] == "มาตรการทดสอบ"
    window.history.undo()
    assert _stored_titles(window)[0] == TITLES[0]
    assert page.model.data(page.model.index(0, TITLE)) == TITLES[0]


def test_steps_edited_in_the_table_one_per_line(window):
    page = _page(window)
    page.steps_toggle.setChecked(True)
    assert not page.view.isColumnHidden(1)
    index = page.model.index(2, 1)
    assert page.model.data(index, Qt.ItemDataRole.EditRole) == "ขั้นตอนที่หนึ่ง\nขั้นตอนที่สอง"
    assert page.model.setData(index, "สำรวจ\n\n  จัดทำ\u200b \nเผยแพร่")
    ws = window.workspace
    assert ws.db.measures(ws.assessment_id)[2].steps == ["สำรวจ", "จัดทำ", "เผยแพร่"]
    assert page.model.data(index).startswith("1. สำรวจ\n2. จัดทำ")
    window.history.undo()
    assert ws.db.measures(ws.assessment_id)[2].steps == ["ขั้นตอนที่หนึ่ง", "ขั้นตอนที่สอง"]


LONG_TITLE = (
    "เตรียมความพร้อมในการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ "
    "ประจำปีงบประมาณ พ.ศ. 2565 โดยจัดอบรมบุคลากรทุกระดับและเผยแพร่ข้อมูลทางเว็บไซต์"
)


def test_a_long_title_shows_its_beginning(window, qtbot):
    window.resize(1366, 704)
    window.show_page("measures")
    page = window.pages["measures"]
    edit = page.editor.title_edit
    edit.setFocus()
    edit.selectAll()
    edit.insert(LONG_TITLE)  # typed to the end: the field shows the end
    assert edit.cursorPosition() == len(LONG_TITLE)
    page.view.setFocus()  # leaving the field
    assert page.selected_measure().title == LONG_TITLE
    assert edit.cursorPosition() == 0
    assert edit.cursorRect().left() < edit.fontMetrics().horizontalAdvance("เตรียม")
    page.select_row(1)
    page.select_row(0)  # shown again: from its beginning
    assert edit.text() == LONG_TITLE and edit.cursorPosition() == 0
