"""Which fiscal year a new assessment should be, and which rules preset a year takes."""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Sequence

from ita_desktop.thai.dates import fiscal_year_of


def last_completed_year(today: datetime.date) -> int:
    """The Buddhist-era fiscal year that ended most recently (on 27 Nov 2026, FY 2570 is
    running, so 2569): the year whose results a clerk analyses."""
    return fiscal_year_of(today) - 1


def proposed_year(today: datetime.date, existing: Iterable[int]) -> int:
    """The year "เพิ่มปี…" offers: the last completed one; when the organisation has it, the
    running year; when it has both, the latest earlier year it does not have."""
    have = set(existing)
    completed = last_completed_year(today)
    for year in (completed, completed + 1):
        if year not in have:
            return year
    year = completed - 1
    while year in have:
        year -= 1
    return year


def rules_source_year(year: int, preset_years: Sequence[int]) -> int:
    """The preset a new year copies: its own, else the nearest earlier one, else the oldest
    (the rule `rules.presets.preset_for` applies)."""
    if not preset_years:
        raise ValueError("no rules presets")
    earlier = [y for y in sorted(preset_years) if y <= year]
    return earlier[-1] if earlier else min(preset_years)


def years_text(years: Sequence[int]) -> str:
    """Years as a short list, consecutive runs joined: [2562, …, 2568] -> "2562–2568"."""
    runs: list[list[int]] = []
    for year in sorted(set(years)):
        if runs and year == runs[-1][-1] + 1:
            runs[-1].append(year)
        else:
            runs.append([year])
    return ", ".join(f"{r[0]}–{r[-1]}" if len(r) > 2 else ", ".join(map(str, r)) for r in runs)
