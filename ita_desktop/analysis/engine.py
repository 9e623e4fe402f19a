"""The analysis of one assessment: ranking, strengths, gaps, change, official check, warnings."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal

from ita_desktop.analysis.result import Analysis, Leverage, Mismatch, RankedIndicator
from ita_desktop.analysis.scoring import (
    MAX_SCORE,
    Scores,
    level_of,
    overall_score,
    points_per_indicator_point,
    round2,
    sorted_bands,
    tool_scores,
)
from ita_desktop.domain.models import OfficialFigures, Rules

TOLERANCE = Decimal("0.01")


def rank_indicators(rules: Rules, scores: Scores) -> list[RankedIndicator]:
    """Indicators with a score, best first (ties by number), with competition ranks."""
    rows = sorted(
        (
            (ind, scores[ind.number])
            for ind in rules.indicators
            if scores.get(ind.number) is not None
        ),
        key=lambda pair: (-pair[1], pair[0].number),  # type: ignore[operator]
    )
    ranked: list[RankedIndicator] = []
    for position, (ind, score) in enumerate(rows, start=1):
        rank = ranked[-1].rank if ranked and ranked[-1].score == score else position
        ranked.append(RankedIndicator(ind.number, ind.name, ind.tool, score, rank))  # type: ignore[arg-type]
    return ranked


def leverage(rules: Rules, scores: Scores) -> list[Leverage]:
    """Where effort pays most: overall points to gain per indicator if it reached 100."""
    worth = points_per_indicator_point(rules)
    rows = [
        Leverage(
            ind.number,
            ind.name,
            round2(worth[ind.number]),
            round2((MAX_SCORE - score) * worth[ind.number]),
        )
        for ind in rules.indicators
        if (score := scores.get(ind.number)) is not None
    ]
    return sorted(rows, key=lambda r: (-r.potential_gain, r.indicator))


def compare_official(
    tools: Mapping[str, Decimal | None],
    overall: Decimal | None,
    level: str | None,
    official: OfficialFigures,
) -> list[Mismatch]:
    """Figures whose computed value differs from the official one by more than 0.01."""
    pairs = [(code, tools.get(code), official.tool(code)) for code in ("IIT", "EIT", "OIT")]
    pairs.append(("overall", overall, official.overall))
    found = [
        Mismatch(name, f"{mine:.2f}", f"{theirs:.2f}")
        for name, mine, theirs in pairs
        if mine is not None and theirs is not None and abs(mine - theirs) > TOLERANCE
    ]
    if official.level and level and official.level.strip() != level:
        found.append(Mismatch("level", level, official.level.strip()))
    return found


def _change(
    rules: Rules,
    now: Scores,
    before: Scores,
    tools: Mapping[str, Decimal | None],
    overall: Decimal | None,
) -> dict[str, Decimal]:
    change: dict[str, Decimal] = {}
    for ind in rules.indicators:
        a, b = now.get(ind.number), before.get(ind.number)
        if a is not None and b is not None:
            change[str(ind.number)] = a - b
    old_tools = tool_scores(rules, before)
    for code, value in tools.items():
        old = old_tools.get(code)
        if value is not None and old is not None:
            change[code] = value - old
    old_overall = overall_score(rules, old_tools)
    if overall is not None and old_overall is not None:
        change["overall"] = overall - old_overall
    return change


def _warnings(
    rules: Rules,
    scores: Scores,
    ranking: list[RankedIndicator],
    threshold: Decimal,
    mismatches: list[Mismatch],
) -> list[str]:
    notes: list[str] = []
    missing = [ind.number for ind in rules.indicators if scores.get(ind.number) is None]
    if missing:
        listed = ", ".join(str(n) for n in missing)
        notes.append(f"ยังไม่ได้กรอกคะแนนตัวชี้วัดที่ {listed} จึงยังคำนวณคะแนนรวมไม่ได้ครบ")
    unknown = sorted(set(scores) - {ind.number for ind in rules.indicators})
    if unknown:
        notes.append(f"มีคะแนนของตัวชี้วัดที่ไม่มีในเกณฑ์ปีนี้: {', '.join(map(str, unknown))}")
    if ranking and all(r.score >= threshold for r in ranking):
        notes.append("ทุกตัวชี้วัดได้คะแนนถึงเกณฑ์จุดแข็ง จึงไม่มีจุดที่ต้องพัฒนาตามเกณฑ์นี้")
    if ranking and all(r.score < threshold for r in ranking):
        notes.append("ไม่มีตัวชี้วัดใดถึงเกณฑ์จุดแข็ง ควรพิจารณาเกณฑ์ที่ใช้อีกครั้ง")
    for m in mismatches:
        label = (
            "คะแนนรวม"
            if m.figure == "overall"
            else "ระดับผลการประเมิน"
            if m.figure == "level"
            else m.figure
        )
        notes.append(f"{label} ที่คำนวณได้ ({m.computed}) ไม่ตรงกับผลที่ประกาศ ({m.official})")
    return notes


def analyze(
    rules: Rules,
    scores: Scores,
    *,
    threshold: Decimal | None = None,
    target: Decimal | None = None,
    official: OfficialFigures | None = None,
    previous: Scores | None = None,
    previous_year: int | None = None,
) -> Analysis:
    """Everything computed from one year's scores; the one source all documents show."""
    threshold = rules.target if threshold is None else threshold
    target = rules.target if target is None else target
    tools = tool_scores(rules, scores)
    overall = overall_score(rules, tools)
    band = level_of(rules, overall, tools)
    ranking = rank_indicators(rules, scores)
    strengths = [r.indicator for r in ranking if r.score >= threshold]
    weaknesses = [r.indicator for r in reversed(ranking) if r.score < threshold]
    next_band = None
    if overall is not None:
        higher = [b for b in sorted_bands(rules) if b.minimum > overall]
        next_band = higher[-1] if higher else None
    mismatches = compare_official(
        tools, overall, band.label if band else None, official or OfficialFigures()
    )
    return Analysis(
        year=rules.year,
        tools=tools,
        overall=overall,
        level=band.label if band else None,
        ranking=ranking,
        strengths=strengths,
        weaknesses=weaknesses,
        threshold=threshold,
        target=target,
        gap_to_target=None if overall is None else max(Decimal("0.00"), target - overall),
        next_level=next_band.label if next_band else None,
        gap_to_next_level=None
        if next_band is None or overall is None
        else next_band.minimum - overall,
        leverage=leverage(rules, scores),
        change=_change(rules, scores, previous, tools, overall) if previous else {},
        previous_year=previous_year if previous else None,
        mismatches=mismatches,
        warnings=_warnings(rules, scores, ranking, threshold, mismatches),
    )
