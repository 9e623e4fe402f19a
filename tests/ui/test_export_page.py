"""ส่งออก: the export runs in the background, writes its file, and offers to open it."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from ita_desktop.services import export as export_service


def _page(window, tmp_path: Path):
    window.show_page("export")
    page = window.pages["export"]
    page.folder_edit.setText(str(tmp_path / "out"))
    return page


@pytest.fixture
def fake_export(monkeypatch):
    """Stands in for ita_desktop.services.export: slow, records its arguments."""
    calls = []

    def export_document(repo, *, org_id, year, fmt, document, round_months, thai_digits, out):
        assert repo.organization(org_id).name == "เทศบาลตำบลทดสอบ"
        time.sleep(0.3)
        Path(out).write_bytes(b"%PDF-1.7 fake")
        calls.append(
            {
                "year": year,
                "fmt": fmt,
                "document": document,
                "round_months": round_months,
                "thai_digits": thai_digits,
                "out": Path(out),
            }
        )
        return Path(out)

    monkeypatch.setattr(export_service, "export_document", export_document)
    return calls


def test_export_runs_in_the_background_with_the_chosen_options(
    window, qtbot, tmp_path, fake_export
):
    page = _page(window, tmp_path)
    page.refresh()
    page.document_combo.setCurrentIndex(page.document_combo.findData("results"))
    page.round_combo.setCurrentIndex(page.round_combo.findData(12))
    page.thai_digits.setChecked(False)
    task = page.start_export()
    assert task is not None and not task.done
    assert page.progress.isVisible() and not page.export_button.isEnabled()
    qtbot.waitUntil(lambda: task.done, timeout=10000)
    call = fake_export[0]
    assert (
        call["year"],
        call["fmt"],
        call["document"],
        call["round_months"],
        call["thai_digits"],
    ) == (2564, "pdf", "results", 12, False)
    assert call["out"].exists() and call["out"].suffix == ".pdf"
    assert page.last_output == call["out"]
    assert page.open_file_button.isVisible() and page.open_folder_button.isVisible()
    assert "ส่งออกเรียบร้อย" in page.status_label.text()
    assert page.export_button.isEnabled()
    page.format_group.button(1).setChecked(True)  # Excel: one workbook with every table
    assert not page.document_combo.isEnabled()
    task = page.start_export()
    qtbot.waitUntil(lambda: task.done, timeout=10000)
    assert fake_export[1]["fmt"] == "xlsx" and fake_export[1]["document"] == "all"
    assert fake_export[1]["out"].suffix == ".xlsx"


def test_export_failure_is_shown_in_thai(window, qtbot, tmp_path, monkeypatch, message_boxes):
    from ita_desktop.errors import ExportError

    def broken(repo, **options):
        raise ExportError("บันทึกไฟล์ไม่ได้ เพราะไฟล์เปิดอยู่ในโปรแกรมอื่น", "locked")

    monkeypatch.setattr(export_service, "export_document", broken)
    page = _page(window, tmp_path)
    page.refresh()
    task = page.start_export()
    qtbot.waitUntil(lambda: task.done, timeout=10000)
    assert "ไฟล์เปิดอยู่ในโปรแกรมอื่น" in page.status_label.text()
    assert message_boxes and "ไฟล์เปิดอยู่" in message_boxes[-1]


def test_real_export_writes_a_pdf(window, qtbot, tmp_path):
    page = _page(window, tmp_path)
    page.refresh()
    assert page.export_button.isEnabled()
    task = page.start_export()
    qtbot.waitUntil(lambda: task.done, timeout=120000)
    assert task.error is None, task.error
    out = Path(task.result)
    assert out.exists() and out.read_bytes().startswith(b"%PDF")


def test_the_round_defaults_to_the_latest_with_something_reported(window, tmp_path) -> None:
    from ita_desktop.services import measures, progress

    ws = window.workspace
    first = measures.list_measures(ws.db, ws.assessment_id)[0]
    progress.update_progress(ws.db, first.id, 12, status="ดำเนินการแล้วเสร็จ")
    page = _page(window, tmp_path)
    page.refresh()
    assert page.round_combo.currentData() == 12  # the sample also has round-6 progress
