"""Everything a document needs, as plain data (built by `services.reports.load_context`)."""

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
