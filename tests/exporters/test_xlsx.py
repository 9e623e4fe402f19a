"""Excel export: reopen the workbook and compare cell values and styles."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import openpyxl

from ita_desktop.domain.models import Measure, Organization, Period, ProgressEntry
from ita_desktop.exporters.xlsx import export_xlsx
from ita_desktop.storage.repository import Repository

TRANG = ["94.42", "92.12", "92.28", "90.76", "92.35", "91.41", "94.44", "90.55", "100", "100"]


def test_workbook_holds_scores_measures_and_progress(tmp_path: Path) -> None:
    repo = Repository.open(tmp_path / "x.sqlite")
    org_id = repo.save_organization(Organization("เทศบาลนครตรัง", units=["กองคลัง"]))
    a = repo.create_assessment(org_id, 2564)
    a.scores = {i: Decimal(v) for i, v in enumerate(TRANG, start=1)}
    a.threshold = Decimal(91)
    repo.save_assessment(a)
    mid = repo.save_measure(
        a.id,
        Measure(
            "มาตรการจัดซื้อจัดจ้าง", [2], ["ขั้นที่ ๑", "ขั้นที่ ๒"], ["กองคลัง"], Period(False, 1, 2565, 4, 2565)
        ),
    )
    repo.save_progress(ProgressEntry(mid, 6, "ดำเนินการแล้วเสร็จ", output="ประกาศแล้ว"))
    out = export_xlsx(repo, org_id=org_id, year=2564, out=tmp_path / "x.xlsx", thai_digits=False)

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
