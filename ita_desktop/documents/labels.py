"""The one table of Thai labels and boilerplate the documents print (shared with the GUI).

Templates take str.format fields; numbers go in with Arabic digits and are localised when the
document is built. Anything computed (scores, counts, names) comes from the core, never here.
"""

from __future__ import annotations

DOCUMENT_KINDS = ("analysis", "measures", "results", "all")

DOCUMENT_TITLES: dict[str, str] = {
    "analysis": "รายงานการวิเคราะห์ผลการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ (ITA)",
    "measures": "มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน",
    "results": "รายงานผลการดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน",
    "all": "การประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ (ITA)",
}
DOCUMENT_SHORT: dict[str, str] = {  # what the GUI's export choices show
    "analysis": "รายงานการวิเคราะห์ผลการประเมิน",
    "measures": "มาตรการส่งเสริมคุณธรรมและความโปร่งใส",
    "results": "รายงานผลการดำเนินการตามมาตรการ",
    "all": "รวมเล่มตามที่เลือกไว้ในหน้าเกณฑ์และการพิมพ์",
}

FISCAL_YEAR = "ประจำปีงบประมาณ พ.ศ. {year}"
COVER_ITEM = "{n}. {name} ปี {year}"  # the bundle's cover lists its three documents
COVER_ITEM_ROUND = "{n}. {name} ปี {year} รอบ {months} เดือน"
ROUND = "รอบ {months} เดือน ({span})"
PLACE = "อำเภอ{district} จังหวัด{province}"
PREFACE = "คำนำ"
CONTENTS = "สารบัญ"
CONTENTS_PAGE = "หน้า"
CONTENTS_TOPIC = "เรื่อง"
CONTINUED = "(ต่อ)"
PART = "ส่วนที่ {number}"
PAGE_NUMBER = "– {page} –"  # en dashes: pdftotext drops a hyphen that ends a line
SIGN = "ลงชื่อ"

# ---------------------------------------------------------------- optional sections
SECTION_NAMES: dict[str, str] = {  # the window's names of the optional sections
    "preface": "คำนำ",
    "contents": "สารบัญ",
    "background": "ความเป็นมา",
    "objectives": "วัตถุประสงค์",
    "targets": "เป้าหมายการดำเนินงาน",
    "charts": "แผนภูมิผลการประเมิน",
    "priorities": "ตารางประเด็นเร่งด่วน/ต้องพัฒนา",
    "limitations": "ข้อจำกัดของหน่วยงาน",
    "preparing_unit": "ผู้จัดทำ",
    "signatures": "ลายมือชื่อผู้ลงนาม",
    "announcement": "ประกาศมาตรการ",
}
H_BACKGROUND = "ความเป็นมา"
H_OBJECTIVES = "วัตถุประสงค์"
H_TARGETS = "เป้าหมายการดำเนินงาน"
TARGETS_QUANTITY = "เชิงปริมาณ"
TARGETS_QUALITY = "เชิงคุณภาพ"
H_LIMITATIONS = "ข้อจำกัดของหน่วยงานในการดำเนินการประเมินคุณธรรมและความโปร่งใส"
H_PRIORITY: dict[str, str] = {
    "urgent": "ประเด็นที่ต้องแก้ไขโดยเร่งด่วน",
    "develop": "ประเด็นที่ต้องพัฒนา",
}
CAPTION_PRIORITY = "ตารางที่ {n} {title}"
COL_PRIORITY_ISSUE = "ประเด็นที่ต้องแก้ไขหรือพัฒนา"
PREPARED_BY = "จัดทำโดย"
PREPARER = "ผู้จัดทำ"
NUMBERED = "{n}. {title}"

