"""Tests of Thai/Arabic digit conversion."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from ita_desktop.thai.digits import localize_digits, to_arabic_digits, to_thai_digits


def test_to_thai_digits_keeps_other_characters() -> None:
    assert to_thai_digits("95.36") == "๙๕.๓๖"
    assert to_thai_digits("ปี 2568: 1,234 คน") == "ปี ๒๕๖๘: ๑,๒๓๔ คน"
    assert to_thai_digits("0123456789") == "๐๑๒๓๔๕๖๗๘๙"


def test_to_arabic_digits() -> None:
    assert to_arabic_digits("๙๕.๓๖") == "95.36"
    assert to_arabic_digits("ร้อยละ ๘๕") == "ร้อยละ 85"


def test_localize_digits() -> None:
    assert localize_digits("ปี 2568 / ๒๕๖๘", thai=True) == "ปี ๒๕๖๘ / ๒๕๖๘"
    assert localize_digits("ปี 2568 / ๒๕๖๘", thai=False) == "ปี 2568 / 2568"


def test_empty_text() -> None:
    assert to_thai_digits("") == "" and to_arabic_digits("") == ""


@given(st.text())
def test_round_trips(text: str) -> None:
    assert to_arabic_digits(to_thai_digits(text)) == to_arabic_digits(text)
    assert to_thai_digits(to_arabic_digits(text)) == to_thai_digits(text)
    assert not set(to_thai_digits(text)) & set("0123456789")
    assert not set(to_arabic_digits(text)) & set("๐๑๒๓๔๕๖๗๘๙")


@given(st.text(alphabet="0123456789.,- "))
def test_round_trip_of_arabic_text_is_exact(text: str) -> None:
    assert to_arabic_digits(to_thai_digits(text)) == text
