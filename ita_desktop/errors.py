"""Typed errors of the core; each carries a Thai message for the user (English detail optional)."""

from __future__ import annotations


class ItaError(Exception):
    """Base of every error the user should see as a message, never as a traceback."""

    def __init__(self, thai: str, detail: str = "") -> None:
        super().__init__(thai)
        self.thai = thai
        self.detail = detail

    def user_message(self) -> str:
        """One line: the Thai message, with the English detail in brackets when there is one."""
        return f"{self.thai} ({self.detail})" if self.detail else self.thai


class ValidationError(ItaError):
    """Input the user can correct: out-of-range score, unknown year, bad argument."""


class StorageError(ItaError):
    """The database cannot be opened, read or written (corrupt, locked, disk full)."""


class ImportError_(ValidationError):
    """A file to import is malformed: bad input the user can correct (exit code 2)."""


class ExportError(ItaError):
    """A document could not be written."""
