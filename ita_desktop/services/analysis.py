"""Use case: the analysis of a stored assessment, with last year's scores for the change."""

from __future__ import annotations

from ita_desktop.analysis.engine import analyze
from ita_desktop.analysis.result import Analysis
from ita_desktop.domain.models import Assessment
from ita_desktop.errors import ValidationError
from ita_desktop.storage.repository import Repository


def previous_assessment(repo: Repository, a: Assessment) -> Assessment | None:
    """The organisation's nearest earlier year, if it has one."""
    if a.organization_id is None:
        return None
    earlier = [y for y in repo.years(a.organization_id) if y < a.year]
    if not earlier:
        return None
    try:
        return repo.assessment(a.organization_id, earlier[-1])
    except ValidationError:
        return None


def analyze_assessment(repo: Repository, a: Assessment) -> Analysis:
    """Analysis by the assessment's own copy of the rules, compared with the year before."""
    before = previous_assessment(repo, a)
    return analyze(
        a.rules,
        a.scores,
        threshold=a.threshold,
        target=a.target,
        official=a.official,
        previous=before.scores if before else None,
        previous_year=before.year if before else None,
    )


def history(repo: Repository, a: Assessment) -> list[tuple[int, Analysis]]:
    """Every year of the organisation up to this one, oldest first (for trend charts)."""
    if a.organization_id is None:
        return [(a.year, analyze_assessment(repo, a))]
    rows = []
    for year in repo.years(a.organization_id):
        if year <= a.year:
            other = a if year == a.year else repo.assessment(a.organization_id, year)
            rows.append(
                (
                    year,
                    analyze(
                        other.rules,
                        other.scores,
                        threshold=other.threshold,
                        target=other.target,
                        official=other.official,
                    ),
                )
            )
    return rows
