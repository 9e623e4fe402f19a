"""The leading figures: official where entered, else the estimate; the next level's needs;
which figures an edited section was written for and what changed since."""

from __future__ import annotations

from decimal import Decimal

from ita_desktop.analysis.basis import basis_for, changes, current_figures, stale_sections
from ita_desktop.analysis.engine import analyze
from ita_desktop.analysis.figures import ESTIMATE, OFFICIAL, figures_of, figures_of_assessment
from ita_desktop.domain.models import Assessment, OfficialFigures
from ita_desktop.rules.presets import load_preset

D = Decimal
NAKHON_PHANOM = dict(
    zip(
        range(1, 11),
        map(
            D,
            ["95.77", "86.06", "89.26", "84.63", "85.07", "94.94", "91.25", "90.54", "100", "80"],
        ),
    )
)


EIGHTY_FIVE = D(85)


def _figures(scores=NAKHON_PHANOM, official=None, year=2566, threshold=EIGHTY_FIVE):
    rules = load_preset(year)
    official = official or OfficialFigures()
    estimate = analyze(rules, scores, threshold=threshold, official=official)
    return figures_of(rules, estimate, official)


def test_official_overall_leads_and_tools_stay_estimates() -> None:
    f = _figures(official=OfficialFigures(overall=D("90.16"), level="ผ่านดี"))
    assert f.overall.value == D("90.16") and f.overall.source == OFFICIAL
    assert (f.level, f.level_source) == ("ผ่านดี", OFFICIAL)
    assert f.tool("IIT") == D("88.16") and f.tools["IIT"].source == ESTIMATE
    assert f.estimate.overall == D("90.12")  # kept only for the cross-check
    assert f.official_led == ["overall", "level"]
    assert f.estimated == ["IIT", "EIT", "OIT"]
    assert [m.figure for m in f.differences] == ["overall"]
    assert f.next_level is not None and f.next_level.overall_gap == D("4.84")  # 95 - 90.16


def test_without_official_figures_the_estimate_leads() -> None:
    f = _figures()
    assert f.overall == type(f.overall)(D("90.12"), ESTIMATE)
    assert not f.has_official and f.official_led == [] and f.differences == []


def test_official_tools_lead_and_the_level_follows_the_rules_on_them() -> None:
    official = OfficialFigures(iit=D("96"), eit=D("96"), oit=D("96"), overall=D("96"))
    f = _figures(official=official)
    assert f.level == "ผ่านดีเยี่ยม" and f.level_source == ESTIMATE  # no official level typed
    assert f.next_level is None


def test_next_level_of_2566_needs_every_tool() -> None:
    step = _figures().next_level
    assert step is not None and step.label == "ผ่านดีเยี่ยม"
    assert step.min_each_tool == D(95)
    assert dict(step.tools_short) == {"IIT": D("88.16"), "EIT": D("92.24"), "OIT": D("90.00")}


def test_overall_reached_but_a_tool_short_still_has_a_next_level() -> None:
    scores = {i: D(100) for i in range(1, 11)} | {6: D(88), 7: D(88), 8: D(88)}
    f = _figures(scores=scores)
    assert f.overall.value == D("96.40") and f.level == "ผ่านดี"
    step = f.next_level
    assert step is not None and step.label == "ผ่านดีเยี่ยม" and step.overall_gap == 0
    assert step.tools_short == (("EIT", D("88.00")),)


def test_2562_bands_have_no_tool_condition() -> None:
    scores = dict.fromkeys(range(1, 11), D(90))
    step = _figures(scores=scores, year=2562).next_level
    assert step is not None and (step.label, step.overall_gap) == ("AA", D(5))
    assert step.min_each_tool is None and step.tools_short == ()


def _assessment(scores=NAKHON_PHANOM, **fields) -> Assessment:
    rules = load_preset(2566)
    return Assessment(1, 2566, rules, dict(scores), threshold=D(85), target=D(85), **fields)


def test_basis_scope_follows_the_section() -> None:
    a = _assessment()
    f = figures_of_assessment(a)
    assert set(basis_for("issues_OIT", "ข้อความ", f, a.rules)) == {"OIT", "threshold", "9", "10"}
    assert basis_for("strengths", "ข้อความ", f, a.rules)["4"] == "84.63"
    assert "overall" not in basis_for("strengths", "ข้อความ", f, a.rules)
    assert basis_for("results", "", f, a.rules) == {}
    # a section of the user's own counts only when it speaks of scores
    assert basis_for("objectives", "๑. เพื่อส่งเสริมความโปร่งใส", f, a.rules) == {}
    # ... and then on the figures it names; a score with no subject depends on every figure
    assert basis_for("analysis", "ตัวชี้วัดที่ 4 ร้อยละ 84.63", f, a.rules) == {"4": "84.63"}
    named = basis_for("analysis", "ภาพรวม (IIT) การใช้อำนาจ ได้คะแนน", f, a.rules)
    assert set(named) == {"overall", "level", "IIT", "3"}
    assert basis_for("analysis", "ได้ 90.12", f, a.rules) == current_figures(f)


def test_a_changed_score_makes_the_section_stale_with_what_changed() -> None:
    a = _assessment(narratives={"weaknesses": "ได้ 84.63 คะแนน", "guidance": "แนวทาง"})
    f = figures_of_assessment(a)
    a.narrative_basis = {"weaknesses": basis_for("weaknesses", "x", f, a.rules)}
    assert stale_sections(a, f) == []
    a.scores[4] = D("88.40")
    stale = stale_sections(a, figures_of_assessment(a))
    assert [s.key for s in stale] == ["weaknesses"]  # guidance has no basis: never stale
    (change,) = stale[0].changes
    assert (change.key, change.before, change.now) == ("4", "84.63", "88.40")
    assert change.label == "ตัวชี้วัดที่ 4 การใช้ทรัพย์สินของราชการ"


def test_official_figure_entered_later_changes_the_results_basis() -> None:
    a = _assessment()
    before = basis_for("results", "x", figures_of_assessment(a), a.rules)
    a.official = OfficialFigures(overall=D("90.16"))
    now = current_figures(figures_of_assessment(a))
    assert [(c.key, c.before, c.now) for c in changes(before, now, a.rules)] == [
        ("overall", "90.12", "90.16")
    ]
