"""Undo/redo: every edit is a command that writes the database at once (Ctrl+Z / Ctrl+Y)."""

from __future__ import annotations

import copy
import logging
from collections.abc import Callable, Hashable
from typing import Any

from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import QWidget

from ita_desktop.domain.models import Measure, ProgressEntry, Rules
from ita_desktop.rules.presets import check_rules

from . import workspace as kinds
from .errors import show_error
from .workspace import Workspace

log = logging.getLogger("ita_desktop.ui")
MERGE_ID = 1  # commands with the same merge key collapse into one undo step while typing


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

    def clear(self) -> None:  # type: ignore[override]
        super().clear()
        self._ids.clear()
        self._keys.clear()


class _Command(QUndoCommand):
    """Runs its action in redo/undo; a failure is shown and the command dropped."""

    def __init__(self, history: History, text: str) -> None:
        super().__init__(text)
        self.history = history

    @property
    def repo(self):
        return self.history.workspace.repo

    def _guard(self, action: Callable[[], None]) -> None:
        try:
            action()
        except Exception as exc:  # noqa: BLE001 - shown to the user, command dropped
            self.setObsolete(True)
            show_error(self.history.widget, exc)


class ChangeCommand(_Command):
    """old -> new through `apply(value)`; edits with the same merge key merge while typing."""

    def __init__(
        self,
        history: History,
        text: str,
        apply: Callable[[Any], None],
        old: Any,
        new: Any,
        kind: str,
        merge_key: Hashable | None = None,
    ) -> None:
        super().__init__(history, text)
        self._apply, self.old, self.new = apply, old, new
        self.kind, self.merge_key = kind, merge_key

    def redo(self) -> None:
        self._guard(lambda: self._run(self.new))

    def undo(self) -> None:
        self._guard(lambda: self._run(self.old))

    def _run(self, value: Any) -> None:
        self._apply(value)
        self.history.workspace.notify(self.kind)

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
    repo = history.workspace.repo
    history.push(
        ChangeCommand(
            history,
            f"แก้คะแนนตัวชี้วัดที่ {indicator}",
            lambda value: repo.set_score(assessment_id, indicator, value),
            old,
            new,
            kinds.SCORES,
            merge_key,
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
        super().__init__(history, text)
        self.assessment_id, self.index = assessment_id, index
        self.measure = copy.deepcopy(measure)
        self.key: int | None = None

    def redo(self) -> None:
        def add() -> None:
            m = copy.deepcopy(self.measure)
            m.id = None
            new_id = self.repo.save_measure(self.assessment_id, m)
            if self.index is not None:
                self.repo.move_measure(new_id, self.index)
            if self.key is None:
                self.key = self.history.key_of(new_id)
            else:
                self.history.remap(self.key, new_id)
            self.history.workspace.notify(kinds.MEASURES)

        self._guard(add)

    def undo(self) -> None:
        def delete() -> None:
            assert self.key is not None
            measure_id = self.history.measure_id(self.key)
            self.repo.delete_measure(measure_id)
            self.history.forget(measure_id)
            self.history.workspace.notify(kinds.MEASURES)

        self._guard(delete)


class DeleteMeasureCommand(_Command):
    """Delete a measure with its progress; undo puts both back at the old position."""

    def __init__(self, history: History, assessment_id: int, key: int) -> None:
        super().__init__(history, "ลบมาตรการ")
        self.assessment_id, self.key = assessment_id, key
        self.saved: Measure | None = None
        self.progress: list[ProgressEntry] = []

    def redo(self) -> None:
        def delete() -> None:
            measure_id = self.history.measure_id(self.key)
            found = [m for m in self.repo.measures(self.assessment_id) if m.id == measure_id]
            if not found:
                raise LookupError(f"measure {measure_id} not in plan")
            self.saved = found[0]
            self.progress = self.repo.progress_of_measure(measure_id)
            self.repo.delete_measure(measure_id)
            self.history.forget(measure_id)
            self.history.workspace.notify(kinds.MEASURES)

        self._guard(delete)

    def undo(self) -> None:
        def restore() -> None:
            assert self.saved is not None
            m = copy.deepcopy(self.saved)
            m.id = None
            new_id = self.repo.restore_measure(self.assessment_id, m, copy.deepcopy(self.progress))
            self.history.remap(self.key, new_id)
            self.history.workspace.notify(kinds.MEASURES)

        self._guard(restore)


class MoveMeasureCommand(_Command):
    def __init__(self, history: History, key: int, old_index: int, new_index: int) -> None:
        super().__init__(history, "ย้ายมาตรการ")
        self.key, self.old_index, self.new_index = key, old_index, new_index

    def _move(self, index: int) -> None:
        self.repo.move_measure(self.history.measure_id(self.key), index)
        self.history.workspace.notify(kinds.MEASURES)

    def redo(self) -> None:
        self._guard(lambda: self._move(self.new_index))

    def undo(self) -> None:
        self._guard(lambda: self._move(self.old_index))


def edit_measure(
    history: History,
    assessment_id: int,
    key: int,
    old: Measure,
    new: Measure,
    merge_key: Hashable | None = None,
) -> None:
    """Save a changed measure (title, steps, units, period, indicators ...)."""

    def apply(m: Measure) -> None:
        repo = history.workspace.repo
        stored = copy.deepcopy(m)
        stored.id = history.measure_id(key)
        # keep the plan's current order: the copy may predate a move
        current = {x.id: x.position for x in repo.measures(assessment_id)}
        stored.position = current.get(stored.id, stored.position)
        repo.save_measure(assessment_id, stored)

    history.push(
        ChangeCommand(
            history,
            "แก้ไขมาตรการ",
            apply,
            copy.deepcopy(old),
            copy.deepcopy(new),
            kinds.MEASURES,
            merge_key,
        )
    )


def edit_progress(
    history: History,
    key: int,
    old: ProgressEntry,
    new: ProgressEntry,
    merge_key: Hashable | None = None,
) -> None:
    """Save how a measure went in one round."""

    def apply(entry: ProgressEntry) -> None:
        stored = copy.deepcopy(entry)
        stored.measure_id = history.measure_id(key)
        stored.id = None
        history.workspace.repo.save_progress(stored)

    history.push(
        ChangeCommand(
            history,
            "แก้ไขผลการดำเนินงาน",
            apply,
            copy.deepcopy(old),
            copy.deepcopy(new),
            kinds.PROGRESS,
            merge_key,
        )
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

    def apply(rules: Rules) -> None:
        repo = history.workspace.repo
        check_rules(rules)
        stored = repo.assessment_by_id(assessment_id)
        stored.rules = copy.deepcopy(rules)
        stored.target = rules.target
        repo.save_assessment(stored)

    history.push(
        ChangeCommand(
            history,
            text,
            apply,
            copy.deepcopy(old),
            copy.deepcopy(new),
            kinds.ASSESSMENT,
            merge_key,
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
    """Change one print setting (digits, preface, signatories), reading the others fresh."""

    def apply(value: Any) -> None:
        repo = history.workspace.repo
        settings = repo.settings(assessment_id)
        setattr(settings, attr, copy.deepcopy(value))
        repo.save_settings(assessment_id, settings)

    history.push(
        ChangeCommand(
            history, text, apply, copy.deepcopy(old), copy.deepcopy(new), kinds.SETTINGS, merge_key
        )
    )
