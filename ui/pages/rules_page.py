"""เกณฑ์และการพิมพ์: this year's copy of the rules (indicators, weights, levels, target), how its
documents print (bundle, sections, columns, signatories, announcement) and the texts the user
writes for them: three tabs."""

from __future__ import annotations

import copy
from collections.abc import Callable
from decimal import Decimal

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDoubleSpinBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSizePolicy,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ita_desktop.domain.models import Assessment, GradeBand, Rules
from ita_desktop.errors import ValidationError
from ita_desktop.rules.presets import available_years, check_rules, preset_for, rules_to_dict

from .. import labels
from .. import workspace as kinds
from ..errors import reporting
from ..models.grades_model import LABEL, GradesModel
from ..models.indicators_model import DESCRIPTION, NAME, NUMBER, TOOL, IndicatorsModel
from ..pages.base import Page
from ..undo import edit_rules
from ..widgets.fields import CommitLineEdit, CommitTextEdit
from ..widgets.list_keys import DELETE_HINT, on_delete
from ..widgets.print_settings import PrintSettingsPanel
from ..widgets.score_edit import ScoreEdit
from ..widgets.sizing import compact_rows, fills_height
from ..widgets.steady import steady_label
from ..widgets.text_delegate import EDIT_ON_TYPING, CellDelegate, MultiLineDelegate

ERROR_STYLE = "color: #b71c1c; font-weight: bold;"
NOTE_STYLE = "color: #555;"
WEIGHT_KEYS = {"IIT": "T", "EIT": "X", "OIT": "O"}  # Alt+E and Alt+I open menus
RESTORE = "คืนค่าเกณฑ์ตามประกาศของปี (&P)"
SAME_AS_PRESET = "ตรงกับเกณฑ์ที่ติดมากับโปรแกรม"
CHANGED_FROM_PRESET = "แก้ไขแล้ว ต่างจากเกณฑ์ที่ติดมากับโปรแกรม"
WEIGHT_STEP = 0.05
DESCRIPTION_HINT = "ย่อหน้าที่อธิบายว่าตัวชี้วัดนี้วัดอะไร ใช้ในข้อความวิเคราะห์จุดแข็งและจุดที่ต้องพัฒนา"
LEVELS_HINT = "ผลการประเมินได้ระดับแรกจากบนลงล่างที่คะแนนรวม (และทุกเครื่องมือ ถ้ากำหนด) ถึงเกณฑ์"
TABLE_ROWS = 10  # the indicators table shows all ten without scrolling
TAB_RULES = "เกณฑ์การประเมิน"
TAB_PRINT = "การพิมพ์เอกสาร"
TAB_CONTENT = "เนื้อหาเอกสาร"


def _weight_text(value: Decimal) -> str:
    return f"{value:.2f}"


