"""Measure periods in Thai."""

from __future__ import annotations

from ita_desktop.domain.models import Period
from ita_desktop.domain.periods import period_text


def test_whole_year_span_and_free_text() -> None:
    assert period_text(Period(True), 2565) == "ตลอดปีงบประมาณ พ.ศ. ๒๕๖๕"
    assert period_text(Period(), 2565) == ""  # never set: not the whole year
    assert period_text(Period(False, 10, 2564, None, None), 2565) == ""  # half set
    assert period_text(Period(False, 10, 2564, 4, 2565), 2565) == "ตุลาคม ๒๕๖๔ – เมษายน ๒๕๖๕"
    assert period_text(Period(False, 1, None, 3, None), 2565, False) == "มกราคม 2565 – มีนาคม 2565"
    assert period_text(Period(text="ไตรมาส 2"), 2565) == "ไตรมาส ๒"


def test_months_without_years_follow_the_fiscal_year() -> None:
    assert period_text(Period(False, 10, None, 3, None), 2565) == "ตุลาคม ๒๕๖๔ – มีนาคม ๒๕๖๕"