# ---------------------------------------------------------------- announcement
ANNOUNCEMENT_TITLE = "ประกาศ{org}"
ANNOUNCEMENT_SUBJECT = (
    "เรื่อง มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน ประจำปีงบประมาณ พ.ศ. {next_year}"
)
ANNOUNCEMENT_BODY = (
    "ตามที่สำนักงานคณะกรรมการป้องกันและปราบปรามการทุจริตแห่งชาติ (สำนักงาน ป.ป.ช.) "
    "ได้ดำเนินการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ "
    "(Integrity and Transparency Assessment: ITA) ประจำปีงบประมาณ พ.ศ. {year}{analysed} นั้น"
    "\n"
    "เพื่อให้การดำเนินงานของ{org}เป็นไปด้วยความโปร่งใส มีคุณธรรม และสามารถตรวจสอบได้ "
    "{org}จึงกำหนดมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน ประจำปีงบประมาณ "
    "พ.ศ. {next_year} จำนวน {count} มาตรการ ตามรายละเอียดแนบท้ายประกาศนี้ ให้บุคลากรทุกคน"
    "ถือปฏิบัติโดยเคร่งครัด"
    "\n"
    "จึงประกาศมาเพื่อทราบโดยทั่วกัน"
)
# said only when the year has scores: an analysis was made
ANNOUNCEMENT_ANALYSED = " และ{org} ได้วิเคราะห์ผลการประเมินเพื่อหาจุดแข็งและจุดที่ต้องพัฒนาแล้ว"
ANNOUNCED_ON = "ประกาศ ณ วันที่ {day} {month} พ.ศ. {year}"
ANNOUNCED_BLANK = "ประกาศ ณ วันที่ ...... เดือน ............ พ.ศ. ......"
EXECUTIVE_TITLES = (  # (the name starts with, the executive's title replaces it)
    ("เทศบาล", "นายกเทศมนตรี"),
    ("องค์การบริหารส่วน", "นายกองค์การบริหารส่วน"),
    ("จังหวัด", "ผู้ว่าราชการจังหวัด"),
)

# ---------------------------------------------------------------- analysis report
H_PRINCIPLES = "{n}. หลักการและเหตุผล"
H_RESULTS = "{n}. ผลการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของ{org}"
H_RESULTS_SUMMARY = "{n} ผลการประเมินภาพรวมและรายเครื่องมือ"
H_RANKING = "{n} คะแนนรายตัวชี้วัดเรียงจากมากไปน้อย"
H_CHARTS = "{n} แผนภูมิผลการประเมิน"
H_ANALYSIS = "{n}. การวิเคราะห์ข้อมูล"
H_STRENGTHS = "{n} จุดแข็ง"
H_WEAKNESSES = "{n} จุดที่ต้องพัฒนา"
H_ISSUES = "{n}. ประเด็นที่ต้องแก้ไข ปรับปรุง หรือรักษาระดับ แยกตามเครื่องมือการประเมิน"
H_GUIDANCE = "{n}. แนวทางการพัฒนาในปีงบประมาณ พ.ศ. {next_year}"

PREFACE_ANALYSIS = (
    "{org} ได้จัดทำรายงานการวิเคราะห์ผลการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของ"
    "หน่วยงานภาครัฐ ประจำปีงบประมาณ พ.ศ. {year} ฉบับนี้ขึ้น เพื่อนำผลการประเมินมาวิเคราะห์"
    "หาจุดแข็งและจุดที่ต้องพัฒนา และใช้เป็นแนวทางในการจัดทำมาตรการส่งเสริมคุณธรรมและ"
    "ความโปร่งใสภายในหน่วยงาน ประจำปีงบประมาณ พ.ศ. {next_year}"
)
PREFACE_ALL = (
    "{org} ได้รวบรวมรายงานการวิเคราะห์ผลการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของ"
    "หน่วยงานภาครัฐ ประจำปีงบประมาณ พ.ศ. {year} มาตรการส่งเสริมคุณธรรมและความโปร่งใส"
    "ภายในหน่วยงาน ประจำปีงบประมาณ พ.ศ. {next_year} และรายงานผลการดำเนินการตามมาตรการ "
    "รอบ {months} เดือน ไว้ในเล่มเดียวกัน เพื่อให้เห็นความเชื่อมโยงตั้งแต่ผลการประเมิน "
    "การวิเคราะห์ การกำหนดมาตรการ จนถึงผลการดำเนินการตามมาตรการ"
)
PREFACE_BUNDLE = (
    "{org} ได้รวบรวม{items} ไว้ในเล่มเดียวกัน เพื่อให้เห็นความเชื่อมโยงตั้งแต่ผลการประเมิน การวิเคราะห์ จนถึง{last}"
)
PREFACE_BUNDLE_LAST = {  # how far the book goes: its last document
    "analysis": "ประเด็นที่ต้องพัฒนา",
    "measures": "การกำหนดมาตรการ",
    "results": "การกำหนดมาตรการและการดำเนินการตามมาตรการ",
}
PREFACE_ITEM_ANALYSIS = (
    "รายงานการวิเคราะห์ผลการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ "
    "ประจำปีงบประมาณ พ.ศ. {year}"
)
PREFACE_ITEM_MEASURES = (
    "มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน ประจำปีงบประมาณ พ.ศ. {next_year}"
)
PREFACE_ITEM_RESULTS = "รายงานผลการดำเนินการตามมาตรการ รอบ {months} เดือน"
PREFACE_CLOSING = (
    "{org} หวังเป็นอย่างยิ่งว่าเอกสารฉบับนี้จะเป็นประโยชน์ต่อการยกระดับคุณธรรมและ"
    "ความโปร่งใสในการดำเนินงานของหน่วยงาน และสร้างความเชื่อมั่นให้แก่ประชาชนและ"
    "ผู้มีส่วนได้ส่วนเสียต่อไป"
)

