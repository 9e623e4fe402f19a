"""The consistency check: every demo document is clean; planted contradictions — including the
ones the seed documents themselves contain, entered as user text — are each found and placed."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from ita_desktop.documents.blocks import Cell, Document, Heading, Paragraph, Row, Table
from ita_desktop.documents.consistency import check_document
from ita_desktop.documents.consistency_facts import facts_of
from ita_desktop.services import assessments, report_settings
from ita_desktop.services.checks import CheckResult, check
from ita_desktop.services.reports import load_context
from ita_desktop.storage.repository import Repository

D = Decimal
TRANG, NAKHON_PHANOM, NAKHON_PATHOM, NA_BON = (
    "เทศบาลนครตรัง",
    "องค์การบริหารส่วนจังหวัดนครพนม",
    "เทศบาลเมืองนครปฐม",
    "เทศบาลตำบลนาบอน",
)
# seed 004's "ranked" table, which is not in order
SEED_004_RANKING = (
    "อันดับ ตัวชี้วัด คะแนน\n1 การเปิดเผยข้อมูล 100.00\n2 การป้องกันการทุจริต 80.00\n"
    "3 การปฏิบัติหน้าที่ 95.77\n4 ประสิทธิภาพการสื่อสาร 91.25\n5 การใช้อำนาจ 89.26\n"
    "6 การปรับปรุงการทำงาน 90.54"
)
# seed 001's weakness paragraph: 92.76 where the score (and its own ranking list) is 90.76
SEED_001_WEAKNESS = (
    "๓.๒ จุดอ่อนหรือข้อบกพร่อง จำนวน ๒ ตัวชี้วัด\n\n"
    "๓.๒.๑ ตัวชี้วัดการใช้ทรัพย์สินของราชการ ได้คะแนนเท่ากับ ๙๒.๗๖ คะแนน "
    "เป็นคะแนนจากการประเมินการรับรู้ของบุคลากรภายในหน่วยงานต่อการใช้ทรัพย์สินของราชการ"
)


@pytest.fixture
def repo(demo_db: Path):
    db = Repository.open(demo_db)
    yield db
    db.close()


def _ids(db: Repository) -> dict[str, int]:
    ids = {o.name: o.id for o in db.organizations()}
    assert all(v is not None for v in ids.values())
    return ids  # type: ignore[return-value]


def _aid(db: Repository, org_id: int, year: int | None = None) -> int:
    a = assessments.get_assessment(db, org_id, year)
    assert a.id is not None
    return a.id


def _kinds(result: CheckResult) -> list[str]:
    return [f.kind for f in result.findings]


def test_every_demo_document_is_clean(repo: Repository) -> None:
    for org in repo.organizations():
        assert org.id is not None
        for year in assessments.years(repo, org.id):
            for months in (6, 12):
                for document in ("all", "analysis", "measures", "results"):
                    result = check(repo, org.id, year, document=document, round_months=months)
                    assert result.findings == [], (org.name, year, months, document)


def test_stale_score_after_an_edit_is_found_twice(repo: Repository) -> None:
    """The issue's path: edit "จุดที่ต้องพัฒนา", then correct indicator 4 from 88.40 to 84.80."""
    org = _ids(repo)[TRANG]
    aid = _aid(repo, org)
    assessments.set_narrative(repo, aid, "guidance", "")  # the demo's own text: not this test's
    assessments.set_score(repo, aid, 4, D("88.40"))
    generated = load_context(repo, org).generated["weaknesses"]
    assert "88.40" in generated
    assessments.set_narrative(repo, aid, "weaknesses", generated + "\n\nหน่วยงานได้ทบทวนแล้ว")
    assert check(repo, org).findings == []
    assessments.set_score(repo, aid, 4, D("84.80"))
    result = check(repo, org)
    assert _kinds(result) == ["stale", "indicator"]
    stale, wrong = result.findings
    assert "จุดที่ต้องพัฒนา" in stale.where and "88.40 เป็น 84.80" in stale.message
    assert "3.2 จุดที่ต้องพัฒนา" in wrong.where
    assert "ระบุว่า 88.40 แต่คะแนนจริงคือ 84.80" in wrong.message and "88.40" in wrong.excerpt
    # confirming records the new figures: the section is no longer stale, but its text still
    # says 88.40, which the text check keeps finding
    assessments.confirm_narrative(repo, aid, "weaknesses")
    assert _kinds(check(repo, org)) == ["indicator"]
    assessments.set_narrative(repo, aid, "weaknesses", "")  # back to the generated text
    assert check(repo, org).findings == []


def test_seed_001_two_scores_for_one_indicator(repo: Repository) -> None:
    org = _ids(repo)[TRANG]
    assessments.set_narrative(repo, _aid(repo, org), "weaknesses", SEED_001_WEAKNESS)
    result = check(repo, org)
    assert _kinds(result) == ["indicator"]
    assert "ตัวชี้วัดที่ 4 การใช้ทรัพย์สินของราชการ" in result.findings[0].message
    assert "92.76" in result.findings[0].message and "90.76" in result.findings[0].message


