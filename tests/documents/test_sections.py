"""Bundles and sections as chosen, the seeds' content: every option changes the document model
as the report settings say, and nothing prints that the user did not write or choose."""

from __future__ import annotations

import base64
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from ita_desktop.documents import announcement, by_indicator
from ita_desktop.documents.blocks import (
    BarChart,
    Closing,
    Cover,
    Document,
    Emblem,
    Heading,
    Orientation,
    Paragraph,
    Signatures,
    Table,
    TableOfContents,
    TrendChart,
)
from ita_desktop.documents.bundle import build_document, chosen, parse_kind
from ita_desktop.documents.common import executive_title
from ita_desktop.documents.context import ReportContext
from ita_desktop.domain.models import Organization, Period, TableColumn
from ita_desktop.errors import ValidationError
from ita_desktop.services import assessments, measures, organizations, progress
from ita_desktop.services.report_settings import get_settings, set_round_text, set_setting
from ita_desktop.services.reports import load_context
from ita_desktop.storage.repository import Repository
from tests.documents.fixtures import created, empty, trang

PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="
)


@pytest.fixture
def db(tmp_path: Path) -> Iterator[tuple[Repository, int, int]]:
    repo, org_id = trang(tmp_path / "t.sqlite")
    a = repo.assessment(org_id, 2564)
    assert a.id is not None
    yield repo, org_id, a.id
    repo.close()


def _ctx(repo: Repository, org_id: int, **kw: object) -> ReportContext:
    return load_context(repo, org_id, 2564, **kw)  # type: ignore[arg-type]


def _text(doc: Document) -> str:
    return "\n".join(doc.texts())


def _headings(doc: Document) -> list[str]:
    return [b.text for b in doc.blocks if isinstance(b, Heading)]


def _tables(doc: Document) -> list[Table]:
    return [b for b in doc.blocks if isinstance(b, Table)]


def _header(t: Table) -> list[str]:
    return [c.paragraphs[0] for c in t.header[0].cells]


# bundles --------------------------------------------------------------------------------
def test_document_kinds_parse_as_a_bundle_in_its_order() -> None:
    assert parse_kind("all") is None
    assert parse_kind("measures,analysis") == ["analysis", "measures"]
    assert parse_kind(" Results + measures ") == ["measures", "results"]
    for bad in ("minutes", "analysis,minutes", "", ","):
        with pytest.raises(ValidationError) as info:
            parse_kind(bad)
        assert "ไม่รู้จักเอกสาร" in info.value.thai


def test_analysis_and_measures_print_without_part_three(db) -> None:
    repo, org_id, _aid = db
    doc = build_document(_ctx(repo, org_id), "analysis,measures")
    parts = [h for h in _headings(doc) if h.startswith("ส่วนที่")]
    assert len(parts) == 2 and parts[1].startswith("ส่วนที่ ๒ มาตรการส่งเสริม")
    cover = next(b for b in doc.blocks if isinstance(b, Cover))
    assert [s[:2] for s in cover.subtitle_lines] == ["๑.", "๒."]
    assert "รายงานผลการดำเนินการ" not in _text(doc)
    assert doc.kind == "analysis,measures"


def test_all_is_the_bundle_the_settings_choose(db) -> None:
    repo, org_id, aid = db
    assert len([h for h in _headings(build_document(_ctx(repo, org_id))) if "ส่วนที่" in h]) == 3
    set_setting(repo, aid, "bundle", ["analysis", "measures"])
    doc = build_document(_ctx(repo, org_id), "all")
    assert not [h for h in _headings(doc) if h.startswith("ส่วนที่ ๓")]
    assert doc.kind == "all"
    set_setting(repo, aid, "bundle", ["measures"])  # one document: no parts, its own cover
    doc = build_document(_ctx(repo, org_id), "all")
    assert not [h for h in _headings(doc) if h.startswith("ส่วนที่")]
    cover = next(b for b in doc.blocks if isinstance(b, Cover))
    assert cover.title_lines == ["มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน"]
    with pytest.raises(ValidationError):
        set_setting(repo, aid, "bundle", [])


