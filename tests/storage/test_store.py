"""The Store: reads and field-by-field writes on one transaction, plain dataclasses in and out."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pytest

from ita_desktop.domain.models import Measure, Organization, Period, ReportSettings
from ita_desktop.errors import StorageError
from ita_desktop.rules.presets import preset_for
from ita_desktop.storage.repository import Repository
from ita_desktop.storage.store import Store
from tests.storage.fixtures import TABLES, dump, measure, nabon, new_year, raw_scores

D = Decimal


def _org(repo: Repository, org: Organization | None = None) -> int:
    with repo.write() as s:
        return s.add_organization(org or nabon())


def _year(repo: Repository, org_id: int, year: int = 2566, **fields: object) -> int:
    with repo.write() as s:
        return s.add_assessment(new_year(org_id, year, **fields))


def _measures(repo: Repository, aid: int, count: int) -> list[int]:
    with repo.write() as s:
        return [s.add_measure(aid, measure(f"ม{i}")) for i in range(count)]


# organisations -----------------------------------------------------------------------------
def test_organization_round_trip(repo: Repository) -> None:
    org_id = _org(repo)
    other = _org(repo, Organization("อบต.ทดสอบ"))
    with repo.read() as s:
        org = s.organization(org_id)
        listed = s.organizations()
    assert (org.name, org.kind, org.district, org.province, org.logo, org.units) == (
        "เทศบาลตำบลนาบอน",
        "เทศบาลตำบล",
        "นาบอน",
        "นครศรีธรรมราช",
        b"\x89PNG",
        ["สำนักปลัด", "กองคลัง"],
    )
    assert org.id == org_id and [o.id for o in listed] == [org_id, other]


def test_update_organization_changes_only_the_named_fields(repo: Repository) -> None:
    org_id = _org(repo)
    with repo.read() as s:
        old = s.organization(org_id)
    with repo.write() as s:
        before = s.update_organization(org_id, {"province": "  ตรัง "})
    assert before == {"province": "นครศรีธรรมราช"}
    with repo.read() as s:
        assert s.organization(org_id) == dataclasses.replace(old, province="ตรัง")
    with repo.write() as s:
        before = s.update_organization(org_id, {"units": ["กองช่าง ", " "], "logo": None})
    assert before == {"units": ["สำนักปลัด", "กองคลัง"], "logo": b"\x89PNG"}
    with repo.read() as s:
        org = s.organization(org_id)
    assert (org.units, org.logo, org.name, org.province) == (["กองช่าง"], None, old.name, "ตรัง")


def test_text_is_normalised_on_save(repo: Repository) -> None:
    org_id = _org(repo, Organization("  เทศบาล\u200bตำบล   นาบอน ", units=["กองคลัง ", ""]))
    with repo.read() as s:
        assert s.organization(org_id).name == "เทศบาลตำบล นาบอน"
        assert s.organization(org_id).units == ["กองคลัง"]
    aid = _year(repo, org_id, 2565)
    with repo.write() as s:
        mid = s.add_measure(aid, Measure("กําหนดมาตรการ", [4, 2, 4], ["น้ํา", "  "]))
    with repo.read() as s:
        m = s.measures(aid)[0]
    assert (m.title, m.indicators, m.steps) == ("กำหนดมาตรการ", [2, 4], ["น้ำ"])
    with repo.write() as s:
        s.update_measure(mid, {"steps": [" ขั้น\u200bที่ ๑ ", ""], "responsible": ["กอง  คลัง "]})
        s.update_progress(mid, 6, {"output": "ผล\r\n\r\n\r\nต่อ"})
        s.set_text(aid, "narratives", "results", "  ข้อความ\u200b ")
    with repo.read() as s:
        m = s.measure(mid)
        assert (m.steps, m.responsible) == (["ขั้นที่ ๑"], ["กอง คลัง"])
        assert s.progress(aid, 6)[mid].output == "ผล\n\nต่อ"
        assert s.assessment(aid).narratives == {"results": "ข้อความ"}


def test_deleting_an_organization_cascades(repo: Repository) -> None:
    org_id = _org(repo)
    aid = _year(repo, org_id, 2564, scores={1: D("90")})
    (mid,) = _measures(repo, aid, 1)
    with repo.write() as s:
        s.update_progress(mid, 6, {"status": "ดำเนินการแล้วเสร็จ"})
    with repo.write() as s:
        s.delete_organization(org_id)
    assert all(rows == [] for rows in dump(repo).values())
    assert set(dump(repo)) == set(TABLES)


# assessments -------------------------------------------------------------------------------
def test_assessment_round_trip_keeps_exact_decimals(tmp_path: Path) -> None:
    path = tmp_path / "exact.sqlite"
    repo = Repository.open(path)
    org_id = _org(repo)
    a = new_year(
        org_id,
        2564,
        scores={1: D("94.42"), 9: D("100.00"), 4: D("90.10"), 2: None},
        threshold=D("91"),
        issues_by_indicator={4: "ทรัพย์สิน"},
        issues_by_tool={"IIT": "ประเด็น"},
        narratives={"results": "ข้อความ"},
    )
    a.official.overall, a.official.level = D("95.36"), "AA"
    a.rules.tools[0].name = "แก้ไขชื่อเครื่องมือ"
    settings = ReportSettings(False, [("นายก", "นายกเทศมนตรี")], "คำนำ", {6: "สรุป"}, {}, {})
    with repo.write() as s:
        aid = s.add_assessment(a, settings)
    repo.close()
    repo = Repository.open(path)
    with repo.read() as s:
        again = s.assessment(aid)
        assert s.settings(aid) == settings
    repo.close()
    assert again.scores == {1: D("94.42"), 4: D("90.10"), 9: D("100.00")}  # None: not stored
    assert str(again.scores[4]) == "90.10" and str(again.scores[9]) == "100.00"
    assert again.official.overall == D("95.36") and again.official.level == "AA"
    assert again.threshold == D("91") and again.target == a.rules.target
    assert again.issues_by_indicator == {4: "ทรัพย์สิน"} and again.issues_by_tool == {"IIT": "ประเด็น"}
    assert again.rules.tools[0].name == "แก้ไขชื่อเครื่องมือ"  # each assessment owns its rules
    assert again.narratives == {"results": "ข้อความ"}
    assert (again.organization_id, again.year, again.id) == (org_id, 2564, aid)


def test_years_latest_year_and_assessment_id(repo: Repository) -> None:
    org_id = _org(repo)
    with repo.read() as s:
        assert s.years(org_id) == [] and s.latest_year(org_id) is None
    later = _year(repo, org_id, 2566)
    earlier = _year(repo, org_id, 2565)
    with repo.read() as s:
        assert s.years(org_id) == [2565, 2566] and s.latest_year(org_id) == 2566
        assert s.assessment_id(org_id, 2566) == later and s.assessment_id(org_id, 2565) == earlier
        assert s.assessment_id(org_id, 2570) is None


def test_update_assessment_sets_only_the_named_columns(repo: Repository) -> None:
    aid = _year(repo, _org(repo), scores={1: D("90")}, narratives={"results": "ข้อความ"})
    with repo.read() as s:
        old = s.assessment(aid)
    with repo.write() as s:
        before = s.update_assessment(aid, {"threshold": D("90.50"), "official_level": "A"})
    assert before == {"threshold": old.threshold, "official_level": ""}
    with repo.read() as s:
        new = s.assessment(aid)
    official = dataclasses.replace(old.official, level="A")
    assert new == dataclasses.replace(old, threshold=D("90.50"), official=official)
    with pytest.raises(KeyError), repo.write() as s:
        s.update_assessment(aid, {"threshold": D(1), "year": 2570})
    with repo.read() as s:
        assert s.assessment(aid) == new


def test_set_rules_replaces_the_copy_and_its_target(repo: Repository) -> None:
    aid = _year(repo, _org(repo), threshold=D("88"))
    rules = preset_for(2566)
    rules.target, rules.tools[0].name = D("90"), "ชื่อใหม่"
    with repo.write() as s:
        old = s.set_rules(aid, rules)
    assert old == preset_for(2566)
    with repo.read() as s:
        a = s.assessment(aid)
    assert a.rules == rules and a.target == D("90") and a.threshold == D("88")


def test_set_score_adds_changes_and_clears_one_indicator(repo: Repository) -> None:
    aid = _year(repo, _org(repo), scores={1: D("70")})
    with repo.write() as s:
        assert s.score(aid, 3) is None
        s.set_score(aid, 3, D("88.50"))
        assert s.score(aid, 3) == D("88.50")
    assert raw_scores(repo, aid) == {1: "70", 3: "88.50"}
    with repo.write() as s:
        s.set_score(aid, 3, D("90"))
    assert raw_scores(repo, aid) == {1: "70", 3: "90"}
    with repo.write() as s:
        s.set_score(aid, 3, None)
        s.set_score(aid, 5, None)  # clearing a missing score does nothing
    with repo.read() as s:
        assert s.assessment(aid).scores == {1: D("70")}


def test_set_text_changes_one_entry(repo: Repository) -> None:
    aid = _year(repo, _org(repo), issues_by_indicator={2: "เดิม"}, issues_by_tool={"OIT": "เว็บ"})
    with repo.write() as s:
        assert s.set_text(aid, "issues_by_indicator", "4", " ทรัพย์สิน ") == ""
    with repo.read() as s:
        a = s.assessment(aid)
    assert a.issues_by_indicator == {2: "เดิม", 4: "ทรัพย์สิน"} and a.issues_by_tool == {"OIT": "เว็บ"}
    with repo.write() as s:
        assert s.set_text(aid, "issues_by_indicator", "2", " \u200b ") == "เดิม"  # empty: removed
        assert s.set_text(aid, "issues_by_tool", "OIT", "ใหม่") == "เว็บ"
    with repo.read() as s:
        a = s.assessment(aid)
    assert a.issues_by_indicator == {4: "ทรัพย์สิน"} and a.issues_by_tool == {"OIT": "ใหม่"}
    with pytest.raises(KeyError), repo.write() as s:
        s.set_text(aid, "rules", "x", "y")


def test_settings_one_field_at_a_time(repo: Repository) -> None:
    aid = _year(repo, _org(repo))
    with repo.read() as s:
        assert s.settings(aid) == ReportSettings()
    with repo.write() as s:
        assert s.set_setting(aid, "preface", "คำนำ") == ""
        assert s.set_setting(aid, "summary", {6: "สรุป", 12: ""}) == {}
        assert s.set_setting(aid, "thai_digits", False) is True
    with repo.read() as s:
        assert s.settings(aid) == ReportSettings(False, [], "คำนำ", {6: "สรุป"}, {}, {})
    with pytest.raises(KeyError), repo.write() as s:
        s.set_setting(aid, "font", "Sarabun")


# measures ----------------------------------------------------------------------------------
def test_add_measure_at_the_end_or_at_an_index(repo: Repository) -> None:
    aid = _year(repo, _org(repo))
    ids = _measures(repo, aid, 3)
    with repo.write() as s:
        inserted = s.add_measure(aid, measure("แทรก"), 1)
        first = s.add_measure(aid, measure("แรก"), -5)
        last = s.add_measure(aid, measure("ท้าย"), 99)
        assert s.measure_assessment(inserted) == aid
    with repo.read() as s:
        plan = s.measures(aid)
    assert [m.id for m in plan] == [first, ids[0], inserted, ids[1], ids[2], last]
    assert [m.position for m in plan] == list(range(6))


def test_update_measure_changes_only_the_named_fields(repo: Repository) -> None:
    aid = _year(repo, _org(repo))
    mid, other = _measures(repo, aid, 2)
    with repo.read() as s:
        old, old_other = s.measure(mid), s.measure(other)
    with repo.write() as s:
        before = s.update_measure(mid, {"title": " ชื่อใหม่ "})
    assert before == {"title": "ม0"}
    with repo.read() as s:
        assert s.measure(mid) == dataclasses.replace(old, title="ชื่อใหม่")
        assert s.measure(other) == old_other
    period = Period(text="ไตรมาสที่ ๒")
    with repo.write() as s:
        before = s.update_measure(mid, {"indicators": [8, 4, 8], "period": period})
    assert before == {"indicators": [4], "period": old.period}
    with repo.read() as s:
        new = s.measure(mid)
    assert new == dataclasses.replace(old, title="ชื่อใหม่", indicators=[4, 8], period=period)
    with pytest.raises(KeyError), repo.write() as s:
        s.update_measure(mid, {"position": 5})


def test_move_measure_returns_its_old_index(repo: Repository) -> None:
    aid = _year(repo, _org(repo))
    ids = _measures(repo, aid, 4)
    with repo.write() as s:
        assert s.move_measure(ids[3], 0) == 3
    with repo.read() as s:
        assert [m.title for m in s.measures(aid)] == ["ม3", "ม0", "ม1", "ม2"]
    with repo.write() as s:
        assert s.move_measure(ids[3], 99) == 0  # past the end: last
    with repo.read() as s:
        plan = s.measures(aid)
    assert [m.title for m in plan] == ["ม0", "ม1", "ม2", "ม3"]
    assert [m.position for m in plan] == [0, 1, 2, 3]


def test_delete_measure_renumbers_and_drops_its_progress(repo: Repository) -> None:
    aid = _year(repo, _org(repo))
    ids = _measures(repo, aid, 3)
    with repo.write() as s:
        s.update_progress(ids[1], 6, {"status": "ดำเนินการแล้วเสร็จ"})
        s.update_progress(ids[2], 6, {"status": "ยังไม่ดำเนินการ"})
    with repo.write() as s:
        s.delete_measure(ids[1])
    with repo.read() as s:
        assert [(m.id, m.position) for m in s.measures(aid)] == [(ids[0], 0), (ids[2], 1)]
        assert list(s.progress(aid, 6)) == [ids[2]]
    assert len(dump(repo)["progress"]) == 1


# progress ----------------------------------------------------------------------------------
def test_update_progress_creates_then_changes_only_the_named_fields(repo: Repository) -> None:
    aid = _year(repo, _org(repo))
    mid, other = _measures(repo, aid, 2)
    with repo.write() as s:
        assert s.update_progress(mid, 12, {"status": "อยู่ระหว่างดำเนินการ"}) == {"status": ""}
        s.update_progress(mid, 6, {"output": "รอบหก"})
    with repo.write() as s:
        before = s.update_progress(mid, 12, {"output": " ประชุมแล้ว ", "evidence": "ภาพถ่าย"})
    assert before == {"output": "", "evidence": ""}
    with repo.read() as s:
        entry = s.progress(aid, 12)[mid]
        rounds = s.progress_of_measure(mid)
        assert s.progress_of_measure(other) == []
    assert (entry.status, entry.output, entry.evidence) == (
        "อยู่ระหว่างดำเนินการ",
        "ประชุมแล้ว",
        "ภาพถ่าย",
    )
    assert (entry.outcome, entry.problems, entry.suggestions) == ("", "", "")
    assert [(p.round, p.output) for p in rounds] == [(6, "รอบหก"), (12, "ประชุมแล้ว")]
    with pytest.raises(KeyError), repo.write() as s:
        s.update_progress(mid, 6, {"measure_id": other})  # type: ignore[dict-item]


# missing rows ------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "call, words",
    [
        (lambda s: s.organization(999), "ไม่พบหน่วยงานนี้"),
        (lambda s: s.update_organization(0, {"name": "x"}), "ไม่พบหน่วยงานนี้"),
        (lambda s: s.assessment(999), "ไม่พบการประเมินนี้"),
        (lambda s: s.settings(None), "ไม่พบการประเมินนี้"),
        (lambda s: s.add_measure(999, Measure("ม")), "ไม่พบการประเมินนี้"),
        (lambda s: s.measure(999), "ไม่พบมาตรการนี้"),
        (lambda s: s.update_progress(999, 6, {"status": ""}), "ไม่พบมาตรการนี้"),
    ],
)
def test_a_missing_row_is_a_thai_storage_error(
    repo: Repository, call: Callable[[Store], object], words: str
) -> None:
    with pytest.raises(StorageError) as info, repo.write() as s:
        call(s)
    assert words in info.value.thai
    assert all(rows == [] for rows in dump(repo).values())
