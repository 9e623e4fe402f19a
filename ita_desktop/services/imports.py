"""Use case: scores filled in on another computer, read back from our Excel layout."""

from __future__ import annotations

from pathlib import Path

from ita_desktop.errors import ImportError_, ValidationError
from ita_desktop.importers.xlsx import read_scores
from ita_desktop.services.assessments import set_scores
from ita_desktop.services.changes import Changes
from ita_desktop.storage.repository import Repository


def import_scores(db: Repository, assessment_id: int, path: Path) -> Changes:
    """Set the assessment's scores to those in the workbook: all of them or none."""
    scores = read_scores(Path(path))
    try:
        return set_scores(db, assessment_id, scores)
    except ValidationError as exc:
        raise ImportError_(f"ไฟล์ {Path(path).name}: {exc.thai}", exc.detail) from exc