class RulesPage(Page):
    key = "rules"
    WATCHES = (kinds.ASSESSMENT, kinds.SETTINGS)

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._assessment: Assessment | None = None
        self._detail_number: int | None = None
        self._weights_pending = False  # weights typed that do not sum to 1 (not saved)
        self._loading = False

        self.print_panel = PrintSettingsPanel(self.workspace, self.history, self)
        middle = QVBoxLayout()
        middle.addWidget(self._build_header())
        middle.addWidget(self._build_weights())
        middle.addWidget(self._build_grades(), 1)
        rules_page = QWidget()
        columns = QHBoxLayout(rules_page)
        columns.setContentsMargins(0, 4, 0, 0)
        # the rules a little wider: the source and certainty notes keep to fewer lines, and
        # at 1366x704 all the levels show
        columns.addWidget(self._build_indicators(), 4)
        columns.addLayout(middle, 5)
        # the rules, how the documents print, and what the user writes for them: one tab each
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(rules_page, TAB_RULES)
        self.tabs.addTab(self.print_panel.print_page, TAB_PRINT)
        self.tabs.addTab(self.print_panel.content_page, TAB_CONTENT)
        layout = QVBoxLayout(self.body)
        layout.setContentsMargins(4, 2, 4, 2)
        layout.addWidget(self.tabs, 1)

    # building ----------------------------------------------------------------------------
    def _build_header(self) -> QGroupBox:
        self.rules_box = QGroupBox()
        self.source_label = QLabel()
        self.certainty_label = QLabel()
        for label in (self.source_label, self.certainty_label):
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.state_label = QLabel()
        self.state_label.setStyleSheet(NOTE_STYLE)
        self.state_label.setWordWrap(True)
        self.restore_button = QPushButton(RESTORE)
        self.restore_button.setToolTip("ใช้เกณฑ์ที่ติดมากับโปรแกรมของปีนี้แทนที่แก้ไขไว้ (เลิกทำได้ด้วย Ctrl+Z)")
        self.restore_button.clicked.connect(self.restore_preset)
        form = QFormLayout()
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow("แหล่งที่มา:", self.source_label)
        form.addRow("ความแน่นอน:", self.certainty_label)
        column = QVBoxLayout(self.rules_box)
        column.addLayout(form)
        row = QHBoxLayout()
        row.addWidget(self.restore_button)
        row.addWidget(self.state_label, 1)
        column.addLayout(row)
        return self.rules_box

    def _build_indicators(self) -> QGroupBox:
        self.indicators_model = IndicatorsModel(self._edit_indicator)
        view = self.indicators_view = QTableView()
        view.setModel(self.indicators_model)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.setWordWrap(False)
        view.setTextElideMode(Qt.TextElideMode.ElideRight)
        view.setEditTriggers(EDIT_ON_TYPING)
        view.setItemDelegate(CellDelegate(view))
        view.setItemDelegateForColumn(DESCRIPTION, MultiLineDelegate(view))
        view.setAccessibleName("ตัวชี้วัดของปีนี้")
        view.setToolTip("พิมพ์หรือดับเบิลคลิกที่ชื่อเพื่อแก้ · Tab ไปตัวชี้วัดถัดไป · Esc ยกเลิก")
        view.verticalHeader().hide()
        row_height = compact_rows(view)
        header = view.horizontalHeader()
        view.setFixedHeight(
            header.sizeHint().height() + TABLE_ROWS * row_height + 2 * view.frameWidth()
        )
        for section in (NUMBER, TOOL):
            header.setSectionResizeMode(section, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
        view.setColumnHidden(DESCRIPTION, True)  # a paragraph: edited in the box below
        view.selectionModel().currentRowChanged.connect(lambda *_: self._show_selected())
        table_label = QLabel("ตัวชี้วัด (&L)")
        table_label.setStyleSheet("font-weight: bold;")
        table_label.setBuddy(view)
        table_hint = QLabel("แก้ชื่อในตารางหรือในช่องด้านล่าง")
        table_hint.setStyleSheet(NOTE_STYLE)

        self.name_edit = CommitLineEdit()
        self.name_edit.setToolTip("ชื่อตัวชี้วัดที่เลือก ตามที่พิมพ์ในเอกสาร (Alt+N)")
        self.name_edit.committed.connect(
            lambda text: self._commit_detail("name", text, self.name_edit.session_key())
        )
        self.description_edit = CommitTextEdit()
        self.description_edit.setAccessibleName("คำอธิบายตัวชี้วัด")
        fills_height(self.description_edit, 64)
        self.description_edit.setToolTip(DESCRIPTION_HINT)
        self.description_edit.setPlaceholderText(DESCRIPTION_HINT)
        self.description_edit.committed.connect(
            lambda text: self._commit_detail(
                "description", text, self.description_edit.session_key()
            )
        )
        self.name_error = steady_label(QLabel())
        self.name_error.setStyleSheet(ERROR_STYLE)
        self.name_error.hide()
        name_label = QLabel("ชื่อ (&N)")
        name_label.setBuddy(self.name_edit)
        description_label = QLabel("คำอธิบาย (&D)")
        description_label.setBuddy(self.description_edit)
        self.detail = QGroupBox()
        detail = QGridLayout(self.detail)
        detail.addWidget(name_label, 0, 0)
        detail.addWidget(self.name_edit, 0, 1)
        detail.addWidget(self.name_error, 1, 1)
        detail.addWidget(description_label, 2, 0, Qt.AlignmentFlag.AlignTop)
        detail.addWidget(self.description_edit, 2, 1)
        detail.setRowStretch(2, 1)

        box = QGroupBox()
        column = QVBoxLayout(box)
        heading = QHBoxLayout()
        heading.addWidget(table_label)
        heading.addWidget(table_hint, 1)
        column.addLayout(heading)
        column.addWidget(view)
        column.addWidget(self.detail, 1)
        return box

    def _build_weights(self) -> QGroupBox:
        box = QGroupBox("น้ำหนักของเครื่องมือและค่าเป้าหมาย")
        self.weights_grid = QGridLayout(box)
        self.weights_grid.setVerticalSpacing(3)
        self.weight_spins: dict[str, QDoubleSpinBox] = {}
        self.weight_names: dict[str, QLabel] = {}
        for row, code in enumerate(("IIT", "EIT", "OIT")):
            spin = QDoubleSpinBox()
            spin.setRange(0, 1)
            spin.setDecimals(2)
            spin.setSingleStep(WEIGHT_STEP)
            spin.setKeyboardTracking(False)  # one attempt per Enter, arrow or leaving the field
            spin.setAccessibleName(f"น้ำหนัก {code}")
            spin.valueChanged.connect(lambda _v: self._weights_edited())
            name = QLabel(f"น้ำหนัก {code} (&{WEIGHT_KEYS[code]})")
            name.setBuddy(spin)
            # the three weights side by side (the page fits 1366x704 with its tabs)
            self.weights_grid.addWidget(name, 0, 2 * row)
            self.weights_grid.addWidget(spin, 0, 2 * row + 1)
            self.weight_spins[code], self.weight_names[code] = spin, name
        self.sum_label = QLabel()
        self.weights_grid.addWidget(self.sum_label, 0, 6, Qt.AlignmentFlag.AlignRight)
        self.weights_grid.setColumnStretch(6, 1)
        # below the three weights it is about: it moves nothing the clerk is correcting
        self.weights_error = QLabel()
        self.weights_error.setWordWrap(True)
        self.weights_error.setStyleSheet(ERROR_STYLE)
        self.weights_error.hide()
        self.weights_grid.addWidget(self.weights_error, 4, 0, 1, 5)
        self.revert_weights_button = QPushButton("กลับไปใช้น้ำหนักที่บันทึกไว้ (&V)")
        self.revert_weights_button.clicked.connect(self.revert_weights)
        self.revert_weights_button.setToolTip(
            "ทิ้งน้ำหนักที่กำลังแก้ (ซึ่งยังไม่ได้บันทึกเพราะรวมไม่เท่ากับ 1) แล้วแสดงค่าที่บันทึกไว้"
        )
        self.sum_label.setToolTip("น้ำหนักของสามเครื่องมือต้องรวมกันเท่ากับ 1.00 จึงจะบันทึก")
        self.revert_weights_button.hide()
        self.weights_grid.addWidget(
            self.revert_weights_button, 4, 5, 1, 2, Qt.AlignmentFlag.AlignRight
        )

        self.target_edit = ScoreEdit(labels.TARGET)
        self.target_edit.setMaximumWidth(110)
        self.target_edit.setToolTip(
            "คะแนนรวมที่ถือว่าผ่านการประเมิน (ค่าเป้าหมายระดับประเทศ 85 ตั้งแต่ปี 2566) (Alt+K)"
        )
        self.target_edit.committed.connect(self._commit_target)
        self.target_error = steady_label(QLabel(), 2)  # beside the field: the row keeps still
        self.target_error.setStyleSheet(ERROR_STYLE)
        self.target_error.hide()
        self.target_edit.error_changed.connect(self.target_error.setText)
        self.target_edit.error_changed.connect(lambda e: self.target_error.setVisible(bool(e)))
        target_label = QLabel(f"{labels.TARGET} (คะแนนรวม) (&K)")
        target_label.setBuddy(self.target_edit)
        self.weights_grid.addWidget(target_label, 6, 0, 1, 3)
        self.weights_grid.addWidget(self.target_edit, 6, 3, 1, 2, Qt.AlignmentFlag.AlignLeft)
        self.weights_grid.addWidget(self.target_error, 6, 5, 1, 2)
        return box

    def _build_grades(self) -> QGroupBox:
        self.grades_model = GradesModel(self._edit_grades, self._grade_refused)
        view = self.grades_view = QTableView()
        view.setModel(self.grades_model)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.setAccessibleName("ระดับผลการประเมิน")
        view.setEditTriggers(EDIT_ON_TYPING)
        view.setItemDelegate(CellDelegate(view))
        view.setToolTip(
            f"พิมพ์หรือดับเบิลคลิกเพื่อแก้ · Tab ไปช่องถัดไป · Esc ยกเลิก · Delete ลบระดับที่เลือก {DELETE_HINT}"
        )
        on_delete(view, self.remove_grade)
        view.verticalHeader().hide()
        compact_rows(view)
        header = view.horizontalHeader()  # the names as wide as they are, numbers the rest
        header.setDefaultAlignment(
            Qt.AlignmentFlag(int(Qt.AlignmentFlag.AlignCenter) | int(Qt.TextFlag.TextWordWrap))
        )
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(LABEL, QHeaderView.ResizeMode.ResizeToContents)
        fills_height(view, 100)  # at 1366x704 the seven bands of a year show without scrolling
        label = QLabel("ระดับผลการประเมิน (&B)")
        label.setStyleSheet("font-weight: bold;")
        label.setBuddy(view)
        # under the table only while shown: the table gives it room, its top and the buttons
        # above it stay where they are (hidden, the seven bands fit at 1366x704)
        self.grades_error = QLabel()
        self.grades_error.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.grades_error.setStyleSheet(ERROR_STYLE)
        self.grades_error.hide()
        label.setToolTip(LEVELS_HINT)
        add = QPushButton(QIcon("icons:add.svg"), "เพิ่มระดับ (&A)")
        add.clicked.connect(self.add_grade)
        add.setToolTip("เพิ่มระดับใหม่ท้ายตาราง แล้วพิมพ์ชื่อและคะแนนในตาราง (Alt+A)")
        remove = QPushButton(QIcon("icons:delete.svg"), "ลบระดับ (&R)")
        remove.setToolTip(f"ลบระดับที่เลือก {DELETE_HINT}")
        remove.clicked.connect(self.remove_grade)
        title_row = QHBoxLayout()  # the buttons beside the title: the table keeps the height
        title_row.addWidget(label)
        title_row.addStretch(1)
        title_row.addWidget(add)
        title_row.addWidget(remove)
        box = QGroupBox()
        column = QVBoxLayout(box)
        column.addLayout(title_row)
        column.addWidget(view, 1)
        column.addWidget(self.grades_error)
        return box

    # loading -----------------------------------------------------------------------------
    def load(self) -> None:
        self.name_edit.commit()  # first: what was typed is saved before anything is shown
        self.description_edit.commit()
        old = self._assessment
        a = self._assessment = self.assessment()
        if old is None or old.id != a.id:
            self._weights_pending = False
        rules = a.rules
        self.rules_box.setTitle(
            f"เกณฑ์การประเมินของปีงบประมาณ พ.ศ. {a.year} (สำเนาของปีนี้ แก้ไขได้โดยไม่กระทบปีอื่น)"
        )
        self.source_label.setText(rules.source or "–")
        self.certainty_label.setText(rules.certainty or "–")
        self._show_preset_state(a)
        self.indicators_model.set_indicators(copy.deepcopy(rules.indicators))
        if self.indicators_view.currentIndex().row() < 0 and rules.indicators:
            self._select_indicator(0)
        self._show_selected()
        self._loading = True
        try:
            for code, spin in self.weight_spins.items():
                try:
                    tool = rules.tool(code)
                except KeyError:
                    spin.setEnabled(False)
                    continue
                spin.setEnabled(True)
                self.weight_names[code].setToolTip(labels.tool_label(tool.code, tool.name))
                self.weight_spins[code].setToolTip(labels.tool_label(tool.code, tool.name))
                if not self._weights_pending:
                    spin.setValue(float(tool.weight))
        finally:
            self._loading = False
        self._show_weights_state()
        self.target_edit.set_value(a.target)
        self.grades_model.set_bands(rules.grades)
        self.grades_error.hide()
        self.print_panel.load(self.assessment_id_of(a))

    def _show_preset_state(self, a: Assessment) -> None:
        preset = preset_for(a.year)
        same = rules_to_dict(preset) == rules_to_dict(a.rules) and a.target == preset.target
        based_on = max([y for y in available_years() if y <= a.year] or available_years()[:1])
        note = SAME_AS_PRESET if same else CHANGED_FROM_PRESET
        if based_on != a.year:
            note += f" (ยังไม่มีเกณฑ์ของปี {a.year} ในโปรแกรม จึงใช้เกณฑ์ของปี {based_on})"
        self.state_label.setText(note)
        self.restore_button.setEnabled(not same)

    def _show_selected(self) -> None:
        self.name_edit.commit()  # still the previous indicator's text
        self.description_edit.commit()
        row = self.indicators_view.currentIndex().row()
        inds = self.indicators_model.indicators
        if not 0 <= row < len(inds):
            self._detail_number = None
            self.detail.setEnabled(False)
            return
        ind = inds[row]
        self._detail_number = ind.number
        self.detail.setEnabled(True)
        self.detail.setTitle(labels.indicator_label(ind.number, ind.name))
        self.name_edit.set_value(ind.name)
        self.description_edit.set_value(ind.description)

    def _select_indicator(self, row: int) -> None:
        self.indicators_view.selectionModel().setCurrentIndex(
            self.indicators_model.index(row, 0),
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )

    # editing -----------------------------------------------------------------------------
    def _change_rules(
        self, text: str, mutate: Callable[[Rules], Rules | None], merge_key: object = None
    ) -> bool:
        """Save a changed copy of the rules (one undo step); False when refused or unchanged.

        `mutate` changes the copy it is given, or returns other rules to use instead.
        """
        a = self._assessment
        if a is None:
            return False
        new = copy.deepcopy(a.rules)
        new = mutate(new) or new
        if rules_to_dict(new) == rules_to_dict(a.rules) and new.target == a.target:
            return False
        with reporting(self):
            old = copy.deepcopy(a.rules)
            old.target = a.target
            edit_rules(self.history, self.assessment_id_of(a), old, new, text, merge_key)
            a.rules, a.target = copy.deepcopy(new), new.target  # (a reload may be pending)
            return True
        return False

    def _edit_indicator(self, number: int, field: str, text: str) -> None:
        def mutate(rules: Rules) -> None:
            setattr(rules.indicator(number), field, text)

        what = "ชื่อ" if field == "name" else "คำอธิบาย"
        self._change_rules(f"แก้{what}ตัวชี้วัดที่ {number}", mutate)

    def _commit_detail(self, field: str, text: str, merge_key: object) -> None:
        number = self._detail_number
        if number is None:
            return
        if field == "name":
            self.name_error.setText("กรุณากรอกชื่อตัวชี้วัด" if not text else "")
            self.name_error.setVisible(not text)
            if not text:
                return
        what = "ชื่อ" if field == "name" else "คำอธิบาย"
        self._change_rules(
            f"แก้{what}ตัวชี้วัดที่ {number}",
            lambda rules: setattr(rules.indicator(number), field, text),
            merge_key,
        )

    def _draft_weights(self) -> dict[str, Decimal]:
        return {
            code: Decimal(_weight_text(Decimal(str(spin.value()))))
            for code, spin in self.weight_spins.items()
            if spin.isEnabled()
        }

    def _weights_edited(self) -> None:
        a = self._assessment
        if self._loading or a is None:
            return
        draft = self._draft_weights()
        new = copy.deepcopy(a.rules)
        for tool in new.tools:
            tool.weight = draft.get(tool.code, tool.weight)
        try:
            check_rules(new)
        except ValidationError as exc:  # shown beside the fields; nothing is saved
            self._weights_pending = True
            self._show_weights_state(exc.thai)
            return
        self._weights_pending = False
        self._show_weights_state()

        def mutate(rules: Rules) -> None:
            rules.tools = new.tools

        self._change_rules("แก้น้ำหนักของเครื่องมือ", mutate)

    def _show_weights_state(self, error: str = "") -> None:
        total = sum(self._draft_weights().values(), Decimal(0))
        self.sum_label.setText(f"รวม {_weight_text(total)}")
        self.sum_label.setStyleSheet(ERROR_STYLE if total != 1 else "font-weight: bold;")
        if error:
            self.weights_error.setText(
                f"{error} (ตอนนี้รวมได้ {_weight_text(total)}) — ยังไม่บันทึกน้ำหนักชุดนี้ กรุณาแก้ให้รวมกันได้ 1.00"
            )
        self.weights_error.setVisible(self._weights_pending)
        self.revert_weights_button.setVisible(self._weights_pending)

    def revert_weights(self) -> None:
        """Drop the weights typed that were refused: the stored ones show again."""
        self._weights_pending = False
        self.refresh()

    def _commit_target(self, value: Decimal | None) -> None:
        a = self._assessment
        if a is None:
            return
        if value is None:
            self.target_edit.set_value(a.target)
            return

        def mutate(rules: Rules) -> None:
            rules.target = value

        self._change_rules("แก้ค่าเป้าหมาย", mutate)

    def _edit_grades(self, bands: list[GradeBand]) -> None:
        self.grades_error.hide()
        ordered = sorted(bands, key=lambda g: g.minimum, reverse=True)  # stable: ties keep order

        def mutate(rules: Rules) -> None:
            rules.grades = copy.deepcopy(ordered)

        if not self._change_rules("แก้ระดับผลการประเมิน", mutate):
            self.grades_model.set_bands(self._assessment.rules.grades if self._assessment else [])

    def _grade_refused(self, message: str) -> None:
        self.grades_error.setText(message)
        self.grades_error.setToolTip(message)  # one line: the whole of a long one here
        self.grades_error.show()

    def add_grade(self) -> None:
        a = self._assessment
        if a is None:
            return
        existing = {g.label for g in a.rules.grades}
        number = len(a.rules.grades) + 1
        while f"ระดับใหม่ {number}" in existing:
            number += 1
        band = GradeBand(f"ระดับใหม่ {number}", Decimal(0))

        def mutate(rules: Rules) -> None:
            rules.grades.append(band)

        if self._change_rules("เพิ่มระดับผลการประเมิน", mutate):
            row = self.grades_model.rowCount() - 1
            self.grades_view.setCurrentIndex(self.grades_model.index(row, 0))

    def remove_grade(self) -> None:
        a = self._assessment
        row = self.grades_view.currentIndex().row()
        if a is None or not 0 <= row < len(a.rules.grades):
            return
        if len(a.rules.grades) == 1:
            self._grade_refused("ต้องมีระดับผลการประเมินอย่างน้อยหนึ่งระดับ")
            return

        def mutate(rules: Rules) -> None:
            del rules.grades[row]

        self._change_rules("ลบระดับผลการประเมิน", mutate)

    def restore_preset(self) -> None:
        """The shipped rules of this year (and their target) replace this year's copy."""
        a = self._assessment
        if a is None:
            return
        preset = preset_for(a.year)
        self._weights_pending = False

        if not self._change_rules("คืนค่าเกณฑ์ตามประกาศของปี", lambda _rules: preset):
            self.refresh()
