"""Use cases on the exchange file (JSON): export organisations and years, import them back.

The export reads one snapshot and writes through a temporary file; the import is checked whole
first, then applied in one write transaction (all or nothing). See docs/exchange-format.md.
"""

from __future__ import annotations

import errno
import os
import stat
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

from ita_desktop.domain.models import PROGRESS_FIELDS, ROUNDS, Organization
from ita_desktop.errors import ExportError, ImportError_, ValidationError, shown
from ita_desktop.exporters.exchange_json import (
    document_json,
    dumps,
    measure_json,
    organization_json,
    year_json,
)
from ita_desktop.importers.exchange_checks import organization_key
from ita_desktop.importers.exchange_json import ExchangeFile, ImportedOrganization, read_exchange
from ita_desktop.services.backups import before_change
from ita_desktop.services.changes import DATABASE, KINDS, Changes
from ita_desktop.services.export import remove_stale_parts
from ita_desktop.services.files import refuse_open_file
from ita_desktop.services.organizations import find_organization
from ita_desktop.storage.repository import Repository
from ita_desktop.storage.store import Store
from ita_desktop.thai.normalize import normalize_name

CREATE, REPLACE = "create", "replace"
DETAIL_FIELDS = ("kind", "district", "province", "units", "logo")  # the name is the match


@dataclass(frozen=True)
class ExportSummary:
    path: Path
    organizations: int
    years: int
    size: int  # bytes


@dataclass(frozen=True)
class YearPlan:
    year: int
    action: str  # CREATE or REPLACE (the year's content is then the file's)
    measures: int


@dataclass(frozen=True)
class OrganizationPlan:
    name: str
    org_id: int | None  # None: the organisation is created
    changed: tuple[str, ...]  # DETAIL_FIELDS the file changes on an existing organisation
    years: tuple[YearPlan, ...]


@dataclass(frozen=True)
class ImportPlan:
    """What an import does (or, dry run, would do) to the database."""

    organizations: tuple[OrganizationPlan, ...]

    @property
    def organizations_created(self) -> int:
        return sum(1 for o in self.organizations if o.org_id is None)

    @property
    def organizations_updated(self) -> int:
        return sum(1 for o in self.organizations if o.org_id is not None and o.changed)

    def years_with(self, action: str) -> int:
        return sum(1 for o in self.organizations for y in o.years if y.action == action)


def app_version() -> str:
    try:
        return version("ita-desktop")
    except PackageNotFoundError:
        return "unknown"


# export ----------------------------------------------------------------------------------
def exchange_document(
    db: Repository,
    *,
    org: str | int | None = None,
    year: int | None = None,
    exported_at: datetime | None = None,
) -> dict[str, Any]:
    """Everything of the chosen organisations (None: all) and years (None: all), one snapshot."""
    chosen = find_organization(db, org).id if org is not None else None
    with db.read() as s:
        orgs = [s.organization(chosen)] if chosen is not None else s.organizations()
        items = []
        for o in orgs:
            assert o.id is not None
            years = [y for y in s.years(o.id) if year is None or y == year]
            if year is not None and not years:
                if chosen is not None:
                    raise ValidationError(
                        f"{o.name} ยังไม่มีการประเมินปีงบประมาณ {year}", f"no assessment {year}"
                    )
                continue
            items.append(organization_json(o, [_year_json(s, o.id, y) for y in years]))
        if year is not None and not items:
            raise ValidationError(
                f"ยังไม่มีหน่วยงานใดมีการประเมินปีงบประมาณ {year}", f"no assessment {year}"
            )
    return document_json(items, app_version=app_version(), exported_at=exported_at)


def _year_json(s: Store, org_id: int, year: int) -> dict[str, Any]:
    assessment_id = s.assessment_id(org_id, year)
    assert assessment_id is not None
    progress = {r: s.progress(assessment_id, r) for r in ROUNDS}
    measures = [
        measure_json(m, [progress[r][m.id] for r in ROUNDS if m.id in progress[r]])
        for m in s.measures(assessment_id)
    ]
    return year_json(s.assessment(assessment_id), s.settings(assessment_id), measures)


def export_exchange(
    db: Repository,
    out: Path,
    *,
    org: str | int | None = None,
    year: int | None = None,
    exported_at: datetime | None = None,
) -> ExportSummary:
    """Write the exchange file to `out` (never over the open database) via a temporary file."""
    out = Path(out)
    if out.is_dir():
        raise ValidationError(f"“{shown(out)}” เป็นโฟลเดอร์ กรุณาระบุชื่อไฟล์", "output is a directory")
    refuse_open_file(out, db.path)
    document = exchange_document(db, org=org, year=year, exported_at=exported_at)
    data = dumps(document).encode("utf-8")
    _write_file(out, data)
    orgs = document["organizations"]
    return ExportSummary(out, len(orgs), sum(len(o["years"]) for o in orgs), len(data))


def _write_file(out: Path, data: bytes) -> None:
    remove_stale_parts(out)  # temporary files of exports that were killed
    try:
        fd, name = tempfile.mkstemp(
            prefix=f".{out.stem}.", suffix=f"{out.suffix}.part", dir=out.parent
        )
    except OSError as exc:
        raise ExportError(
            _os_message(exc, out), f"{type(exc).__name__}: {shown(exc.strerror)}"
        ) from exc
    tmp = Path(name)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tmp, _file_mode(out))
        os.replace(tmp, out)
    except OSError as exc:
        raise ExportError(
            _os_message(exc, out), f"{type(exc).__name__}: {shown(exc.strerror)}"
        ) from exc
    finally:
        tmp.unlink(missing_ok=True)


