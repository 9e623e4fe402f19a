"""The repository: every read and write of the database, each write one transaction."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from decimal import Decimal
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, sessionmaker

from ita_desktop.analysis.scoring import check_score
from ita_desktop.domain.models import (
    Assessment,
    Measure,
    Organization,
    ProgressEntry,
    ReportSettings,
)
from ita_desktop.errors import StorageError, ValidationError
from ita_desktop.rules.presets import preset_for
from ita_desktop.storage import convert
from ita_desktop.storage.database import copy_database, open_engine, translated_errors
from ita_desktop.storage.tables import (
    AssessmentRow,
    MeasureRow,
    OrganizationRow,
    ProgressRow,
    ScoreRow,
)


class Repository:
    """Owns the engine; hands out plain dataclasses, never rows or sessions."""

    def __init__(self, engine: Engine, path: Path | None = None) -> None:
        self.engine = engine
        self.path = path
        self._sessions = sessionmaker(engine, expire_on_commit=False)

    @classmethod
    def open(cls, path: Path | str | None, busy_timeout_ms: int | None = None) -> Repository:
        """Open (creating and migrating as needed) the database file; None opens in memory."""
        engine = (
            open_engine(path) if busy_timeout_ms is None else open_engine(path, busy_timeout_ms)
        )
        return cls(engine, Path(path) if path is not None else None)

    def close(self) -> None:
        self.engine.dispose()

    @contextmanager
    def _read(self) -> Iterator[Session]:
        with translated_errors(), self._sessions() as session:
            yield session

    @contextmanager
    def _write(self) -> Iterator[Session]:
        with translated_errors(), self._sessions() as session, session.begin():
            yield session

    # organisations -------------------------------------------------------------------------
    def organizations(self) -> list[Organization]:
        with self._read() as s:
            rows = s.scalars(select(OrganizationRow).order_by(OrganizationRow.id))
            return [convert.organization_from_row(r) for r in rows]

    def organization(self, org_id: int) -> Organization:
        with self._read() as s:
            return convert.organization_from_row(self._org_row(s, org_id))

    def find_organization(self, ref: str | int | None) -> Organization:
        """By id, by exact name, or (None) the first organisation."""
        orgs = self.organizations()
        if not orgs:
            raise ValidationError("ยังไม่มีหน่วยงานในฐานข้อมูลนี้", "no organisation in database")
        if ref is None or ref == "":
            return orgs[0]
        text = str(ref).strip()
        for org in orgs:
            if (text.isdigit() and org.id == int(text)) or org.name == text:
                return org
        raise ValidationError(f"ไม่พบหน่วยงาน “{text}”", f"organisation not found: {text}")

    def save_organization(self, org: Organization) -> int:
        if not org.name.strip():
            raise ValidationError("กรุณากรอกชื่อหน่วยงาน", "organisation name is empty")
        with self._write() as s:
            row = self._org_row(s, org.id) if org.id else OrganizationRow()
            convert.fill_organization_row(row, org)
            s.add(row)
            s.flush()
            org.id = row.id
            return row.id

    def delete_organization(self, org_id: int) -> None:
        with self._write() as s:
            s.delete(self._org_row(s, org_id))

    # assessments ---------------------------------------------------------------------------
    def years(self, org_id: int) -> list[int]:
        with self._read() as s:
            return list(
                s.scalars(
                    select(AssessmentRow.year)
                    .where(AssessmentRow.organization_id == org_id)
                    .order_by(AssessmentRow.year)
                )
            )

    def assessment(self, org_id: int, year: int | None = None) -> Assessment:
        """One organisation's assessment of `year` (None: its latest)."""
        with self._read() as s:
            query = select(AssessmentRow).where(AssessmentRow.organization_id == org_id)
            if year is None:
                row = s.scalars(query.order_by(AssessmentRow.year.desc())).first()
            else:
                row = s.scalars(query.where(AssessmentRow.year == year)).first()
            if row is None:
                what = "การประเมินใด" if year is None else f"การประเมินปีงบประมาณ {year}"
                raise ValidationError(f"หน่วยงานนี้ยังไม่มี{what}", f"no assessment {year or ''}")
            return convert.assessment_from_row(row)

    def assessment_by_id(self, assessment_id: int) -> Assessment:
        with self._read() as s:
            return convert.assessment_from_row(self._assessment_row(s, assessment_id))

    def create_assessment(self, org_id: int, year: int) -> Assessment:
        """A new year for the organisation, with that year's preset rules."""
        if year in self.years(org_id):
            raise ValidationError(f"มีการประเมินปีงบประมาณ {year} อยู่แล้ว", "year exists")
        rules = preset_for(year)
        a = Assessment(org_id, year, rules, threshold=rules.target, target=rules.target)
        return self.save_assessment(a)

    def save_assessment(self, a: Assessment) -> Assessment:
        for number, value in a.scores.items():
            if value is not None:
                check_score(number, value)
        with self._write() as s:
            row = self._assessment_row(s, a.id) if a.id else AssessmentRow(settings={})
            convert.fill_assessment_row(row, a)
            s.add(row)
            s.flush()
            a.id = row.id
        return a

    def set_score(self, assessment_id: int, indicator: int, value: Decimal | None) -> None:
        """Set (or clear, with None) one indicator's score."""
        with self._write() as s:
            row = self._assessment_row(s, assessment_id)
            numbers = {i["number"] for i in row.rules["indicators"]}
            if indicator not in numbers:
                raise ValidationError(
                    f"ไม่มีตัวชี้วัดที่ {indicator} ในเกณฑ์ปีนี้", f"no indicator {indicator}"
                )
            existing = s.get(ScoreRow, (assessment_id, indicator))
            if value is None:
                if existing is not None:
                    s.delete(existing)
                return
            check_score(indicator, value)
            if existing is None:
                s.add(ScoreRow(assessment_id=assessment_id, indicator=indicator, value=value))
            else:
                existing.value = value

    def delete_assessment(self, assessment_id: int) -> None:
        with self._write() as s:
            s.delete(self._assessment_row(s, assessment_id))

    def settings(self, assessment_id: int) -> ReportSettings:
        with self._read() as s:
            return convert.settings_from_dict(self._assessment_row(s, assessment_id).settings or {})

    def save_settings(self, assessment_id: int, settings: ReportSettings) -> None:
        with self._write() as s:
            self._assessment_row(s, assessment_id).settings = convert.settings_to_dict(settings)

    # measures ------------------------------------------------------------------------------
    def measures(self, assessment_id: int) -> list[Measure]:
        with self._read() as s:
            rows = s.scalars(
                select(MeasureRow)
                .where(MeasureRow.assessment_id == assessment_id)
                .order_by(MeasureRow.position, MeasureRow.id)
            )
            return [convert.measure_from_row(r) for r in rows]

    def save_measure(self, assessment_id: int, m: Measure) -> int:
        """Insert (at the end) or update a measure."""
        with self._write() as s:
            if m.id:
                row = self._measure_row(s, m.id)
            else:
                row = MeasureRow(assessment_id=assessment_id)
                last = s.scalar(
                    select(func.max(MeasureRow.position)).where(
                        MeasureRow.assessment_id == assessment_id
                    )
                )
                m.position = 0 if last is None else last + 1
            convert.fill_measure_row(row, m)
            s.add(row)
            s.flush()
            m.id = row.id
            return row.id

    def delete_measure(self, measure_id: int) -> None:
        with self._write() as s:
            row = self._measure_row(s, measure_id)
            assessment_id = row.assessment_id
            s.delete(row)
            s.flush()
            self._renumber(s, assessment_id)

    def move_measure(self, measure_id: int, new_index: int) -> None:
        """Put the measure at position `new_index` (0-based) in its plan."""
        with self._write() as s:
            row = self._measure_row(s, measure_id)
            rows = [r for r in self._measure_rows(s, row.assessment_id) if r.id != measure_id]
            rows.insert(max(0, min(new_index, len(rows))), row)
            for position, r in enumerate(rows):
                r.position = position

    def restore_measure(self, assessment_id: int, m: Measure, progress: list[ProgressEntry]) -> int:
        """Re-insert a deleted measure at its old position with its progress (undo)."""
        with self._write() as s:
            rows = self._measure_rows(s, assessment_id)
            row = MeasureRow(assessment_id=assessment_id)
            convert.fill_measure_row(row, m)
            s.add(row)
            s.flush()
            rows.insert(max(0, min(m.position, len(rows))), row)
            for position, r in enumerate(rows):
                r.position = position
            for entry in progress:
                p = ProgressRow()
                convert.fill_progress_row(p, entry)
                p.measure_id = row.id
                s.add(p)
            m.id = row.id
            return row.id

    # progress ------------------------------------------------------------------------------
    def progress(self, assessment_id: int, round_months: int) -> dict[int, ProgressEntry]:
        """Progress of every measure of the plan in one round, keyed by measure id."""
        with self._read() as s:
            rows = s.scalars(
                select(ProgressRow)
                .join(MeasureRow)
                .where(MeasureRow.assessment_id == assessment_id, ProgressRow.round == round_months)
            )
            return {r.measure_id: convert.progress_from_row(r) for r in rows}

    def progress_of_measure(self, measure_id: int) -> list[ProgressEntry]:
        with self._read() as s:
            rows = s.scalars(select(ProgressRow).where(ProgressRow.measure_id == measure_id))
            return [convert.progress_from_row(r) for r in rows]

    def save_progress(self, entry: ProgressEntry) -> int:
        if entry.round not in (6, 12):
            raise ValidationError("รอบการรายงานต้องเป็น 6 หรือ 12 เดือน", "round must be 6 or 12")
        with self._write() as s:
            self._measure_row(s, entry.measure_id)  # type: ignore[arg-type]
            row = s.scalars(
                select(ProgressRow).where(
                    ProgressRow.measure_id == entry.measure_id, ProgressRow.round == entry.round
                )
            ).first()
            row = row or ProgressRow()
            convert.fill_progress_row(row, entry)
            s.add(row)
            s.flush()
            entry.id = row.id
            return row.id

    # files ---------------------------------------------------------------------------------
    def save_copy(self, target: Path) -> None:
        """A consistent copy of the whole database (Save As, Backup)."""
        copy_database(self.engine, target)

    # row look-ups --------------------------------------------------------------------------
    @staticmethod
    def _org_row(s: Session, org_id: int | None) -> OrganizationRow:
        row = s.get(OrganizationRow, org_id) if org_id else None
        if row is None:
            raise StorageError("ไม่พบหน่วยงานนี้ในฐานข้อมูล", f"organisation {org_id} not found")
        return row

    @staticmethod
    def _assessment_row(s: Session, assessment_id: int | None) -> AssessmentRow:
        row = s.get(AssessmentRow, assessment_id) if assessment_id else None
        if row is None:
            raise StorageError("ไม่พบการประเมินนี้ในฐานข้อมูล", f"assessment {assessment_id} not found")
        return row

    @staticmethod
    def _measure_row(s: Session, measure_id: int | None) -> MeasureRow:
        row = s.get(MeasureRow, measure_id) if measure_id else None
        if row is None:
            raise StorageError("ไม่พบมาตรการนี้ในฐานข้อมูล", f"measure {measure_id} not found")
        return row

    @staticmethod
    def _measure_rows(s: Session, assessment_id: int) -> list[MeasureRow]:
        return list(
            s.scalars(
                select(MeasureRow)
                .where(MeasureRow.assessment_id == assessment_id)
                .order_by(MeasureRow.position, MeasureRow.id)
            )
        )

    def _renumber(self, s: Session, assessment_id: int) -> None:
        for position, r in enumerate(self._measure_rows(s, assessment_id)):
            r.position = position
