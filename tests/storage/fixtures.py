"""Shared test data for storage and services tests: an organisation, a year, a table dump."""

from __future__ import annotations

import copy
from typing import Any

from ita_desktop.domain.models import Assessment, Measure, Organization, Period
from ita_desktop.rules.presets import preset_for
from ita_desktop.storage.repository import Repository

NABON = Organization(
    "เทศบาลตำบลนาบอน",
    "เทศบาลตำบล",
    "นาบอน",
    "นครศรีธรรมราช",
    b"\x89PNG",
    ["สำนักปลัด", "กองคลัง"],
)
TABLES = ("organizations", "assessments", "scores", "measures", "progress")


def nabon() -> Organization:
    """A fresh copy of NABON (the writes must not depend on the caller's object)."""
    return copy.deepcopy(NABON)


def new_year(org_id: int, year: int = 2566, **fields: Any) -> Assessment:
    """An unsaved assessment with the year's preset rules, threshold at the target."""
    rules = preset_for(year)
    a = Assessment(org_id, year, rules, threshold=rules.target, target=rules.target)
    for name, value in fields.items():
        setattr(a, name, value)
    return a


def measure(title: str, **fields: Any) -> Measure:
    """A measure with every field filled, so a test sees which ones a write changed."""
    values: dict[str, Any] = {
        "indicators": [4],
        "steps": ["ขั้นที่ ๑", "ขั้นที่ ๒"],
        "responsible": ["กองคลัง"],
        "period": Period(False, 1, 2567, 4, 2567),
        "monitoring": "รายงานทุกไตรมาส",
        "kpi": "ร้อยละ 100",
    }
    values.update(fields)
    return Measure(title, **values)


def dump(repo: Repository) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table, to check that a refused write changed nothing."""
    with repo.engine.connect() as conn:
        return {
            table: sorted(
                (tuple(row) for row in conn.exec_driver_sql(f"SELECT * FROM {table}")), key=repr
            )
            for table in TABLES
        }


def raw_scores(repo: Repository, assessment_id: int) -> dict[int, str]:
    """Scores as the text stored in the file (DecimalText), to see "-0" or "90.10"."""
    with repo.engine.connect() as conn:
        rows = conn.exec_driver_sql(
            "SELECT indicator, value FROM scores WHERE assessment_id = ?", (assessment_id,)
        )
        return {indicator: value for indicator, value in rows}
