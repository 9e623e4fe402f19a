"""Which fiscal year a new assessment proposes, and which preset a year copies."""

from __future__ import annotations

import datetime

import pytest

from ita_desktop.domain.fiscal import (
    last_completed_year,
    proposed_year,
    rules_source_year,
    years_text,
)

PRESETS = [2562, 2563, 2564, 2565, 2566, 2567, 2568]


@pytest.mark.parametrize(
    ("day", "year"),
    [
        (datetime.date(2026, 11, 27), 2569),  # FY 2570 runs since 1 Oct 2026
        (datetime.date(2026, 9, 30), 2568),  # last day of FY 2569: 2569 has not ended
        (datetime.date(2026, 10, 1), 2569),  # first day of FY 2570
        (datetime.date(2027, 1, 1), 2569),
    ],
)
def test_last_completed_year_follows_1_october(day: datetime.date, year: int) -> None:
    assert last_completed_year(day) == year


def test_proposal_skips_years_the_organisation_has() -> None:
    day = datetime.date(2026, 11, 27)
    assert proposed_year(day, []) == 2569
    assert proposed_year(day, [2564, 2565]) == 2569  # not "the year after the last one"
    assert proposed_year(day, [2569]) == 2570  # then the running year
    assert proposed_year(day, [2567, 2569, 2570]) == 2568  # then the latest missing one
    assert proposed_year(day, [2568, 2569, 2570]) == 2567


def test_a_year_copies_its_own_or_the_nearest_earlier_preset() -> None:
    assert rules_source_year(2565, PRESETS) == 2565
    assert rules_source_year(2569, PRESETS) == 2568
    assert rules_source_year(2575, PRESETS) == 2568
    assert rules_source_year(2560, PRESETS) == 2562  # before the first: the oldest
    with pytest.raises(ValueError):
        rules_source_year(2569, [])


def test_years_text_joins_runs() -> None:
    assert years_text(PRESETS) == "2562–2568"
    assert years_text([2564, 2565]) == "2564, 2565"
    assert years_text([2562, 2563, 2564, 2566]) == "2562–2564, 2566"
    assert years_text([]) == ""
