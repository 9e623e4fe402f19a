"""Small databases for document tests: Trang 2563–2564 with a plan, and extreme inputs."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from ita_desktop.domain.models import Assessment, Measure, Organization, Period, ReportSettings
from ita_desktop.rules.presets import preset_for
from ita_desktop.services.assessments import add_assessment, create_year
from ita_desktop.services.changes import Changes
from ita_desktop.services.measures import add_measure
from ita_desktop.services.organizations import add_organization
from ita_desktop.services.progress import update_progress
from ita_desktop.storage.repository import Repository

TRANG_2564 = ["94.42", "92.12", "92.28", "90.76", "92.35", "91.41", "94.44", "90.55", "100", "100"]
TRANG_2563 = [
    "90.10",
    "88.50",
    "91.00",
    "87.20",
    "89.90",
    "90.00",
    "91.30",
    "86.40",
    "95.00",
    "97.50",
]
URL = "https://www.trangcity.go.th/index.php/ita-2565/o12-measures-report-very-long-path-name"


def _scores(values: list[str]) -> dict[int, Decimal | None]:
    return {i: Decimal(v) for i, v in enumerate(values, start=1)}


def created(changes: Changes) -> int:
    """The id of the row a service write created."""
    assert changes.created_id is not None
    return changes.created_id


def _year(org_id: int, year: int, scores: list[str], **fields: object) -> Assessment:
    """A year with the preset rules, its threshold at the target unless given."""
    rules = preset_for(year)
    a = Assessment(
        org_id, year, rules, _scores(scores), threshold=rules.target, target=rules.target
    )
    for name, value in fields.items():
        setattr(a, name, value)
    return a


def trang(
    path: Path,
    *,
    measures: int = 3,
    long_step: int = 0,
    history: bool = True,
    signatories: bool = True,
    progress: bool = True,
) -> tuple[Repository, int]:
    """Trang municipality, FY2564 (and 2563), with `measures` measures of the 2565 plan."""
    repo = Repository.open(path)
    org = Organization(
        "เทศบาลนครตรัง",
        "เทศบาลนคร",
        "เมืองตรัง",
        "ตรัง",
        units=["สำนักปลัดเทศบาล", "กองคลัง", "กองยุทธศาสตร์และงบประมาณ"],
    )
    org_id = created(add_organization(repo, org))
    if history:
        add_assessment(repo, _year(org_id, 2563, TRANG_2563))
    a = _year(
        org_id,
        2564,
        TRANG_2564,
        threshold=Decimal(91),
        issues_by_indicator={4: "จัดทำคู่มือการใช้ทรัพย์สินของราชการ และประกาศให้บุคลากรทราบ"},
        issues_by_tool={"OIT": f"เผยแพร่ข้อมูลให้เป็นปัจจุบันบนเว็บไซต์ {URL}"},
    )
    settings = ReportSettings(
        signatories=[("นายทดสอบ ระบบดี", "นายกเทศมนตรีนครตรัง"), ("นางสาวน้ำฝน ฟ้าใส", "ปลัดเทศบาล")]
        if signatories
        else [],
        problems={12: "บุคลากรบางส่วนยังไม่เข้าใจขั้นตอน ที่ต้องปฏิบัติ"},
    )
    assessment_id = created(add_assessment(repo, a, settings))
    for i in range(measures):
        steps = [
            f"แต่งตั้งคณะทำงานชุดที่ {i + 1} เพื่อกำกับติดตามการดำเนินงาน",
            "จัดประชุมชี้แจงแนวทางการปฏิบัติให้บุคลากรทุกกองทราบ",
            f"เผยแพร่ผลการดำเนินงานบนเว็บไซต์ {URL}",
        ]
        if long_step and i == 0:
            steps.append(("ปู่ย่าตายายที่น้ำท่วมฟ้าญี่ปุ่นได้ดำเนินการตามมาตรการอย่างต่อเนื่อง " * 200)[:long_step])
        m = Measure(
            f"มาตรการที่ {i + 1} ส่งเสริมความโปร่งใสในการจัดซื้อจัดจ้าง",
            [4, 8],
            steps,
            ["กองคลัง", "สำนักปลัดเทศบาล"],
            Period(False, 1, 2565, 4, 2565) if i % 2 else Period(True),
            monitoring="รายงานผลต่อผู้บริหารทุกไตรมาส",
            kpi="ร้อยละ 100 ของบุคลากร",
        )
        mid = created(add_measure(repo, assessment_id, m))
        if progress and i % 3 != 2:
            update_progress(
                repo,
                mid,
                12,
                status="ดำเนินการแล้วเสร็จ" if i % 3 == 0 else "อยู่ระหว่างดำเนินการ",
                output="จัดประชุมแล้ว ๒ ครั้ง มีผู้เข้าร่วม 120 คน",
                outcome="บุคลากรเข้าใจแนวทางการใช้ทรัพย์สินของราชการมากขึ้น",
                suggestions="ควรจัดอบรมต่อเนื่องทุกปี",
            )
    return repo, org_id


def empty(path: Path) -> tuple[Repository, int]:
    """An organisation with a year but no score, no measure, no settings."""
    repo = Repository.open(path)
    org_id = created(
        add_organization(repo, Organization("องค์การบริหารส่วนตำบลทดสอบ", province="ตรัง"))
    )
    create_year(repo, org_id, 2567)
    return repo, org_id
