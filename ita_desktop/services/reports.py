"""Use case: everything a document or workbook shows of one organisation's year, read in one
snapshot and handed to the documents and exporters as plain data."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from ita_desktop.analysis.basis import StaleSection, stale_sections
from ita_desktop.analysis.figures import Figures, figures_of
from ita_desktop.analysis.result import Analysis
from ita_desktop.documents import narrative
from ita_desktop.documents.context import ReportContext
from ita_desktop.domain.models import ROUNDS, Assessment, ProgressEntry
from ita_desktop.services.analysis import analyze_in, history_in, previous_assessment
from ita_desktop.services.progress import check_round
from ita_desktop.storage.reads import Reader, StoreReads
from ita_desktop.storage.repository import find_assessment


def load_context(
    db: Reader,
    org_id: int,
    year: int | None = None,
    round_months: int | None = None,
    thai_digits: bool | None = None,
) -> ReportContext:
    """Read one organisation's year (None: its latest) and everything around it; round None:
    the latest round with anything reported (12 when nothing is)."""
    if round_months is not None:
        check_round(round_months)
    with db.read() as s:
        if round_months is None:
            s.organization(org_id)  # an unknown organisation is refused as such
            a_id = find_assessment(s, org_id, year).id
            assert a_id is not None
            round_months = latest_round_in(s, a_id)
        return context_in(s, org_id, year, round_months, thai_digits)


def latest_round(db: Reader, assessment_id: int) -> int:
    """`latest_round_in` on a read transaction of its own (the window's default round)."""
    with db.read() as s:
        return latest_round_in(s, assessment_id)


def latest_round_in(s: StoreReads, assessment_id: int) -> int:
    """The latest round (6 or 12) with progress or a round text; 12 when there is none."""
    settings = s.settings(assessment_id)
    for r in sorted(ROUNDS, reverse=True):
        texts = (settings.summary, settings.problems, settings.suggestions)
        if any(t.get(r, "").strip() for t in texts) or any(
            e.status or e.output or e.outcome or e.problems or e.suggestions or e.evidence
            for e in s.progress(assessment_id, r).values()
        ):
            return r
    return max(ROUNDS)


def load_workbook_data(
    db: Reader, org_id: int, year: int | None = None, thai_digits: bool | None = None
) -> tuple[ReportContext, dict[int, dict[int, ProgressEntry]]]:
    """The year's context and the progress of both rounds, from one snapshot (Excel export)."""
    with db.read() as s:
        ctx = context_in(s, org_id, year, 12, thai_digits)
        assert ctx.assessment.id is not None
        rounds = {r: s.progress(ctx.assessment.id, r) for r in ROUNDS}
        return ctx, rounds


def context_in(
    s: StoreReads, org_id: int, year: int | None, round_months: int, thai_digits: bool | None
) -> ReportContext:
    """The report context read inside the transaction `s`."""
    org = s.organization(org_id)
    a = find_assessment(s, org_id, year)
    assert a.id is not None
    settings = s.settings(a.id)
    next_id = s.assessment_id(org_id, a.year + 1)
    next_scores: dict[int, Decimal | None] = (
        dict(s.assessment(next_id).scores) if next_id is not None else {}
    )
    analysis = analyze_in(s, a)
    history = history_in(s, a)
    before = previous_assessment(s, a)
    return ReportContext(
        org=org,
        assessment=a,
        analysis=analysis,
        settings=settings,
        measures=s.measures(a.id),
        progress=s.progress(a.id, round_months),
        history=history,
        next_scores=next_scores,
        round_months=round_months,
        thai_digits=settings.thai_digits if thai_digits is None else thai_digits,
        figures=figures_of(a.rules, analysis, a.official),
        previous=(before.year, _figures(s, before)) if before is not None else None,
        history_figures=_history_figures(s, a, history),
    )


def _year_of(s: StoreReads, a: Assessment, year: int) -> Assessment:
    found = s.assessment_id(a.organization_id, year) if a.organization_id is not None else None
    return a if year == a.year or found is None else s.assessment(found)


def _figures(s: StoreReads, a: Assessment, analysis: Analysis | None = None) -> Figures:
    """A year's leading figures by its own rules and official results."""
    return figures_of(a.rules, analysis or analyze_in(s, a), a.official)


def _history_figures(
    s: StoreReads, a: Assessment, history: list[tuple[int, Analysis]]
) -> list[tuple[int, Figures]]:
    out = []
    for year, analysis in history:
        other = _year_of(s, a, year)
        out.append((year, figures_of(other.rules, analysis, other.official)))
    return out


@dataclass
class AnalysisTexts:
    """What the analysis page shows of one year: the generated texts (exactly as the documents
    generate them), the leading figures and the edited sections that need review."""

    generated: dict[str, str]
    figures: Figures
    stale: list[StaleSection]


def analysis_texts(db: Reader, assessment_id: int) -> AnalysisTexts:
    with db.read() as s:
        a = s.assessment(assessment_id)
        org_name = s.organization(a.organization_id).name if a.organization_id else ""
        analysis = analyze_in(s, a)
        figures = figures_of(a.rules, analysis, a.official)
        before = previous_assessment(s, a)
        previous = (before.year, _figures(s, before)) if before is not None else None
    generated = narrative.generate(analysis, a.rules, org_name, figures, previous)
    return AnalysisTexts(generated, figures, stale_sections(a, figures))
