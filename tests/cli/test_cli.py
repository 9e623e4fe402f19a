"""The command line: JSON output, exit codes and Thai messages, never a traceback."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from ita_desktop.cli.main import main
from ita_desktop.domain.models import Organization
from ita_desktop.services.assessments import create_year
from ita_desktop.services.organizations import add_organization
from ita_desktop.storage.repository import Repository

TRANG = "94.42,92.12,92.28,90.76,92.35,91.41,94.44,90.55,100,100"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_analyze_json_reproduces_trang(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(
        capsys, "analyze", "--year", "2564", "--scores", TRANG, "--threshold", "91", "--json"
    )
    assert code == 0
    data = json.loads(out)
    assert data["tools"] == {"IIT": 92.39, "EIT": 92.13, "OIT": 100.0}
    assert data["overall"] == 95.36 and data["level"] == "AA"
    assert len(data["strengths"]) == 8 and sorted(data["weaknesses"]) == [4, 8]
    scores = [row["score"] for row in data["ranking"]]
    assert scores == sorted(scores, reverse=True)
    assert data["ranking"][0] == {
        "indicator": 9,
        "name": "การเปิดเผยข้อมูล",
        "score": 100.0,
        "rank": 1,
    }
    assert data["warnings"] == []


def test_analyze_accepts_thai_digits_and_flags_official(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(
        capsys,
        "analyze",
        "--year",
        "๒๕๖๔",
        "--scores",
        TRANG,
        "--official-overall",
        "๙๕.๔๐",
        "--json",
    )
    data = json.loads(out)
    assert code == 0 and data["year"] == 2564
    assert any("95.36" in w and "95.40" in w for w in data["warnings"])


@pytest.mark.parametrize(
    "argv, fragment",
    [
        (["analyze", "--year", "2564", "--scores", "1,2,3"], "ต้องระบุคะแนน 10 ค่า"),
        (
            ["analyze", "--year", "2564", "--scores", TRANG.replace("94.42", "140")],
            "ต้องอยู่ระหว่าง 0 ถึง 100",
        ),
        (["analyze", "--year", "2564", "--scores", TRANG.replace("94.42", "abc")], "ไม่ใช่ตัวเลข"),
        (["analyze", "--year", "2599", "--scores", TRANG], "ไม่มีเกณฑ์การประเมิน"),
        (["analyze"], "คำสั่งหรืออาร์กิวเมนต์ไม่ถูกต้อง"),
        (["scores", "show", "--db", "/nonexistent/x.sqlite"], "ไม่พบไฟล์ฐานข้อมูล"),
    ],
)
def test_bad_input_exit_2_thai(
    capsys: pytest.CaptureFixture[str], argv: list[str], fragment: str
) -> None:
    code, _out, err = run(capsys, *argv)
    assert code == 2
    assert fragment in err and "Traceback" not in err
    assert len(err.strip().splitlines()) == 1


def test_scores_set_and_show(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "s.sqlite"
    repo = Repository.open(db)
    org_id = add_organization(repo, Organization("เทศบาลทดสอบ")).created_id
    assert org_id is not None
    create_year(repo, org_id, 2565)
    create_year(repo, org_id, 2566)
    repo.close()
    code, out, _ = run(
        capsys, "scores", "set", "--db", str(db), "--indicator", "4", "--score", "๙๒.๕"
    )
    assert code == 0 and "2566" in out
    code, out, _ = run(capsys, "scores", "show", "--db", str(db), "--org", "เทศบาลทดสอบ", "--json")
    data = json.loads(out)
    assert data["year"] == 2566 and data["scores"]["4"] == 92.5 and data["overall"] is None
    code, _, err = run(
        capsys, "scores", "set", "--db", str(db), "--indicator", "4", "--score", "101"
    )
    assert code == 2 and "0 ถึง 100" in err
    code, _, err = run(capsys, "scores", "show", "--db", str(db), "--year", "2560")
    assert code == 2 and "2560" in err
    code, _, err = run(capsys, "scores", "show", "--db", str(db), "--org", "ไม่มี")
    assert code == 2 and "ไม่พบหน่วยงาน" in err


def test_a_file_that_is_not_a_database_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "bad.sqlite"
    db.write_bytes(b"x" * 4096)
    code, _, err = run(capsys, "scores", "show", "--db", str(db))
    assert code == 2 and "เสียหาย" in err and "Traceback" not in err


def test_demo_refuses_to_overwrite(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "exists.sqlite"
    db.write_text("keep")
    code, _, err = run(capsys, "demo", "--db", str(db))
    assert code == 2 and "--force" in err
    assert db.read_text() == "keep"


def test_real_process_prints_no_traceback(tmp_path: Path) -> None:
    proc = subprocess.run(  # noqa: PLW1510 - the exit code is asserted
        [sys.executable, "-m", "ita_desktop", "analyze", "--year", "2564", "--scores", "x"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr and proc.stderr.strip()


def test_scores_import_bad_file_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "i.sqlite"
    repo = Repository.open(db)
    org_id = add_organization(repo, Organization("ท")).created_id
    assert org_id is not None
    create_year(repo, org_id, 2565)
    repo.close()
    bad = tmp_path / "bad.xlsx"
    bad.write_text("not excel")
    code, _, err = run(capsys, "scores", "import", "--db", str(db), "--file", str(bad))
    assert code == 2 and "ไม่ใช่ไฟล์ Excel" in err and "Traceback" not in err
