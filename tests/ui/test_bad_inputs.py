"""The catalogue of bad inputs in the window's forms.

Each case types (or picks) a bad value the way a person would, then checks that the Thai reason
is shown (beside the field or in a message box), that what the user typed is escaped in it (no
raw control or bidi character, at most ~80 characters of it), and that the database file is
BYTE-IDENTICAL afterwards. The window's own forms are not changed here; what they accept
silently is recorded at the end of this file (`test_known_gaps_*`).
"""

from __future__ import annotations

import errno
import hashlib
import os
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QPushButton

from ita_desktop.errors import BIDI_CONTROLS, ValidationError
from ita_desktop.services import progress

ESC_TEXT = "\x1b[2J\u202e12"
SIDE = ("", "-wal", "-journal")


def db_state(path: Path) -> dict[str, str]:
    """The database file and its journal (if any) -> sha256 of their bytes."""
    return {
        suffix: hashlib.sha256(Path(f"{path}{suffix}").read_bytes()).hexdigest()
        for suffix in SIDE
        if Path(f"{path}{suffix}").exists()
    }


def is_unsafe(ch: str) -> bool:
    return ch != "\n" and (ch in BIDI_CONTROLS or unicodedata.category(ch) in ("Cc", "Zl", "Zp"))


@dataclass
class GuiCase:
    id: str
    act: Callable[[Any, Any, list[str], Path], str]  # (window, qtbot, boxes, tmp) -> text shown
    fragment: str
    shows: tuple[str, ...] = ()


def typed(page_key: str, field: Callable[[Any], Any], error: Callable[[Any], Any], text: str):
    """Type `text` into a field of a page (replacing what is there), then leave it."""

    def act(window: Any, _qtbot: Any, _boxes: list[str], _tmp: Path) -> str:
        window.show_page(page_key)
        page = window.pages[page_key]
        edit = field(page)
        edit.setFocus()
        edit.selectAll()
        edit.insert(text)
        edit.commit()
        label = error(page)
        assert label.isVisible(), "the reason is shown beside the field"
        return str(label.text())

    return act


def score(number: int, text: str):
    return typed("scores", lambda p: p.edits[number], lambda p: p.error_label, text)


def official(key: str, text: str):
    return typed("scores", lambda p: p.official_edits[key], lambda p: p.error_label, text)


def threshold(text: str):
    return typed("analysis", lambda p: p.threshold_edit, lambda p: p.threshold_error, text)


def target(text: str):
    return typed("rules", lambda p: p.target_edit, lambda p: p.target_error, text)


def org_name(text: str):
    return typed("organization", lambda p: p.name_edit, lambda p: p.error_label, text)


def weight(code: str, value: float):
    def act(window: Any, _qtbot: Any, _boxes: list[str], _tmp: Path) -> str:
        window.show_page("rules")
        page = window.pages["rules"]
        page.weight_spins[code].setValue(value)
        assert page.weights_error.isVisible()
        return str(page.weights_error.text())

    return act


def new_organization(name: str):
    def act(window: Any, _qtbot: Any, boxes: list[str], _tmp: Path) -> str:
        assert window.selectors.add_organization(name) is None
        return boxes[-1]

    return act


def new_year(year: int):
    def act(window: Any, _qtbot: Any, boxes: list[str], _tmp: Path) -> str:
        assert not window.selectors.add_year(year)
        return boxes[-1]

    return act


def export_into_a_file(window: Any, _qtbot: Any, boxes: list[str], _tmp: Path) -> str:
    window.show_page("export")
    page = window.pages["export"]
    page.folder_edit.setText(str(window.workspace.path))  # a file, not a folder
    assert page.start_export() is None
    return boxes[-1]


def export_failing(code: int):
    """The export runs (in the background) and the disk refuses its file."""

    def act(window: Any, qtbot: Any, boxes: list[str], tmp: Path) -> str:
        monkeypatch = pytest.MonkeyPatch()
        from ita_desktop.services import export as export_service

        def refuse(*_args: object, **_kwargs: object) -> None:
            raise OSError(code, os.strerror(code))

        monkeypatch.setattr(export_service, "_write_pdf", refuse)
        try:
            window.show_page("export")
            page = window.pages["export"]
            out = tmp / "out"
            page.folder_edit.setText(str(out))
            task = page.start_export()
            assert task is not None
            qtbot.waitUntil(lambda: task.done, timeout=20000)
        finally:
            monkeypatch.undo()
        assert not [p for p in out.iterdir() if p.name.endswith(".part")]
        assert "ส่งออกไม่สำเร็จ" in page.status_label.text()
        return boxes[-1]

    return act


