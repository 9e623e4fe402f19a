"""Tests of score rounding, printing and parsing."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ita_desktop.errors import ValidationError
from ita_desktop.thai.numbers import format_score, parse_score, round_half_up


@pytest.mark.parametrize(
    ("value", "places", "expected"),
    [
        ("92.385", 2, "92.39"),
        ("92.125", 2, "92.13"),
        ("92.124", 2, "92.12"),
        ("95.355", 2, "95.36"),
        ("100", 2, "100.00"),
        ("-1.005", 2, "-1.01"),
        ("-0.001", 2, "0.00"),
        ("84.995", 2, "85.00"),
        ("2.5", 0, "3"),
    ],
)
def test_round_half_up(value: str, places: int, expected: str) -> None:
    result = round_half_up(Decimal(value), places)
    assert result == Decimal(expected)
    assert str(result) == expected


def test_round_half_up_refuses_floats() -> None:
    with pytest.raises(TypeError):
        round_half_up(92.385)  # type: ignore[arg-type]


def test_round_half_up_of_huge_numbers() -> None:
    assert round_half_up(Decimal("1E+30")) == Decimal("1E+30")


def test_format_score() -> None:
    assert format_score(Decimal("95.36")) == "๙๕.๓๖"
    assert format_score(Decimal(100)) == "๑๐๐.๐๐"
    assert format_score(100) == "๑๐๐.๐๐"
    assert format_score(Decimal("92.385"), thai_digits=False) == "92.39"
    assert format_score(Decimal("90.5"), places=1, thai_digits=False) == "90.5"
    assert format_score(None) == "–"


def test_format_refuses_nan() -> None:
    with pytest.raises(ValueError):
        format_score(Decimal("NaN"))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("๙๒.๗๖", "92.76"),
        ("92.76", "92.76"),
        ("  92.76 ", "92.76"),
        ("92,5", "92.5"),
        ("๙๒,๕", "92.5"),
        ("100", "100"),
        ("๑๐๐", "100"),
        ("0", "0"),
        (".5", "0.5"),
        ("-3", "-3"),
        ("\u00a085\u200b", "85"),
    ],
)
def test_parse_score(text: str, expected: str) -> None:
    assert parse_score(text) == Decimal(expected)


@pytest.mark.parametrize("text", ["", "  ", "abc", "ผ่าน", "9 2", "92.5.1", "1,234.5", "nan", "1e3"])
def test_parse_score_rejects_with_thai_message(text: str) -> None:
    with pytest.raises(ValueError) as caught:
        parse_score(text)
    assert any("\u0e00" <= ch <= "\u0e7f" for ch in str(caught.value))
    assert isinstance(caught.value, ValidationError)


@given(st.decimals(min_value=0, max_value=100, places=2), st.booleans())
def test_format_then_parse_round_trips(value: Decimal, thai: bool) -> None:
    assert parse_score(format_score(value, thai_digits=thai)) == value
