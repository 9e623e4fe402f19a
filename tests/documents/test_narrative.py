"""Generated Thai paragraphs agree with the computed figures."""

from __future__ import annotations

from decimal import Decimal

from ita_desktop.analysis.engine import analyze
from ita_desktop.documents.narrative import SECTIONS, generate, section_text
from ita_desktop.rules.presets import load_preset

D = Decimal
TRANG = dict(
    zip(
        range(1, 11),
        map(
            D,
            ["94.42", "92.12", "92.28", "90.76", "92.35", "91.41", "94.44", "90.55", "100", "100"],
        ),
    )
)


NINETY_ONE = D(91)


def _texts(scores=TRANG, threshold=NINETY_ONE, year=2564) -> dict[str, str]:
    rules = load_preset(year)
    return generate(analyze(rules, scores, threshold=threshold), rules, "เทศบาลนครตรัง")


def test_every_section_is_written() -> None:
    texts = _texts()
    assert set(texts) == set(SECTIONS)
    assert all(texts[k].strip() for k in SECTIONS)


def test_results_paragraph_carries_the_computed_figures() -> None:
    text = _texts()["results"]
    for fragment in ("เทศบาลนครตรัง", "2564", "95.36", "AA", "92.39", "92.13", "100.00"):
        assert fragment in text
    assert "ผ่านค่าเป้าหมายร้อยละ 85" in text


def test_strengths_and_weaknesses_match_the_threshold() -> None:
    texts = _texts()
    assert "ตั้งแต่ร้อยละ 91 ขึ้นไป) จำนวน 8 ตัวชี้วัด" in texts["strengths"]
    assert "ต่ำกว่าร้อยละ 91) จำนวน 2 ตัวชี้วัด" in texts["weaknesses"]
    assert "90.76" in texts["weaknesses"] and "92.76" not in texts["weaknesses"]
    # one paragraph per indicator, after the introduction
    assert texts["strengths"].count("\n\n") == 8 and texts["weaknesses"].count("\n\n") == 2


def test_tool_issues_name_the_weak_indicators_of_that_tool() -> None:
    texts = _texts()
    assert "การใช้ทรัพย์สินของราชการ (90.76 คะแนน)" in texts["issues_IIT"]
    assert "การปรับปรุงการทำงาน (90.55 คะแนน)" in texts["issues_EIT"]
    assert "ควรรักษาระดับ" in texts["issues_OIT"]


def test_missing_scores_and_all_strong() -> None:
    assert "ยังสรุปคะแนนภาพรวมไม่ได้" in _texts(scores={1: D(90)})["results"]
    texts = _texts(threshold=D(85))
    assert "ไม่มีจุดที่ต้องพัฒนา" in texts["weaknesses"]


def test_missed_target_and_next_level() -> None:
    text = _texts(scores={i: D(80) for i in range(1, 11)}, year=2566)["results"]
    assert "ต่ำกว่าค่าเป้าหมายร้อยละ 85 อยู่ 5.00 คะแนน" in text
    assert "ผ่าน" in text


def test_user_text_wins_over_generated() -> None:
    assert section_text("results", {"results": "สร้าง"}, {"results": "  แก้เอง "}) == "แก้เอง"
    assert section_text("results", {"results": "สร้าง"}, {"results": "  "}) == "สร้าง"


def test_no_scores_says_so_everywhere() -> None:
    texts = _texts(scores={})
    for key in ("strengths", "weaknesses", "guidance"):
        assert "ยังไม่ได้กรอกคะแนน" in texts[key]
    assert "ยังไม่ได้กรอกคะแนนตัวชี้วัดของ" in texts["issues_IIT"]


# leading figures, rule sets, missing years ----------------------------------------------------
NAKHON_PHANOM = dict(
    zip(
        range(1, 11),
        map(
            D,
            ["95.77", "86.06", "89.26", "84.63", "85.07", "94.94", "91.25", "90.54", "100", "80"],
        ),
    )
)


def _led(official, scores=NAKHON_PHANOM, year=2566, previous=None) -> tuple[dict[str, str], object]:
    from ita_desktop.analysis.figures import figures_of

    rules = load_preset(year)
    a = analyze(rules, scores, threshold=D(85), official=official)
    f = figures_of(rules, a, official)
    return generate(a, rules, "องค์การบริหารส่วนจังหวัดนครพนม", f, previous), f


def test_official_overall_is_the_result_and_sources_are_named() -> None:
    from ita_desktop.domain.models import OfficialFigures

    texts, _ = _led(OfficialFigures(overall=D("90.16"), level="ผ่านดี"))
    text = texts["results"]
    assert "ร้อยละ 90.16 อยู่ในระดับ ผ่านดี" in text and "90.12" not in text
    assert "คะแนนรวม และระดับผลการประเมิน เป็นผลที่สำนักงาน ป.ป.ช. ประกาศ" in text
    assert "คะแนนรายเครื่องมือ (IIT EIT และ OIT) คำนวณจากคะแนนรายตัวชี้วัด" in text
    assert "อีก 4.84 คะแนน" in text  # the gap from 90.16, not from the estimate 90.12


