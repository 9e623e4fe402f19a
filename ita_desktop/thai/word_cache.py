"""A sorted word list kept in a file: checked when read, replaced whole when written.

Format: MAGIC, the SHA-256 of the payload, then the payload (a marshalled tuple of str).
Anything else (cut short, changed, another format) reads as no cache.
"""

from __future__ import annotations

import contextlib
import hashlib
import marshal
import os
import tempfile
from pathlib import Path

MAGIC = b"ITA-DESKTOP WORDS 1\n"
_DIGEST = hashlib.sha256().digest_size


def read_words(path: Path) -> tuple[str, ...] | None:
    """The words stored at `path`; None when there is no file or it is not a valid one."""
    try:
        data = path.read_bytes()
    except OSError:
        return None
    head, payload = data[: len(MAGIC) + _DIGEST], data[len(MAGIC) + _DIGEST :]
    if head != MAGIC + hashlib.sha256(payload).digest():
        return None
    try:
        words = marshal.loads(payload)
    except (EOFError, ValueError, TypeError):
        return None
    if type(words) is not tuple or not all(type(w) is str for w in words):
        return None
    return words


def write_words(path: Path, words: tuple[str, ...]) -> None:
    """Store `words` at `path` through a temporary file in the same folder, then a rename, so
    a reader sees the old file or the new one, never a part. Raises OSError."""
    payload = marshal.dumps(words)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(MAGIC + hashlib.sha256(payload).digest() + payload)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
