"""Turn errors into Thai message boxes: ItaError shows its message, anything else is logged."""

from __future__ import annotations

import logging
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from types import TracebackType

from PySide6.QtWidgets import QMessageBox, QWidget

from ita_desktop.errors import ItaError

log = logging.getLogger("ita_desktop.ui")

TITLE = "ITA Desktop"
UNEXPECTED = "เกิดข้อผิดพลาดที่ไม่คาดคิด ข้อมูลที่บันทึกแล้วยังอยู่ครบ รายละเอียดถูกบันทึกไว้ในไฟล์บันทึก"


def message_of(exc: BaseException) -> str:
    """The Thai text the user should read for this error."""
    if isinstance(exc, ItaError):
        return exc.thai
    return UNEXPECTED


def show_error(parent: QWidget | None, exc: BaseException) -> None:
    """A Thai warning box for ItaError; anything else is logged and apologised for. The
    English detail and tracebacks go to the log file, never to an English "Show Details…"."""
    box = QMessageBox(parent)
    box.setWindowTitle(TITLE)
    box.setText(message_of(exc))
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    box.button(QMessageBox.StandardButton.Ok).setText("ตกลง")
    if isinstance(exc, ItaError):
        box.setIcon(QMessageBox.Icon.Warning)
        if exc.detail:
            log.info("shown to the user: %s (%s)", exc.thai, exc.detail)
    else:
        log.error("unexpected error", exc_info=exc)
        box.setIcon(QMessageBox.Icon.Critical)
    box.exec()


@contextmanager
def reporting(parent: QWidget | None) -> Iterator[None]:
    """Run a user action; an ItaError (or a bug) becomes a message box instead of a crash."""
    try:
        yield
    except Exception as exc:  # noqa: BLE001 - every failure of a user action is shown
        show_error(parent, exc)


def install_excepthook() -> None:
    """Exceptions escaping Qt slots: logged and shown, the window keeps running."""

    def hook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, exc, tb)
            return
        log.error("uncaught", exc_info=(kind, exc, tb))
        try:
            show_error(None, exc)
        except Exception:
            log.exception("could not show the error")

    sys.excepthook = hook