def test_nothing_reported_leaves_the_report_out_of_a_bundle_and_says_so_alone(db) -> None:
    repo, org_id, _aid = db
    ctx = _ctx(repo, org_id, round_months=6)  # the fixture reports round 12 only
    assert chosen(ctx, "all") == ["analysis", "measures"]
    assert chosen(ctx, "results") == ["results"]
    doc = build_document(ctx, "results")
    text = _text(doc)
    assert "ยังไม่ได้รายงานผลการดำเนินการตามมาตรการ" in text and "รอบ ๖ เดือน" in text
    assert not _tables(doc)  # no table of "ยังไม่ได้รายงานผล"
    assert "ไม่พบปัญหาและอุปสรรค" not in text and "ยังไม่ได้รายงานผล\n" not in text + "\n"
    assert chosen(_ctx(repo, org_id, round_months=12), "all") == [
        "analysis",
        "measures",
        "results",
    ]


def test_the_round_defaults_to_the_latest_with_data(db) -> None:
    repo, org_id, aid = db
    assert _ctx(repo, org_id).round_months == 12
    for m in repo.measures(aid):
        assert m.id is not None
        progress.update_progress(repo, m.id, 12, status="", output="", outcome="", suggestions="")
    set_round_text(repo, aid, "problems", 12, "")
    assert _ctx(repo, org_id).round_months == 12  # nothing anywhere: 12
    first = repo.measures(aid)[0].id
    assert first is not None
    progress.update_progress(repo, first, 6, status="อยู่ระหว่างดำเนินการ")
    assert _ctx(repo, org_id).round_months == 6  # Na Bon: only the 6-month round reported
    set_round_text(repo, aid, "summary", 12, "สรุปทั้งปี")
    assert _ctx(repo, org_id).round_months == 12


# covers ---------------------------------------------------------------------------------
def test_a_province_does_not_print_its_name_twice(tmp_path: Path) -> None:
    repo = Repository.open(tmp_path / "p.sqlite")
    org = Organization("จังหวัดนครปฐม", "จังหวัด", "เมืองนครปฐม", "นครปฐม")
    org_id = created(organizations.add_organization(repo, org))
    assessments.create_year(repo, org_id, 2568)
    doc = build_document(load_context(repo, org_id), "analysis")
    cover = next(b for b in doc.blocks if isinstance(b, Cover))
    assert cover.organization == "จังหวัดนครปฐม" and cover.place == "อำเภอเมืองนครปฐม"
    lines = [cover.organization, cover.place, cover.year_line, *cover.subtitle_lines]
    assert len(lines) == len(set(lines))
    # an organisation named after the province keeps its place line (seed 004)
    organizations.update_organization(
        repo, org_id, name="องค์การบริหารส่วนจังหวัดนครปฐม", kind="องค์การบริหารส่วนจังหวัด"
    )
    first = build_document(load_context(repo, org_id)).blocks[0]
    assert isinstance(first, Cover) and first.place == "อำเภอเมืองนครปฐม จังหวัดนครปฐม"
    repo.close()


# columns --------------------------------------------------------------------------------
def test_seed_001_three_columns_with_fields_sharing_a_column(db) -> None:
    repo, org_id, aid = db
    set_setting(
        repo,
        aid,
        "measure_columns",
        [
            TableColumn("measure", "มาตรการ/แนวทาง"),
            TableColumn("steps"),
            TableColumn("responsible", "หน่วยงานผู้รับผิดชอบ", join=True),
            TableColumn("period", "ระยะเวลา/การติดตามผล"),
            TableColumn("monitoring", "การติดตามผล", join=True),
        ],
    )
    (table,) = _tables(build_document(_ctx(repo, org_id), "measures"))
    assert _header(table) == ["มาตรการ/แนวทาง", "ขั้นตอนหรือวิธีการดำเนินการ", "ระยะเวลา/การติดตามผล"]
    steps, timing = table.rows[1].cells[1].paragraphs, table.rows[1].cells[2].paragraphs
    assert steps[0].startswith("๑) แต่งตั้งคณะทำงาน")
    assert steps[-2:] == ["หน่วยงานผู้รับผิดชอบ: กองคลัง", "สำนักปลัดเทศบาล"]  # labelled
    assert timing == [
        "มกราคม ๒๕๖๕ – เมษายน ๒๕๖๕",
        "การติดตามผล: รายงานผลต่อผู้บริหารทุกไตรมาส",
        "ตัวชี้วัดความสำเร็จ: ร้อยละ ๑๐๐ ของบุคลากร",  # no KPI column: with the monitoring
    ]
    assert len(table.columns) == 3


