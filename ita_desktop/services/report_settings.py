"""Use cases on how a year's documents print: digits, preface, signatories, round texts."""

from __future__ import annotations

import copy
from typing import Any

from ita_desktop.domain.models import ReportSettings
from ita_desktop.services.changes import SETTINGS, Changes
from ita_desktop.services.progress import check_round
from ita_desktop.storage.repository import Repository
from ita_desktop.storage.store import SETTINGS_FIELDS

ROUND_TEXTS = ("summary", "problems", "suggestions")


def get_settings(db: Repository, assessment_id: int) -> ReportSettings:
    with db.read() as s:
        return s.settings(assessment_id)


def set_setting(db: Repository, assessment_id: int, name: str, value: Any) -> Changes:
    """One print setting (thai_digits, preface, signatories); `before` is its old value."""
    if name not in SETTINGS_FIELDS or name in ROUND_TEXTS:
        raise ValueError(f"not a single print setting: {name!r}")
    with db.write() as s:
        before = s.set_setting(assessment_id, name, copy.deepcopy(value))
    return Changes.of(SETTINGS, before=before)


def set_round_text(
    db: Repository, assessment_id: int, name: str, round_months: int, text: str
) -> Changes:
    """The summary, problems or suggestions of one round (only that round's text)."""
    if name not in ROUND_TEXTS:
        raise ValueError(f"not a round text: {name!r}")
    check_round(round_months)
    with db.write() as s:
        texts: dict[int, str] = dict(getattr(s.settings(assessment_id), name))
        before = texts.get(round_months, "")
        texts[round_months] = text
        s.set_setting(assessment_id, name, texts)
    return Changes.of(SETTINGS, before=before)
