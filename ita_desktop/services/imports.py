"""Use case: a workbook our Excel export wrote, edited in Excel or LibreOffice, read back into
the organisation and year it names (never the ones selected), checked whole, previewed, then
applied in one transaction: a year the database holds is updated in place, only what differs
(services.import_in_place); a new one is added through the exchange import (services.exchange).

The workbook carries scores, official figures, threshold, target, issues, the measures plan and
the progress of each round; everything else of the year (rules, report settings, edited
analysis texts) is kept as stored. See docs/excel.md.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from decimal import Decimal
from pathlib import Path

from ita_desktop.domain.models import (
    ROUNDS,
    Assessment,
    Measure,
    Organization,
    ProgressEntry,
    ReportSettings,
)
from ita_desktop.domain.periods import period_text
from ita_desktop.errors import ValidationError, shown
from ita_desktop.importers.exchange_checks import organization_key
from ita_desktop.importers.exchange_json import (
    ExchangeFile,
    ImportedMeasure,
    ImportedOrganization,
    ImportedYear,
)
from ita_desktop.importers.workbook import (
    WorkbookYear,
    change_lines,
    not_read_sheets,
    open_book,
    read_identity,
    read_year,
)
from ita_desktop.rules.presets import preset_for
from ita_desktop.services.changes import Changes
from ita_desktop.services.exchange import ImportPlan, app_version, import_exchange, plan_import
from ita_desktop.services.import_in_place import update_year
from ita_desktop.services.import_unread import unread_edits
from ita_desktop.services.organizations import find_organization
from ita_desktop.storage.repository import Repository
from ita_desktop.storage.store import Store

EXCHANGE_FORMAT_VERSION = 1


@dataclass(frozen=True)
class Stored:
    """What the database holds of the workbook's organisation and year (None: not yet)."""

    organization: Organization | None
    assessment: Assessment | None
    settings: ReportSettings | None
    measures: list[Measure]
    progress: dict[int, dict[int, ProgressEntry]]  # round -> measure id -> entry


@dataclass(frozen=True)
class WorkbookPreview:
    """What importing the workbook does: checked data, the plan and the changes in Thai."""

    file: Path
    data: WorkbookYear
    plan: ImportPlan
    changes: tuple[str, ...]
    not_read: tuple[str, ...]  # sheets the import does not read (computed, or added)

    @property
    def organization(self) -> str:
        return self.data.organization

    @property
    def year(self) -> int:
        return self.data.year


def preview_workbook(
    db: Repository | None, path: Path, *, org: str | int | None = None, year: int | None = None
) -> WorkbookPreview:
    """Read and check the whole workbook against what `db` holds (None: a database that does not
    exist yet); refused (Thai, naming both) when `org`/`year` are given and the workbook holds
    another. Nothing is written."""
    path = Path(path)
    book = open_book(path)
    name, wb_year = read_identity(book)
    _check_expected(db, path, name, wb_year, org, year)
    stored = _stored(db, name, wb_year)
    rules = stored.assessment.rules if stored.assessment else preset_for(wb_year)
    units = stored.organization.units if stored.organization else []
    data = read_year(book, rules, units)
    exchange = _exchange(data, stored)
    imported = exchange.organizations[0].years[0].assessment
    lines = change_lines(data, stored.assessment, stored.measures, stored.progress)
    lines += unread_edits(db, book, stored.organization, stored.assessment, imported, name)
    return WorkbookPreview(
        path, data, plan_import(db, exchange), tuple(lines), tuple(not_read_sheets(book))
    )


def apply_workbook(db: Repository, preview: WorkbookPreview) -> Changes:
    """Apply a previewed workbook in one transaction (a backup is taken first); the year's
    other data are taken as stored now. A year the database holds gets only what differs
    (nothing at all, and no backup, when nothing does; measures keep their ids); a new one is
    created through the exchange import. details["plan"] is the ImportPlan carried out."""
    stored = _stored(db, preview.organization, preview.year)
    exchange = _exchange(preview.data, stored)
    if stored.assessment is None or stored.assessment.id is None:
        return import_exchange(db, exchange)
    (year,) = exchange.organizations[0].years
    numbers = [m.number for m in preview.data.measures]
    changes = update_year(db, stored.assessment.id, year, numbers)
    return replace(changes, details={"plan": preview.plan})


def import_workbook(
    db: Repository, path: Path, *, org: str | int | None = None, year: int | None = None
) -> Changes:
    return apply_workbook(db, preview_workbook(db, path, org=org, year=year))


