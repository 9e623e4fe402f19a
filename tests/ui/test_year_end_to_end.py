"""A clerk's year in the window, from an empty file to the exported documents."""

from __future__ import annotations

import importlib.util
from decimal import Decimal
from pathlib import Path

from PySide6.QtCore import Qt

from ita_desktop.storage.repository import Repository

SCORES = ["95.10", "93.20", "91.00", "88.40", "92.00", "90.00", "91.50", "87.25", "98.00", "96.00"]


def _type(qtbot, edit, text: str) -> None:
    edit.setFocus()
    assert edit.hasFocus()
    edit.selectAll()
    qtbot.keyClicks(edit, text)
    qtbot.keyClick(edit, Qt.Key.Key_Tab)


def test_a_year_of_work(qtbot, tmp_path):
    from ita_desktop_ui.app import create_window

    db = tmp_path / "office.sqlite"
    window = create_window(db)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)  # keyboard focus, so Tab leaves fields as typed
    ws = window.workspace

    org_id = window.selectors.add_organization("เทศบาลตำบลบ้านใหม่")
    assert window.selectors.add_year(2567)
    window.show_page("organization")
    org_page = window.pages["organization"]
    _type(qtbot, org_page.district_edit, "Mueang")
    org_page.add_unit("กองสาธารณสุขและสิ่งแวดล้อม")

    window.show_page("scores")
    scores = window.pages["scores"]
    for number, value in enumerate(SCORES, start=1):
        _type(qtbot, scores.edits[number], value)
    assert scores.tool_labels["IIT"].text() == "91.94"
    assert scores.overall_label.text() == "93.26"
    assert scores.level_label.text() == "ผ่านดี"
    _type(qtbot, scores.official_edits["overall"], "93.26")
    assert scores.badges["overall"].text() == "ตรงกับผลที่ประกาศ"

    window.show_page("analysis")
    analysis = window.pages["analysis"]
    _type(qtbot, analysis.threshold_edit, "90")
    assert "8. การปรับปรุงการทำงาน (87.25)" in analysis.weaknesses_label.text()

    window.show_page("measures")
    measures = window.pages["measures"]
    qtbot.mouseClick(measures.add_button, Qt.MouseButton.LeftButton)
    _type(qtbot, measures.editor.title_edit, "Open channel for suggestions")
    measures.editor.indicator_boxes[8].setChecked(True)
    qtbot.mouseClick(measures.add_button, Qt.MouseButton.LeftButton)
    assert len(ws.db.measures(ws.assessment_id)) == 2

    window.show_page("progress")
    progress = window.pages["progress"]
    progress.status_combo.setCurrentIndex(1)
    progress.status_combo.activated.emit(1)
    window.close()

    repo = Repository.open(db)
    try:
        org = repo.organization(org_id)
        assert org.district == "Mueang" and org.units[-1] == "กองสาธารณสุขและสิ่งแวดล้อม"
        a = repo.assessment(org_id, 2567)
        assert [str(a.scores[n]) for n in range(1, 11)] == SCORES
        assert a.official.overall == Decimal("93.26") and a.threshold == Decimal(90)
        plan = repo.measures(a.id)
        assert plan[0].title == "Open channel for suggestions" and plan[0].indicators == [8]
        assert repo.progress(a.id, 6)[plan[0].id].status == "อยู่ระหว่างดำเนินการ"
    finally:
        repo.close()

    if importlib.util.find_spec("ita_desktop.services.export") is None:
        return
    again = create_window(db)
    qtbot.addWidget(again)
    again.show()
    again.show_page("export")
    page = again.pages["export"]
    page.folder_edit.setText(str(tmp_path / "docs"))
    for fmt_button in (0, 1):
        page.format_group.button(fmt_button).setChecked(True)
        page.document_combo.setCurrentIndex(page.document_combo.findData("all"))
        task = page.start_export()
        qtbot.waitUntil(lambda t=task: t.done, timeout=180000)
        assert task.error is None, task.error
        assert Path(task.result).stat().st_size > 1000
    assert sorted(p.suffix for p in (tmp_path / "docs").iterdir()) == [".pdf", ".xlsx"]
