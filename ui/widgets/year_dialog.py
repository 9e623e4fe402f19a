"""เพิ่มปีงบประมาณ: the clerk picks the year (the last completed one proposed) and sees which
years have NACC rules and which rules the new year copies."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ita_desktop.domain.fiscal import years_text
from ita_desktop.services.organizations import YearChoice, year_rules_note
from ita_desktop.thai.dates import fiscal_year_months, month_year_text

LAST_YEAR = 2600  # the highest year offered; the lowest is the oldest year with rules
NOTE_LINES = 2  # the note under the year keeps this height, so nothing moves while typing


def fiscal_span(year: int) -> str:
    """ "1 ต.ค. 2568 – 30 ก.ย. 2569" for fiscal year 2569."""
    (first_month, first_year), (last_month, last_year) = fiscal_year_months(year)[::11]
    first = month_year_text(first_month, first_year, True, False)
    last = month_year_text(last_month, last_year, True, False)
    return f"1 {first} – 30 {last}"


class YearDialog(QDialog):
    """Enter accepts the year shown (when the organisation does not have it), Esc cancels."""

    def __init__(self, org_name: str, choice: YearChoice, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.choice = choice
        self.setWindowTitle("เพิ่มปีงบประมาณ")
        self.spin = QSpinBox()
        self.spin.setRange(min(choice.rule_years), LAST_YEAR)
        self.spin.setValue(choice.proposed)
        self.spin.setAccessibleName("ปีงบประมาณ (พ.ศ.)")
        self.spin.setToolTip(
            "ปีงบประมาณที่จะเพิ่ม (พ.ศ.) ปีงบประมาณเริ่ม 1 ต.ค. สิ้นสุด 30 ก.ย.\n"
            f"โปรแกรมเสนอปี {choice.last_completed} ซึ่งเป็นปีล่าสุดที่สิ้นสุดแล้ว"
            " (ปีที่ ป.ป.ช. ประกาศผลและนำมาวิเคราะห์)\nลูกศรขึ้น/ลงเปลี่ยนปี Enter เพิ่ม Esc ยกเลิก"
        )
        self.span_label = QLabel()
        self.note_label = QLabel()
        self.note_label.setWordWrap(True)
        self.note_label.setMinimumHeight(self.fontMetrics().lineSpacing() * NOTE_LINES + 4)
        existing = years_text(choice.existing) if choice.existing else "ยังไม่มี"
        facts = QLabel(
            f"หน่วยงาน: {org_name}\n"
            f"ปีที่มีอยู่แล้ว: {existing}\n"
            f"ปีที่มีเกณฑ์ของ ป.ป.ช. ในโปรแกรม: {years_text(choice.rule_years)}"
        )
        facts.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText("เพิ่มปี")
        self.ok_button.setDefault(True)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("ยกเลิก")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        year_label = QLabel("ปีงบประมาณ พ.ศ. (&Y):")
        year_label.setBuddy(self.spin)
        form.addRow(year_label, self.spin)
        form.addRow("", self.span_label)
        layout = QVBoxLayout(self)
        layout.addWidget(facts)
        layout.addLayout(form)
        layout.addWidget(self.note_label)
        layout.addWidget(self.buttons)
        self.spin.valueChanged.connect(self._show_year)
        self._show_year(self.spin.value())
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("ม") * 40)

    @property
    def year(self) -> int:
        return self.spin.value()

    def _show_year(self, year: int) -> None:
        taken = year in self.choice.existing
        ended = " (สิ้นสุดแล้ว)" if year <= self.choice.last_completed else " (ยังไม่สิ้นสุด)"
        self.span_label.setText(fiscal_span(year) + ended)
        if taken:
            self.note_label.setText(f"หน่วยงานนี้มีปีงบประมาณ {year} อยู่แล้ว เลือกปีอื่น")
            self.note_label.setStyleSheet("color: #b71c1c;")
        else:
            self.note_label.setText(year_rules_note(year))
            self.note_label.setStyleSheet("")
        self.ok_button.setEnabled(not taken)
