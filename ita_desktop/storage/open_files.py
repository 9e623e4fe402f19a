"""The database files open in this process (a Repository or a snapshot), so that nothing is
ever written over one of them; loads no SQLAlchemy."""

from __future__ import annotations

import weakref
from pathlib import Path
from typing import Protocol


class _OpenFile(Protocol):
    @property
    def path(self) -> Path | None: ...


_open: weakref.WeakSet[_OpenFile] = weakref.WeakSet()


def register(holder: _OpenFile) -> None:
    """`holder` has a database file open (until `forget`, or until it is garbage)."""
    _open.add(holder)


def forget(holder: _OpenFile) -> None:
    _open.discard(holder)


def open_paths() -> list[Path]:
    """The database files open in this process (to refuse writing over them)."""
    return [h.path for h in list(_open) if h.path is not None]
