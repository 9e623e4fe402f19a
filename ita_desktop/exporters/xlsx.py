"""Excel export (openpyxl): scores and analysis, measures plan, progress rounds — one workbook.

Numbers stay numbers (2 decimals shown) so the workbook can still be calculated with.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from ita_desktop.analysis.result import Analysis
from ita_desktop.documents.context import ReportContext
from ita_desktop.domain.models import Assessment, Measure, Organization, ProgressEntry
from ita_desktop.domain.periods import period_text
from ita_desktop.thai.digits import localize_digits

FONT_NAME = "TH Sarabun New"  # installed with Thai Windows; Excel falls back gracefully
BODY = Font(name=FONT_NAME, size=14)
BOLD = Font(name=FONT_NAME, size=14, bold=True)
TITLE = Font(name=FONT_NAME, size=18, bold=True)
HEADER_FILL = PatternFill("solid", fgColor="DCE6F1")
THIN = Side(style="thin", color="808080")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
WRAP = Alignment(wrap_text=True, vertical="top")
SCORE_FORMAT = "0.00"


def _table(
    ws: Worksheet,
    top: int,
    header: Sequence[str],
    rows: Iterable[Sequence[object]],
    widths: Sequence[int],
) -> int:
    for col, (title, width) in enumerate(zip(header, widths), start=1):
        cell = ws.cell(top, col, title)
        cell.font, cell.fill, cell.border, cell.alignment = BOLD, HEADER_FILL, BOX, WRAP
        ws.column_dimensions[get_column_letter(col)].width = width
    row_no = top
    for row_no, values in enumerate(rows, start=top + 1):
        for col, value in enumerate(values, start=1):
            cell = _put(ws, row_no, col, value)
            cell.font, cell.border, cell.alignment = BODY, BOX, WRAP
            if isinstance(value, float):
                cell.number_format = SCORE_FORMAT
    ws.freeze_panes = ws.cell(top + 1, 1)
    return row_no


def _put(ws: Worksheet, row: int, col: int, value: object) -> Cell:
    """A cell holding `value` as data: text the user typed that starts with "=" stays text,
    never a live formula (no =HYPERLINK links or DDE payloads run when the sheet opens)."""
    cell = ws.cell(row, col, value)
    if isinstance(value, str) and value.startswith("="):
        cell.data_type = "s"
    return cell


def _title(ws: Worksheet, text: str, columns: int) -> None:
    _put(ws, 1, 1, text).font = TITLE
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=columns)


def _num(value: object) -> float | None:
    return None if value is None else float(value)  # type: ignore[arg-type]


def _scores_sheet(
    ws: Worksheet, org: Organization, a: Assessment, result: Analysis, thai_digits: bool
) -> None:
    ws.title = "ผลการประเมิน"
    _title(
        ws, localize_digits(f"ผลการประเมิน ITA {org.name} ปีงบประมาณ พ.ศ. {a.year}", thai_digits), 6
    )
    rank = {r.indicator: r.rank for r in result.ranking}
    rows = [
        (
            ind.number,
            ind.name,
            ind.tool,
            _num(a.scores.get(ind.number)),
            rank.get(ind.number),
            "จุดแข็ง"
            if ind.number in result.strengths
            else "จุดที่ต้องพัฒนา"
            if ind.number in result.weaknesses
            else "",
        )
        for ind in a.rules.indicators
    ]
    end = _table(
        ws,
        3,
        ["ตัวชี้วัด", "ชื่อตัวชี้วัด", "เครื่องมือ", "คะแนน", "อันดับ", "ผลการวิเคราะห์"],
        rows,
        [10, 40, 12, 12, 10, 18],
    )
    summary = [
        (t.code, t.name, _num(result.tools.get(t.code)), float(t.weight)) for t in a.rules.tools
    ]
    summary.append(("รวม", "คะแนนภาพรวม", _num(result.overall), 1.0))
    end = _table(ws, end + 2, ["เครื่องมือ", "ชื่อเครื่องมือ", "คะแนน", "น้ำหนัก"], summary, [10, 40, 12, 12])
    ws.cell(end + 2, 1, "ระดับผลการประเมิน").font = BOLD
    ws.cell(end + 2, 2, result.level or "–").font = BODY
    ws.cell(end + 3, 1, "เกณฑ์จุดแข็ง").font = BOLD
    ws.cell(end + 3, 2, float(result.threshold)).font = BODY
    for offset, warning in enumerate(result.warnings, start=5):
        ws.cell(end + offset, 1, localize_digits(warning, thai_digits)).font = BODY


def _measures_sheet(
    ws: Worksheet, a: Assessment, measures: list[Measure], thai_digits: bool
) -> None:
    plan_year = a.year + 1
    _title(
        ws,
        localize_digits(
            f"มาตรการส่งเสริมคุณธรรมและความโปร่งใส ปีงบประมาณ พ.ศ. {plan_year}", thai_digits
        ),
        7,
    )
    rows = [
        (
            i,
            m.title,
            "\n".join(f"- {s}" for s in m.steps),
            ", ".join(m.responsible),
            period_text(m.period, plan_year, thai_digits),
            m.monitoring,
            ", ".join(str(n) for n in m.indicators),
        )
        for i, m in enumerate(measures, start=1)
    ]
    _table(
        ws,
        3,
        [
            "ลำดับ",
            "มาตรการ",
            "ขั้นตอนหรือวิธีการ",
            "ผู้รับผิดชอบ",
            "ระยะเวลา",
            "การกำกับติดตาม",
            "ตัวชี้วัดที่เกี่ยวข้อง",
        ],
        rows,
        [8, 40, 60, 25, 25, 35, 14],
    )


def _progress_sheet(
    ws: Worksheet,
    a: Assessment,
    round_months: int,
    measures: list[Measure],
    progress: dict[int, ProgressEntry],
) -> None:
    _title(ws, f"ผลการดำเนินงานตามมาตรการ รอบ {round_months} เดือน ปีงบประมาณ พ.ศ. {a.year + 1}", 7)
    rows = []
    for i, m in enumerate(measures, start=1):
        p = progress.get(m.id or -1) or ProgressEntry(m.id, round_months)
        rows.append((i, m.title, p.status, p.output, p.outcome, p.problems, p.suggestions))
    _table(
        ws,
        3,
        ["ลำดับ", "มาตรการ", "สถานะ", "ผลผลิต", "ผลลัพธ์", "ปัญหาอุปสรรค", "ข้อเสนอแนะ"],
        rows,
        [8, 40, 20, 45, 45, 35, 35],
    )


def export_xlsx(
    ctx: ReportContext, progress_by_round: dict[int, dict[int, ProgressEntry]], out: Path
) -> Path:
    """Write one workbook with every sheet of the year to `out` (the caller renames it)."""
    a, thai_digits = ctx.assessment, ctx.thai_digits
    wb = Workbook()
    _scores_sheet(wb.active, ctx.org, a, ctx.analysis, thai_digits)
    _measures_sheet(wb.create_sheet("มาตรการ"), a, ctx.measures, thai_digits)
    for round_months, progress in sorted(progress_by_round.items()):
        _progress_sheet(
            wb.create_sheet(f"ผลรอบ {round_months} เดือน"), a, round_months, ctx.measures, progress
        )
    wb.save(out)
    return Path(out)
