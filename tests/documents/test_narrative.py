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
