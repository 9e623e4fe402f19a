"""Plain dataclasses of the domain: what the storage keeps and the documents show (no I/O)."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

TOOLS = ("IIT", "EIT", "OIT")
ROUNDS = (6, 12)


@dataclass
class Indicator:
    """One of the ten ITA indicators as a fiscal year's rules define it."""

    number: int
    name: str
    tool: str
    description: str = ""  # what the indicator measures, used in analysis paragraphs


@dataclass
class Tool:
    code: str  # IIT / EIT / OIT
    name: str
    weight: Decimal  # share of the overall score, e.g. Decimal("0.30")


@dataclass
class GradeBand:
    """A level: scores >= minimum get this label (bands sorted highest first)."""

    label: str
    minimum: Decimal
    min_each_tool: Decimal | None = None  # some years require every tool to reach this too


@dataclass
class Rules:
    """A fiscal year's ITA rules: data, copied into each assessment and editable by the user."""

    year: int
    indicators: list[Indicator]
    tools: list[Tool]
    grades: list[GradeBand]
    target: Decimal = Decimal(85)
    source: str = ""
    certainty: str = ""  # how sure we are of these rules, in Thai

    def indicator(self, number: int) -> Indicator:
        for ind in self.indicators:
            if ind.number == number:
                return ind
        raise KeyError(number)

    def tool(self, code: str) -> Tool:
        for tool in self.tools:
            if tool.code == code:
                return tool
        raise KeyError(code)

    def indicators_of(self, tool_code: str) -> list[Indicator]:
        return [ind for ind in self.indicators if ind.tool == tool_code]


@dataclass
class Organization:
    name: str
    kind: str = ""  # เทศบาลตำบล, องค์การบริหารส่วนจังหวัด, ...
    district: str = ""
    province: str = ""
    logo: bytes | None = None  # PNG/JPEG bytes
    units: list[str] = field(default_factory=list)  # internal units: สำนักปลัด, กองคลัง, ...
    id: int | None = None


@dataclass
class OfficialFigures:
    """Figures as the NACC published them, to compare with what the rules compute."""

    iit: Decimal | None = None
    eit: Decimal | None = None
    oit: Decimal | None = None
    overall: Decimal | None = None
    level: str = ""

    def tool(self, code: str) -> Decimal | None:
        return {"IIT": self.iit, "EIT": self.eit, "OIT": self.oit}[code]


@dataclass
class Assessment:
    """One organisation's ITA result for one fiscal year, with the analysis texts."""

    organization_id: int | None
    year: int
    rules: Rules
    scores: dict[int, Decimal | None] = field(default_factory=dict)  # indicator -> 0..100
    official: OfficialFigures = field(default_factory=OfficialFigures)
    threshold: Decimal = Decimal(85)  # strengths are scores above this
    target: Decimal = Decimal(85)
    issues_by_indicator: dict[int, str] = field(default_factory=dict)
    issues_by_tool: dict[str, str] = field(default_factory=dict)
    narratives: dict[str, str] = field(default_factory=dict)  # section key -> user's text
    # section key -> the figures (name -> shown text) the user's text was written or confirmed for
    narrative_basis: dict[str, dict[str, str]] = field(default_factory=dict)
    issue_priorities: dict[int, str] = field(default_factory=dict)  # indicator -> PRIORITIES key
    id: int | None = None


@dataclass
class Period:
    """When a measure runs: whole fiscal year, or from one month to another (months 1..12).

    A new period is unset (not the whole year, no months, no text): the documents print it as
    not given, never as "ตลอดปีงบประมาณ" that the plan did not say."""

    whole_year: bool = False
    start_month: int | None = None  # calendar month number, 10 = ตุลาคม
    start_year: int | None = None  # Buddhist-era year
    end_month: int | None = None
    end_year: int | None = None
    text: str = ""  # free text when the plan says something the fields cannot


@dataclass
class Measure:
    title: str
    indicators: list[int] = field(default_factory=list)
    steps: list[str] = field(default_factory=list)
    responsible: list[str] = field(default_factory=list)
    period: Period = field(default_factory=Period)
    monitoring: str = ""
    kpi: str = ""
    position: int = 0
    id: int | None = None
    activities: list[str] = field(default_factory=list)  # กิจกรรม/โครงการ under the measure
    budget: str = ""  # as the plan states it, e.g. "50,000 บาท" or "ไม่ใช้งบประมาณ"