PRINCIPLES = (
    "การประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ (Integrity and "
    "Transparency Assessment: ITA) เป็นเครื่องมือการประเมินเชิงบวกที่สำนักงานคณะกรรมการ"
    "ป้องกันและปราบปรามการทุจริตแห่งชาติ (สำนักงาน ป.ป.ช.) พัฒนาขึ้น เพื่อให้หน่วยงานภาครัฐ"
    "ทั่วประเทศได้รับทราบสถานะและปัญหาการดำเนินงานด้านคุณธรรมและความโปร่งใสของตนเอง "
    "และนำผลการประเมินไปปรับปรุงการปฏิบัติงานและการให้บริการประชาชนให้มีประสิทธิภาพยิ่งขึ้น"
    "\n\n"
    "การประเมินประจำปีงบประมาณ พ.ศ. {year} ประกอบด้วยตัวชี้วัด {count} ตัวชี้วัด "
    "ประเมินด้วยเครื่องมือ {tool_count} เครื่องมือ ได้แก่ {tools} ผลการประเมินจึงสะท้อน"
    "การรับรู้ของบุคลากรภายใน การรับรู้ของผู้รับบริการและผู้มีส่วนได้ส่วนเสียภายนอก "
    "และการเผยแพร่ข้อมูลที่เป็นปัจจุบันบนเว็บไซต์ของหน่วยงาน ตัวชี้วัดทั้งหมดมีดังนี้"
)
PRINCIPLES_CLOSING = (
    "{org} จึงได้วิเคราะห์ผลการประเมินดังกล่าวเพื่อหาจุดแข็งและจุดที่ต้องพัฒนา และนำไป"
    "กำหนดมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน ประจำปีงบประมาณ พ.ศ. "
    "{next_year} ตามรายละเอียดในรายงานฉบับนี้"
)
INDICATOR_ITEM = "{number}. {name} ({tool})"
TOOL_LABEL = "{name} ({code})"

