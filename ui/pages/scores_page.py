"""ผลการประเมิน: the ten indicator scores by tool, live results, official figures, the chart."""

from __future__ import annotations

from decimal import Decimal
from itertools import pairwise
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from ita_desktop.analysis.engine import analyze
from ita_desktop.analysis.figures import Figures, figures_of
from ita_desktop.analysis.result import Analysis
from ita_desktop.domain.models import Assessment, OfficialFigures
from ita_desktop.errors import ValidationError
from ita_desktop.services import assessments
from ita_desktop.services.changes import Changes
from ita_desktop.thai.normalize import normalize_name
from ita_desktop.thai.numbers import format_score

from .. import labels
from .. import workspace as kinds
from ..pages.base import Page
from ..undo import ChangeCommand, set_score
from ..widgets.fields import combo_line_edit
from ..widgets.message_strip import DONE, ERROR, NOTE, Message, MessageStrip
from ..widgets.score_chart import Bar, ScoreChart
from ..widgets.score_edit import ScoreEdit

UNSAVED = "ยังไม่บันทึกค่าที่ไม่ถูกต้อง กรุณาแก้ไข"
NO_LEAD = "เอกสารใช้ผลที่คำนวณได้ (ยังไม่ได้กรอกผลที่สำนักงาน ป.ป.ช. ประกาศ)"
ONE_VALUE = "{what}: วางได้ครั้งละหนึ่งค่า (วางคะแนนหลายค่าได้ที่ช่องคะแนนรายตัวชี้วัด)"
PASTE_TIP = (
    "พิมพ์คะแนน 0–100 ทศนิยมไม่เกิน 2 ตำแหน่ง หรือวางคะแนนหลายค่าที่คัดลอกจาก Excel "
    "(หนึ่งแถวหรือหนึ่งคอลัมน์) ลงตัวชี้วัดนี้และตัวถัดไป"
)
BADGE_BAD = "background: #c62828; color: white; border-radius: 8px; padding: 1px 8px;"
BADGE_GOOD = "background: #2e7d32; color: white; border-radius: 8px; padding: 1px 8px;"
OFFICIAL_FIGURES = ("IIT", "EIT", "OIT", "overall")


def _score_text(value: Decimal | None) -> str:
    return format_score(value, thai_digits=False)


