"""A measure's period read back from the words the export wrote (period_text), either digits."""

from __future__ import annotations

import re

from ita_desktop.domain.models import Period
from ita_desktop.domain.periods import fiscal_calendar_year
from ita_desktop.thai.dates import MONTHS_FULL, RANGE_SEPARATOR
from ita_desktop.thai.digits import to_arabic_digits

MONTH = "|".join(re.escape(m) for m in MONTHS_FULL[1:])
SPAN = re.compile(rf"({MONTH}) ([0-9]{{4}}){re.escape(RANGE_SEPARATOR)}({MONTH}) ([0-9]{{4}})")
WHOLE_YEAR = re.compile(r"ตลอดปีงบประมาณ พ.ศ. ([0-9]{4})")


def period_from_text(text: str, plan_year: int) -> Period:
    """The period `period_text` prints as `text`; words it does not print stay free text."""
    plain = to_arabic_digits(text.strip())
    if not plain:
        return Period()
    whole = WHOLE_YEAR.fullmatch(plain)
    if whole and int(whole.group(1)) == plan_year:
        return Period(whole_year=True)
    span = SPAN.fullmatch(plain)
    if span:
        start, end = MONTHS_FULL.index(span.group(1)), MONTHS_FULL.index(span.group(3))
        start_year, end_year = int(span.group(2)), int(span.group(4))
        return Period(
            start_month=start,
            start_year=None if start_year == fiscal_calendar_year(start, plan_year) else start_year,
            end_month=end,
            end_year=None if end_year == fiscal_calendar_year(end, plan_year) else end_year,
        )
    return Period(text=text.strip())
