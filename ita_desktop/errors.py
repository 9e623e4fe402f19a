"""Typed errors of the core; each carries a Thai message for the user and an optional English
detail for the log (never shown)."""

from __future__ import annotations

import unicodedata
from pathlib import PurePath

SHOWN_LIMIT = 80  # characters of one user-given value inside a message
LINE_LIMIT = 4000  # characters of a whole error line on the terminal
# Characters that reorder or hide the text around them (bidi embeddings, overrides, isolates,
# marks): shown as escapes so a name cannot disguise the rest of the line.
BIDI_CONTROLS = frozenset(
    "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
)


def _escape_char(ch: str) -> str:
    code = ord(ch)
    if code < 0x100:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


def _needs_escape(ch: str) -> bool:
    """C0/C1 controls and DEL, line/paragraph separators, lone surrogates, bidi controls."""
    return ch in BIDI_CONTROLS or unicodedata.category(ch) in ("Cc", "Zl", "Zp", "Cs")


def escaped(text: str) -> str:
    """`text` with every control, separator and bidi character written as an escape
    (ESC -> \\x1b, U+202E -> \\u202e); Thai, other letters and backslashes stay as they are."""
    return "".join(_escape_char(ch) if _needs_escape(ch) else ch for ch in text)


def shown(value: object, limit: int = SHOWN_LIMIT) -> str:
    """A user-given value made safe to embed in a one-line message: escaped, and cut to at
    most `limit` characters with "…" (a path keeps its end, where the file name is)."""
    pieces = [_escape_char(ch) if _needs_escape(ch) else ch for ch in str(value)]
    if sum(map(len, pieces)) <= limit:
        return "".join(pieces)
    if isinstance(value, PurePath):
        pieces.reverse()
    kept: list[str] = []
    size = 0
    for piece in pieces:
        if size + len(piece) > limit - 1:
            break
        kept.append(piece)
        size += len(piece)
    if isinstance(value, PurePath):
        return "…" + "".join(reversed(kept))
    return "".join(kept) + "…"


def one_line(text: str, limit: int = LINE_LIMIT) -> str:
    """The final guard before the terminal: the lines of `text` joined by " | ", everything
    else escaped, at most `limit` characters."""
    lines = [line.strip() for line in text.replace("\r\n", "\n").split("\n")]
    return shown(" | ".join(line for line in lines if line), limit)


class ItaError(Exception):
    """Base of every error the user should see as a message, never as a traceback."""

    def __init__(self, thai: str, detail: str = "") -> None:
        super().__init__(thai)
        self.thai = thai
        self.detail = detail

    def user_message(self) -> str:
        """What the user reads: the Thai message only. The English `detail` is for diagnosis
        (the log file), never shown."""
        return self.thai


class ValidationError(ItaError):
    """Input the user can correct: out-of-range score, unknown year, bad argument."""


class StorageError(ItaError):
    """The database cannot be opened, read or written (corrupt, locked, disk full)."""


class ImportError_(ValidationError):
    """A file to import is malformed: bad input the user can correct (exit code 2)."""


class ExportError(ItaError):
    """A document could not be written."""


class DamagedDatabaseError(StorageError, ValidationError):
    """The database file is damaged (or was overwritten by something that is not a database):
    nothing was changed; the latest good backup is the way back. A wrong file named is also
    input the user can correct (exit code 2)."""


class EmptyDatabaseError(DamagedDatabaseError):
    """A 0-byte file where a database should be (a copy or save that never finished)."""


class NotOurDatabaseError(StorageError, ValidationError):
    """A valid SQLite file made by another program: refused untouched; the user names the
    right file (exit code 2)."""


class NewerDatabaseError(StorageError):
    """A database written by a newer version of the program: refused untouched."""


class ReadOnlyDatabaseError(StorageError):
    """A change was asked of a database opened read-only (read-only file, folder or disk)."""
