"""A file that cannot be opened never keeps the window from starting: a damaged one offers its
latest good backup, a salvage into a new file, or nothing; another program's, a newer or an
empty file is named with its Thai reason and left byte-identical; a remembered file that
failed is not reopened by itself at the next start."""

from __future__ import annotations

from pathlib import Path

import pytest

from ita_desktop.domain.models import Organization
from ita_desktop.errors import DamagedDatabaseError
from ita_desktop.services import backups, files, organizations
from ita_desktop.storage.inspection import inspect_file
from ita_desktop_ui.app import create_window
from ita_desktop_ui.settings import UiSettings
from ita_desktop_ui.widgets.banner import NONE
from ita_desktop_ui.windows.recovery_dialog import RecoveryDialog
from tests.services.test_salvage import _damage_page, _ids_on_leaf, _leaf_pages
from tests.storage.old_files import digest, folder_state, foreign_file, stamp

EXTRA = 40  # organisations added to the sample so their table spans several pages


def _bigger(path: Path) -> Path:
    db = files.open_database(path, daily_backup=False)
    try:
        for i in range(EXTRA):
            organizations.add_organization(db, Organization(f"หน่วยงานเพิ่ม {i} " + "ข" * 200))
    finally:
        db.close()
    return path


def _damage(path: Path) -> list[int]:
    """Damage a leaf page of the organisations table (not the sample's own two); returns
    the ids it held."""
    leaves = _leaf_pages(path, "organizations")
    page = leaves[len(leaves) // 2]
    lost = _ids_on_leaf(path, "organizations", page)
    assert 1 not in lost and 2 not in lost
    _damage_page(path, page)
    with pytest.raises(DamagedDatabaseError):
        inspect_file(path)
    return lost


@pytest.fixture
def damaged(sample_db: Path) -> tuple[Path, list[int]]:
    """The sample, bigger, backed up once (the daily backup), then damaged."""
    _bigger(sample_db)
    files.open_database(sample_db).close()  # the first open of the day backs it up
    assert [b.reason for b in backups.list_backups(sample_db)] == ["daily"]
    return sample_db, _damage(sample_db)


class Chooser:
    """What the patched recovery dialog picks, and the choices it offered each time."""

    def __init__(self) -> None:
        self.pick = RecoveryDialog.CANCEL
        self.offered: list[list[str]] = []


@pytest.fixture
def choose(monkeypatch: pytest.MonkeyPatch) -> Chooser:
    chooser = Chooser()

    def fake_exec(dialog: RecoveryDialog) -> int:
        chooser.offered.append(list(dialog.choices))
        dialog.choices[chooser.pick].click()
        return 0

    monkeypatch.setattr(RecoveryDialog, "exec", fake_exec)
    return chooser


def _state(path: Path) -> dict[str, str]:
    """The file, its side files and its backups, with their digests."""
    mine = (path.name, f"{path.stem}.backup-")
    return {k: v for k, v in folder_state(path.parent).items() if Path(k).name.startswith(mine)}


def _window(qtbot, path: Path | None):
    window = create_window(path)
    qtbot.addWidget(window)
    return window


def test_damaged_file_at_start_opens_the_latest_good_backup(
    qtbot, damaged, choose, message_boxes
) -> None:
    path, _lost = damaged
    damaged_bytes = digest(path)
    choose.pick = RecoveryDialog.BACKUP
    window = _window(qtbot, path)
    assert choose.offered == [["backup", "salvage", "cancel"]]
    ws = window.workspace
    assert ws.is_open and ws.path == path and not ws.read_only
    assert len(ws.db.organizations()) == 2 + EXTRA  # all of it, as backed up
    assert any("นำข้อมูลจากไฟล์สำรอง" in text for text in message_boxes)
    kept = [b for b in backups.list_backups(path) if b.reason == "damaged"]
    assert len(kept) == 1 and digest(kept[0].path) == damaged_bytes  # kept byte for byte
    window.show()
    assert not window.banner.isVisible()
    assert UiSettings().failed_reason(path) is None


def test_damaged_file_at_start_saves_what_can_be_read_into_a_new_file(
    qtbot, damaged, choose, message_boxes, monkeypatch, tmp_path
) -> None:
    from PySide6.QtWidgets import QFileDialog

    path, lost = damaged
    before = _state(path)
    target = tmp_path / "กู้ข้อมูล.itadb"
    asked: list[str] = []

    def save_name(_parent, _title, suggestion, *_a, **_k):
        asked.append(suggestion)
        return str(target), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_name)
    choose.pick = RecoveryDialog.SALVAGE
    window = _window(qtbot, path)
    assert asked and Path(asked[0]).name == "sample-กู้ข้อมูล.sqlite"
    ws = window.workspace
    assert ws.is_open and ws.path == target
    names = [o.name for o in ws.db.organizations()]
    assert len(names) == 2 + EXTRA - len(lost) and names[0] == "เทศบาลตำบลทดสอบ"
    assert ws.db.years(1) == [2564, 2565]  # the first organisation's years came too
    report = next(text for text in message_boxes if "กู้ได้" in text)
    assert f"อ่านไม่ได้หรือใช้ไม่ได้ {len(lost)} รายการ" in report
    assert _state(path) == before  # the damaged file and its folder untouched


