"""The measures plan: add at an index, change only named fields, move, delete and restore."""

from __future__ import annotations

import dataclasses

import pytest

from ita_desktop.domain.models import Measure, Period, ProgressEntry
from ita_desktop.errors import StorageError, ValidationError
from ita_desktop.services.changes import MEASURES, PROGRESS
from ita_desktop.services.measures import (
    DeletedMeasure,
    add_measure,
    changed_fields,
    delete_measure,
    list_measures,
    move_measure,
    restore_measure,
    update_measure,
)
from ita_desktop.services.progress import round_progress, update_progress
from ita_desktop.storage.repository import Repository
from tests.documents.fixtures import created
from tests.storage.fixtures import dump, measure


def _plan(repo: Repository, aid: int, count: int) -> list[int]:
    period = Period(False, 1, 2565, 4, 2565)
    return [
        created(add_measure(repo, aid, Measure(f"ม{i}", [4], ["ขั้นที่ ๑"], ["กองคลัง"], period)))
        for i in range(count)
    ]


def _titles(repo: Repository, aid: int) -> list[str]:
    return [m.title for m in list_measures(repo, aid)]


def test_add_at_the_end_or_at_an_index(repo: Repository, aid: int) -> None:
    changes = add_measure(repo, aid, measure("ม0"))
    assert changes.kinds == {MEASURES} and changes.before is None
    first = list_measures(repo, aid)[0]
    assert first == dataclasses.replace(measure("ม0"), id=changes.created_id, position=0)
    add_measure(repo, aid, measure("ม1"))
    add_measure(repo, aid, measure("แทรก"), index=1)
    add_measure(repo, aid, measure("หน้าสุด"), index=0)
    assert _titles(repo, aid) == ["หน้าสุด", "ม0", "แทรก", "ม1"]
    assert [m.position for m in list_measures(repo, aid)] == [0, 1, 2, 3]


@pytest.mark.parametrize("numbers", [[0], [-1], [4, 11.5], ["4"], [True]])
def test_bad_indicator_numbers_are_refused(
    repo: Repository, aid: int, numbers: list[object]
) -> None:
    (mid,) = _plan(repo, aid, 1)
    before = dump(repo)
    with pytest.raises(ValidationError) as info:
        add_measure(repo, aid, measure("ม", indicators=numbers))
    assert "หมายเลขตัวชี้วัดไม่ถูกต้อง" in info.value.thai
    with pytest.raises(ValidationError):
        update_measure(repo, mid, title="ใหม่", indicators=numbers)
    assert dump(repo) == before


def test_update_changes_only_the_named_fields(repo: Repository, aid: int) -> None:
    mid = created(add_measure(repo, aid, measure("เดิม")))
    other = created(add_measure(repo, aid, measure("อื่น")))
    old, old_other = list_measures(repo, aid)
    changes = update_measure(repo, mid, title="  ชื่อ\u200bใหม่ ")
    assert changes.kinds == {MEASURES} and changes.before == {"title": "เดิม"}
    assert list_measures(repo, aid) == [dataclasses.replace(old, title="ชื่อใหม่"), old_other]
    changes = update_measure(repo, mid, steps=["หนึ่ง", " "], kpi="ร้อยละ 80")
    assert changes.before == {"steps": ["ขั้นที่ ๑", "ขั้นที่ ๒"], "kpi": "ร้อยละ 100"}
    new = dataclasses.replace(old, title="ชื่อใหม่", steps=["หนึ่ง"], kpi="ร้อยละ 80")
    assert list_measures(repo, aid) == [new, old_other]
    assert other == old_other.id


def test_update_is_refused_for_an_unknown_field_or_measure(repo: Repository, aid: int) -> None:
    (mid,) = _plan(repo, aid, 1)
    before = dump(repo)
    with pytest.raises(ValueError, match="position"):
        update_measure(repo, mid, title="ใหม่", position=3)
    with pytest.raises(StorageError) as info:
        update_measure(repo, 404, title="ใหม่")
    assert "ไม่พบมาตรการนี้" in info.value.thai
    assert dump(repo) == before


