"""Undo/redo: every edit is a command that writes the database at once (Ctrl+Z / Ctrl+Y)."""

from __future__ import annotations

import copy
import logging
from collections.abc import Callable, Hashable
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from ita_desktop.domain.models import Measure, Rules
from ita_desktop.rules.presets import check_rules
from ita_desktop.services import assessments, measures, progress, report_settings
from ita_desktop.services.changes import MEASURES, ORGANIZATION, PROGRESS, SCORES, Changes
from ita_desktop.services.files import Database

from . import labels
from .errors import show_error
from .workspace import Workspace

log = logging.getLogger("ita_desktop.ui")
MERGE_ID = 1  # commands with the same merge key collapse into one undo step while typing
# The page that shows a kind of change, for commands whose page is not known otherwise
# (ASSESSMENT and SETTINGS are shown on several pages, so they name none).
PAGE_OF_KIND = {
    SCORES: "scores",
    MEASURES: "measures",
    PROGRESS: "progress",
    ORGANIZATION: "organization",
}


class History(QUndoStack):
    """The undo stack of one open database, with the measure identities its commands share.

    A deleted measure comes back (undo) under a new database id, so commands hold a key that
    stays the same and look the current id up here.
    """

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.widget = parent
        self._ids: dict[int, int] = {}  # key -> current measure id
        self._keys: dict[int, int] = {}  # current measure id -> key
        self._next_key = 1
        self._told_read_only: object = None  # the read-only file the message was shown for

    def key_of(self, measure_id: int) -> int:
        """The stable key of the measure now stored under `measure_id`."""
        key = self._keys.get(measure_id)
        if key is None:
            key, self._next_key = self._next_key, self._next_key + 1
            self._ids[key], self._keys[measure_id] = measure_id, key
        return key

    def measure_id(self, key: int) -> int:
        return self._ids[key]

    def remap(self, key: int, measure_id: int) -> None:
        """The measure of `key` was stored again, under a new id."""
        self._keys.pop(self._ids.get(key, -1), None)
        self._ids[key], self._keys[measure_id] = measure_id, key

    def forget(self, measure_id: int) -> None:
        """The id was deleted; SQLite may give it to another measure later."""
        self._keys.pop(measure_id, None)

    def clear(self) -> None:
        super().clear()
        self._ids.clear()
        self._keys.clear()

    def push(self, cmd: QUndoCommand) -> None:
        """Run and keep an edit; on a file opened read-only the edit is refused before it
        runs (see `refuse_read_only`). A command that does not name its page takes the page
        being worked in, so its undo can show that page again."""
        if self.workspace.read_only:
            self.refuse_read_only()
            return
        if isinstance(cmd, _Command) and cmd.page is None:
            cmd.page = page_in_focus()
        super().push(cmd)

    def refuse_read_only(self) -> None:
        """An edit of a read-only file: the Thai reason in a message box the first time for
        this file (then in the status bar, the banner saying it all along), and the pages
        show the stored values again, so no field looks saved when it is not."""
        path = self.workspace.path
        if self._told_read_only != path:
            self._told_read_only = path
            box = QMessageBox(self.widget)
            box.setIcon(QMessageBox.Icon.Information)
            box.setWindowTitle(labels.APP_TITLE)
            box.setText(labels.READ_ONLY_EDIT)
            box.setStandardButtons(QMessageBox.StandardButton.Ok)
            box.button(QMessageBox.StandardButton.Ok).setText("ตกลง")
            box.exec()
        else:
            status = getattr(self.widget, "statusBar", None)
            if callable(status):
                status().showMessage(labels.READ_ONLY_STATUS, 8000)
        QTimer.singleShot(0, self.workspace.reload)  # after the page's own handler ends


def page_in_focus() -> str | None:
    """The key of the page holding the keyboard focus (None outside the pages)."""
    from .pages.base import Page  # the pages import this module

    widget = QApplication.focusWidget()
    while widget is not None and not isinstance(widget, Page):
        widget = widget.parentWidget()
    return widget.key if widget is not None else None


class _Command(QUndoCommand):
    """Runs its action in redo/undo; a failure is shown and the command dropped. Undo, and
    redo after an undo, ask the workspace to show the command's page (`Workspace.reveal`)."""

    def __init__(self, history: History, text: str, page: str | None = None) -> None:
        super().__init__(text)
        self.history = history
        self.page = page  # the key of the page showing what the command changes
        self._done_once = False

    @property
    def db(self) -> Database:
        return self.history.workspace.db

    def _guard(self, action: Callable[[], Changes]) -> None:
        reveal, self._done_once = self._done_once, True  # the first run happens in place
        try:
            changes = action()
        except Exception as exc:  # noqa: BLE001 - shown to the user, command dropped
            self.setObsolete(True)
            show_error(self.history.widget, exc)
            return
        workspace = self.history.workspace
        workspace.apply(changes)
        page = self.page or next(
            (PAGE_OF_KIND[k] for k in sorted(changes.kinds) if k in PAGE_OF_KIND), None
        )
        if reveal and page:
            workspace.reveal.emit(page)


class ChangeCommand(_Command):
    """old -> new through `apply(value)` (a service call returning its Changes); edits with
    the same merge key merge while typing."""

    def __init__(
        self,
        history: History,
        text: str,
        apply: Callable[[Any], Changes],
        old: Any,
        new: Any,
        merge_key: Hashable | None = None,
        page: str | None = None,
    ) -> None:
        super().__init__(history, text, page)
        self._apply, self.old, self.new = apply, old, new
        self.merge_key = merge_key

    def redo(self) -> None:
        self._guard(lambda: self._apply(self.new))

    def undo(self) -> None:
        self._guard(lambda: self._apply(self.old))

    def id(self) -> int:
        return MERGE_ID if self.merge_key is not None else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, ChangeCommand) or other.merge_key != self.merge_key:
            return False
        self.new = other.new
        return True