@dataclass
class ProgressEntry:
    """How one measure went in one round (6 or 12 months)."""

    measure_id: int | None
    round: int
    status: str = ""  # ยังไม่ดำเนินการ / อยู่ระหว่างดำเนินการ / ดำเนินการแล้วเสร็จ
    output: str = ""
    outcome: str = ""
    problems: str = ""
    suggestions: str = ""
    evidence: str = ""
    id: int | None = None


PROGRESS_FIELDS = ("status", "output", "outcome", "problems", "suggestions", "evidence")  # reported

PRIORITIES = {"urgent": "ประเด็นที่ต้องแก้ไขโดยเร่งด่วน", "develop": "ประเด็นที่ต้องพัฒนา"}

STATUSES = ("ยังไม่ดำเนินการ", "อยู่ระหว่างดำเนินการ", "ดำเนินการแล้วเสร็จ")


# The documents, in the order a bundle holds them.
DOCUMENTS = ("analysis", "measures", "results")

# Optional sections: each prints when switched on and it has something to print.
SECTIONS = (
    "preface",  # คำนำ
    "contents",  # สารบัญ
    "background",  # ความเป็นมา (settings.background)
    "objectives",  # วัตถุประสงค์ (settings.objectives)
    "targets",  # เป้าหมายเชิงปริมาณ / เชิงคุณภาพ
    "charts",  # the analysis report's charts
    "priorities",  # separate tables of urgent and to-develop issues (issue_priorities)
    "limitations",  # ข้อจำกัด
    "preparing_unit",  # ผู้จัดทำ / จัดทำโดย
    "signatures",  # signature blocks of the signatories
    "announcement",  # ประกาศ adopting the measures plan, signed by the executive
)
HIDDEN_BY_DEFAULT = ("announcement",)

# Columns of the measures plan and of the implementation report arranged by measure.
MEASURE_COLUMNS = (
    "measure",
    "activities",
    "steps",
    "responsible",
    "period",
    "monitoring",
    "kpi",
    "budget",
    "indicators",
)
RESULT_COLUMNS = (
    "measure",
    "activities",
    "steps",
    "period",
    "responsible",
    "budget",
    "output",
    "outcome",
    "status",
    "problems",
    "suggestions",
    "evidence",
)
RESULTS_LAYOUTS = ("measure", "indicator")  # 000 reports by measure, 002 by indicator


@dataclass
class TableColumn:
    """One printed column: a field (`key`), its header ("" the standard one), and `join`:
    printed inside the column before it, under that column's header (001 prints period and
    monitoring in one column "ระยะเวลา/การติดตามผล")."""

    key: str
    header: str = ""
    join: bool = False


def default_measure_columns() -> list[TableColumn]:
    return [
        TableColumn(k)
        for k in ("measure", "steps", "responsible", "period", "monitoring", "indicators")
    ]


def default_result_columns() -> list[TableColumn]:
    return [
        TableColumn(k)
        for k in ("measure", "steps", "period", "responsible", "output", "outcome", "status")
    ]


@dataclass
class ReportSettings:
    """How one assessment's documents are printed, and the texts the user writes for them."""

    thai_digits: bool = True
    signatories: list[tuple[str, str]] = field(default_factory=list)  # (name, position)
    preface: str = ""
    summary: dict[int, str] = field(default_factory=dict)  # round -> summary paragraph
    problems: dict[int, str] = field(default_factory=dict)  # round -> overall problems
    suggestions: dict[int, str] = field(default_factory=dict)  # round -> overall suggestions
    bundle: list[str] = field(default_factory=lambda: list(DOCUMENTS))  # what "all" holds
    hidden_sections: list[str] = field(default_factory=lambda: list(HIDDEN_BY_DEFAULT))
    measure_columns: list[TableColumn] = field(default_factory=default_measure_columns)
    result_columns: list[TableColumn] = field(default_factory=default_result_columns)
    results_layout: str = "measure"  # RESULTS_LAYOUTS
    background: str = ""  # ความเป็นมา / หลักการและเหตุผล
    objectives: str = ""  # วัตถุประสงค์
    targets_quantity: str = ""  # เป้าหมายเชิงปริมาณ
    targets_quality: str = ""  # เป้าหมายเชิงคุณภาพ
    limitations: str = ""  # ข้อจำกัดของหน่วยงานในการดำเนินการ
    preparing_unit: str = ""  # ผู้จัดทำ, one line each: "ฝ่ายบริหารงานทั่วไป\nสำนักปลัด..."
    executive: tuple[str, str] = ("", "")  # (name, position) who signs the announcement
    announcement_date: str = ""  # "2564-10-15": Buddhist-era year; "" leaves the day to write
    announcement_text: str = ""  # the announcement's body; "" the standard text

    def shows(self, section: str) -> bool:
        return section not in self.hidden_sections
