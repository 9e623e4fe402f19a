"""Convert between Arabic (0-9) and Thai (๐-๙) digits, leaving every other character alone."""

from __future__ import annotations

ARABIC_DIGITS = "0123456789"
THAI_DIGITS = "๐๑๒๓๔๕๖๗๘๙"

_TO_THAI = str.maketrans(ARABIC_DIGITS, THAI_DIGITS)
_TO_ARABIC = str.maketrans(THAI_DIGITS, ARABIC_DIGITS)


def to_thai_digits(text: str) -> str:
    """Replace Arabic digits by Thai digits: "95.36" -> "๙๕.๓๖"."""
    return text.translate(_TO_THAI)


def to_arabic_digits(text: str) -> str:
    """Replace Thai digits by Arabic digits: "๙๕.๓๖" -> "95.36"."""
    return text.translate(_TO_ARABIC)


def localize_digits(text: str, thai: bool) -> str:
    """Text with Thai digits when `thai` is true, else Arabic digits (a document option)."""
    return to_thai_digits(text) if thai else to_arabic_digits(text)
