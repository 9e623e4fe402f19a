"""Excel export: reopen the workbook and check cells, formulas, styles and print setup."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from ita_desktop.documents import workbook_layout as L
from ita_desktop.domain.models import Measure
from ita_desktop.exporters.workbook import style
from ita_desktop.services.assessments import set_issue
from ita_desktop.services.export import export_document
from ita_desktop.services.measures import add_measure
from ita_desktop.services.progress import update_progress
from ita_desktop.services.report_settings import set_setting
from ita_desktop.storage.repository import Repository
from tests.documents.fixtures import created
from tests.importers.fixtures import ORG, scored_year

ROWS = L.ScoreRows(10, 3)


@pytest.fixture
def book(tmp_path: Path) -> Path:
    repo, org_id, _aid = scored_year(tmp_path / "x.sqlite")
    try:
        return export_document(repo, org_id=org_id, year=2565, fmt="xlsx", out=tmp_path / "x.xlsx")
    finally:
        repo.close()


def test_sheets_are_named_for_the_organisation_and_year(book: Path) -> None:
    wb = openpyxl.load_workbook(book)
    assert wb.sheetnames == [
        L.SCORES,
        L.ISSUES,
        L.ANALYSIS,
        L.PLAN,
        L.progress_sheet(6),
        L.progress_sheet(12),
    ]
    for ws in wb:
        assert ORG in ws["A1"].value and ("๒๕๖๕" in ws["A1"].value or "๒๕๖๖" in ws["A1"].value)
        assert ORG in ws.oddHeader.center.text
    scores = wb[L.SCORES]
    assert (scores[L.ORG_CELL].value, scores[L.YEAR_CELL].value) == (ORG, 2565)
    assert wb.properties.creator == "ITA Desktop" and ORG in wb.properties.title


def test_scores_are_numbers_and_the_rest_formulas(book: Path) -> None:
    ws = openpyxl.load_workbook(book)[L.SCORES]
    assert ws["D4"].value == 80.5 and ws["D4"].number_format == "0.00"
    assert ws["E4"].value.startswith('=IF(D4="","",RANK(D4,')
    assert "ROUND(AVERAGE(D4,D5,D6,D7,D8),2)" in ws[f"D{ROWS.tool(0)}"].value
    overall = ws[f"D{ROWS.overall}"].value
    assert "ROUND(0.30*D16+0.30*D17+0.40*D18,2)" in overall
    level = ws[f"D{ROWS.level}"].value
    assert level.startswith(f'=IF(D{ROWS.overall}="",""') and '"AA",IF(D19>=85,"A"' in level
    assert ws[f"E{ROWS.tool(0)}"].value == 80.5  # the official IIT entered
    assert ws[f"D{ROWS.threshold}"].value == 85 and f"$D${ROWS.threshold}" in ws["F4"].value


def test_ranking_is_sorted_by_score(tmp_path: Path) -> None:
    repo, org_id, aid = scored_year(tmp_path / "r.sqlite")
    from decimal import Decimal

    from ita_desktop.services.assessments import set_scores

    set_scores(repo, aid, {1: Decimal(70), 7: Decimal("99.5"), 4: Decimal("85.25")})
    out = export_document(repo, org_id=org_id, year=2565, fmt="xlsx", out=tmp_path / "r.xlsx")
    repo.close()
    ws = openpyxl.load_workbook(out)[L.SCORES]
    first = ROWS.ranking_header + 1
    numbers = [ws.cell(r, 1).value for r in range(first, first + 10)]
    scores = [ws.cell(r, 4).value for r in range(first, first + 10)]
    assert numbers[0] == 7 and numbers[-1] == 1 and scores == sorted(scores, reverse=True)
    assert ws.cell(first + 1, 5).value == 2  # 85.25 is second; the eight 80.50 share rank 3
    assert [ws.cell(r, 5).value for r in range(first + 2, first + 9)] == [3] * 7


def test_font_print_setup_and_validation(book: Path) -> None:
    wb = openpyxl.load_workbook(book)
    scores, plan = wb[L.SCORES], wb[L.PLAN]
    assert (scores["B4"].font.name, scores["B4"].font.sz) == ("Sarabun", 16)
    assert (
        scores.page_setup.orientation == "portrait" and plan.page_setup.orientation == "landscape"
    )
    for ws in wb:
        assert int(ws.page_setup.paperSize) == 9 and ws.page_setup.fitToWidth == 1
        assert ws.sheet_properties.pageSetUpPr.fitToPage and ws.print_title_rows == "$3:$3"
        assert ws.freeze_panes == "A4"
    assert plan.page_setup.fitToHeight == 0  # as many pages tall as the plan needs
    assert plan.row_dimensions[4].height >= 2 * style.LINE_HEIGHT + style.ROW_PADDING  # two steps
    (rule,) = scores.data_validations.dataValidation
    assert rule.type == "decimal" and (rule.formula1, rule.formula2) == ("0", "100")
    assert {"D4:D13", f"E{ROWS.overall}", f"D{ROWS.threshold}"} <= set(str(rule.sqref).split())
    status = wb[L.progress_sheet(6)].data_validations.dataValidation[0]
    assert status.type == "list" and "ดำเนินการแล้วเสร็จ" in status.formula1


def test_columns_not_chosen_in_the_settings_are_hidden(book: Path) -> None:
    plan = openpyxl.load_workbook(book)[L.PLAN]
    hidden = {
        plan.cell(3, c).value
        for c in range(1, 11)
        if plan.column_dimensions[plan.cell(3, c).column_letter].hidden
    }
    assert hidden == {"กิจกรรม/โครงการ", "งบประมาณ"}
    assert plan["C4"].value is None and plan["I4"].value is None  # still there to fill in
    progress = openpyxl.load_workbook(book)[L.progress_sheet(6)]
    assert not progress.column_dimensions["K"].hidden  # evidence, whatever the settings


def test_digits_follow_the_settings(tmp_path: Path) -> None:
    repo, org_id, aid = scored_year(tmp_path / "d.sqlite")
    set_setting(repo, aid, "thai_digits", False)
    out = export_document(repo, org_id=org_id, year=2565, fmt="xlsx", out=tmp_path / "d.xlsx")
    thai = export_document(
        repo, org_id=org_id, year=2565, fmt="xlsx", out=tmp_path / "t.xlsx", thai_digits=True
    )
    repo.close()
    arabic_plan = openpyxl.load_workbook(out)[L.PLAN]
    assert (
        "2566" in arabic_plan["A1"].value and arabic_plan["F4"].value == "ตุลาคม 2565 – มีนาคม 2566"
    )
    thai_plan = openpyxl.load_workbook(thai)[L.PLAN]
    assert thai_plan["F4"].value == "ตุลาคม ๒๕๖๕ – มีนาคม ๒๕๖๖" and thai_plan["J4"].value == "๓"


PAYLOADS = [
    '=HYPERLINK("http://example.invalid","คลิก")',
    "=cmd|' /C calc'!A0",
    "\t=1+1",
    "+SUM(A1:A2)",
    "-2+3",
    "@SUM(A1)",
]


@pytest.mark.parametrize("payload", PAYLOADS)
def test_user_text_is_always_a_string(tmp_path: Path, payload: str) -> None:
    repo, org_id, aid = scored_year(tmp_path / "i.sqlite")
    mid = created(add_measure(repo, aid, Measure(payload, steps=[payload], monitoring=payload)))
    update_progress(repo, mid, 6, output=payload, evidence=payload)
    set_issue(repo, aid, 1, payload)
    out = export_document(repo, org_id=org_id, year=2565, fmt="xlsx", out=tmp_path / "i.xlsx")
    repo.close()
    wb = openpyxl.load_workbook(out)
    cells = [wb[L.PLAN]["B6"], wb[L.PLAN]["D6"], wb[L.PLAN]["G6"], wb[L.ISSUES]["E4"]]
    cells += [wb[L.progress_sheet(6)]["G6"], wb[L.progress_sheet(6)]["K6"]]
    for cell in cells:
        assert cell.data_type == "s" and cell.value.strip() == payload.strip(), cell.coordinate
        assert not cell.hyperlink


def test_an_empty_year_exports(tmp_path: Path) -> None:
    from ita_desktop.domain.models import Organization
    from ita_desktop.services.organizations import add_organization

    repo = Repository.open(tmp_path / "e.sqlite")
    org_id = created(add_organization(repo, Organization("อบต.ว่าง"), first_year=2568))
    out = export_document(repo, org_id=org_id, year=2568, fmt="xlsx", out=tmp_path / "e.xlsx")
    repo.close()
    ws = openpyxl.load_workbook(out)[L.SCORES]
    assert ws["D4"].value is None and ws[f"D{ROWS.threshold}"].value == 85
