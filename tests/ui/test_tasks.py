"""The background helper: plain data in and out, callbacks on the GUI thread, window alive."""

from __future__ import annotations

import threading
import time

from PySide6.QtWidgets import QWidget

from ita_desktop.errors import ExportError
from ita_desktop_ui.tasks import run_in_background


def _slow_square(x: int) -> tuple[int, str]:
    time.sleep(0.2)
    return x * x, threading.current_thread().name


def test_success_runs_off_the_gui_thread_and_calls_back_on_it(qtbot):
    parent = QWidget()
    qtbot.addWidget(parent)
    seen = []
    task = run_in_background(
        _slow_square,
        7,
        on_success=lambda r: seen.append(
            (r, threading.current_thread() is threading.main_thread())
        ),
        on_failure=seen.append,
        parent=parent,
        label="กำลังคำนวณ…",
    )
    ticks = []
    with qtbot.waitSignal(task.finished, timeout=5000):
        while not task.done:  # the event loop keeps turning while the work runs
            ticks.append(1)
            qtbot.wait(20)
    (value, worker), on_gui = seen[0]
    assert value == 49 and worker != threading.main_thread().name and on_gui
    assert len(ticks) > 3
    assert task.dialog is None


def _fail() -> None:
    raise ExportError("เขียนไฟล์ไม่ได้", "disk full")


def test_failure_hands_the_error_to_the_failure_callback(qtbot):
    errors = []
    task = run_in_background(_fail, on_success=lambda r: None, on_failure=errors.append)
    qtbot.waitUntil(lambda: task.done, timeout=5000)
    assert isinstance(errors[0], ExportError) and errors[0].thai == "เขียนไฟล์ไม่ได้"
    assert task.error is errors[0]


def test_a_slow_job_shows_a_busy_dialog_that_closes_after(qtbot):
    parent = QWidget()
    qtbot.addWidget(parent)
    parent.show()
    task = run_in_background(
        time.sleep,
        0.8,
        on_success=lambda r: None,
        on_failure=lambda e: None,
        parent=parent,
        label="กำลังเปิดฐานข้อมูล…",
    )
    dialog = task.dialog
    qtbot.waitUntil(lambda: dialog.isVisible(), timeout=3000)
    assert dialog.labelText() == "กำลังเปิดฐานข้อมูล…"
    qtbot.waitUntil(lambda: task.done, timeout=5000)
    assert task.dialog is None
