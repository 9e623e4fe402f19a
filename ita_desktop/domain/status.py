"""A measure's status in a report round as shown: the recorded status, or — when nothing was
done yet — whether it is late ("ยังไม่ดำเนินการ") or not due ("ยังไม่ถึงกำหนด")."""

from __future__ import annotations

from dataclasses import dataclass

from ita_desktop.domain.models import STATUSES, Measure, ProgressEntry
from ita_desktop.domain.periods import fiscal_calendar_year
from ita_desktop.thai.dates import fiscal_year_months, month_year_text

NOT_STARTED, IN_PROGRESS, DONE = STATUSES
NOT_DUE = "ยังไม่ถึงกำหนด"
SHOWN_STATUSES = (NOT_DUE, *STATUSES)  # every status a round can show, in the legend's order


@dataclass(frozen=True)
class RoundStatus:
    text: str  # one of SHOWN_STATUSES (or a recorded status of an older version)
    why: str  # one Thai sentence: what the status is decided from


def round_end(plan_year: int, round_months: int) -> tuple[int, int]:
    """(month, Buddhist-era year) of the last month a round reports: 6 of 2570 -> (3, 2570)."""
    return fiscal_year_months(plan_year)[round_months - 1]


def period_start(measure: Measure, plan_year: int) -> tuple[int, int] | None:
    """(month, year) the measure's period starts, or None when the plan does not say in months
    (free text or unset); a whole-year measure starts with the fiscal year."""
    p = measure.period
    if p.text or not (p.whole_year or p.start_month):
        return None
    if p.whole_year or p.start_month is None:  # (the check above: months when not whole)
        return fiscal_year_months(plan_year)[0]
    return p.start_month, p.start_year or fiscal_calendar_year(p.start_month, plan_year)


def round_status(
    measure: Measure, entry: ProgressEntry | None, plan_year: int, round_months: int
) -> RoundStatus:
    """The status a round shows for a measure of the plan of `plan_year`."""
    recorded = (entry.status.strip() if entry else "") or NOT_STARTED
    end_month, end_year = round_end(plan_year, round_months)
    round_text = f"สิ้นรอบ {round_months} เดือน ({month_year_text(end_month, end_year, True, False)})"
    if recorded != NOT_STARTED:
        return RoundStatus(recorded, f"สถานะที่บันทึกไว้ในรอบ {round_months} เดือน")
    start = period_start(measure, plan_year)
    if start is None:
        return RoundStatus(NOT_STARTED, "ยังไม่ได้บันทึกการดำเนินการ (ระยะเวลาของมาตรการไม่ได้ระบุเป็นเดือน)")
    start_text = month_year_text(*start, True, False)
    if (start[1], start[0]) > (end_year, end_month):
        return RoundStatus(NOT_DUE, f"มาตรการเริ่ม {start_text} หลัง{round_text}")
    return RoundStatus(NOT_STARTED, f"เลยกำหนดเริ่ม ({start_text}) แล้ว ยังไม่ได้บันทึกการดำเนินการ")
