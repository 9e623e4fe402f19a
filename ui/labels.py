"""The one table of Thai labels the window shows (the rules supply indicator and tool names)."""

from __future__ import annotations

from ita_desktop.documents import labels as doc
from ita_desktop.documents import narrative

# Names the documents print are taken from the documents' table, so both say the same.

APP_TITLE = "ITA Desktop"

PAGES: dict[str, str] = {  # page key -> tab title (mnemonic digit in brackets)
    "organization": "หน่วยงาน",
    "scores": "ผลการประเมิน",
    "analysis": "การวิเคราะห์",
    "measures": "มาตรการ",
    "progress": "ผลการดำเนินงาน",
    "rules": "เกณฑ์และการพิมพ์",
    "export": "พิมพ์และส่งออก",
}

ORG_KINDS = (
    "เทศบาลตำบล",
    "เทศบาลเมือง",
    "เทศบาลนคร",
    "องค์การบริหารส่วนตำบล",
    "องค์การบริหารส่วนจังหวัด",
    "จังหวัด",
    "ส่วนราชการ",
)

DEFAULT_UNITS = ("สำนักปลัด", "กองคลัง", "กองช่าง", "กองยุทธศาสตร์และงบประมาณ")

SECTIONS: dict[str, str] = {  # narrative section key -> title, as the documents call them
    key: narrative.SECTION_TITLES[key] for key in narrative.SECTIONS
}

DOCUMENTS: dict[str, str] = {key: doc.DOCUMENT_SHORT[key] for key in doc.DOCUMENT_KINDS}
FORMATS: dict[str, str] = {"pdf": "PDF", "xlsx": "Excel (.xlsx)"}
ROUND_NAMES: dict[int, str] = {6: "รอบ 6 เดือน", 12: "รอบ 12 เดือน"}
WHOLE_YEAR = "ตลอดปีงบประมาณ"

MEASURE_COLUMNS = (
    doc.COL_MEASURE,
    doc.COL_STEPS,
    doc.COL_RESPONSIBLE,
    doc.COL_PERIOD,
    doc.COL_LINKED,
)
ISSUE_COLUMNS = (doc.COL_INDICATOR, doc.COL_SCORE, doc.COL_ISSUE)
PROGRESS_COLUMNS = (doc.COL_MEASURE, doc.COL_STATUS, doc.COL_OUTPUT, doc.COL_OUTCOME)
PROGRESS_FIELDS: dict[str, str] = {
    "output": doc.COL_OUTPUT,
    "outcome": doc.COL_OUTCOME,
    "problems": "ปัญหาอุปสรรค",
    "suggestions": "ข้อเสนอแนะ",
    "evidence": "หลักฐาน/เอกสารอ้างอิง",
}

INDICATOR_COLUMNS = ("ที่", "เครื่องมือ", "ชื่อตัวชี้วัด", "คำอธิบาย")
GRADE_COLUMNS = ("ระดับ", "คะแนนรวมตั้งแต่", "ทุกเครื่องมือตั้งแต่")
SIGNATORY_COLUMNS = ("ชื่อ–สกุล", "ตำแหน่ง")
THAI_DIGITS = "เลขไทย (๐ ๑ ๒ ๓ …)"
ARABIC_DIGITS = "เลขอารบิก (0 1 2 3 …)"

