"""Use cases on the implementation report: each measure's progress in the 6- or 12-month round."""

from __future__ import annotations

from ita_desktop.domain.models import PROGRESS_FIELDS, ROUNDS, STATUSES, ProgressEntry
from ita_desktop.errors import ValidationError
from ita_desktop.services.changes import PROGRESS, Changes
from ita_desktop.storage.repository import Repository


def check_round(round_months: int) -> None:
    if round_months not in ROUNDS:
        raise ValidationError("รอบการรายงานต้องเป็น 6 หรือ 12 เดือน", "round must be 6 or 12")


def round_progress(
    db: Repository, assessment_id: int, round_months: int
) -> dict[int, ProgressEntry]:
    """Every measure's progress in one round, keyed by measure id."""
    check_round(round_months)
    with db.read() as s:
        return s.progress(assessment_id, round_months)


def update_progress(db: Repository, measure_id: int, round_months: int, **values: str) -> Changes:
    """Change only the named fields (status, output, outcome, problems, suggestions,
    evidence) of one measure's report for one round; `before` holds their old values."""
    check_round(round_months)
    unknown = set(values) - set(PROGRESS_FIELDS)
    if unknown:
        raise ValueError(f"not a progress field: {sorted(unknown)}")
    status = values.get("status")
    if status and status not in STATUSES:
        raise ValidationError(
            f"สถานะ “{status}” ไม่ถูกต้อง (ใช้ {' / '.join(STATUSES)})", f"bad status {status!r}"
        )
    with db.write() as s:
        before = s.update_progress(measure_id, round_months, values)
    return Changes.of(PROGRESS, before=before)
