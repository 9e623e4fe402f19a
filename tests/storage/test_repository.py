"""Storage: round trips, ordering, transactions, migrations, bad files."""

from __future__ import annotations

import sqlite3
from decimal import Decimal
from pathlib import Path

import pytest

from ita_desktop.domain.models import Measure, Organization, Period, ProgressEntry, ReportSettings
from ita_desktop.errors import StorageError, ValidationError
from ita_desktop.storage.database import head_revision
from ita_desktop.storage.repository import Repository

D = Decimal


@pytest.fixture
def repo(tmp_path: Path) -> Repository:
    r = Repository.open(tmp_path / "t.sqlite")
    yield r
    r.close()


def _org(repo: Repository) -> int:
    return repo.save_organization(
        Organization(
            "เทศบาลตำบลนาบอน",
            "เทศบาลตำบล",
            "นาบอน",
            "นครศรีธรรมราช",
            b"\x89PNG",
            ["สำนักปลัด", "กองคลัง"],
        )
    )


def test_organization_round_trip(repo: Repository) -> None:
    org_id = _org(repo)
    org = repo.organization(org_id)
    assert (org.name, org.kind, org.province, org.logo, org.units) == (
        "เทศบาลตำบลนาบอน",
        "เทศบาลตำบล",
        "นครศรีธรรมราช",
        b"\x89PNG",
        ["สำนักปลัด", "กองคลัง"],
    )
    assert repo.find_organization("เทศบาลตำบลนาบอน").id == org_id
    assert repo.find_organization(str(org_id)).id == org_id
    with pytest.raises(ValidationError):
        repo.find_organization("ไม่มี")


def test_assessment_round_trip_keeps_exact_decimals(tmp_path: Path) -> None:
    path = tmp_path / "exact.sqlite"
    repo = Repository.open(path)
    org_id = _org(repo)
    a = repo.create_assessment(org_id, 2564)
    a.scores = {1: D("94.42"), 9: D("100.00"), 4: D("90.10")}
    a.official.overall = D("95.36")
    a.official.level = "AA"
    a.threshold = D("91")
    a.issues_by_indicator = {4: "ทรัพย์สิน"}
    a.issues_by_tool = {"IIT": "ประเด็น"}
    a.narratives = {"results": "ข้อความ"}
    a.rules.tools[0].name = "แก้ไขชื่อเครื่องมือ"
    repo.save_assessment(a)
    repo.close()
    again = Repository.open(path).assessment(org_id, 2564)
    assert again.scores == {1: D("94.42"), 4: D("90.10"), 9: D("100.00")}
    assert str(again.scores[4]) == "90.10"
    assert again.official.overall == D("95.36") and again.official.level == "AA"
    assert again.threshold == D("91")
    assert again.issues_by_indicator == {4: "ทรัพย์สิน"}
    assert again.rules.tools[0].name == "แก้ไขชื่อเครื่องมือ"  # each assessment owns its rules
    assert again.narratives == {"results": "ข้อความ"}


def test_latest_year_and_duplicates(repo: Repository) -> None:
    org_id = _org(repo)
    repo.create_assessment(org_id, 2565)
    repo.create_assessment(org_id, 2566)
    assert repo.assessment(org_id).year == 2566
    assert repo.years(org_id) == [2565, 2566]
    with pytest.raises(ValidationError):
        repo.create_assessment(org_id, 2566)


def test_set_score_validates_and_clears(repo: Repository) -> None:
    a = repo.create_assessment(_org(repo), 2566)
    repo.set_score(a.id, 3, D("88.5"))
    with pytest.raises(ValidationError):
        repo.set_score(a.id, 3, D("100.5"))
    with pytest.raises(ValidationError):
        repo.set_score(a.id, 11, D("50"))
    assert repo.assessment_by_id(a.id).scores == {3: D("88.5")}
    repo.set_score(a.id, 3, None)
    assert repo.assessment_by_id(a.id).scores == {}


def test_measures_order_move_delete_restore(repo: Repository) -> None:
    a = repo.create_assessment(_org(repo), 2564)
    ids = [
        repo.save_measure(
            a.id, Measure(f"ม{i}", [4], ["ขั้นที่ ๑"], ["กองคลัง"], Period(False, 1, 2565, 4, 2565))
        )
        for i in range(4)
    ]
    repo.move_measure(ids[3], 0)
    assert [m.title for m in repo.measures(a.id)] == ["ม3", "ม0", "ม1", "ม2"]
    repo.save_progress(ProgressEntry(ids[1], 6, "ดำเนินการแล้วเสร็จ", output="ผลผลิต"))
    removed = next(m for m in repo.measures(a.id) if m.id == ids[1])
    progress = repo.progress_of_measure(ids[1])
    repo.delete_measure(ids[1])
    assert [m.position for m in repo.measures(a.id)] == [0, 1, 2]
    new_id = repo.restore_measure(a.id, removed, progress)
    titles = [m.title for m in repo.measures(a.id)]
    assert titles == ["ม3", "ม0", "ม1", "ม2"]
    assert repo.progress(a.id, 6)[new_id].output == "ผลผลิต"
    m = repo.measures(a.id)[0]
    assert m.period == Period(False, 1, 2565, 4, 2565) and m.responsible == ["กองคลัง"]


