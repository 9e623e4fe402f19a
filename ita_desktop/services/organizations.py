"""Use cases on organisations: list, find by id or (partial) name, add, change, delete."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

from ita_desktop.domain.fiscal import last_completed_year, proposed_year, rules_source_year
from ita_desktop.domain.models import Assessment, Organization
from ita_desktop.errors import ValidationError
from ita_desktop.rules.presets import available_years, preset_for
from ita_desktop.services.assessments import check_year
from ita_desktop.services.changes import ORGANIZATION, ORGANIZATIONS, YEARS, Changes
from ita_desktop.storage.reads import Reader
from ita_desktop.storage.repository import Repository, find_organization_in
from ita_desktop.storage.store import ORGANIZATION_FIELDS
from ita_desktop.thai.normalize import normalize_name


def list_organizations(db: Repository) -> list[tuple[Organization, list[int]]]:
    """Every organisation with its fiscal years, in the order they were added."""
    with db.read() as s:
        return [(org, s.years(org.id)) for org in s.organizations() if org.id is not None]


def get_organization(db: Repository, org_id: int) -> Organization:
    with db.read() as s:
        return s.organization(org_id)


def find_organization(db: Reader, ref: str | int | None) -> Organization:
    """By id, by name (normalised: spaces, Thai marks), or by an unambiguous part of the name;
    None gives the first organisation. Otherwise a Thai ValidationError listing candidates."""
    with db.read() as s:
        return find_organization_in(s, ref)


NAME_LIMIT = 300  # characters; the longest real agency names are under 120


def _check_name(name: str) -> None:
    cleaned = normalize_name(name or "")
    if not cleaned:
        raise ValidationError("กรุณากรอกชื่อหน่วยงาน", "organisation name is empty")
    if len(cleaned) > NAME_LIMIT:
        raise ValidationError(
            f"ชื่อหน่วยงานยาวเกินไป ({len(cleaned):,} ตัวอักษร ไม่เกิน {NAME_LIMIT})",
            f"organisation name has {len(cleaned)} characters",
        )


def add_organization(db: Repository, org: Organization, first_year: int | None = None) -> Changes:
    """A new organisation, with `first_year` started from that year's rules preset when
    given (both in one transaction); `created_id` is the organisation's id."""
    _check_name(org.name)
    if first_year is not None:
        check_year(first_year)
    with db.write() as s:
        org_id = s.add_organization(org)
        if first_year is not None:
            rules = preset_for(first_year)
            s.add_assessment(
                Assessment(org_id, first_year, rules, threshold=rules.target, target=rules.target)
            )
    return Changes.of(ORGANIZATIONS, ORGANIZATION, YEARS, created_id=org_id)


@dataclass(frozen=True)
class YearChoice:
    """What "เพิ่มปี…" offers an organisation on a given day."""

    proposed: int  # the last completed fiscal year, unless the organisation has it
    last_completed: int
    existing: list[int]  # the organisation's years
    rule_years: list[int]  # years with a shipped NACC preset


def year_choice(db: Repository, org_id: int, today: datetime.date) -> YearChoice:
    """The year to propose for a new assessment of the organisation (no year is ever created
    without the clerk choosing it)."""
    with db.read() as s:
        existing = s.years(org_id)
    return YearChoice(
        proposed_year(today, existing), last_completed_year(today), existing, available_years()
    )


def year_rules_note(year: int) -> str:
    """One Thai sentence: which rules a new `year` starts from (editable on page เกณฑ์)."""
    source = rules_source_year(year, available_years())
    if source == year:
        return f"ปี {year} ใช้เกณฑ์ของ ป.ป.ช. ปี {year} (แก้ไขได้ที่หน้าเกณฑ์)"
    if source > year:
        return f"โปรแกรมไม่มีเกณฑ์ปี {year} จะใช้เกณฑ์ปี {source} (แก้ไขได้ที่หน้าเกณฑ์)"
    return f"ปี {year} ยังไม่มีเกณฑ์ของ ป.ป.ช. จะใช้เกณฑ์ปี {source} (แก้ไขได้ที่หน้าเกณฑ์)"


def update_organization(db: Repository, org_id: int, **values: Any) -> Changes:
    """Change only the named fields (name, kind, district, province, logo, units)."""
    unknown = set(values) - set(ORGANIZATION_FIELDS)
    if unknown:
        raise ValueError(f"not an organisation field: {sorted(unknown)}")
    if "name" in values:
        _check_name(values["name"])
    with db.write() as s:
        before = s.update_organization(org_id, values)
    kinds = (ORGANIZATION, ORGANIZATIONS) if "name" in values else (ORGANIZATION,)
    return Changes.of(*kinds, before=before)


def delete_organization(db: Repository, org_id: int) -> Changes:
    """Delete the organisation with all its years, measures and progress."""
    with db.write() as s:
        s.delete_organization(org_id)
    return Changes.of(ORGANIZATIONS, ORGANIZATION, YEARS)
