"""Everything a document needs, read once from the repository: plain data, no session."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from ita_desktop.analysis.result import Analysis
from ita_desktop.documents import narrative
from ita_desktop.domain.models import (
    Assessment,
    Measure,
    Organization,
    ProgressEntry,
    ReportSettings,
)
from ita_desktop.errors import ValidationError
from ita_desktop.services.analysis import analyze_assessment, history
from ita_desktop.storage.repository import Repository


@dataclass
class ReportContext:
    """One organisation's year: its analysis, the plan for the next year and its progress."""

    org: Organization
    assessment: Assessment
    analysis: Analysis
    settings: ReportSettings
    measures: list[Measure] = field(default_factory=list)
    progress: dict[int, ProgressEntry] = field(default_factory=dict)  # measure id -> entry
    history: list[tuple[int, Analysis]] = field(default_factory=list)  # oldest first
    next_scores: dict[int, Decimal | None] = field(default_factory=dict)  # the plan year's
    round_months: int = 12
    thai_digits: bool = True
    generated: dict[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if not self.generated:
            self.generated = narrative.generate(self.analysis, self.assessment.rules, self.org.name)

    @property
    def year(self) -> int:
        return self.assessment.year

    @property
    def next_year(self) -> int:
        return self.assessment.year + 1

    def section(self, key: str, default: str = "") -> str:
        """The user's edited text of a section, else the generated one, else `default`."""
        generated = dict(self.generated)
        if default and not generated.get(key):
            generated[key] = default
        return narrative.section_text(key, generated, self.assessment.narratives)


def load_context(
    repo: Repository,
    org_id: int,
    year: int | None = None,
    round_months: int = 12,
    thai_digits: bool | None = None,
) -> ReportContext:
    """Read one organisation's year (None: its latest) and everything around it."""
    if round_months not in (6, 12):
        raise ValidationError("รอบการรายงานต้องเป็น 6 หรือ 12 เดือน", "round must be 6 or 12")
    org = repo.organization(org_id)
    a = repo.assessment(org_id, year)
    settings = repo.settings(a.id)  # type: ignore[arg-type]
    next_scores: dict[int, Decimal | None] = {}
    if a.year + 1 in repo.years(org_id):
        next_scores = dict(repo.assessment(org_id, a.year + 1).scores)
    return ReportContext(
        org=org,
        assessment=a,
        analysis=analyze_assessment(repo, a),
        settings=settings,
        measures=repo.measures(a.id),  # type: ignore[arg-type]
        progress=repo.progress(a.id, round_months),  # type: ignore[arg-type]
        history=history(repo, a),
        next_scores=next_scores,
        round_months=round_months,
        thai_digits=settings.thai_digits if thai_digits is None else thai_digits,
    )