def set_score(
    history: History,
    assessment_id: int,
    indicator: int,
    old: Any,
    new: Any,
    merge_key: Hashable | None = None,
) -> None:
    db = history.workspace.db
    history.push(
        ChangeCommand(
            history,
            f"แก้คะแนนตัวชี้วัดที่ {indicator}",
            lambda value: assessments.set_score(db, assessment_id, indicator, value),
            old,
            new,
            merge_key,
            page="scores",
        )
    )


class AddMeasureCommand(_Command):
    """Add a measure (at `index`, else at the end); undo deletes it."""

    def __init__(
        self,
        history: History,
        assessment_id: int,
        measure: Measure,
        index: int | None = None,
        text: str = "เพิ่มมาตรการ",
    ) -> None:
        super().__init__(history, text, "measures")
        self.assessment_id, self.index = assessment_id, index
        self.measure = copy.deepcopy(measure)
        self.key: int | None = None

    def redo(self) -> None:
        def add() -> Changes:
            changes = measures.add_measure(self.db, self.assessment_id, self.measure, self.index)
            assert changes.created_id is not None
            if self.key is None:
                self.key = self.history.key_of(changes.created_id)
            else:
                self.history.remap(self.key, changes.created_id)
            return changes

        self._guard(add)

    def undo(self) -> None:
        def delete() -> Changes:
            assert self.key is not None
            measure_id = self.history.measure_id(self.key)
            changes = measures.delete_measure(self.db, measure_id)
            self.history.forget(measure_id)
            return changes

        self._guard(delete)


class DeleteMeasureCommand(_Command):
    """Delete a measure with its progress; undo puts both back at the old position."""

    def __init__(self, history: History, key: int) -> None:
        super().__init__(history, "ลบมาตรการ", "measures")
        self.key = key
        self.deleted: measures.DeletedMeasure | None = None

    def redo(self) -> None:
        def delete() -> Changes:
            measure_id = self.history.measure_id(self.key)
            changes = measures.delete_measure(self.db, measure_id)
            self.deleted = changes.before
            self.history.forget(measure_id)
            return changes

        self._guard(delete)

    def undo(self) -> None:
        def restore() -> Changes:
            assert self.deleted is not None
            changes = measures.restore_measure(self.db, self.deleted)
            assert changes.created_id is not None
            self.history.remap(self.key, changes.created_id)
            return changes

        self._guard(restore)


class MoveMeasureCommand(_Command):
    def __init__(self, history: History, key: int, old_index: int, new_index: int) -> None:
        super().__init__(history, "ย้ายมาตรการ", "measures")
        self.key, self.old_index, self.new_index = key, old_index, new_index

    def _move(self, index: int) -> Changes:
        return measures.move_measure(self.db, self.history.measure_id(self.key), index)

    def redo(self) -> None:
        self._guard(lambda: self._move(self.new_index))

    def undo(self) -> None:
        self._guard(lambda: self._move(self.old_index))


def edit_measure(
    history: History,
    key: int,
    old: Measure,
    new: Measure,
    merge_key: Hashable | None = None,
) -> None:
    """Save the fields of a measure that changed (title, steps, units, period, indicators ...)."""
    after = measures.changed_fields(old, new)
    if not after:
        return
    before = {name: copy.deepcopy(getattr(old, name)) for name in after}

    def apply(values: dict[str, Any]) -> Changes:
        measure_id = history.measure_id(key)
        return measures.update_measure(history.workspace.db, measure_id, **copy.deepcopy(values))

    history.push(
        ChangeCommand(
            history, "แก้ไขมาตรการ", apply, before, copy.deepcopy(after), merge_key, "measures"
        )
    )


def edit_progress(
    history: History,
    key: int,
    round_months: int,
    before: dict[str, str],
    after: dict[str, str],
    merge_key: Hashable | None = None,
    text: str = "แก้ไขผลการดำเนินงาน",
) -> None:
    """Save the fields of one measure's report for one round that changed."""

    def apply(values: dict[str, str]) -> Changes:
        measure_id = history.measure_id(key)
        return progress.update_progress(history.workspace.db, measure_id, round_months, **values)

    history.push(
        ChangeCommand(history, text, apply, dict(before), dict(after), merge_key, "progress")
    )


def edit_rules(
    history: History,
    assessment_id: int,
    old: Rules,
    new: Rules,
    text: str,
    merge_key: Hashable | None = None,
) -> None:
    """Replace the assessment's copy of its year's rules (the target goes with them).

    Rules that cannot compute are refused here too: a stored copy must always load again.
    """
    check_rules(new)
    db = history.workspace.db

    def apply(rules: Rules) -> Changes:
        return assessments.set_rules(db, assessment_id, copy.deepcopy(rules))

    history.push(
        ChangeCommand(
            history, text, apply, copy.deepcopy(old), copy.deepcopy(new), merge_key, "rules"
        )
    )


def set_setting(
    history: History,
    assessment_id: int,
    attr: str,
    old: Any,
    new: Any,
    text: str,
    merge_key: Hashable | None = None,
) -> None:
    """Change one print setting (digits, preface, signatories); the others are left alone."""
    db = history.workspace.db

    def apply(value: Any) -> Changes:
        return report_settings.set_setting(db, assessment_id, attr, copy.deepcopy(value))

    history.push(
        ChangeCommand(history, text, apply, copy.deepcopy(old), copy.deepcopy(new), merge_key)
    )