class ScoresPage(Page):
    key = "scores"
    WATCHES = (kinds.SCORES, kinds.ASSESSMENT)

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.edits: dict[int, ScoreEdit] = {}
        self.tool_labels: dict[str, QLabel] = {}
        self.official_edits: dict[str, ScoreEdit] = {}
        self.badges: dict[str, QLabel] = {}
        self._assessment: Assessment | None = None
        self._scores: dict[int, Decimal | None] = {}
        self._built_for: tuple[int, str] | None = None
        self.analysis: Analysis | None = None

        self.messages = MessageStrip(lines=2)  # fixed height: nothing moves while typing
        self.error_label = self.messages  # where a bad entry's reason is said
        self._paste_message: Message | None = None
        self.tool_columns = [QVBoxLayout(), QVBoxLayout()]

        summary = self.summary = QFrame()
        summary.setObjectName("summary")
        summary.setStyleSheet(
            "#summary { border: 1px solid #b8c4d6; border-radius: 4px; background: #f4f7fb; }"
        )
        summary.setToolTip("ผลที่คำนวณได้ตามเกณฑ์ของปีนี้ คำนวณใหม่ทุกครั้งที่พิมพ์")
        strip = QGridLayout(summary)
        strip.setContentsMargins(10, 2, 10, 2)
        self.overall_label = QLabel()
        self.overall_label.setStyleSheet("font-size: 18pt; font-weight: bold;")
        self.level_label = QLabel()
        self.level_label.setStyleSheet("font-size: 14pt; font-weight: bold;")
        self.target_label = QLabel()
        self.target_label.setWordWrap(True)
        for column, (caption, value) in enumerate(
            (
                (labels.OVERALL, self.overall_label),
                (labels.LEVEL, self.level_label),
                (labels.TARGET, self.target_label),
            )
        ):
            strip.addWidget(QLabel(caption), 0, 2 * column)
            strip.addWidget(value, 0, 2 * column + 1)
        note = QLabel("คำนวณตามเกณฑ์ของปีนี้ทันทีที่พิมพ์")
        note.setStyleSheet("color: #555;")
        strip.addWidget(note, 0, 6, Qt.AlignmentFlag.AlignRight)
        strip.setColumnStretch(5, 1)
        self.lead_label = QLabel()  # which figures the documents state (always one line)
        self.lead_label.setStyleSheet("color: #0d47a1;")
        strip.addWidget(self.lead_label, 1, 0, 1, 7)

        self.chart = ScoreChart()
        chart_box = self.chart_box = QGroupBox("คะแนนรายตัวชี้วัดเทียบค่าเป้าหมาย")
        QVBoxLayout(chart_box).addWidget(self.chart)

        # the fields in a row of three columns as tall as they need, the messages under the
        # first tool (beside the taller second column: they take no height of their own),
        # and the chart the whole width below, taking the height left at any window size
        first = QVBoxLayout()
        first.addLayout(self.tool_columns[0], 1)
        first.addWidget(self.messages)
        columns = QHBoxLayout()
        columns.addLayout(first, 1)
        for tools in self.tool_columns:
            tools.setContentsMargins(0, 0, 0, 0)
        columns.addLayout(self.tool_columns[1], 1)
        columns.addWidget(self._build_official(), 1, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self.body)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.setSpacing(4)
        layout.addWidget(summary)
        layout.addLayout(columns)
        layout.addWidget(chart_box, 1)

    # building ----------------------------------------------------------------------------
    def _build_official(self) -> QGroupBox:
        box = QGroupBox("ผลที่ประกาศโดยสำนักงาน ป.ป.ช. (ถ้ามี)")
        grid = QGridLayout(box)
        grid.setVerticalSpacing(3)
        names = {"IIT": "IIT", "EIT": "EIT", "OIT": "OIT", "overall": labels.OVERALL}
        for row, key in enumerate(OFFICIAL_FIGURES):
            edit = ScoreEdit(f"{names[key]} ที่ประกาศ")
            edit.setMaximumWidth(110)
            edit.setToolTip(
                f"{names[key]} ตามที่สำนักงาน ป.ป.ช. ประกาศในระบบ ITAS "
                "(เว้นว่างถ้ายังไม่ประกาศ) เอกสารจะใช้ค่านี้แทนค่าที่คำนวณได้"
            )
            edit.committed.connect(lambda v, k=key, e=edit: self._commit_official(k, v, e))
            edit.error_changed.connect(self._show_errors)
            edit.pasted.connect(lambda _t, e=edit: self._refuse_paste(e))
            badge = QLabel()
            grid.addWidget(QLabel(names[key]), row, 0)
            grid.addWidget(edit, row, 1)
            grid.addWidget(badge, row, 2, Qt.AlignmentFlag.AlignLeft)
            self.official_edits[key], self.badges[key] = edit, badge
        self.official_level = QComboBox()
        self.official_level.setEditable(True)
        self.official_level.setToolTip(
            "ระดับผลการประเมินตามที่สำนักงาน ป.ป.ช. ประกาศ (เลือกหรือพิมพ์ เว้นว่างถ้ายังไม่ประกาศ)"
        )
        combo_line_edit(self.official_level).editingFinished.connect(self._commit_official_level)
        self.official_level.activated.connect(lambda _i: self._commit_official_level())
        self.badges["level"] = QLabel()
        row = len(OFFICIAL_FIGURES)
        grid.addWidget(QLabel(labels.LEVEL), row, 0)
        grid.addWidget(self.official_level, row, 1)
        grid.addWidget(self.badges["level"], row, 2, Qt.AlignmentFlag.AlignLeft)
        grid.setColumnStretch(2, 1)
        return box

    def _build_scores(self, a: Assessment) -> None:
        for column in self.tool_columns:
            while column.count():
                item = column.takeAt(0)
                assert item is not None  # the layout is not empty
                widget = item.widget()
                if widget is not None:
                    widget.deleteLater()
        self.edits.clear()
        self.tool_labels.clear()
        half = len(a.rules.indicators) / 2
        placed = 0
        for tool in a.rules.tools:
            box = QGroupBox(labels.tool_label(tool.code, tool.name))
            grid = QGridLayout(box)
            grid.setVerticalSpacing(3)
            grid.setColumnStretch(0, 1)
            for row, ind in enumerate(a.rules.indicators_of(tool.code)):
                edit = ScoreEdit(labels.indicator_label(ind.number, ind.name))
                edit.setMaximumWidth(110)
                edit.setToolTip(PASTE_TIP)
                edit.live.connect(lambda v, n=ind.number: self._typed(n, v))
                edit.error_changed.connect(  # a bad entry counts as missing until fixed
                    lambda e, n=ind.number: self._typed(n, None) if e else None
                )
                edit.error_changed.connect(self._show_errors)
                edit.committed.connect(lambda v, n=ind.number, e=edit: self._commit(n, v, e))
                edit.pasted.connect(lambda text, n=ind.number: self.paste(n, text))
                name = QLabel(labels.indicator_label(ind.number, ind.name))
                name.setWordWrap(True)
                name.setBuddy(edit)
                grid.addWidget(name, row, 0)
                grid.addWidget(edit, row, 1)
                self.edits[ind.number] = edit
            total = QLabel()
            total.setStyleSheet("font-weight: bold;")
            total.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            caption = QLabel(f"คะแนน {tool.code} (น้ำหนัก {tool.weight * 100:.0f}%)")
            caption.setStyleSheet("font-weight: bold;")
            grid.addWidget(caption, row + 1, 0)
            grid.addWidget(total, row + 1, 1)
            self.tool_labels[tool.code] = total
            # the tools fill the first column to about half the indicators, then the second
            self.tool_columns[0 if placed < half else 1].addWidget(box)
            placed += len(a.rules.indicators_of(tool.code))
        for column in self.tool_columns:
            column.addStretch(1)
        self.official_level.clear()
        self.official_level.addItems([""] + [g.label for g in a.rules.grades])
        order: list[QWidget] = [self.edits[i.number] for i in a.rules.indicators]
        order += [self.official_edits[k] for k in OFFICIAL_FIGURES] + [self.official_level]
        for first, second in pairwise(order):
            QWidget.setTabOrder(first, second)

    # loading -----------------------------------------------------------------------------
    def load(self) -> None:
        a = self.assessment()
        self._assessment = a
        signature = (self.assessment_id_of(a), repr(a.rules))
        if signature != self._built_for:
            self._build_scores(a)
            self._built_for = signature
        self._scores = {ind.number: a.scores.get(ind.number) for ind in a.rules.indicators}
        for number, edit in self.edits.items():
            edit.set_value(self._scores[number])
        for key, edit in self.official_edits.items():
            edit.set_value(a.official.overall if key == "overall" else a.official.tool(key))
        if not combo_line_edit(self.official_level).hasFocus():
            self.official_level.setEditText(a.official.level)
        self._show_errors()
        self.recompute()

    def recompute(self) -> None:
        """Tool scores, overall, level, badges and chart from what the fields hold now."""
        a = self._assessment
        if a is None:
            return
        self.analysis = result = analyze(
            a.rules, self._scores, threshold=a.threshold, target=a.target, official=a.official
        )
        for code, label in self.tool_labels.items():
            label.setText(_score_text(result.tools.get(code)))
        self.overall_label.setText(_score_text(result.overall))
        self.level_label.setText(result.level or "–")
        if result.gap_to_target is None:
            self.target_label.setText(f"{_score_text(result.target)} (ยังคำนวณไม่ได้)")
        elif result.gap_to_target > 0:
            self.target_label.setText(
                f"{_score_text(result.target)} — ยังขาดอีก {_score_text(result.gap_to_target)} คะแนน"
            )
        else:
            self.target_label.setText(f"{_score_text(result.target)} — ผ่านค่าเป้าหมาย")
        self._show_errors()
        self._update_badges(a.official, result)
        self._show_lead(figures_of(a.rules, result, a.official))
        self.chart.set_data(
            [
                Bar(f"{i.number} {i.name}", self._scores.get(i.number), i.tool)
                for i in a.rules.indicators
            ],
            result.target,
        )

    def _show_lead(self, f: Figures) -> None:
        """Which figures the documents state: the official ones where entered."""
        names = {"overall": labels.OVERALL, "level": labels.LEVEL}
        shown = {
            "overall": _score_text(f.overall.value),
            "level": f.level or "–",
            **{code: _score_text(v.value) for code, v in f.tools.items()},
        }
        led = [f"{names.get(k, k)} {shown[k]}" for k in f.official_led]
        self.lead_label.setText(
            "เอกสารใช้ผลที่สำนักงาน ป.ป.ช. ประกาศ: " + ", ".join(led) + " (ค่าที่คำนวณด้านบนใช้ตรวจทานเท่านั้น)"
            if led
            else NO_LEAD
        )

    def _update_badges(self, official: OfficialFigures, result: Analysis) -> None:
        wrong = {m.figure: m for m in result.mismatches}
        for key, badge in self.badges.items():
            given = (
                official.level
                if key == "level"
                else (official.overall if key == "overall" else official.tool(key))
            )
            if given in (None, ""):
                badge.setText("")
                badge.setStyleSheet("")
            elif key in wrong:
                badge.setText(f"{labels.MISMATCH} (คำนวณได้ {wrong[key].computed})")
                badge.setStyleSheet(BADGE_BAD)
            else:
                badge.setText(labels.MATCH)
                badge.setStyleSheet(BADGE_GOOD)

    # editing -----------------------------------------------------------------------------
    def _typed(self, number: int, value: Decimal | None) -> None:
        self._paste_message = None  # typing again: what the last paste did is old news
        self._scores[number] = value
        self.recompute()

    def _show_errors(self, *_args: object) -> None:
        """The fixed strip: bad entries first, then what the last paste did, then the notes."""
        edits = list(self.edits.values()) + list(self.official_edits.values())
        errors = [Message(e.error, ERROR) for e in edits if e.error]
        if errors:
            errors.append(Message(UNSAVED, ERROR))
        pasted = [self._paste_message] if self._paste_message is not None else []
        notes = [Message(w, NOTE) for w in (self.analysis.warnings if self.analysis else [])]
        self.messages.show_messages(errors + pasted + notes)

    # pasting -----------------------------------------------------------------------------
    def paste(self, first: int, text: str) -> None:
        """Cells copied from a spreadsheet fill the indicators from `first` on: all saved as
        one undo step, or none (the reason said in the strip)."""
        a = self._assessment
        if a is None:
            return
        try:
            new = assessments.parse_pasted_scores(a.rules, first, text)
        except ValidationError as exc:
            self._paste_message = Message(exc.thai, ERROR)
            self._show_errors()
            return
        numbers = list(new)
        span = f"{numbers[0]}–{numbers[-1]}" if len(numbers) > 1 else f"{numbers[0]}"
        old = {n: a.scores.get(n) for n in numbers}
        a.scores.update(new)
        self._paste_message = Message(
            f"วางคะแนน {len(numbers)} ค่าแล้ว: ตัวชี้วัดที่ {span} "
            f"({', '.join(_score_text(v) for v in new.values())}) เลิกทำได้ด้วย Ctrl+Z",
            DONE,
        )
        db, assessment_id = self.workspace.db, self.assessment_id_of(a)
        self.history.push(
            ChangeCommand(
                self.history,
                f"วางคะแนนตัวชี้วัดที่ {span}",
                lambda scores: assessments.set_scores(db, assessment_id, scores),
                old,
                new,
            )
        )

    def _refuse_paste(self, edit: ScoreEdit) -> None:
        self._paste_message = Message(ONE_VALUE.format(what=edit.what), ERROR)
        self._show_errors()

    def _commit(self, number: int, value: Decimal | None, edit: ScoreEdit) -> None:
        a = self._assessment
        if a is None:
            return
        old = a.scores.get(number)
        a.scores[number] = value
        set_score(self.history, self.assessment_id_of(a), number, old, value, edit.session_key())

    def _commit_official(self, key: str, value: Decimal | None, edit: ScoreEdit) -> None:
        a = self._assessment
        if a is None:
            return
        attr = key.lower()
        old = getattr(a.official, attr)
        setattr(a.official, attr, value)
        self._push_official(self.assessment_id_of(a), attr, old, value, edit.session_key())

    def _commit_official_level(self) -> None:
        a = self._assessment
        if a is None:
            return
        value = normalize_name(self.official_level.currentText())
        if value == a.official.level:
            return
        old, a.official.level = a.official.level, value
        self._push_official(self.assessment_id_of(a), "level", old, value, None)

    def _push_official(
        self, assessment_id: int, attr: str, old: object, new: object, merge_key: object
    ) -> None:
        db = self.workspace.db

        def apply(value: Any) -> Changes:
            if attr == "level":
                return assessments.set_official_level(db, assessment_id, value)
            return assessments.set_official(db, assessment_id, attr, value)

        self.history.push(ChangeCommand(self.history, "แก้ผลที่ประกาศ", apply, old, new, merge_key))
