"""The Repository: migrations, pragmas, errors in Thai, copies and its read shortcuts."""

from __future__ import annotations

import sqlite3
from decimal import Decimal
from pathlib import Path

import pytest

from ita_desktop.domain.models import Organization
from ita_desktop.errors import StorageError, ValidationError
from ita_desktop.storage.file_format import APPLICATION_ID, head_revision
from ita_desktop.storage.repository import Repository
from tests.storage.fixtures import measure, nabon, new_year
from tests.storage.old_files import old_file

D = Decimal


def _org(repo: Repository) -> int:
    with repo.write() as s:
        return s.add_organization(nabon())


def test_new_file_is_migrated_with_pragmas(tmp_path: Path) -> None:
    path = tmp_path / "new.sqlite"
    Repository.open(path).close()
    conn = sqlite3.connect(path)
    assert conn.execute("select version_num from alembic_version").fetchone()[0] == head_revision()
    assert conn.execute("pragma journal_mode").fetchone()[0] == "delete"  # the rollback journal
    assert conn.execute("pragma application_id").fetchone()[0] == APPLICATION_ID
    assert conn.execute("pragma user_version").fetchone()[0] == int(head_revision())
    conn.close()


def test_every_connection_enforces_foreign_keys(repo: Repository) -> None:
    with repo.read() as s:
        pragma = s.session.connection().exec_driver_sql("pragma foreign_keys").scalar()
    assert pragma == 1


def test_old_schema_is_backed_up_before_migration(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    old_file(path, "0001")
    Repository.open(path).close()
    (backup,) = (tmp_path / "backups").glob("old.backup-*-migration.sqlite")
    conn = sqlite3.connect(backup)
    assert conn.execute("select version_num from alembic_version").fetchone() == ("0001",)
    assert conn.execute("select name from organizations").fetchone() == ("เก่า",)
    conn.close()


def test_a_current_file_is_not_backed_up_again(tmp_path: Path) -> None:
    path = tmp_path / "current.sqlite"
    Repository.open(path).close()
    Repository.open(path).close()
    assert sorted(p.name for p in tmp_path.glob("*.sqlite")) == ["current.sqlite"]


def test_corrupt_file_gives_thai_error(tmp_path: Path) -> None:
    path = tmp_path / "bad.sqlite"
    path.write_bytes(b"this is not a database" * 100)
    with pytest.raises(StorageError) as info:
        Repository.open(path)
    assert "เสียหาย" in info.value.thai
    assert path.read_bytes().startswith(b"this is not")  # nothing overwritten


def test_a_folder_or_a_missing_folder_gives_thai_error(tmp_path: Path) -> None:
    with pytest.raises(StorageError) as info:
        Repository.open(tmp_path)
    assert "เป็นโฟลเดอร์" in info.value.thai
    with pytest.raises(StorageError) as info:
        Repository.open(tmp_path / "no" / "x.sqlite")
    assert "ไม่พบโฟลเดอร์" in info.value.thai


def test_locked_database_gives_thai_error(tmp_path: Path) -> None:
    from ita_desktop.services.organizations import update_organization

    path = tmp_path / "locked.sqlite"
    repo = Repository.open(path)
    org_id = _org(repo)
    blocker = sqlite3.connect(path, timeout=0)
    blocker.execute("begin immediate")  # holds the write lock; reading still works
    locked = Repository.open(path, busy_timeout_ms=100)
    try:
        with pytest.raises(StorageError) as info:
            update_organization(locked, org_id, name="อื่น")
        assert "ใช้งานโดยโปรแกรมอื่น" in info.value.thai
    finally:
        blocker.rollback()
        blocker.close()
        locked.close()
    assert repo.organization(org_id).name == "เทศบาลตำบลนาบอน"
    repo.close()


def test_save_copy(repo: Repository, tmp_path: Path) -> None:
    _org(repo)
    target = tmp_path / "copy.sqlite"
    target.write_bytes(b"an older copy")
    repo.save_copy(target)
    copy = Repository.open(target)
    assert copy.organizations()[0].name == "เทศบาลตำบลนาบอน"
    copy.close()
    assert not list(tmp_path.glob("*.tmp"))  # written through a temporary file, renamed


def test_a_database_in_memory(tmp_path: Path) -> None:
    repo = Repository.open(None)
    assert repo.path is None
    org_id = _org(repo)
    repo.save_copy(tmp_path / "saved.sqlite")
    repo.close()
    saved = Repository.open(tmp_path / "saved.sqlite")
    assert [o.id for o in saved.organizations()] == [org_id]
    saved.close()


def test_read_shortcuts(repo: Repository) -> None:
    org_id = _org(repo)
    other = _org(repo)
    with repo.write() as s:
        s.add_assessment(new_year(org_id, 2565))
        aid = s.add_assessment(new_year(org_id, 2566, scores={3: D("88.50")}))
        mid = s.add_measure(aid, measure("ม"))
        s.update_progress(mid, 6, {"status": "ดำเนินการแล้วเสร็จ"})
    assert [o.id for o in repo.organizations()] == [org_id, other]
    assert repo.organization(org_id).units == ["สำนักปลัด", "กองคลัง"]
    assert repo.years(org_id) == [2565, 2566] and repo.years(other) == []
    assert repo.assessment(org_id).year == 2566  # None: the latest
    assert repo.assessment(org_id, 2565).year == 2565
    assert repo.assessment(org_id, 2566).scores == {3: D("88.50")}
    assert [m.id for m in repo.measures(aid)] == [mid]
    assert repo.progress(aid, 6)[mid].status == "ดำเนินการแล้วเสร็จ" and repo.progress(aid, 12) == {}


def test_a_missing_year_is_a_thai_validation_error(repo: Repository) -> None:
    org_id = _org(repo)
    with pytest.raises(ValidationError) as info:
        repo.assessment(org_id)
    assert "ยังไม่มีการประเมินใด" in info.value.thai
    name = repo.organization(org_id).name
    assert f"หน่วยงาน “{name}” ยังไม่มีการประเมินใด" == info.value.thai
    with repo.write() as s:
        s.add_assessment(new_year(org_id, 2566))
        s.add_assessment(new_year(org_id, 2564))
    with pytest.raises(ValidationError) as info:
        repo.assessment(org_id, 2570)
    # names the organisation and the years it has, so the user can choose
    assert info.value.thai == (f"หน่วยงาน “{name}” ยังไม่มีการประเมินปีงบประมาณ 2570 (ปีที่มี: 2564, 2566)")


def test_a_missing_organisation_is_a_thai_storage_error(repo: Repository) -> None:
    with pytest.raises(StorageError) as info:
        repo.organization(42)
    assert "ไม่พบหน่วยงานนี้" in info.value.thai
    assert repo.organizations() == [] and repo.years(42) == []
    with pytest.raises(StorageError):
        repo.organization(Organization("x").id)  # type: ignore[arg-type]


def test_head_revision_matches_alembic() -> None:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    from ita_desktop.storage.file_format import MIGRATIONS

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    assert ScriptDirectory.from_config(config).get_current_head() == head_revision()
