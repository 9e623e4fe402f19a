"""A measure's period: how it reads in Thai ("ตลอดปีงบประมาณ พ.ศ. ๒๕๖๕" or a span of months)
and its plain-dict form (stored in the database and in exchange files)."""

from __future__ import annotations

from typing import Any

from ita_desktop.domain.models import Period
from ita_desktop.thai.dates import FISCAL_YEAR_START_MONTH, month_span_text
from ita_desktop.thai.digits import localize_digits


def period_text(period: Period, plan_year: int, thai_digits: bool = True) -> str:
    """The period as printed in plans and reports; free text wins when the user typed one;
    "" for a period never set (not the whole year, no months): never "ตลอดปีงบประมาณ" that the
    plan did not say."""
    if period.text:
        return localize_digits(period.text, thai_digits)
    if not period.whole_year and not (period.start_month and period.end_month):
        return ""
    if period.whole_year or not (period.start_month and period.end_month):
        return localize_digits(f"ตลอดปีงบประมาณ พ.ศ. {plan_year}", thai_digits)
    start_year = period.start_year or fiscal_calendar_year(period.start_month, plan_year)
    end_year = period.end_year or fiscal_calendar_year(period.end_month, plan_year)
    return month_span_text(
        period.start_month, start_year, period.end_month, end_year, thai_digits=thai_digits
    )


def fiscal_calendar_year(month: int, fiscal_year: int) -> int:
    """The Buddhist-era calendar year of a month within a fiscal year (ต.ค.–ธ.ค. fall a year earlier)."""
    return fiscal_year - 1 if month >= FISCAL_YEAR_START_MONTH else fiscal_year


def period_from_dict(data: dict[str, Any]) -> Period:
    return Period(
        whole_year=bool(data.get("whole_year", True)),
        start_month=data.get("start_month"),
        start_year=data.get("start_year"),
        end_month=data.get("end_month"),
        end_year=data.get("end_year"),
        text=data.get("text", ""),
    )


def period_to_dict(p: Period) -> dict[str, Any]:
    return {
        "whole_year": p.whole_year,
        "start_month": p.start_month,
        "start_year": p.start_year,
        "end_month": p.end_month,
        "end_year": p.end_year,
        "text": p.text,
    }