COL_TOOL = "เครื่องมือการประเมิน"
COL_TOOL_SHORT = "เครื่องมือ"
COL_WEIGHT = "น้ำหนัก (ร้อยละ)"
COL_SCORE = "คะแนน"
COL_OFFICIAL = "ผลที่ประกาศ"
COL_RANK = "อันดับ"
COL_INDICATOR = "ตัวชี้วัด"
COL_CHANGE = "เปลี่ยนแปลงจากปี {year}"
COL_ISSUE = "ประเด็นที่ต้องแก้ไข ปรับปรุง หรือรักษาระดับ"
WEIGHT = "{percent}"  # under the header "น้ำหนัก (ร้อยละ)"
OVERALL = "คะแนนรวม"
LEVEL = "ระดับผลการประเมิน"
TOOL_OVERALL = "ภาพรวม {code}"
CAPTION_SUMMARY = "ตารางที่ {n} ผลการประเมินรายเครื่องมือและคะแนนรวม ปีงบประมาณ พ.ศ. {year}"
CAPTION_RANKING = "ตารางที่ {n} คะแนนรายตัวชี้วัดเรียงจากมากไปน้อย ปีงบประมาณ พ.ศ. {year}"
CAPTION_ISSUES = "ตารางที่ {n} ประเด็นที่ต้องแก้ไข ปรับปรุง หรือรักษาระดับ แยกตามเครื่องมือ"
CHART_INDICATORS = "แผนภูมิที่ {n} คะแนนรายตัวชี้วัด ปีงบประมาณ พ.ศ. {year}"
CHART_TOOLS = "แผนภูมิที่ {n} คะแนนรายเครื่องมือและคะแนนรวม ปีงบประมาณ พ.ศ. {year}"
CHART_TREND = "แผนภูมิที่ {n} คะแนนย้อนหลัง ปีงบประมาณ พ.ศ. {first} – {last}"
TARGET_LINE = "ค่าเป้าหมาย {target}"
MISMATCH_NOTE = (
    "หมายเหตุ: คะแนนในรายงานนี้คำนวณตามเกณฑ์ของปีงบประมาณ พ.ศ. {year} "
    "ซึ่งต่างจากผลที่สำนักงาน ป.ป.ช. ประกาศ ดังนี้ {items}"
)
MISMATCH_ITEM = "{figure} คำนวณได้ {computed} ประกาศ {official}"
NO_SCORES = (
    "ยังไม่ได้กรอกคะแนนตัวชี้วัดของปีงบประมาณ พ.ศ. {year} จึงยังไม่มีผลการจัดอันดับ "
    "แผนภูมิ และการวิเคราะห์จุดแข็งและจุดที่ต้องพัฒนา"
)
NO_SCORE_ANALYSIS = "ยังไม่มีคะแนนตัวชี้วัดสำหรับการวิเคราะห์ในส่วนนี้"
NO_ISSUE = "–"
TOOL_INCOMPLETE = "ยังกรอกคะแนนตัวชี้วัดของเครื่องมือนี้ไม่ครบ จึงยังวิเคราะห์ประเด็นไม่ได้"

# ---------------------------------------------------------------- measures plan
MEASURES_INTRO = (
    "{org} ได้{analysed}กำหนดมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน "
    "ประจำปีงบประมาณ พ.ศ. {next_year} จำนวน {count} มาตรการ{focus} ดังนี้"
)
# said only when the year has scores
MEASURES_ANALYSED = (
    "นำผลการวิเคราะห์การประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ "
    "ประจำปีงบประมาณ พ.ศ. {year} มา"
)
MEASURES_FOCUS = " โดยเน้นตัวชี้วัดที่ต้องพัฒนา ได้แก่ {names}"  # the weak ones a measure serves
MEASURES_NONE = (
    "ยังไม่ได้กำหนดมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน สำหรับปีงบประมาณ พ.ศ. {next_year}"
)
CAPTION_MEASURES = (
    "ตารางที่ {n} มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน ประจำปีงบประมาณ พ.ศ. {next_year}"
)
COL_NO = "ที่"
COL_MEASURE = "มาตรการ"
COL_STEPS = "ขั้นตอนหรือวิธีการดำเนินการ"
COL_RESPONSIBLE = "หน่วยงานผู้รับผิดชอบ"
COL_PERIOD = "ระยะเวลาดำเนินการ"
COL_MONITORING = "การกำกับติดตาม"
COL_LINKED = "ตัวชี้วัดที่เกี่ยวข้อง"
COL_ACTIVITIES = "กิจกรรม/โครงการ"
COL_KPI = "ตัวชี้วัดความสำเร็จ"
COL_BUDGET = "งบประมาณ"
COL_PROBLEMS = "ปัญหาและอุปสรรค"
COL_SUGGESTIONS = "ข้อเสนอแนะ"
COL_EVIDENCE = "หลักฐาน/เอกสารอ้างอิง"
COLUMN_LABEL = "{label}: {text}"  # a field printed inside another field's column
KPI = "ตัวชี้วัดความสำเร็จ: {kpi}"
INDICATOR_REF = "ตัวชี้วัดที่ {number} {name}"
INDICATOR_REF_LINES = "ตัวชี้วัดที่ {number}\n{name}"  # a narrow column: the name on its own line
NONE_GIVEN = "–"

