"""What the consistency check reports and checks against: kinds of finding, findings, facts."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal

from ita_desktop.analysis.figures import Figures
from ita_desktop.documents import narrative
from ita_desktop.documents.context import ReportContext
from ita_desktop.domain.models import Organization, Rules

# kinds of finding, in the order they are listed, with their Thai names
KINDS = {
    "stale": "ข้อความที่เขียนไว้ก่อนคะแนนเปลี่ยน",
    "indicator": "คะแนนตัวชี้วัดไม่ตรง",
    "tool": "คะแนนเครื่องมือไม่ตรง",
    "overall": "คะแนนรวมไม่ตรง",
    "level": "ระดับผลการประเมินไม่ตรง",
    "ranking": "ลำดับไม่ตรงกับที่บอกว่าเรียงแล้ว",
    "threshold": "ขัดกับเกณฑ์จุดแข็ง",
    "name": "ชื่อหน่วยงานหรือพื้นที่อื่น",
    "year": "ปีงบประมาณที่ไม่เกี่ยวข้อง",
    "round": "รอบรายงานที่ไม่ตรง",
}


@dataclass(frozen=True)
class Finding:
    kind: str  # a key of KINDS
    where: str  # Thai: part, section, block
    message: str  # Thai: what contradicts what
    excerpt: str = ""

    @property
    def title(self) -> str:
        return KINDS.get(self.kind, self.kind)


@dataclass
class Facts:
    """What the printed text must agree with."""

    org: Organization
    rules: Rules
    year: int
    next_year: int
    round_months: int
    figures: dict[int, Figures]  # year -> leading figures (this year and earlier ones)
    indicators: dict[int, dict[int, Decimal | None]]  # year -> indicator -> score
    strengths: list[int]
    weaknesses: list[int]
    threshold: Decimal
    other_orgs: list[Organization] = field(default_factory=list)
    cross_check_prefix: str = ""


def facts_of(ctx: ReportContext, organizations: list[Organization]) -> Facts:
    """The facts of a report context; `organizations` are the database's (others are flagged)."""
    figures = dict(ctx.history_figures)
    figures[ctx.year] = ctx.lead
    indicators = {y: dict(f.indicators) for y, f in figures.items()}
    if any(v is not None for v in ctx.next_scores.values()):
        indicators[ctx.next_year] = dict(ctx.next_scores)
    return Facts(
        org=ctx.org,
        rules=ctx.assessment.rules,
        year=ctx.year,
        next_year=ctx.next_year,
        round_months=ctx.round_months,
        figures=figures,
        indicators=indicators,
        strengths=list(ctx.analysis.strengths),
        weaknesses=list(ctx.analysis.weaknesses),
        threshold=ctx.analysis.threshold,
        other_orgs=[o for o in organizations if o.id != ctx.org.id and o.name != ctx.org.name],
        cross_check_prefix=narrative.templates()["cross_check_prefix"],
    )


def iter_kinds(findings: list[Finding]) -> Iterator[tuple[str, list[Finding]]]:
    """Findings grouped by kind, in the order of KINDS."""
    for kind in KINDS:
        group = [f for f in findings if f.kind == kind]
        if group:
            yield kind, group
