"""Error boxes speak Thai only: a Thai button, no English "Show Details…"; details go to the log."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtWidgets import QMessageBox

from ita_desktop.errors import ValidationError
from ita_desktop_ui.errors import UNEXPECTED, show_error


@pytest.mark.parametrize(
    ("error", "text"),
    [
        (ValidationError("คะแนนต้องอยู่ระหว่าง 0 ถึง 100", "score 101"), "คะแนนต้องอยู่ระหว่าง"),
        (RuntimeError("boom"), UNEXPECTED),
    ],
)
def test_error_box_is_thai_only(qapp: Any, monkeypatch: pytest.MonkeyPatch, error, text) -> None:
    shown: list[QMessageBox] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box) or 0)
    show_error(None, error)
    (box,) = shown
    assert text in box.text()
    assert box.detailedText() == ""
    assert [b.text() for b in box.buttons()] == ["ตกลง"]
