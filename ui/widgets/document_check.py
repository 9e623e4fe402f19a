"""ตรวจเอกสาร: what a document would print that contradicts the data, listed in Thai; before a
print or a save, a section written for other figures stops it and other findings ask."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QListWidget, QMessageBox, QPushButton, QWidget

from ita_desktop.documents.consistency_facts import Finding
from ita_desktop.services.checks import check
from ita_desktop.services.files import Database

from ..errors import show_error

CHECK_CLEAN = "ตรวจเอกสารแล้ว: ไม่พบข้อความที่ขัดกับข้อมูล"
CHECK_FOUND = "ตรวจเอกสารแล้ว: พบ {count} จุดที่ควรแก้ก่อนพิมพ์"
STALE_BLOCKS = (
    "ยังส่งออกไม่ได้: มีข้อความที่แก้ไขเองซึ่งเขียนไว้ก่อนคะแนนเปลี่ยน "
    "กรุณาเปิดหน้าการวิเคราะห์ แล้วกด “สร้างข้อความใหม่” หรือตรวจข้อความแล้วกด “ยืนยัน”"
)
ASK_CONTINUE = "พบ {count} จุดที่ข้อความขัดกับข้อมูล (ดูรายการในหน้าพิมพ์และส่งออก)\n\nต้องการทำต่อหรือไม่?"


def finding_text(f: Finding) -> str:
    """One finding as the window lists it (Thai)."""
    lines = [f"[{f.title}] {f.where}", f.message]
    if f.excerpt:
        lines.append(f"ข้อความ: {f.excerpt}")
    return "\n".join(lines)


class DocumentCheck:
    """The check button, the result line and the list of findings (placed by the page)."""

    def __init__(self, parent: QWidget) -> None:
        self.parent = parent
        self.findings: list[Finding] = []
        self.button = QPushButton("ตรวจเอกสาร (&C)")
        self.button.setToolTip(
            "ตรวจข้อความทั้งหมดที่จะพิมพ์ว่าตรงกับคะแนนและข้อมูลของหน่วยงานหรือไม่ "
            "(ตรวจให้อัตโนมัติทุกครั้งก่อนพิมพ์และบันทึก)"
        )
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.list = QListWidget()
        self.list.setWordWrap(True)
        self.list.setAccessibleName("ผลการตรวจเอกสาร")
        self.hide()

    def hide(self) -> None:
        self.label.hide()
        self.list.hide()

    def run(
        self, db: Database, org_id: int, year: int, document: str, round_months: int | None
    ) -> list[Finding]:
        """Check and show the findings; a failure is shown (the export reports it again)."""
        try:
            result = check(db, org_id, year, document=document, round_months=round_months)
        except Exception as exc:  # noqa: BLE001 - shown; the export itself reports it again
            show_error(self.parent, exc)
            return []
        self.show(result.findings)
        return result.findings

    def show(self, findings: list[Finding]) -> None:
        self.findings = list(findings)
        self.list.clear()
        self.list.addItems([finding_text(f) for f in findings])
        count = len(findings)
        self.label.setText(CHECK_FOUND.format(count=count) if count else CHECK_CLEAN)
        self.label.setStyleSheet("color: #b71c1c;" if count else "color: #1b5e20;")
        self.label.show()
        self.list.setVisible(bool(count))

    def allows(self, findings: list[Finding]) -> bool:
        """After a check: False for a stale section (said in a box); other findings ask,
        No by default."""
        if any(f.kind == "stale" for f in findings):
            box = QMessageBox(
                QMessageBox.Icon.Warning, "ตรวจเอกสาร", STALE_BLOCKS, parent=self.parent
            )
            box.exec()
            return False
        if findings:
            answer = QMessageBox.question(
                self.parent,
                "ตรวจเอกสาร",
                ASK_CONTINUE.format(count=len(findings)),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No,
            )
            return answer == QMessageBox.StandardButton.Yes
        return True
