"""The wording of the print settings (hints, text names, bundles, tables) and their dates."""

from __future__ import annotations

import re

from ita_desktop.domain.models import (
    MEASURE_COLUMNS,
    PRIORITIES,
    RESULT_COLUMNS,
    default_measure_columns,
    default_result_columns,
)
from ita_desktop.thai.digits import to_arabic_digits

PREFACE_HINT = "เว้นว่างไว้เพื่อใช้คำนำมาตรฐานที่โปรแกรมเขียนให้"
ROUNDS_NOTE = "สรุปผล ปัญหาอุปสรรค และข้อเสนอแนะของแต่ละรอบ กรอกที่หน้า “ผลการดำเนินงาน”"
NOTE_STYLE = "color: #555;"
ERROR_STYLE = "color: #b71c1c; font-weight: bold;"
LINES_NOTE = "หนึ่งข้อต่อบรรทัด ขึ้นบรรทัดใหม่ตามที่พิมพ์ ข้อที่ขึ้นต้นด้วย ๑. 1) หรือ - พิมพ์เป็นรายการย่อหน้าแขวน"
DATE_HINT = "เช่น 15/10/2564 (ปี พ.ศ.) เว้นว่างไว้เพื่อเขียนวันที่ด้วยมือ"
_DATE = re.compile(r"\s*(\d{1,2})\s*/\s*(\d{1,2})\s*/\s*(\d{4})\s*")

# the texts the content page edits: setting -> (name in the list, where it prints)
TEXTS: dict[str, tuple[str, str]] = {
    "preface": ("คำนำ", PREFACE_HINT),
    "background": (
        "ความเป็นมา",
        "พิมพ์เป็นหัวข้อ “ความเป็นมา” ที่ต้นเอกสารฉบับแรกของเล่ม (รายงานการวิเคราะห์ หรือมาตรการ หรือรายงานผล)",
    ),
    "objectives": (
        "วัตถุประสงค์",
        "พิมพ์เป็นหัวข้อแรกของมาตรการ หรือของรายงานผลเมื่อเล่มไม่มีมาตรการ",
    ),
    "targets_quantity": ("เป้าหมายเชิงปริมาณ", "พิมพ์ใต้หัวข้อ “เป้าหมายการดำเนินงาน” ต่อจากวัตถุประสงค์"),
    "targets_quality": ("เป้าหมายเชิงคุณภาพ", "พิมพ์ใต้หัวข้อ “เป้าหมายการดำเนินงาน” ต่อจากเชิงปริมาณ"),
    "limitations": (
        "ข้อจำกัดของหน่วยงาน",
        "พิมพ์เป็นหัวข้อสุดท้ายของรายงานการวิเคราะห์ (หรือของมาตรการเมื่อเล่มไม่มีรายงานการวิเคราะห์)",
    ),
    "preparing_unit": (
        "ผู้จัดทำ",
        (
            "หนึ่งหน่วยต่อบรรทัด เช่น ฝ่ายบริหารงานทั่วไป แล้วบรรทัดถัดไป สำนักปลัด "
            "ลงท้ายคำนำ และพิมพ์หน้า “จัดทำโดย” ปิดท้ายเอกสาร"
        ),
    ),
    "announcement_text": (
        "ข้อความประกาศ",
        "เว้นว่างไว้เพื่อใช้ข้อความประกาศมาตรฐาน (อ้างผลการประเมินและจำนวนมาตรการให้เอง)",
    ),
}
PRIORITIES_ENTRY = "ประเด็นเร่งด่วน / ต้องพัฒนา"
PRIORITY_CHOICES = [("", "–"), *PRIORITIES.items()]
BUNDLE_NAMES = {
    "analysis": "รายงานการวิเคราะห์ผลการประเมิน",
    "measures": "มาตรการส่งเสริมคุณธรรมและความโปร่งใส",
    "results": "รายงานผลการดำเนินการตามมาตรการ",
}
TABLES = {  # the tables whose columns are chosen: setting -> (name, fields, defaults)
    "measure_columns": ("ตารางมาตรการ", MEASURE_COLUMNS, default_measure_columns),
    "result_columns": ("ตารางรายงานผลตามมาตรการ", RESULT_COLUMNS, default_result_columns),
}


def date_text(stored: str) -> str:
    """ "2564-10-15" as the user types it: "15/10/2564"."""
    parts = stored.split("-")
    if len(parts) != 3:
        return ""
    return f"{int(parts[2])}/{int(parts[1])}/{parts[0]}"


def parse_date(text: str) -> str | None:
    """ "15/10/2564" (Thai digits too) -> "2564-10-15"; "" -> ""; None when unreadable."""
    text = to_arabic_digits(text.strip())
    if not text:
        return ""
    m = _DATE.fullmatch(text)
    if m is None:
        return None
    return f"{m[3]}-{int(m[2]):02d}-{int(m[1]):02d}"