def test_activities_kpi_and_budget_columns_and_nothing_invented(db) -> None:
    repo, org_id, aid = db
    m = repo.measures(aid)[0]
    assert m.id is not None
    measures.update_measure(
        repo, m.id, activities=["โครงการอบรม", "กิจกรรมรณรงค์"], budget="50,000 บาท", period=Period()
    )
    set_setting(
        repo,
        aid,
        "measure_columns",
        [
            TableColumn("measure", "ประเด็น/มาตรการ"),
            TableColumn("activities"),
            TableColumn("period"),
            TableColumn("kpi"),
            TableColumn("budget", "งบประมาณ (บาท)"),
        ],
    )
    (table,) = _tables(build_document(_ctx(repo, org_id), "measures"))
    assert _header(table) == [
        "ประเด็น/มาตรการ",
        "กิจกรรม/โครงการ",
        "ระยะเวลาดำเนินการ",
        "ตัวชี้วัดความสำเร็จ",
        "งบประมาณ (บาท)",
    ]
    first, second = table.rows[0].cells, table.rows[1].cells
    assert first[1].paragraphs == ["- โครงการอบรม", "- กิจกรรมรณรงค์"]
    assert first[2].paragraphs == ["–"]  # never set: not "ตลอดปีงบประมาณ"
    assert first[3].paragraphs == ["ร้อยละ ๑๐๐ ของบุคลากร"]  # the KPI has its own column ...
    assert first[4].paragraphs == ["๕๐,๐๐๐ บาท"]
    assert second[1].paragraphs == ["–"]  # no activity written
    text = _text(build_document(_ctx(repo, org_id), "measures"))
    assert "ตัวชี้วัดความสำเร็จ: ร้อยละ" not in text  # ... and is not repeated under monitoring
    assert "ตัวชี้วัดที่เกี่ยวข้อง" not in text  # the indicators column was not chosen


def test_results_columns_as_seed_000_and_by_indicator_as_seed_002(db) -> None:
    repo, org_id, aid = db
    set_setting(
        repo,
        aid,
        "result_columns",
        [
            TableColumn("measure", "มาตรการ/กิจกรรม"),
            TableColumn("steps", "ขั้นตอนหรือวิธีการปฏิบัติ"),
            TableColumn("period"),
            TableColumn("responsible", "ผู้รับผิดชอบ"),
            TableColumn("output"),
            TableColumn("outcome", "ผลลัพธ์/ผลสัมฤทธิ์ (Outcome/Result)"),
        ],
    )
    (table,) = _tables(build_document(_ctx(repo, org_id), "results"))
    assert len(_header(table)) == 6 and "สถานะ" not in _header(table)
    assert _header(table)[-1] == "ผลลัพธ์/ผลสัมฤทธิ์ (Outcome/Result)"

    assessments.set_issue(repo, aid, 4, "๑. ไม่มีคู่มือ\n๒. ไม่มีทะเบียนยืม")
    set_setting(repo, aid, "results_layout", "indicator")
    ctx = _ctx(repo, org_id)
    assert [n for n, _ in by_indicator.grouped(ctx)] == [4, 8]
    (table,) = _tables(build_document(ctx, "results"))
    assert _header(table) == [
        "ตัวชี้วัด",
        "ประเด็นที่ต้องแก้ไขหรือพัฒนา",
        "หน่วยงานผู้รับผิดชอบ",
        "ระยะเวลาดำเนินการ",
        "ผลการดำเนินงาน",
        "ข้อเสนอแนะ",
    ]
    row = table.rows[0].cells
    assert row[0].paragraphs == ["๑. การใช้ทรัพย์สินของราชการ"]
    assert row[1].paragraphs == ["๑. ไม่มีคู่มือ", "๒. ไม่มีทะเบียนยืม"]  # carried over, lines kept
    assert row[4].paragraphs[0].startswith("มาตรการที่ ๑ ส่งเสริม")  # several measures: named
    assert "ยังไม่ได้รายงานผล" in " ".join(row[4].paragraphs)  # the third was not reported


