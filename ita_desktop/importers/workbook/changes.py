"""What importing a workbook changes in the stored year, as Thai lines for the preview."""

from __future__ import annotations

from decimal import Decimal

from openpyxl.utils import get_column_letter as letter

from ita_desktop.documents import workbook_layout as L
from ita_desktop.domain.models import PRIORITIES, Assessment, Measure, Period, ProgressEntry
from ita_desktop.domain.periods import period_text
from ita_desktop.errors import shown
from ita_desktop.importers.workbook.sheets import WorkbookMeasure, WorkbookYear, stored_places

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
    """Every change, one line each (a year not stored yet is summed up in one line), then
    what was accepted but must be said: numbers read from text, periods kept as text."""
    if stored is None:
        filled = sum(1 for v in data.scores.values() if v is not None)
        free = [_free_period(m, data.year + 1) for m in data.measures if m.measure.period.text]
        summary = (
            f"ปีงบประมาณ {data.year} ใหม่: คะแนน {filled} ตัวชี้วัด, มาตรการ {len(data.measures)} รายการ"
        )
        return [summary, *free, *_notes(data)]
    lines = _figures(data, stored) + _issues(data, stored) + _measures(data, measures, progress)
    return (lines or ["ไม่มีข้อมูลที่เปลี่ยนแปลง"]) + _notes(data)


def _notes(data: WorkbookYear) -> list[str]:
    return [f"หมายเหตุ: {note.line()}" for note in data.notes]


def _free_period(m: WorkbookMeasure, plan_year: int) -> str:
    """A period the import could not read as months: kept as the text typed, and said so."""
    period = m.measure.period
    ref = f"{letter(L.column_of(L.PLAN_COLUMNS, 'period'))}{m.row}"
    example = period_text(Period(start_month=10, end_month=3), plan_year, thai_digits=False)
    whole = period_text(Period(whole_year=True), plan_year, thai_digits=False)
    return (
        f"หมายเหตุ: แผ่นงาน “{L.PLAN}” เซลล์ {ref}: ระยะเวลา “{shown(period.text, 40)}” อ่านเป็นเดือนไม่ได้"
        f" จึงเก็บเป็นข้อความตามที่พิมพ์ (ไม่มีเดือนเริ่มและเดือนสิ้นสุด)"
        f" ถ้าต้องการให้อ่านเป็นเดือน ให้พิมพ์แบบ “{example}” หรือ “{whole}”"
    )


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
    """Each workbook row compared with the stored measure of its ลำดับ (as the import applies
    it); a row without a known ลำดับ is added, a stored measure no row names is removed."""
    lines = []
    plan_year = data.year + 1
    matched = stored_places([m.number for m in data.measures], len(old))
    for n in sorted(set(range(len(old))) - set(matched.values())):
        lines.append(f"ลบมาตรการที่ {n + 1}: {shown(old[n].title, 60)} (พร้อมผลการดำเนินการ)")
    for i, new in enumerate(data.measures):
        place = f"มาตรการที่ {i + 1}"
        if i not in matched:
            lines.append(f"เพิ่ม{place}: {shown(new.measure.title, 60)}")
            if new.measure.period.text:
                lines.append(_free_period(new, plan_year))
            continue
        before = old[matched[i]]
        lines += _measure_lines(place, before, new, progress, plan_year)
    kept = [matched[i] for i in range(len(data.measures)) if i in matched]
    if kept != sorted(kept):
        lines.append("เรียงลำดับมาตรการใหม่ตามแถวในแผ่นงาน มาตรการ")
    return lines


def _measure_lines(
    place: str,
    old: Measure,
    new: WorkbookMeasure,
    progress: dict[int, dict[int, ProgressEntry]],
    plan_year: int,
) -> list[str]:
    lines = []
    fields = [
        label
        for key, label in MEASURE_FIELDS.items()
        if (
            period_text(old.period, plan_year) != period_text(new.measure.period, plan_year)
            if key == "period"
            else getattr(old, key) != getattr(new.measure, key)
        )
    ]
    if fields:
        lines.append(f"{place} ({shown(old.title, 40)}): แก้ไข{', '.join(fields)}")
    if MEASURE_FIELDS["period"] in fields and new.measure.period.text:
        lines.append(_free_period(new, plan_year))
    for r in sorted(progress):
        before = progress[r].get(old.id or -1) or ProgressEntry(None, r)
        after = new.progress.get(r) or ProgressEntry(None, r)
        changed = [
            PROGRESS_FIELDS[k] for k in L.PROGRESS_TEXTS if getattr(before, k) != getattr(after, k)
        ]
        if changed:
            lines.append(f"ผลรอบ {r} เดือน {place}: แก้ไข{', '.join(changed)}")
    return lines
