"""Everything a document needs, as plain data (built by `services.reports.load_context`)."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from ita_desktop.analysis.figures import Figures, figures_of
from ita_desktop.analysis.result import Analysis
from ita_desktop.documents import narrative
from ita_desktop.domain.models import (
    Assessment,
    Measure,
    OfficialFigures,
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
    # the leading figures (official where entered, else the estimate): computed once here and
    # used by every sentence, table and chart; the estimate appears only as a cross-check
    figures: Figures | None = None
    previous: tuple[int, Figures] | None = None  # the nearest earlier year's leading figures
    history_figures: list[tuple[int, Figures]] = field(default_factory=list)  # oldest first

    def __post_init__(self) -> None:
        if self.figures is None:
            self.figures = figures_of(
                self.assessment.rules, self.analysis, self.assessment.official
            )
        if not self.history_figures:  # other years' official figures unknown: their estimates
            rules = self.assessment.rules
            self.history_figures = [
                (y, figures_of(rules, h, OfficialFigures())) for y, h in self.history
            ]
        self.history_figures = [
            (y, self.lead if y == self.year else f) for y, f in self.history_figures
        ]
        if not self.generated:
            self.generated = narrative.generate(
                self.analysis, self.assessment.rules, self.org.name, self.lead, self.previous
            )

    @property
    def lead(self) -> Figures:
        """The leading figures (set in __post_init__)."""
        assert self.figures is not None
        return self.figures

    @property
    def analysed(self) -> bool:
        """Has the year an indicator score, so an analysis the documents may speak of?"""
        return bool(self.analysis.ranking)

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