def test_columns_are_checked_before_they_are_stored(db) -> None:
    repo, _org_id, aid = db
    for bad in (
        [],
        [TableColumn("cost")],
        [TableColumn("steps"), TableColumn("steps")],
    ):
        with pytest.raises(ValidationError):
            set_setting(repo, aid, "measure_columns", bad)
    set_setting(repo, aid, "measure_columns", [TableColumn("steps", join=True)])
    stored = get_settings(repo, aid).measure_columns
    assert stored == [TableColumn("steps")]  # the first column joins nothing
    with pytest.raises(ValidationError):
        set_setting(repo, aid, "results_layout", "by tool")
    with pytest.raises(ValidationError):
        set_setting(repo, aid, "hidden_sections", ["appendix"])


# sections -------------------------------------------------------------------------------
def _write_sections(repo: Repository, aid: int) -> None:
    set_setting(repo, aid, "background", "ความเป็นมาของการประเมินย่อหน้าแรก\nย่อหน้าที่สอง")
    set_setting(repo, aid, "objectives", "๑. เพื่อส่งเสริมคุณธรรม\n๒. เพื่อเปิดเผยข้อมูล")
    set_setting(repo, aid, "targets_quantity", "- บุคลากรรับทราบร้อยละ 100")
    set_setting(repo, aid, "targets_quality", "- บุคลากรมีจิตสำนึกเพิ่มขึ้น")
    set_setting(repo, aid, "limitations", "หลักเกณฑ์ OIT เปลี่ยนทุกปี")
    set_setting(repo, aid, "preparing_unit", "ฝ่ายบริหารงานทั่วไป\nสำนักปลัดเทศบาล")


def test_seed_sections_open_and_close_the_documents_that_take_them(db) -> None:
    repo, org_id, aid = db
    _write_sections(repo, aid)
    doc = build_document(_ctx(repo, org_id), "all")
    heads = _headings(doc)
    # background first in the bundle, unnumbered before the analysis's own sections (004)
    assert heads.index("ความเป็นมา") < heads.index("๑. หลักการและเหตุผล")
    assert heads.count("ความเป็นมา") == 1
    # objectives and targets open the measures plan, numbered, then its table (000)
    assert "๑. วัตถุประสงค์" in heads and "๒. เป้าหมายการดำเนินงาน" in heads
    assert "๓. มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน" in heads
    assert heads.count("๑. วัตถุประสงค์") == 1  # not again in the implementation report
    assert "เชิงปริมาณ" in heads and "เชิงคุณภาพ" in heads
    # limitations close the analysis, after its last numbered section (004)
    limits = next(h for h in heads if "ข้อจำกัดของหน่วยงาน" in h)
    assert limits.startswith("๖. ") and heads.index(limits) < heads.index(
        next(h for h in heads if h.startswith("ส่วนที่ ๒"))
    )
    # objectives keep their lines, each its own paragraph
    paras = [b.text for b in doc.blocks if isinstance(b, Paragraph)]
    assert "๑. เพื่อส่งเสริมคุณธรรม" in paras and "๒. เพื่อเปิดเผยข้อมูล" in paras
    # the preparing unit signs the preface and closes the document (004's last page)
    closing = next(b for b in doc.blocks if isinstance(b, Closing))
    assert closing.lines == ["ฝ่ายบริหารงานทั่วไป", "สำนักปลัดเทศบาล", "ผู้จัดทำ"]
    assert paras[-3:] == ["สำนักปลัดเทศบาล", "เทศบาลนครตรัง", "อำเภอเมืองตรัง จังหวัดตรัง"]
    assert "จัดทำโดย" in paras


def test_sections_lead_the_implementation_report_alone(db) -> None:
    repo, org_id, aid = db
    _write_sections(repo, aid)
    doc = build_document(_ctx(repo, org_id), "results")
    heads = _headings(doc)
    assert heads[:5] == [
        "๑. ความเป็นมา",
        "๒. วัตถุประสงค์",
        "๓. เป้าหมายการดำเนินงาน",
        "เชิงปริมาณ",
        "เชิงคุณภาพ",
    ]
    assert "๔. ผลการดำเนินการตามมาตรการ" in heads and "๗. ข้อเสนอแนะ" in heads
    # on portrait pages, then the table on landscape ones, then the summary, problems and
    # suggestions on portrait pages again, then the preparing unit's page
    kinds = [b.landscape for b in doc.blocks if isinstance(b, Orientation)]
    assert kinds == [False, True, False, False]
    turns = [i for i, b in enumerate(doc.blocks) if isinstance(b, Orientation)]
    after = doc.blocks[turns[2] + 1]
    assert isinstance(after, Heading) and after.text.startswith("๕. สรุปผล")


