"""Applying an imported year to the year the database already holds: only what differs is
written (a score, a figure, an issue, a measure's field, a round's report), so an unchanged
workbook writes nothing and makes no backup, and every measure keeps its id and progress."""

from __future__ import annotations

from typing import Any

from ita_desktop.domain.models import PROGRESS_FIELDS, ROUNDS, Assessment, ProgressEntry
from ita_desktop.importers.exchange_json import ImportedMeasure, ImportedYear
from ita_desktop.importers.workbook.sheets import stored_places
from ita_desktop.services.backups import before_change
from ita_desktop.services.changes import ASSESSMENT, MEASURES, PROGRESS, SCORES, Changes
from ita_desktop.storage.repository import Repository
from ita_desktop.storage.store import MEASURE_FIELDS, Store


def update_year(
    db: Repository, assessment_id: int, new: ImportedYear, numbers: list[int | None]
) -> Changes:
    """Write only what `new` changes in the stored year `assessment_id`, in one transaction
    (a backup first); nothing at all when nothing differs. `numbers`: each new measure's ลำดับ
    in the workbook, the place of the stored measure it is (None or unknown: a new one)."""
    with db.read() as s:
        if not _apply(s, assessment_id, new, numbers, write=False):
            return Changes(frozenset())
    before_change(db, "import")  # the file as it was, in its backups folder
    with db.write() as s:
        kinds = _apply(s, assessment_id, new, numbers, write=True)
    return Changes(frozenset(kinds))


def _apply(
    s: Store, assessment_id: int, new: ImportedYear, numbers: list[int | None], *, write: bool
) -> set[str]:
    """The kinds of data `new` changes; written when `write` (inside a write transaction)."""
    kinds = _assessment(s, assessment_id, new.assessment, write)
    old = s.measures(assessment_id)
    progress = {r: s.progress(assessment_id, r) for r in ROUNDS}
    matched = {i: old[k] for i, k in stored_places(numbers, len(old)).items()}
    named = {m.id for m in matched.values()}
    kept = [m.id for m in old if m.id is not None and m.id in named]
    for gone in (m.id for m in old if m.id is not None and m.id not in kept):
        kinds |= {MEASURES, PROGRESS}
        if write:
            s.delete_measure(gone)
    order: list[int | None] = []
    for i, m in enumerate(new.measures):
        stored = matched.get(i)
        if stored is None or stored.id is None:
            kinds |= {MEASURES, PROGRESS} if m.progress else {MEASURES}
            added = s.add_measure(assessment_id, m.measure) if write else None
            if added is not None:
                _reports(s, added, {}, m, write)
            order.append(added)
            continue
        fields = {
            f: getattr(m.measure, f)
            for f in MEASURE_FIELDS
            if getattr(m.measure, f) != getattr(stored, f)
        }
        if fields:
            kinds.add(MEASURES)
            if write:
                s.update_measure(stored.id, fields)
        if _reports(s, stored.id, {r: progress[r].get(stored.id) for r in ROUNDS}, m, write):
            kinds.add(PROGRESS)
        order.append(stored.id)
    if [i for i in order if i in kept] != kept:
        kinds.add(MEASURES)  # rows sorted or moved in the workbook
    if write:
        placed = [i for i in order if i is not None]
        _put_in_order(s, placed, [*kept, *(i for i in placed if i not in kept)])
    return kinds


def _put_in_order(s: Store, wanted: list[int], current: list[int]) -> None:
    """Move only the measures that are not yet where the workbook has them."""
    for index, measure_id in enumerate(wanted):
        if current[index] != measure_id:
            s.move_measure(measure_id, index)
            current.remove(measure_id)
            current.insert(index, measure_id)


def _reports(
    s: Store,
    measure_id: int,
    before: dict[int, ProgressEntry | None],
    m: ImportedMeasure,
    write: bool,
) -> bool:
    """Each round's report of one measure set to the imported one where it differs."""
    after = {e.round: e for e in m.progress}
    changed = False
    for r in ROUNDS:
        values = {
            f: _text(after.get(r), f)
            for f in PROGRESS_FIELDS
            if _text(after.get(r), f) != _text(before.get(r), f)
        }
        if values:
            changed = True
            if write:
                s.update_progress(measure_id, r, values)
    return changed


def _text(entry: ProgressEntry | None, name: str) -> str:
    return str(getattr(entry, name) or "") if entry is not None else ""


def _assessment(s: Store, assessment_id: int, new: Assessment, write: bool) -> set[str]:
    """Scores, official figures, threshold, target and issues where they differ."""
    old = s.assessment(assessment_id)
    kinds: set[str] = set()
    for number in sorted({*old.scores, *new.scores}):
        value = new.scores.get(number)
        if value != old.scores.get(number):
            kinds.add(SCORES)
            if write:
                s.set_score(assessment_id, number, value)
    plain: dict[str, Any] = {
        "threshold": (old.threshold, new.threshold),
        "target": (old.target, new.target),
        "official_iit": (old.official.iit, new.official.iit),
        "official_eit": (old.official.eit, new.official.eit),
        "official_oit": (old.official.oit, new.official.oit),
        "official_overall": (old.official.overall, new.official.overall),
        "official_level": (old.official.level, new.official.level),
    }
    values = {name: after for name, (before, after) in plain.items() if before != after}
    texts = [
        ("issues_by_indicator", str(n), text)
        for n in sorted({*old.issues_by_indicator, *new.issues_by_indicator})
        if (text := new.issues_by_indicator.get(n, "")) != old.issues_by_indicator.get(n, "")
    ] + [
        ("issues_by_tool", code, text)
        for code in sorted({*old.issues_by_tool, *new.issues_by_tool})
        if (text := new.issues_by_tool.get(code, "")) != old.issues_by_tool.get(code, "")
    ]
    priorities = {
        str(n): new.issue_priorities.get(n)
        for n in sorted({*old.issue_priorities, *new.issue_priorities})
        if new.issue_priorities.get(n) != old.issue_priorities.get(n)
    }
    if values or texts or priorities:
        kinds.add(ASSESSMENT)
    if write:
        if values:
            s.update_assessment(assessment_id, values)
        for column, key, text in texts:
            s.set_text(assessment_id, column, key, text)
        for key, priority in priorities.items():
            s.set_map_entry(assessment_id, "issue_priorities", key, priority)
    return kinds
