"""Reads and field-by-field writes on one open transaction (the services compose them)."""

from __future__ import annotations

from dataclasses import fields
from decimal import Decimal
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ita_desktop.domain.models import (
    PROGRESS_FIELDS,
    Assessment,
    Measure,
    Organization,
    ProgressEntry,
    ReportSettings,
    Rules,
)
from ita_desktop.errors import StorageError
from ita_desktop.rules.presets import rules_to_dict
from ita_desktop.storage import convert
from ita_desktop.storage.reads import missing_assessment, missing_organization
from ita_desktop.storage.tables import (
    AssessmentRow,
    MeasureRow,
    OrganizationRow,
    ProgressRow,
    ScoreRow,
)

ORGANIZATION_FIELDS = ("name", "kind", "district", "province", "logo", "units")
ASSESSMENT_FIELDS = (
    "threshold",
    "target",
    "official_iit",
    "official_eit",
    "official_oit",
    "official_overall",
    "official_level",
)
MEASURE_FIELDS = (
    "title",
    "indicators",
    "steps",
    "responsible",
    "period",
    "monitoring",
    "kpi",
    "activities",
    "budget",
)
TEXT_MAPS = ("issues_by_indicator", "issues_by_tool", "narratives")
SETTINGS_FIELDS = tuple(f.name for f in fields(ReportSettings))


