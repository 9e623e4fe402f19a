"""Clean user input and text pasted from PDFs: NFC, broken Thai "ำ", zero-width marks, spaces."""

from __future__ import annotations

import re
import unicodedata

ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff"
# Bidirectional controls: invisible, never needed in Thai, and able to reorder what is shown.
BIDI_CONTROLS = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
_LINE_BREAKS = "\r\x0b\x0c\x85\u2028\u2029"
# C0/C1 control characters other than tab and the line breaks above (spreadsheets reject them).
_CONTROL_CODES = [*range(0x09), *range(0x0E, 0x20), *range(0x7F, 0xA0)]
_CONTROLS = "".join(chr(c) for c in _CONTROL_CODES if chr(c) not in _LINE_BREAKS)
# Tab and every Unicode space separator (category Zs) other than the plain space.
_SPACE_CHARS = "\t\u00a0\u1680" + "".join(map(chr, range(0x2000, 0x200B))) + "\u202f\u205f\u3000"

_TRANSLATION = str.maketrans(
    {
        **{ch: None for ch in ZERO_WIDTH + BIDI_CONTROLS + _CONTROLS},
        **{ch: "\n" for ch in _LINE_BREAKS},
        **{ch: " " for ch in _SPACE_CHARS},
    }
)

NIKHAHIT = "\u0e4d"
SARA_AA = "\u0e32"
SARA_AM = "\u0e33"
_THAI_MARKS = "\u0e31\u0e34-\u0e3a\u0e47-\u0e4e"  # combining vowels, tone marks and signs
_BROKEN_SARA_AM = re.compile(NIKHAHIT + "([\u0e48-\u0e4b]?)" + SARA_AA)
_DOUBLED_MARK = re.compile(f"([{_THAI_MARKS}])\\1+")
_SPACE_RUN = re.compile(" {2,}")
_TRAILING_SPACES = re.compile(" +$", re.MULTILINE)
_EXTRA_BLANK_LINES = re.compile("\n{3,}")


def _fix_thai_marks(text: str) -> str:
    """Drop doubled combining marks and rebuild "ำ" from NIKHAHIT + (tone) + SARA AA."""
    text = _DOUBLED_MARK.sub(r"\1", text)
    return _BROKEN_SARA_AM.sub(r"\1" + SARA_AM, text)


def _normalize_characters(text: str) -> str:
    """NFC and the Thai fixes, repeated until stable: a fix can make NFC reorder marks again."""
    while True:
        fixed = _fix_thai_marks(unicodedata.normalize("NFC", text))
        if fixed == text:
            return text
        text = fixed


def _normalize_whitespace(text: str) -> str:
    text = _SPACE_RUN.sub(" ", text)
    text = _TRAILING_SPACES.sub("", text)
    text = _EXTRA_BLANK_LINES.sub("\n\n", text)
    return text.strip(" \n")


def normalize_text(text: str) -> str:
    """Normalise any text the user types or pastes; idempotent.

    Unicode NFC; "ํา" (also with a tone mark before or between) -> "ำ"; exact doubled Thai
    marks ("ที่่") -> one; zero-width, bidirectional and control characters removed; any space character or
    tab -> one space; line endings -> "\\n", no trailing spaces, at most one blank line in a
    row; no leading or trailing whitespace.
    """
    text = text.replace("\r\n", "\n").translate(_TRANSLATION)
    return _normalize_whitespace(_normalize_characters(text))


def normalize_name(text: str) -> str:
    """normalize_text on a single line: names, titles, table cells typed in one field."""
    return " ".join(normalize_text(text).split())
