"""`import xlsx` and `export xlsx` on the command line: preview, refusals with exit code 2 and
every problem listed, a new database created only when the import succeeds."""

from __future__ import annotations

from pathlib import Path

import pytest

from ita_desktop.cli.main import main
from ita_desktop.documents import workbook_layout as L
from tests.importers.fixtures import ORG, cells, digest, edit


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_dry_run_lists_the_changes_and_writes_nothing(
    book: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    db, path = book
    edit(path, L.SCORES, {"D4": 95})
    before = digest(db)
    code, out, err = run(capsys, "import", "xlsx", "--db", str(db), str(path), "--dry-run")
    assert code == 0 and err == ""
    assert f"{ORG} ปีงบประมาณ 2565" in out and "คะแนนตัวชี้วัดที่ 1: 80.50 → 95" in out
    assert "--dry-run" in out and digest(db) == before


def test_refused_workbook_exits_2_listing_every_problem(
    book: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    db, path = book
    edit(path, L.SCORES, {"D4": 92.345, "D5": "92%"})
    before = digest(db)
    code, _out, err = run(capsys, "import", "xlsx", "--db", str(db), str(path))
    assert code == 2 and "Traceback" not in err
    assert "พบปัญหา 2 รายการ" in err and "เซลล์ D4" in err and "เซลล์ D5" in err
    assert digest(db) == before


def test_wrong_organisation_exits_2(
    book: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    db, path = book
    code, _out, err = run(capsys, "import", "xlsx", "--db", str(db), str(path), "--year", "2566")
    assert code == 2 and "ปีงบประมาณ 2565" in err and "2566" in err


def test_new_database_is_created_and_exports_the_same_cells(
    book: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _db, path = book
    new = tmp_path / "new.sqlite"
    code, out, _err = run(capsys, "import", "xlsx", "--db", str(new), str(path))
    assert code == 0 and "สร้างหน่วยงานใหม่" in out and new.exists()
    again = tmp_path / "again.xlsx"
    code, _out, err = run(capsys, "export", "xlsx", "--db", str(new), "--out", str(again))
    assert code == 0, err
    assert cells(again) == cells(path)


def test_a_refused_import_leaves_no_new_database(
    book: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _db, path = book
    edit(path, L.SCORES, {"D4": True})
    new = tmp_path / "new.sqlite"
    code, _out, err = run(capsys, "import", "xlsx", "--db", str(new), str(path))
    assert code == 2 and "จริง/เท็จ" in err and not new.exists()


def test_scores_import_refuses_a_workbook_of_another_year(
    book: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    db, path = book
    from ita_desktop.services.assessments import create_year
    from ita_desktop.storage.repository import Repository

    repo = Repository.open(db)
    create_year(repo, repo.organizations()[0].id or 0, 2566)
    repo.close()
    before = digest(db)
    code, _out, err = run(
        capsys, "scores", "import", "--db", str(db), "--year", "2566", "--file", str(path)
    )
    assert code == 2 and "ไม่ใช่ของ" in err and digest(db) == before


def test_scores_import_takes_the_organisation_the_workbook_names(
    demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    nabon = tmp_path / "nabon.xlsx"
    code, _out, err = run(
        capsys, "export", "xlsx", "--db", str(demo_db), "--org", "นาบอน", "--out", str(nabon)
    )
    assert code == 0, err
    edit(nabon, L.SCORES, {"D4": 77.25})
    trang_before = run(capsys, "scores", "show", "--db", str(demo_db), "--json")[1]
    assert "เทศบาลนครตรัง" in trang_before  # the first organisation: what no --org used to pick
    # --org naming another organisation: refused, nothing changed
    before = digest(demo_db)
    code, _out, err = run(
        capsys, "scores", "import", "--db", str(demo_db), "--org", "1", "--file", str(nabon)
    )
    assert code == 2 and "ไม่ใช่ของ “เทศบาลนครตรัง”" in err and digest(demo_db) == before
    # no --org: the workbook's own organisation and year
    code, out, err = run(capsys, "scores", "import", "--db", str(demo_db), "--file", str(nabon))
    assert code == 0, err
    assert "คะแนนตัวชี้วัดที่ 1:" in out and "→ 77.25" in out
    assert out.rstrip().endswith("ให้ เทศบาลตำบลนาบอน ปีงบประมาณ 2564 แล้ว")
    shown = run(capsys, "scores", "show", "--db", str(demo_db), "--org", "นาบอน", "--json")[1]
    assert '"1": 77.25' in shown
    assert run(capsys, "scores", "show", "--db", str(demo_db), "--json")[1] == trang_before


def test_export_xlsx_takes_the_suffix_in_any_case_and_refuses_another(
    book: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db, path = book
    upper = tmp_path / "REPORT.XLSX"
    code, _out, err = run(capsys, "export", "xlsx", "--db", str(db), "--out", str(upper))
    assert code == 0, err
    assert cells(upper) == cells(path)
    for name in ("report", "report.pdf"):
        code, _out, err = run(
            capsys, "export", "xlsx", "--db", str(db), "--out", str(tmp_path / name)
        )
        assert code == 2 and "ต้องลงท้ายด้วย .xlsx เช่น “report.xlsx”" in err
        assert not (tmp_path / name).exists()
