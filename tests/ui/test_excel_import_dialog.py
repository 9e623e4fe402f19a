"""File → นำเข้าจาก Excel…: the preview lists the changes, นำเข้า applies them and shows the
year, ยกเลิก changes nothing, a malformed workbook lists its problems with their cells."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog, QFileDialog

from ita_desktop.documents import workbook_layout as L
from ita_desktop.services.assessments import get_assessment
from ita_desktop.services.export import export_document
from ita_desktop_ui.windows import excel_import_dialog
from ita_desktop_ui.windows.excel_import_dialog import ExcelImportDialog, import_file
from tests.importers.fixtures import ORG, edit, exported_workbook


class Dialogs(list[ExcelImportDialog]):
    """The dialogs shown (never blocking), each answered with `answer`."""

    answer = QDialog.DialogCode.Accepted


@pytest.fixture
def shown_dialogs(monkeypatch: pytest.MonkeyPatch) -> Dialogs:
    seen = Dialogs()

    def fake_exec(dialog: ExcelImportDialog) -> int:
        seen.append(dialog)
        return int(seen.answer)

    monkeypatch.setattr(ExcelImportDialog, "exec", fake_exec)
    return seen


def _lines(dialog: ExcelImportDialog) -> list[str]:
    return [dialog.lines.item(i).text() for i in range(dialog.lines.count())]


def _export(window, tmp_path: Path) -> Path:
    ws = window.workspace
    return export_document(ws.db, org_id=ws.org_id, year=2564, fmt="xlsx", out=tmp_path / "w.xlsx")


def test_preview_then_import_applies_the_edit(window, tmp_path: Path, shown_dialogs) -> None:
    book = _export(window, tmp_path)
    edit(book, L.SCORES, {"D4": 99.5})
    assert import_file(window, window.workspace, book)
    (dialog,) = shown_dialogs
    assert "ปีงบประมาณ 2564" in dialog.heading.text()
    assert "คะแนนตัวชี้วัดที่ 1: 94.42 → 99.5" in _lines(dialog)
    ws = window.workspace
    assert get_assessment(ws.db, ws.org_id, 2564).scores[1] == Decimal("99.5")
    assert ws.year == 2564


def test_cancel_changes_nothing(window, tmp_path: Path, shown_dialogs) -> None:
    shown_dialogs.answer = QDialog.DialogCode.Rejected
    book = _export(window, tmp_path)
    edit(book, L.SCORES, {"D4": 99.5})
    assert not import_file(window, window.workspace, book)
    ws = window.workspace
    assert get_assessment(ws.db, ws.org_id, 2564).scores[1] == Decimal("94.42")


def test_a_malformed_workbook_lists_every_problem(window, tmp_path: Path, shown_dialogs) -> None:
    book = _export(window, tmp_path)
    edit(book, L.SCORES, {"D4": 92.345, "D5": True})
    assert not import_file(window, window.workspace, book)
    (dialog,) = shown_dialogs
    lines = _lines(dialog)
    assert len(lines) == 2 and "เซลล์ D4" in lines[0] and "เซลล์ D5" in lines[1]
    assert "พบปัญหา 2 รายการ" in dialog.heading.text()
    ws = window.workspace
    assert get_assessment(ws.db, ws.org_id, 2564).scores[1] == Decimal("94.42")


def test_menu_action_imports_another_organisation_and_shows_it(
    window, tmp_path: Path, shown_dialogs, monkeypatch: pytest.MonkeyPatch, message_boxes
) -> None:
    repo, _aid, book = exported_workbook(tmp_path)
    repo.close()
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(book), ""))
    excel_import_dialog.import_from_excel(window, window.workspace)
    ws = window.workspace
    assert ws.organization().name == ORG and ws.year == 2565
    assert any("นำเข้า" in text for text in message_boxes)


def test_the_file_menu_imports_and_forgets_the_steps_before(
    window, tmp_path: Path, shown_dialogs, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ita_desktop_ui.undo import set_score

    ws = window.workspace
    set_score(window.history, ws.assessment_id, 2, Decimal("90.00"), Decimal("91.00"))
    assert window.history.canUndo()
    book = _export(window, tmp_path)
    edit(book, L.SCORES, {"D4": 99.5})
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(book), ""))
    assert window.import_excel_action.isEnabled()
    window.import_excel_action.trigger()
    assert get_assessment(ws.db, ws.org_id, 2564).scores[1] == Decimal("99.5")
    assert not window.history.canUndo()  # an undo would have written over the import
