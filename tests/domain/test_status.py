"""A round's shown status: "ยังไม่ถึงกำหนด" for a measure that starts after the round ends,
"ยังไม่ดำเนินการ" (late) for one whose period has begun, the recorded status otherwise."""

from __future__ import annotations

import pytest

from ita_desktop.domain.models import Measure, Period, ProgressEntry
from ita_desktop.domain.status import NOT_DUE, NOT_STARTED, round_end, round_status

PLAN = 2570  # the plan of fiscal year 2570: 1 Oct 2569 – 30 Sep 2570


def measure(period: Period) -> Measure:
    return Measure("มาตรการทดสอบ", period=period, id=1)


def test_round_ends() -> None:
    assert round_end(PLAN, 6) == (3, 2570)
    assert round_end(PLAN, 12) == (9, 2570)


@pytest.mark.parametrize(
    ("period", "round_months", "shown"),
    [
        (Period(False, 4, 2570, 9, 2570), 6, NOT_DUE),  # April–September: after March
        (Period(False, 4, None, 9, None), 6, NOT_DUE),  # months without years: the plan's
        (Period(False, 4, 2570, 9, 2570), 12, NOT_STARTED),  # due by the 12-month round
        (Period(False, 3, 2570, 9, 2570), 6, NOT_STARTED),  # begins within the round: late
        (Period(False, 10, None, 3, None), 6, NOT_STARTED),
        (Period(True), 6, NOT_STARTED),  # the whole year starts in October
        (Period(False, 10, 2570, 12, 2570), 12, NOT_DUE),  # the next fiscal year
        (Period(), 6, NOT_STARTED),  # unknown period: as before, not started
        (Period(text="ไตรมาส 3"), 6, NOT_STARTED),  # free text: cannot tell
    ],
)
def test_nothing_recorded(period: Period, round_months: int, shown: str) -> None:
    assert round_status(measure(period), None, PLAN, round_months).text == shown
    recorded = ProgressEntry(1, round_months, status=NOT_STARTED)
    assert round_status(measure(period), recorded, PLAN, round_months).text == shown


def test_the_recorded_status_wins_and_each_says_why() -> None:
    april = measure(Period(False, 4, 2570, 9, 2570))
    started = round_status(april, ProgressEntry(1, 6, status="อยู่ระหว่างดำเนินการ"), PLAN, 6)
    assert started.text == "อยู่ระหว่างดำเนินการ"
    not_due = round_status(april, None, PLAN, 6)
    assert not_due.why == "มาตรการเริ่ม เม.ย. 2570 หลังสิ้นรอบ 6 เดือน (มี.ค. 2570)"
    late = round_status(measure(Period(True)), None, PLAN, 6)
    assert late.why == "เลยกำหนดเริ่ม (ต.ค. 2569) แล้ว ยังไม่ได้บันทึกการดำเนินการ"
