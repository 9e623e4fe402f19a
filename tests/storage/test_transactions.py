"""Transactions: a write takes the write lock before its first read; a read never takes it."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import event

from ita_desktop.domain.models import Organization
from ita_desktop.errors import StorageError
from ita_desktop.services.organizations import update_organization
from ita_desktop.storage.repository import Repository
from tests.storage.fixtures import dump, nabon


@pytest.fixture
def statements(repo: Repository) -> Iterator[list[str]]:
    """Every SQL statement the repository sends, in order."""
    sent: list[str] = []

    def record(_conn: object, _cursor: object, statement: str, *_args: object) -> None:
        sent.append(" ".join(statement.split()))

    event.listen(repo.engine, "before_cursor_execute", record)
    yield sent
    event.remove(repo.engine, "before_cursor_execute", record)


def _other_connection(path: Path) -> sqlite3.Connection:
    """A second program on the same file that does not wait for locks."""
    return sqlite3.connect(path, timeout=0, isolation_level=None)


def _org(repo: Repository) -> int:
    with repo.write() as s:
        return s.add_organization(nabon())


def test_a_write_begins_immediate_before_its_first_read(
    repo: Repository, statements: list[str]
) -> None:
    org_id = _org(repo)
    statements.clear()
    with repo.write() as s:
        s.organization(org_id)
        s.update_organization(org_id, {"province": "ตรัง"})
    assert statements[0] == "BEGIN IMMEDIATE"
    assert statements[1].startswith("SELECT") and "FROM organizations" in statements[1]
    assert [x.split()[0] for x in statements[2:]][-1] == "UPDATE"  # the write comes last
    assert statements.count("BEGIN IMMEDIATE") == 1 and "BEGIN" not in statements
    assert repo.organization(org_id).province == "ตรัง"  # committed


def test_a_service_write_begins_immediate(repo: Repository, statements: list[str]) -> None:
    org_id = _org(repo)
    statements.clear()
    update_organization(repo, org_id, kind="เทศบาลเมือง")
    assert statements[0] == "BEGIN IMMEDIATE" and statements[1].startswith("SELECT")


def test_a_read_begins_deferred(repo: Repository, statements: list[str]) -> None:
    _org(repo)
    statements.clear()
    with repo.read() as s:
        s.organizations()
    repo.years(1)
    assert [x for x in statements if x.startswith("BEGIN")] == ["BEGIN", "BEGIN"]
    assert statements[0] == "BEGIN" and statements[1].startswith("SELECT")


def test_a_write_that_has_only_read_already_holds_the_write_lock(
    repo: Repository, tmp_path: Path
) -> None:
    org_id = _org(repo)
    other = _other_connection(tmp_path / "t.sqlite")
    try:
        with repo.write() as s:
            s.organization(org_id)  # only a read so far
            with pytest.raises(sqlite3.OperationalError, match="locked"):
                other.execute("UPDATE organizations SET province = 'อื่น'")
            with pytest.raises(sqlite3.OperationalError, match="locked"):
                other.execute("BEGIN IMMEDIATE")
            assert other.execute("SELECT count(*) FROM organizations").fetchone() == (1,)
        other.execute("UPDATE organizations SET province = 'อื่น'")  # free again after commit
    finally:
        other.close()
    assert repo.organization(org_id).province == "อื่น"


def test_a_read_does_not_take_the_write_lock(repo: Repository, tmp_path: Path) -> None:
    org_id = _org(repo)
    other = _other_connection(tmp_path / "t.sqlite")
    try:
        with repo.read() as s:
            assert s.organization(org_id).province == "นครศรีธรรมราช"
            other.execute("BEGIN IMMEDIATE")  # not blocked
            other.execute("UPDATE organizations SET province = 'ตรัง'")
            # one snapshot: the read does not see the other's write (with the rollback
            # journal, that write's commit waits until the read ends)
            assert s.organization(org_id).province == "นครศรีธรรมราช"
            assert len(s.organizations()) == 1
        other.execute("COMMIT")
    finally:
        other.close()
    assert repo.organization(org_id).province == "ตรัง"


def test_a_second_writer_waits_then_gets_a_thai_error(repo: Repository, tmp_path: Path) -> None:
    org_id = _org(repo)
    second = Repository.open(tmp_path / "t.sqlite", busy_timeout_ms=100)
    try:
        with repo.write() as s:
            s.organization(org_id)
            with pytest.raises(StorageError) as info, second.write() as s2:
                s2.organizations()  # never reached: its BEGIN IMMEDIATE is refused
            assert "ใช้งานโดยโปรแกรมอื่น" in info.value.thai
            assert second.organization(org_id).name == "เทศบาลตำบลนาบอน"  # reading still works
    finally:
        second.close()


def test_an_error_inside_a_write_rolls_everything_back(repo: Repository) -> None:
    org_id = _org(repo)
    before = dump(repo)
    with pytest.raises(RuntimeError), repo.write() as s:
        s.add_organization(Organization("ใหม่"))
        s.update_organization(org_id, {"name": "เปลี่ยนชื่อ"})
        s.delete_organization(org_id)
        raise RuntimeError("stop")
    assert dump(repo) == before
    with repo.write() as s:  # the file is not left locked
        s.update_organization(org_id, {"district": "อื่น"})
    assert repo.organization(org_id).district == "อื่น"
