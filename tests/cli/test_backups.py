"""`backup`, `backups` and `restore` on the command line: messages, exit codes, files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ita_desktop.cli.main import main
from ita_desktop.domain.models import Organization
from ita_desktop.services import organizations
from ita_desktop.storage.repository import Repository
from tests.storage.old_files import digest, folder_state, foreign_file


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    folder = tmp_path / "office"
    folder.mkdir()
    path = folder / "ita.sqlite"
    db = Repository.open(path)
    organizations.add_organization(db, Organization("เทศบาลตำบลนาบอน"))
    db.close()
    return path


def _names(path: Path) -> list[str]:
    db = Repository.open(path)
    try:
        return [o.name for o in db.organizations()]
    finally:
        db.close()


def test_backup_then_list(capsys: pytest.CaptureFixture[str], db_path: Path) -> None:
    code, out, err = run(capsys, "backups", "--db", str(db_path))
    assert (code, err) == (0, "") and "ยังไม่มีไฟล์สำรองของ ita.sqlite" in out
    code, out, err = run(capsys, "backup", "--db", str(db_path))
    assert (code, err) == (0, "") and out.startswith("สำรองข้อมูลแล้ว: ")
    (made,) = (db_path.parent / "backups").iterdir()
    assert made.name in out and " KB)" in out
    code, out, _ = run(capsys, "backups", "--db", str(db_path))
    assert code == 0 and "(ใหม่สุดก่อน)" in out
    line = out.splitlines()[1]
    assert line.startswith("1. ") and "สำรองด้วยตนเอง" in line and made.name in line
    code, out, _ = run(capsys, "backups", "--db", str(db_path), "--json")
    (entry,) = json.loads(out)
    assert entry["file"] == made.name and entry["reason"] == "manual"
    assert entry["size"] == made.stat().st_size and entry["label"] == "สำรองด้วยตนเอง"
    assert entry["created"].startswith(made.name.split("-")[1][:4])


def test_backup_to_a_file(
    capsys: pytest.CaptureFixture[str], db_path: Path, tmp_path: Path
) -> None:
    out_file = tmp_path / "stick.sqlite"
    code, out, _ = run(capsys, "backup", "--db", str(db_path), "--out", str(out_file))
    assert code == 0 and "stick.sqlite" in out
    assert _names(out_file) == ["เทศบาลตำบลนาบอน"]
    assert not (db_path.parent / "backups").exists()


@pytest.mark.parametrize("suffix", ["", "-journal", "-wal"])
def test_backup_never_over_the_database(
    capsys: pytest.CaptureFixture[str], db_path: Path, suffix: str
) -> None:
    before = folder_state(db_path.parent)
    code, _, err = run(capsys, "backup", "--db", str(db_path), "--out", f"{db_path}{suffix}")
    assert code == 2 and "ไฟล์นี้เปิดใช้งานอยู่" in err and len(err.splitlines()) == 1
    assert folder_state(db_path.parent) == before


def test_backup_of_a_missing_database(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = run(capsys, "backup", "--db", str(tmp_path / "none.sqlite"))
    assert code == 2 and "ไม่พบไฟล์ฐานข้อมูล" in err
    assert not (tmp_path / "none.sqlite").exists()


def test_restore_by_name_from_the_list(capsys: pytest.CaptureFixture[str], db_path: Path) -> None:
    run(capsys, "backup", "--db", str(db_path))
    (made,) = (db_path.parent / "backups").iterdir()
    db = Repository.open(db_path)
    org_id = db.organizations()[0].id
    assert org_id is not None
    organizations.update_organization(db, org_id, name="แก้ผิด")
    db.close()
    code, out, err = run(capsys, "restore", "--db", str(db_path), made.name)
    assert (code, err) == (0, "")
    assert f"จากไฟล์สำรอง {made.name} แล้ว" in out and "ข้อมูลเดิมก่อนกู้คืนเก็บไว้ที่" in out
    assert _names(db_path) == ["เทศบาลตำบลนาบอน"]
    code, out, _ = run(capsys, "backups", "--db", str(db_path))
    assert "ก่อนกู้คืนจากไฟล์สำรอง" in out.splitlines()[1]


def test_a_lost_database_is_listed_and_restored(
    capsys: pytest.CaptureFixture[str], db_path: Path
) -> None:
    run(capsys, "backup", "--db", str(db_path))
    db_path.unlink()
    code, out, _ = run(capsys, "backups", "--db", str(db_path))
    assert code == 0 and out.splitlines()[1].startswith("1. ")
    (made,) = (db_path.parent / "backups").iterdir()
    code, out, _ = run(capsys, "restore", "--db", str(db_path), str(made))
    assert code == 0 and "ข้อมูลเดิม" not in out
    assert _names(db_path) == ["เทศบาลตำบลนาบอน"]


def test_restore_refusals(
    capsys: pytest.CaptureFixture[str], db_path: Path, tmp_path: Path
) -> None:
    other = foreign_file(tmp_path / "contacts.sqlite")
    before, other_before = folder_state(db_path.parent), digest(other)
    code, _, err = run(capsys, "restore", "--db", str(db_path), str(other))
    assert code == 2 and err.startswith("ไม่กู้คืนจากไฟล์นี้: เป็นฐานข้อมูลของโปรแกรมอื่น")
    code, _, err = run(capsys, "restore", "--db", str(db_path), "ไม่มีไฟล์นี้.sqlite")
    assert code == 2 and "ไม่พบไฟล์สำรอง" in err
    code, _, err = run(capsys, "restore", "--db", str(db_path), str(db_path))
    assert code == 2 and "ไฟล์ฐานข้อมูลเอง" in err
    code, _, err = run(capsys, "restore", "--db", str(tmp_path / "no" / "x.sqlite"), str(other))
    assert code == 2 and "ไม่พบโฟลเดอร์" in err
    assert folder_state(db_path.parent) == before and digest(other) == other_before
