"""ผลการประเมิน: live results while typing, saving, refusing bad input, undo."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt

from ita_desktop.storage.repository import Repository


def _page(window):
    window.show_page("scores")
    return window.pages["scores"]


def test_page_shows_the_stored_scores_and_results(window):
    page = _page(window)
    assert page.edits[1].text() == "94.42"
    assert page.tool_labels["IIT"].text() == "92.39"
    assert page.tool_labels["EIT"].text() == "92.13"
    assert page.tool_labels["OIT"].text() == "100.00"
    assert page.overall_label.text() == "95.36"
    assert page.level_label.text() == "AA"
    assert page.badges["overall"].text() == "ตรงกับผลที่ประกาศ"


def test_typing_updates_results_and_is_saved(window, qtbot, sample_db):
    page = _page(window)
    edit = page.edits[4]
    edit.setFocus()
    edit.selectAll()
    edit.insert("๘๐.๗๖")  # Thai digits are accepted (QTest can only type ASCII keys)
    # computed at once, before anything is saved: IIT (94.42+92.12+92.28+80.76+92.35)/5
    assert page.tool_labels["IIT"].text() == "90.39"
    assert page.overall_label.text() == "94.76"
    assert page.level_label.text() == "A"
    assert "ไม่ตรงกับผลที่ประกาศ" in page.badges["overall"].text()
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    window.close()
    repo = Repository.open(sample_db)
    try:
        org_id = repo.organizations()[0].id
        assert repo.assessment(org_id, 2564).scores[4] == Decimal("80.76")
    finally:
        repo.close()


def test_a_pause_in_typing_saves_without_leaving_the_field(window, qtbot):
    page = _page(window)
    edit = page.edits[7]
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClicks(edit, "88")
    ws = window.workspace
    qtbot.waitUntil(lambda: ws.assessment().scores[7] == Decimal(88), timeout=3000)
    assert edit.hasFocus()


def test_invalid_score_is_refused_with_a_message_and_nothing_saved(window, qtbot):
    page = _page(window)
    edit = page.edits[2]
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClicks(edit, "150")
    qtbot.keyClick(edit, Qt.Key.Key_Tab)
    assert any("ต้องอยู่ระหว่าง 0 ถึง 100" in t for t in page.messages.texts())
    assert edit.text() == "150"  # what was typed stays, to be corrected
    assert window.workspace.assessment().scores[2] == Decimal("92.12")
    for text in ("abc", "92.123"):
        edit.setFocus()
        edit.selectAll()
        qtbot.keyClicks(edit, text)
        edit.commit()
        assert edit.error in page.messages.texts()
        assert window.workspace.assessment().scores[2] == Decimal("92.12")
    assert any("ทศนิยมได้ไม่เกิน 2 ตำแหน่ง" in t for t in page.messages.texts())
    edit.selectAll()
    qtbot.keyClicks(edit, "93")
    edit.commit()
    assert not edit.error and edit.error not in page.messages.texts()
    assert window.workspace.assessment().scores[2] == Decimal(93)


def test_undo_and_redo_a_score(window, qtbot):
    page = _page(window)
    edit = page.edits[1]
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClicks(edit, "9")
    qtbot.keyClicks(edit, "0")  # one edit session: one undo step
    edit.commit()
    ws = window.workspace
    assert ws.assessment().scores[1] == Decimal(90)
    assert window.history.count() == 1
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert ws.assessment().scores[1] == Decimal("94.42")
    assert edit.text() == "94.42"
    assert page.overall_label.text() == "95.36"
    qtbot.keyClick(window, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert ws.assessment().scores[1] == Decimal(90)
    assert edit.text() == "90.00"


def test_clearing_a_score_removes_it(window, qtbot):
    page = _page(window)
    edit = page.edits[10]
    edit.setFocus()
    edit.clear()
    qtbot.keyClick(edit, Qt.Key.Key_Backspace)
    edit.commit()
    assert window.workspace.assessment().scores.get(10) is None
    assert page.overall_label.text() == "–"


def test_official_figures_are_saved_and_compared(window, qtbot):
    page = _page(window)
    edit = page.official_edits["IIT"]
    edit.setFocus()
    qtbot.keyClicks(edit, "92.50")
    edit.commit()
    assert window.workspace.assessment().official.iit == Decimal("92.50")
    assert "ไม่ตรงกับผลที่ประกาศ" in page.badges["IIT"].text()
    assert "92.39" in page.badges["IIT"].text()


def test_ctrl_z_in_a_saved_field_undoes_the_saved_edit(window, qtbot):
    page = _page(window)
    edit = page.edits[1]
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClicks(edit, "90")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    ws = window.workspace
    assert ws.assessment().scores[1] == Decimal(90)
    qtbot.keyClick(edit, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert ws.assessment().scores[1] == Decimal("94.42")
    assert edit.text() == "94.42" and window.history.index() == 0
    qtbot.keyClick(edit, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert ws.assessment().scores[1] == Decimal(90)
    # while typing, Ctrl+Z undoes the typing in the field, not a saved edit
    qtbot.keyClicks(edit, "1")
    qtbot.keyClick(edit, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert ws.assessment().scores[1] == Decimal(90) and window.history.index() == 1


def test_correcting_a_bad_entry_counts_again_at_once(window, qtbot):
    page = _page(window)
    edit = page.edits[4]
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClicks(edit, "150")
    assert page.overall_label.text() == "–"  # a bad entry counts as missing
    qtbot.keyClick(edit, Qt.Key.Key_Backspace)
    qtbot.keyClick(edit, Qt.Key.Key_Backspace)
    qtbot.keyClicks(edit, "0.76")  # "10.76"
    assert not any(m.kind == "error" for m in page.messages.messages)
    assert page.tool_labels["IIT"].text() == "76.39"
    assert window.workspace.assessment().scores[4] == Decimal("90.76")  # not yet saved


def _geometries(page) -> dict[int, tuple[int, int, int, int]]:
    """Where every visible widget of the page is, in page coordinates."""
    from PySide6.QtWidgets import QWidget

    found = {}
    for w in page.findChildren(QWidget):
        if w.isVisibleTo(page):
            top_left = w.mapTo(page, w.rect().topLeft())
            found[id(w)] = (top_left.x(), top_left.y(), w.width(), w.height())
    return found


def test_nothing_moves_while_typing_an_invalid_value(window, qtbot):
    """Errors and notes go to a strip of fixed height: no field moves under the mouse."""
    window.resize(1366, 704)
    page = _page(window)
    qtbot.wait(10)
    before = _geometries(page)
    edit = page.edits[2]
    edit.setFocus()
    edit.selectAll()
    for text in ("1", "15", "150", "150.", "150.123"):  # each step: an error or a new one
        edit.selectAll()
        qtbot.keyClicks(edit, text)
        assert _geometries(page) == before, f"something moved at {text!r}"
    assert any("ต้องอยู่ระหว่าง 0 ถึง 100" in t for t in page.messages.texts())
    page.edits[5].setFocus()  # the bad value stays, and a second field goes bad too
    page.edits[5].selectAll()
    qtbot.keyClicks(page.edits[5], "abc")
    assert _geometries(page) == before
    for bad in (edit, page.edits[5]):
        bad.setFocus()
        bad.selectAll()
        qtbot.keyClicks(bad, "90")
        bad.commit()
    assert not any(m.kind == "error" for m in page.messages.messages)
    assert _geometries(page) == before
