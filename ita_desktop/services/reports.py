"""Use case: everything a document or workbook shows of one organisation's year, read in one
snapshot and handed to the documents and exporters as plain data."""

from __future__ import annotations

from decimal import Decimal

from ita_desktop.documents.context import ReportContext
from ita_desktop.domain.models import ROUNDS, ProgressEntry
from ita_desktop.services.analysis import analyze_in, history_in
from ita_desktop.services.progress import check_round
from ita_desktop.storage.repository import Repository, find_assessment
from ita_desktop.storage.store import Store


def load_context(
    db: Repository,
    org_id: int,
    year: int | None = None,
    round_months: int = 12,
    thai_digits: bool | None = None,
) -> ReportContext:
    """Read one organisation's year (None: its latest) and everything around it."""
    check_round(round_months)
    with db.read() as s:
        return context_in(s, org_id, year, round_months, thai_digits)


def load_workbook_data(
    db: Repository, org_id: int, year: int | None = None, thai_digits: bool | None = None
) -> tuple[ReportContext, dict[int, dict[int, ProgressEntry]]]:
    """The year's context and the progress of both rounds, from one snapshot (Excel export)."""
    with db.read() as s:
        ctx = context_in(s, org_id, year, 12, thai_digits)
        assert ctx.assessment.id is not None
        rounds = {r: s.progress(ctx.assessment.id, r) for r in ROUNDS}
        return ctx, rounds


def context_in(
    s: Store, org_id: int, year: int | None, round_months: int, thai_digits: bool | None
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
    return ReportContext(
        org=org,
        assessment=a,
        analysis=analyze_in(s, a),
        settings=settings,
        measures=s.measures(a.id),
        progress=s.progress(a.id, round_months),
        history=history_in(s, a),
        next_scores=next_scores,
        round_months=round_months,
        thai_digits=settings.thai_digits if thai_digits is None else thai_digits,
    )