def _check_expected(
    db: Repository | None,
    path: Path,
    name: str,
    wb_year: int,
    org: str | int | None,
    year: int | None,
) -> None:
    chosen = find_organization(db, org).name if org is not None and db is not None else None
    if org is not None and db is None:
        raise ValidationError(
            f"ยังไม่มีฐานข้อมูล จึงไม่มีหน่วยงาน “{shown(org)}” (นำเข้าโดยไม่ระบุ --org ได้)",
            "no database for --org",
        )
    wrong_org = chosen is not None and organization_key(chosen) != organization_key(name)
    if wrong_org or (year is not None and year != wb_year):
        expected = f"“{shown(chosen or name)}” ปีงบประมาณ {year or wb_year}"
        raise ValidationError(
            f"ไฟล์ {shown(path.name)} เป็นข้อมูลของ “{shown(name)}” ปีงบประมาณ {wb_year}"
            f" ไม่ใช่ของ {expected} ที่เลือกไว้ จึงไม่ได้นำเข้า"
            " (เลือกหน่วยงานและปีให้ตรงกับไฟล์ หรือนำเข้าโดยไม่ระบุหน่วยงานและปี)",
            "workbook holds another organisation or year",
        )


def _stored(db: Repository | None, name: str, year: int) -> Stored:
    if db is None:
        return Stored(None, None, None, [], {})
    with db.read() as s:
        key = organization_key(name)
        found = [o for o in s.organizations() if organization_key(o.name) == key]
        org = found[0] if len(found) == 1 else None  # several: the plan refuses, naming them
        if org is None or org.id is None or year not in s.years(org.id):
            return Stored(org, None, None, [], {})
        return _year_of(s, org, year)


def _year_of(s: Store, org: Organization, year: int) -> Stored:
    assert org.id is not None
    assessment_id = s.assessment_id(org.id, year)
    assert assessment_id is not None
    progress = {r: s.progress(assessment_id, r) for r in ROUNDS}
    return Stored(
        org,
        s.assessment(assessment_id),
        s.settings(assessment_id),
        s.measures(assessment_id),
        progress,
    )


def _same(new: Decimal | None, old: Decimal | None) -> Decimal | None:
    """The stored decimal when the workbook has the same number (90.5 read for 90.50)."""
    return old if new is not None and old is not None and new == old else new


def _exchange(data: WorkbookYear, stored: Stored) -> ExchangeFile:
    """The workbook merged into the stored year, in the exchange import's plain-data shape."""
    a = stored.assessment or Assessment(None, data.year, preset_for(data.year))
    old = a.official
    official = replace(
        data.official,
        iit=_same(data.official.iit, old.iit),
        eit=_same(data.official.eit, old.eit),
        oit=_same(data.official.oit, old.oit),
        overall=_same(data.official.overall, old.overall),
    )
    assert data.threshold is not None and data.target is not None  # checked by the reader
    assessment = replace(
        a,
        id=None,
        organization_id=None,
        scores={n: _same(v, a.scores.get(n)) for n, v in data.scores.items() if v is not None},
        official=official,
        threshold=_same(data.threshold, a.threshold) or data.threshold,
        target=_same(data.target, a.target) or data.target,
        issues_by_indicator=data.issues_by_indicator,
        issues_by_tool=data.issues_by_tool,
        issue_priorities=data.issue_priorities,
    )
    plan_year = data.year + 1
    measures = [
        _measure(_kept_period(m.measure, stored.measures, m.number, plan_year), m.progress)
        for m in data.measures
    ]
    org = stored.organization or Organization(data.organization, units=_units(data))
    year = ImportedYear(assessment, stored.settings or ReportSettings(), measures)
    return ExchangeFile(
        EXCHANGE_FORMAT_VERSION, app_version(), None, [ImportedOrganization(org, [year])]
    )


def _measure(m: Measure, progress: dict[int, ProgressEntry]) -> ImportedMeasure:
    entries = [
        e
        for _, e in sorted(progress.items())
        if e.status or e.output or e.outcome or e.problems or e.suggestions or e.evidence
    ]
    return ImportedMeasure(m, entries)


def _kept_period(m: Measure, old: list[Measure], number: int | None, plan_year: int) -> Measure:
    """The stored period when the workbook's reads the same (a month's year written out)."""
    if number is None or not 1 <= number <= len(old):
        return m
    before = old[number - 1].period
    same = period_text(before, plan_year) == period_text(m.period, plan_year)
    return replace(m, period=before) if same else m


def _units(data: WorkbookYear) -> list[str]:
    """A new organisation's internal units: those the plan names as responsible, in order."""
    return list(dict.fromkeys(u for m in data.measures for u in m.measure.responsible))
