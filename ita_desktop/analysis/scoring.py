"""Pure score arithmetic by a year's rules: tool scores, overall, level, worth of a point."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import ROUND_HALF_UP, Decimal

from ita_desktop.domain.models import GradeBand, Rules
from ita_desktop.errors import ValidationError, shown

TWO_PLACES = Decimal("0.01")
MIN_SCORE = Decimal(0)
MAX_SCORE = Decimal(100)

Scores = Mapping[int, Decimal | None]


def round2(value: Decimal) -> Decimal:
    """Half-up rounding to 2 places, as the NACC publishes its figures."""
    return value.quantize(TWO_PLACES, rounding=ROUND_HALF_UP)


def check_score(number: int, value: Decimal) -> Decimal:
    """The score itself if it is a finite number in 0–100 with at most 2 decimals."""
    if not value.is_finite() or not MIN_SCORE <= value <= MAX_SCORE:
        raise ValidationError(
            f"คะแนนตัวชี้วัดที่ {number} ต้องอยู่ระหว่าง 0 ถึง 100",
            f"score of indicator {number} must be 0-100, got {shown(value)}",
        )
    if value != value.quantize(TWO_PLACES):
        raise ValidationError(
            f"คะแนนตัวชี้วัดที่ {number} มีทศนิยมได้ไม่เกิน 2 ตำแหน่ง",
            f"score of indicator {number} has more than 2 decimals",
        )
    return value


def tool_scores(rules: Rules, scores: Scores) -> dict[str, Decimal | None]:
    """Each tool's score: the mean of its indicators, rounded; None while one is missing."""
    result: dict[str, Decimal | None] = {}
    for tool in rules.tools:
        values = [scores.get(ind.number) for ind in rules.indicators_of(tool.code)]
        present = [v for v in values if v is not None]
        if len(present) < len(values) or not present:
            result[tool.code] = None
        else:
            result[tool.code] = round2(sum(present, Decimal(0)) / len(present))
    return result


def overall_score(rules: Rules, tools: Mapping[str, Decimal | None]) -> Decimal | None:
    """The weighted sum of the (rounded) tool scores, rounded; None while a tool is missing."""
    total = Decimal(0)
    for tool in rules.tools:
        value = tools.get(tool.code)
        if value is None:
            return None
        total += tool.weight * value
    return round2(total)


def sorted_bands(rules: Rules) -> list[GradeBand]:
    """Grade bands from the highest minimum down (ties keep the preset's order)."""
    return sorted(rules.grades, key=lambda g: g.minimum, reverse=True)


def level_of(
    rules: Rules, overall: Decimal | None, tools: Mapping[str, Decimal | None]
) -> GradeBand | None:
    """The first band whose minimum the overall reaches and, where required, every tool too."""
    if overall is None:
        return None
    for band in sorted_bands(rules):
        if overall < band.minimum:
            continue
        if band.min_each_tool is not None and any(
            v is None or v < band.min_each_tool for v in tools.values()
        ):
            continue
        return band
    return None


def points_per_indicator_point(rules: Rules) -> dict[int, Decimal]:
    """Overall points that one point of each indicator is worth: weight ÷ indicators in its tool."""
    worth: dict[int, Decimal] = {}
    for tool in rules.tools:
        members = rules.indicators_of(tool.code)
        for ind in members:
            worth[ind.number] = tool.weight / len(members)
    return worth
