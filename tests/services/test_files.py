"""Database files: open, new (an existing file is kept, renamed), copies never over the open one."""

from __future__ import annotations

from datetime import datetime, tzinfo
from pathlib import Path

import pytest

from ita_desktop.domain.models import Organization
from ita_desktop.errors import StorageError, ValidationError
from ita_desktop.services import files
from ita_desktop.services.organizations import add_organization
from ita_desktop.storage.repository import Repository


def _database_with(path: Path, name: str) -> None:
    db = Repository.open(path)
    add_organization(db, Organization(name))
    db.close()


def _names(path: Path) -> list[str]:
    db = Repository.open(path)
    try:
        return [o.name for o in db.organizations()]
    finally:
        db.close()


def _kept(folder: Path) -> list[Path]:
    return sorted(folder.glob("mine.replaced-*.sqlite"))


def test_open_an_existing_file(tmp_path: Path) -> None:
    path = tmp_path / "mine.sqlite"
    _database_with(path, "เทศบาลทดสอบ")
    db = files.open_database(path)
    assert db.path == path and [o.name for o in db.organizations()] == ["เทศบาลทดสอบ"]
    db.close()
    assert files.Database is Repository


def test_open_a_missing_file_creates_nothing(tmp_path: Path) -> None:
    with pytest.raises(StorageError) as info:
        files.open_database(tmp_path / "missing.sqlite")
    assert "ไม่พบไฟล์ฐานข้อมูล" in info.value.thai
    with pytest.raises(StorageError):
        files.open_database(tmp_path)  # a folder
    assert list(tmp_path.iterdir()) == [tmp_path / "userdata"]


def test_new_database_where_there_is_none(tmp_path: Path) -> None:
    db = files.new_database(tmp_path / "mine.sqlite")
    assert db.path == tmp_path / "mine.sqlite" and db.organizations() == []
    db.close()
    assert _kept(tmp_path) == []


def test_new_database_keeps_the_existing_file_renamed(tmp_path: Path) -> None:
    path = tmp_path / "mine.sqlite"
    _database_with(path, "ข้อมูลเดิม")
    db = files.new_database(path)
    assert db.organizations() == []
    db.close()
    (kept,) = _kept(tmp_path)
    assert _names(kept) == ["ข้อมูลเดิม"]  # never deleted: renaming it back undoes the click


def test_new_database_moves_the_side_files_with_it(tmp_path: Path) -> None:
    path = tmp_path / "mine.sqlite"
    path.write_bytes(b"precious")
    Path(f"{path}-wal").write_bytes(b"wal")
    Path(f"{path}-shm").write_bytes(b"shm")
    files.new_database(path).close()
    (kept,) = _kept(tmp_path)
    assert kept.read_bytes() == b"precious"
    assert Path(f"{kept}-wal").read_bytes() == b"wal"
    assert Path(f"{kept}-shm").read_bytes() == b"shm"
    assert _names(path) == []  # the new file did not take the old one's journal


def test_new_database_twice_in_a_second_keeps_both_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    class StoppedClock(datetime):
        @classmethod
        def now(cls, tz: tzinfo | None = None) -> StoppedClock:
            return cls(2026, 11, 27, 10, 57, 0)

    monkeypatch.setattr(files, "datetime", StoppedClock)
    path = tmp_path / "mine.sqlite"
    _database_with(path, "ชุดแรก")
    files.new_database(path).close()
    _database_with(path, "ชุดที่สอง")
    Path(f"{path}-wal").write_bytes(b"")  # as if the program had stopped without closing it
    files.new_database(path).close()
    first, second = (tmp_path / f"mine.replaced-20261127-105700{n}.sqlite" for n in ("", "-2"))
    assert set(_kept(tmp_path)) == {first, second}
    assert (_names(first), _names(second)) == (["ชุดแรก"], ["ชุดที่สอง"])
    assert _names(path) == []


def test_new_database_refuses_the_open_file(tmp_path: Path) -> None:
    path = tmp_path / "mine.sqlite"
    _database_with(path, "เปิดอยู่")
    for target in (path, Path(f"{path}-wal"), tmp_path / "." / "mine.sqlite"):
        with pytest.raises(ValidationError) as info:
            files.new_database(target, open_path=path)
        assert "เปิดใช้งานอยู่" in info.value.thai
    assert _names(path) == ["เปิดอยู่"] and _kept(tmp_path) == []


def test_save_copy(tmp_path: Path) -> None:
    path = tmp_path / "mine.sqlite"
    _database_with(path, "ต้นฉบับ")
    db = files.open_database(path)
    target = tmp_path / "backup.sqlite"
    target.write_bytes(b"older backup")
    files.save_copy(db, target)
    db.close()
    assert _names(target) == ["ต้นฉบับ"]


@pytest.mark.parametrize("suffix", ["", "-wal", "-shm"])
def test_save_copy_refuses_the_open_file_and_its_side_files(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / "mine.sqlite"
    _database_with(path, "ต้นฉบับ")
    db = files.open_database(path)
    try:
        with db.read() as s:  # the open file has its -wal and -shm now
            s.organizations()
            with pytest.raises(ValidationError) as info:
                files.save_copy(db, tmp_path / "sub" / ".." / f"mine.sqlite{suffix}")
        assert "เปิดใช้งานอยู่" in info.value.thai
        assert [o.name for o in db.organizations()] == ["ต้นฉบับ"]
    finally:
        db.close()
    assert _names(path) == ["ต้นฉบับ"]


def test_refuse_open_file(tmp_path: Path) -> None:
    open_path = tmp_path / "mine.sqlite"
    files.refuse_open_file(tmp_path / "other.sqlite", open_path)
    files.refuse_open_file(open_path, None)  # nothing is open
    files.refuse_open_file(tmp_path / "mine.sqlite-journal2", open_path)
    for name in ("mine.sqlite", "mine.sqlite-journal", "mine.sqlite-wal", "mine.sqlite-shm"):
        with pytest.raises(ValidationError):
            files.refuse_open_file(tmp_path / name, open_path)
