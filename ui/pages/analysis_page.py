"""การวิเคราะห์: threshold, strengths and weaknesses, editable narrative, issues per tool."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ita_desktop.analysis.basis import StaleSection
from ita_desktop.documents.narrative import SECTIONS, section_title
from ita_desktop.domain.models import Assessment
from ita_desktop.services import assessments
from ita_desktop.services.analysis import analyze_assessment
from ita_desktop.services.changes import Changes
from ita_desktop.services.reports import analysis_texts
from ita_desktop.thai.numbers import format_score

from .. import labels
from .. import workspace as kinds
from ..models.issues_model import ISSUE_COLUMN, IssuesModel
from ..pages.base import Page
from ..undo import ChangeCommand
from ..widgets.fields import CommitTextEdit
from ..widgets.list_keys import DELETE_HINT, on_delete
from ..widgets.score_edit import ScoreEdit
from ..widgets.text_delegate import EDIT_ON_TYPING, MultiLineDelegate

GENERATED = "ข้อความที่โปรแกรมสร้างจากคะแนน (แก้ไขได้ การแก้ไขจะถูกบันทึกทันที)"
EDITED = "ข้อความที่แก้ไขเองแล้ว — กด “สร้างข้อความใหม่” เพื่อกลับไปใช้ข้อความที่สร้างจากคะแนน"
EDITED_ONLY = "ข้อความที่ผู้ใช้เขียนเอง (หัวข้อนี้โปรแกรมไม่ได้สร้างข้อความให้)"
STALE = (
    "ต้องตรวจ: ข้อความนี้เขียนหรือยืนยันไว้ก่อนคะแนนเปลี่ยน ({changes}) "
    "กด “สร้างข้อความใหม่” เพื่อใช้คะแนนปัจจุบัน หรือแก้ข้อความแล้วกด “ยืนยัน” "
    "— จะส่งออกเอกสารได้เมื่อตรวจแล้ว"
)
STALE_LIST = "หัวข้อที่ต้องตรวจก่อนส่งออก: {names}"
STALE_MARK = " — ต้องตรวจ"
ISSUE_HOW = (
    "พิมพ์ที่ช่องประเด็นเพื่อแก้ไข (Enter ขึ้นบรรทัดใหม่ · Ctrl+Enter หรือ Tab บันทึกแล้วไปแถวถัดไป · "
    "Delete ล้างประเด็นของแถวที่เลือก)"
)


def stale_text(section: StaleSection) -> str:
    """What changed since the section was written: "ตัวชี้วัดที่ 4 … 88.40 → 84.80"."""
    return "; ".join(f"{c.label} {c.before} → {c.now}" for c in section.changes)


class AnalysisPage(Page):
    key = "analysis"
    WATCHES = (kinds.SCORES, kinds.ASSESSMENT, kinds.ORGANIZATION)

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._assessment: Assessment | None = None
        self._shown_key = SECTIONS[0]
        self._keys: list[str] = list(SECTIONS)
        self.generated: dict[str, str] = {}
        self.stale: dict[str, StaleSection] = {}

        self.threshold_edit = ScoreEdit(labels.THRESHOLD)
        self.threshold_edit.setMaximumWidth(110)
        self.threshold_edit.committed.connect(self._commit_threshold)
        self.threshold_error = QLabel()
        self.threshold_error.setStyleSheet("color: #b71c1c;")
        self.threshold_edit.error_changed.connect(self.threshold_error.setText)
        self.threshold_edit.setToolTip("ตัวชี้วัดที่ได้คะแนนตั้งแต่ค่านี้ขึ้นไปเป็นจุดแข็ง ที่ต่ำกว่าเป็นจุดที่ต้องพัฒนา")
        self.threshold_edit.pasted.connect(
            lambda _t: self.threshold_error.setText(f"{labels.THRESHOLD}: วางได้ครั้งละหนึ่งค่า")
        )
        threshold_label = QLabel("เกณฑ์จุดแข็ง: คะแนนตั้งแต่ (&T)")
        threshold_label.setBuddy(self.threshold_edit)
        self.strengths_label = QLabel()
        self.weaknesses_label = QLabel()
        for label in (self.strengths_label, self.weaknesses_label):
            label.setWordWrap(True)
            label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        top = QGroupBox("จุดแข็งและจุดที่ต้องพัฒนา")
        column = QVBoxLayout(top)
        row = QHBoxLayout()
        row.addWidget(threshold_label)
        row.addWidget(self.threshold_edit)
        row.addWidget(QLabel("ขึ้นไป"))
        row.addStretch(1)
        column.addLayout(row)
        column.addWidget(self.threshold_error)  # always there (empty): nothing moves
        self.threshold_error.setMinimumHeight(self.threshold_error.fontMetrics().height() + 4)
        column.addWidget(QLabel("<b>จุดแข็ง</b>"))
        column.addWidget(self.strengths_label)
        column.addWidget(QLabel("<b>จุดที่ต้องพัฒนา</b>"))
        column.addWidget(self.weaknesses_label)
        column.addStretch(1)

        self.sections = QComboBox()
        for key in SECTIONS:
            self.sections.addItem(labels.SECTIONS[key], key)
        self.sections.currentIndexChanged.connect(self._show_section)
        self.sections.setToolTip("หัวข้อของรายงานการวิเคราะห์ที่จะแสดงและแก้ไขข้อความ")
        sections_label = QLabel("หัวข้อ (&N)")
        sections_label.setBuddy(self.sections)
        self.text_edit = CommitTextEdit()
        self.text_edit.setMinimumHeight(120)
        self.text_edit.setAccessibleName("ข้อความวิเคราะห์")
        self.text_edit.setToolTip("ข้อความของหัวข้อที่เลือก ตามที่จะพิมพ์ในรายงานการวิเคราะห์ แก้ไขได้ บันทึกทันที")
        self.text_edit.committed.connect(self._commit_text)
        self.text_state = QLabel()
        self.text_state.setWordWrap(True)
        self.text_state.setStyleSheet("color: #555;")
        self.regenerate_button = QPushButton("สร้างข้อความใหม่ (&R)")
        self.regenerate_button.clicked.connect(self.regenerate)
        self.regenerate_button.setToolTip(
            "ทิ้งข้อความที่แก้เองของหัวข้อนี้ แล้วใช้ข้อความที่โปรแกรมสร้างจากคะแนนปัจจุบัน (เลิกทำได้)"
        )
        self.confirm_button = QPushButton("ยืนยัน (&J)")
        self.confirm_button.setToolTip("ยืนยันว่าข้อความนี้ถูกต้องตามคะแนนปัจจุบัน")
        self.confirm_button.clicked.connect(self.confirm)
        self.stale_label = QLabel()
        self.stale_label.setWordWrap(True)
        self.stale_label.setStyleSheet("color: #b71c1c;")
        self.stale_list = QLabel()
        self.stale_list.setWordWrap(True)
        self.stale_list.setStyleSheet("color: #b71c1c; font-weight: bold;")
        narrative = QGroupBox("ข้อความวิเคราะห์")
        n_layout = QVBoxLayout(narrative)
        pick_row = QHBoxLayout()
        pick_row.addWidget(sections_label)
        pick_row.addWidget(self.sections, 1)
        pick_row.addWidget(self.regenerate_button)
        pick_row.addWidget(self.confirm_button)
        n_layout.addWidget(self.stale_list)
        n_layout.addLayout(pick_row)
        n_layout.addWidget(self.text_edit, 1)
        n_layout.addWidget(self.stale_label)
        n_layout.addWidget(self.text_state)
        self.stale_list.hide()
        self.stale_label.hide()

        self.issues_model = IssuesModel(self._commit_indicator_issue)
        self.issues_view = QTableView()
        self.issues_view.setModel(self.issues_model)
        self.issues_view.setItemDelegateForColumn(ISSUE_COLUMN, MultiLineDelegate(self.issues_view))
        self.issues_view.setEditTriggers(EDIT_ON_TYPING)
        self.issues_view.setToolTip(f"พิมพ์ที่ช่องประเด็นเพื่อแก้ · ล้างประเด็นของแถวที่เลือก {DELETE_HINT}")
        on_delete(self.issues_view, self.clear_selected_issue)
        self.issues_view.setWordWrap(True)
        self.issues_view.setAccessibleName("ประเด็นที่ต้องแก้ไขรายตัวชี้วัด")
        header = self.issues_view.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(ISSUE_COLUMN, QHeaderView.ResizeMode.Stretch)
        self.issues_view.verticalHeader().hide()
        # rows as tall as their text at the table's width now (not when it was first shown)
        self.issues_view.verticalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents
        )
        self.issues_view.setMinimumHeight(160)
        by_indicator = QWidget()
        indicator_layout = QVBoxLayout(by_indicator)
        indicator_layout.setContentsMargins(0, 4, 0, 0)
        how = QLabel(ISSUE_HOW)
        how.setStyleSheet("color: #555;")
        indicator_layout.addWidget(how)
        indicator_layout.addWidget(self.issues_view, 1)

        by_tool = QWidget()
        tools_grid = QGridLayout(by_tool)
        tools_grid.setContentsMargins(0, 4, 0, 0)
        self.tool_issue_edits: dict[str, CommitTextEdit] = {}
        for line, code in enumerate(("IIT", "EIT", "OIT")):
            edit = CommitTextEdit()
            edit.setMinimumHeight(60)
            edit.setAccessibleName(f"ประเด็นที่ต้องแก้ไข {code}")
            edit.setToolTip(f"ประเด็นที่ต้องแก้ไขของเครื่องมือ {code} ตามที่จะพิมพ์ในรายงาน")
            edit.committed.connect(lambda text, c=code, e=edit: self._commit_tool_issue(c, text, e))
            caption = QLabel(f"<b>{code}</b>")
            caption.setBuddy(edit)
            caption.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
            tools_grid.addWidget(caption, line, 0)
            tools_grid.addWidget(edit, line, 1)
            tools_grid.setRowStretch(line, 1)
            self.tool_issue_edits[code] = edit

        # three tabs, each with the page's whole height: on a laptop the issues table shows
        # real rows and each tool's box several lines, with no box scrolling inside another
        first = QWidget()
        upper = QHBoxLayout(first)
        upper.setContentsMargins(0, 4, 0, 0)
        upper.addWidget(top, 2)
        upper.addWidget(narrative, 5)
        self.tabs = QTabWidget()
        self.tabs.addTab(first, "จุดแข็งและข้อความวิเคราะห์")
        self.tabs.addTab(by_indicator, "ประเด็นที่ต้องแก้ไขรายตัวชี้วัด")
        self.tabs.addTab(by_tool, "ประเด็นที่ต้องแก้ไขรายเครื่องมือ")
        self.tabs.setTabToolTip(1, ISSUE_HOW)
        layout = QVBoxLayout(self.body)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.addWidget(self.tabs)

    # loading -----------------------------------------------------------------------------
    def load(self) -> None:
        ws = self.workspace
        a = self._assessment = self.assessment()
        analysis = analyze_assessment(ws.db, a)
        assert a.id is not None
        texts = analysis_texts(ws.db, a.id)  # exactly what the documents generate
        self.generated = texts.generated
        self.stale = {s.key: s for s in texts.stale}
        self._fill_sections(a)
        self.threshold_edit.set_value(a.threshold)

        def listed(numbers: list[int]) -> str:
            rows = [
                f"{n}. {a.rules.indicator(n).name} ({format_score(analysis.score_of(n), thai_digits=False)})"
                for n in numbers
            ]
            return "\n".join(rows) or "–"

        self.strengths_label.setText(listed(analysis.strengths))
        self.weaknesses_label.setText(listed(analysis.weaknesses))
        for code, edit in self.tool_issue_edits.items():
            edit.set_value(a.issues_by_tool.get(code, ""))
        self.issues_model.set_rows(
            [
                (ind, a.scores.get(ind.number), a.issues_by_indicator.get(ind.number, ""))
                for ind in a.rules.indicators
            ]
        )
        self._show_section(self.sections.currentIndex())

    def current_key(self) -> str:
        """The section whose text the editor holds."""
        return self._shown_key

    def _fill_sections(self, a: Assessment) -> None:
        """The generated sections, then any other section the user wrote; the ones to review
        are marked, and listed above the editor."""
        keys = list(SECTIONS) + sorted(k for k in a.narratives if k not in SECTIONS)
        self.sections.blockSignals(True)
        if keys != self._keys:
            self.sections.clear()
            for key in keys:
                self.sections.addItem("", key)
            self._keys = keys
        for row, key in enumerate(keys):
            title = labels.SECTIONS.get(key) or section_title(key)
            self.sections.setItemText(row, title + (STALE_MARK if key in self.stale else ""))
        shown = self._shown_key if self._shown_key in keys else keys[0]
        self.sections.setCurrentIndex(keys.index(shown))
        self.sections.blockSignals(False)
        names = [labels.SECTIONS.get(k) or section_title(k) for k in keys if k in self.stale]
        self.stale_list.setText(STALE_LIST.format(names=", ".join(names)))
        self.stale_list.setVisible(bool(names))

    def _show_section(self, row: int) -> None:
        a = self._assessment
        if a is None or row < 0:
            return
        self.text_edit.commit()  # still the previous section's text
        key = self._shown_key = self.sections.itemData(row) or SECTIONS[0]
        edited = a.narratives.get(key, "").strip()
        generated = self.generated.get(key, "")
        self.text_edit.set_value(edited or generated)
        self.text_state.setText(EDITED_ONLY if not generated else EDITED if edited else GENERATED)
        self.regenerate_button.setEnabled(bool(edited) and bool(generated))
        stale = self.stale.get(key) if edited else None
        self.confirm_button.setEnabled(stale is not None)
        self.stale_label.setText(STALE.format(changes=stale_text(stale)) if stale else "")
        self.stale_label.setVisible(stale is not None)

    # editing -----------------------------------------------------------------------------
    def _push(
        self,
        text: str,
        mutate: Callable[[Assessment, Any], None],
        write: Callable[[int, Any], Changes],
        old: Any,
        new: Any,
        merge_key: object = None,
    ) -> None:
        """Show `new` at once (`mutate` on the page's copy) and store it through `write`
        (a service call on the assessment id), as one undoable command."""
        a = self._assessment
        assert a is not None and a.id is not None
        mutate(a, new)
        assessment_id = a.id

        def apply(value: Any) -> Changes:
            return write(assessment_id, value)

        self.history.push(ChangeCommand(self.history, text, apply, old, new, merge_key))

    def _commit_threshold(self, value: Decimal | None) -> None:
        a = self._assessment
        if a is None:
            return
        if value is None:
            self.threshold_edit.set_value(a.threshold)
            return

        def mutate(x: Assessment, v: Decimal) -> None:
            x.threshold = v

        def write(assessment_id: int, v: Decimal) -> Changes:
            return assessments.set_threshold(db, assessment_id, v)

        db = self.workspace.db
        self._push("แก้เกณฑ์จุดแข็ง", mutate, write, a.threshold, value)

    def _commit_text(self, text: str) -> None:
        a = self._assessment
        if a is None:
            return
        key = self.current_key()
        new = "" if text == self.generated.get(key, "") else text
        old = a.narratives.get(key, "")
        if new == old:
            return
        self._push_text("แก้ข้อความวิเคราะห์", key, old, new, self.text_edit.session_key())

    def _push_text(self, label: str, key: str, old: str, new: str, merge: object = None) -> None:
        """Store a section's text, written for the current figures; undo puts back the old
        text with the figures it was written for."""
        a = self._assessment
        assert a is not None
        old_basis = dict(a.narrative_basis.get(key, {}))

        def mutate(x: Assessment, v: tuple[str, dict[str, str] | None]) -> None:
            x.narratives[key] = v[0]

        def write(assessment_id: int, v: tuple[str, dict[str, str] | None]) -> Changes:
            return assessments.set_narrative(db, assessment_id, key, v[0], v[1])

        db = self.workspace.db
        self._push(label, mutate, write, (old, old_basis), (new, None), merge)

    def confirm(self) -> None:
        """ "ยืนยัน": the section's text is right for the current figures (one undo step)."""
        a = self._assessment
        if a is None:
            return
        self.text_edit.commit()
        key = self.current_key()
        if not a.narratives.get(key, "").strip():
            return

        def mutate(x: Assessment, v: dict[str, str] | None) -> None:
            pass  # the page reloads: the basis is computed by the service

        def write(assessment_id: int, v: dict[str, str] | None) -> Changes:
            return assessments.confirm_narrative(db, assessment_id, key, v)

        db = self.workspace.db
        old = dict(a.narrative_basis.get(key, {}))
        self._push("ยืนยันข้อความวิเคราะห์", mutate, write, old, None)

    def regenerate(self) -> None:
        """Drop the user's text of the current section: the generated text shows again."""
        a = self._assessment
        if a is None:
            return
        key = self.current_key()
        old = a.narratives.get(key, "")
        if not old or not self.generated.get(key):
            return
        self._push_text("สร้างข้อความใหม่", key, old, "")

    def _commit_tool_issue(self, code: str, text: str, edit: CommitTextEdit) -> None:
        a = self._assessment
        if a is None:
            return

        def mutate(x: Assessment, v: str) -> None:
            x.issues_by_tool[code] = v

        def write(assessment_id: int, v: str) -> Changes:
            return assessments.set_tool_issue(db, assessment_id, code, v)

        db = self.workspace.db
        self._push(
            f"แก้ประเด็นที่ต้องแก้ไข {code}",
            mutate,
            write,
            a.issues_by_tool.get(code, ""),
            text,
            edit.session_key(),
        )

    def clear_selected_issue(self) -> None:
        """Delete on a row empties its issue (one undo step, as an edit of the cell)."""
        row = self.issues_view.currentIndex().row()
        if row >= 0:
            self.issues_model.setData(self.issues_model.index(row, ISSUE_COLUMN), "")

    def _commit_indicator_issue(self, number: int, text: str) -> None:
        a = self._assessment
        if a is None:
            return

        def mutate(x: Assessment, v: str) -> None:
            x.issues_by_indicator[number] = v

        def write(assessment_id: int, v: str) -> Changes:
            return assessments.set_issue(db, assessment_id, number, v)

        db = self.workspace.db
        old = a.issues_by_indicator.get(number, "")
        self._push(f"แก้ประเด็นตัวชี้วัดที่ {number}", mutate, write, old, text)
