"""The open database and the current organisation/year, shared by the pages (no main window)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from ita_desktop.domain.models import Assessment, Organization
from ita_desktop.storage.repository import Repository

# What changed, for `Workspace.changed`: pages refresh only what concerns them.
ORGANIZATION = "organization"
ORGANIZATIONS = "organizations"
ASSESSMENT = "assessment"  # threshold, official figures, narratives, issues
SCORES = "scores"
MEASURES = "measures"
PROGRESS = "progress"
SETTINGS = "settings"


class Workspace(QObject):
    """Holds the repository and the selection; every page reads fresh data through it."""

    database_changed = Signal()  # another file was opened (or the file was closed)
    selection_changed = Signal()  # organisation or year changed
    changed = Signal(str)  # one of the kinds above, after a write

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.repo: Repository | None = None
        self.path: Path | None = None
        self.is_demo = False
        self.org_id: int | None = None
        self.year: int | None = None

    # database --------------------------------------------------------------------------------
    def open(self, repo: Repository, path: Path | None, is_demo: bool = False) -> None:
        """Switch to another database; selects its first organisation and latest year."""
        old = self.repo
        self.repo, self.path, self.is_demo = repo, path, is_demo
        if old is not None and old is not repo:
            old.close()
        self.org_id, self.year = None, None
        self._select_default()
        self.database_changed.emit()
        self.selection_changed.emit()

    def close(self) -> None:
        if self.repo is not None:
            self.repo.close()
        self.repo, self.path, self.org_id, self.year = None, None, None, None

    # selection -------------------------------------------------------------------------------
    def _select_default(self, org_id: int | None = None) -> None:
        assert self.repo is not None
        orgs = self.repo.organizations()
        ids = [o.id for o in orgs]
        self.org_id = org_id if org_id in ids else (ids[0] if ids else None)
        years = self.repo.years(self.org_id) if self.org_id else []
        self.year = years[-1] if years else None

    def select(self, org_id: int | None, year: int | None = None) -> None:
        """Show another organisation (its latest year unless `year` is given)."""
        if self.repo is None:
            return
        if org_id != self.org_id or year is None:
            self._select_default(org_id)
        if year is not None and self.org_id is not None and year in self.repo.years(self.org_id):
            self.year = year
        self.selection_changed.emit()

    def organization(self) -> Organization | None:
        if self.repo is None or self.org_id is None:
            return None
        return self.repo.organization(self.org_id)

    def assessment(self) -> Assessment | None:
        """The selected assessment, read fresh (every page sees the same stored data)."""
        if self.repo is None or self.org_id is None or self.year is None:
            return None
        return self.repo.assessment(self.org_id, self.year)

    @property
    def assessment_id(self) -> int | None:
        a = self.assessment()
        return a.id if a else None

    # writes ----------------------------------------------------------------------------------
    def update_assessment(
        self, assessment_id: int, mutate: Callable[[Assessment], None], kind: str = ASSESSMENT
    ) -> Assessment:
        """Read, change and save one assessment (never from a stale copy), then notify."""
        assert self.repo is not None
        a = self.repo.assessment_by_id(assessment_id)
        mutate(a)
        self.repo.save_assessment(a)
        self.changed.emit(kind)
        return a

    def update_organization(self, org_id: int, mutate: Callable[[Organization], None]) -> None:
        assert self.repo is not None
        org = self.repo.organization(org_id)
        mutate(org)
        self.repo.save_organization(org)
        self.changed.emit(ORGANIZATION)

    def notify(self, kind: str) -> None:
        self.changed.emit(kind)