OVERALL = doc.OVERALL
LEVEL = doc.LEVEL
TARGET = "ค่าเป้าหมาย"
THRESHOLD = "เกณฑ์จุดแข็ง"
FISCAL_YEAR = "ปีงบประมาณ"
ORGANIZATION = "หน่วยงาน"
MISMATCH = "ไม่ตรงกับผลที่ประกาศ"
MATCH = "ตรงกับผลที่ประกาศ"
DEMO_BANNER = (
    "ข้อมูลตัวอย่าง — ไฟล์นี้เป็นข้อมูลตัวอย่างจากเอกสารจริงของหน่วยงานอื่น "
    "ใช้ทดลองโปรแกรมได้ เมื่อพร้อมทำงานจริงให้สร้างฐานข้อมูลใหม่หรือเปิดไฟล์ของหน่วยงาน"
)
NO_DATABASE = "ยังไม่ได้เปิดฐานข้อมูล สร้างฐานข้อมูลใหม่หรือเปิดไฟล์ที่มีอยู่จากเมนูไฟล์"
NOT_OPENED = (  # the banner while nothing is open because a file failed: {name}, {why}
    "ยังไม่ได้เปิดฐานข้อมูล — เปิดไฟล์ {name} ไม่ได้ ({why}) ไฟล์นั้นไม่ถูกแก้ไข"
    " สร้างฐานข้อมูลใหม่ หรือเปิดไฟล์อื่น (ไฟล์สำรองอยู่ในโฟลเดอร์ backups ข้างไฟล์)"
)
READ_ONLY_BANNER = (
    "เปิดแบบอ่านอย่างเดียว — ไฟล์นี้อยู่ในที่ที่เขียนไม่ได้ (ไฟล์ โฟลเดอร์ แผ่นซีดี หรือโฟลเดอร์แชร์"
    "ที่อ่านได้อย่างเดียว) ดูข้อมูลและส่งออกเอกสารได้ตามปกติ แต่แก้ไขไม่ได้"
    " หากต้องการแก้ไข กด “บันทึกเป็น…” เก็บสำเนาไว้ในโฟลเดอร์ที่เขียนได้ แล้วแก้ไขในสำเนานั้น"
)
READ_ONLY_EDIT = (
    "ไฟล์นี้เปิดแบบอ่านอย่างเดียว จึงไม่ได้บันทึกการแก้ไข (ข้อมูลในไฟล์ยังเหมือนเดิม)\n\n"
    "หากต้องการแก้ไข ให้ใช้เมนู ไฟล์ → บันทึกเป็น… เก็บสำเนาไว้ในโฟลเดอร์ที่เขียนได้"
    " แล้วแก้ไขในสำเนานั้น"
)
READ_ONLY_STATUS = "ไฟล์นี้เปิดแบบอ่านอย่างเดียว ไม่ได้บันทึกการแก้ไข (บันทึกเป็นไฟล์ใหม่เพื่อแก้ไข)"
WHY_NOT_OPENED = {  # short reasons for the banner and the recent-files list, by error kind
    "EmptyDatabaseError": "ไฟล์ว่างเปล่า 0 ไบต์",
    "DamagedDatabaseError": "ไฟล์เสียหาย",
    "NotOurDatabaseError": "เป็นฐานข้อมูลของโปรแกรมอื่น",
    "NewerDatabaseError": "บันทึกด้วยโปรแกรมรุ่นที่ใหม่กว่า",
    "ReadOnlyDatabaseError": "อยู่ในที่ที่เขียนไม่ได้และต้องปรับรุ่นหรือมีการบันทึกค้าง",
}
NO_ORGANIZATION = "ยังไม่มีหน่วยงานในฐานข้อมูลนี้ กดปุ่ม “เพิ่มหน่วยงาน…” ด้านบนเพื่อเริ่ม"
NO_ASSESSMENT = (
    "หน่วยงานนี้ยังไม่มีปีงบประมาณ กดปุ่ม “เพิ่มปี…” ด้านบนเพื่อเลือกปีที่จะทำงาน (โปรแกรมเสนอปีล่าสุดที่สิ้นสุดแล้ว)"
)
DB_FILTER = "ฐานข้อมูล ITA (*.itadb *.sqlite *.db);;ทุกไฟล์ (*)"  # .itadb opens by double-click


def indicator_label(number: int, name: str) -> str:
    return f"ตัวชี้วัดที่ {number} {name}"


def tool_label(code: str, name: str) -> str:
    return f"{code} — {name}"
