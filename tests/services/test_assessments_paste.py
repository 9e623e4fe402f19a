"""Scores pasted from a spreadsheet: a row or a column of up to ten cells, all or nothing."""

from __future__ import annotations

from decimal import Decimal

import pytest

from ita_desktop.errors import ValidationError
from ita_desktop.rules.presets import preset_for
from ita_desktop.services.assessments import MAX_PASTED, parse_pasted_scores

RULES = preset_for(2564)
TEN = ["95.12", "93.40", "92.28", "90.76", "92.35", "91.41", "94.44", "90.55", "100", "0"]


@pytest.mark.parametrize(
    "text",
    ["\t".join(TEN), "\n".join(TEN), "\r\n".join(TEN) + "\r\n", "\t".join(TEN) + "\n"],
    ids=["row", "column", "excel-column", "excel-row"],
)
def test_a_row_or_a_column_of_ten_fills_every_indicator(text: str) -> None:
    assert parse_pasted_scores(RULES, 1, text) == {
        n: Decimal(v) for n, v in enumerate(TEN, start=1)
    }


def test_values_go_to_the_indicators_from_the_field_on() -> None:
    assert parse_pasted_scores(RULES, 8, "๙๐.๕๕\t100\t99,5") == {
        8: Decimal("90.55"),
        9: Decimal(100),
        10: Decimal("99.5"),
    }


@pytest.mark.parametrize(
    ("first", "text", "fragment"),
    [
        (1, "95.12\tabc", "ค่าที่ 2 ที่วาง (ตัวชี้วัดที่ 2): “abc” ไม่ใช่ตัวเลข"),
        (1, "95.12\t93.405", "ค่าที่ 2 ที่วาง (ตัวชี้วัดที่ 2): 93.405 มีทศนิยมเกิน 2 ตำแหน่ง"),
        (3, "95\n100.01", "ค่าที่ 2 ที่วาง (ตัวชี้วัดที่ 4): 100.01 ไม่อยู่ระหว่าง 0 ถึง 100"),
        (1, "-1\t5", "ค่าที่ 1 ที่วาง (ตัวชี้วัดที่ 1): -1 ไม่อยู่ระหว่าง 0 ถึง 100"),
        (1, "95\t\t93", "ค่าที่ 2 ที่วาง (ตัวชี้วัดที่ 2): ว่าง"),
        (1, "95%\t93", "ค่าที่ 1 ที่วาง (ตัวชี้วัดที่ 1): “95%” ไม่ใช่ตัวเลข"),
        (1, "\t".join(["90"] * 11), f"วางคะแนนได้ไม่เกิน {MAX_PASTED} ค่า (ที่คัดลอกมามี 11 ค่า)"),
        (8, "90\t91\t92\t93", "จากตัวชี้วัดที่ 8 ถึงตัวชี้วัดที่ 10 มีที่ให้วาง 3 ค่า แต่ที่คัดลอกมามี 4 ค่า"),
        (1, "90\t91\n92\t93", "วางคะแนนได้ทีละหนึ่งแถวหรือหนึ่งคอลัมน์ (ที่คัดลอกมามี 2 แถว 2 คอลัมน์)"),
        (11, "90\t91", "ไม่มีตัวชี้วัดที่ 11 ในเกณฑ์ปีนี้"),
    ],
)
def test_one_bad_value_refuses_the_whole_paste(first: int, text: str, fragment: str) -> None:
    with pytest.raises(ValidationError) as caught:
        parse_pasted_scores(RULES, first, text)
    assert fragment in caught.value.thai
    assert "\n" not in caught.value.thai  # one line
