"""What a service changed, so the GUI refreshes only the pages that show it (Anki's OpChanges)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

# Kinds of data; a page refreshes when a kind it shows is in `Changes.kinds`.
ORGANIZATIONS = "organizations"  # the list of organisations (added, renamed, deleted)
ORGANIZATION = "organization"  # one organisation's details
YEARS = "years"  # an organisation's fiscal years (added, deleted)
ASSESSMENT = "assessment"  # threshold, official figures, rules, issues, narratives
SCORES = "scores"
MEASURES = "measures"
PROGRESS = "progress"
SETTINGS = "settings"
DATABASE = "database"  # a whole database was replaced or imported into
KINDS = (ORGANIZATIONS, ORGANIZATION, YEARS, ASSESSMENT, SCORES, MEASURES, PROGRESS, SETTINGS)


@dataclass(frozen=True)
class Changes:
    """Returned by every write: which kinds of data changed, the value(s) replaced (for undo)
    and the id of a row the write created."""

    kinds: frozenset[str]
    before: Any = None
    created_id: int | None = None
    details: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def of(cls, *kinds: str, before: Any = None, created_id: int | None = None) -> Changes:
        return cls(frozenset(kinds), before, created_id)

    def __contains__(self, kind: object) -> bool:
        return kind in self.kinds
