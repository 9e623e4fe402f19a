"""Scores and numbers as Thai documents print them: Decimal, half-up rounding, Thai digits."""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal, localcontext

from ita_desktop.errors import ValidationError, shown
from ita_desktop.thai.digits import localize_digits, to_arabic_digits

MISSING = "–"  # printed where a score is not known

_SCORE_PATTERN = re.compile(r"[+-]?(?:[0-9]+(?:[.,][0-9]*)?|[.,][0-9]+)")
_SPACES = " \t\n\r\u00a0\u2007\u202f\u200b\u200c\u200d\u2060\ufeff"


class ScoreFormatError(ValidationError, ValueError):
    """Text that is not a number; a ValueError for callers, a ValidationError for the GUI."""


def _as_decimal(value: Decimal | int) -> Decimal:
    if isinstance(value, float) or not isinstance(value, (Decimal, int)):
        raise TypeError(f"expected Decimal or int, got {type(value).__name__}")
    number = Decimal(value)
    if not number.is_finite():
        raise ValueError(f"cannot round or print {number}")
    return number


def round_half_up(value: Decimal | int, places: int = 2) -> Decimal:
    """Round to `places` decimals, halves away from zero: 92.385 -> 92.39, 92.125 -> 92.13."""
    number = _as_decimal(value)
    with localcontext() as ctx:
        ctx.prec = max(28, number.adjusted() + places + 2)
        rounded = number.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    return rounded.copy_abs() if rounded.is_zero() else rounded  # never "-0.00"


def format_score(value: Decimal | int | None, places: int = 2, thai_digits: bool = True) -> str:
    """A score rounded half-up with fixed decimals: "๙๕.๓๖", "๑๐๐.๐๐"; None gives "–"."""
    if value is None:
        return MISSING
    return localize_digits(f"{round_half_up(value, places):f}", thai_digits)


def parse_score(text: str) -> Decimal:
    """Read a number typed by the user: Thai or Arabic digits, "92.5" or "92,5", spaces around.

    "-0" gives 0. Raises ScoreFormatError (a ValueError) with a Thai message naming the text
    (escaped and cut, see errors.shown); the caller checks the range.
    """
    cleaned = to_arabic_digits(text).strip(_SPACES).replace("\u2212", "-")
    if not _SCORE_PATTERN.fullmatch(cleaned):
        typed = text.strip(_SPACES)
        message = "กรุณากรอกคะแนน" if not typed else f"“{shown(typed)}” ไม่ใช่ตัวเลข"
        raise ScoreFormatError(message, "not a number")
    number = Decimal(cleaned.replace(",", "."))
    return number.copy_abs() if number.is_zero() else number  # "-0" is 0
