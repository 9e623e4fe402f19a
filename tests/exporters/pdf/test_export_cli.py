"""`export pdf`: writes the file, exit code 2 with a Thai message on bad arguments."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from ita_desktop.cli import export as export_command
from ita_desktop.cli import main as cli_main
from tests.documents.fixtures import trang
from tests.pdf_checks import pdftotext


@pytest.fixture(autouse=True)
def _registered(monkeypatch: pytest.MonkeyPatch) -> None:
    if export_command not in cli_main.COMMANDS:  # until main.py lists the command itself
        monkeypatch.setattr(cli_main, "COMMANDS", [*cli_main.COMMANDS, export_command])


@pytest.fixture
def db(tmp_path: Path) -> Path:
    repo, _ = trang(tmp_path / "t.sqlite", measures=2)
    repo.close()
    return tmp_path / "t.sqlite"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = cli_main.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_writes_the_pdf_with_defaults(capsys, db: Path, tmp_path: Path) -> None:
    out = tmp_path / "ita.pdf"
    code, stdout, err = run(capsys, "export", "pdf", "--db", str(db), "--out", str(out))
    assert code == 0 and err == ""
    assert out.read_bytes().startswith(b"%PDF-") and "เทศบาลนครตรัง" in stdout


def test_every_option(capsys, db: Path, tmp_path: Path) -> None:
    out = tmp_path / "r6.pdf"
    code, _, err = run(
        capsys,
        "export",
        "pdf",
        "--db",
        str(db),
        "--out",
        str(out),
        "--org",
        "เทศบาลนครตรัง",
        "--year",
        "2564",
        "--document",
        "results",
        "--round",
        "6",
        "--arabic-digits",
    )
    assert code == 0 and err == "" and out.exists()
    text = pdftotext(out)
    assert "รอบ 6 เดือน" in text and "๖" not in text


@pytest.mark.parametrize(
    "args, words",
    [
        (["--org", "เทศบาลที่ไม่มี"], "ไม่พบหน่วยงาน"),
        (["--org", "99"], "ไม่พบหน่วยงาน"),
        (["--year", "2570"], "ยังไม่มีการประเมินปีงบประมาณ 2570"),
        (["--round", "9"], "รอบการรายงานต้องเป็น 6 หรือ 12 เดือน"),
        (["--document", "minutes"], "ไม่รู้จักเอกสาร"),
        (["--year", "สองพัน"], "ปีงบประมาณ (--year) ต้องเป็นตัวเลขปี พ.ศ."),
    ],
)
def test_bad_arguments_exit_2_in_thai(
    capsys, db: Path, tmp_path: Path, args: list[str], words: str
) -> None:
    out = tmp_path / "x.pdf"
    code, stdout, err = run(capsys, "export", "pdf", "--db", str(db), "--out", str(out), *args)
    assert code == 2 and words in err and "Traceback" not in err + stdout
    assert not out.exists()


def test_missing_database_and_out(capsys, tmp_path: Path) -> None:
    code, _, err = run(
        capsys,
        "export",
        "pdf",
        "--db",
        str(tmp_path / "none.sqlite"),
        "--out",
        str(tmp_path / "x.pdf"),
    )
    assert code == 2 and "ไม่พบไฟล์ฐานข้อมูล" in err
    code, _, err = run(capsys, "export", "pdf", "--db", str(tmp_path / "none.sqlite"))
    assert code == 2 and "อาร์กิวเมนต์ไม่ถูกต้อง" in err


def test_no_traceback_from_a_real_process(db: Path, tmp_path: Path) -> None:
    code = (
        "import sys\n"
        "from ita_desktop.cli import main as m, export as e\n"
        "m.COMMANDS = m.COMMANDS if e in m.COMMANDS else [*m.COMMANDS, e]\n"
        "sys.exit(m.main(sys.argv[1:]))\n"
    )
    proc = subprocess.run(
        [
            sys.executable,
            "-c",
            code,
            "export",
            "pdf",
            "--db",
            str(db),
            "--out",
            str(tmp_path / "x.pdf"),
            "--round",
            "7",
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    assert "รอบการรายงานต้องเป็น 6 หรือ 12 เดือน" in proc.stderr
