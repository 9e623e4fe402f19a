"""Reading each sheet of our workbook by its layout (documents/workbook_layout.py) into plain
data, collecting every problem with its sheet and cell."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from openpyxl.utils import get_column_letter as letter

from ita_desktop.documents import workbook_layout as L
from ita_desktop.domain.models import PRIORITIES, Measure, OfficialFigures, ProgressEntry, Rules
from ita_desktop.errors import shown
from ita_desktop.importers.workbook.cells import Problem, Sheet
from ita_desktop.importers.workbook.period import period_from_text
from ita_desktop.thai.digits import to_arabic_digits
from ita_desktop.thai.normalize import normalize_name

PRIORITY_KEYS = {label: key for key, label in PRIORITIES.items()}


@dataclass
class WorkbookMeasure:
    number: int | None  # its ลำดับ in the plan sheet (None: a row added without one)
    measure: Measure
    progress: dict[int, ProgressEntry] = field(default_factory=dict)  # round -> entry
    row: int = 0  # its row in the plan sheet


@dataclass
class WorkbookYear:
    """What the workbook carries of one organisation's year (checked, plain data)."""

    organization: str
    year: int
    scores: dict[int, Decimal | None] = field(default_factory=dict)
    official: OfficialFigures = field(default_factory=OfficialFigures)
    threshold: Decimal | None = None
    target: Decimal | None = None
    issues_by_indicator: dict[int, str] = field(default_factory=dict)
    issues_by_tool: dict[str, str] = field(default_factory=dict)
    issue_priorities: dict[int, str] = field(default_factory=dict)
    measures: list[WorkbookMeasure] = field(default_factory=list)
    # values accepted but worth saying (a number typed as text), with their sheet and cell
    notes: list[Problem] = field(default_factory=list)


def stored_places(numbers: Sequence[int | None], stored: int) -> dict[int, int]:
    """Row index -> index among the `stored` measures of the one each row's ลำดับ names (the
    preview and the import match rows so); a row without a ลำดับ, or naming none, is new."""
    return {i: n - 1 for i, n in enumerate(numbers) if n is not None and 1 <= n <= stored}


def cell(col: int, row: int) -> str:
    return f"{letter(col)}{row}"


def check_header(sheet: Sheet, row: int, columns: tuple[tuple[str, str], ...]) -> bool:
    """The table's header must be the export's: a moved or renamed column would put values
    into the wrong fields."""
    before = len(sheet.problems)
    for col, (_, title) in enumerate(columns, start=1):
        sheet.expect(cell(col, row), title, "หัวตาราง")
    return len(sheet.problems) == before


def identity(sheet: Sheet) -> tuple[str, int | None]:
    """The organisation's name and the fiscal year the workbook holds (scores sheet, row 2)."""
    name = normalize_name(sheet.text(L.ORG_CELL))
    if not name:
        sheet.problem(L.ORG_CELL, "ไม่มีชื่อหน่วยงาน (ต้องระบุว่าไฟล์นี้เป็นของหน่วยงานใด)")
    year = sheet.integer(L.YEAR_CELL, "ปีงบประมาณ")
    if year is not None and not 2500 <= year <= 2700:
        sheet.problem(L.YEAR_CELL, f"ปีงบประมาณต้องเป็นปี พ.ศ. 2500–2700 (ได้ {year})")
        year = None
    elif year is None and not any(p.cell == L.YEAR_CELL for p in sheet.problems):
        sheet.problem(L.YEAR_CELL, "ไม่มีปีงบประมาณ")
    return name, year


