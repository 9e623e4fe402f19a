"""Where things are in the Excel workbook: sheet names, headers, rows and columns.

The exporter writes by it and the importer reads by it (they are independent layers), so the
two can never disagree on a cell. Every table's header is on row 3; row 1 is the sheet's title
and row 2 names the organisation and the fiscal year.
"""

from __future__ import annotations

from dataclasses import dataclass

SCORES = "ผลการประเมิน"
ISSUES = "ประเด็นที่ต้องแก้ไข"
ANALYSIS = "การวิเคราะห์"
PLAN = "มาตรการ"
TITLE_ROW, INFO_ROW, HEADER_ROW = 1, 2, 3
FIRST_ROW = HEADER_ROW + 1
ORG_LABEL, YEAR_LABEL = "หน่วยงาน", "ปีงบประมาณ"
ORG_CELL, YEAR_CELL = "B2", "D2"  # the organisation's name and the fiscal year (พ.ศ.)

# (key, header): the scores sheet's indicator table
SCORE_COLUMNS = (
    ("number", "ตัวชี้วัด"),
    ("name", "ชื่อตัวชี้วัด"),
    ("tool", "เครื่องมือ"),
    ("score", "คะแนน"),
    ("rank", "อันดับ"),
    ("finding", "ผลการวิเคราะห์"),
    ("previous", "ปีก่อน"),
    ("change", "เปลี่ยนแปลง"),
)
TOOL_COLUMNS = (
    ("code", "เครื่องมือ"),
    ("name", "ชื่อเครื่องมือ"),
    ("weight", "น้ำหนัก"),
    ("computed", "คะแนนคำนวณ"),
    ("official", "คะแนนทางการ"),
    ("difference", "ผลต่าง"),
)
RANKING_COLUMNS = (
    ("number", "ตัวชี้วัด"),
    ("name", "ชื่อตัวชี้วัด"),
    ("tool", "เครื่องมือ"),
    ("score", "คะแนน"),
    ("rank", "อันดับ"),
)
OVERALL_LABEL, OVERALL_NAME = "รวม", "คะแนนภาพรวม"
LEVEL_LABEL = "ระดับผลการประเมิน"
THRESHOLD_LABEL = "เกณฑ์จุดแข็ง (คะแนนตั้งแต่)"
TARGET_LABEL = "ค่าเป้าหมาย"
RANKING_TITLE = "ตัวชี้วัดเรียงตามคะแนน (ค่า ณ วันส่งออก)"
STRENGTH, WEAKNESS = "จุดแข็ง", "จุดที่ต้องพัฒนา"

ISSUE_COLUMNS = (
    ("number", "ตัวชี้วัด"),
    ("name", "ชื่อตัวชี้วัด / เครื่องมือ"),
    ("score", "คะแนน"),
    ("priority", "ความสำคัญ"),
    ("issue", "ประเด็นที่ต้องแก้ไข"),
)

PLAN_COLUMNS = (
    ("number", "ลำดับ"),
    ("measure", "มาตรการ"),
    ("activities", "กิจกรรม/โครงการ"),
    ("steps", "ขั้นตอนหรือวิธีการ"),
    ("responsible", "ผู้รับผิดชอบ"),
    ("period", "ระยะเวลา"),
    ("monitoring", "การกำกับติดตาม"),
    ("kpi", "ตัวชี้วัดความสำเร็จ (KPI)"),
    ("budget", "งบประมาณ"),
    ("indicators", "ตัวชี้วัดที่เกี่ยวข้อง"),
)
PLAN_LISTS = ("activities", "steps", "responsible")  # one item a line in the cell

# the progress sheets: "shown" columns repeat the plan's cells by formula (read from the plan)
PROGRESS_SHOWN = ("measure", "steps", "period", "responsible")
PROGRESS_TEXTS = ("status", "output", "outcome", "problems", "suggestions", "evidence")
PROGRESS_COLUMNS = (
    ("number", "ลำดับ"),
    ("measure", "มาตรการ"),
    ("steps", "ขั้นตอนหรือวิธีการ"),
    ("period", "ระยะเวลา"),
    ("responsible", "ผู้รับผิดชอบ"),
    ("status", "สถานะ"),
    ("output", "ผลผลิต"),
    ("outcome", "ผลลัพธ์"),
    ("problems", "ปัญหาอุปสรรค"),
    ("suggestions", "ข้อเสนอแนะ"),
    ("evidence", "หลักฐาน"),
)
STATUSES = ("ยังไม่ดำเนินการ", "อยู่ระหว่างดำเนินการ", "ดำเนินการแล้วเสร็จ")


def progress_sheet(round_months: int) -> str:
    return f"ผลรอบ {round_months} เดือน"


def column_of(columns: tuple[tuple[str, str], ...], key: str) -> int:
    """The 1-based column of `key` in a table's columns."""
    return next(i for i, (k, _) in enumerate(columns, start=1) if k == key)


@dataclass(frozen=True)
class ScoreRows:
    """The rows of the scores sheet for a year with `indicators` indicators and `tools` tools."""

    indicators: int
    tools: int

    @property
    def last_indicator(self) -> int:
        return HEADER_ROW + self.indicators

    @property
    def tool_header(self) -> int:
        return self.last_indicator + 2

    def tool(self, index: int) -> int:
        """The row of the tool at `index` (0-based, in the rules' order)."""
        return self.tool_header + 1 + index

    @property
    def overall(self) -> int:
        return self.tool(self.tools)

    @property
    def level(self) -> int:
        return self.overall + 1

    @property
    def threshold(self) -> int:
        return self.level + 1

    @property
    def target(self) -> int:
        return self.threshold + 1

    @property
    def ranking_title(self) -> int:
        return self.target + 2

    @property
    def ranking_header(self) -> int:
        return self.ranking_title + 1


@dataclass(frozen=True)
class IssueRows:
    indicators: int

    @property
    def first_tool(self) -> int:
        return HEADER_ROW + self.indicators + 1
