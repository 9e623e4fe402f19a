"""What a document or workbook shows of one year, read in one snapshot as plain data."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest

from ita_desktop.errors import StorageError, ValidationError
from ita_desktop.services.assessments import create_year, set_narrative, set_score
from ita_desktop.services.progress import update_progress
from ita_desktop.services.report_settings import set_setting
from ita_desktop.services.reports import load_context, load_workbook_data
from ita_desktop.storage.repository import Repository
from tests.documents.fixtures import TRANG_2564, created, trang

D = Decimal


@pytest.fixture
def db(tmp_path: Path) -> Iterator[tuple[Repository, int]]:
    repo, org_id = trang(tmp_path / "t.sqlite", measures=3)
    yield repo, org_id
    repo.close()


def test_the_context_of_a_year(db: tuple[Repository, int]) -> None:
    repo, org_id = db
    ctx = load_context(repo, org_id, 2564)
    a = repo.assessment(org_id, 2564)
    assert ctx.org == repo.organization(org_id) and ctx.assessment == a
    assert ctx.year == 2564 and ctx.next_year == 2565 and ctx.round_months == 12
    assert ctx.assessment.scores[1] == D(TRANG_2564[0]) and ctx.analysis.overall == D("95.36")
    assert ctx.analysis.previous_year == 2563 and ctx.analysis.change  # compared with 2563
    assert [year for year, _ in ctx.history] == [2563, 2564]
    assert ctx.measures == repo.measures(a.id)  # type: ignore[arg-type]
    assert ctx.progress == repo.progress(a.id, 12)  # type: ignore[arg-type]
    assert len(ctx.progress) == 2  # the third measure has no report
    assert ctx.settings.signatories[0][0] == "นายทดสอบ ระบบดี" and ctx.thai_digits is True
    assert ctx.next_scores == {}  # 2565 has no assessment yet
    assert ctx.generated  # the narrative, from the analysis


def test_latest_year_round_and_digits(db: tuple[Repository, int]) -> None:
    repo, org_id = db
    assert load_context(repo, org_id).year == 2564  # None: the latest
    six = load_context(repo, org_id, 2564, round_months=6, thai_digits=False)
    assert six.round_months == 6 and six.progress == {} and six.thai_digits is False
    a = repo.assessment(org_id, 2564)
    set_setting(repo, a.id, "thai_digits", False)  # type: ignore[arg-type]
    assert load_context(repo, org_id, 2564).thai_digits is False  # from the settings
    assert load_context(repo, org_id, 2564, thai_digits=True).thai_digits is True


def test_the_next_year_gives_its_scores_and_stays_out_of_history(
    db: tuple[Repository, int],
) -> None:
    repo, org_id = db
    later = created(create_year(repo, org_id, 2565))
    set_score(repo, later, 4, D("93.5"))
    ctx = load_context(repo, org_id, 2564)
    assert ctx.next_scores == {4: D("93.5")}
    assert [year for year, _ in ctx.history] == [2563, 2564]
    assert load_context(repo, org_id).year == 2565


def test_the_users_own_narrative_replaces_the_generated_one(db: tuple[Repository, int]) -> None:
    repo, org_id = db
    a = repo.assessment(org_id, 2564)
    section = next(iter(load_context(repo, org_id, 2564).generated))
    set_narrative(repo, a.id, section, "ข้อความของผู้ใช้")  # type: ignore[arg-type]
    assert load_context(repo, org_id, 2564).section(section) == "ข้อความของผู้ใช้"


def test_refusals(db: tuple[Repository, int]) -> None:
    repo, org_id = db
    with pytest.raises(ValidationError) as info:
        load_context(repo, org_id, 2570)
    assert "2570" in info.value.thai
    with pytest.raises(ValidationError) as info:
        load_context(repo, org_id, 2564, round_months=9)
    assert "6 หรือ 12 เดือน" in info.value.thai
    with pytest.raises(StorageError):
        load_context(repo, 404, 2564)


def test_workbook_data_has_both_rounds(db: tuple[Repository, int]) -> None:
    repo, org_id = db
    a = repo.assessment(org_id, 2564)
    first = repo.measures(a.id)[0]  # type: ignore[arg-type]
    update_progress(repo, first.id, 6, status="ยังไม่ดำเนินการ")  # type: ignore[arg-type]
    ctx, rounds = load_workbook_data(repo, org_id, 2564, thai_digits=False)
    assert ctx.year == 2564 and ctx.round_months == 12 and ctx.thai_digits is False
    assert sorted(rounds) == [6, 12]
    assert rounds[12] == ctx.progress and len(rounds[12]) == 2
    assert {k: v.status for k, v in rounds[6].items()} == {first.id: "ยังไม่ดำเนินการ"}
    assert load_workbook_data(repo, org_id)[0].year == 2564
