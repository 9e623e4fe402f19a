"""What every page shares: the workspace, the undo history, a placeholder, lazy refreshing."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QLabel, QScrollArea, QStackedWidget, QVBoxLayout, QWidget

from ita_desktop.domain.models import Assessment

from .. import labels
from ..undo import History
from ..workspace import Workspace


class Body(QWidget):
    """A page's content: in a scroll area it takes the viewport's height and scrolls only
    when even its smallest layout does not fit (a scroll area otherwise gives a body with
    word-wrapped labels its preferred height, and a laptop gets a needless scroll bar)."""

    def heightForWidth(self, width: int) -> int:
        layout = self.layout()
        return layout.minimumHeightForWidth(width) if layout is not None else -1


def scrolled(widget: QWidget) -> QScrollArea:
    """`widget` in a frameless scroll area (its minimum size no longer widens the window)."""
    scroll = QScrollArea()
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QScrollArea.Shape.NoFrame)
    scroll.setWidget(widget)
    return scroll


class Page(QWidget):
    """A main page; refreshes from the database when shown or when its data changes.

    Subclasses build `self.body`, implement `load()` and list the change kinds they show in
    `WATCHES`. `needs_assessment` pages show a hint instead while no year is selected.
    """

    key = ""
    WATCHES: tuple[str, ...] = ()
    needs_assessment = True

    def __init__(
        self, workspace: Workspace, history: History, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.workspace, self.history = workspace, history
        self._dirty = True
        self._stack = QStackedWidget()
        self.hint = QLabel()
        self.hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.hint.setWordWrap(True)
        self.body = Body()
        # the page scrolls only in a window smaller than its smallest layout (so no page
        # makes the window taller than a laptop's screen); otherwise it fits the window
        self._stack.addWidget(scrolled(self.body))
        self._stack.addWidget(self.hint)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self._stack)
        workspace.selection_changed.connect(self.mark_dirty)
        workspace.database_changed.connect(self.mark_dirty)
        workspace.changed.connect(self._changed)

    def _changed(self, kind: str) -> None:
        if kind in self.WATCHES:
            self.mark_dirty()

    def mark_dirty(self) -> None:
        self._dirty = True
        if self.isVisible():
            self.refresh()

    def showEvent(self, event: QShowEvent) -> None:
        if self._dirty:
            self.refresh()
        super().showEvent(event)

    def refresh(self) -> None:
        """Reload from the database (or show why there is nothing to show)."""
        self._dirty = False
        missing = self._missing()
        self._stack.setCurrentIndex(1 if missing else 0)
        self.hint.setText(missing)
        if not missing:
            self.load()

    def _missing(self) -> str:
        ws = self.workspace
        if not ws.is_open:
            return labels.NO_DATABASE
        if ws.org_id is None:
            return labels.NO_ORGANIZATION
        if self.needs_assessment and ws.year is None:
            return labels.NO_ASSESSMENT
        return ""

    def assessment(self) -> Assessment:
        a = self.workspace.assessment()
        assert a is not None
        return a

    @staticmethod
    def assessment_id_of(a: Assessment) -> int:
        """The id of an assessment a page shows: it was read from the database, so it has one."""
        assert a.id is not None, "a stored assessment has an id"
        return a.id

    def load(self) -> None:
        raise NotImplementedError