def read_scores(sheet: Sheet, rules: Rules, out: WorkbookYear) -> None:
    rows = L.ScoreRows(len(rules.indicators), len(rules.tools))
    if not check_header(sheet, L.HEADER_ROW, L.SCORE_COLUMNS):
        return
    sheet.outside(len(L.SCORE_COLUMNS), range(rows.last_indicator + 1, rows.tool_header))
    for row, ind in enumerate(rules.indicators, start=L.FIRST_ROW):
        _indicator_cells(sheet, row, ind.number, ind.name)
        sheet.expect(cell(3, row), ind.tool, "เครื่องมือ")
        out.scores[ind.number] = sheet.number(cell(4, row), f"คะแนนตัวชี้วัดที่ {ind.number} ")
        for col in (5, 6, 8):
            sheet.formula_kept(cell(col, row))
    if not check_header(sheet, rows.tool_header, L.TOOL_COLUMNS):
        return
    official: dict[str, Decimal | None] = {}
    for i, tool in enumerate(rules.tools):
        row = rows.tool(i)
        sheet.expect(cell(1, row), tool.code, "รหัสเครื่องมือ")
        sheet.expect(cell(2, row), tool.name, "ชื่อเครื่องมือ")
        sheet.expect(cell(3, row), tool.weight, "น้ำหนัก")
        official[tool.code] = sheet.number(cell(5, row), f"คะแนนทางการของ {tool.code} ")
        sheet.formula_kept(cell(4, row))
        sheet.formula_kept(cell(6, row))
    sheet.expect(cell(1, rows.overall), L.OVERALL_LABEL, "")
    overall = sheet.number(cell(5, rows.overall), "คะแนนภาพรวมทางการ ")
    sheet.formula_kept(cell(4, rows.overall))
    sheet.expect(cell(2, rows.level), L.LEVEL_LABEL, "")
    sheet.formula_kept(cell(4, rows.level))
    out.official = OfficialFigures(
        official.get("IIT"),
        official.get("EIT"),
        official.get("OIT"),
        overall,
        _level(sheet, cell(5, rows.level), rules),
    )
    for row, label, what in (
        (rows.threshold, L.THRESHOLD_LABEL, "เกณฑ์จุดแข็ง "),
        (rows.target, L.TARGET_LABEL, "ค่าเป้าหมาย "),
    ):
        sheet.expect(cell(2, row), label, "")
        value = sheet.number(cell(4, row), what)
        if value is None and not any(p.cell == cell(4, row) for p in sheet.problems):
            sheet.problem(cell(4, row), f"กรุณากรอก{what.strip()}")
        setattr(out, "threshold" if row == rows.threshold else "target", value)


def _level(sheet: Sheet, ref: str, rules: Rules) -> str:
    """The official level: one of the year's level names (its grade bands) or empty."""
    level = sheet.text(ref)
    names = [band.label for band in rules.grades]
    if level and level not in names:
        sheet.problem(
            ref,
            f"ระดับทางการต้องเป็น {' / '.join(names)} หรือว่าง (ได้ “{shown(level, 40)}”) ตามเกณฑ์ของปีนี้",
        )
        return ""
    return level


def _indicator_cells(sheet: Sheet, row: int, number: int, name: str) -> None:
    found = sheet.integer(cell(1, row), "หมายเลขตัวชี้วัด")
    if found is not None and found != number:
        sheet.problem(
            cell(1, row),
            f"ต้องเป็นตัวชี้วัดที่ {number} (ได้ {found}) ตัวชี้วัดต้องเรียงตามเกณฑ์ของปี ไม่เพิ่ม ไม่ซ้ำ ไม่สลับแถว",
        )
    sheet.expect(cell(2, row), name, "ชื่อตัวชี้วัด")


def read_issues(sheet: Sheet, rules: Rules, out: WorkbookYear) -> None:
    if not check_header(sheet, L.HEADER_ROW, L.ISSUE_COLUMNS):
        return
    last = L.IssueRows(len(rules.indicators)).first_tool + len(rules.tools) - 1
    sheet.outside(len(L.ISSUE_COLUMNS), range(last + 1, sheet.max_row + 1))
    for row, ind in enumerate(rules.indicators, start=L.FIRST_ROW):
        _indicator_cells(sheet, row, ind.number, ind.name)
        sheet.formula_kept(cell(3, row))
        label = sheet.text(cell(4, row))
        if label and label not in PRIORITY_KEYS:
            choices = " / ".join(PRIORITIES.values())
            sheet.problem(
                cell(4, row), f"ความสำคัญต้องเป็น {choices} หรือว่าง (ได้ “{shown(label, 40)}”)"
            )
        elif label:
            out.issue_priorities[ind.number] = PRIORITY_KEYS[label]
        issue = sheet.text(cell(5, row))
        if issue:
            out.issues_by_indicator[ind.number] = issue
    first = L.IssueRows(len(rules.indicators)).first_tool
    for row, tool in enumerate(rules.tools, start=first):
        sheet.expect(cell(1, row), tool.code, "รหัสเครื่องมือ")
        issue = sheet.text(cell(5, row))
        if issue:
            out.issues_by_tool[tool.code] = issue


