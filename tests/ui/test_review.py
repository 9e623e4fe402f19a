"""The window shows which edited sections need review and checks documents before export."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from PySide6.QtCore import Qt

from ita_desktop.services import assessments


def _weaknesses_made_stale(window) -> object:
    """Edit "จุดที่ต้องพัฒนา" (it says 90.76), then correct indicator 4 to 84.80."""
    window.show_page("analysis")
    page = window.pages["analysis"]
    page.sections.setCurrentIndex(page.sections.findData("weaknesses"))
    page.text_edit.setPlainText("ตัวชี้วัดที่ 4 การใช้ทรัพย์สินของราชการ ได้คะแนนเท่ากับ 90.76 คะแนน")
    page.text_edit.commit()
    ws = window.workspace
    aid = ws.assessment().id
    assert not page.confirm_button.isEnabled() and page.stale_list.isHidden()
    ws.apply(assessments.set_score(ws.db, aid, 4, Decimal("84.80")))
    page.refresh()
    return page


def test_a_stale_section_is_marked_with_what_changed_and_confirmed(window, qtbot):
    page = _weaknesses_made_stale(window)
    row = page.sections.findData("weaknesses")
    assert page.sections.itemText(row).endswith("ต้องตรวจ")
    assert "จุดที่ต้องพัฒนา" in page.stale_list.text() and page.stale_list.isVisible()
    assert "ตัวชี้วัดที่ 4 การใช้ทรัพย์สินของราชการ 90.76 → 84.80" in page.stale_label.text()
    assert page.confirm_button.isEnabled() and page.regenerate_button.isEnabled()
    qtbot.mouseClick(page.confirm_button, Qt.MouseButton.LeftButton)
    page.refresh()
    assert not page.confirm_button.isEnabled() and page.stale_label.isHidden()
    assert not page.sections.itemText(row).endswith("ต้องตรวจ")
    window.history.undo()  # the old basis comes back: the section is to review again
    page.refresh()
    assert page.confirm_button.isEnabled()


def test_regenerate_clears_the_review(window, qtbot):
    page = _weaknesses_made_stale(window)
    qtbot.mouseClick(page.regenerate_button, Qt.MouseButton.LeftButton)
    page.refresh()
    assert page.stale_list.isHidden() and not page.confirm_button.isEnabled()
    assert "84.80" in page.text_edit.toPlainText()


def test_export_checks_first_and_a_stale_section_stops_it(
    window, qtbot, tmp_path: Path, message_boxes
):
    _weaknesses_made_stale(window)
    window.show_page("export")
    page = window.pages["export"]
    page.folder_edit.setText(str(tmp_path / "out"))
    page.document_combo.setCurrentIndex(page.document_combo.findData("analysis"))
    assert page.start_export() is None
    assert page.findings_list.count() >= 1
    assert "ข้อความที่เขียนไว้ก่อนคะแนนเปลี่ยน" in page.findings_list.item(0).text()
    assert "ยังส่งออกไม่ได้" in page.status_label.text()
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())


def test_check_button_lists_contradictions_in_thai(window, qtbot):
    ws = window.workspace
    aid = ws.assessment().id
    assessments.set_narrative(
        ws.db, aid, "results", "ผลการประเมินของเทศบาลตำบลทดสอบ โดยภาพรวมได้คะแนนร้อยละ 94.36"
    )
    window.show_page("export")
    page = window.pages["export"]
    qtbot.mouseClick(page.check_button, Qt.MouseButton.LeftButton)
    assert "พบ" in page.findings_label.text()
    texts = [page.findings_list.item(i).text() for i in range(page.findings_list.count())]
    assert any("คะแนนรวม ปี 2564 ระบุว่า 94.36 แต่คะแนนจริงคือ 95.36" in t for t in texts)
    assessments.set_narrative(ws.db, aid, "results", "")
    qtbot.mouseClick(page.check_button, Qt.MouseButton.LeftButton)
    assert "ไม่พบ" in page.findings_label.text() and page.findings_list.isHidden()


def test_scores_page_says_which_figures_the_documents_state(window):
    window.show_page("scores")
    page = window.pages["scores"]
    assert page.lead_label.isVisible()
    assert page.lead_label.text().startswith("เอกสารใช้ผลที่สำนักงาน ป.ป.ช. ประกาศ: ")
    assert "95.36" in page.lead_label.text()
