"""The open database and the current organisation/year, shared by the pages (no main window)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal

from ita_desktop.domain.models import Assessment, Organization
from ita_desktop.services import assessments, organizations
from ita_desktop.services.changes import (
    ASSESSMENT,
    MEASURES,
    ORGANIZATION,
    ORGANIZATIONS,
    PROGRESS,
    SCORES,
    SETTINGS,
    YEARS,
    Changes,
)
from ita_desktop.services.files import Database

__all__ = [
    "ASSESSMENT",
    "MEASURES",
    "ORGANIZATION",
    "ORGANIZATIONS",
    "PROGRESS",
    "SCORES",
    "SETTINGS",
    "YEARS",
    "Workspace",
]


class NoDatabaseOpen(RuntimeError):
    """A page asked for the database while none is open (a programming error)."""


class Workspace(QObject):
    """Holds the open database and the selection; every page reads fresh data through the
    services and hands every change to `apply`, which tells the pages what changed."""

    database_changed = Signal()  # another file was opened (or the file was closed)
    selection_changed = Signal()  # organisation or year changed
    changed = Signal(str)  # one of the kinds in ita_desktop.services.changes, after a write
    reload_requested = Signal()  # nothing changed, but pages should show the stored data again
    reveal = Signal(str)  # show the page with this key: an undo or redo changed what it shows

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._db: Database | None = None
        self.path: Path | None = None
        self.is_demo = False
        self.org_id: int | None = None
        self.year: int | None = None

    # database --------------------------------------------------------------------------------
    @property
    def db(self) -> Database:
        """The open database; pages only ask for it while one is open."""
        if self._db is None:
            raise NoDatabaseOpen("no database is open")
        return self._db

    @property
    def is_open(self) -> bool:
        return self._db is not None

    @property
    def read_only(self) -> bool:
        """The open file cannot be written (read-only file, folder, disk or share): pages
        show it, exports work, and every change is refused with one Thai message."""
        return self._db is not None and self._db.read_only

    def reload(self) -> None:
        """Ask every page to show what is stored again (after a change was refused, so no
        field keeps showing a value that was not saved)."""
        self.reload_requested.emit()

    def open(self, db: Database, path: Path | None, is_demo: bool = False) -> None:
        """Switch to another database; selects its first organisation and latest year."""
        old = self._db
        self._db, self.path, self.is_demo = db, path, is_demo
        if old is not None and old is not db:
            old.close()
        self.org_id, self.year = None, None
        self._select_default()
        self.database_changed.emit()
        self.selection_changed.emit()

    def close(self, notify: bool = False) -> None:
        """Close the open file (`notify`: tell the pages, which then show that none is open)."""
        if self._db is not None:
            self._db.close()
        self._db, self.path, self.org_id, self.year = None, None, None, None
        self.is_demo = False
        if notify:
            self.database_changed.emit()
            self.selection_changed.emit()

    # selection -------------------------------------------------------------------------------
    def _select_default(self, org_id: int | None = None) -> None:
        ids = [o.id for o in self.db.organizations()]
        self.org_id = org_id if org_id in ids else (ids[0] if ids else None)
        years = assessments.years(self.db, self.org_id) if self.org_id else []
        self.year = years[-1] if years else None

    def select(self, org_id: int | None, year: int | None = None) -> None:
        """Show another organisation (its latest year unless `year` is given)."""
        if self._db is None:
            return
        if org_id != self.org_id or year is None:
            self._select_default(org_id)
        if (
            year is not None
            and self.org_id is not None
            and year in assessments.years(self.db, self.org_id)
        ):
            self.year = year
        self.selection_changed.emit()

    def organization(self) -> Organization | None:
        if self._db is None or self.org_id is None:
            return None
        return organizations.get_organization(self.db, self.org_id)

    def assessment(self) -> Assessment | None:
        """The selected assessment, read fresh (every page sees the same stored data)."""
        if self._db is None or self.org_id is None or self.year is None:
            return None
        return assessments.get_assessment(self.db, self.org_id, self.year)

    @property
    def assessment_id(self) -> int | None:
        a = self.assessment()
        return a.id if a else None

    # changes ---------------------------------------------------------------------------------
    def apply(self, changes: Changes) -> None:
        """Tell the pages what a service call changed (each kind once); when the selected
        organisation or year is gone, select what remains first."""
        if changes.kinds & {ORGANIZATIONS, YEARS} and not self._selection_exists():
            self._select_default(self.org_id)
            self.selection_changed.emit()
        for kind in sorted(changes.kinds):
            self.changed.emit(kind)

    def _selection_exists(self) -> bool:
        org_id = self.org_id
        if org_id is None or org_id not in [o.id for o in self.db.organizations()]:
            return False
        return self.year is None or self.year in assessments.years(self.db, org_id)
