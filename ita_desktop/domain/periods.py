"""How a measure's period reads in Thai: "ตลอดปีงบประมาณ พ.ศ. ๒๕๖๕" or a span of months."""

from __future__ import annotations

from ita_desktop.domain.models import Period
from ita_desktop.thai.dates import month_span_text
from ita_desktop.thai.digits import localize_digits


def period_text(period: Period, plan_year: int, thai_digits: bool = True) -> str:
    """The period as printed in plans and reports; free text wins when the user typed one."""
    if period.text:
        return localize_digits(period.text, thai_digits)
    if period.whole_year or not (period.start_month and period.end_month):
        return localize_digits(f"ตลอดปีงบประมาณ พ.ศ. {plan_year}", thai_digits)
    return month_span_text(period.start_month, period.start_year or plan_year, period.end_month,
                           period.end_year or plan_year, thai_digits=thai_digits)
