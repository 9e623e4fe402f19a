"""Thai month names, Buddhist-era years and fiscal years (1 October – 30 September)."""

from __future__ import annotations

import datetime

from ita_desktop.thai.digits import localize_digits

BE_OFFSET = 543
FISCAL_YEAR_START_MONTH = 10
RANGE_SEPARATOR = " – "  # en dash with spaces, as in "ต.ค. ๒๕๖๗ – ก.ย. ๒๕๖๘"

# Indexed by calendar month 1..12; index 0 is an unused empty string.
MONTHS_FULL: tuple[str, ...] = (
    "",
    "มกราคม",
    "กุมภาพันธ์",
    "มีนาคม",
    "เมษายน",
    "พฤษภาคม",
    "มิถุนายน",
    "กรกฎาคม",
    "สิงหาคม",
    "กันยายน",
    "ตุลาคม",
    "พฤศจิกายน",
    "ธันวาคม",
)
MONTHS_ABBR: tuple[str, ...] = (
    "",
    "ม.ค.",
    "ก.พ.",
    "มี.ค.",
    "เม.ย.",
    "พ.ค.",
    "มิ.ย.",
    "ก.ค.",
    "ส.ค.",
    "ก.ย.",
    "ต.ค.",
    "พ.ย.",
    "ธ.ค.",
)


def be_year(ad_year: int) -> int:
    """Buddhist-era year of a Common-Era year: 2024 -> 2567."""
    return ad_year + BE_OFFSET


def ad_year(be: int) -> int:
    """Common-Era year of a Buddhist-era year: 2567 -> 2024."""
    return be - BE_OFFSET


def _check_month(month: int) -> None:
    if not 1 <= month <= 12:
        raise ValueError(f"เดือนต้องอยู่ระหว่าง 1 ถึง 12 (ได้ {month})")


def month_name(month: int, abbreviated: bool = False) -> str:
    """Thai name of calendar month 1..12: 10 -> "ตุลาคม" or "ต.ค."."""
    _check_month(month)
    return (MONTHS_ABBR if abbreviated else MONTHS_FULL)[month]


def month_year_text(
    month: int, be: int, abbreviated: bool = False, thai_digits: bool = True
) -> str:
    """Month and Buddhist-era year: "ตุลาคม ๒๕๖๗"."""
    return localize_digits(f"{month_name(month, abbreviated)} {be}", thai_digits)


def fiscal_year_of(d: datetime.date) -> int:
    """Buddhist-era fiscal year holding date d; October–December belong to the next year."""
    year = be_year(d.year)
    return year + 1 if d.month >= FISCAL_YEAR_START_MONTH else year


def fiscal_year_months(be_fy: int) -> list[tuple[int, int]]:
    """The twelve (month, BE year) pairs of a fiscal year, from ต.ค. of be_fy-1 to ก.ย. of be_fy."""
    first = [(month, be_fy - 1) for month in range(FISCAL_YEAR_START_MONTH, 13)]
    return first + [(month, be_fy) for month in range(1, FISCAL_YEAR_START_MONTH)]


def month_span_text(
    start_month: int,
    start_year: int,
    end_month: int,
    end_year: int,
    abbreviated: bool = False,
    thai_digits: bool = True,
) -> str:
    """A span of months with both (BE) years always given: "มกราคม ๒๕๖๕ – เมษายน ๒๕๖๕"."""
    start = month_year_text(start_month, start_year, abbreviated, thai_digits)
    end = month_year_text(end_month, end_year, abbreviated, thai_digits)
    return f"{start}{RANGE_SEPARATOR}{end}"


def round_range(
    be_fy: int, round_months: int, abbreviated: bool = True, thai_digits: bool = True
) -> str:
    """The first `round_months` months of a fiscal year: 6 of 2565 -> "ต.ค. ๒๕๖๔ – มี.ค. ๒๕๖๕"."""
    if not 1 <= round_months <= 12:
        raise ValueError(f"จำนวนเดือนของรอบต้องอยู่ระหว่าง 1 ถึง 12 (ได้ {round_months})")
    months = fiscal_year_months(be_fy)
    (start_month, start_year), (end_month, end_year) = months[0], months[round_months - 1]
    return month_span_text(start_month, start_year, end_month, end_year, abbreviated, thai_digits)