def test_damaged_file_cancelled_the_window_starts_empty_and_says_why(
    qtbot, damaged, choose
) -> None:
    path, _ = damaged
    before = _state(path)
    window = _window(qtbot, path)
    window.show()
    assert not window.workspace.is_open
    assert window.banner.isVisible() and window.banner.kind == NONE
    text = window.banner.label.text()
    assert "ยังไม่ได้เปิดฐานข้อมูล" in text and "sample.sqlite" in text and "ไฟล์เสียหาย" in text
    assert window.banner.new_button.isVisible() and window.banner.open_button.isVisible()
    assert _state(path) == before


def test_a_damaged_file_without_backups_offers_salvage_and_cancel(qtbot, sample_db, choose) -> None:
    _bigger(sample_db)
    _damage(sample_db)
    _window(qtbot, sample_db)
    assert choose.offered == [["salvage", "cancel"]]


def _foreign(path: Path) -> Path:
    path.unlink()
    return foreign_file(path)


def _newer(path: Path) -> Path:
    stamp(path, user_version=99)
    return path


def _empty(path: Path) -> Path:
    path.write_bytes(b"")
    return path


@pytest.mark.parametrize(
    ("make", "said", "why"),
    [
        (_foreign, "โปรแกรมอื่น", "เป็นฐานข้อมูลของโปรแกรมอื่น"),
        (_newer, "รุ่นที่ใหม่กว่า", "บันทึกด้วยโปรแกรมรุ่นที่ใหม่กว่า"),
        (_empty, "0 ไบต์", "ไฟล์ว่างเปล่า 0 ไบต์"),
    ],
    ids=["foreign", "newer", "empty"],
)
def test_a_file_that_is_not_ours_to_open_is_named_and_left_as_it_is(
    qtbot, sample_db, message_boxes, monkeypatch, make, said, why
) -> None:
    monkeypatch.setattr(RecoveryDialog, "exec", lambda _self: pytest.fail("no recovery offered"))
    path = make(sample_db)
    before = _state(path)
    window = _window(qtbot, path)
    window.show()
    assert not window.workspace.is_open
    (text,) = message_boxes
    assert "“sample.sqlite”" in text and said in text
    assert why in window.banner.label.text()
    assert _state(path) == before  # byte-identical, no backup, no side file


def test_a_remembered_file_that_fails_does_not_block_the_next_start(
    qtbot, damaged, choose, tmp_path
) -> None:
    path, _ = damaged
    good = tmp_path / "good.sqlite"
    files.new_database(good).close()
    settings = UiSettings()
    settings.add_recent(good)
    settings.add_recent(path)  # the last file used: reopened at start
    first = _window(qtbot, None)
    assert not first.workspace.is_open and len(choose.offered) == 1
    first.close()
    again = _window(qtbot, None)  # a plain start: no dialog, the other file opens
    assert len(choose.offered) == 1
    assert again.workspace.path == good
    # the failed file stays in the recent list, marked, and can be taken off it
    again.files.recent_menu.aboutToShow.emit()
    texts = [a.text() for a in again.files.recent_menu.actions()]
    marked = [t for t in texts if "sample.sqlite" in t]
    assert len(marked) == 1 and "เปิดไม่ได้ครั้งล่าสุด" in marked[0] and "ไฟล์เสียหาย" in marked[0]
    remove = next(a for a in again.files.recent_menu.actions() if "นำไฟล์" in a.text())
    remove.trigger()
    assert [p.name for p in UiSettings().recent_files] == ["good.sqlite"]
    assert path.exists()  # taken off the list only


def test_opening_it_again_from_the_list_offers_recovery_again(
    qtbot, damaged, choose, window_on_good
) -> None:
    path, _ = damaged
    window = window_on_good
    task = window.files.open_in_background(path)
    qtbot.waitUntil(lambda: task.done, timeout=10000)
    assert len(choose.offered) == 1
    assert window.workspace.path.name == "good.sqlite"  # cancelled: the open file stays open
    assert UiSettings().failed_reason(path) == "ไฟล์เสียหาย"


def test_a_start_that_stopped_while_opening_a_file_skips_it_next_time(qtbot, tmp_path) -> None:
    first, second = tmp_path / "first.sqlite", tmp_path / "second.sqlite"
    for p in (first, second):
        files.new_database(p).close()
    settings = UiSettings()
    settings.add_recent(first)
    settings.add_recent(second)
    settings.begin_open(second)  # as if the program had been killed while opening it
    settings.sync()
    window = _window(qtbot, None)
    assert window.workspace.path == first
    assert UiSettings().failed_reason(second) == "โปรแกรมหยุดทำงานระหว่างเปิดไฟล์นี้"
    assert UiSettings().unfinished_open() is None


@pytest.fixture
def window_on_good(qtbot, tmp_path):
    good = tmp_path / "good.sqlite"
    files.new_database(good).close()
    return _window(qtbot, good)
