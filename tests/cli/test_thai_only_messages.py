"""What the user reads after a refusal or a failure is the Thai sentence alone, on one line:
the English detail (an exception's name, openpyxl's own text, "1 problems") goes to the
program's log, and a wrong file named by --db is input the user corrects (exit code 2)."""

from __future__ import annotations

import errno
import logging
from pathlib import Path

import pytest

from ita_desktop.cli.main import main
from ita_desktop.documents import workbook_layout as L
from ita_desktop.services import organizations
from tests.importers.fixtures import digest, edit


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str]:
    code = main(list(argv))
    return code, capsys.readouterr().err


def test_a_refused_workbook_shows_no_problem_count_in_english(
    book: tuple[Path, Path], capsys: pytest.CaptureFixture[str], caplog: pytest.LogCaptureFixture
) -> None:
    db, path = book
    edit(path, L.SCORES, {"D6": "เก้าสิบ"})
    caplog.set_level(logging.INFO, logger="ita_desktop")
    code, err = run(capsys, "import", "xlsx", "--db", str(db), str(path))
    assert code == 2 and err.count("\n") == 1
    assert "เซลล์ D6" in err and "problems" not in err
    assert err.rstrip().endswith("ไม่ใช่ตัวเลข")
    assert "(1 problems)" in caplog.text  # kept for diagnosis, in the log


def test_a_database_given_as_the_workbook_shows_no_openpyxl_text(
    book: tuple[Path, Path], capsys: pytest.CaptureFixture[str], caplog: pytest.LogCaptureFixture
) -> None:
    db, _path = book
    before = digest(db)
    caplog.set_level(logging.INFO, logger="ita_desktop")
    code, err = run(capsys, "import", "xlsx", "--db", str(db), str(db))
    assert code == 2 and err.count("\n") == 1
    assert err.rstrip().endswith("ไม่ใช่ไฟล์ Excel (.xlsx) ที่อ่านได้ หรือไฟล์เสียหาย")
    assert "openpyxl" not in err and "Exception" not in err
    assert "InvalidFileException" in caplog.text
    assert digest(db) == before


def test_a_folder_as_db_is_said_in_thai_only(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, err = run(capsys, "orgs", "--db", str(tmp_path))
    assert code == 2 and err.rstrip().endswith("เป็นโฟลเดอร์ ไม่ใช่ไฟล์ฐานข้อมูล กรุณาระบุชื่อไฟล์")
    assert "directory" not in err


@pytest.mark.parametrize(
    ("content", "reason"),
    [(b"not a db\n", "ไม่ใช่ฐานข้อมูล SQLite"), (b"", "ว่างเปล่า (0 ไบต์)")],
    ids=["not SQLite", "0 bytes"],
)
def test_a_file_that_is_not_a_database_exits_2_untouched(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes, reason: str
) -> None:
    db = tmp_path / "notdb.sqlite"
    db.write_bytes(content)
    for argv in (
        ["orgs", "--db", str(db)],
        ["check", "--db", str(db)],
        ["scores", "set", "--db", str(db), "--indicator", "1", "--score", "90"],
        ["export", "xlsx", "--db", str(db), "--out", str(tmp_path / "x.xlsx")],
        ["export", "pdf", "--db", str(db), "--out", str(tmp_path / "x.pdf")],
    ):
        code, err = run(capsys, *argv)
        assert code == 2, (argv, err)
        assert reason in err and err.count("\n") == 1 and "SQLite database:" not in err
    assert db.read_bytes() == content
    assert sorted(p.name for p in tmp_path.iterdir() if p.name != "userdata") == ["notdb.sqlite"]


def test_a_file_system_failure_is_said_in_thai_only(
    demo_db: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    def denied(*_args: object) -> None:
        raise PermissionError(errno.EACCES, "Permission denied", "ita.sqlite")

    monkeypatch.setattr(organizations, "list_organizations", denied)
    caplog.set_level(logging.INFO, logger="ita_desktop")
    code, err = run(capsys, "orgs", "--db", str(demo_db))
    assert code == 1 and err == "ไม่มีสิทธิ์เขียนหรืออ่านไฟล์ “ita.sqlite”\n"
    assert "PermissionError: Permission denied" in caplog.text


def test_an_unexpected_error_points_to_the_crash_log_without_english(
    demo_db: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    _private_data_dir: Path,
) -> None:
    def broken(*_args: object) -> None:
        raise RuntimeError("internal state xyzzy")

    monkeypatch.setattr(organizations, "list_organizations", broken)
    code, err = run(capsys, "orgs", "--db", str(demo_db))
    crash_log = _private_data_dir / "crash.log"
    assert code == 1
    assert err == f"เกิดข้อผิดพลาดที่ไม่คาดคิด รายละเอียดอยู่ในไฟล์ {crash_log}\n"
    assert "RuntimeError: internal state xyzzy" in crash_log.read_text(encoding="utf-8")
