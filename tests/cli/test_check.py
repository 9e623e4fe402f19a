"""`check`: exit 0 on every demo document, exit 2 naming each planted contradiction."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

from ita_desktop.cli.main import main
from ita_desktop.services import assessments
from ita_desktop.storage.repository import Repository


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_every_demo_organisation_and_year_is_clean(
    capsys: pytest.CaptureFixture[str], demo_db: Path
) -> None:
    code, out, _ = run(capsys, "orgs", "--db", str(demo_db), "--json")
    assert code == 0
    for org in json.loads(out):
        for year in org["years"]:
            code, out, err = run(
                capsys, "check", "--db", str(demo_db), "--org", str(org["id"]), "--year", str(year)
            )
            assert code == 0, out + err
            assert "ไม่พบข้อความที่ขัดกับข้อมูล" in out


def test_planted_contradictions_exit_2_and_are_named(
    capsys: pytest.CaptureFixture[str], demo_db: Path
) -> None:
    db = Repository.open(demo_db)
    try:
        org = next(o for o in db.organizations() if o.name == "เทศบาลนครตรัง")
        assert org.id is not None
        a = assessments.get_assessment(db, org.id)
        assert a.id is not None
        assessments.set_narrative(db, a.id, "guidance", "")
        assessments.set_score(db, a.id, 4, Decimal("88.40"))
        assessments.set_narrative(
            db,
            a.id,
            "weaknesses",
            "ตัวชี้วัดที่ 4 การใช้ทรัพย์สินของราชการ ได้คะแนนเท่ากับ 88.40 คะแนน "
            "ตามที่องค์การบริหารส่วนจังหวัดนครพนมรายงาน",
        )
        assessments.set_score(db, a.id, 4, Decimal("84.80"))
    finally:
        db.close()
    code, out, _ = run(capsys, "check", "--db", str(demo_db), "--org", "เทศบาลนครตรัง")
    assert code == 2
    assert "พบ 3 จุดที่ต้องแก้" in out
    assert "ข้อความ “จุดที่ต้องพัฒนา”" in out and "88.40 เป็น 84.80" in out
    assert "ระบุว่า 88.40 แต่คะแนนจริงคือ 84.80" in out
    assert "มีชื่อหน่วยงานอื่น “องค์การบริหารส่วนจังหวัดนครพนม”" in out
    code, out, _ = run(capsys, "check", "--db", str(demo_db), "--org", "เทศบาลนครตรัง", "--json")
    data = json.loads(out)
    assert code == 2 and data["clean"] is False
    assert [f["kind"] for f in data["findings"]] == ["stale", "indicator", "name"]
    assert all(f["where"] and f["message"] for f in data["findings"])


def test_bad_arguments_exit_2(capsys: pytest.CaptureFixture[str], demo_db: Path) -> None:
    code, _, err = run(capsys, "check", "--db", str(demo_db), "--round", "9")
    assert code == 2 and "6 หรือ 12" in err
    code, _, err = run(capsys, "check", "--db", str(demo_db / "missing.sqlite"))
    assert code == 2
