"""File → สำรองข้อมูล/กู้คืน: the list of backups (Thai date, size, reason), back up now,
restore after a Thai question (data back as it was, what it replaced kept), the number kept;
File → New on an existing file asks and keeps it; a copy taken while the window is open
holds every edit made through the pages."""

from __future__ import annotations

import shutil
import sqlite3
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from ita_desktop.services import assessments, backups
from ita_desktop.storage.repository import Repository
from ita_desktop.thai.dates import be_year
from ita_desktop_ui.windows.backups_dialog import BackupsDialog
from ita_desktop_ui.windows.recovery_dialog import thai_date
from tests.storage.old_files import digest


@pytest.fixture
def answer(monkeypatch: pytest.MonkeyPatch, message_boxes: list[str]) -> list[object]:
    """Answer every question with `answer[0]` (Yes unless changed); texts are recorded."""
    given: list[object] = [QMessageBox.StandardButton.Yes]

    def fake_exec(box: QMessageBox) -> int:
        message_boxes.append(box.text() + "\n" + box.informativeText())
        buttons = [b.text() for b in box.buttons()]
        if box.icon() == QMessageBox.Icon.Question:
            assert sorted(buttons) == sorted(["ใช่", "ไม่ใช่"]), buttons
        return int(given[0])  # type: ignore[call-overload]

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    return given


def _score(window, indicator: int) -> Decimal | None:
    a = window.workspace.assessment()
    assert a is not None
    return a.scores.get(indicator)


def _dialog(window, qtbot) -> BackupsDialog:
    dialog = BackupsDialog(window.files, window)
    qtbot.addWidget(dialog)
    return dialog


def test_the_dialog_lists_backs_up_and_restores(window, qtbot, answer, message_boxes) -> None:
    path = window.workspace.path
    dialog = _dialog(window, qtbot)
    assert dialog.table.rowCount() == 1  # the daily backup made when the window opened it
    assert dialog.table.item(0, 2).text() == "สำรองอัตโนมัติประจำวัน"
    assert (
        str(be_year(backups.list_backups(path)[0].created.year)) in dialog.table.item(0, 0).text()
    )
    assert dialog.table.item(0, 1).text().endswith("KB")
    assert "“sample.sqlite”" in dialog.header.text()

    made = dialog.backup_now()
    assert made is not None and dialog.table.rowCount() == 2
    assert dialog.table.item(0, 2).text() == "สำรองด้วยตนเอง"

    ws = window.workspace
    aid = ws.assessment_id
    ws.apply(assessments.set_score(ws.db, aid, 1, Decimal(50)))  # a change after the backup
    assert _score(window, 1) == Decimal(50)

    dialog.select(made)
    answer[0] = QMessageBox.StandardButton.No
    assert not dialog.restore_selected()
    assert _score(window, 1) == Decimal(50)
    question = message_boxes[-1]
    when = thai_date(backups.list_backups(path)[0].created)
    assert "“sample.sqlite”" in question and when in question and made.name in question

    answer[0] = QMessageBox.StandardButton.Yes
    dialog.select(made)
    assert dialog.restore_selected()
    assert ws.is_open and ws.path == path and window.history.count() == 0
    ws.select(ws.org_id, 2564)
    assert _score(window, 1) == Decimal("94.42")  # back as it was
    assert dialog.table.rowCount() == 3
    assert dialog.table.item(0, 2).text() == "ก่อนกู้คืนจากไฟล์สำรอง"
    kept = backups.list_backups(path)[0].path  # what the restore replaced: the score 50
    repo = Repository.open(kept)
    try:
        assert repo.assessment(1, 2564).scores[1] == Decimal(50)
    finally:
        repo.close()


def test_the_number_kept_is_a_setting(window, qtbot) -> None:
    from ita_desktop_ui.settings import UiSettings

    dialog = _dialog(window, qtbot)
    assert dialog.keep_spin.value() == 10
    try:
        dialog.keep_spin.setValue(2)
        assert backups.keep_count() == 2 and UiSettings().keep_backups == 2
        for _ in range(3):
            dialog.backup_now()
        assert dialog.table.rowCount() == 2
    finally:
        backups.set_keep_count(10)


def test_the_menu_opens_the_dialog(window, monkeypatch) -> None:
    seen: list[int] = []
    monkeypatch.setattr(BackupsDialog, "exec", lambda self: seen.append(self.table.rowCount()))
    assert window.backups_action.text().startswith("สำรองข้อมูล/กู้คืน")
    window.backups_action.trigger()
    assert seen == [1]


def test_new_on_an_existing_file_asks_and_keeps_it(window, answer, message_boxes, tmp_path):
    other = tmp_path / "ปีก่อน.itadb"
    assert window.files.create(other)
    window.selectors.add_organization("เทศบาลปีก่อน")
    assert window.files.open_now(window.workspace.path.with_name("sample.sqlite"))
    old = digest(other)

    answer[0] = QMessageBox.StandardButton.No
    assert not window.files.create(other)
    assert "“ปีก่อน.itadb”" in message_boxes[-1] and "ไม่ถูกลบ" in message_boxes[-1]
    assert "ปีก่อน.replaced-" in message_boxes[-1]
    assert digest(other) == old and window.workspace.path.name == "sample.sqlite"

    answer[0] = QMessageBox.StandardButton.Yes
    assert window.files.create(other)
    assert window.workspace.path == other and window.workspace.db.organizations() == []
    (kept,) = tmp_path.glob("ปีก่อน.replaced-*.itadb")
    assert digest(kept) == old  # kept whole under a dated name
    assert kept.name in window.statusBar().currentMessage()


def test_save_as_and_backup_refuse_the_open_file_in_thai(window, answer, message_boxes) -> None:
    path = window.workspace.path
    assert not window.files.create(path)
    assert not window.files.save_copy_and_switch(path)
    assert not window.files.backup_to(Path(f"{path}-journal"))
    assert all("เปิดใช้งานอยู่" in text for text in message_boxes[-3:])


def test_a_copy_taken_while_the_window_is_open_holds_every_edit(window, qtbot, tmp_path) -> None:
    window.show_page("scores")
    edit = window.pages["scores"].edits[4]
    edit.setFocus()
    edit.selectAll()
    edit.insert("88.88")
    edit.commit()
    window.show_page("organization")
    name = window.pages["organization"].name_edit
    name.setFocus()
    name.selectAll()
    name.insert("เทศบาลตำบลคัดลอก")
    name.commit()
    assert window.history.count() == 2
    copy = tmp_path / "usb" / "copy.sqlite"
    copy.parent.mkdir()
    shutil.copyfile(window.workspace.path, copy)  # the file alone, the window still open
    assert window.workspace.is_open
    conn = sqlite3.connect(f"file:{copy}?immutable=1", uri=True)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        names = [r[0] for r in conn.execute("SELECT name FROM organizations ORDER BY id")]
        value = conn.execute(
            "SELECT s.value FROM scores s JOIN assessments a ON a.id = s.assessment_id"
            " WHERE a.year = 2564 AND a.organization_id = 1 AND s.indicator = 4"
        ).fetchone()[0]
    finally:
        conn.close()
    assert names[0] == "เทศบาลตำบลคัดลอก" and value == "88.88"