def progress_round(months: int):
    """What the progress page calls with its round (it offers only the 6 and 12 buttons)."""

    def act(window: Any, _qtbot: Any, _boxes: list[str], _tmp: Path) -> str:
        window.show_page("progress")
        page = window.pages["progress"]
        assert sorted(b for b in (6, 12) if page.round_buttons.button(b)) == [6, 12]
        assert page.round_buttons.button(months) is None
        ws = window.workspace
        measure_id = ws.db.measures(ws.assessment_id)[0].id
        with pytest.raises(ValidationError) as info:
            progress.update_progress(ws.db, measure_id, months, status="เสร็จแล้ว")
        return info.value.thai

    return act


NOT_NUMBER = "ไม่ใช่ตัวเลข"
RANGE = "ต้องอยู่ระหว่าง 0 ถึง 100"
DECIMALS = "ทศนิยมได้ไม่เกิน 2 ตำแหน่ง"
NAME = "กรุณากรอกชื่อหน่วยงาน"

CASES = [
    GuiCase("score not a number", score(2, "abc"), NOT_NUMBER),
    GuiCase("score 150", score(2, "150"), RANGE),
    GuiCase("score -5", score(3, "-5"), RANGE),
    GuiCase("score 3 decimals", score(4, "92.555"), DECIMALS),
    GuiCase("score 1e2", score(5, "1e2"), NOT_NUMBER),
    GuiCase("score ESC and bidi", score(6, ESC_TEXT), NOT_NUMBER, ("\\x1b[2J\\u202e12",)),
    GuiCase("score 100,000 characters", score(7, "9" * 100_000), RANGE),
    GuiCase("score Thai words", score(8, "เก้าสิบ"), NOT_NUMBER),
    GuiCase("official IIT 101", official("IIT", "101"), RANGE),
    GuiCase("official overall not a number", official("overall", "AA"), NOT_NUMBER),
    GuiCase("official EIT 3 decimals", official("EIT", "50.555"), DECIMALS),
    GuiCase("official OIT ESC", official("OIT", "\x1b]0;x\x07"), NOT_NUMBER, ("\\x1b]0;x\\x07",)),
    GuiCase("threshold 101", threshold("101"), RANGE),
    GuiCase("threshold -5", threshold("-5"), RANGE),
    GuiCase("threshold not a number", threshold("ดี"), NOT_NUMBER),
    GuiCase("threshold 3 decimals", threshold("90.125"), DECIMALS),
    GuiCase("target 101", target("101"), RANGE),
    GuiCase("weights not summing to 1", weight("IIT", 0.9), "รวมกันต้องเท่ากับ 1"),
    GuiCase("organisation name empty", org_name(""), NAME),
    GuiCase("organisation name spaces and ESC", org_name(" \u200b\x1b\t "), NAME),
    GuiCase("new organisation empty name", new_organization(""), NAME),
    GuiCase("new organisation zero-width name", new_organization("\u200b\u200c \x1b"), NAME),
    GuiCase("new year that exists", new_year(2564), "มีการประเมินปีงบประมาณ 2564 อยู่แล้ว"),
    GuiCase("progress round 7", progress_round(7), "รอบการรายงานต้องเป็น 6 หรือ 12 เดือน"),
    GuiCase("export into a file as folder", export_into_a_file, "สร้างโฟลเดอร์สำหรับบันทึกเอกสารไม่ได้"),
    GuiCase("export disk full", export_failing(errno.ENOSPC), "พื้นที่ในดิสก์ไม่พอ"),
    GuiCase("export read-only folder", export_failing(errno.EROFS), "อ่านได้อย่างเดียว"),
]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_bad_input_in_a_form(
    case: GuiCase,
    window: Any,
    qtbot: Any,
    message_boxes: list[str],
    sample_db: Path,
    tmp_path: Path,
) -> None:
    before = db_state(sample_db)
    shown = case.act(window, qtbot, message_boxes, tmp_path)
    assert case.fragment in shown
    for part in case.shows:
        assert part in shown
    assert not any(is_unsafe(ch) for ch in shown), repr(shown)
    assert len(shown) < 1000
    assert db_state(sample_db) == before  # nothing written


