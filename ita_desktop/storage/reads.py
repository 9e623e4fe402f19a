"""What reading a database offers, whoever reads it: the read methods of `storage.store.Store`
(SQLAlchemy) and of `storage.snapshot` (plain sqlite3, for exports) are both `StoreReads`."""

from __future__ import annotations

from contextlib import AbstractContextManager
from pathlib import Path
from typing import Protocol

from ita_desktop.domain.models import (
    Assessment,
    Measure,
    Organization,
    ProgressEntry,
    ReportSettings,
)
from ita_desktop.errors import StorageError


class StoreReads(Protocol):
    """The reads of one transaction; each returns domain dataclasses."""

    def organizations(self) -> list[Organization]: ...

    def organization(self, org_id: int) -> Organization: ...

    def years(self, org_id: int) -> list[int]: ...

    def assessment_id(self, org_id: int, year: int) -> int | None: ...

    def latest_year(self, org_id: int) -> int | None: ...

    def assessment(self, assessment_id: int) -> Assessment: ...

    def settings(self, assessment_id: int) -> ReportSettings: ...

    def measures(self, assessment_id: int) -> list[Measure]: ...

    def progress(self, assessment_id: int, round_months: int) -> dict[int, ProgressEntry]: ...


class Reader(Protocol):
    """An open database file to read: `read()` is one consistent snapshot."""

    @property
    def path(self) -> Path | None: ...

    def read(self) -> AbstractContextManager[StoreReads]: ...


def missing_organization(org_id: int | None) -> StorageError:
    return StorageError("ไม่พบหน่วยงานนี้ในฐานข้อมูล", f"organisation {org_id} not found")


def missing_assessment(assessment_id: int | None) -> StorageError:
    return StorageError("ไม่พบการประเมินนี้ในฐานข้อมูล", f"assessment {assessment_id} not found")