def test_another_towns_name(repo: Repository) -> None:
    """Seed 000: the title names one town, the body another."""
    org = _ids(repo)[NAKHON_PHANOM]
    text = (
        "ผลคะแนนการประเมิน ITA ประจำปีงบประมาณ พ.ศ.2566 ขององค์การบริหารส่วนจังหวัดนครพนม "
        "เท่ากับ 90.16 คะแนน อยู่ในระดับ ผ่านดี เทศบาลเมืองนครปฐมได้ให้ความสำคัญกับการส่งเสริม"
        "คุณธรรม ณ อำเภอเมืองนครปฐม จังหวัดนครปฐม และเทศบาลตำบลนาบอน"
    )
    assessments.set_narrative(repo, _aid(repo, org), "results", text)
    messages = [f.message for f in check(repo, org).findings]
    assert messages == [
        "มีชื่อหน่วยงานอื่น “เทศบาลเมืองนครปฐม”",
        "มีชื่อหน่วยงานอื่น “เทศบาลตำบลนาบอน”",
        "มีชื่อจังหวัดอื่น “จังหวัดนครปฐม”",
        "มีชื่ออำเภออื่น “อำเภอเมืองนครปฐม”",
    ]


def test_ranked_claim_on_an_unsorted_list(repo: Repository) -> None:
    """Seed 004: a "ranked" table whose scores are not in order."""
    org = _ids(repo)[NAKHON_PHANOM]
    assessments.set_narrative(repo, _aid(repo, org), "results", SEED_004_RANKING)
    (finding,) = check(repo, org).findings
    assert finding.kind == "ranking" and "2. ผลการประเมิน" in finding.where
    assert "การปฏิบัติหน้าที่ 95.77" in finding.message
    assert "การป้องกันการทุจริต 80.00" in finding.message


def test_figures_levels_thresholds_years_and_rounds(repo: Repository) -> None:
    org = _ids(repo)[TRANG]
    aid = _aid(repo, org)
    assessments.set_narrative(
        repo,
        aid,
        "results",
        "ผลการประเมินประจำปีงบประมาณ พ.ศ. 2564 โดยภาพรวมได้คะแนนร้อยละ 94.36 อยู่ในระดับ A "
        "แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายใน (IIT) ได้คะแนนเท่ากับ 93.39 "
        "และจะพัฒนาต่อในปีงบประมาณ พ.ศ. 2570",
    )
    assessments.set_narrative(
        repo,
        aid,
        "strengths",
        "จุดแข็ง (ตัวชี้วัดที่ได้คะแนนตั้งแต่ร้อยละ 90 ขึ้นไป) จำนวน 9 ตัวชี้วัด\n\n"
        "ตัวชี้วัดที่ 8 การปรับปรุงการทำงาน ได้คะแนนเท่ากับ 90.55 คะแนน",
    )
    report_settings.set_round_text(repo, aid, "summary", 6, "สรุปผลรอบ 12 เดือน ครบทุกมาตรการ")
    # the three documents (the demo's Trang bundle is analysis + measures, as seed 001)
    result = check(repo, org, document="analysis,measures,results", round_months=6)
    found = {(f.kind, f.message) for f in result.findings}
    assert ("overall", "คะแนนรวม ปี 2564 ระบุว่า 94.36 แต่คะแนนจริงคือ 95.36") in found
    assert ("tool", "คะแนน IIT ปี 2564 ระบุว่า 93.39 แต่คะแนนจริงคือ 92.39") in found
    assert ("level", "ระบุระดับ A แต่ระดับผลการประเมินปี 2564 คือ AA") in found
    kinds = _kinds(result)
    assert kinds.count("threshold") == 3  # the limit 90, the count 9, indicator 8 (90.55 < 91)
    assert "year" in kinds and "round" in kinds
    assert not [f for f in result.findings if f.kind == "stale"]


def test_tables_said_to_be_ranked_and_their_ranks(repo: Repository) -> None:
    ctx = load_context(repo, _ids(repo)[TRANG])
    facts = facts_of(ctx, repo.organizations())
    header = [Row([Cell.of("อันดับ"), Cell.of("ตัวชี้วัด"), Cell.of("คะแนน")], "header")]
    rows = [
        Row([Cell.of("1"), Cell.of("การเปิดเผยข้อมูล"), Cell.of("100.00")]),
        Row([Cell.of("2"), Cell.of("การปรับปรุงการทำงาน"), Cell.of("90.55")]),
        Row([Cell.of("3"), Cell.of("การปฏิบัติหน้าที่"), Cell.of("94.42")]),
    ]
    doc = Document(
        "x",
        [
            Heading("2. ผลการประเมิน"),
            Paragraph("คะแนนเรียงจากมากไปน้อย ดังนี้"),
            Table([1, 3, 1], header, rows, caption="ตารางที่ 1 คะแนนรายตัวชี้วัด"),
        ],
    )
    findings = check_document(doc, facts)
    assert [f.kind for f in findings] == ["ranking", "ranking"]
    assert "ตารางที่ 1" in findings[0].where
    assert "อันดับ 2 แต่ตามคะแนนควรเป็นอันดับ 3" in findings[1].message


def test_thai_digits_are_read_like_arabic(repo: Repository) -> None:
    org = _ids(repo)[TRANG]
    aid = _aid(repo, org)
    report_settings.set_setting(repo, aid, "thai_digits", True)
    assessments.set_narrative(repo, aid, "weaknesses", SEED_001_WEAKNESS)
    assert _kinds(check(repo, org)) == ["indicator"]
