"""What importing a workbook changes in the stored year, as Thai lines for the preview."""

from __future__ import annotations

from decimal import Decimal

from ita_desktop.documents import workbook_layout as L
from ita_desktop.domain.models import PRIORITIES, Assessment, Measure, ProgressEntry
from ita_desktop.domain.periods import period_text
from ita_desktop.errors import shown
from ita_desktop.importers.workbook.sheets import WorkbookYear

MEASURE_FIELDS = {
    "title": "ชื่อมาตรการ",
    "activities": "กิจกรรม/โครงการ",
    "steps": "ขั้นตอน",
    "responsible": "ผู้รับผิดชอบ",
    "period": "ระยะเวลา",
    "monitoring": "การกำกับติดตาม",
    "kpi": "ตัวชี้วัดความสำเร็จ",
    "budget": "งบประมาณ",
    "indicators": "ตัวชี้วัดที่เกี่ยวข้อง",
}
PROGRESS_FIELDS = dict(L.PROGRESS_COLUMNS)


def _n(value: Decimal | None) -> str:
    return "–" if value is None else f"{value:f}"


def _same_number(a: Decimal | None, b: Decimal | None) -> bool:
    return a == b if a is not None and b is not None else a is b


def change_lines(
    data: WorkbookYear,
    stored: Assessment | None,
    measures: list[Measure],
    progress: dict[int, dict[int, ProgressEntry]],
) -> list[str]:
    """Every change, one line each; a year not stored yet is summed up in one line."""
    if stored is None:
        filled = sum(1 for v in data.scores.values() if v is not None)
        return [
            f"ปีงบประมาณ {data.year} ใหม่: คะแนน {filled} ตัวชี้วัด, มาตรการ {len(data.measures)} รายการ"
        ]
    lines = _figures(data, stored) + _issues(data, stored) + _measures(data, measures, progress)
    return lines or ["ไม่มีข้อมูลที่เปลี่ยนแปลง"]


def _figures(data: WorkbookYear, a: Assessment) -> list[str]:
    lines = []
    for number, value in data.scores.items():
        if not _same_number(value, a.scores.get(number)):
            lines.append(f"คะแนนตัวชี้วัดที่ {number}: {_n(a.scores.get(number))} → {_n(value)}")
    for code in ("IIT", "EIT", "OIT"):
        old, new = a.official.tool(code), data.official.tool(code)
        if not _same_number(new, old):
            lines.append(f"คะแนนทางการ {code}: {_n(old)} → {_n(new)}")
    if not _same_number(data.official.overall, a.official.overall):
        lines.append(f"คะแนนภาพรวมทางการ: {_n(a.official.overall)} → {_n(data.official.overall)}")
    if data.official.level != a.official.level:
        lines.append(f"ระดับทางการ: “{a.official.level or '–'}” → “{data.official.level or '–'}”")
    if not _same_number(data.threshold, a.threshold):
        lines.append(f"เกณฑ์จุดแข็ง: {_n(a.threshold)} → {_n(data.threshold)}")
    if not _same_number(data.target, a.target):
        lines.append(f"ค่าเป้าหมาย: {_n(a.target)} → {_n(data.target)}")
    return lines


def _issues(data: WorkbookYear, a: Assessment) -> list[str]:
    lines = []
    for number in sorted({*data.issues_by_indicator, *a.issues_by_indicator}):
        if data.issues_by_indicator.get(number, "") != a.issues_by_indicator.get(number, ""):
            lines.append(f"ประเด็นที่ต้องแก้ไขของตัวชี้วัดที่ {number}: แก้ไข")
    for number in sorted({*data.issue_priorities, *a.issue_priorities}):
        old, new = a.issue_priorities.get(number), data.issue_priorities.get(number)
        if old != new:
            lines.append(
                f"ความสำคัญของตัวชี้วัดที่ {number}: {PRIORITIES.get(old or '', '–')}"
                f" → {PRIORITIES.get(new or '', '–')}"
            )
    for code in sorted({*data.issues_by_tool, *a.issues_by_tool}):
        if data.issues_by_tool.get(code, "") != a.issues_by_tool.get(code, ""):
            lines.append(f"ประเด็นที่ต้องแก้ไขของ {code}: แก้ไข")
    return lines


def _measures(
    data: WorkbookYear, old: list[Measure], progress: dict[int, dict[int, ProgressEntry]]
) -> list[str]:
    lines = []
    plan_year = data.year + 1
    for i in range(max(len(old), len(data.measures))):
        place = f"มาตรการที่ {i + 1}"
        if i >= len(old):
            lines.append(f"เพิ่ม{place}: {shown(data.measures[i].measure.title, 60)}")
            continue
        if i >= len(data.measures):
            lines.append(f"ลบ{place}: {shown(old[i].title, 60)} (พร้อมผลการดำเนินการ)")
            continue
        new = data.measures[i]
        fields = [
            label
            for key, label in MEASURE_FIELDS.items()
            if (
                period_text(old[i].period, plan_year) != period_text(new.measure.period, plan_year)
                if key == "period"
                else getattr(old[i], key) != getattr(new.measure, key)
            )
        ]
        if fields:
            lines.append(f"{place} ({shown(old[i].title, 40)}): แก้ไข{', '.join(fields)}")
        for r in sorted(progress):
            before = progress[r].get(old[i].id or -1) or ProgressEntry(None, r)
            after = new.progress.get(r) or ProgressEntry(None, r)
            changed = [
                PROGRESS_FIELDS[k]
                for k in L.PROGRESS_TEXTS
                if getattr(before, k) != getattr(after, k)
            ]
            if changed:
                lines.append(f"ผลรอบ {r} เดือน {place}: แก้ไข{', '.join(changed)}")
    return lines