def read_plan(sheet: Sheet, rules: Rules, units: list[str], out: WorkbookYear) -> None:
    if not check_header(sheet, L.HEADER_ROW, L.PLAN_COLUMNS):
        return
    sheet.outside(len(L.PLAN_COLUMNS))
    col = {key: i for i, (key, _) in enumerate(L.PLAN_COLUMNS, start=1)}
    numbers: dict[int, int] = {}
    plan_year = out.year + 1
    known = {i.number for i in rules.indicators}
    for row in range(L.FIRST_ROW, sheet.max_row + 1):
        if sheet.empty(row, len(L.PLAN_COLUMNS)):
            continue
        ref = {key: cell(c, row) for key, c in col.items()}
        number = (
            sheet.integer(ref["number"], "ลำดับ")
            if sheet.typed[ref["number"]].value is not None
            else None
        )
        if number is not None and number in numbers:
            sheet.problem(ref["number"], f"ลำดับ {number} ซ้ำกับแถว {numbers[number]}")
        elif number is not None:
            numbers[number] = row
        title = sheet.text(ref["measure"])
        if not title:
            sheet.problem(ref["measure"], "ไม่มีชื่อมาตรการ (แถวที่มีข้อมูลต้องมีชื่อมาตรการ)")
        lists = {key: _lines(sheet.text(ref[key])) for key in L.PLAN_LISTS}
        for unit in lists["responsible"]:
            if units and unit not in units:
                sheet.problem(
                    ref["responsible"],
                    f"ไม่รู้จักผู้รับผิดชอบ “{shown(unit, 40)}” (หน่วยงานภายในที่มี: "
                    f"{shown(', '.join(units), 200)}) กรุณาเพิ่มในโปรแกรมก่อน หรือแก้ชื่อให้ตรง",
                )
        measure = Measure(
            title,
            _indicators(sheet, ref["indicators"], known),
            lists["steps"],
            lists["responsible"],
            period_from_text(sheet.text(ref["period"]), plan_year),
            sheet.text(ref["monitoring"]),
            sheet.text(ref["kpi"]),
            activities=lists["activities"],
            budget=sheet.text(ref["budget"]),
        )
        out.measures.append(WorkbookMeasure(number, measure, row=row))


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.split("\n") if line.strip()]


def _indicators(sheet: Sheet, ref: str, known: set[int]) -> list[int]:
    text = to_arabic_digits(sheet.text(ref))
    found: list[int] = []
    for part in (p for p in re.split(r"[,\s]+", text) if p):
        if not part.isdigit() or int(part) not in known:
            sheet.problem(
                ref, f"ไม่มีตัวชี้วัด “{shown(part, 20)}” ในเกณฑ์ของปีนี้ (ใส่หมายเลขคั่นด้วยจุลภาค เช่น 2, 5)"
            )
        elif int(part) in found:
            sheet.problem(ref, f"ตัวชี้วัดที่ {part} ซ้ำ")
        else:
            found.append(int(part))
    return found


def read_progress(sheet: Sheet, round_months: int, out: WorkbookYear) -> None:
    if not check_header(sheet, L.HEADER_ROW, L.PROGRESS_COLUMNS):
        return
    sheet.outside(len(L.PROGRESS_COLUMNS))
    by_number = {m.number: m for m in out.measures if m.number is not None}
    seen: dict[int, int] = {}
    for row in range(L.FIRST_ROW, sheet.max_row + 1):
        if sheet.empty(row, len(L.PROGRESS_COLUMNS)):
            continue
        number = sheet.integer(cell(1, row), "ลำดับ")
        if number is None:
            if sheet.typed.cell(row, 1).value is None:
                sheet.problem(cell(1, row), "ไม่มีลำดับมาตรการ (ต้องตรงกับลำดับในแผ่นงาน มาตรการ)")
            continue
        if number in seen:
            sheet.problem(cell(1, row), f"ลำดับ {number} ซ้ำกับแถว {seen[number]}")
            continue
        seen[number] = row
        values = {}
        for col, (key, _) in enumerate(L.PROGRESS_COLUMNS, start=1):
            if key in L.PROGRESS_SHOWN:
                _shown_from_plan(sheet, cell(col, row))
            elif key in L.PROGRESS_TEXTS:
                values[key] = sheet.text(cell(col, row))
        target = by_number.get(number)
        if target is None:
            if any(values.values()):  # a row left of a measure deleted from the plan: empty is fine
                sheet.problem(cell(1, row), f"ไม่มีมาตรการลำดับ {number} ในแผ่นงาน {L.PLAN}")
            continue
        if values["status"] and values["status"] not in L.STATUSES:
            sheet.problem(
                cell(L.column_of(L.PROGRESS_COLUMNS, "status"), row),
                f"สถานะต้องเป็น {' / '.join(L.STATUSES)} หรือว่าง (ได้ “{shown(values['status'], 40)}”)",
            )
        target.progress[round_months] = ProgressEntry(
            None,
            round_months,
            status=values["status"],
            output=values["output"],
            outcome=values["outcome"],
            problems=values["problems"],
            suggestions=values["suggestions"],
            evidence=values["evidence"],
        )


def _shown_from_plan(sheet: Sheet, ref: str) -> None:
    if not sheet.is_formula(ref) and sheet.typed[ref].value not in (None, ""):
        sheet.problem(
            ref,
            f"คอลัมน์นี้แสดงข้อมูลจากแผ่นงาน {L.PLAN} แก้ที่นี่ไม่ได้ กรุณาแก้ที่แผ่นงาน {L.PLAN}",
        )