def test_each_optional_section_can_be_left_out(db) -> None:
    repo, org_id, aid = db
    _write_sections(repo, aid)
    assessments.set_issue_priority(repo, aid, 4, "urgent")
    full = build_document(_ctx(repo, org_id), "all")
    assert any(isinstance(b, (BarChart, TrendChart)) for b in full.blocks)
    expectations = {
        "preface": lambda d: "คำนำ" not in _text(d),
        "contents": lambda d: not any(isinstance(b, TableOfContents) for b in d.blocks),
        "background": lambda d: "ความเป็นมา" not in _headings(d),
        "objectives": lambda d: not any("วัตถุประสงค์" in h for h in _headings(d)),
        "targets": lambda d: not any("เป้าหมายการดำเนินงาน" in h for h in _headings(d)),
        "charts": lambda d: (
            not any(isinstance(b, (BarChart, TrendChart)) for b in d.blocks)
            and not any("แผนภูมิผลการประเมิน" in h for h in _headings(d))
        ),
        "priorities": lambda d: "ประเด็นที่ต้องแก้ไขโดยเร่งด่วน" not in _headings(d),
        "limitations": lambda d: not any("ข้อจำกัด" in h for h in _headings(d)),
        "preparing_unit": lambda d: "จัดทำโดย" not in _text(d) and "ผู้จัดทำ" not in _text(d),
        "signatures": lambda d: not any(isinstance(b, Signatures) for b in d.blocks),
    }
    for section, gone in expectations.items():
        assert not gone(full), section
        set_setting(repo, aid, "hidden_sections", [section, "announcement"])
        assert gone(build_document(_ctx(repo, org_id), "all")), section


def test_urgent_and_to_develop_issues_in_their_own_tables(db) -> None:
    repo, org_id, aid = db
    assessments.set_issue_priority(repo, aid, 4, "urgent")
    assessments.set_issue_priority(repo, aid, 8, "develop")
    assessments.set_issue_priority(repo, aid, 6, "develop")
    doc = build_document(_ctx(repo, org_id), "analysis")
    tables = _tables(doc)
    urgent = next(t for t in tables if "ประเด็นที่ต้องแก้ไขโดยเร่งด่วน" in t.caption)
    develop = next(t for t in tables if t.caption.endswith("ประเด็นที่ต้องพัฒนา"))
    assert [r.cells[0].paragraphs[0] for r in urgent.rows] == ["๔. การใช้ทรัพย์สินของราชการ"]
    assert urgent.rows[0].cells[1].paragraphs == ["๙๐.๗๖"]
    assert urgent.rows[0].cells[2].paragraphs[0].startswith("จัดทำคู่มือการใช้ทรัพย์สิน")
    assert [r.cells[0].paragraphs[0][:2] for r in develop.rows] == ["๖.", "๘."]
    # right after the issues table, numbered in order
    issues = next(t for t in tables if "แยกตามเครื่องมือ" in t.caption)
    assert tables.index(urgent) == tables.index(issues) + 1
    assert urgent.caption.startswith("ตารางที่ ๔") and develop.caption.startswith("ตารางที่ ๕")
    assessments.set_issue_priority(repo, aid, 4, None)
    assessments.set_issue_priority(repo, aid, 8, None)
    assessments.set_issue_priority(repo, aid, 6, None)
    assert not any("เร่งด่วน" in t.caption for t in _tables(build_document(_ctx(repo, org_id))))


