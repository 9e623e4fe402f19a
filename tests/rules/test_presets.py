"""Rule presets and the rules copy kept with each year: loaded, saved and checked."""

from __future__ import annotations

import json
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import pytest

from ita_desktop.errors import ValidationError
from ita_desktop.rules.presets import (
    available_years,
    load_preset,
    preset_for,
    rules_from_dict,
    rules_to_dict,
)


@pytest.mark.parametrize("year", available_years())
def test_every_preset_survives_the_stored_copy(year: int) -> None:
    rules = load_preset(year)
    stored = json.loads(json.dumps(rules_to_dict(rules)))  # as the JSON column keeps it
    assert rules_from_dict(stored) == rules
    assert sum((t.weight for t in rules.tools), Decimal(0)) == 1


def test_preset_for_carries_rules_over() -> None:
    newest, oldest = available_years()[-1], available_years()[0]
    later = preset_for(newest + 2)
    assert later.year == newest + 2
    assert rules_to_dict(later) == {**rules_to_dict(load_preset(newest)), "year": newest + 2}
    assert preset_for(oldest - 5).indicators == load_preset(oldest).indicators
    assert load_preset(newest) is not load_preset(newest)  # a fresh copy each time


def test_a_missing_preset_is_a_thai_error() -> None:
    with pytest.raises(ValidationError) as info:
        load_preset(2500)
    assert "ไม่มีเกณฑ์การประเมินของปีงบประมาณ 2500" in info.value.thai


@pytest.mark.parametrize(
    "breaks, words",
    [
        (lambda d: d.pop("tools"), "เกณฑ์การประเมินไม่ถูกต้อง"),
        (lambda d: d["tools"][0].update(weight="abc"), "เกณฑ์การประเมินไม่ถูกต้อง"),
        (lambda d: d["tools"][0].update(weight="0.5"), "น้ำหนักของเครื่องมือรวมกันต้องเท่ากับ 1"),
        (lambda d: d.update(grades=[]), "ไม่มีช่วงระดับผลการประเมิน"),
    ],
)
def test_a_broken_copy_does_not_load(
    breaks: Callable[[dict[str, Any]], object], words: str
) -> None:
    data = rules_to_dict(load_preset(2566))
    breaks(data)
    with pytest.raises(ValidationError) as info:
        rules_from_dict(data)
    assert words in info.value.thai
