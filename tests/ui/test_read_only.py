"""A file on a read-only disk, folder or share: the window opens it read-only with a banner
and Save As at hand; an edit shows the Thai reason once and the file stays byte-identical;
exports work; Save As gives a copy that can be edited."""

from __future__ import annotations

from pathlib import Path

import pytest

from ita_desktop_ui import labels
from ita_desktop_ui.app import create_window
from ita_desktop_ui.widgets.banner import READ_ONLY
from tests.storage.old_files import digest
from tests.storage.test_open_with_care import read_only


@pytest.fixture
def locked(sample_db: Path, monkeypatch: pytest.MonkeyPatch):
    """The sample made unwritable (chattr +i as root, chmod otherwise) while the test runs."""
    with read_only([sample_db], monkeypatch) as how:
        yield sample_db, how


def _type_score(window, number: int, text: str) -> None:
    window.show_page("scores")
    edit = window.pages["scores"].edits[number]
    edit.setFocus()
    edit.selectAll()
    edit.insert(text)
    edit.commit()


def test_read_only_file_opens_with_a_banner_and_refuses_edits_once(
    qtbot, locked, message_boxes, tmp_path
) -> None:
    path, _how = locked
    before = digest(path)
    window = create_window(path)
    qtbot.addWidget(window)
    window.workspace.select(window.workspace.org_id, 2564)
    window.show()
    ws = window.workspace
    assert ws.is_open and ws.read_only
    assert window.banner.isVisible() and window.banner.kind == READ_ONLY
    assert window.banner.label.text().startswith("เปิดแบบอ่านอย่างเดียว")
    assert window.banner.save_as_button.isVisible() and not window.banner.new_button.isVisible()
    assert "อ่านอย่างเดียว" in window.windowTitle()
    assert not window.delete_year_action.isEnabled()
    assert not any(a.isEnabled() for a in window.add_actions)
    assert not window.selectors.add_org_button.isEnabled()
    assert not window.selectors.add_year_button.isEnabled()

    _type_score(window, 1, "50")
    assert message_boxes == [labels.READ_ONLY_EDIT]
    edit = window.pages["scores"].edits[1]
    qtbot.waitUntil(lambda: edit.text() == "94.42")  # the stored value shows again
    _type_score(window, 2, "51")  # said once: now in the status bar only
    assert message_boxes == [labels.READ_ONLY_EDIT]
    assert window.statusBar().currentMessage() == labels.READ_ONLY_STATUS
    window.show_page("organization")
    org_page = window.pages["organization"]
    org_page.name_edit.setFocus()
    org_page.name_edit.selectAll()
    org_page.name_edit.insert("ชื่อใหม่")
    org_page.name_edit.commit()
    qtbot.waitUntil(lambda: org_page.name_edit.text() == "เทศบาลตำบลทดสอบ")
    assert window.history.count() == 0
    assert len(message_boxes) == 1
    window.commit_edits()
    assert digest(path) == before

    # exports still work
    window.show_page("export")
    page = window.pages["export"]
    page.folder_edit.setText(str(tmp_path / "out"))
    page.format_group.button(1).setChecked(True)  # Excel
    task = page.start_export()
    assert task is not None
    qtbot.waitUntil(lambda: task.done, timeout=60000)
    assert task.error is None, task.error
    assert Path(task.result).stat().st_size > 0
    window.close()
    assert digest(path) == before


def test_save_as_from_the_banner_gives_a_copy_to_edit(
    qtbot, locked, message_boxes, monkeypatch, tmp_path
) -> None:
    from PySide6.QtWidgets import QFileDialog

    path, _how = locked
    before = digest(path)
    copy = tmp_path / "แก้ไขได้.itadb"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(copy), ""))
    window = create_window(path)
    qtbot.addWidget(window)
    window.show()
    window.banner.save_as_button.click()
    ws = window.workspace
    assert ws.path == copy and not ws.read_only
    assert not window.banner.isVisible()
    assert window.selectors.add_org_button.isEnabled()
    assert window.selectors.add_year_button.isEnabled()
    ws.select(ws.org_id, 2564)
    _type_score(window, 1, "50")
    assert message_boxes == [] and window.history.count() == 1
    a = ws.assessment()
    assert a is not None and str(a.scores[1]) == "50"
    assert digest(path) == before