# ---------------------------------------------------------------- implementation report
H_RESULTS_TABLE = "{n}. ผลการดำเนินการตามมาตรการ"
H_SUMMARY = "{n}. สรุปผลการดำเนินการ"
H_PROBLEMS = "{n}. ปัญหาและอุปสรรค"
H_SUGGESTIONS = "{n}. ข้อเสนอแนะ"
RESULTS_INTRO = (
    "ตามที่{org} ได้{analysed}กำหนดมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน "
    "ประจำปีงบประมาณ พ.ศ. {next_year} จำนวน {count} มาตรการ นั้น {org} ได้ดำเนินการตามมาตรการ"
    "ดังกล่าวในรอบ {months} เดือน ({span}) โดยมีผลการดำเนินการดังนี้"
)
# said only when the year has scores
RESULTS_ANALYSED = (
    "วิเคราะห์ผลการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ "
    "ประจำปีงบประมาณ พ.ศ. {year} และ"
)
RESULTS_NONE = "ยังไม่มีมาตรการของปีงบประมาณ พ.ศ. {next_year} ที่จะรายงานผลการดำเนินการ"
CAPTION_RESULTS = "ตารางที่ {n} ผลการดำเนินการตามมาตรการ รอบ {months} เดือน ({span})"
COL_OUTPUT = "ผลการดำเนินการ (Output)"
COL_OUTCOME = "ผลลัพธ์ (Outcome)"
COL_STATUS = "สถานะ"
NOT_REPORTED = "ยังไม่ได้รายงานผล"
RESULTS_NOTHING = (
    "{org} ยังไม่ได้รายงานผลการดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน "
    "ประจำปีงบประมาณ พ.ศ. {next_year} ในรอบ {months} เดือน ({span})"
)
COL_ISSUE_TO_FIX = "ประเด็นที่ต้องแก้ไขหรือพัฒนา"
COL_RESULTS = "ผลการดำเนินงาน"
NO_INDICATOR = "มาตรการที่ไม่ได้ระบุตัวชี้วัด"
SCORE_CITE = "{ref} ปี {year} ได้ {score} คะแนน"
SCORE_CITE_NEXT = "{ref} ปี {year} ได้ {score} คะแนน และปี {next_year} ได้ {next_score} คะแนน"
SUMMARY_COUNTS = (
    "ในรอบ {months} เดือน {org} มีมาตรการทั้งหมด {count} มาตรการ ดำเนินการแล้วเสร็จ "
    "{done} มาตรการ อยู่ระหว่างดำเนินการ {doing} มาตรการ ยังไม่ดำเนินการ {todo} มาตรการ"
)
SUMMARY_UNREPORTED = " และยังไม่ได้รายงานผล {count} มาตรการ"
PROBLEMS_NONE = "ในรอบการรายงานนี้ไม่พบปัญหาและอุปสรรคในการดำเนินการตามมาตรการ"
SUMMARY_NONE = "ในรอบการรายงานนี้ยังไม่มีมาตรการ จึงยังไม่มีผลการดำเนินการที่จะสรุป"
SUGGESTIONS_NONE = "ในรอบการรายงานนี้ไม่มีข้อเสนอแนะเพิ่มเติม"
FROM_MEASURE = "{title}: {text}"

# ---------------------------------------------------------------- table columns
COLUMN_HEADERS: dict[str, str] = {  # a column's standard header, by its field
    "measure": COL_MEASURE,
    "activities": COL_ACTIVITIES,
    "steps": COL_STEPS,
    "responsible": COL_RESPONSIBLE,
    "period": COL_PERIOD,
    "monitoring": COL_MONITORING,
    "kpi": COL_KPI,
    "budget": COL_BUDGET,
    "indicators": COL_LINKED,
    "output": COL_OUTPUT,
    "outcome": COL_OUTCOME,
    "status": COL_STATUS,
    "problems": COL_PROBLEMS,
    "suggestions": COL_SUGGESTIONS,
    "evidence": COL_EVIDENCE,
}
RESULTS_LAYOUT_NAMES: dict[str, str] = {
    "measure": "ตามมาตรการ (ตารางผลการดำเนินการรายมาตรการ)",
    "indicator": "ตามตัวชี้วัด (ประเด็นที่ต้องแก้ไข ผู้รับผิดชอบ ผลการดำเนินงาน ข้อเสนอแนะ)",
}
