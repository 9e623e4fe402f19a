"""พิมพ์และส่งออก: the preview shows the exported PDF's pages, print and save run from it, the
file gets a Thai name, an existing file is replaced only when the user says so, and the choices
come back after a restart; the page fits a laptop."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrintDialog
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget

from ita_desktop.services import export as export_service
from ita_desktop_ui.pages import export_page
from ita_desktop_ui.widgets import print_job

from .pdf_samples import sample_pdf

ORG = "เทศบาลตำบลทดสอบ"


def _page(window, tmp_path: Path):
    window.show_page("export")
    page = window.pages["export"]
    page.folder_edit.setText(str(tmp_path / "out"))
    return page


def _preview_ready(page, qtbot) -> None:
    qtbot.waitUntil(lambda: page._preview_current(), timeout=120000)


@pytest.fixture
def fake_export(monkeypatch):
    """Stands in for ita_desktop.services.export: slow, records its arguments, writes a real
    three-page PDF (so the preview has pages to show)."""
    calls = []

    def export_document(repo, *, org_id, year, fmt, document, round_months, thai_digits, out):
        assert repo.organization(org_id).name == ORG
        time.sleep(0.3)
        data = sample_pdf(document)
        Path(out).write_bytes(data)
        calls.append(
            {
                "data": data,
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


def _saved(calls: list[dict], folder: Path) -> list[dict]:
    """The exports into the chosen folder (the others are the preview's)."""
    return [c for c in calls if c["out"].parent == folder]


def test_save_runs_in_the_background_with_the_chosen_options_and_a_thai_name(
    window, qtbot, tmp_path, fake_export
):
    page = _page(window, tmp_path)
    page.refresh()
    page.document_combo.setCurrentIndex(page.document_combo.findData("results"))
    page.round_combo.setCurrentIndex(page.round_combo.findData(12))
    page.thai_digits.setChecked(False)
    name = f"รายงานผลการดำเนินการตามมาตรการ_รอบ_12_เดือน_{ORG}_2564.pdf"
    assert page.name_label.text() == name
    task = page.start_export()
    assert task is not None and not task.done
    assert page.progress.isVisible() and not page.export_button.isEnabled()
    qtbot.waitUntil(lambda: task.done, timeout=10000)
    (call,) = _saved(fake_export, tmp_path / "out")
    assert (
        call["year"],
        call["fmt"],
        call["document"],
        call["round_months"],
        call["thai_digits"],
    ) == (2564, "pdf", "results", 12, False)
    assert call["out"] == tmp_path / "out" / name and call["out"].exists()
    assert page.last_output == call["out"]
    assert page.open_file_button.isVisible() and page.open_folder_button.isVisible()
    assert "ส่งออกเรียบร้อย" in page.status_label.text()
    assert page.export_button.isEnabled()
    page.format_group.button(1).setChecked(True)  # Excel: one workbook with every table
    assert not page.document_combo.isEnabled() and not page.round_combo.isEnabled()
    task = page.start_export()
    qtbot.waitUntil(lambda: task.done, timeout=10000)
    excel = _saved(fake_export, tmp_path / "out")[1]
    assert excel["fmt"] == "xlsx" and excel["document"] == "all"
    assert excel["out"].name == f"ตารางข้อมูลการประเมินคุณธรรมและความโปร่งใส_{ORG}_2564.xlsx"


def test_preview_shows_the_pages_the_export_makes(window, qtbot, tmp_path, fake_export):
    page = _page(window, tmp_path)
    page.document_combo.setCurrentIndex(page.document_combo.findData("measures"))
    _preview_ready(page, qtbot)
    made = fake_export[-1]
    assert made["document"] == "measures" and made["out"].parent != tmp_path / "out"
    assert not made["out"].exists()  # the preview leaves no file behind
    assert len(page.preview.pages) == 3
    assert page.preview.pages.data == made["data"]
    assert page.print_button.isEnabled()
    assert page.preview_status.text().endswith(
        "มาตรการส่งเสริมคุณธรรมและความโปร่งใส_" + ORG + "_2564.pdf"
    )
    assert not _saved(fake_export, tmp_path / "out")  # previewing saves nothing

    page.document_combo.setCurrentIndex(page.document_combo.findData("analysis"))
    assert not page.print_button.isEnabled()  # the pages shown are not the new choice's yet
    _preview_ready(page, qtbot)
    assert fake_export[-1]["document"] == "analysis"
    assert page.preview.pages.data == fake_export[-1]["data"]

    page.format_group.button(1).setChecked(True)
    qtbot.waitUntil(lambda: page.preview.stack.currentWidget() is page.preview.message)
    assert "Excel" in page.preview.message.text() and not page.print_button.isEnabled()


def test_a_data_change_makes_a_new_preview(window, qtbot, tmp_path, fake_export):
    from ita_desktop.services import assessments

    page = _page(window, tmp_path)
    _preview_ready(page, qtbot)
    before = len(fake_export)
    ws = window.workspace
    ws.apply(assessments.set_narrative(ws.db, ws.assessment().id, "results", "ข้อความใหม่"))
    _preview_ready(page, qtbot)
    assert len(fake_export) == before + 1


def test_a_failed_preview_says_why_in_the_preview(window, qtbot, tmp_path, monkeypatch):
    from ita_desktop.errors import ExportError

    def broken(repo, **options):
        raise ExportError("สร้างเอกสารไม่สำเร็จ เพราะทดสอบ", "test")

    monkeypatch.setattr(export_service, "export_document", broken)
    page = _page(window, tmp_path)
    qtbot.waitUntil(lambda: "ทดสอบ" in page.preview.message.text(), timeout=10000)
    assert page.preview.message.text().startswith("ยังแสดงตัวอย่างไม่ได้: ")
    assert not page.print_button.isEnabled()


def test_print_sends_the_previewed_pages(window, qtbot, tmp_path, fake_export, monkeypatch):
    page = _page(window, tmp_path)
    _preview_ready(page, qtbot)
    out = tmp_path / "printed.pdf"
    monkeypatch.setattr(print_job, "_printer", None)

    def accept(dialog: QPrintDialog) -> int:
        printer = dialog.printer()
        printer.setOutputFileName(str(out))  # a PDF file stands in for the printer
        printer.setResolution(100)
        assert dialog.windowTitle() == "พิมพ์เอกสาร"
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(QPrintDialog, "exec", accept)
    QWidget.setFocus(page.preview)
    qtbot.keyClick(page.preview, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(out.exists, timeout=10000)
    assert page.status_label.text() == f"พิมพ์ลงไฟล์ {out} แล้ว (3 หน้า)"
    import pypdfium2 as pdfium

    printed = pdfium.PdfDocument(out.read_bytes())
    assert [tuple(round(v) for v in p.get_size()) for p in printed] == [
        (595, 842),
        (595, 842),
        (842, 595),
    ]
    printed.close()


def test_replacing_a_file_is_asked_and_no_keeps_it(
    window, qtbot, tmp_path, fake_export, monkeypatch
):
    page = _page(window, tmp_path)
    page.refresh()
    target = tmp_path / "out" / page.name_label.text()
    target.parent.mkdir()
    target.write_bytes(b"the clerk's signed copy")
    asked: list[QMessageBox] = []

    def answer(choice):
        def exec_(box: QMessageBox) -> int:
            asked.append(box)
            return int(choice)

        return exec_

    monkeypatch.setattr(QMessageBox, "exec", answer(QMessageBox.StandardButton.No))
    assert page.start_export() is None
    box = asked[-1]
    assert target.name in box.text() and "ต้องการแทนที่ไฟล์เดิมหรือไม่" in box.text()
    assert box.defaultButton() is box.button(QMessageBox.StandardButton.No)
    assert box.button(QMessageBox.StandardButton.No).text() == "ไม่แทนที่ (&N)"
    assert target.read_bytes() == b"the clerk's signed copy"
    assert "ไม่ได้บันทึก" in page.status_label.text()

    monkeypatch.setattr(QMessageBox, "exec", answer(QMessageBox.StandardButton.Yes))
    task = page.start_export()
    qtbot.waitUntil(lambda: task.done, timeout=10000)
    assert target.read_bytes().startswith(b"%PDF")


def test_choices_come_back_after_a_restart(window, qtbot, tmp_path, fake_export):
    from ita_desktop_ui.app import create_window

    page = _page(window, tmp_path)
    page.folder_edit.editingFinished.emit()
    page.document_combo.setCurrentIndex(page.document_combo.findData("results"))
    page.document_combo.activated.emit(page.document_combo.currentIndex())
    page.round_combo.setCurrentIndex(page.round_combo.findData(6))
    page.round_combo.activated.emit(page.round_combo.currentIndex())
    qtbot.mouseClick(page.format_group.button(1), Qt.MouseButton.LeftButton)
    path = window.workspace.path
    window.close()

    again = create_window(path)
    qtbot.addWidget(again)
    again.show_page("export")
    restored = again.pages["export"]
    assert restored.folder_edit.text() == str(tmp_path / "out")
    assert restored.document_combo.currentData() == "results"
    assert restored.round_combo.currentData() == 6
    assert restored._format() == "xlsx"


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


def test_real_export_writes_the_pdf_the_preview_shows(window, qtbot, tmp_path):
    page = _page(window, tmp_path)
    page.refresh()
    assert page.export_button.isEnabled()
    task = page.start_export()
    qtbot.waitUntil(lambda: task.done, timeout=120000)
    assert task.error is None, task.error
    out = Path(task.result)
    assert out.exists() and out.read_bytes().startswith(b"%PDF")
    _preview_ready(page, qtbot)
    shown = page.preview.pages
    assert len(shown) > 5
    saved = export_page.PdfPages(out.read_bytes())
    assert len(saved) == len(shown)
    for i in (0, len(shown) - 1):  # the same pages, pixel for pixel
        assert saved.image(i, 0.5) == shown.image(i, 0.5)
    saved.close()


def test_the_round_defaults_to_the_latest_with_something_reported(window, tmp_path) -> None:
    from ita_desktop.services import measures, progress

    ws = window.workspace
    first = measures.list_measures(ws.db, ws.assessment_id)[0]
    progress.update_progress(ws.db, first.id, 12, status="ดำเนินการแล้วเสร็จ")
    page = _page(window, tmp_path)
    page.refresh()
    assert page.round_combo.currentData() == 12  # the sample also has round-6 progress


@pytest.mark.parametrize("size", [(1366, 704), (1920, 1080)])
def test_the_preview_takes_the_space(
    window, window_size, qtbot, tmp_path, fake_export, size
) -> None:
    window_size(*size)
    page = _page(window, tmp_path)
    assert page.preview.message.text() == export_page.PREVIEW_MAKING  # never an empty grey box
    assert page.finish_preview()  # what screenshots call before grabbing the page
    qtbot.wait(50)
    body = page.body.rect()
    preview = page.preview.geometry()
    assert preview.width() * preview.height() > 0.6 * body.width() * body.height()
    for widget in (
        page.document_combo,
        page.round_combo,
        page.folder_edit,
        page.name_label,
        page.print_button,
        page.export_button,
        page.check_button,
        page.preview.zoom_combo,
        page.preview.page_spin,
    ):
        assert widget.isVisible()
        top_left = widget.mapTo(page, widget.rect().topLeft())
        bottom_right = widget.mapTo(page, widget.rect().bottomRight())
        assert page.rect().contains(top_left) and page.rect().contains(bottom_right), widget
        assert widget.height() >= widget.minimumSizeHint().height(), widget
    label = page.name_label
    needed = label.heightForWidth(label.width())
    assert label.height() >= needed  # the whole file name shows


def test_stored_choices_this_version_does_not_know_read_as_not_chosen(qapp, tmp_path) -> None:
    from ita_desktop_ui.export_choices import ExportChoices

    ini = tmp_path / "ui.ini"
    ini.write_text("[export]\nfolder=\ndocument=report\nformat=docx\nround=7\n", encoding="utf-8")
    choices = ExportChoices(ini)
    assert (choices.folder, choices.document, choices.fmt, choices.round_months) == (
        None,
        None,
        None,
        None,
    )
    choices.round_months = 12
    choices.fmt = "xlsx"
    choices.sync()
    again = ExportChoices(ini)
    assert (again.round_months, again.fmt) == (12, "xlsx")


def test_without_pdfium_the_window_works_and_the_preview_says_why(
    window, qtbot, tmp_path, fake_export, monkeypatch
) -> None:
    import sys

    from ita_desktop_ui.widgets.pdf_pages import RENDERER_MISSING

    monkeypatch.setitem(sys.modules, "pypdfium2", None)  # as in a bundle that lost libpdfium
    page = _page(window, tmp_path)
    qtbot.waitUntil(lambda: RENDERER_MISSING in page.preview.message.text(), timeout=10000)
    assert not page.print_button.isEnabled()
    task = page.start_export()
    qtbot.waitUntil(lambda: task.done, timeout=10000)
    assert task.error is None and Path(task.result).exists()


def test_the_window_starts_without_loading_pdfium() -> None:
    import subprocess
    import sys

    code = "import sys; import ita_desktop_ui.pages.export_page; print('pypdfium2' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_the_bundle_without_the_report_names_no_round(window, tmp_path) -> None:
    from ita_desktop.services import report_settings

    ws = window.workspace
    page = _page(window, tmp_path)
    page.document_combo.setCurrentIndex(page.document_combo.findData("all"))
    assert page.round_combo.isEnabled() and "_รอบ_" in page.name_label.text()
    changes = report_settings.set_setting(
        ws.db, ws.assessment().id, "bundle", ["analysis", "measures"]
    )
    ws.apply(changes)
    assert not page.round_combo.isEnabled()
    assert page.name_label.text() == f"เอกสารการประเมินคุณธรรมและความโปร่งใส_{ORG}_2564.pdf"


def test_tab_follows_the_screen(window, qtbot, tmp_path, fake_export) -> None:
    from PySide6.QtWidgets import QApplication

    page = _page(window, tmp_path)
    page.finish_preview()
    page.format_group.button(0).setFocus()
    order = [QApplication.focusWidget()]
    for _ in range(8):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        order.append(QApplication.focusWidget())
    assert order[:8] == [
        page.format_group.button(0),  # the checked format (arrows choose the other)
        page.document_combo,
        page.thai_digits,  # the round is off for the analysis report
        page.folder_edit,
        page.browse_button,
        page.print_button,
        page.export_button,
        page.check_button,
    ]
    assert page.preview.isAncestorOf(order[8])  # then the preview's own controls


def test_a_window_closed_while_previewing_leaves_nothing_running(qtbot, sample_db) -> None:
    from ita_desktop_ui import tasks
    from ita_desktop_ui.app import create_window

    window = create_window(sample_db)
    window.show()
    window.show_page("export")
    page = window.pages["export"]
    page._preview_timer.stop()
    task = page.update_preview()
    assert task is not None and not task.done
    window.close()
    window.deleteLater()
    qtbot.waitUntil(lambda: task.done and task not in tasks._running, timeout=60000)
