"""UI test fixtures: a small database made through the services, a window built on it."""

from __future__ import annotations

import shutil
from decimal import Decimal
from pathlib import Path

import pytest

from ita_desktop.domain.models import Assessment, Measure, Organization, Period
from ita_desktop.rules.presets import preset_for
from ita_desktop.services import assessments, measures, organizations, progress
from ita_desktop.storage.repository import Repository

TRANG_2564 = ["94.42", "92.12", "92.28", "90.76", "92.35", "91.41", "94.44", "90.55", "100", "100"]


def build_sample(path: Path) -> Path:
    db = Repository.open(path)
    try:
        org = Organization(
            "เทศบาลตำบลทดสอบ",
            "เทศบาลตำบล",
            "เมืองตรัง",
            "ตรัง",
            None,
            ["สำนักปลัด", "กองคลัง", "กองช่าง"],
        )
        org_id = organizations.add_organization(db, org).created_id
        assert org_id is not None
        other = Organization("องค์การบริหารส่วนตำบลตัวอย่าง", "องค์การบริหารส่วนตำบล")
        organizations.add_organization(db, other)
        rules = preset_for(2564)
        a = Assessment(org_id, 2564, rules, threshold=Decimal(91), target=rules.target)
        a.scores = {i: Decimal(v) for i, v in enumerate(TRANG_2564, start=1)}
        a.official.overall = Decimal("95.36")
        aid = assessments.add_assessment(db, a).created_id
        assert aid is not None
        titles = [
            "ประกาศเจตนารมณ์การต่อต้านการทุจริต",
            "จัดทำคู่มือการใช้ทรัพย์สินของราชการ",
            "เผยแพร่ข้อมูลการใช้จ่ายงบประมาณ",
        ]
        for i, title in enumerate(titles):
            m = Measure(
                title,
                [i + 1],
                ["ขั้นตอนที่หนึ่ง", "ขั้นตอนที่สอง"],
                ["สำนักปลัด"],
                Period(False, 10, 2564, 3, 2565) if i else Period(True),
            )
            mid = measures.add_measure(db, aid, m).created_id
            assert mid is not None
            progress.update_progress(
                db, mid, 6, status="อยู่ระหว่างดำเนินการ", output="ผลผลิต", outcome="ผลลัพธ์"
            )
        assessments.create_year(db, org_id, 2565)
    finally:
        db.close()
    return path


@pytest.fixture(scope="session")
def _sample_master(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_sample(tmp_path_factory.mktemp("sample") / "sample.sqlite")


@pytest.fixture
def sample_db(_sample_master: Path, tmp_path: Path) -> Path:
    target = tmp_path / "sample.sqlite"
    shutil.copy(_sample_master, target)
    return target


@pytest.fixture
def window(qtbot, sample_db: Path):
    """The main window on the sample database, showing 2564 of the first organisation."""
    from ita_desktop_ui.app import create_window

    win = create_window(sample_db)
    qtbot.addWidget(win)
    win.workspace.select(win.workspace.org_id, 2564)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    qtbot.waitUntil(win.isActiveWindow)  # keyboard focus behaves as for a person
    return win


@pytest.fixture
def window_size(window, qtbot):
    """Make the window, not maximised to the test screen, exactly this size (a laptop's
    1366x704 unless told): `window_size()` or `window_size(1920, 1080)`."""
    from PySide6.QtCore import Qt

    def resize(width: int = 1366, height: int = 704) -> None:
        window.setWindowState(Qt.WindowState.WindowNoState)
        window.resize(width, height)
        qtbot.waitUntil(lambda: (window.width(), window.height()) == (width, height))

    return resize


@pytest.fixture(autouse=True)
def message_boxes(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Message boxes never block a test; their texts are recorded here."""
    from PySide6.QtWidgets import QMessageBox

    shown: list[str] = []

    def fake_exec(box: QMessageBox) -> int:
        shown.append(box.text())
        return int(QMessageBox.StandardButton.Ok)

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    return shown
