"""Slow work in the background: plain data in, plain data out, callbacks on the GUI thread."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, QTimer, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget

log = logging.getLogger("ita_desktop.ui")

SHOW_PROGRESS_AFTER_MS = 300  # quick jobs finish before a dialog flashes up


class _Relay(QObject):
    """Lives on the GUI thread; the worker's signals arrive here queued, into its own slots."""

    succeeded = Signal(object)
    failed = Signal(object)

    def __init__(self, parent: QObject, on_done: Callable[[Any, bool], None]) -> None:
        super().__init__(parent)
        self._on_done = on_done
        self.succeeded.connect(self._success, Qt.ConnectionType.QueuedConnection)
        self.failed.connect(self._failure, Qt.ConnectionType.QueuedConnection)

    @Slot(object)
    def _success(self, value: Any) -> None:
        self._on_done(value, True)

    @Slot(object)
    def _failure(self, exc: Any) -> None:
        self._on_done(exc, False)


class _Job(QRunnable):
    def __init__(self, fn: Callable[..., Any], args: tuple[Any, ...], relay: _Relay) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._fn, self._args, self._relay = fn, args, relay

    def run(self) -> None:
        try:
            result = self._fn(*self._args)
        except BaseException as exc:  # noqa: BLE001 - handed to the failure callback
            self._report(self._relay.failed, exc)
        else:
            self._report(self._relay.succeeded, result)

    @staticmethod
    def _report(signal: Any, value: Any) -> None:
        try:
            signal.emit(value)
        except RuntimeError:  # the window closed while the job ran: nobody to tell
            log.info("background task finished after its window closed")


class Task(QObject):
    """One running job; `finished` tells tests (and anyone else) that callbacks have run."""

    finished = Signal()

    def __init__(self, parent: QObject | None) -> None:
        super().__init__(parent)
        self.done = False
        self.result: Any = None
        self.error: BaseException | None = None
        self.dialog: QProgressDialog | None = None


_running: set[Task] = set()  # keeps tasks (and their relays) alive until they finish


def run_in_background(
    fn: Callable[..., Any],
    *args: Any,
    on_success: Callable[[Any], object],  # what the callbacks return is ignored
    on_failure: Callable[[BaseException], object],
    parent: QWidget | None = None,
    label: str = "",
) -> Task:
    """Run fn(*args) on the thread pool; a busy dialog appears if it takes a while."""
    task = Task(parent)
    if parent is not None and label:
        dialog = QProgressDialog(label, "", 0, 0, parent)
        dialog.setCancelButton(None)
        dialog.setWindowTitle("ITA Desktop")
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(SHOW_PROGRESS_AFTER_MS)
        dialog.setAutoClose(False)
        dialog.setValue(0)
        task.dialog = dialog

    def finish(value: Any, ok: bool) -> None:
        callback = on_success if ok else on_failure
        task.done = True
        if ok:
            task.result = value
        else:
            task.error = value
            log.info("background task failed: %r", value)
        if task.dialog is not None:
            task.dialog.reset()
            task.dialog.deleteLater()
            task.dialog = None
        try:
            callback(value)
        finally:
            _running.discard(task)
            task.finished.emit()

    relay = _Relay(task, finish)
    _running.add(task)
    # Start from the event loop so a caller can connect to task.finished first.
    QTimer.singleShot(0, lambda: QThreadPool.globalInstance().start(_Job(fn, args, relay)))
    return task
