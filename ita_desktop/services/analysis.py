"""Use case: the analysis of a stored assessment, with last year's scores for the change."""

from __future__ import annotations

from ita_desktop.analysis.engine import analyze
from ita_desktop.analysis.result import Analysis
from ita_desktop.domain.models import Assessment
from ita_desktop.storage.reads import Reader, StoreReads


def previous_assessment(s: StoreReads, a: Assessment) -> Assessment | None:
    """The organisation's nearest earlier year, if it has one."""
    if a.organization_id is None:
        return None
    earlier = [y for y in s.years(a.organization_id) if y < a.year]
    found = s.assessment_id(a.organization_id, earlier[-1]) if earlier else None
    return s.assessment(found) if found is not None else None


def analyze_in(s: StoreReads, a: Assessment) -> Analysis:
    """Analysis by the assessment's own copy of the rules, compared with the year before."""
    before = previous_assessment(s, a)
    return analyze(
        a.rules,
        a.scores,
        threshold=a.threshold,
        target=a.target,
        official=a.official,
        previous=before.scores if before else None,
        previous_year=before.year if before else None,
    )


def analyze_assessment(db: Reader, a: Assessment) -> Analysis:
    """`analyze_in` on a read transaction of its own."""
    with db.read() as s:
        return analyze_in(s, a)


def history_in(s: StoreReads, a: Assessment) -> list[tuple[int, Analysis]]:
    """Every year of the organisation up to this one, oldest first (for trend charts)."""
    if a.organization_id is None:
        return [(a.year, analyze_in(s, a))]
    rows = []
    for year in s.years(a.organization_id):
        if year > a.year:
            continue
        found = s.assessment_id(a.organization_id, year)
        other = a if year == a.year or found is None else s.assessment(found)
        analysis = analyze(
            other.rules,
            other.scores,
            threshold=other.threshold,
            target=other.target,
            official=other.official,
        )
        rows.append((year, analysis))
    return rows
