"""The crash at close (issue #13: "Fatal Python error: none_dealloc" once in five closes with
PySide6 6.12): fifty runs of the close path in fresh processes under `python -X dev` with
faulthandler, each opening the window, typing a score and closing 0.2 s later — every run
ends cleanly and every typed score is saved."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest

from ita_desktop.storage.repository import Repository

ROOT = Path(__file__).resolve().parents[2]
RUNS = 50
CLOSE_SCRIPT = """
import sys
from pathlib import Path

from PySide6.QtCore import QTimer

from ita_desktop_ui.app import create_window, ensure_app

app = ensure_app()
window = create_window(Path(sys.argv[1]))
window.show()
window.show_page("scores")
page = window.pages["scores"]
edit = page.edits[1]
edit.setFocus()
edit.selectAll()
edit.insert(sys.argv[2])  # typed, not yet saved: closing saves it
edit.textEdited.emit(edit.text())
for _ in range(20):  # the chart is redrawn as the clerk types
    page.chart.repaint()
window.show_page("analysis")
print(window.workspace.org_id, window.workspace.year, flush=True)
QTimer.singleShot(200, window.close)
sys.exit(app.exec())
"""


def _close_once(db: Path, score: str, data: Path) -> subprocess.CompletedProcess[str]:
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        ITA_DESKTOP_DATA_DIR=str(data),
        PYTHONFAULTHANDLER="1",
    )
    return subprocess.run(
        [sys.executable, "-X", "dev", "-X", "faulthandler", "-c", CLOSE_SCRIPT, str(db), score],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


@pytest.mark.slow
def test_fifty_closes_without_a_crash(demo_db: Path, tmp_path: Path) -> None:
    failures = []
    for run in range(RUNS):
        db = tmp_path / f"run{run}.sqlite"
        shutil.copy(demo_db, db)
        score = f"{80 + run % 20}.{run:02d}"
        done = _close_once(db, score, tmp_path / f"data{run}")
        fatal = "Fatal Python error" in done.stderr or "Segmentation fault" in done.stderr
        if done.returncode != 0 or fatal:
            failures.append(f"run {run}: exit {done.returncode}\n{done.stderr[-2000:]}")
            continue
        org_id, year = (int(n) for n in done.stdout.split())
        repo = Repository.open(db)
        try:
            scores = repo.assessment(org_id, year).scores
        finally:
            repo.close()
        if scores.get(1) != Decimal(score):
            failures.append(f"run {run}: typed {score}, saved {scores.get(1)}")
    assert failures == [], f"{len(failures)} of {RUNS} closes failed:\n" + "\n".join(failures)
