"""Use case: check what a document will print before it is printed — sections written for
figures that have changed since ("ต้องตรวจ") and contradictions in the final text."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ita_desktop.analysis.basis import StaleSection, stale_sections
from ita_desktop.documents.blocks import Document
from ita_desktop.documents.bundle import build_document
from ita_desktop.documents.consistency import check_document
from ita_desktop.documents.consistency_facts import Finding, facts_of
from ita_desktop.documents.context import ReportContext
from ita_desktop.documents.narrative import section_title
from ita_desktop.errors import ValidationError
from ita_desktop.services.progress import check_round
from ita_desktop.services.reports import context_in, latest_round_in
from ita_desktop.storage.reads import Reader
from ita_desktop.storage.repository import find_assessment
from ita_desktop.thai.digits import to_arabic_digits

EVERY_DOCUMENT = ("all", "analysis", "measures", "results")


@dataclass
class CheckResult:
    """The findings on one organisation's year, as the chosen document prints it."""

    org_name: str
    year: int
    document: str
    round_months: int
    findings: list[Finding] = field(default_factory=list)

    @property
    def clean(self) -> bool:
        return not self.findings


def check(
    db: Reader,
    org_id: int,
    year: int | None = None,
    *,
    document: str | None = None,
    round_months: int | None = None,
) -> CheckResult:
    """Build the document as an export would (round None: the latest with anything reported)
    and list every stale section and contradiction. Document None: every document alone and
    the settings' bundle, so every text any export can print is read."""
    if round_months is not None:
        check_round(round_months)
    with db.read() as s:
        if round_months is None:
            found = find_assessment(s, org_id, year).id
            assert found is not None
            round_months = latest_round_in(s, found)
        ctx = context_in(s, org_id, year, round_months, None)
        organizations = s.organizations()
    facts = facts_of(ctx, organizations)
    findings: list[Finding] = []
    seen: set[tuple[str, str, str]] = set()
    for kind in [document] if document else EVERY_DOCUMENT:
        doc = build_document(ctx, kind)
        for f in stale_findings(ctx, doc) + check_document(doc, facts):
            if (f.kind, f.message, f.excerpt) not in seen:  # the same text in two documents
                seen.add((f.kind, f.message, f.excerpt))
                findings.append(f)
    stale = [f for f in findings if f.kind == "stale"]
    findings = stale + [f for f in findings if f.kind != "stale"]
    return CheckResult(ctx.org.name, ctx.year, document or "", ctx.round_months, findings)


def printed_stale(ctx: ReportContext, doc: Document | None = None) -> list[StaleSection]:
    """Sections whose figures changed since the user wrote or confirmed them and that the
    document prints (all of them when no document is given)."""
    stale = stale_sections(ctx.assessment, ctx.lead)
    if doc is None:
        return stale
    printed = _squeeze(" ".join(doc.texts()))
    return [
        section
        for section in stale
        if _squeeze(ctx.assessment.narratives.get(section.key, ""))[:60] in printed
    ]


def stale_findings(ctx: ReportContext, doc: Document | None = None) -> list[Finding]:
    out = []
    for section in printed_stale(ctx, doc):
        changed = "; ".join(f"{c.label} จาก {c.before} เป็น {c.now}" for c in section.changes)
        out.append(
            Finding(
                "stale",
                f"ข้อความ “{section_title(section.key)}”",
                f"เขียนหรือยืนยันไว้ก่อนคะแนนเปลี่ยน ({changed}) กรุณาสร้างข้อความใหม่ หรือแก้แล้วกดยืนยัน",
            )
        )
    return out


def refuse_stale(ctx: ReportContext, doc: Document | None = None) -> None:
    """Refuse to print a section written for other figures until the user confirms or
    regenerates it (the export calls this)."""
    stale = printed_stale(ctx, doc)
    if not stale:
        return
    names = ", ".join(f"“{section_title(s.key)}”" for s in stale)
    details = "; ".join(
        f"{section_title(s.key)}: "
        + ", ".join(f"{c.label} {c.before} → {c.now}" for c in s.changes)
        for s in stale
    )
    raise ValidationError(
        f"ยังส่งออกไม่ได้ เพราะข้อความที่แก้ไขเองในหัวข้อ {names} เขียนไว้ก่อนคะแนนเปลี่ยน "
        f"({details}) กรุณาเปิดหน้าการวิเคราะห์ แล้วกด “สร้างข้อความใหม่” "
        "หรือตรวจข้อความแล้วกด “ยืนยัน” ก่อนส่งออก",
        "stale sections: " + ", ".join(s.key for s in stale),
    )


def _squeeze(text: str) -> str:
    """Text without spaces and with Arabic digits, to find a section in the printed text."""
    return re.sub(r"\s+", "", to_arabic_digits(text or ""))