def test_user_line_breaks_and_numbered_lists_are_kept(db) -> None:
    repo, org_id, aid = db
    assessments.set_issue(repo, aid, 4, "๑. จัดทำคู่มือ\n๒. ประกาศให้ทราบ\n๓. ตรวจสอบทุกไตรมาส")
    set_round_text(repo, aid, "problems", 12, "๑. บุคลากรไม่เข้าใจ\n๒. งบประมาณจำกัด")
    doc = build_document(_ctx(repo, org_id), "all")
    issues = next(t for t in _tables(doc) if "แยกตามเครื่องมือ" in t.caption)
    cell = next(r.cells[2] for r in issues.rows if r.cells[0].paragraphs[0].startswith("๔."))
    assert cell.paragraphs == ["๑. จัดทำคู่มือ", "๒. ประกาศให้ทราบ", "๓. ตรวจสอบทุกไตรมาส"]
    paras = [b.text for b in doc.blocks if isinstance(b, Paragraph)]
    assert "๑. บุคลากรไม่เข้าใจ" in paras and "๒. งบประมาณจำกัด" in paras


# the announcement -----------------------------------------------------------------------
def test_the_announcement_is_chosen_dated_and_signed_by_the_executive(db) -> None:
    repo, org_id, aid = db
    assert "ประกาศเทศบาลนครตรัง" not in _text(build_document(_ctx(repo, org_id), "measures"))
    set_setting(repo, aid, "hidden_sections", [])
    set_setting(repo, aid, "announcement_date", "2564-10-15")
    doc = build_document(_ctx(repo, org_id), "measures")
    paras = [b.text for b in doc.blocks if isinstance(b, Paragraph)]
    assert paras[0] == "ประกาศเทศบาลนครตรัง"
    assert paras[1] == (
        "เรื่อง มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน ประจำปีงบประมาณ พ.ศ. ๒๕๖๕"
    )
    assert "ประกาศ ณ วันที่ ๑๕ ตุลาคม พ.ศ. ๒๕๖๔" in paras
    assert any("จำนวน ๓ มาตรการ" in p for p in paras)
    signers = next(b for b in doc.blocks if isinstance(b, Signatures)).signers
    assert signers == [("นายทดสอบ ระบบดี", "นายกเทศมนตรีนครตรัง")]  # the first signatory
    set_setting(repo, aid, "executive", ("นายผู้บริหาร ใจดี", ""))
    set_setting(repo, aid, "announcement_date", "")
    set_setting(repo, aid, "announcement_text", "ข้อความที่เขียนเอง\nจึงประกาศมาเพื่อทราบ")
    organizations.update_organization(repo, org_id, logo=PNG)
    doc = build_document(_ctx(repo, org_id), "measures")
    assert isinstance(doc.blocks[2], Emblem)  # the logo heads it, on a new portrait page
    assert doc.blocks[1] == Orientation(landscape=False)
    signers = next(b for b in doc.blocks if isinstance(b, Signatures)).signers
    assert signers == [("นายผู้บริหาร ใจดี", "นายกเทศมนตรีนครตรัง")]  # title from the name
    text = _text(doc)
    assert "ข้อความที่เขียนเอง" in text and "ประกาศ ณ วันที่ ...... เดือน" in text
    with pytest.raises(ValidationError):
        set_setting(repo, aid, "announcement_date", "2564-02-30")


def test_executive_titles_by_kind_of_agency() -> None:
    assert executive_title("เทศบาลตำบลนาบอน") == "นายกเทศมนตรีตำบลนาบอน"
    assert executive_title("เทศบาลเมืองนครปฐม") == "นายกเทศมนตรีเมืองนครปฐม"
    assert executive_title("องค์การบริหารส่วนตำบลบางรัก") == "นายกองค์การบริหารส่วนตำบลบางรัก"
    assert executive_title("องค์การบริหารส่วนจังหวัดนครพนม") == "นายกองค์การบริหารส่วนจังหวัดนครพนม"
    assert executive_title("จังหวัดนครปฐม", "จังหวัด") == "ผู้ว่าราชการจังหวัดนครปฐม"
    assert executive_title("สำนักงานทดสอบ") == ""
    assert announcement.dated("2568-01-05") == "ประกาศ ณ วันที่ 5 มกราคม พ.ศ. 2568"


def test_an_empty_year_still_prints_politely(tmp_path: Path) -> None:
    repo, org_id = empty(tmp_path / "e.sqlite")
    ctx = load_context(repo, org_id)
    doc = build_document(replace(ctx, settings=replace(ctx.settings, hidden_sections=[])), "all")
    repo.close()
    assert "ยังไม่ได้กำหนดมาตรการ" in _text(doc)
    assert any(isinstance(b, Paragraph) and b.text.startswith("ประกาศ") for b in doc.blocks)
