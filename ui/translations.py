"""Thai for Qt's own texts: standard buttons, message boxes, context menus, the file and print
dialogs. Qt ships no Thai catalogue, so a QTranslator answers from the table below; the
(context, source) pairs are Qt's exact strings (tests check them against Qt's catalogues)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QTranslator

_BUTTONS = {
    "OK": "ตกลง",
    "Save": "บันทึก",
    "Save All": "บันทึกทั้งหมด",
    "Open": "เปิด",
    "&Yes": "ใช่ (&Y)",
    "Yes to &All": "ใช่ทั้งหมด (&A)",
    "&No": "ไม่ใช่ (&N)",
    "N&o to All": "ไม่ใช่ทั้งหมด (&O)",
    "Abort": "ยุติ",
    "Retry": "ลองอีกครั้ง",
    "Ignore": "ข้าม",
    "Close": "ปิด",
    "Cancel": "ยกเลิก",
    "Discard": "ไม่บันทึก",
    "Help": "วิธีใช้",
    "Apply": "นำไปใช้",
    "Reset": "ตั้งค่าใหม่",
    "Restore Defaults": "คืนค่าเริ่มต้น",
}

_GNOME_BUTTONS = {
    "&OK": "ตกลง (&O)",
    "&Save": "บันทึก (&S)",
    "&Cancel": "ยกเลิก (&C)",
    "&Close": "ปิด (&C)",
    "Close without Saving": "ปิดโดยไม่บันทึก",
}

_EDIT_MENU = {
    "&Undo": "เลิกทำ (&U)",
    "&Redo": "ทำซ้ำ (&R)",
    "Cu&t": "ตัด (&T)",
    "&Copy": "คัดลอก (&C)",
    "&Paste": "วาง (&P)",
    "Delete": "ลบ",
    "Select All": "เลือกทั้งหมด",
}

_FILE_KINDS = {
    "Alias": "นามแฝง",
    "Drive": "ไดรฟ์",
    "File": "ไฟล์",
    "File Folder": "โฟลเดอร์",
    "Folder": "โฟลเดอร์",
    "Shortcut": "ทางลัด",
    "Unknown": "ไม่ทราบชนิด",
}

_FILE_DIALOG = {
    **_FILE_KINDS,
    "%1\nDirectory not found.\nPlease verify the correct directory name was given.": (
        "%1\nไม่พบโฟลเดอร์นี้\nกรุณาตรวจชื่อโฟลเดอร์"
    ),
    "%1\nFile not found.\nPlease verify the correct file name was given.": (
        "%1\nไม่พบไฟล์นี้\nกรุณาตรวจชื่อไฟล์"
    ),
    "%1 File": "ไฟล์ %1",
    "%1 already exists.\nDo you want to replace it?": "มีไฟล์ %1 อยู่แล้ว\nต้องการแทนที่หรือไม่?",
    "&Choose": "เลือก (&C)",
    "&Delete": "ลบ (&D)",
    "&New Folder": "โฟลเดอร์ใหม่ (&N)",
    "&Open": "เปิด (&O)",
    "&Rename": "เปลี่ยนชื่อ (&R)",
    "&Save": "บันทึก (&S)",
    "'%1' is write protected.\nDo you want to delete it anyway?": (
        "'%1' ถูกป้องกันการเขียน\nต้องการลบหรือไม่?"
    ),
    "All Files (*)": "ทุกไฟล์ (*)",
    "All files (*)": "ทุกไฟล์ (*)",
    "Are you sure you want to delete '%1'?": "ต้องการลบ '%1' หรือไม่?",
    "Back": "ย้อนกลับ",
    "Change to detail view mode": "แสดงแบบรายละเอียด",
    "Change to list view mode": "แสดงแบบรายการ",
    "Could not delete directory.": "ลบโฟลเดอร์ไม่ได้",
    "Create New Folder": "สร้างโฟลเดอร์ใหม่",
    "Create a New Folder": "สร้างโฟลเดอร์ใหม่",
    "Delete": "ลบ",
    "Detail View": "มุมมองรายละเอียด",
    "Directories": "โฟลเดอร์",
    "Directory:": "โฟลเดอร์:",
    "File &name:": "ชื่อไฟล์ (&N):",
    "Files": "ไฟล์",
    "Files of type:": "ชนิดไฟล์:",
    "Files of &type:": "ชนิดไฟล์ (&T):",
    "Find Directory": "เลือกโฟลเดอร์",
    "Forward": "ไปข้างหน้า",
    "Go back": "ย้อนกลับ",
    "Go forward": "ไปข้างหน้า",
    "Go to the parent directory": "ไปยังโฟลเดอร์แม่",
    "List View": "มุมมองรายการ",
    "List of places and bookmarks": "รายการที่อยู่และที่คั่นไว้",
    "Look in:": "ค้นหาใน:",
    "&Look in:": "ค้นหาใน (&L):",
    "My Computer": "คอมพิวเตอร์",
    "New Folder": "โฟลเดอร์ใหม่",
    "Open": "เปิด",
    "Parent Directory": "โฟลเดอร์แม่",
    "Recent Places": "ที่อยู่ล่าสุด",
    "Remove": "เอาออก",
    "Save As": "บันทึกเป็น",
    "Show ": "แสดง ",
    "Show &hidden files": "แสดงไฟล์ที่ซ่อนอยู่ (&H)",
    "Sidebar": "แถบด้านข้าง",
}

_FILE_MODEL = {
    "%1 TB": "%1 TB",
    "%1 GB": "%1 GB",
    "%1 MB": "%1 MB",
    "%1 KB": "%1 KB",
    "%1 bytes": "%1 ไบต์",
    "%1 byte(s)": "%1 ไบต์",
    "Computer": "คอมพิวเตอร์",
    "Date Modified": "วันที่แก้ไข",
    "Invalid filename": "ชื่อไฟล์ใช้ไม่ได้",
    "Kind": "ชนิด",
    "My Computer": "คอมพิวเตอร์",
    "Name": "ชื่อ",
    "Size": "ขนาด",
    "Type": "ชนิด",
    '<b>The name "%1" cannot be used.</b><p>Try using another name, with fewer characters '
    "or no punctuation marks.": ("<b>ใช้ชื่อ “%1” ไม่ได้</b><p>กรุณาใช้ชื่ออื่นที่สั้นลงหรือไม่มีเครื่องหมายวรรคตอน"),
}

_PRINT_DIALOG = {
    "Print": "พิมพ์",
    "&Print": "พิมพ์ (&P)",
    "&Options >>": "ตัวเลือก (&O) >>",
    "&Options <<": "ตัวเลือก (&O) <<",
    "OK": "ตกลง",
    "Local file": "ไฟล์ในเครื่อง",
    "Print To File ...": "พิมพ์ลงไฟล์ …",
    "Print to File (PDF)": "พิมพ์ลงไฟล์ (PDF)",
    "Write PDF file": "เขียนไฟล์ PDF",
    "All Pages": "ทุกหน้า",
    "Odd Pages": "หน้าคี่",
    "Even Pages": "หน้าคู่",
    "Automatic": "อัตโนมัติ",
    "%1 already exists.\nDo you want to overwrite it?": "มีไฟล์ %1 อยู่แล้ว\nต้องการเขียนทับหรือไม่?",
    "%1 is a directory.\nPlease choose a different file name.": ("%1 เป็นโฟลเดอร์\nกรุณาเลือกชื่อไฟล์อื่น"),
    "File %1 is not writable.\nPlease choose a different file name.": (
        "เขียนไฟล์ %1 ไม่ได้\nกรุณาเลือกชื่อไฟล์อื่น"
    ),
    "The 'From' value cannot be greater than the 'To' value.": "หน้าเริ่มต้องไม่มากกว่าหน้าสุดท้าย",
    "Invalid Pages Definition": "ระบุหน้าไม่ถูกต้อง",
    "Duplex Settings Conflicts": "การตั้งค่าพิมพ์สองหน้าขัดกัน",
    "There are conflicts in duplex settings. Do you want to fix them?": (
        "การตั้งค่าพิมพ์สองหน้าขัดกัน ต้องการแก้ไขหรือไม่?"
    ),
}

_PRINT_OUTPUT = {
    "Collate": "เรียงชุด",
    "Color": "สี",
    "Color Mode": "โหมดสี",
    "Copies": "จำนวนชุด",
    "Copies:": "จำนวนชุด:",
    "Current Page": "หน้าปัจจุบัน",
    "Double Sided Printing": "พิมพ์สองหน้า",
    "Duplex Printing": "พิมพ์สองหน้า",
    "Grayscale": "ขาวดำ",
    "Long side": "ด้านยาว",
    "Long side binding": "เย็บด้านยาว",
    "None": "ไม่มี",
    "Off": "ปิด",
    "Options": "ตัวเลือก",
    "Output Settings": "การตั้งค่าการพิมพ์",
    "Page Set:": "ชุดหน้า:",
    "Page &Set:": "ชุดหน้า (&S):",
    "Pages": "หน้า",
    "Pages from": "หน้า",
    "Print all": "พิมพ์ทั้งหมด",
    "Print range": "ช่วงที่พิมพ์",
    "Reverse": "กลับลำดับ",
    "Selection": "ส่วนที่เลือก",
    "Short side": "ด้านสั้น",
    "Short side binding": "เย็บด้านสั้น",
    "to": "ถึง",
}

_PRINT_WIDGET = {
    "&Name:": "ชื่อ (&N):",
    "Location:": "ที่ตั้ง:",
    "Output &file:": "ไฟล์ผลลัพธ์ (&F):",
    "P&roperties": "คุณสมบัติ (&R)",
    "Preview": "ตัวอย่าง",
    "Printer": "เครื่องพิมพ์",
    "Type:": "ชนิด:",
}

_PAGE_SETUP = {
    "Custom": "กำหนดเอง",
    "Height:": "สูง:",
    "Width:": "กว้าง:",
    "Landscape": "แนวนอน",
    "Portrait": "แนวตั้ง",
    "Reverse landscape": "แนวนอนกลับด้าน",
    "Reverse portrait": "แนวตั้งกลับด้าน",
    "Margins": "ขอบกระดาษ",
    "Orientation": "การวางแนว",
    "Page Layout": "การจัดหน้า",
    "Page order:": "ลำดับหน้า:",
    "Page &order:": "ลำดับหน้า (&O):",
    "Page size:": "ขนาดกระดาษ:",
    "Pages per sheet:": "จำนวนหน้าต่อแผ่น:",
    "Pages &per sheet:": "จำนวนหน้าต่อแผ่น (&P):",
    "Paper": "กระดาษ",
    "Paper source:": "ถาดกระดาษ:",
    "Millimeters (mm)": "มิลลิเมตร (mm)",
    "Inches (in)": "นิ้ว (in)",
    "Points (pt)": "พอยต์ (pt)",
    "top margin": "ขอบบน",
    "bottom margin": "ขอบล่าง",
    "left margin": "ขอบซ้าย",
    "right margin": "ขอบขวา",
}

THAI: dict[str, dict[str, str]] = {
    "QPlatformTheme": _BUTTONS,
    "QDialogButtonBox": {**_BUTTONS, **_GNOME_BUTTONS},
    "QGnomeTheme": _GNOME_BUTTONS,
    "QMessageBox": {
        "Show Details...": "แสดงรายละเอียด…",
        "Hide Details...": "ซ่อนรายละเอียด…",
        "OK": "ตกลง",
        "Help": "วิธีใช้",
    },
    "QErrorMessage": {"&OK": "ตกลง (&O)", "&Show this message again": "แสดงข้อความนี้อีก (&S)"},
    "QInputDialog": {"Enter a value:": "กรอกค่า:"},
    "QLineEdit": _EDIT_MENU,
    "QWidgetTextControl": {**_EDIT_MENU, "Copy &Link Location": "คัดลอกที่อยู่ลิงก์ (&L)"},
    "QAbstractSpinBox": {
        "&Select All": "เลือกทั้งหมด (&S)",
        "&Step up": "เพิ่มขึ้น (&S)",
        "Step &down": "ลดลง (&D)",
    },
    "QProgressDialog": {"Cancel": "ยกเลิก"},
    "QScrollBar": {
        "Scroll here": "เลื่อนมาที่นี่",
        "Top": "บนสุด",
        "Bottom": "ล่างสุด",
        "Left edge": "ซ้ายสุด",
        "Right edge": "ขวาสุด",
        "Page up": "ขึ้นหนึ่งหน้า",
        "Page down": "ลงหนึ่งหน้า",
        "Page left": "ซ้ายหนึ่งหน้า",
        "Page right": "ขวาหนึ่งหน้า",
        "Scroll up": "เลื่อนขึ้น",
        "Scroll down": "เลื่อนลง",
        "Scroll left": "เลื่อนซ้าย",
        "Scroll right": "เลื่อนขวา",
    },
    "QTabBar": {"Scroll Left": "เลื่อนไปทางซ้าย", "Scroll Right": "เลื่อนไปทางขวา"},
    "QFileDialog": _FILE_DIALOG,
    "QFileSystemModel": _FILE_MODEL,
    "QAbstractFileIconProvider": _FILE_KINDS,
    "QPrintDialog": _PRINT_DIALOG,
    "QPrintSettingsOutput": _PRINT_OUTPUT,
    "QPrintWidget": _PRINT_WIDGET,
    "QPrintPropertiesWidget": {"Page": "หน้า", "Advanced": "ขั้นสูง"},
    "QPrintPropertiesDialog": {
        "Printer Properties": "คุณสมบัติเครื่องพิมพ์",
        "Job Options": "ตัวเลือกงานพิมพ์",
    },
    "QPageSetupWidget": _PAGE_SETUP,
    "QPrintPreviewDialog": {"Page Setup": "ตั้งค่าหน้ากระดาษ"},
}


class ThaiTranslator(QTranslator):
    """Answers Qt's own strings from THAI; anything else falls through to the source text."""

    def translate(
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str | None:
        # None is Qt's null string: "not translated here"; an empty string would blank the
        # text (QKeySequence's "Ctrl" would vanish from every menu)
        return THAI.get(context, {}).get(source)

    def isEmpty(self) -> bool:  # Qt skips an empty translator
        return False


def install_thai_translations(app: QCoreApplication) -> ThaiTranslator:
    """Install the Thai translator once (later calls return the same one). Widgets made after
    this show Thai; call it before the first window is built."""
    existing = app.findChild(ThaiTranslator)
    if isinstance(existing, ThaiTranslator):
        return existing
    translator = ThaiTranslator(app)
    app.installTranslator(translator)
    return translator
