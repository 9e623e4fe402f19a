"""The exchange file: everything out, the same bytes back, checked whole, one transaction in."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable, Iterator
from datetime import datetime, timedelta, timezone
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator  # type: ignore[import-untyped]

from ita_desktop.domain.models import (
    STATUSES,
    Assessment,
    Measure,
    OfficialFigures,
    Organization,
    Period,
    ReportSettings,
    TableColumn,
)
from ita_desktop.errors import ImportError_, ValidationError
from ita_desktop.exporters.exchange_json import FORMAT, FORMAT_VERSION
from ita_desktop.importers.exchange_checks import schema, schema_format
from ita_desktop.importers.exchange_json import parse_exchange
from ita_desktop.importers.problems import MAX_SHOWN
from ita_desktop.rules.presets import preset_for
from ita_desktop.services import exchange
from ita_desktop.services.changes import DATABASE
from ita_desktop.storage.repository import Repository
from ita_desktop.storage.store import Store

D = Decimal
LOGO = b"\x89PNG\r\n\x1a\n" + bytes(range(256))


@pytest.fixture
def demo(demo_db: Path) -> Iterator[Repository]:
    repo = Repository.open(demo_db)
    yield repo
    repo.close()


@pytest.fixture
def empty(tmp_path: Path) -> Iterator[Repository]:
    repo = Repository.open(tmp_path / "empty.sqlite")
    yield repo
    repo.close()


def _export(repo: Repository, out: Path, **options: Any) -> bytes:
    exchange.export_exchange(repo, out, **options)
    return out.read_bytes()


def _import(repo: Repository, data: bytes | dict[str, Any]) -> exchange.ImportPlan:
    raw = data if isinstance(data, bytes) else json.dumps(data, ensure_ascii=False).encode()
    changes = exchange.import_exchange(repo, parse_exchange(raw, "test.json"))
    assert DATABASE in changes
    plan: exchange.ImportPlan = changes.details["plan"]
    return plan


def _full_repository(path: Path) -> Repository:
    """One organisation with every field set to something that is not a default."""
    repo = Repository.open(path)
    rules = preset_for(2566)
    with repo.write() as s:
        org_id = s.add_organization(
            Organization("เทศบาลตำบลทดสอบ", "เทศบาลตำบล", "เมือง", "ตรัง", LOGO, ["กองคลัง"])
        )
        a = Assessment(
            org_id,
            2566,
            rules,
            scores={1: D("92.39"), 4: D("100"), 9: D("0.50")},
            official=OfficialFigures(D("92.39"), None, D("100.00"), D("90.16"), "ผ่านดี"),
            threshold=D("91.5"),
            target=D("85"),
            issues_by_indicator={4: "ทรัพย์สินของราชการ"},
            issues_by_tool={"OIT": "เว็บไซต์"},
            narratives={"principles": "ข้อความที่ผู้ใช้แก้เอง"},
            issue_priorities={4: "urgent", 9: "develop"},
        )
        settings = ReportSettings(
            thai_digits=False,
            signatories=[("นายก", "นายกเทศมนตรี")],
            preface="คำนำ",
            summary={6: "สรุปรอบ 6"},
            problems={12: "ปัญหารอบ 12"},
            suggestions={6: "ข้อเสนอ"},
            bundle=["analysis", "measures"],
            hidden_sections=["charts", "signatures"],
            measure_columns=[
                TableColumn("measure", "มาตรการ/แนวทาง"),
                TableColumn("activities"),
                TableColumn("steps"),
                TableColumn("responsible", "หน่วยงานผู้รับผิดชอบ", join=True),
                TableColumn("budget"),
            ],
            result_columns=[TableColumn("measure"), TableColumn("output", "ผลการดำเนินงาน")],
            results_layout="indicator",
            background="ความเป็นมา",
            objectives="๑. วัตถุประสงค์ข้อหนึ่ง\n๒. ข้อสอง",
            targets_quantity="- ร้อยละ 100",
            targets_quality="- บุคลากรเข้าใจ",
            limitations="ข้อจำกัด",
            preparing_unit="ฝ่ายบริหารงานทั่วไป\nสำนักปลัด",
            executive=("นายทดสอบ", "นายกเทศมนตรีตำบลทดสอบ"),
            announcement_date="2565-10-03",
            announcement_text="ข้อความประกาศ",
        )
        assessment_id = s.add_assessment(a, settings)
        period = Period(False, 10, 2565, 3, 2566, "")
        first = s.add_measure(
            assessment_id,
            Measure(
                "มาตรการหนึ่ง",
                [4, 9],
                ["ขั้น 1"],
                ["กองคลัง"],
                period,
                "ติดตาม",
                "KPI",
                activities=["โครงการอบรม", "กิจกรรมรณรงค์"],
                budget="50,000 บาท",
            ),
        )
        s.add_measure(assessment_id, Measure("มาตรการสอง"))
        s.update_progress(first, 6, {"status": STATUSES[1], "output": "ผลผลิต"})
        s.update_progress(first, 12, {"status": STATUSES[2], "evidence": "หลักฐาน"})
    return repo


def _year_content(s: Store, org_id: int, year: int) -> dict[str, Any]:
    """Everything a year holds, ids left out, for comparing two databases."""
    assessment_id = s.assessment_id(org_id, year)
    assert assessment_id is not None
    a = s.assessment(assessment_id)
    a.id = a.organization_id = None
    measures = s.measures(assessment_id)
    progress = []
    for m in measures:
        assert m.id is not None
        entries = s.progress_of_measure(m.id)
        for e in entries:
            e.id = e.measure_id = None
        progress.append(entries)
        m.id = None
    return {"a": a, "settings": s.settings(assessment_id), "m": measures, "p": progress}


# round trips ------------------------------------------------------------------------------
def test_demo_round_trip_is_byte_identical(
    demo: Repository, empty: Repository, tmp_path: Path
) -> None:
    first = _export(demo, tmp_path / "first.json")
    plan = _import(empty, first)
    assert (plan.organizations_created, plan.years_with(exchange.CREATE)) == (4, 5)
    assert _export(empty, tmp_path / "second.json") == first
    data = json.loads(first)
    Draft202012Validator(schema()).validate(data)
    assert [len(o["years"]) for o in data["organizations"]] == [1, 1, 2, 1]
    assert not {"id", "organization_id", "measure_id"} & _keys(data)
    measures = [m for o in data["organizations"] for y in o["years"] for m in y["measures"]]
    assert measures and not any("position" in m for m in measures)  # the place is the index


def _keys(node: Any) -> set[str]:
    """Every key used anywhere in a JSON document (no database id may leak into the file)."""
    if isinstance(node, dict):
        return set(node).union(*(_keys(v) for v in node.values()))
    if isinstance(node, list):
        return set().union(*(_keys(v) for v in node))
    return set()


def test_every_field_goes_out_and_comes_back(tmp_path: Path, empty: Repository) -> None:
    repo = _full_repository(tmp_path / "full.sqlite")
    try:
        first = _export(repo, tmp_path / "a.json")
        with repo.read() as s:
            before = _year_content(s, 1, 2566)
    finally:
        repo.close()
    org = json.loads(first)["organizations"][0]
    year = org["years"][0]
    assert org["logo"] and org["units"] == ["กองคลัง"]
    assert year["scores"] == {"1": "92.39", "4": "100", "9": "0.50"}
    assert year["official"] == {
        "iit": "92.39",
        "eit": None,
        "oit": "100.00",
        "overall": "90.16",
        "level": "ผ่านดี",
    }
    assert (year["threshold"], year["target"]) == ("91.5", "85")
    assert year["narratives"] == {"edited": {"principles": "ข้อความที่ผู้ใช้แก้เอง"}}
    assert [m["title"] for m in year["measures"]] == ["มาตรการหนึ่ง", "มาตรการสอง"]
    assert list(year["measures"][0]["progress"]) == ["6", "12"]
    assert year["report_settings"]["signatories"] == [{"name": "นายก", "position": "นายกเทศมนตรี"}]
    assert year["report_settings"]["summary"] == {"6": "สรุปรอบ 6"}
    assert year["issue_priorities"] == {"4": "urgent", "9": "develop"}
    assert year["measures"][0]["activities"] == ["โครงการอบรม", "กิจกรรมรณรงค์"]
    assert year["measures"][0]["budget"] == "50,000 บาท"
    settings = year["report_settings"]
    assert settings["bundle"] == ["analysis", "measures"]
    assert settings["hidden_sections"] == ["charts", "signatures"]
    assert settings["measure_columns"][3] == {
        "key": "responsible",
        "header": "หน่วยงานผู้รับผิดชอบ",
        "join": True,
    }
    assert settings["results_layout"] == "indicator"
    assert settings["executive"] == {"name": "นายทดสอบ", "position": "นายกเทศมนตรีตำบลทดสอบ"}
    assert settings["announcement_date"] == "2565-10-03"
    Draft202012Validator(schema()).validate(json.loads(first))
    _import(empty, first)
    assert _export(empty, tmp_path / "b.json") == first
    with empty.read() as s:
        assert s.organization(1).logo == LOGO
        assert _year_content(s, 1, 2566) == before


def test_the_export_time_is_the_only_difference(demo: Repository, tmp_path: Path) -> None:
    plain = _export(demo, tmp_path / "plain.json")
    when = datetime(2025, 10, 1, 9, 30, tzinfo=timezone(timedelta(hours=7)))
    stamped = _export(demo, tmp_path / "stamped.json", exported_at=when)
    line = b'  "exported_at": "2025-10-01T09:30:00+07:00",\n'
    assert line in stamped and stamped.replace(line, b"") == plain
    assert parse_exchange(stamped).exported_at == "2025-10-01T09:30:00+07:00"


def test_writer_and_schema_agree() -> None:
    Draft202012Validator.check_schema(schema())
    assert schema_format() == (FORMAT, FORMAT_VERSION)
    status = schema()["$defs"]["progress"]["properties"]["status"]["enum"]
    assert status == ["", *STATUSES]


def test_a_minimal_hand_made_file_takes_the_defaults(empty: Repository) -> None:
    data = {
        "format": FORMAT,
        "format_version": 1,
        "organizations": [
            {"name": "อบต. ตัวอย่าง", "years": [{"year": 2568, "scores": {"1": "90"}}]}
        ],
    }
    _import(empty, data)
    with empty.read() as s:
        a = s.assessment(1)
    assert a.rules.year == 2568 and a.threshold == a.target == preset_for(2568).target
    assert a.scores == {1: D("90")}


# selection and safety ---------------------------------------------------------------------
def test_export_selects_organisations_and_years(demo: Repository, tmp_path: Path) -> None:
    one = json.loads(_export(demo, tmp_path / "a.json", org="นครปฐม"))
    assert [o["name"] for o in one["organizations"]] == ["เทศบาลเมืองนครปฐม"]
    assert [y["year"] for y in one["organizations"][0]["years"]] == [2567, 2568]
    year = json.loads(_export(demo, tmp_path / "b.json", org="นครปฐม", year=2568))
    assert [y["year"] for y in year["organizations"][0]["years"]] == [2568]
    across = json.loads(_export(demo, tmp_path / "c.json", year=2564))
    assert [o["name"] for o in across["organizations"]] == ["เทศบาลนครตรัง", "เทศบาลตำบลนาบอน"]
    for org, year_ in (("นครปฐม", 2564), (None, 2590)):
        with pytest.raises(ValidationError, match=f"ปีงบประมาณ {year_}"):
            exchange.export_exchange(demo, tmp_path / "d.json", org=org, year=year_)
    assert not (tmp_path / "d.json").exists()


def test_export_never_writes_over_the_open_database(demo: Repository, demo_db: Path) -> None:
    before = demo_db.read_bytes()
    for target in (demo_db, Path(f"{demo_db}-wal")):
        with pytest.raises(ValidationError, match="เปิดใช้งานอยู่"):
            exchange.export_exchange(demo, target)
    assert demo_db.read_bytes() == before


# applying ---------------------------------------------------------------------------------
def test_import_replaces_a_year_and_creates_the_missing_ones(
    demo: Repository, tmp_path: Path
) -> None:
    others = _export(demo, tmp_path / "others.json", org="นาบอน")
    data = json.loads(_export(demo, tmp_path / "trang.json", org="ตรัง"))
    org = data["organizations"][0]
    old = org["years"][0]
    old["scores"]["4"] = "80.00"
    del old["scores"]["10"]
    old["measures"] = old["measures"][:1]
    new = copy.deepcopy(old)
    new["year"], new["rules"]["year"] = 2565, 2565
    org["years"].append(new)
    org["province"] = "จังหวัดใหม่"
    plan = _import(demo, data)
    [trang] = plan.organizations
    assert trang.org_id == 1 and trang.changed == ("province",)
    assert [(y.year, y.action) for y in trang.years] == [(2564, "replace"), (2565, "create")]
    with demo.read() as s:
        assert s.years(1) == [2564, 2565] and s.organization(1).province == "จังหวัดใหม่"
        for year in (2564, 2565):
            content = _year_content(s, 1, year)
            assert content["a"].scores[4] == D("80.00") and 10 not in content["a"].scores
            assert len(content["m"]) == 1
    assert _export(demo, tmp_path / "others2.json", org="นาบอน") == others


def test_import_is_one_transaction(
    empty: Repository, demo: Repository, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = _export(demo, tmp_path / "all.json")

    def failing_on_second(original: Callable[..., Any]) -> Callable[..., Any]:
        calls: list[int] = []

        def wrapper(self: Store, *args: Any) -> Any:
            calls.append(1)
            if len(calls) == 2:
                raise RuntimeError("disk pulled out")
            return original(self, *args)

        return wrapper

    monkeypatch.setattr(Store, "add_assessment", failing_on_second(Store.add_assessment))
    with pytest.raises(RuntimeError):
        _import(empty, first)
    assert empty.organizations() == []
    monkeypatch.setattr(Store, "replace_assessment", failing_on_second(Store.replace_assessment))
    changed = json.loads(first)
    for org in changed["organizations"]:
        for year in org["years"]:
            year["measures"] = []
    with pytest.raises(RuntimeError):
        _import(demo, changed)
    assert _export(demo, tmp_path / "after.json") == first


def test_import_refuses_a_name_two_organisations_share(empty: Repository) -> None:
    for _ in range(2):
        with empty.write() as s:
            s.add_organization(Organization("เทศบาลเมืองซ้ำ"))
    data = {
        "format": FORMAT,
        "format_version": 1,
        "organizations": [{"name": "เทศบาลเมือง ซ้ำ", "years": [{"year": 2568}]}],
    }
    with pytest.raises(ImportError_, match="รหัส 1, 2"):
        _import(empty, data)
    assert [empty.years(o.id) for o in empty.organizations() if o.id] == [[], []]


def test_dry_run_plans_without_a_database(demo: Repository, tmp_path: Path) -> None:
    parsed = parse_exchange(_export(demo, tmp_path / "a.json"))
    plan = exchange.plan_import(None, parsed)
    assert plan.organizations_created == 4 and plan.years_with(exchange.REPLACE) == 0
    again = exchange.plan_import(demo, parsed)
    assert again.organizations_created == 0 and again.years_with(exchange.REPLACE) == 5


# checks -----------------------------------------------------------------------------------
def _demo_json(demo: Repository, tmp_path: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(_export(demo, tmp_path / "base.json"))
    return data


def _year(data: dict[str, Any], org: int = 0, year: int = 0) -> dict[str, Any]:
    found: dict[str, Any] = data["organizations"][org]["years"][year]
    return found


def _measure_progress(data: dict[str, Any]) -> dict[str, Any]:
    found: dict[str, Any] = _year(data, 2)["measures"][0]["progress"]
    return found


BAD_FILES: list[tuple[str, Callable[[dict[str, Any]], Any], str]] = [
    ("missing name", lambda d: d["organizations"][0].pop("name"), "organizations[0].name: ไม่มีช่องนี้"),
    (
        "score 101",
        lambda d: _year(d)["scores"].update({"4": "101"}),
        "organizations[0].years[0].scores.4: คะแนนตัวชี้วัดที่ 4 ต้องอยู่ระหว่าง 0 ถึง 100",
    ),
    (
        "3 decimals",
        lambda d: _year(d)["scores"].update({"5": "92.123"}),
        "scores.5: คะแนนตัวชี้วัดที่ 5 มีทศนิยมได้ไม่เกิน 2 ตำแหน่ง",
    ),
    (
        "score as number",
        lambda d: _year(d)["scores"].update({"5": 92.1}),
        "scores.5: ต้องเป็นข้อความ หรือ null",
    ),
    (
        "no indicator 11",
        lambda d: _year(d)["scores"].update({"11": "50"}),
        "scores.11: ไม่มีตัวชี้วัดที่ 11",
    ),
    (
        "unknown status",
        lambda d: _measure_progress(d)["12"].update({"status": "เสร็จแล้ว"}),
        "organizations[2].years[0].measures[0].progress.12.status: ต้องเป็นค่าใดค่าหนึ่ง",
    ),
    ("round 7", lambda d: _measure_progress(d).update({"7": {}}), "progress.7: รอบการรายงานต้องเป็น"),
    (
        "bad weights",
        lambda d: _year(d)["rules"]["tools"][0].update({"weight": "0.5"}),
        "organizations[0].years[0].rules: น้ำหนัก",
    ),
    ("Common Era year", lambda d: _year(d).update({"year": 2021}), "years[0].year: ต้องเป็นปี พ.ศ."),
    (
        "same year twice",
        lambda d: d["organizations"][2]["years"][1].update({"year": 2567}),
        "organizations[2].years[1].year: ปีงบประมาณ 2567 ซ้ำกับ organizations[2].years[0]",
    ),
    (
        "same name twice",
        lambda d: d["organizations"][1].update({"name": "เทศบาลนคร ตรัง"}),
        "organizations[1].name: ชื่อหน่วยงานซ้ำกับ organizations[0]",
    ),
    (
        "threshold",
        lambda d: _year(d).update({"threshold": "101"}),
        "threshold: ต้องอยู่ระหว่าง 0 ถึง 100",
    ),
    ("unknown field", lambda d: d.update({"extra": 1}), "extra: ไม่รู้จักช่องนี้"),
    (
        "broken logo",
        lambda d: d["organizations"][0].update({"logo": "abc"}),
        "organizations[0].logo: ข้อมูล base64",
    ),
    (
        "unknown priority",
        lambda d: _year(d).update({"issue_priorities": {"4": "soon"}}),
        "organizations[0].years[0].issue_priorities.4: ต้องเป็นค่าใดค่าหนึ่งต่อไปนี้: “urgent” / “develop”",
    ),
    (
        "unknown column",
        lambda d: _year(d)["report_settings"]["measure_columns"].append({"key": "cost"}),
        "measure_columns[5].key: ต้องเป็นค่าใดค่าหนึ่งต่อไปนี้: “measure”",
    ),
    (
        "no document in the bundle",
        lambda d: _year(d)["report_settings"].update({"bundle": []}),
        "report_settings.bundle:",
    ),
    (
        "announcement date",
        lambda d: _year(d)["report_settings"].update({"announcement_date": "15/10/2564"}),
        "announcement_date: วันที่ประกาศต้องอยู่ในรูป ปปปป-ดด-วว",
    ),
    ("newer version", lambda d: d.update({"format_version": 2}), "รูปแบบรุ่น 2 ซึ่งใหม่กว่า"),
    ("version as text", lambda d: d.update({"format_version": "1"}), "format_version: ต้องเป็น 1"),
    ("another format", lambda d: d.update({"format": "x"}), "ไม่ใช่ไฟล์แลกเปลี่ยนข้อมูลของ ITA Desktop"),
]


@pytest.mark.parametrize(
    "change, expected", [(c, e) for _, c, e in BAD_FILES], ids=[n for n, _, _ in BAD_FILES]
)
def test_a_bad_file_says_what_and_where(
    demo: Repository, tmp_path: Path, change: Callable[[dict[str, Any]], Any], expected: str
) -> None:
    data = _demo_json(demo, tmp_path)
    change(data)
    with pytest.raises(ImportError_) as caught:
        parse_exchange(json.dumps(data, ensure_ascii=False).encode(), "bad.json")
    assert expected in caught.value.thai


@pytest.mark.parametrize(
    "raw, expected",
    [
        (b'{"format": "ita-desktop-exchange",,}', "ไม่ใช่ JSON ที่ถูกต้อง: บรรทัด 1 ตำแหน่ง 35"),
        (b'{"format": NaN}', "ไม่ใช่ JSON ที่ถูกต้อง"),
        (b"\xff\xfe{}", "ไม่ใช่ข้อความ UTF-8"),
        (b"[]", "ไม่ใช่ไฟล์แลกเปลี่ยนข้อมูล"),
    ],
)
def test_a_file_that_is_not_json_is_refused(raw: bytes, expected: str) -> None:
    with pytest.raises(ImportError_, match=expected):
        parse_exchange(raw, "bad.json")


def test_every_problem_is_reported_at_once_and_the_list_is_capped(
    demo: Repository, tmp_path: Path
) -> None:
    data = _demo_json(demo, tmp_path)
    year = _year(data)
    year["scores"] = {str(n): "101" for n in range(1, 11)}
    year["measures"] = [{"title": "x", "progress": {"6": {"status": "?"}}}] * 60
    with pytest.raises(ImportError_) as caught:
        parse_exchange(json.dumps(data, ensure_ascii=False).encode(), "bad.json")
    problems = caught.value.problems  # type: ignore[attr-defined]
    lines = caught.value.thai.splitlines()
    assert len(problems) == 70 and "พบปัญหา 70 รายการ" in lines[0]
    assert len(lines) == 1 + MAX_SHOWN + 1 and lines[-1] == f"… และอีก {70 - MAX_SHOWN} รายการ"
    assert lines[1].startswith("- organizations[0].years[0].measures[0].progress.6.status")
    assert lines[-2].startswith(f"- organizations[0].years[0].measures[{MAX_SHOWN - 1}]")
