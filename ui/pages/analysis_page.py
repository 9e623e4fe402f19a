"""การวิเคราะห์: threshold, strengths and weaknesses, editable narrative, issues per tool."""

from __future__ import annotations

from decimal import Decimal
from typing import Any, Callable

from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QPushButton,
    QTableView,
    QVBoxLayout,
)

from ita_desktop.documents.narrative import SECTIONS, generate
from ita_desktop.domain.models import Assessment
from ita_desktop.services.analysis import analyze_assessment
from ita_desktop.thai.numbers import format_score
from ui import labels
from ui import workspace as kinds
from ui.models.issues_model import ISSUE_COLUMN, IssuesModel
from ui.pages.base import Page
from ui.undo import ChangeCommand
from ui.widgets.fields import CommitTextEdit
from ui.widgets.score_edit import ScoreEdit

GENERATED = "ข้อความที่โปรแกรมสร้างจากคะแนน (แก้ไขได้ การแก้ไขจะถูกบันทึกทันที)"
EDITED = "ข้อความที่แก้ไขเองแล้ว — กด “สร้างข้อความใหม่” เพื่อกลับไปใช้ข้อความที่สร้างจากคะแนน"


class AnalysisPage(Page):
    key = "analysis"
    WATCHES = (kinds.SCORES, kinds.ASSESSMENT, kinds.ORGANIZATION)

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._assessment: Assessment | None = None
        self._shown_key = SECTIONS[0]
        self.generated: dict[str, str] = {}

        self.threshold_edit = ScoreEdit(labels.THRESHOLD)
        self.threshold_edit.setMaximumWidth(110)
        self.threshold_edit.committed.connect(self._commit_threshold)
        self.threshold_error = QLabel()
        self.threshold_error.setStyleSheet("color: #b71c1c;")
        self.threshold_edit.error_changed.connect(self.threshold_error.setText)
        threshold_label = QLabel("เกณฑ์จุดแข็ง: ตัวชี้วัดที่ได้คะแนนตั้งแต่ (&T)")
        threshold_label.setBuddy(self.threshold_edit)
        self.strengths_label = QLabel()
        self.weaknesses_label = QLabel()
        for label in (self.strengths_label, self.weaknesses_label):
            label.setWordWrap(True)
        top = QGroupBox("จุดแข็งและจุดที่ต้องพัฒนา")
        grid = QGridLayout(top)
        row = QHBoxLayout()
        row.addWidget(threshold_label)
        row.addWidget(self.threshold_edit)
        row.addWidget(QLabel("คะแนนขึ้นไป"))
        row.addWidget(self.threshold_error, 1)
        grid.addLayout(row, 0, 0, 1, 2)
        grid.addWidget(QLabel("<b>จุดแข็ง</b>"), 1, 0)
        grid.addWidget(QLabel("<b>จุดที่ต้องพัฒนา</b>"), 1, 1)
        grid.addWidget(self.strengths_label, 2, 0)
        grid.addWidget(self.weaknesses_label, 2, 1)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)

        self.sections = QListWidget()
        self.sections.addItems([labels.SECTIONS[k] for k in SECTIONS])
        self.sections.setMaximumWidth(230)
        self.sections.currentRowChanged.connect(self._show_section)
        self.text_edit = CommitTextEdit()
        self.text_edit.setMinimumHeight(180)
        self.text_edit.committed.connect(self._commit_text)
        self.text_state = QLabel()
        self.text_state.setWordWrap(True)
        self.regenerate_button = QPushButton("สร้างข้อความใหม่ (&R)")
        self.regenerate_button.clicked.connect(self.regenerate)
        narrative = QGroupBox("ข้อความวิเคราะห์ (&N)")
        text_col = QVBoxLayout()
        text_col.addWidget(self.text_edit, 1)
        state_row = QHBoxLayout()
        state_row.addWidget(self.text_state, 1)
        state_row.addWidget(self.regenerate_button)
        text_col.addLayout(state_row)
        n_layout = QHBoxLayout(narrative)
        n_layout.addWidget(self.sections)
        n_layout.addLayout(text_col, 1)

        issues = QGroupBox("ประเด็นที่ต้องแก้ไขรายเครื่องมือและรายตัวชี้วัด")
        i_layout = QVBoxLayout(issues)
        tools_row = QHBoxLayout()
        self.tool_issue_edits: dict[str, CommitTextEdit] = {}
        for code in ("IIT", "EIT", "OIT"):
            col = QVBoxLayout()
            col.addWidget(QLabel(f"<b>{code}</b>"))
            edit = CommitTextEdit()
            edit.setMaximumHeight(110)
            edit.setAccessibleName(f"ประเด็นที่ต้องแก้ไข {code}")
            edit.committed.connect(lambda text, c=code, e=edit: self._commit_tool_issue(c, text, e))
            col.addWidget(edit)
            tools_row.addLayout(col)
            self.tool_issue_edits[code] = edit
        i_layout.addLayout(tools_row)
        self.issues_model = IssuesModel(self._commit_indicator_issue)
        self.issues_view = QTableView()
        self.issues_view.setModel(self.issues_model)
        self.issues_view.setWordWrap(True)
        header = self.issues_view.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(ISSUE_COLUMN, QHeaderView.ResizeMode.Stretch)
        self.issues_view.setMinimumHeight(200)
        i_layout.addWidget(self.issues_view)

        layout = QVBoxLayout(self.body)
        layout.addWidget(top)
        layout.addWidget(narrative, 1)
        layout.addWidget(issues)
        self.sections.setCurrentRow(0)

    # loading -----------------------------------------------------------------------------
    def load(self) -> None:
        ws = self.workspace
        a = self._assessment = self.assessment()
        analysis = analyze_assessment(ws.repo, a)
        org = ws.organization()
        self.generated = generate(analysis, a.rules, org.name if org else "")
        self.threshold_edit.set_value(a.threshold)

        def listed(numbers: list[int]) -> str:
            rows = [f"{n}. {a.rules.indicator(n).name} ({format_score(analysis.score_of(n), thai_digits=False)})"
                    for n in numbers]
            return "\n".join(rows) or "–"

        self.strengths_label.setText(listed(analysis.strengths))
        self.weaknesses_label.setText(listed(analysis.weaknesses))
        for code, edit in self.tool_issue_edits.items():
            edit.set_value(a.issues_by_tool.get(code, ""))
        self.issues_model.set_rows([(ind, a.scores.get(ind.number),
                                     a.issues_by_indicator.get(ind.number, ""))
                                    for ind in a.rules.indicators])
        self.issues_view.resizeRowsToContents()
        self._show_section(self.sections.currentRow())

    def current_key(self) -> str:
        """The section whose text the editor holds."""
        return self._shown_key

    def _show_section(self, row: int) -> None:
        a = self._assessment
        if a is None or row < 0:
            return
        self.text_edit.commit()  # still the previous section's text
        key = self._shown_key = SECTIONS[row]
        edited = a.narratives.get(key, "").strip()
        self.text_edit.set_value(edited or self.generated.get(key, ""))
        self.text_state.setText(EDITED if edited else GENERATED)
        self.regenerate_button.setEnabled(bool(edited))

    # editing -----------------------------------------------------------------------------
    def _push(self, text: str, mutate: Callable[[Assessment, Any], None], old: Any, new: Any,
              merge_key: object = None) -> None:
        a = self._assessment
        assert a is not None
        mutate(a, new)
        repo, assessment_id = self.workspace.repo, a.id

        def apply(value: Any) -> None:
            stored = repo.assessment_by_id(assessment_id)
            mutate(stored, value)
            repo.save_assessment(stored)

        self.history.push(ChangeCommand(self.history, text, apply, old, new, kinds.ASSESSMENT,
                                        merge_key))

    def _commit_threshold(self, value: Decimal | None) -> None:
        a = self._assessment
        if a is None:
            return
        if value is None:
            self.threshold_edit.set_value(a.threshold)
            return

        def mutate(x: Assessment, v: Decimal) -> None:
            x.threshold = v

        self._push("แก้เกณฑ์จุดแข็ง", mutate, a.threshold, value)

    def _commit_text(self, text: str) -> None:
        a = self._assessment
        if a is None:
            return
        key = self.current_key()
        new = "" if text == self.generated.get(key, "") else text
        old = a.narratives.get(key, "")
        if new == old:
            return

        def mutate(x: Assessment, v: str) -> None:
            x.narratives[key] = v

        self._push("แก้ข้อความวิเคราะห์", mutate, old, new, self.text_edit.session_key())

    def regenerate(self) -> None:
        """Drop the user's text of the current section: the generated text shows again."""
        a = self._assessment
        if a is None:
            return
        key = self.current_key()
        old = a.narratives.get(key, "")
        if not old:
            return

        def mutate(x: Assessment, v: str) -> None:
            x.narratives[key] = v

        self._push("สร้างข้อความใหม่", mutate, old, "")

    def _commit_tool_issue(self, code: str, text: str, edit: CommitTextEdit) -> None:
        a = self._assessment
        if a is None:
            return

        def mutate(x: Assessment, v: str) -> None:
            x.issues_by_tool[code] = v

        self._push(f"แก้ประเด็นที่ต้องแก้ไข {code}", mutate, a.issues_by_tool.get(code, ""), text,
                   edit.session_key())

    def _commit_indicator_issue(self, number: int, text: str) -> None:
        a = self._assessment
        if a is None:
            return

        def mutate(x: Assessment, v: str) -> None:
            x.issues_by_indicator[number] = v

        self._push(f"แก้ประเด็นตัวชี้วัดที่ {number}", mutate,
                   a.issues_by_indicator.get(number, ""), text)
