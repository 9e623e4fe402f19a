"""The figures a document states, chosen once: the NACC's official ones where entered, else the
estimate computed by the year's rules; each with its source, plus what the next level needs."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from ita_desktop.analysis.engine import analyze
from ita_desktop.analysis.result import Analysis, Mismatch
from ita_desktop.analysis.scoring import level_of, sorted_bands
from ita_desktop.domain.models import Assessment, GradeBand, OfficialFigures, Rules

OFFICIAL = "official"  # as the NACC published it (entered by the user)
ESTIMATE = "estimate"  # computed from the indicator scores by the year's rules


@dataclass(frozen=True)
class Figure:
    value: Decimal | None
    source: str  # OFFICIAL | ESTIMATE


@dataclass(frozen=True)
class NextLevel:
    """The level above the current one and what it still needs."""

    label: str
    overall_gap: Decimal  # overall points missing (0 when the overall already reaches it)
    min_each_tool: Decimal | None  # the level also needs every tool at this score
    tools_short: tuple[tuple[str, Decimal], ...] = ()  # (tool, its score) still below that


@dataclass(frozen=True)
class Figures:
    """One year's leading figures: what every sentence, table, chart and gap uses."""

    year: int
    tools: dict[str, Figure]
    overall: Figure
    level: str | None
    level_source: str
    target: Decimal
    threshold: Decimal
    indicators: dict[int, Decimal | None]
    estimate: Analysis  # the computed figures, shown once as a cross-check
    official: OfficialFigures = field(default_factory=OfficialFigures)
    next_level: NextLevel | None = None

    @property
    def has_official(self) -> bool:
        o = self.official
        return any(v is not None for v in (o.iit, o.eit, o.oit, o.overall)) or bool(o.level.strip())

    @property
    def official_led(self) -> list[str]:
        """Names of the leading figures taken from the official results ("IIT", "overall", "level")."""
        names = [c for c, f in self.tools.items() if f.source == OFFICIAL and f.value is not None]
        if self.overall.source == OFFICIAL and self.overall.value is not None:
            names.append("overall")
        if self.level_source == OFFICIAL and self.level:
            names.append("level")
        return names

    @property
    def estimated(self) -> list[str]:
        """Names of the leading figures that are the estimate (with a value)."""
        names = [c for c, f in self.tools.items() if f.source == ESTIMATE and f.value is not None]
        if self.overall.source == ESTIMATE and self.overall.value is not None:
            names.append("overall")
        if self.level_source == ESTIMATE and self.level:
            names.append("level")
        return names

    @property
    def gap_to_target(self) -> Decimal | None:
        v = self.overall.value
        return None if v is None else max(Decimal("0.00"), self.target - v)

    @property
    def differences(self) -> list[Mismatch]:
        """Where the estimate differs from the official figures by more than 0.01."""
        return list(self.estimate.mismatches)

    def tool(self, code: str) -> Decimal | None:
        f = self.tools.get(code)
        return None if f is None else f.value

    def tool_values(self) -> dict[str, Decimal | None]:
        return {code: f.value for code, f in self.tools.items()}


def figures_of(
    rules: Rules,
    estimate: Analysis,
    official: OfficialFigures,
    *,
    prefer_official: bool = True,
) -> Figures:
    """The leading figures of one year: official where entered (unless `prefer_official` is
    False), else the estimate; the level official when entered, else by the rules."""
    use = official if prefer_official else OfficialFigures()
    tools = {
        code: Figure(use.tool(code), OFFICIAL)
        if use.tool(code) is not None
        else Figure(value, ESTIMATE)
        for code, value in estimate.tools.items()
    }
    overall = (
        Figure(use.overall, OFFICIAL)
        if use.overall is not None
        else Figure(estimate.overall, ESTIMATE)
    )
    lead_tools = {code: f.value for code, f in tools.items()}
    if use.level.strip():
        level: str | None = use.level.strip()
        level_source = OFFICIAL
    else:
        band = level_of(rules, overall.value, lead_tools)
        level, level_source = (band.label if band else None), ESTIMATE
    return Figures(
        year=estimate.year,
        tools=tools,
        overall=overall,
        level=level,
        level_source=level_source,
        target=estimate.target,
        threshold=estimate.threshold,
        indicators={r.indicator: r.score for r in estimate.ranking},
        estimate=estimate,
        official=official,
        next_level=next_level(rules, overall.value, level, lead_tools),
    )


def figures_of_assessment(a: Assessment, prefer_official: bool = True) -> Figures:
    """`figures_of` straight from a stored year (no comparison with the year before)."""
    estimate = analyze(
        a.rules, a.scores, threshold=a.threshold, target=a.target, official=a.official
    )
    return figures_of(a.rules, estimate, a.official, prefer_official=prefer_official)


def next_level(
    rules: Rules, overall: Decimal | None, level: str | None, tools: dict[str, Decimal | None]
) -> NextLevel | None:
    """The band just above the current level, with the overall gap and the tools still short
    of its per-tool minimum (2566+ levels need every tool at 95 or 85)."""
    if overall is None:
        return None
    bands = sorted_bands(rules)
    current = _band_index(bands, level, rules, overall, tools)
    if current is None or current == 0:
        return None
    above: GradeBand = bands[current - 1]
    short: tuple[tuple[str, Decimal], ...] = ()
    if above.min_each_tool is not None:
        short = tuple(
            (code, value)
            for code, value in tools.items()
            if value is not None and value < above.min_each_tool
        )
    return NextLevel(
        above.label,
        max(Decimal("0.00"), above.minimum - overall),
        above.min_each_tool,
        short,
    )


def _band_index(
    bands: list[GradeBand],
    level: str | None,
    rules: Rules,
    overall: Decimal,
    tools: dict[str, Decimal | None],
) -> int | None:
    labels = [b.label for b in bands]
    if level in labels:
        return labels.index(level)
    band = level_of(rules, overall, tools)
    return None if band is None else labels.index(band.label)
