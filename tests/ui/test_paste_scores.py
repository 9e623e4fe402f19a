"""Pasting cells copied from a spreadsheet into a score field (issue #11): the indicators from
that field on are filled in one undo step, or nothing changes and the strip says why."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.ui.conftest import TRANG_2564

ROW = ["95.12", "93.40", "92.28", "90.76", "92.35", "91.41", "94.44", "90.55", "99.50", "98"]


def _paste(window, qtbot, edit, text: str) -> None:
    QApplication.clipboard().setText(text)
    edit.setFocus()
    qtbot.keyClick(edit, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)


def _page(window):
    window.show_page("scores")
    return window.pages["scores"]


def _stored(window) -> dict[int, Decimal | None]:
    return dict(window.workspace.assessment().scores)


def test_a_row_of_ten_fills_every_indicator_in_one_undo_step(window, qtbot):
    page = _page(window)
    _paste(window, qtbot, page.edits[1], "\t".join(ROW) + "\r\n")
    assert _stored(window) == {n: Decimal(v) for n, v in enumerate(ROW, start=1)}
    assert [page.edits[n].text() for n in range(1, 11)][:3] == ["95.12", "93.40", "92.28"]
    assert page.edits[10].text() == "98.00"
    assert page.overall_label.text() != "95.36"  # recomputed from the pasted scores
    said = page.messages.texts()
    assert any(t.startswith("วางคะแนน 10 ค่าแล้ว: ตัวชี้วัดที่ 1–10") for t in said)
    assert window.history.count() == 1
    assert window.history.undoText() == "วางคะแนนตัวชี้วัดที่ 1–10"
    window.history.undo()
    assert _stored(window) == {n: Decimal(v) for n, v in enumerate(TRANG_2564, start=1)}
    assert page.edits[1].text() == "94.42"


def test_a_column_fills_from_the_field_on(window, qtbot):
    page = _page(window)
    _paste(window, qtbot, page.edits[8], "88.10\n๘๙.๒๐\n90")
    stored = _stored(window)
    assert (stored[7], stored[8], stored[9], stored[10]) == (
        Decimal("94.44"),
        Decimal("88.10"),
        Decimal("89.20"),
        Decimal(90),
    )
    assert any("ตัวชี้วัดที่ 8–10" in t for t in page.messages.texts())


def test_one_bad_value_refuses_the_whole_paste(window, qtbot):
    page = _page(window)
    before = _stored(window)
    for text, reason in (
        ("95\t93.405\t90", "ค่าที่ 2 ที่วาง (ตัวชี้วัดที่ 2): 93.405 มีทศนิยมเกิน 2 ตำแหน่ง"),
        ("95\t101", "ค่าที่ 2 ที่วาง (ตัวชี้วัดที่ 2): 101 ไม่อยู่ระหว่าง 0 ถึง 100"),
        ("95\tN/A", "ไม่ใช่ตัวเลข"),
        ("\t".join(ROW + ["90"]), "วางคะแนนได้ไม่เกิน 10 ค่า"),
    ):
        _paste(window, qtbot, page.edits[1], text)
        assert any(reason in t for t in page.messages.texts()), page.messages.texts()
        assert _stored(window) == before
        assert window.history.count() == 0
        assert page.edits[1].text() == "94.42"  # the field keeps its value, nothing inserted
    _paste(window, qtbot, page.edits[9], "90\t91\t92")
    assert any("มีที่ให้วาง 2 ค่า แต่ที่คัดลอกมามี 3 ค่า" in t for t in page.messages.texts())
    assert _stored(window) == before


def test_one_value_is_pasted_as_if_typed(window, qtbot):
    page = _page(window)
    edit = page.edits[3]
    edit.setFocus()
    edit.selectAll()
    _paste(window, qtbot, edit, "88.5\r\n")  # one cell copied from Excel
    assert edit.text() == "88.5"
    edit.commit()
    assert _stored(window)[3] == Decimal("88.5")


def test_official_fields_take_one_value(window, qtbot):
    page = _page(window)
    _paste(window, qtbot, page.official_edits["IIT"], "92.39\t92.13")
    assert any("วางได้ครั้งละหนึ่งค่า" in t for t in page.messages.texts())
    assert window.workspace.assessment().official.iit is None


def test_paste_from_the_context_menu_fills_the_row_too(window, qtbot):
    page = _page(window)
    QApplication.clipboard().setText("81\t82\t83")
    menu = page.edits[4].context_menu()
    paste = next(a for a in menu.actions() if a.objectName() == "edit-paste")
    paste.trigger()
    stored = _stored(window)
    assert (stored[4], stored[5], stored[6]) == (Decimal(81), Decimal(82), Decimal(83))
    assert window.history.count() == 1
