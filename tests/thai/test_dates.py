"""Tests of Thai month names, Buddhist-era years and fiscal years."""

from __future__ import annotations

import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ita_desktop.thai.dates import (
    MONTHS_ABBR,
    MONTHS_FULL,
    ad_year,
    be_year,
    fiscal_year_months,
    fiscal_year_of,
    month_name,
    month_span_text,
    round_range,
)


def test_month_tables() -> None:
    assert MONTHS_FULL[10] == "ตุลาคม" and MONTHS_ABBR[10] == "ต.ค."
    assert MONTHS_FULL[1] == "มกราคม" and MONTHS_FULL[12] == "ธันวาคม"
    assert MONTHS_ABBR[1:] == (
        "ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.",
        "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค.",
    )  # fmt: skip
    assert len(set(MONTHS_FULL[1:])) == 12


def test_month_name_out_of_range() -> None:
    with pytest.raises(ValueError):
        month_name(13)
    with pytest.raises(ValueError):
        month_name(0)


def test_be_and_ad_years() -> None:
    assert be_year(2024) == 2567
    assert ad_year(2568) == 2025
    assert ad_year(be_year(1999)) == 1999


@pytest.mark.parametrize(
    ("day", "fiscal_year"),
    [
        (datetime.date(2024, 10, 1), 2568),
        (datetime.date(2024, 9, 30), 2567),
        (datetime.date(2025, 9, 30), 2568),
        (datetime.date(2024, 12, 31), 2568),
        (datetime.date(2025, 1, 1), 2568),
    ],
)
def test_fiscal_year_of(day: datetime.date, fiscal_year: int) -> None:
    assert fiscal_year_of(day) == fiscal_year


def test_fiscal_year_months() -> None:
    months = fiscal_year_months(2568)
    assert len(months) == 12
    assert months[0] == (10, 2567) and months[2] == (12, 2567)
    assert months[3] == (1, 2568) and months[-1] == (9, 2568)


@given(st.dates(min_value=datetime.date(1900, 1, 1)))
def test_every_date_lies_in_its_fiscal_year(day: datetime.date) -> None:
    assert (day.month, be_year(day.year)) in fiscal_year_months(fiscal_year_of(day))


def test_round_range() -> None:
    assert round_range(2565, 6) == "ต.ค. ๒๕๖๔ – มี.ค. ๒๕๖๕"
    assert round_range(2565, 12) == "ต.ค. ๒๕๖๔ – ก.ย. ๒๕๖๕"
    assert round_range(2568, 3, thai_digits=False) == "ต.ค. 2567 – ธ.ค. 2567"
    for bad in (0, 13):
        with pytest.raises(ValueError):
            round_range(2565, bad)


def test_month_span_text_always_gives_both_years() -> None:
    assert month_span_text(1, 2565, 4, 2565) == "มกราคม ๒๕๖๕ – เมษายน ๒๕๖๕"
    assert month_span_text(1, 2565, 4, 2565, abbreviated=True) == "ม.ค. ๒๕๖๕ – เม.ย. ๒๕๖๕"
    assert month_span_text(11, 2567, 2, 2568, thai_digits=False) == ("พฤศจิกายน 2567 – กุมภาพันธ์ 2568")
