"""The analysis engine against the seed arithmetic and general properties."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ita_desktop.analysis.engine import analyze, rank_indicators
from ita_desktop.analysis.scoring import check_score, level_of, overall_score, tool_scores
from ita_desktop.domain.models import OfficialFigures
from ita_desktop.errors import ValidationError
from ita_desktop.rules.presets import available_years, load_preset

D = Decimal
TRANG_2564 = dict(
    zip(
        range(1, 11),
        map(
            D,
            ["94.42", "92.12", "92.28", "90.76", "92.35", "91.41", "94.44", "90.55", "100", "100"],
        ),
    )
)


def test_trang_2564_reproduces_the_published_figures() -> None:
    a = analyze(load_preset(2564), TRANG_2564, threshold=D(91))
    assert a.tools == {"IIT": D("92.39"), "EIT": D("92.13"), "OIT": D("100.00")}
    assert a.overall == D("95.36")
    assert a.level == "AA"
    assert len(a.strengths) == 8 and len(a.weaknesses) == 2
    assert set(a.weaknesses) == {4, 8}
    assert a.weaknesses[0] == 8  # worst first
    assert a.strengths[:2] == [9, 10]
    assert a.warnings == []


def test_the_seed_typo_92_76_would_not_give_the_published_iit() -> None:
    scores = {**TRANG_2564, 4: D("92.76")}
    a = analyze(load_preset(2564), scores, official=OfficialFigures(iit=D("92.39")))
    assert a.tools["IIT"] == D("92.79")
    assert [m.figure for m in a.mismatches] == ["IIT"]
    assert any("IIT" in w for w in a.warnings)


def test_nakhon_phanom_2566_difference_is_flagged() -> None:
    scores = dict(
        zip(range(1, 11), map(D, ["90", "90", "90", "90", "90", "90", "90", "90", "90.4", "90"]))
    )
    a = analyze(load_preset(2566), scores, official=OfficialFigures(overall=D("90.16")))
    assert a.overall == D("90.08")
    assert a.mismatches and a.mismatches[0].figure == "overall"


def test_ties_share_a_rank() -> None:
    ranked = rank_indicators(load_preset(2564), TRANG_2564)
    assert [(r.indicator, r.rank) for r in ranked[:3]] == [(9, 1), (10, 1), (7, 3)]


def test_grades_2566_need_every_tool_for_the_top_levels() -> None:
    rules = load_preset(2566)
    tools = {"IIT": D("99"), "EIT": D("99"), "OIT": D("90")}
    assert level_of(rules, D("95.40"), tools).label == "ผ่านดี"
    assert level_of(rules, D("96"), {k: D("96") for k in tools}).label == "ผ่านดีเยี่ยม"
    assert level_of(rules, D("86"), {"IIT": D("80"), "EIT": D("90"), "OIT": D("88")}).label == "ผ่าน"
    assert level_of(rules, D("70"), tools).label == "ต้องปรับปรุง"
    assert level_of(rules, D("69.99"), tools).label == "ต้องปรับปรุงโดยด่วน"


def test_band_edges_2565() -> None:
    rules = load_preset(2565)
    tools = {"IIT": D(90), "EIT": D(90), "OIT": D(90)}
    for score, label in [
        ("95", "AA"),
        ("94.99", "A"),
        ("85", "A"),
        ("84.99", "B"),
        ("50", "E"),
        ("49.99", "F"),
        ("0", "F"),
    ]:
        assert level_of(rules, D(score), tools).label == label


def test_missing_scores_give_no_overall_and_a_warning() -> None:
    a = analyze(load_preset(2564), {1: D(90)})
    assert a.tools["IIT"] is None and a.overall is None and a.level is None
    assert "ยังไม่ได้กรอกคะแนน" in a.warnings[0]


def test_gap_and_next_level() -> None:
    scores = {i: D(80) for i in range(1, 11)}
    a = analyze(load_preset(2565), scores)
    assert a.overall == D("80.00") and a.level == "B"
    assert a.gap_to_target == D("5.00")
    assert a.next_level == "A" and a.gap_to_next_level == D("5.00")


def test_leverage_uses_weight_over_indicator_count() -> None:
    a = analyze(load_preset(2564), {i: D(90) for i in range(1, 11)})
    worth = {x.indicator: x.points_per_point for x in a.leverage}
    assert worth[1] == D("0.06") and worth[6] == D("0.10") and worth[9] == D("0.20")
    assert a.leverage[0].indicator in (9, 10) and a.leverage[0].potential_gain == D("2.00")


def test_change_from_previous_year() -> None:
    before = {i: D(80) for i in range(1, 11)}
    a = analyze(load_preset(2565), TRANG_2564, previous=before, previous_year=2564)
    assert a.change["1"] == D("14.42")
    assert a.change["overall"] == D("15.36")
    assert a.previous_year == 2564


@pytest.mark.parametrize("bad", ["-0.01", "100.01", "NaN", "92.555"])
def test_check_score_refuses(bad: str) -> None:
    with pytest.raises(ValidationError):
        check_score(1, D(bad))


def test_every_preset_loads() -> None:
    assert available_years() == list(range(2562, 2569))
    for year in available_years():
        rules = load_preset(year)
        assert len(rules.indicators) == 10
        assert sum(t.weight for t in rules.tools) == 1


score = st.decimals(min_value=0, max_value=100, places=2, allow_nan=False, allow_infinity=False)
ten_scores = st.lists(score, min_size=10, max_size=10).map(lambda v: dict(zip(range(1, 11), v)))
years = st.sampled_from(range(2562, 2569))


@settings(max_examples=200, deadline=None)
@given(ten_scores, years)
def test_overall_is_between_lowest_and_highest_tool(scores: dict[int, Decimal], year: int) -> None:
    rules = load_preset(year)
    tools = tool_scores(rules, scores)
    overall = overall_score(rules, tools)
    assert overall is not None and D(0) <= overall <= D(100)
    assert min(tools.values()) <= overall <= max(tools.values())


@settings(max_examples=200, deadline=None)
@given(ten_scores, years)
def test_ranking_is_sorted_permutation(scores: dict[int, Decimal], year: int) -> None:
    ranked = rank_indicators(load_preset(year), scores)
    assert sorted(r.indicator for r in ranked) == list(range(1, 11))
    values = [r.score for r in ranked]
    assert values == sorted(values, reverse=True)
    assert all(r.rank == 1 + sum(v > r.score for v in values) for r in ranked)


@settings(max_examples=200, deadline=None)
@given(ten_scores, years, st.integers(1, 10), score)
def test_raising_a_score_never_lowers_the_overall(
    scores: dict[int, Decimal], year: int, which: int, new: Decimal
) -> None:
    rules = load_preset(year)
    raised = {**scores, which: max(new, scores[which])}
    before = overall_score(rules, tool_scores(rules, scores))
    after = overall_score(rules, tool_scores(rules, raised))
    assert after >= before