def test_changed_fields() -> None:
    old = measure("ม", position=2, id=7)
    new = dataclasses.replace(old, title="ใหม่", kpi="อื่น", position=5, id=8)
    assert changed_fields(old, new) == {"title": "ใหม่", "kpi": "อื่น"}  # content only
    assert changed_fields(old, old) == {}


def test_move_returns_the_old_index(repo: Repository, aid: int) -> None:
    ids = _plan(repo, aid, 4)
    changes = move_measure(repo, ids[3], 0)
    assert changes.kinds == {MEASURES} and changes.before == 3
    assert _titles(repo, aid) == ["ม3", "ม0", "ม1", "ม2"]
    assert move_measure(repo, ids[3], changes.before).before == 0  # undo
    assert _titles(repo, aid) == ["ม0", "ม1", "ม2", "ม3"]
    assert move_measure(repo, ids[0], 99).before == 0  # past the end: last
    assert _titles(repo, aid) == ["ม1", "ม2", "ม3", "ม0"]
    assert [m.position for m in list_measures(repo, aid)] == [0, 1, 2, 3]


def test_measures_order_move_delete_restore(repo: Repository, aid: int) -> None:
    ids = _plan(repo, aid, 4)
    move_measure(repo, ids[3], 0)
    assert _titles(repo, aid) == ["ม3", "ม0", "ม1", "ม2"]
    update_progress(repo, ids[1], 6, status="ดำเนินการแล้วเสร็จ", output="ผลผลิต")
    update_progress(repo, ids[1], 12, status="อยู่ระหว่างดำเนินการ", evidence="ภาพ")
    removed = next(m for m in list_measures(repo, aid) if m.id == ids[1])
    changes = delete_measure(repo, ids[1])
    assert changes.kinds == {MEASURES, PROGRESS}
    deleted = changes.before
    assert isinstance(deleted, DeletedMeasure)
    assert (deleted.assessment_id, deleted.index, deleted.measure) == (aid, 2, removed)
    assert [(p.round, p.status) for p in deleted.progress] == [
        (6, "ดำเนินการแล้วเสร็จ"),
        (12, "อยู่ระหว่างดำเนินการ"),
    ]
    assert [m.position for m in list_measures(repo, aid)] == [0, 1, 2]
    assert round_progress(repo, aid, 6) == {} and dump(repo)["progress"] == []

    restored = restore_measure(repo, deleted)
    assert restored.kinds == {MEASURES, PROGRESS}
    new_id = created(restored)
    assert _titles(repo, aid) == ["ม3", "ม0", "ม1", "ม2"]  # back at its index
    assert list_measures(repo, aid)[2] == dataclasses.replace(removed, id=new_id)
    six, twelve = round_progress(repo, aid, 6)[new_id], round_progress(repo, aid, 12)[new_id]
    assert (six.status, six.output) == ("ดำเนินการแล้วเสร็จ", "ผลผลิต")
    assert (twelve.status, twelve.evidence) == ("อยู่ระหว่างดำเนินการ", "ภาพ")
    m = list_measures(repo, aid)[0]
    assert m.period == Period(False, 1, 2565, 4, 2565) and m.responsible == ["กองคลัง"]


@pytest.mark.parametrize("which", [0, 2])
def test_restore_at_either_end(repo: Repository, aid: int, which: int) -> None:
    ids = _plan(repo, aid, 3)
    deleted = delete_measure(repo, ids[which]).before
    restore_measure(repo, deleted)
    assert _titles(repo, aid) == ["ม0", "ม1", "ม2"]


def test_delete_restore_delete_again(repo: Repository, aid: int) -> None:
    ids = _plan(repo, aid, 2)
    update_progress(repo, ids[0], 6, outcome="ผลลัพธ์")
    new_id = created(restore_measure(repo, delete_measure(repo, ids[0]).before))
    again = delete_measure(repo, new_id).before
    assert again.index == 0 and [p.outcome for p in again.progress] == ["ผลลัพธ์"]
    assert again.progress == [
        ProgressEntry(new_id, 6, outcome="ผลลัพธ์", id=again.progress[0].id),
    ]
    with pytest.raises(StorageError):
        delete_measure(repo, new_id)
    assert _titles(repo, aid) == ["ม1"]
