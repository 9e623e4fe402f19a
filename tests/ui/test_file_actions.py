"""File menu: new empty database, Save As, backup, recent files, opening in the background."""

from __future__ import annotations

from ita_desktop.storage.repository import Repository
from ita_desktop_ui.settings import UiSettings


def test_new_database_is_empty_and_lets_you_add_an_organisation(window, tmp_path):
    path = tmp_path / "ใหม่.sqlite"
    assert window.files.create(path)
    ws = window.workspace
    assert ws.path == path and ws.db.organizations() == []
    window.show_page("scores")
    assert "ยังไม่มีหน่วยงาน" in window.pages["scores"].hint.text()
    org_id = window.selectors.add_organization("  เทศบาลตำบล\u200bใหม่ ")
    assert ws.org_id == org_id and ws.organization().name == "เทศบาลตำบลใหม่"
    assert ws.year is None and ws.db.years(org_id) == []  # no year starts by itself
    assert window.selectors.add_year(2567)
    assert window.selectors.add_year(2568)
    assert ws.db.years(org_id) == [2567, 2568] and ws.year == 2568
    assert window.selectors.year_combo.currentData() == 2568
    assert UiSettings().recent_files[0] == path.resolve()


def test_adding_an_existing_year_is_refused_in_thai(window, message_boxes):
    assert not window.selectors.add_year(2564)
    assert "มีการประเมินปีงบประมาณ 2564 อยู่แล้ว" in message_boxes[-1]


def test_save_as_switches_to_the_copy_and_backup_does_not(window, tmp_path, sample_db):
    copy = tmp_path / "copy.sqlite"
    assert window.files.save_copy_and_switch(copy)
    assert window.workspace.path == copy
    backup = tmp_path / "backup.sqlite"
    assert window.files.backup_to(backup)
    assert window.workspace.path == copy
    repo = Repository.open(backup)
    try:
        assert repo.organizations()[0].name == "เทศบาลตำบลทดสอบ"
    finally:
        repo.close()


def test_open_runs_in_the_background_and_switches(window, qtbot, tmp_path):
    other = tmp_path / "other.sqlite"
    repo = Repository.open(other)
    repo.close()
    task = window.files.open_in_background(other)
    qtbot.waitUntil(lambda: task.done, timeout=10000)
    assert window.workspace.path == other
    assert window.history.count() == 0


def test_opening_a_missing_file_says_so(window, qtbot, tmp_path, message_boxes):
    task = window.files.open_in_background(tmp_path / "nothing.sqlite")
    qtbot.waitUntil(lambda: task.done, timeout=10000)
    assert "ไม่พบไฟล์ฐานข้อมูล" in message_boxes[-1]
    assert window.workspace.path.name == "sample.sqlite"


def test_recent_menu_lists_opened_files(window, tmp_path):
    other = tmp_path / "second.sqlite"
    window.files.create(other)
    window.files.recent_menu.aboutToShow.emit()
    texts = [a.text() for a in window.files.recent_menu.actions()]
    assert texts[0].startswith("&1 second.sqlite") and texts[1].startswith("&2 sample.sqlite")


def test_the_open_file_is_never_overwritten(window, sample_db, message_boxes):
    assert not window.files.create(sample_db)
    assert not window.files.save_copy_and_switch(sample_db)
    assert not window.files.backup_to(sample_db)
    assert all("เปิดใช้งานอยู่" in text for text in message_boxes[-3:])
    assert window.workspace.db.organizations()[0].name == "เทศบาลตำบลทดสอบ"