class Store:
    """One transaction's view of the database: plain dataclasses in and out, no rows leak.

    Each write changes only what it names; the transaction (begun by `Repository.write()`
    before the first read) makes a check and the write that follows it one atomic step.
    """

    def __init__(self, session: Session) -> None:
        self.session = session

    # organisations -----------------------------------------------------------------------
    def organizations(self) -> list[Organization]:
        rows = self.session.scalars(select(OrganizationRow).order_by(OrganizationRow.id))
        return [convert.organization_from_row(r) for r in rows]

    def organization(self, org_id: int) -> Organization:
        return convert.organization_from_row(self._org_row(org_id))

    def add_organization(self, org: Organization) -> int:
        row = OrganizationRow()
        convert.fill_organization_row(row, org)
        self.session.add(row)
        self.session.flush()
        return row.id

    def update_organization(self, org_id: int, values: dict[str, Any]) -> dict[str, Any]:
        """Set the named fields (normalised); returns their values before."""
        row = self._org_row(org_id)
        return _set_fields(
            row, values, convert.organization_from_row(row), convert.fill_organization_row
        )

    def delete_organization(self, org_id: int) -> None:
        self.session.delete(self._org_row(org_id))

    # assessments -------------------------------------------------------------------------
    def years(self, org_id: int) -> list[int]:
        query = select(AssessmentRow.year).where(AssessmentRow.organization_id == org_id)
        return list(self.session.scalars(query.order_by(AssessmentRow.year)))

    def assessment_id(self, org_id: int, year: int) -> int | None:
        query = select(AssessmentRow.id).where(
            AssessmentRow.organization_id == org_id, AssessmentRow.year == year
        )
        return self.session.scalar(query)

    def latest_year(self, org_id: int) -> int | None:
        years = self.years(org_id)
        return years[-1] if years else None

    def assessment(self, assessment_id: int) -> Assessment:
        return convert.assessment_from_row(self._assessment_row(assessment_id))

    def add_assessment(self, a: Assessment, settings: ReportSettings | None = None) -> int:
        """Insert a new year with everything it holds (scores, texts, rules copy)."""
        row = AssessmentRow(settings={})
        convert.fill_assessment_row(row, a)
        if settings is not None:
            row.settings = convert.settings_to_dict(settings)
        self.session.add(row)
        self.session.flush()
        return row.id

    def delete_assessment(self, assessment_id: int) -> None:
        self.session.delete(self._assessment_row(assessment_id))

    def update_assessment(self, assessment_id: int, values: dict[str, Any]) -> dict[str, Any]:
        """Set plain columns (threshold, target, official_*); returns their values before."""
        unknown = set(values) - set(ASSESSMENT_FIELDS)
        if unknown:
            raise KeyError(f"not an assessment column: {sorted(unknown)}")
        row = self._assessment_row(assessment_id)
        before = {name: getattr(row, name) for name in values}
        for name, value in values.items():
            setattr(row, name, value)
        return before

    def set_rules(self, assessment_id: int, rules: Rules) -> Rules:
        """Replace the year's copy of its rules (the target goes with them); returns the old."""
        row = self._assessment_row(assessment_id)
        old = convert.assessment_from_row(row).rules
        row.rules = rules_to_dict(rules)
        row.target = rules.target
        return old

    def score(self, assessment_id: int, indicator: int) -> Decimal | None:
        row = self.session.get(ScoreRow, (assessment_id, indicator))
        return None if row is None else row.value

    def set_score(self, assessment_id: int, indicator: int, value: Decimal | None) -> None:
        """Set (or clear, with None) one indicator's score."""
        existing = self.session.get(ScoreRow, (assessment_id, indicator))
        if value is None:
            if existing is not None:
                self.session.delete(existing)
        elif existing is None:
            self.session.add(
                ScoreRow(assessment_id=assessment_id, indicator=indicator, value=value)
            )
        else:
            existing.value = value

    def set_text(self, assessment_id: int, column: str, key: str, text: str) -> str:
        """One entry of a text map (issues_by_indicator, issues_by_tool, narratives), normalised;
        empty text removes it. Returns the text before ("" when there was none)."""
        if column not in TEXT_MAPS:
            raise KeyError(column)
        before = self._set_entry(assessment_id, column, key, convert.clean_text(text))
        return before or ""

    def set_map_entry(self, assessment_id: int, column: str, key: str, value: Any) -> Any:
        """One entry of a JSON map column (narrative_basis, issue_priorities); None or an empty
        value removes it. Returns the value before (None when there was none)."""
        if column not in ("narrative_basis", "issue_priorities"):
            raise KeyError(column)
        return self._set_entry(assessment_id, column, key, value)

    def _set_entry(self, assessment_id: int, column: str, key: str, value: Any) -> Any:
        row = self._assessment_row(assessment_id)
        values = dict(getattr(row, column) or {})
        before = values.get(key)
        if value:
            values[key] = value
        else:
            values.pop(key, None)
        setattr(row, column, values)  # a new dict: JSON columns track assignment only
        return before

    # report settings ---------------------------------------------------------------------
    def settings(self, assessment_id: int) -> ReportSettings:
        return convert.settings_from_dict(self._assessment_row(assessment_id).settings or {})

    def set_setting(self, assessment_id: int, name: str, value: Any) -> Any:
        """One print setting; returns its value before."""
        if name not in SETTINGS_FIELDS:
            raise KeyError(name)
        row = self._assessment_row(assessment_id)
        settings = convert.settings_from_dict(row.settings or {})
        before = getattr(settings, name)
        setattr(settings, name, value)
        row.settings = convert.settings_to_dict(settings)
        return before

    # measures ----------------------------------------------------------------------------
    def measures(self, assessment_id: int) -> list[Measure]:
        return [convert.measure_from_row(r) for r in self._measure_rows(assessment_id)]

    def measure(self, measure_id: int) -> Measure:
        return convert.measure_from_row(self._measure_row(measure_id))

    def measure_assessment(self, measure_id: int) -> int:
        return self._measure_row(measure_id).assessment_id

    def add_measure(self, assessment_id: int, m: Measure, index: int | None = None) -> int:
        """Insert a measure at `index` (0-based; None: at the end) of its plan."""
        self._assessment_row(assessment_id)
        row = MeasureRow(assessment_id=assessment_id)
        convert.fill_measure_row(row, m)
        if index is None:  # after the last: one query, not a read of the whole plan (imports)
            last = select(func.max(MeasureRow.position))
            last_position = self.session.scalar(
                last.where(MeasureRow.assessment_id == assessment_id)
            )
            row.position = 0 if last_position is None else last_position + 1
            self.session.add(row)
            self.session.flush()
            return row.id
        rows = self._measure_rows(assessment_id)
        self.session.add(row)
        self.session.flush()
        rows.insert(max(0, min(index, len(rows))), row)
        self._number(rows)
        return row.id

    def update_measure(self, measure_id: int, values: dict[str, Any]) -> dict[str, Any]:
        """Set the named content fields (normalised); returns their values before."""
        unknown = set(values) - set(MEASURE_FIELDS)
        if unknown:
            raise KeyError(f"not a measure field: {sorted(unknown)}")
        row = self._measure_row(measure_id)
        return _set_fields(row, values, convert.measure_from_row(row), convert.fill_measure_row)

    def delete_measure(self, measure_id: int) -> None:
        row = self._measure_row(measure_id)
        assessment_id = row.assessment_id
        self.session.delete(row)
        self.session.flush()
        self._number(self._measure_rows(assessment_id))

    def move_measure(self, measure_id: int, new_index: int) -> int:
        """Put the measure at `new_index` (0-based) of its plan; returns its old index."""
        row = self._measure_row(measure_id)
        rows = self._measure_rows(row.assessment_id)
        old_index = rows.index(row)
        rows.remove(row)
        rows.insert(max(0, min(new_index, len(rows))), row)
        self._number(rows)
        return old_index

    # progress ----------------------------------------------------------------------------
    def progress(self, assessment_id: int, round_months: int) -> dict[int, ProgressEntry]:
        """Progress of every measure of the plan in one round, keyed by measure id."""
        rows = self.session.scalars(
            select(ProgressRow)
            .join(MeasureRow)
            .where(MeasureRow.assessment_id == assessment_id, ProgressRow.round == round_months)
        )
        return {r.measure_id: convert.progress_from_row(r) for r in rows}

    def progress_of_measure(self, measure_id: int) -> list[ProgressEntry]:
        rows = self.session.scalars(
            select(ProgressRow)
            .where(ProgressRow.measure_id == measure_id)
            .order_by(ProgressRow.round)
        )
        return [convert.progress_from_row(r) for r in rows]

    def update_progress(
        self, measure_id: int, round_months: int, values: dict[str, str]
    ) -> dict[str, str]:
        """Set the named fields of one round's report (created when missing); returns before."""
        unknown = set(values) - set(PROGRESS_FIELDS)
        if unknown:
            raise KeyError(f"not a progress field: {sorted(unknown)}")
        self._measure_row(measure_id)
        row = self.session.scalars(
            select(ProgressRow).where(
                ProgressRow.measure_id == measure_id, ProgressRow.round == round_months
            )
        ).first()
        if row is None:
            row = ProgressRow(measure_id=measure_id, round=round_months)
            for name in PROGRESS_FIELDS:
                setattr(row, name, "")
            self.session.add(row)
        before = {name: getattr(row, name) or "" for name in values}
        for name, value in values.items():
            setattr(row, name, value if name == "status" else convert.clean_text(value))
        return before

    # row look-ups ------------------------------------------------------------------------
    def _org_row(self, org_id: int | None) -> OrganizationRow:
        row = self.session.get(OrganizationRow, org_id) if org_id else None
        if row is None:
            raise missing_organization(org_id)
        return row

    def _assessment_row(self, assessment_id: int | None) -> AssessmentRow:
        row = self.session.get(AssessmentRow, assessment_id) if assessment_id else None
        if row is None:
            raise missing_assessment(assessment_id)
        return row

    def _measure_row(self, measure_id: int | None) -> MeasureRow:
        row = self.session.get(MeasureRow, measure_id) if measure_id else None
        if row is None:
            raise StorageError("ไม่พบมาตรการนี้ในฐานข้อมูล", f"measure {measure_id} not found")
        return row

    def _measure_rows(self, assessment_id: int) -> list[MeasureRow]:
        query = select(MeasureRow).where(MeasureRow.assessment_id == assessment_id)
        return list(self.session.scalars(query.order_by(MeasureRow.position, MeasureRow.id)))

    @staticmethod
    def _number(rows: list[MeasureRow]) -> None:
        for position, r in enumerate(rows):
            if r.position != position:
                r.position = position

    # whole years (exchange import) -------------------------------------------------------
    def replace_assessment(
        self, assessment_id: int, a: Assessment, settings: ReportSettings
    ) -> None:
        """Make an existing year hold exactly `a` (scores, figures, texts, rules copy) and
        `settings`; its measures and their progress are deleted, for the caller to add anew.
        The row keeps its id, organisation and year."""
        from dataclasses import replace

        row = self._assessment_row(assessment_id)
        cleared: dict[int, Decimal | None] = {s.indicator: None for s in row.scores}
        content = replace(
            a,
            organization_id=row.organization_id,
            year=row.year,
            scores={**cleared, **a.scores},
        )
        convert.fill_assessment_row(row, content)
        row.settings = convert.settings_to_dict(settings)
        for measure in self._measure_rows(assessment_id):
            self.session.delete(measure)
        self.session.flush()


def _set_fields(row: Any, values: dict[str, Any], current: Any, fill: Any) -> dict[str, Any]:
    """Set only the named columns of `row` to `values`, normalised exactly as a whole save
    would (`fill` on a scratch row of the same class); returns their values before."""
    before = {name: getattr(current, name) for name in values}
    for name, value in values.items():
        setattr(current, name, value)
    scratch = type(row)()
    fill(scratch, current)
    for name in values:
        setattr(row, name, getattr(scratch, name))
    return before
