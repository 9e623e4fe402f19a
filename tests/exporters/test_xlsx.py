"""Excel export: reopen the workbook and compare cell values and styles."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import openpyxl

from ita_desktop.domain.models import Measure, Organization, Period
from ita_desktop.exporters.xlsx import export_xlsx
from ita_desktop.services.assessments import create_year, set_scores, set_threshold
from ita_desktop.services.measures import add_measure
from ita_desktop.services.organizations import add_organization
from ita_desktop.services.progress import update_progress
from ita_desktop.services.reports import load_workbook_data
from ita_desktop.storage.repository import Repository
from tests.documents.fixtures import created

TRANG = ["94.42", "92.12", "92.28", "90.76", "92.35", "91.41", "94.44", "90.55", "100", "100"]


def test_workbook_holds_scores_measures_and_progress(tmp_path: Path) -> None:
    repo = Repository.open(tmp_path / "x.sqlite")
    org_id = created(add_organization(repo, Organization("เทศบาลนครตรัง", units=["กองคลัง"])))
    aid = created(create_year(repo, org_id, 2564))
    set_scores(repo, aid, {i: Decimal(v) for i, v in enumerate(TRANG, start=1)})
    set_threshold(repo, aid, Decimal(91))
    measure = Measure(
        "มาตรการจัดซื้อจัดจ้าง", [2], ["ขั้นที่ ๑", "ขั้นที่ ๒"], ["กองคลัง"], Period(False, 1, 2565, 4, 2565)
    )
    mid = created(add_measure(repo, aid, measure))
    update_progress(repo, mid, 6, status="ดำเนินการแล้วเสร็จ", output="ประกาศแล้ว")
    ctx, progress_by_round = load_workbook_data(repo, org_id, 2564, thai_digits=False)
    repo.close()
    out = export_xlsx(ctx, progress_by_round, tmp_path / "x.xlsx")

    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames == ["ผลการประเมิน", "มาตรการ", "ผลรอบ 6 เดือน", "ผลรอบ 12 เดือน"]
    ws = wb["ผลการประเมิน"]
    rows = {r[0]: r for r in ws.iter_rows(min_row=4, max_row=13, values_only=True)}
    assert rows[4][3] == 90.76 and rows[4][5] == "จุดที่ต้องพัฒนา" and rows[9][4] == 1
    assert ws.cell(4, 4).number_format == "0.00"
    values = [c for row in ws.iter_rows(values_only=True) for c in row]
    assert 95.36 in values and "AA" in values
    plan = wb["มาตรการ"]
    assert plan.cell(4, 2).value == "มาตรการจัดซื้อจัดจ้าง"
    assert plan.cell(4, 3).value == "- ขั้นที่ ๑\n- ขั้นที่ ๒"
    assert plan.cell(4, 5).value == "มกราคม 2565 – เมษายน 2565"
    assert plan.cell(3, 1).font.bold and plan.cell(4, 3).alignment.wrap_text
    assert wb["ผลรอบ 6 เดือน"].cell(4, 4).value == "ประกาศแล้ว"
    assert wb["ผลรอบ 12 เดือน"].cell(4, 3).value in (None, "")


def test_typed_text_starting_with_equals_stays_text(tmp_path: Path) -> None:
    """A measure or progress text like "=HYPERLINK(...)" is data, never a live formula."""
    payload = '=HYPERLINK("http://example.invalid","คลิก")'
    dde = "=cmd|' /C calc'!A0"
    repo = Repository.open(tmp_path / "i.sqlite")
    org_id = created(add_organization(repo, Organization("เทศบาลทดสอบ")))
    aid = created(create_year(repo, org_id, 2564))
    mid = created(add_measure(repo, aid, Measure(payload, steps=[dde])))
    update_progress(repo, mid, 6, output=dde)
    ctx, progress_by_round = load_workbook_data(repo, org_id, 2564, thai_digits=False)
    repo.close()
    out = export_xlsx(ctx, progress_by_round, tmp_path / "i.xlsx")

    wb = openpyxl.load_workbook(out)
    title, steps = wb["มาตรการ"].cell(4, 2), wb["มาตรการ"].cell(4, 3)
    output = wb["ผลรอบ 6 เดือน"].cell(4, 4)
    assert (title.value, title.data_type) == (payload, "s")
    assert (steps.value, steps.data_type) == (f"- {dde}", "s")
    assert (output.value, output.data_type) == (dde, "s")
    assert not title.hyperlink