def test_progress_upsert_and_bad_round(repo: Repository) -> None:
    a = repo.create_assessment(_org(repo), 2564)
    mid = repo.save_measure(a.id, Measure("ม"))
    repo.save_progress(ProgressEntry(mid, 12, "อยู่ระหว่างดำเนินการ"))
    repo.save_progress(ProgressEntry(mid, 12, "ดำเนินการแล้วเสร็จ"))
    assert [p.status for p in repo.progress_of_measure(mid)] == ["ดำเนินการแล้วเสร็จ"]
    with pytest.raises(ValidationError):
        repo.save_progress(ProgressEntry(mid, 3))


def test_settings_round_trip(repo: Repository) -> None:
    a = repo.create_assessment(_org(repo), 2564)
    s = ReportSettings(False, [("นายก", "นายกเทศมนตรี")], "คำนำ", {6: "สรุป"}, {12: "ปัญหา"}, {})
    repo.save_settings(a.id, s)
    assert repo.settings(a.id) == s


def test_deleting_an_organization_cascades(repo: Repository) -> None:
    org_id = _org(repo)
    a = repo.create_assessment(org_id, 2564)
    mid = repo.save_measure(a.id, Measure("ม"))
    repo.save_progress(ProgressEntry(mid, 6))
    repo.delete_organization(org_id)
    with repo.engine.connect() as c:
        for table in ("assessments", "scores", "measures", "progress"):
            assert c.exec_driver_sql(f"select count(*) from {table}").scalar() == 0


def test_failed_write_changes_nothing(repo: Repository) -> None:
    a = repo.create_assessment(_org(repo), 2564)
    a.scores = {1: D("90"), 2: D("150")}
    with pytest.raises(ValidationError):
        repo.save_assessment(a)
    assert repo.assessment_by_id(a.id).scores == {}


def test_new_file_is_migrated_with_pragmas(tmp_path: Path) -> None:
    path = tmp_path / "new.sqlite"
    Repository.open(path).close()
    conn = sqlite3.connect(path)
    assert conn.execute("select version_num from alembic_version").fetchone()[0] == head_revision()
    assert conn.execute("pragma journal_mode").fetchone()[0] == "wal"


def test_old_schema_is_backed_up_before_migration(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    conn = sqlite3.connect(path)
    conn.execute("create table alembic_version (version_num varchar(32) primary key)")
    conn.execute("create table keepme (x)")
    conn.execute("insert into keepme values (42)")
    conn.commit()
    conn.close()
    Repository.open(path).close()
    backups = list(tmp_path.glob("old.backup-none-*.sqlite"))
    assert len(backups) == 1
    assert sqlite3.connect(backups[0]).execute("select x from keepme").fetchone() == (42,)


def test_corrupt_file_gives_thai_error(tmp_path: Path) -> None:
    path = tmp_path / "bad.sqlite"
    path.write_bytes(b"this is not a database" * 100)
    with pytest.raises(StorageError) as info:
        Repository.open(path)
    assert "เสียหาย" in info.value.thai
    assert path.read_bytes().startswith(b"this is not")  # nothing overwritten


def test_locked_database_gives_thai_error(tmp_path: Path) -> None:
    path = tmp_path / "locked.sqlite"
    repo = Repository.open(path)
    org_id = _org(repo)
    blocker = sqlite3.connect(path, timeout=0)
    blocker.execute("begin exclusive")
    locked = Repository.open(path, busy_timeout_ms=100)
    try:
        with pytest.raises(StorageError) as info:
            locked.save_organization(Organization("อื่น", id=org_id))
        assert "ใช้งานโดยโปรแกรมอื่น" in info.value.thai
    finally:
        blocker.rollback()
        blocker.close()
    assert repo.organization(org_id).name == "เทศบาลตำบลนาบอน"


def test_save_copy(repo: Repository, tmp_path: Path) -> None:
    _org(repo)
    target = tmp_path / "copy.sqlite"
    repo.save_copy(target)
    assert Repository.open(target).organizations()[0].name == "เทศบาลตำบลนาบอน"


def test_text_is_normalised_on_save(repo: Repository) -> None:
    org_id = repo.save_organization(
        Organization("  เทศบาล\u200bตำบล   นาบอน ", units=["กองคลัง ", ""])
    )
    assert repo.organization(org_id).name == "เทศบาลตำบล นาบอน"
    assert repo.organization(org_id).units == ["กองคลัง"]
    a = repo.create_assessment(org_id, 2565)
    mid = repo.save_measure(a.id, Measure("กําหนดมาตรการ", [4, 2, 4], ["น้ํา", "  "]))
    m = repo.measures(a.id)[0]
    assert (m.title, m.indicators, m.steps) == ("กำหนดมาตรการ", [2, 4], ["น้ำ"])
    repo.save_progress(ProgressEntry(mid, 6, output="ผล\r\n\r\n\r\nต่อ"))
    assert repo.progress(a.id, 6)[mid].output == "ผล\n\nต่อ"


def test_head_revision_matches_alembic() -> None:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    from ita_desktop.storage.database import MIGRATIONS

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    assert ScriptDirectory.from_config(config).get_current_head() == head_revision()