def test_the_gui_catalogue_has_its_cases() -> None:
    assert len(CASES) >= 25 and len({c.id for c in CASES}) == len(CASES)


def test_a_year_outside_the_rules_cannot_be_typed(
    window: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ita_desktop_ui.widgets.year_dialog import YearDialog

    asked: list[tuple[int, int]] = []

    def cancelled(dialog: YearDialog) -> int:
        asked.append((dialog.spin.minimum(), dialog.spin.maximum()))
        return 0

    monkeypatch.setattr(YearDialog, "exec", cancelled)
    years = list(window.workspace.db.years(window.workspace.org_id))
    window.selectors.ask_new_year()
    assert asked == [(2562, 2600)]
    assert list(window.workspace.db.years(window.workspace.org_id)) == years


# what the forms accept or drop without a word (reported; ui/ is not changed here) ------------
def test_an_emptied_measure_title_comes_back_saying_why(
    window: Any, sample_db: Path, message_boxes: list[str]
) -> None:
    from PySide6.QtWidgets import QLabel

    window.show_page("measures")
    page = window.pages["measures"]
    before = db_state(sample_db)
    page.editor.title_edit.setFocus()
    page.editor.title_edit.selectAll()
    page.editor.title_edit.insert("\u200b \x1b")
    page.editor.title_edit.commit()
    assert db_state(sample_db) == before  # holds: nothing is written
    reasons = [x.text() for x in page.findChildren(QLabel) if x.isVisible() and "กรุณา" in x.text()]
    assert reasons or message_boxes
    assert page.editor.title_edit.value() == page.selected_measure().title


def test_a_bidi_override_in_an_organisation_name_is_dropped(window: Any) -> None:
    window.show_page("organization")
    page = window.pages["organization"]
    page.name_edit.setFocus()
    page.name_edit.selectAll()
    page.name_edit.insert("\u202eเทศบาล")
    page.name_edit.commit()
    assert "\u202e" not in window.workspace.organization().name


def test_a_very_long_organisation_name_is_refused(window: Any, message_boxes: list[str]) -> None:
    window.show_page("organization")
    page = window.pages["organization"]
    page.name_edit.setFocus()
    page.name_edit.selectAll()
    page.name_edit.insert("ก" * 100_000)
    page.name_edit.commit()
    assert len(window.workspace.organization().name) <= 300
    assert any("ชื่อหน่วยงานยาวเกินไป" in text for text in message_boxes)


# a message appearing moves nothing the clerk may click next ---------------------------------
def _top_left(widget: Any, window: Any) -> tuple[int, int]:
    from PySide6.QtCore import QPoint

    point = widget.mapTo(window, QPoint(0, 0))
    return point.x(), point.y()


@pytest.mark.parametrize(
    ("page_key", "field", "error", "below", "text"),
    [
        ("organization", "name_edit", "error_label", "units_view", ""),
        ("rules", "name_edit", "name_error", "description_edit", ""),
        ("rules", "target_edit", "target_error", "grades_view", "abc"),
    ],
)
def test_no_layout_shift_when_a_message_appears(
    window: Any,
    window_size: Any,
    qtbot: Any,
    page_key: str,
    field: str,
    error: str,
    below: str,
    text: str,
) -> None:
    window_size()
    window.show_page(page_key)
    qtbot.wait(200)  # word-wrapped labels settle their heights
    page = window.pages[page_key]
    before = _top_left(getattr(page, below), window)
    edit = getattr(page, field)
    edit.setFocus()
    edit.selectAll()
    edit.insert(text)
    edit.commit()
    qtbot.wait(20)
    assert getattr(page, error).isVisible() and getattr(page, error).text()
    assert _top_left(getattr(page, below), window) == before


def test_a_refused_grade_does_not_move_the_grade_buttons(
    window: Any, window_size: Any, qtbot: Any
) -> None:
    window_size()
    window.show_page("rules")
    qtbot.wait(200)  # word-wrapped labels settle their heights
    page = window.pages["rules"]
    view = page.grades_view
    buttons = [b for b in page.findChildren(QPushButton) if b.text() == "ลบระดับ (&R)"]
    before = _top_left(buttons[0], window)
    assert not page.grades_model.setData(page.grades_model.index(1, 0), "AA")  # a duplicate
    assert page.grades_error.isVisible() and "มีระดับ “AA” อยู่แล้ว" in page.grades_error.text()
    assert _top_left(buttons[0], window) == before and view.isVisible()
