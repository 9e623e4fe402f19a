"""Start-up: the first start opens the demo, --screenshots writes every page, geometry is kept."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QRect, QSize
from PySide6.QtGui import QImage

from ita_desktop.demo.builder import SEEDS
from ita_desktop.paths import demo_db_path
from ita_desktop_ui.app import create_window, run_app
from ita_desktop_ui.labels import PAGES
from ita_desktop_ui.settings import UiSettings
from ita_desktop_ui.windows.screen_fit import DEFAULT_SIZE, default_rect, is_small, screen_key

ROOT = Path(__file__).resolve().parents[2]
needs_seeds = pytest.mark.skipif(not SEEDS.exists(), reason="demo seeds not there yet")


def test_screenshots_write_one_png_per_page(qtbot, sample_db, tmp_path, monkeypatch):
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # run_app installs its own
    out = tmp_path / "shots"
    assert run_app(db=sample_db, screenshots=out) == 0
    files = sorted(p.name for p in out.iterdir())
    assert files == sorted(f"{key}.png" for key in PAGES)
    for name in files:
        image = QImage(str(out / name))
        assert (image.width(), image.height()) == (1366, 704)  # what a laptop shows
    assert not list(out.glob(".*.part"))


@needs_seeds
def test_first_start_builds_and_opens_the_demo_with_its_banner(qtbot):
    assert not demo_db_path().exists()
    window = create_window(None)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.workspace.is_open, timeout=30000)
    assert window.workspace.path == demo_db_path()
    assert window.workspace.is_demo
    window.show()
    assert window.banner.isVisible()
    assert "ข้อมูลตัวอย่าง" in window.banner.label.text()
    assert len(window.workspace.db.organizations()) >= 4
    assert "ข้อมูลตัวอย่าง" in window.windowTitle()


def test_an_ordinary_file_shows_no_banner(window):
    assert not window.workspace.is_demo
    assert not window.banner.isVisible()


def test_geometry_and_page_are_remembered_per_screen(qtbot, sample_db):
    window = create_window(sample_db)
    qtbot.addWidget(window)
    window.show()
    window.showNormal()
    window.setGeometry(10, 30, 780, 500)
    window.show_page("measures")
    saved = window.saveGeometry()
    screen = screen_key(window.screen())
    window.close()
    assert UiSettings().geometry(screen) == saved
    assert UiSettings().geometry("another-screen 1920x1040") is None
    again = create_window(sample_db)
    qtbot.addWidget(again)
    assert again.tabs.currentIndex() == list(PAGES).index("measures")
    assert again.geometry().size() == QSize(780, 500) and not again.isMaximized()
    assert UiSettings().recent_files[0] == sample_db.resolve()


def test_the_window_opens_inside_the_screens_free_area(qtbot, sample_db):
    """The offscreen test screen (800×600) is small: the window opens maximised in it."""
    window = create_window(sample_db)
    qtbot.addWidget(window)
    area = window.screen().availableGeometry()
    assert window.isMaximized()
    assert area.contains(window.geometry())


@pytest.mark.parametrize(
    ("area", "maximised"),
    [
        (QRect(0, 0, 1366, 704), True),  # a 1366×768 laptop less its taskbar
        (QRect(0, 0, 1280, 656), True),
        (QRect(0, 0, 1920, 1040), False),
        (QRect(1920, 0, 2560, 1400), False),  # a second screen to the right
    ],
)
def test_default_place_fits_the_free_area(area: QRect, maximised: bool):
    rect = default_rect(area)
    assert is_small(area) == maximised
    assert area.contains(rect)
    if not maximised:
        assert rect.size() == DEFAULT_SIZE and rect.center() == area.center()


def test_a_saved_geometry_larger_than_the_screen_is_not_used(qtbot, sample_db):
    UiSettings().sync()
    window = create_window(sample_db)
    qtbot.addWidget(window)
    key = screen_key(window.screen())
    window.showNormal()
    window.setGeometry(0, 0, 1280, 820)  # bigger than the 800×600 test screen
    window.close()
    assert UiSettings().geometry(key) is not None
    again = create_window(sample_db)
    qtbot.addWidget(again)
    assert again.screen().availableGeometry().contains(again.geometry())


def test_without_db_the_last_file_is_reopened(qtbot, sample_db):
    UiSettings().add_recent(sample_db)
    window = create_window(None)
    qtbot.addWidget(window)
    assert window.workspace.path == sample_db


def test_broken_file_gives_a_thai_message_and_an_empty_window(qtbot, tmp_path, message_boxes):
    broken = tmp_path / "broken.sqlite"
    broken.write_bytes(b"this is not a database" * 100)
    window = create_window(broken)
    qtbot.addWidget(window)
    assert not window.workspace.is_open
    assert any("เสียหาย" in text for text in message_boxes)
    window.show()
    page = window.pages["scores"]
    window.show_page("scores")
    assert "ยังไม่ได้เปิดฐานข้อมูล" in page.hint.text()
    assert window.banner.isVisible() and window.banner.new_button.isVisible()
    assert "ยังไม่ได้เปิดฐานข้อมูล" in window.banner.label.text()


def _run_gui(args: list[str], env_extra: dict[str, str], tmp_path: Path):
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        ITA_DESKTOP_DATA_DIR=str(tmp_path / "d"),
        **env_extra,
    )
    return subprocess.run(
        [sys.executable, "-m", "ita_desktop", "gui", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_cli_screenshots_and_quit_after_first_paint(sample_db, tmp_path):
    done = _run_gui(["--db", str(sample_db), "--screenshots", str(tmp_path / "s")], {}, tmp_path)
    assert done.returncode == 0, done.stderr
    assert len(list((tmp_path / "s").glob("*.png"))) == len(PAGES)
    big = _run_gui(
        ["--db", str(sample_db), "--screenshots", str(tmp_path / "b"), "--size", "1920x1080"],
        {},
        tmp_path,
    )
    assert big.returncode == 0, big.stderr
    image = QImage(str(tmp_path / "b" / "scores.png"))
    assert (image.width(), image.height()) == (1920, 1080)
    bad = _run_gui(["--screenshots", str(tmp_path / "x"), "--size", "1366"], {}, tmp_path)
    assert bad.returncode == 2 and "ขนาดต้องเป็น กว้างxสูง เช่น 1366x704" in bad.stderr
    assert not (tmp_path / "x").exists()
    painted = _run_gui(["--db", str(sample_db)], {"ITA_DESKTOP_QUIT_AFTER_PAINT": "1"}, tmp_path)
    assert painted.returncode == 0, painted.stderr
    assert painted.stdout.startswith("first-paint ")


def test_the_last_organisation_and_year_are_shown_again(qtbot, sample_db):
    window = create_window(sample_db)
    qtbot.addWidget(window)
    ws = window.workspace
    first_org = ws.org_id
    ws.select(first_org, 2564)
    window.close()
    again = create_window(sample_db)
    qtbot.addWidget(again)
    assert (again.workspace.org_id, again.workspace.year) == (first_org, 2564)


def test_icons_are_found_by_name(qtbot):
    from PySide6.QtGui import QIcon

    from ita_desktop_ui.app import ensure_app

    ensure_app()
    for name in ("ita-desktop", "add", "duplicate", "delete", "up", "down"):
        assert not QIcon(f"icons:{name}.svg").pixmap(16, 16).isNull(), name


def test_the_app_speaks_thai_in_qts_own_buttons(qtbot):
    from PySide6.QtWidgets import QDialogButtonBox

    from ita_desktop_ui.app import ensure_app
    from ita_desktop_ui.translations import ThaiTranslator

    app = ensure_app()
    assert app.findChild(ThaiTranslator) is not None
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    qtbot.addWidget(buttons)
    texts = {b.text().replace("&", "") for b in buttons.buttons()}
    assert not texts & {"OK", "Cancel"}
    assert any(t.startswith("ตกลง") for t in texts)
