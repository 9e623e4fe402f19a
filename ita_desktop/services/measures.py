"""Use cases on a year's measures plan: list, add, change fields, move, delete and restore."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ita_desktop.domain.models import PROGRESS_FIELDS, Measure, ProgressEntry
from ita_desktop.errors import ValidationError
from ita_desktop.services.changes import MEASURES, PROGRESS, Changes
from ita_desktop.storage.repository import Repository
from ita_desktop.storage.store import MEASURE_FIELDS


@dataclass(frozen=True)
class DeletedMeasure:
    """What `delete_measure` removed, for `restore_measure` (undo)."""

    assessment_id: int
    index: int
    measure: Measure
    progress: list[ProgressEntry]


def list_measures(db: Repository, assessment_id: int) -> list[Measure]:
    with db.read() as s:
        return s.measures(assessment_id)


def add_measure(
    db: Repository, assessment_id: int, measure: Measure, index: int | None = None
) -> Changes:
    """Insert a measure at `index` (None: at the end); `created_id` is its id."""
    _check_indicators(measure.indicators)
    with db.write() as s:
        new_id = s.add_measure(assessment_id, measure, index)
    return Changes.of(MEASURES, created_id=new_id)


def update_measure(db: Repository, measure_id: int, **values: Any) -> Changes:
    """Change only the named fields (title, indicators, steps, responsible, period, ...)."""
    unknown = set(values) - set(MEASURE_FIELDS)
    if unknown:
        raise ValueError(f"not a measure field: {sorted(unknown)}")
    if "indicators" in values:
        _check_indicators(values["indicators"])
    with db.write() as s:
        before = s.update_measure(measure_id, values)
    return Changes.of(MEASURES, before=before)


def changed_fields(old: Measure, new: Measure) -> dict[str, Any]:
    """The content fields in which `new` differs from `old`."""
    return {f: getattr(new, f) for f in MEASURE_FIELDS if getattr(old, f) != getattr(new, f)}


def move_measure(db: Repository, measure_id: int, new_index: int) -> Changes:
    """Put the measure at `new_index` (0-based) of its plan; `before` is its old index."""
    with db.write() as s:
        old_index = s.move_measure(measure_id, new_index)
    return Changes.of(MEASURES, before=old_index)


def delete_measure(db: Repository, measure_id: int) -> Changes:
    """Delete a measure with its progress; `before` is a DeletedMeasure to restore it."""
    with db.write() as s:
        assessment_id = s.measure_assessment(measure_id)
        plan = s.measures(assessment_id)
        index = next(i for i, m in enumerate(plan) if m.id == measure_id)
        saved = DeletedMeasure(assessment_id, index, plan[index], s.progress_of_measure(measure_id))
        s.delete_measure(measure_id)
    return Changes.of(MEASURES, PROGRESS, before=saved)


def restore_measure(db: Repository, deleted: DeletedMeasure) -> Changes:
    """Put a deleted measure back at its old place with its progress; `created_id` is its
    new id (SQLite may not give the old one back)."""
    with db.write() as s:
        new_id = s.add_measure(deleted.assessment_id, deleted.measure, deleted.index)
        for entry in deleted.progress:
            values = {name: getattr(entry, name) for name in PROGRESS_FIELDS}
            s.update_progress(new_id, entry.round, values)
    return Changes.of(MEASURES, PROGRESS, created_id=new_id)


def _check_indicators(numbers: list[int]) -> None:
    bad = [n for n in numbers if not isinstance(n, int) or isinstance(n, bool) or n < 1]
    if bad:
        raise ValidationError(f"หมายเลขตัวชี้วัดไม่ถูกต้อง: {bad}", f"bad indicator numbers {bad}")
