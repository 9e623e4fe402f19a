"""What the documents say of their own making is true of the data: no analysis claimed for a
year without scores, a plan said to focus only on the weak indicators its measures serve, a
preface that goes no further than the book, and no instructions for the program's user."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from ita_desktop.documents.blocks import Document, Table
from ita_desktop.documents.bundle import build_document
from ita_desktop.domain.models import Measure, Period
from ita_desktop.services.assessments import create_year, get_assessment, set_scores
from ita_desktop.services.measures import add_measure, list_measures, update_measure
from ita_desktop.services.progress import update_progress
from ita_desktop.services.reports import load_context
from ita_desktop.storage.repository import Repository
from tests.documents.fixtures import created, empty, trang

ANALYSED = ("ได้วิเคราะห์ผลการประเมิน", "นำผลการวิเคราะห์")
INSTRUCTIONS = ("โปรแกรม", "ส่วนนี้จะแสดง", "จะแสดงในส่วนนี้")


def _text(doc: Document) -> str:
    return "\n".join(doc.texts())


def _unscored_with_a_plan(path: Path) -> tuple[Repository, int]:
    """A year with no score yet, but a measure of the next year's plan reported on."""
    repo, org_id = empty(path)
    assessment = get_assessment(repo, org_id)
    m = Measure("มาตรการเผยแพร่ข้อมูลต่อสาธารณะ", [9], ["เผยแพร่ข้อมูล"], ["สำนักปลัด"], Period(True))
    mid = created(add_measure(repo, assessment.id, m))
    update_progress(repo, mid, 12, status="ดำเนินการแล้วเสร็จ", output="เผยแพร่แล้ว ๑๒ เรื่อง")
    return repo, org_id


def test_a_year_without_scores_claims_no_analysis(tmp_path: Path) -> None:
    repo, org_id = _unscored_with_a_plan(tmp_path / "u.sqlite")
    try:
        ctx = load_context(repo, org_id)
        assert not ctx.analysed
        for kind in ("measures", "results", "all"):
            text = _text(build_document(ctx, kind))
            assert not [w for w in ANALYSED if w in text], kind
        text = _text(build_document(ctx, "all"))
        assert "ได้กำหนดมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน" in text
    finally:
        repo.close()


def test_a_scored_year_still_says_it_was_analysed(tmp_path: Path) -> None:
    repo, org_id = trang(tmp_path / "t.sqlite")
    try:
        text = _text(build_document(load_context(repo, org_id, 2564), "all"))
    finally:
        repo.close()
    assert "ได้นำผลการวิเคราะห์การประเมินคุณธรรม" in text  # the plan's intro
    assert "ได้วิเคราะห์ผลการประเมินคุณธรรมและความโปร่งใส" in text  # the report's intro


def test_the_plan_focuses_only_on_weak_indicators_its_measures_serve(tmp_path: Path) -> None:
    """Trang 2564's weak indicators are 8 (การปรับปรุงการทำงาน) and 4 (การใช้ทรัพย์สินของ
    ราชการ); the plan names those a measure is linked to, and none when no measure is."""
    repo, org_id = trang(tmp_path / "t.sqlite")
    try:
        ctx = load_context(repo, org_id, 2564)
        assert sorted(ctx.analysis.weaknesses) == [4, 8]
        measures = list_measures(repo, ctx.assessment.id)  # type: ignore[arg-type]
        for m in measures:
            update_measure(repo, m.id, indicators=[8])  # type: ignore[arg-type]
        text = _text(build_document(load_context(repo, org_id, 2564), "measures"))
        assert "โดยเน้นตัวชี้วัดที่ต้องพัฒนา ได้แก่ การปรับปรุงการทำงาน ดังนี้" in text
        for m in measures:
            update_measure(repo, m.id, indicators=[1])  # type: ignore[arg-type]
        text = _text(build_document(load_context(repo, org_id, 2564), "measures"))
        assert "โดยเน้น" not in text
    finally:
        repo.close()


def test_no_document_tells_its_reader_how_to_use_the_program(tmp_path: Path) -> None:
    for make in (empty, _unscored_with_a_plan):
        repo, org_id = make(tmp_path / f"{make.__name__}.sqlite")
        try:
            ctx = load_context(repo, org_id)
            for kind in ("analysis", "measures", "results", "all"):
                text = _text(build_document(ctx, kind))
                assert not [w for w in INSTRUCTIONS if w in text], (make.__name__, kind)
        finally:
            repo.close()


def test_the_preface_goes_no_further_than_the_book(tmp_path: Path) -> None:
    repo, org_id = trang(tmp_path / "t.sqlite")
    try:
        ctx = load_context(repo, org_id, 2564)
        two = _text(build_document(ctx, "analysis,measures"))
        three = _text(build_document(ctx, "analysis,measures,results"))
    finally:
        repo.close()
    tail = "จนถึงการกำหนดมาตรการ"
    assert tail in two and "การดำเนินการตามมาตรการ" not in two.split(tail)[1].split("\n")[0]
    assert "จนถึงการกำหนดมาตรการและการดำเนินการตามมาตรการ" in three


def test_an_outcome_states_each_score_once(tmp_path: Path) -> None:
    """A reported outcome that already gives an indicator's score is not followed by the same
    score cited again; several results without a baseline say so once, not on every line
    (Nakhon Pathom 2567's measure linked to all ten indicators filled three pages)."""
    repo, org_id = _unscored_with_a_plan(tmp_path / "u.sqlite")
    try:
        assessment = get_assessment(repo, org_id)
        next_year = create_year_with_scores(repo, org_id, assessment.year + 1)
        (m,) = list_measures(repo, assessment.id)  # type: ignore[arg-type]
        update_measure(repo, m.id, indicators=[1, 2, 9])  # type: ignore[arg-type]
        update_progress(repo, m.id, 12, outcome="ตัวชี้วัดที่ ๙ ได้คะแนน ๙๗.๙๗ คะแนน")  # type: ignore[arg-type]
        ctx = load_context(repo, org_id, assessment.year)
        (table,) = [b for b in build_document(ctx, "results").blocks if isinstance(b, Table)]
    finally:
        repo.close()
    cell = next(c for c in table.rows[0].cells if any("๙๗.๙๗" in p for p in c.paragraphs))
    text = "\n".join(cell.paragraphs)
    assert text.count("๙๗.๙๗") == 1, text  # the user's own statement of indicator 9
    assert "ผลปี ๒๕๖๘ ได้ ๙๒.๒๒ คะแนน" in text and "ผลปี ๒๕๖๘ ได้ ๘๘.๐๐ คะแนน" in text
    assert text.count("ให้เปรียบเทียบ") == 1, text
    assert next_year == assessment.year + 1


def create_year_with_scores(repo: Repository, org_id: int, year: int) -> int:
    """The plan year with scores of indicators 1, 2 and 9 (92.22, 88.00, 97.97)."""
    assessment_id = created(create_year(repo, org_id, year))
    scores = {1: Decimal("92.22"), 2: Decimal("88.00"), 9: Decimal("97.97")}
    set_scores(repo, assessment_id, scores)
    return year
