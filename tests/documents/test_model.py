"""The document model: every figure from the core, digits localised, empty data said politely."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from ita_desktop.documents.blocks import BarChart, Document, Table, TableOfContents, TrendChart
from ita_desktop.documents.bundle import build_document
from ita_desktop.documents.text import localize, period_text
from ita_desktop.domain.models import Period
from ita_desktop.errors import ValidationError
from ita_desktop.services.reports import load_context
from ita_desktop.thai.digits import to_arabic_digits
from tests.documents.fixtures import URL, empty, trang


@pytest.fixture
def trang_ctx(tmp_path: Path):
    repo, org_id = trang(tmp_path / "t.sqlite")
    yield load_context(repo, org_id, 2564)
    repo.close()


def _tables(doc: Document) -> list[Table]:
    return [b for b in doc.blocks if isinstance(b, Table)]


def _text(doc: Document) -> str:
    return "\n".join(doc.texts())


def test_analysis_report_figures_come_from_the_core(trang_ctx) -> None:
    doc = build_document(trang_ctx, "analysis")
    text = _text(doc)
    assert "เทศบาลนครตรัง" in text and "๙๕.๓๖" in text and "AA" in text
    assert "๙๐.๗๖" in text and "๙๒.๗๖" not in text  # seed 001's inconsistency cannot happen
    assert any(isinstance(b, TableOfContents) for b in doc.blocks)
    assert next(h.text for h in doc.headings()) == "๑. หลักการและเหตุผล"
    # what each strength measures is printed with it
    assert "เป็นคะแนนจากการประเมินการรับรู้ของบุคลากรภายในหน่วยงาน" in text


def test_ranked_table_is_sorted(trang_ctx) -> None:
    doc = build_document(
        trang_ctx,
        "analysis",
    )
    ranking = next(t for t in _tables(doc) if "เรียงจากมากไปน้อย" in t.caption)
    scores = [float(to_arabic_digits(r.cells[3].paragraphs[0])) for r in ranking.rows]
    assert scores == sorted(scores, reverse=True) and len(scores) == 10
    ranks = [int(to_arabic_digits(r.cells[0].paragraphs[0])) for r in ranking.rows]
    assert ranks[:3] == [1, 1, 3]


def test_charts_include_target_and_trend(trang_ctx) -> None:
    doc = build_document(trang_ctx, "analysis")
    bars = [b for b in doc.blocks if isinstance(b, BarChart)]
    assert len(bars) == 2 and all(b.target == trang_ctx.analysis.target for b in bars)
    assert len(bars[0].items) == 10
    trend = [b for b in doc.blocks if isinstance(b, TrendChart)]
    assert trend and trend[0].years == ["๒๕๖๓", "๒๕๖๔"]


def test_arabic_digit_option_and_urls_untouched(tmp_path: Path) -> None:
    repo, org_id = trang(tmp_path / "t.sqlite")
    ctx = load_context(repo, org_id, 2564, thai_digits=False)
    text = _text(build_document(ctx, "all"))
    repo.close()
    assert "95.36" in text and not re.search("[๐-๙]", text)
    assert URL in text


def test_thai_digits_spare_urls_and_codes() -> None:
    assert localize(f"ดู {URL} หน้า 12", True) == f"ดู {URL} หน้า ๑๒"
    assert localize("ติดต่อ ita2565@trang.go.th โทร 075", True) == "ติดต่อ ita2565@trang.go.th โทร ๐๗๕"
    assert localize("ข้อ O12 ปี 2565", True) == "ข้อ O12 ปี ๒๕๖๕"


def test_period_text() -> None:
    assert period_text(Period(True), 2565) == "ตลอดปีงบประมาณ พ.ศ. 2565"
    assert period_text(Period(), 2565) == ""  # never set: not printed as the whole year
    assert period_text(Period(False, 1, None, 4, None), 2565) == "มกราคม 2565 – เมษายน 2565"
    assert period_text(Period(False, 10, None, 3, None), 2565) == "ตุลาคม 2564 – มีนาคม 2565"
    assert period_text(Period(text="ไตรมาสที่ ๒"), 2565) == "ไตรมาสที่ 2"  # localised later


def test_measures_plan_one_row_per_measure(tmp_path: Path) -> None:
    repo, org_id = trang(tmp_path / "t.sqlite", measures=7)
    doc = build_document(load_context(repo, org_id, 2564), "measures")
    repo.close()
    (table,) = _tables(doc)
    assert len(table.rows) == 7 and len(table.header[0].cells) == 6
    assert table.rows[6].cells[0].paragraphs[0].startswith("๗. มาตรการที่ ๗")
    assert table.rows[0].cells[1].paragraphs[0].startswith("๑) แต่งตั้งคณะทำงาน")
    assert "ตัวชี้วัดที่ ๔\nการใช้ทรัพย์สินของราชการ" in table.rows[0].cells[5].paragraphs
    assert "๒๕๖๕" in doc.title


def test_implementation_report_cites_scores_and_status(trang_ctx) -> None:
    doc = build_document(trang_ctx, "results")
    (table,) = _tables(doc)
    outcome = table.rows[0].cells[5].paragraphs
    assert any("ตัวชี้วัดที่ ๔" in p and "๙๐.๗๖" in p for p in outcome)
    assert table.rows[0].cells[6].paragraphs == ["ดำเนินการแล้วเสร็จ"]
    assert table.rows[2].cells[6].paragraphs == ["ยังไม่ได้รายงานผล"]
    text = _text(doc)
    assert "บุคลากรบางส่วนยังไม่เข้าใจขั้นตอน" in text  # the round's own problems text
    assert "ควรจัดอบรมต่อเนื่องทุกปี" in text  # suggestions collected from the measures
    assert "นายทดสอบ ระบบดี" in text


def test_six_month_round(tmp_path: Path) -> None:
    repo, org_id = trang(tmp_path / "t.sqlite")
    doc = build_document(load_context(repo, org_id, 2564, round_months=6), "results")
    repo.close()
    assert "รอบ ๖ เดือน (ต.ค. ๒๕๖๔ – มี.ค. ๒๕๖๕)" in _text(doc)


def test_empty_assessment_says_so(tmp_path: Path) -> None:
    repo, org_id = empty(tmp_path / "e.sqlite")
    doc = build_document(load_context(repo, org_id), "all")
    repo.close()
    text = _text(doc)
    assert "ยังไม่ได้กรอกคะแนน" in text and "ยังไม่ได้กำหนดมาตรการ" in text
    assert "ทุกตัวชี้วัดได้คะแนนตั้งแต่" not in text  # nothing passed: there is no score
    assert not [b for b in doc.blocks if isinstance(b, (BarChart, TrendChart))]


def test_unknown_kind_and_round(trang_ctx, tmp_path: Path) -> None:
    with pytest.raises(ValidationError):
        build_document(trang_ctx, "minutes")
    repo, org_id = empty(tmp_path / "e.sqlite")
    with pytest.raises(ValidationError):
        load_context(repo, org_id, round_months=9)
    repo.close()