def _file_mode(out: Path) -> int:
    """The replaced file's permissions; a new file is readable by all, unlike its temporary."""
    try:
        return stat.S_IMODE(out.stat().st_mode)
    except FileNotFoundError:
        return 0o644


def _os_message(exc: OSError, out: Path) -> str:
    name, folder = shown(out.name), shown(out.parent)
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return f"พื้นที่ในดิสก์ไม่พอ บันทึกไฟล์ {name} ไม่ได้"
    if exc.errno == errno.ENOENT:
        return f"ไม่พบโฟลเดอร์ {folder} กรุณาเลือกโฟลเดอร์ที่มีอยู่"
    if exc.errno == errno.EROFS:
        return f"โฟลเดอร์ {folder} เขียนไม่ได้ (อ่านได้อย่างเดียว) กรุณาเลือกที่บันทึกอื่น"
    if isinstance(exc, PermissionError) or exc.errno in (errno.EACCES, errno.EPERM):
        return f"ไม่มีสิทธิ์เขียนไฟล์ {name} ในโฟลเดอร์ {folder}"
    return f"บันทึกไฟล์ {name} ไม่สำเร็จ"


# import ----------------------------------------------------------------------------------
def read_exchange_file(path: Path) -> ExchangeFile:
    """Read and check the whole file; ImportError_ listing every problem (nothing written)."""
    return read_exchange(Path(path))


def plan_import(db: Repository | None, exchange: ExchangeFile) -> ImportPlan:
    """What `import_exchange` would do; None stands for a database that does not exist yet."""
    if db is None:
        return _plan(exchange, [], lambda _org_id: [])
    with db.read() as s:
        return _plan(exchange, s.organizations(), s.years)


def import_exchange(db: Repository, exchange: ExchangeFile) -> Changes:
    """Apply the file in one transaction: organisations (matched by normalised name) and years
    missing are created, existing years replaced by the file's content. details["plan"] is
    the ImportPlan carried out."""
    before_change(db, "import")  # the file as it was, in its backups folder
    with db.write() as s:
        plan = _plan(exchange, s.organizations(), s.years)
        for item, org_plan in zip(exchange.organizations, plan.organizations, strict=True):
            _apply(s, item, org_plan)
    return Changes(frozenset({*KINDS, DATABASE}), details={"plan": plan})


def _plan(
    exchange: ExchangeFile,
    existing: Sequence[Organization],
    years_of: Callable[[int], list[int]],
) -> ImportPlan:
    by_key: dict[str, list[Organization]] = {}
    for o in existing:
        by_key.setdefault(organization_key(o.name), []).append(o)
    plans, clashes = [], []
    for item in exchange.organizations:
        matches = by_key.get(organization_key(item.organization.name), [])
        if len(matches) > 1:
            ids = ", ".join(str(o.id) for o in matches)
            clashes.append(f"“{shown(matches[0].name)}” (รหัส {ids})")
            continue
        found = matches[0] if matches else None
        have = set(years_of(found.id)) if found is not None and found.id is not None else set()
        years = tuple(
            YearPlan(
                y.assessment.year, REPLACE if y.assessment.year in have else CREATE, len(y.measures)
            )
            for y in item.years
        )
        name = found.name if found is not None else normalize_name(item.organization.name)
        changed = _changed_details(found, item.organization) if found is not None else ()
        plans.append(OrganizationPlan(name, found.id if found else None, changed, years))
    if clashes:
        raise ImportError_(
            "ในฐานข้อมูลมีหน่วยงานชื่อเดียวกันมากกว่าหนึ่งแห่ง จึงไม่รู้ว่าจะนำเข้าให้แห่งใด: "
            + ", ".join(clashes)
            + " กรุณาเปลี่ยนชื่อให้ต่างกันก่อน",
            "ambiguous organisation names in the database",
        )
    return ImportPlan(tuple(plans))


def _changed_details(current: Organization, new: Organization) -> tuple[str, ...]:
    """The detail fields whose stored (normalised) value the file would change."""
    incoming = {
        "kind": normalize_name(new.kind),
        "district": normalize_name(new.district),
        "province": normalize_name(new.province),
        "units": [u for u in (normalize_name(x) for x in new.units) if u],
        "logo": new.logo,
    }
    return tuple(f for f in DETAIL_FIELDS if getattr(current, f) != incoming[f])


def _apply(s: Store, item: ImportedOrganization, plan: OrganizationPlan) -> None:
    org_id = plan.org_id if plan.org_id is not None else s.add_organization(item.organization)
    if plan.changed:
        s.update_organization(org_id, {f: getattr(item.organization, f) for f in plan.changed})
    for y in item.years:
        a = replace(y.assessment, organization_id=org_id)
        assessment_id = s.assessment_id(org_id, a.year)
        if assessment_id is None:
            assessment_id = s.add_assessment(a, y.settings)
        else:
            s.replace_assessment(assessment_id, a, y.settings)
        for m in y.measures:
            measure_id = s.add_measure(assessment_id, m.measure)
            for e in m.progress:
                values = {name: getattr(e, name) for name in PROGRESS_FIELDS}
                s.update_progress(measure_id, e.round, values)
