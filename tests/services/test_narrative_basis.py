"""An edited section records the figures it was written for; a changed figure makes it
"ต้องตรวจ" until regenerated or confirmed; the export refuses it meanwhile; the exchange file
carries the basis."""

from __future__ import annotations

import json
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest

from ita_desktop.errors import ValidationError
from ita_desktop.importers.exchange_json import parse_exchange
from ita_desktop.services import assessments, exchange
from ita_desktop.services.export import export_document
from ita_desktop.services.reports import analysis_texts
from ita_desktop.storage.repository import Repository

D = Decimal
TRANG = "เทศบาลนครตรัง"


@pytest.fixture
def demo(demo_db: Path) -> Iterator[Repository]:
    repo = Repository.open(demo_db)
    yield repo
    repo.close()


def _trang(repo: Repository) -> tuple[int, int]:
    org = next(o for o in repo.organizations() if o.name == TRANG)
    assert org.id is not None
    a = assessments.get_assessment(repo, org.id)
    assert a.id is not None
    return org.id, a.id


def test_set_narrative_records_the_sections_figures_and_clearing_clears(
    demo: Repository,
) -> None:
    _, aid = _trang(demo)
    changes = assessments.set_narrative(demo, aid, "issues_EIT", "ข้อความของผู้ใช้")
    assert changes.before == "" and changes.details == {"basis": None}
    basis = assessments.get_assessment_by_id(demo, aid).narrative_basis["issues_EIT"]
    assert basis == {
        "EIT": "92.13",  # the official figure, which leads
        "threshold": "91",
        "6": "91.41",
        "7": "94.44",
        "8": "90.55",
    }
    changes = assessments.set_narrative(demo, aid, "issues_EIT", "")
    assert changes.before == "ข้อความของผู้ใช้" and changes.details == {"basis": basis}
    assert "issues_EIT" not in assessments.get_assessment_by_id(demo, aid).narrative_basis


def test_a_changed_score_marks_the_section_and_confirm_records_the_new_figures(
    demo: Repository,
) -> None:
    _, aid = _trang(demo)
    assessments.set_narrative(demo, aid, "weaknesses", "ตัวชี้วัดที่ 4 ได้ 90.76 คะแนน")
    assert [s.key for s in analysis_texts(demo, aid).stale if s.key == "weaknesses"] == []
    assessments.set_score(demo, aid, 4, D("84.80"))
    stale = {s.key: s for s in analysis_texts(demo, aid).stale}
    change = stale["weaknesses"].changes[0]
    assert (change.key, change.before, change.now) == ("4", "90.76", "84.80")
    old = assessments.get_assessment_by_id(demo, aid).narrative_basis["weaknesses"]
    changes = assessments.confirm_narrative(demo, aid, "weaknesses")
    assert changes.before == old
    assert "weaknesses" not in {s.key for s in analysis_texts(demo, aid).stale}
    assessments.confirm_narrative(demo, aid, "weaknesses", old)  # undo puts the old one back
    assert "weaknesses" in {s.key for s in analysis_texts(demo, aid).stale}
    with pytest.raises(ValidationError):
        assessments.confirm_narrative(demo, aid, "issues_OIT")  # nothing written there


def test_undo_of_an_edit_restores_the_old_basis(demo: Repository) -> None:
    _, aid = _trang(demo)
    assessments.set_narrative(demo, aid, "results", "ข้อความเดิม คะแนนรวม 95.36")
    old = assessments.get_assessment_by_id(demo, aid).narrative_basis["results"]
    assessments.set_score(demo, aid, 1, D("90.00"))
    assessments.set_narrative(demo, aid, "results", "ข้อความใหม่")
    assessments.set_narrative(demo, aid, "results", "ข้อความเดิม คะแนนรวม 95.36", old)
    a = assessments.get_assessment_by_id(demo, aid)
    assert a.narrative_basis["results"] == old
    assert "results" in {s.key for s in analysis_texts(demo, aid).stale}


def test_the_export_refuses_a_stale_section_until_confirmed(
    demo: Repository, tmp_path: Path
) -> None:
    org_id, aid = _trang(demo)
    assessments.set_narrative(demo, aid, "guidance", "")
    assessments.set_narrative(demo, aid, "weaknesses", "ตัวชี้วัดที่ 4 ได้ 90.76 คะแนน")
    assessments.set_score(demo, aid, 4, D("84.80"))
    out = tmp_path / "x.pdf"
    with pytest.raises(ValidationError) as caught:
        export_document(demo, org_id=org_id, year=2564, document="analysis", out=out)
    message = caught.value.user_message()
    assert "“จุดที่ต้องพัฒนา”" in message and "90.76 → 84.80" in message
    assert not out.exists()
    # the measures plan does not print that section: it exports
    export_document(demo, org_id=org_id, year=2564, document="measures", out=out)
    assert out.exists()


def test_the_exchange_file_carries_the_basis(demo: Repository, tmp_path: Path) -> None:
    _, aid = _trang(demo)
    assessments.set_narrative(demo, aid, "weaknesses", "ตัวชี้วัดที่ 4 ได้ 90.76 คะแนน")
    exchange.export_exchange(demo, tmp_path / "a.json")
    data = json.loads((tmp_path / "a.json").read_bytes())
    trang = next(o for o in data["organizations"] if o["name"] == TRANG)
    narratives = trang["years"][0]["narratives"]
    assert narratives["basis"]["weaknesses"]["4"] == "90.76"
    other = Repository.open(tmp_path / "other.sqlite")
    try:
        exchange.import_exchange(other, parse_exchange((tmp_path / "a.json").read_bytes(), "a"))
        org = next(o for o in other.organizations() if o.name == TRANG)
        assert org.id is not None
        copied = assessments.get_assessment(other, org.id)
        original = assessments.get_assessment_by_id(demo, aid)
        assert copied.narrative_basis == original.narrative_basis
    finally:
        other.close()
