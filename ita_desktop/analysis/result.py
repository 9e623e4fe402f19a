"""What the analysis of one assessment yields: plain data shared by GUI, CLI and documents."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal


@dataclass(frozen=True)
class RankedIndicator:
    indicator: int
    name: str
    tool: str
    score: Decimal
    rank: int  # competition ranking: equal scores share a rank (1, 1, 3, ...)


@dataclass(frozen=True)
class Leverage:
    """How much the overall would gain if one indicator reached 100."""

    indicator: int
    name: str
    points_per_point: Decimal
    potential_gain: Decimal


@dataclass(frozen=True)
class Mismatch:
    """A computed figure that differs from the official one by more than 0.01."""

    figure: str  # IIT / EIT / OIT / overall / level
    computed: str
    official: str


@dataclass
class Analysis:
    year: int
    tools: dict[str, Decimal | None]
    overall: Decimal | None
    level: str | None
    ranking: list[RankedIndicator]
    strengths: list[int]  # indicator numbers at or above the threshold, best first
    weaknesses: list[int]  # below the threshold, worst first
    threshold: Decimal
    target: Decimal
    gap_to_target: Decimal | None  # points still missing to the target (0 when reached)
    next_level: str | None
    gap_to_next_level: Decimal | None
    leverage: list[Leverage]  # most overall to gain first
    change: dict[str, Decimal] = field(default_factory=dict)  # "1".."10", tools, "overall"
    previous_year: int | None = None
    mismatches: list[Mismatch] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)  # Thai sentences

    @property
    def highest(self) -> list[RankedIndicator]:
        return [r for r in self.ranking if r.rank == 1]

    @property
    def lowest(self) -> list[RankedIndicator]:
        if not self.ranking:
            return []
        worst = self.ranking[-1].score
        return [r for r in self.ranking if r.score == worst]

    def score_of(self, indicator: int) -> Decimal | None:
        for row in self.ranking:
            if row.indicator == indicator:
                return row.score
        return None
