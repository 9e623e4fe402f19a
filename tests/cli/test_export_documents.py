"""`export pdf --document` takes one document, a comma list or all; the round defaults to the
latest one with anything reported."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from ita_desktop.cli import main as cli_main
from ita_desktop.cli.export import document_argument
from ita_desktop.errors import ValidationError
from ita_desktop.services import progress
from ita_desktop.services.report_settings import set_round_text
from ita_desktop.storage.repository import Repository
from tests.documents.fixtures import trang
from tests.pdf_checks import pdftotext


@pytest.fixture
def db(tmp_path: Path) -> Path:
    repo, _ = trang(tmp_path / "t.sqlite", measures=2)
    repo.close()
    return tmp_path / "t.sqlite"


def _export(capsys: pytest.CaptureFixture[str], db: Path, out: Path, *extra: str) -> str:
    code = cli_main.main(["export", "pdf", "--db", str(db), "--out", str(out), *extra])
    _out, err = capsys.readouterr()
    assert code == 0 and err == ""
    return re.sub(r"\s+", "", pdftotext(out))


def test_a_comma_list_makes_a_bundle_of_those_documents(capsys, db: Path, tmp_path: Path) -> None:
    text = _export(capsys, db, tmp_path / "am.pdf", "--document", "measures,analysis")
    assert "ส่วนที่๑" in text and "ส่วนที่๒" in text and "ส่วนที่๓" not in text
    assert "รายงานผลการดำเนินการตามมาตรการส่งเสริม" not in text
    assert document_argument("Analysis, Measures") == "analysis,measures"
    assert document_argument("all") == "all"


@pytest.mark.parametrize("bad", ["minutes", "analysis,minutes", ",", "all,analysis"])
def test_an_unknown_document_is_a_thai_usage_error(capsys, db: Path, tmp_path: Path, bad) -> None:
    with pytest.raises(ValidationError):
        document_argument(bad)
    out = tmp_path / "x.pdf"
    code = cli_main.main(["export", "pdf", "--db", str(db), "--out", str(out), "--document", bad])
    _out, err = capsys.readouterr()
    assert code == 2 and "ไม่รู้จักเอกสาร" in err and not out.exists()


def test_the_round_defaults_to_the_latest_with_data(capsys, db: Path, tmp_path: Path) -> None:
    repo = Repository.open(db)
    a = repo.assessment(1, 2564)
    assert a.id is not None
    for m in repo.measures(a.id):  # Na Bon: only the 6-month round was reported
        assert m.id is not None
        progress.update_progress(repo, m.id, 12, status="", output="", outcome="", suggestions="")
        progress.update_progress(repo, m.id, 6, status="อยู่ระหว่างดำเนินการ", output="เริ่มแล้ว")
    set_round_text(repo, a.id, "problems", 12, "")
    repo.close()
    text = _export(capsys, db, tmp_path / "r.pdf", "--document", "results")
    assert "รอบ๖เดือน" in text and "รอบ๑๒เดือน" not in text
    text = _export(capsys, db, tmp_path / "r12.pdf", "--document", "results", "--round", "12")
    assert "ยังไม่ได้รายงานผลการดำเนินการตามมาตรการ" in text  # said honestly, no table
