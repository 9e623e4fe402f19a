"""Changes: what a write changed (kinds), the value it replaced and the row it created."""

from __future__ import annotations

import dataclasses

import pytest

from ita_desktop.services.changes import (
    ASSESSMENT,
    DATABASE,
    KINDS,
    PROGRESS,
    SCORES,
    Changes,
)


def test_changes_answer_in_for_their_kinds() -> None:
    changes = Changes.of(SCORES, ASSESSMENT, before={1: None}, created_id=3)
    assert SCORES in changes and ASSESSMENT in changes and PROGRESS not in changes
    assert changes.kinds == frozenset({SCORES, ASSESSMENT})
    assert (changes.before, changes.created_id, changes.details) == ({1: None}, 3, {})
    assert Changes.of(DATABASE).before is None and DATABASE not in KINDS
    with pytest.raises(dataclasses.FrozenInstanceError):
        changes.before = None  # type: ignore[misc]
