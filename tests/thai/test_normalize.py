"""Tests of input normalisation (Thai marks, zero-width characters, whitespace)."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from ita_desktop.thai.normalize import normalize_name, normalize_text

NIKHAHIT, SARA_AA, SARA_AM, MAI_EK, MAI_THO = "\u0e4d", "\u0e32", "\u0e33", "\u0e48", "\u0e49"


@pytest.mark.parametrize(
    ("broken", "fixed"),
    [
        ("น" + MAI_THO + NIKHAHIT + SARA_AA, "น้ำ"),  # tone, then "ํา"
        ("น" + NIKHAHIT + MAI_THO + SARA_AA, "น้ำ"),  # tone between
        ("ก" + NIKHAHIT + SARA_AA + "หนด", "กำหนด"),
        ("ค" + NIKHAHIT + MAI_EK + SARA_AA, "ค่ำ"),
        ("ค" + MAI_EK + NIKHAHIT + SARA_AA, "ค่ำ"),
        ("สํานักปลัด", "สำนักปลัด"),
    ],
)
def test_broken_sara_am(broken: str, fixed: str) -> None:
    assert normalize_text(broken) == fixed


def test_correct_text_is_unchanged() -> None:
    text = "การประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ น้ำ ที่ ปู่ ฟ้า"
    assert normalize_text(text) == text


@pytest.mark.parametrize("mark", ["\u200b", "\u200c", "\u200d", "\ufeff", "\u2060"])
def test_zero_width_characters_removed(mark: str) -> None:
    assert normalize_text(f"{mark}สำนัก{mark}ปลัด{mark}") == "สำนักปลัด"


def test_zero_width_inside_broken_sara_am() -> None:
    assert normalize_text("ก" + NIKHAHIT + "\u200b" + SARA_AA + "หนด") == "กำหนด"


def test_doubled_marks() -> None:
    assert normalize_text("ที่่") == "ที่"
    assert normalize_text("ที" + MAI_EK * 3) == "ที่"
    assert normalize_text("ทีี่") == "ที่"


def test_mark_order_is_canonical() -> None:
    assert normalize_text("ป" + MAI_EK + "\u0e39") == "ปู่"  # tone typed before SARA UU


def test_whitespace() -> None:
    assert normalize_text("  a \t  b  \n") == "a b"
    assert normalize_text("a\u00a0b\u202fc") == "a b c"
    assert normalize_text("a  \r\nb\rc") == "a\nb\nc"
    assert normalize_text("para 1\n\npara 2") == "para 1\n\npara 2"
    assert normalize_text("para 1\n \n\t\n\n\npara 2") == "para 1\n\npara 2"
    assert normalize_text("\n\n  text \n\n") == "text"
    assert normalize_text("") == ""
    assert normalize_text(" \u200b \n ") == ""


def test_control_characters_removed() -> None:
    assert normalize_text("a\x00b\x07c\x1bd") == "abcd"


def test_nfc() -> None:
    assert normalize_text("e\u0301") == "\u00e9"


def test_normalize_name() -> None:
    assert normalize_name("  เทศบาลตำบล\n\n  นาบอน  ") == "เทศบาลตำบล นาบอน"
    assert normalize_name("กองคลัง\u200b") == "กองคลัง"
    assert normalize_name("อบต.\r\nบ้านใหม่") == "อบต. บ้านใหม่"


THAI = "".join(chr(c) for c in range(0x0E01, 0x0E5C) if unicodedata.category(chr(c)) != "Cn")
TRICKY = (
    " \t\n\r\u00a0\u2000\u3000\u200b\u200c\u200d\ufeff\u2060"
    "\u0301\u0300\u0327\x00\x0b\x1c\x85\u2028"
)
thai_heavy = st.text(alphabet=st.sampled_from(THAI + TRICKY + "ab1"), max_size=60)
any_text = st.text() | thai_heavy


@given(any_text)
@example("\u0e48\u0301\u0e4d\u0e48\u0e32")
@example("\u0e4d\u0e4d\u0e32")
@example("\u0e48\u0e4d\u0e48\u0e32")
@example("a \u200b \nb")
def test_normalize_text_is_idempotent(text: str) -> None:
    once = normalize_text(text)
    assert normalize_text(once) == once


@given(any_text)
def test_normalize_text_result_properties(text: str) -> None:
    result = normalize_text(text)
    assert unicodedata.is_normalized("NFC", result)
    assert NIKHAHIT + SARA_AA not in result
    assert not set(result) & set("\u200b\u200c\u200d\ufeff\u2060\r\t\u00a0")
    assert "  " not in result and "\n\n\n" not in result
    assert result == result.strip()
    assert all(line == line.rstrip(" ") for line in result.split("\n"))


@given(any_text)
def test_normalize_name_is_idempotent_and_single_line(text: str) -> None:
    once = normalize_name(text)
    assert normalize_name(once) == once
    assert "\n" not in once


def test_bidirectional_controls_are_dropped() -> None:
    assert normalize_name("\u202eเทศบาล\u2066ตำบล\u2069\u200f") == "เทศบาลตำบล"
