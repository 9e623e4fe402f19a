"""The open database file: transactions (read, or write begun before its first read) and copies.

Importing this module loads no SQLAlchemy (a PDF export reads through `storage.snapshot`);
the engine, the sessions and the migrations load when a file is opened.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from ita_desktop.domain.models import Assessment, Measure, Organization, ProgressEntry
from ita_desktop.errors import ReadOnlyDatabaseError, ValidationError, shown
from ita_desktop.storage import backups, open_files
from ita_desktop.storage.file_format import translated_errors
from ita_desktop.storage.reads import StoreReads
from ita_desktop.thai.normalize import normalize_name

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine

    from ita_desktop.storage.store import Store


class Repository:
    """Owns the engine; every read and write happens inside `read()` or `write()`.

    The services are the only callers of `write()`; a few read shortcuts below each take one
    short read transaction of their own.
    """

    def __init__(self, engine: Engine, path: Path | None = None, read_only: bool = False) -> None:
        self.engine = engine
        self.path = path
        self.read_only = read_only  # the file, its folder or its disk cannot be written
        self.set_aside: tuple[Path, ...] = ()  # side files renamed at open (not this file's)
        from sqlalchemy.orm import sessionmaker

        self._sessions = sessionmaker(engine, expire_on_commit=False)
        open_files.register(self)

    @classmethod
    def open(cls, path: Path | str | None, busy_timeout_ms: int | None = None) -> Repository:
        """Open (creating and migrating as needed) the database file; None opens in memory.

        Raises the StorageError subclasses of `storage.inspection.inspect_file` for a file that
        is empty, damaged, another program's or newer, leaving it untouched; a file that
        cannot be written opens with `read_only` True."""
        from ita_desktop.storage.database import open_file

        opened = open_file(path) if busy_timeout_ms is None else open_file(path, busy_timeout_ms)
        repo = cls(opened.engine, Path(path) if path is not None else None, opened.read_only)
        repo.set_aside = opened.set_aside
        return repo

    def close(self) -> None:
        open_files.forget(self)
        self.engine.dispose()

    @contextmanager
    def read(self) -> Iterator[Store]:
        """One consistent snapshot for several reads."""
        from ita_desktop.storage.store import Store

        with translated_errors(), self._sessions() as session, session.begin():
            yield Store(session)

    @contextmanager
    def write(self) -> Iterator[Store]:
        """One write transaction: BEGIN IMMEDIATE before the first read, commit at the end.
        On a read-only database it raises ReadOnlyDatabaseError before anything starts."""
        if self.read_only:
            raise ReadOnlyDatabaseError(
                "ไฟล์นี้เปิดแบบอ่านอย่างเดียว (ไฟล์ โฟลเดอร์ หรือแผ่นดิสก์นี้เขียนไม่ได้) จึงแก้ไขไม่ได้"
                " ดูและส่งออกเอกสารได้ตามปกติ หากต้องการแก้ไข ให้บันทึกเป็นไฟล์ใหม่ในโฟลเดอร์ที่เขียนได้",
                f"read-only database: {self.path}",
            )
        from ita_desktop.storage.database import IMMEDIATE
        from ita_desktop.storage.store import Store

        with translated_errors(), self._sessions() as session, session.begin():
            session.connection(execution_options={IMMEDIATE: True})
            yield Store(session)

    # read shortcuts --------------------------------------------------------------------------
    def organizations(self) -> list[Organization]:
        with self.read() as s:
            return s.organizations()

    def organization(self, org_id: int) -> Organization:
        with self.read() as s:
            return s.organization(org_id)

    def years(self, org_id: int) -> list[int]:
        with self.read() as s:
            return s.years(org_id)

    def assessment(self, org_id: int, year: int | None = None) -> Assessment:
        """One organisation's assessment of `year` (None: its latest)."""
        with self.read() as s:
            return find_assessment(s, org_id, year)

    def measures(self, assessment_id: int) -> list[Measure]:
        with self.read() as s:
            return s.measures(assessment_id)

    def progress(self, assessment_id: int, round_months: int) -> dict[int, ProgressEntry]:
        with self.read() as s:
            return s.progress(assessment_id, round_months)

    # files -----------------------------------------------------------------------------------
    def save_copy(self, target: Path) -> None:
        """A consistent copy of the whole database (Save As, Backup)."""
        from ita_desktop.storage.database import copy_database

        copy_database(self.engine, target)

    def backup(self, reason: str, keep: int | None = None) -> Path:
        """A backup in the file's backups folder (storage.backups); returns its path."""
        if self.path is None:
            raise ValidationError("ฐานข้อมูลนี้ยังไม่ได้บันทึกเป็นไฟล์ จึงสำรองไม่ได้", "in memory")
        with translated_errors():
            raw = self.engine.raw_connection()
            try:
                driver = raw.driver_connection
                assert isinstance(driver, sqlite3.Connection)
                return backups.backup(driver, self.path, reason, keep)
            finally:
                raw.close()


def find_assessment(s: StoreReads, org_id: int, year: int | None) -> Assessment:
    """The organisation's assessment of `year` (None: its latest), or a Thai ValidationError."""
    found = s.latest_year(org_id) if year is None else year
    assessment_id = s.assessment_id(org_id, found) if found is not None else None
    if assessment_id is None:
        name = s.organization(org_id).name
        if year is None:
            raise ValidationError(f"หน่วยงาน “{name}” ยังไม่มีการประเมินใด", "no assessment")
        years = ", ".join(str(y) for y in s.years(org_id))
        raise ValidationError(
            f"หน่วยงาน “{name}” ยังไม่มีการประเมินปีงบประมาณ {year} (ปีที่มี: {years})",
            f"no assessment {year}",
        )
    return s.assessment(assessment_id)


def find_organization_in(s: StoreReads, ref: str | int | None) -> Organization:
    """By id, by name (normalised: spaces, Thai marks), or by an unambiguous part of the name;
    None gives the first organisation. Otherwise a Thai ValidationError listing candidates."""
    orgs = s.organizations()
    if not orgs:
        raise ValidationError("ยังไม่มีหน่วยงานในฐานข้อมูลนี้", "no organisation in database")
    if ref is None or str(ref).strip() == "":
        return orgs[0]
    text = normalize_name(str(ref))
    if text.isdecimal():  # what int() reads: Thai digits too, not "²"
        by_id = [o for o in orgs if o.id == int(text)]
        if by_id:
            return by_id[0]
    key = _match_key(text)
    exact = [o for o in orgs if _match_key(o.name) == key]
    if len(exact) == 1:
        return exact[0]
    partial = exact or [o for o in orgs if key and key in _match_key(o.name)]
    if len(partial) == 1:
        return partial[0]
    typed = shown(str(ref).strip())  # as typed (escaped), not as normalised
    if not partial:
        names = ", ".join(f"{o.id}={shown(o.name, 40)}" for o in orgs[:10])
        raise ValidationError(f"ไม่พบหน่วยงาน “{typed}” หน่วยงานที่มี: {names}", "organisation not found")
    names = ", ".join(f"{o.id}={shown(o.name, 40)}" for o in partial[:10])
    raise ValidationError(
        f"ชื่อ “{typed}” ตรงกับหลายหน่วยงาน ({names}) กรุณาระบุรหัสหรือชื่อเต็ม",
        "ambiguous organisation",
    )


def _match_key(name: str) -> str:
    return normalize_name(name).replace(" ", "").casefold()
