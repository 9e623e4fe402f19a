"""The implementation report: one measure's progress per round, changed field by field."""

from __future__ import annotations

import dataclasses

import pytest

from ita_desktop.domain.models import STATUSES, Measure
from ita_desktop.errors import StorageError, ValidationError
from ita_desktop.services.changes import PROGRESS
from ita_desktop.services.measures import add_measure
from ita_desktop.services.progress import check_round, round_progress, update_progress
from ita_desktop.storage.repository import Repository
from tests.documents.fixtures import created
from tests.storage.fixtures import dump

FULL = {
    "status": "อยู่ระหว่างดำเนินการ",
    "output": "ประชุม ๒ ครั้ง",
    "outcome": "เข้าใจมากขึ้น",
    "problems": "งบประมาณน้อย",
    "suggestions": "อบรมทุกปี",
    "evidence": "https://example.go.th/ita",
}


@pytest.fixture
def mid(repo: Repository, aid: int) -> int:
    return created(add_measure(repo, aid, Measure("มาตรการ")))


def test_progress_upsert_and_bad_round(repo: Repository, aid: int, mid: int) -> None:
    update_progress(repo, mid, 12, status="อยู่ระหว่างดำเนินการ")
    update_progress(repo, mid, 12, status="ดำเนินการแล้วเสร็จ")
    assert [p.status for p in round_progress(repo, aid, 12).values()] == ["ดำเนินการแล้วเสร็จ"]
    assert len(dump(repo)["progress"]) == 1
    with pytest.raises(ValidationError) as info:
        update_progress(repo, mid, 3, status="ดำเนินการแล้วเสร็จ")
    assert "6 หรือ 12 เดือน" in info.value.thai
    with pytest.raises(ValidationError):
        round_progress(repo, aid, 9)


def test_a_new_report_returns_empty_befores(repo: Repository, aid: int, mid: int) -> None:
    changes = update_progress(repo, mid, 6, **FULL)
    assert changes.kinds == {PROGRESS} and changes.before == dict.fromkeys(FULL, "")
    entry = round_progress(repo, aid, 6)[mid]
    assert (entry.measure_id, entry.round) == (mid, 6)
    assert {name: getattr(entry, name) for name in FULL} == FULL
    assert round_progress(repo, aid, 12) == {}  # the other round is its own


def test_update_changes_only_the_named_field(repo: Repository, aid: int, mid: int) -> None:
    update_progress(repo, mid, 6, **FULL)
    update_progress(repo, mid, 12, status="ยังไม่ดำเนินการ")
    old = round_progress(repo, aid, 6)[mid]
    changes = update_progress(repo, mid, 6, output=" ประชุม\u200b ๓ ครั้ง\r\n\r\n\r\nแล้ว ")
    assert changes.before == {"output": "ประชุม ๒ ครั้ง"}
    assert round_progress(repo, aid, 6)[mid] == dataclasses.replace(
        old, output="ประชุม ๓ ครั้ง\n\nแล้ว"
    )
    changes = update_progress(repo, mid, 6, status="", evidence="")
    assert changes.before == {"status": "อยู่ระหว่างดำเนินการ", "evidence": FULL["evidence"]}
    new = round_progress(repo, aid, 6)[mid]
    assert (new.status, new.evidence, new.problems) == ("", "", FULL["problems"])
    assert round_progress(repo, aid, 12)[mid].status == "ยังไม่ดำเนินการ"


def test_round_progress_is_keyed_by_measure(repo: Repository, aid: int, mid: int) -> None:
    other = created(add_measure(repo, aid, Measure("อื่น")))
    update_progress(repo, other, 12, output="ของอื่น")
    update_progress(repo, mid, 12, output="ของมาตรการ")
    progress = round_progress(repo, aid, 12)
    assert {k: v.output for k, v in progress.items()} == {mid: "ของมาตรการ", other: "ของอื่น"}


@pytest.mark.parametrize("status", STATUSES)
def test_every_status_is_accepted(repo: Repository, aid: int, mid: int, status: str) -> None:
    update_progress(repo, mid, 12, status=status)
    assert round_progress(repo, aid, 12)[mid].status == status


def test_refused_reports_change_nothing(repo: Repository, mid: int) -> None:
    update_progress(repo, mid, 6, **FULL)
    before = dump(repo)
    with pytest.raises(ValidationError) as info:
        update_progress(repo, mid, 6, status="เสร็จ", output="ใหม่")
    assert "สถานะ “เสร็จ” ไม่ถูกต้อง" in info.value.thai and STATUSES[2] in info.value.thai
    with pytest.raises(ValueError, match="round"):
        update_progress(repo, mid, 6, round=12)  # type: ignore[arg-type]
    with pytest.raises(StorageError) as storage:
        update_progress(repo, 404, 6, output="ใหม่")
    assert "ไม่พบมาตรการนี้" in storage.value.thai
    assert dump(repo) == before


def test_check_round() -> None:
    check_round(6)
    check_round(12)
    for bad in (0, 3, 9, 24):
        with pytest.raises(ValidationError):
            check_round(bad)