def test_all_official_figures_say_so_once() -> None:
    from ita_desktop.domain.models import OfficialFigures

    official = OfficialFigures(D("92.39"), D("92.13"), D("100.00"), D("95.36"), "AA")
    texts = generate(
        analyze(load_preset(2564), TRANG, threshold=NINETY_ONE, official=official),
        load_preset(2564),
        "เทศบาลนครตรัง",
    )
    assert "ป.ป.ช." not in texts["results"]  # no figures object given: the estimate, unsourced
    texts, _ = _led(official, TRANG, 2564)
    assert texts["results"].count("เป็นผลที่สำนักงาน ป.ป.ช. ประกาศ") == 1


def test_cross_check_states_the_estimate_and_what_a_difference_means() -> None:
    from ita_desktop.documents.narrative import cross_check_text
    from ita_desktop.domain.models import OfficialFigures

    _, f = _led(OfficialFigures(overall=D("90.16"), level="ผ่านดี"))
    note = cross_check_text(f)  # type: ignore[arg-type]
    assert "คะแนนรวม 90.12 (ประกาศ 90.16)" in note
    assert "เกณฑ์ที่สำนักงาน ป.ป.ช. ใช้คำนวณจริงในปีนี้อาจต่าง" in note
    assert "ใช้ผลที่สำนักงาน ป.ป.ช. ประกาศเป็นหลัก" in note
    _, same = _led(OfficialFigures(overall=D("90.12")))
    assert "ตรงกับผลที่สำนักงาน ป.ป.ช. ประกาศ" in cross_check_text(same)  # type: ignore[arg-type]
    _, none = _led(OfficialFigures())
    assert cross_check_text(none) == ""  # type: ignore[arg-type]


def test_next_level_of_2566_names_the_per_tool_condition() -> None:
    from ita_desktop.domain.models import OfficialFigures

    text = _led(OfficialFigures())[0]["results"]
    assert "ยกระดับเป็นระดับ ผ่านดีเยี่ยม ต้องเพิ่มคะแนนภาพรวมอีก 4.88 คะแนน" in text
    assert "ทุกเครื่องมือต้องได้คะแนนตั้งแต่ร้อยละ 95 ขึ้นไป" in text
    assert "EIT ได้ร้อยละ 92.24" in text


def test_overall_above_the_level_but_a_tool_short() -> None:
    from ita_desktop.domain.models import OfficialFigures

    scores = {i: D(100) for i in range(1, 11)} | {6: D(88), 7: D(88), 8: D(88)}
    text = _led(OfficialFigures(), scores)[0]["results"]
    assert "อยู่ในระดับ ผ่านดี" in text
    assert "คะแนนภาพรวมถึงเกณฑ์ของระดับ ผ่านดีเยี่ยม แล้ว" in text and "EIT ได้ร้อยละ 88.00" in text
    assert "ต้องเพิ่มคะแนนภาพรวม" not in text


def test_2562_to_2565_levels_need_no_tool_condition() -> None:
    text = _texts(scores=dict.fromkeys(range(1, 11), D(90)), year=2563)["results"]
    assert "หากต้องการยกระดับเป็นระดับ AA ต้องเพิ่มคะแนนภาพรวมอีก 5.00 คะแนน" in text
    assert "ทุกเครื่องมือ" not in text


def test_change_uses_both_years_leading_figures() -> None:
    from ita_desktop.analysis.figures import figures_of
    from ita_desktop.domain.models import OfficialFigures

    rules = load_preset(2565)
    before = figures_of(rules, analyze(rules, NAKHON_PHANOM), OfficialFigures(overall=D("89.00")))
    text = _led(OfficialFigures(overall=D("90.16")), previous=(2565, before))[0]["results"]
    assert "คะแนนภาพรวมเพิ่มขึ้น 1.16 คะแนนจากปีงบประมาณ พ.ศ. 2565" in text


def test_score_citation_never_prints_a_missing_score_nor_the_baseline_as_outcome() -> None:
    from ita_desktop.documents.narrative import score_citation

    ref = "ตัวชี้วัดที่ 4 การใช้ทรัพย์สินของราชการ"
    both = score_citation(ref, 2566, D("84.63"), 2567, D("88.00"))
    assert both == f"{ref} ผลปี 2567 ได้ 88.00 คะแนน เพิ่มขึ้น 3.37 คะแนนจากปี 2566 ที่ได้ 84.63 คะแนน"
    base = score_citation(ref, 2566, D("84.63"), 2567, None)
    assert base is not None and "ค่าฐานปี 2566 ได้ 84.63" in base
    assert "ยังไม่มีผลการประเมินปี 2567" in base and "ผลปี" not in base
    after = score_citation(ref, 2566, None, 2567, D("88.00"))
    assert after is not None and "–" not in after and "ไม่มีคะแนนปี 2566" in after
    assert score_citation(ref, 2566, None, 2567, None) is None
    same = score_citation(ref, 2566, D(90), 2567, D(90))
    assert same is not None and same.endswith("เท่ากับปี 2566")


def test_every_preset_year_writes_every_section() -> None:
    for year in range(2562, 2569):
        texts = _texts(scores=NAKHON_PHANOM, threshold=D(85), year=year)
        assert all(texts[k].strip() for k in SECTIONS)
        assert "–" not in texts["results"]
