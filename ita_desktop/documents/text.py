"""Text helpers of the document builders: digit localisation that spares URLs, no-break joins,
periods, lists."""

from __future__ import annotations

import re
from decimal import Decimal

from ita_desktop.domain.models import Period
from ita_desktop.domain.periods import period_text as shared_period_text
from ita_desktop.thai.dates import MONTHS_ABBR, MONTHS_FULL
from ita_desktop.thai.digits import localize_digits
from ita_desktop.thai.numbers import format_score

# Runs whose digits must stay as typed: URLs, e-mail addresses, Latin codes such as O12.
_PROTECTED = re.compile(
    r"(?:https?://|ftp://|www\.)[^\s<>\"]+"
    r"|[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}"
    r"|[A-Za-z]+[0-9]+[A-Za-z0-9]*"
)


def localize(text: str, thai_digits: bool) -> str:
    """Digits as the document wants them, except inside URLs, e-mails and Latin codes."""
    if not text:
        return text
    out, pos = [], 0
    for m in _PROTECTED.finditer(text):
        out.append(localize_digits(text[pos : m.start()], thai_digits))
        out.append(m.group(0))
        pos = m.end()
    out.append(localize_digits(text[pos:], thai_digits))
    return "".join(out)


NBSP = "\u00a0"  # the line breaker never ends a line there; it is drawn as a space
_NUMBER = r"[0-9๐-๙]+(?:[.,][0-9๐-๙]+)*"
_MONTHS = "|".join(re.escape(m) for m in sorted(MONTHS_FULL[1:] + MONTHS_ABBR[1:], key=len)[::-1])
_UNITS = "คะแนน|เดือน|มาตรการ|ตัวชี้วัด|เครื่องมือ|ครั้ง|บาท|คน|วัน|ปี|ข้อ|แห่ง|%"
# Words that never end a line before the number after them, and units never starting a line
# after theirs: "พ.ศ. ๒๕๖๖", "ไตรมาสที่ ๒", "ตัวชี้วัดที่ ๔", "ก.ย. ๒๕๖๕", "๑๕ ตุลาคม",
# "ได้ ๙๑.๒๕ คะแนน", "ร้อยละ ๙๒.๒๔", "รอบ ๖ เดือน".
_GLUE_BEFORE_NUMBER = re.compile(
    rf"(พ\.ศ\.|ค\.ศ\.|ที่|ได้|ร้อยละ|รอบ|ปี|จำนวน|{_MONTHS})[ \t]+(?={_NUMBER})"
)
_GLUE_DASH = re.compile(r"[ \t]+(?=[–—](?:[ \t]|$))")  # a range's dash never starts a line
_GLUE_UNIT = re.compile(
    rf"(?<![0-9๐-๙.,])({_NUMBER})[ \t]+(?=(?:{_UNITS}|{_MONTHS})(?![\u0e01-\u0e4e]))"
)


def no_break(text: str) -> str:
    """`text` with the spaces of its no-break joins (_GLUE_BEFORE_NUMBER, _GLUE_DASH,
    _GLUE_UNIT) made NBSP: a year stays with "พ.ศ." and its month, a number with its label
    and its unit, a range's dash with what it follows."""
    if not text:
        return text
    text = _GLUE_BEFORE_NUMBER.sub(lambda m: m.group(1) + NBSP, text)
    text = _GLUE_DASH.sub(NBSP, text)
    return _GLUE_UNIT.sub(lambda m: m.group(1) + NBSP, text)


# The marker of a list item the user typed: "๑." "1)" "(2)" "-" "•" at the start of a line.
LIST_MARKER = re.compile(r"^\s*(?:\(?[0-9๐-๙]{1,3}[.)](?![0-9๐-๙])|\([0-9๐-๙]{1,3}\)|[-•–*](?=\s))")


def paragraphs(text: str) -> list[str]:
    """A user's or generated text as paragraphs: every line its own (the user's line breaks
    and numbered lists are kept; blank lines only separate)."""
    return lines(text)


def list_marker(text: str) -> str:
    """The list marker a paragraph starts with ("๑." "1)" "-"), or "" when it is not an item."""
    m = LIST_MARKER.match(text or "")
    return m.group(0).strip() if m else ""


def lines(text: str) -> list[str]:
    """Non-empty lines of a text (each its own paragraph in a table cell)."""
    return [line.strip() for line in (text or "").replace("\r\n", "\n").split("\n") if line.strip()]


def score(value: Decimal | None) -> str:
    """A score with two decimals and Arabic digits (the builder localises later)."""
    return format_score(value, thai_digits=False)


def limit(value: Decimal) -> str:
    """A threshold or target without padded zeros: "85", "87.5"."""
    return f"{value.normalize():f}"


def signed(value: Decimal) -> str:
    text = score(abs(value))
    return f"+{text}" if value > 0 else f"-{text}" if value < 0 else text


def join_thai(items: list[str]) -> str:
    """ "ก ข และ ค"."""
    items = [i for i in items if i]
    if len(items) <= 1:
        return "".join(items)
    return " ".join(items[:-1]) + " และ" + items[-1]


def period_text(p: Period, fiscal_year: int) -> str:
    """When a measure runs (the core's wording), Arabic digits; localised with the document.
    "" for a period never set (not the whole year, no months, no text)."""
    return shared_period_text(p, fiscal_year, thai_digits=False)
