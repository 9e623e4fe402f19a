"""A year's assessment: each write changes only its fields, returns what it replaced, and a
refused write (in Thai) changes nothing."""

from __future__ import annotations

import copy
import dataclasses
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pytest

from ita_desktop.domain.models import Assessment, GradeBand, Indicator, Measure, Rules, Tool
from ita_desktop.errors import StorageError, ValidationError
from ita_desktop.rules.presets import preset_for
from ita_desktop.services.assessments import (
    add_assessment,
    create_year,
    delete_year,
    get_assessment,
    get_assessment_by_id,
    set_issue,
    set_narrative,
    set_official,
    set_official_level,
    set_rules,
    set_score,
    set_scores,
    set_threshold,
    set_tool_issue,
    years,
)
from ita_desktop.services.changes import ASSESSMENT, SCORES, YEARS
from ita_desktop.services.measures import add_measure
from ita_desktop.services.progress import update_progress
from ita_desktop.storage.repository import Repository
from tests.documents.fixtures import created
from tests.storage.fixtures import dump, nabon, new_year, raw_scores

D = Decimal


def _filled(repo: Repository, aid: int) -> Assessment:
    """Give the year a score, an official figure, issues and a narrative; return it."""
    set_scores(repo, aid, {1: D("90.10"), 4: D("70")})
    set_official(repo, aid, "overall", D("88.88"))
    set_issue(repo, aid, 4, "ทรัพย์สิน")
    set_tool_issue(repo, aid, "OIT", "เว็บไซต์")
    set_narrative(repo, aid, "results", "ข้อความ")
    return get_assessment_by_id(repo, aid)


# years ---------------------------------------------------------------------------------------
def test_create_year_copies_that_years_preset(repo: Repository, org_id: int) -> None:
    changes = create_year(repo, org_id, 2566)
    assert changes.kinds == {YEARS, ASSESSMENT, SCORES} and changes.before is None
    a = get_assessment_by_id(repo, created(changes))
    preset = preset_for(2566)
    assert (a.organization_id, a.year, a.id) == (org_id, 2566, changes.created_id)
    assert a.rules == preset and a.threshold == a.target == preset.target
    assert a.scores == {} and a.issues_by_indicator == {} and a.narratives == {}


def test_a_year_twice_is_refused(repo: Repository, org_id: int, aid: int) -> None:
    before = dump(repo)
    with pytest.raises(ValidationError) as info:
        create_year(repo, org_id, 2566)
    assert "มีการประเมินปีงบประมาณ 2566 อยู่แล้ว" in info.value.thai
    assert dump(repo) == before and years(repo, org_id) == [2566]


def test_latest_year_and_years(repo: Repository, org_id: int) -> None:
    create_year(repo, org_id, 2566)
    create_year(repo, org_id, 2565)
    assert years(repo, org_id) == [2565, 2566]
    assert get_assessment(repo, org_id).year == 2566
    assert get_assessment(repo, org_id, 2565).year == 2565
    with pytest.raises(ValidationError) as info:
        get_assessment(repo, org_id, 2570)
    assert "2570" in info.value.thai
    with pytest.raises(StorageError):
        get_assessment_by_id(repo, 404)


def test_add_assessment_writes_a_whole_year(repo: Repository, org_id: int) -> None:
    a = new_year(org_id, 2564, scores={1: D("94.42"), 4: D("90.10")}, threshold=D("91"))
    a.official.overall, a.issues_by_tool = D("95.36"), {"IIT": "ประเด็น"}
    changes = add_assessment(repo, a)
    assert changes.kinds == {YEARS, ASSESSMENT, SCORES}
    stored = get_assessment_by_id(repo, created(changes))
    assert stored == dataclasses.replace(a, id=changes.created_id)
    assert raw_scores(repo, created(changes)) == {1: "94.42", 4: "90.10"}


@pytest.mark.parametrize(
    "change, words",
    [
        ({"scores": {2: D("150")}}, "ต้องอยู่ระหว่าง 0 ถึง 100"),
        ({"scores": {2: D("88.555")}}, "ทศนิยมได้ไม่เกิน 2 ตำแหน่ง"),
        ({"scores": {11: D("50")}}, "ไม่มีตัวชี้วัดที่ 11"),
        ({"threshold": D("101")}, "เกณฑ์จุดแข็ง"),
        ({"threshold": D("-0.01")}, "เกณฑ์จุดแข็ง"),
        ({"organization_id": None}, "ไม่ได้ระบุหน่วยงาน"),
        ({"year": 2566}, "อยู่แล้ว"),
    ],
)
def test_add_assessment_is_checked_first(
    repo: Repository, org_id: int, aid: int, change: dict[str, object], words: str
) -> None:
    a = new_year(org_id, 2565)
    for name, value in change.items():
        setattr(a, name, value)
    before = dump(repo)
    with pytest.raises(ValidationError) as info:
        add_assessment(repo, a)
    assert words in info.value.thai
    assert dump(repo) == before


def test_add_assessment_refuses_rules_that_cannot_compute(repo: Repository, org_id: int) -> None:
    a = new_year(org_id, 2565)
    a.rules.tools[0].weight = D("0.5")
    with pytest.raises(ValidationError) as info:
        add_assessment(repo, a)
    assert "น้ำหนัก" in info.value.thai
    with pytest.raises(StorageError):
        add_assessment(repo, new_year(404, 2565))  # no such organisation
    assert years(repo, org_id) == [] and dump(repo)["assessments"] == []


def test_delete_year_takes_its_measures_and_progress(
    repo: Repository, org_id: int, aid: int
) -> None:
    kept = created(create_year(repo, org_id, 2565))
    set_score(repo, aid, 1, D("90"))
    mid = created(add_measure(repo, aid, Measure("ม")))
    update_progress(repo, mid, 12, status="ดำเนินการแล้วเสร็จ")
    changes = delete_year(repo, aid)
    assert changes.kinds == {YEARS, ASSESSMENT, SCORES}
    assert years(repo, org_id) == [2565]
    rows = dump(repo)
    assert [r[0] for r in rows["assessments"]] == [kept]
    assert rows["scores"] == rows["measures"] == rows["progress"] == []
    with pytest.raises(StorageError):
        delete_year(repo, aid)


def test_a_year_round_trip_keeps_exact_decimals(tmp_path: Path) -> None:
    from ita_desktop.services.organizations import add_organization

    path = tmp_path / "exact.sqlite"
    repo = Repository.open(path)
    org_id = created(add_organization(repo, nabon()))
    aid = created(create_year(repo, org_id, 2564))
    set_scores(repo, aid, {1: D("94.42"), 9: D("100.00"), 4: D("90.10")})
    set_official(repo, aid, "overall", D("95.36"))
    set_official_level(repo, aid, "AA")
    set_threshold(repo, aid, D("91"))
    set_issue(repo, aid, 4, "ทรัพย์สิน")
    set_tool_issue(repo, aid, "IIT", "ประเด็น")
    set_narrative(repo, aid, "results", "ข้อความ")
    rules = get_assessment_by_id(repo, aid).rules
    rules.tools[0].name = "แก้ไขชื่อเครื่องมือ"
    set_rules(repo, aid, rules)
    repo.close()
    repo = Repository.open(path)
    again = repo.assessment(org_id, 2564)
    repo.close()
    assert again.scores == {1: D("94.42"), 4: D("90.10"), 9: D("100.00")}
    assert str(again.scores[4]) == "90.10"
    assert again.official.overall == D("95.36") and again.official.level == "AA"
    assert again.threshold == D("91")
    assert again.issues_by_indicator == {4: "ทรัพย์สิน"} and again.issues_by_tool == {"IIT": "ประเด็น"}
    assert again.rules.tools[0].name == "แก้ไขชื่อเครื่องมือ"  # each assessment owns its rules
    assert again.narratives == {"results": "ข้อความ"}


# scores --------------------------------------------------------------------------------------
def test_set_score_validates_and_clears(repo: Repository, aid: int) -> None:
    changes = set_score(repo, aid, 3, D("88.5"))
    assert changes.kinds == {SCORES} and changes.before is None
    with pytest.raises(ValidationError):
        set_score(repo, aid, 3, D("100.5"))
    with pytest.raises(ValidationError):
        set_score(repo, aid, 11, D("50"))
    assert get_assessment_by_id(repo, aid).scores == {3: D("88.5")}
    assert set_score(repo, aid, 3, D("90")).before == D("88.5")
    assert set_score(repo, aid, 3, None).before == D("90")
    assert get_assessment_by_id(repo, aid).scores == {}


@pytest.mark.parametrize(
    "indicator, value, words",
    [
        (3, D("101"), "คะแนนตัวชี้วัดที่ 3 ต้องอยู่ระหว่าง 0 ถึง 100"),
        (3, D("-1"), "ต้องอยู่ระหว่าง 0 ถึง 100"),
        (3, D("NaN"), "ต้องอยู่ระหว่าง 0 ถึง 100"),
        (3, D("Infinity"), "ต้องอยู่ระหว่าง 0 ถึง 100"),
        (3, D("90.125"), "ทศนิยมได้ไม่เกิน 2 ตำแหน่ง"),
        (11, D("50"), "ไม่มีตัวชี้วัดที่ 11 ในเกณฑ์ปีนี้"),
        (11, None, "ไม่มีตัวชี้วัดที่ 11"),
        (0, D("50"), "ไม่มีตัวชี้วัดที่ 0"),
    ],
)
def test_a_refused_score_changes_nothing(
    repo: Repository, aid: int, indicator: int, value: Decimal | None, words: str
) -> None:
    set_score(repo, aid, 3, D("80"))
    before = dump(repo)
    with pytest.raises(ValidationError) as info:
        set_score(repo, aid, indicator, value)
    assert words in info.value.thai
    with pytest.raises(ValidationError):
        set_scores(repo, aid, {1: D("90"), indicator: value})
    assert dump(repo) == before


def test_set_scores_writes_all_or_none(repo: Repository, aid: int) -> None:
    with pytest.raises(ValidationError):
        set_scores(repo, aid, {1: D("90"), 2: D("150")})
    assert get_assessment_by_id(repo, aid).scores == {}
    changes = set_scores(repo, aid, {1: D("90"), 2: D("80.25")})
    assert changes.kinds == {SCORES} and changes.before == {1: None, 2: None}
    changes = set_scores(repo, aid, {2: None, 3: D("70")})
    assert changes.before == {2: D("80.25"), 3: None}
    assert get_assessment_by_id(repo, aid).scores == {1: D("90"), 3: D("70")}


def test_minus_zero_is_stored_as_zero(repo: Repository, aid: int) -> None:
    set_score(repo, aid, 1, D("-0"))
    set_scores(repo, aid, {2: D("-0.00")})
    assert raw_scores(repo, aid) == {1: "0", 2: "0.00"}
    assert str(get_assessment_by_id(repo, aid).scores[1]) == "0"
    set_threshold(repo, aid, D("-0"))
    set_official(repo, aid, "iit", D("-0.0"))
    a = get_assessment_by_id(repo, aid)
    assert (str(a.threshold), str(a.official.iit)) == ("0", "0.0")


def test_minus_zero_in_a_whole_year_is_stored_as_zero(repo: Repository, org_id: int) -> None:
    a = new_year(org_id, 2565, scores={1: D("-0"), 2: D("-0.00")}, threshold=D("-0"))
    a.official.overall = D("-0.00")
    aid = created(add_assessment(repo, a))
    assert raw_scores(repo, aid) == {1: "0", 2: "0.00"}
    stored = get_assessment_by_id(repo, aid)
    assert (str(stored.threshold), str(stored.official.overall)) == ("0", "0.00")


# threshold and official figures ---------------------------------------------------------------
def test_set_threshold_leaves_scores_and_texts_untouched(repo: Repository, aid: int) -> None:
    old = _filled(repo, aid)
    changes = set_threshold(repo, aid, D("90.50"))
    assert changes.kinds == {ASSESSMENT} and changes.before == old.threshold
    assert get_assessment_by_id(repo, aid) == dataclasses.replace(old, threshold=D("90.50"))


@pytest.mark.parametrize(
    "value, words",
    [
        (D("100.01"), "เกณฑ์จุดแข็ง ต้องอยู่ระหว่าง 0 ถึง 100"),
        (D("-1"), "ต้องอยู่ระหว่าง 0 ถึง 100"),
        (D("NaN"), "ต้องอยู่ระหว่าง 0 ถึง 100"),
        (D("85.005"), "เกณฑ์จุดแข็ง มีทศนิยมได้ไม่เกิน 2 ตำแหน่ง"),
    ],
)
def test_a_threshold_out_of_range_changes_nothing(
    repo: Repository, aid: int, value: Decimal, words: str
) -> None:
    _filled(repo, aid)
    before = dump(repo)
    with pytest.raises(ValidationError) as info:
        set_threshold(repo, aid, value)
    assert words in info.value.thai
    assert dump(repo) == before


def test_set_official_changes_one_figure(repo: Repository, aid: int) -> None:
    old = _filled(repo, aid)
    changes = set_official(repo, aid, "iit", D("92.39"))
    assert changes.kinds == {ASSESSMENT} and changes.before is None
    official = dataclasses.replace(old.official, iit=D("92.39"))
    assert get_assessment_by_id(repo, aid) == dataclasses.replace(old, official=official)
    assert set_official(repo, aid, "overall", None).before == D("88.88")  # None clears
    assert get_assessment_by_id(repo, aid).official.overall is None
    changes = set_official_level(repo, aid, "  AA ")
    assert changes.kinds == {ASSESSMENT} and changes.before == ""
    assert set_official_level(repo, aid, "A").before == "AA"
    a = get_assessment_by_id(repo, aid)
    assert (a.official.iit, a.official.level, a.scores) == (D("92.39"), "A", old.scores)


def test_a_refused_official_figure_changes_nothing(repo: Repository, aid: int) -> None:
    _filled(repo, aid)
    before = dump(repo)
    with pytest.raises(ValidationError) as info:
        set_official(repo, aid, "eit", D("101"))
    assert "EIT" in info.value.thai and "0 ถึง 100" in info.value.thai
    with pytest.raises(ValidationError):
        set_official(repo, aid, "overall", D("95.366"))
    with pytest.raises(ValueError):
        set_official(repo, aid, "level", D("1"))
    assert dump(repo) == before


# rules ---------------------------------------------------------------------------------------
def test_set_rules_replaces_the_copy_and_returns_the_old(repo: Repository, aid: int) -> None:
    old = _filled(repo, aid)
    rules = copy.deepcopy(old.rules)
    rules.tools[0].name, rules.target = "ชื่อใหม่", D("90")
    rules.indicators[0].name = "ตัวชี้วัดที่แก้ชื่อ"
    changes = set_rules(repo, aid, rules)
    assert changes.kinds == {ASSESSMENT, SCORES} and changes.before == old.rules
    new = get_assessment_by_id(repo, aid)
    assert new == dataclasses.replace(old, rules=rules, target=D("90"))  # the target goes along
    rules.tools[0].name = "แก้หลังบันทึก"  # the caller's object is not kept
    assert get_assessment_by_id(repo, aid).rules.tools[0].name == "ชื่อใหม่"


@pytest.mark.parametrize(
    "breaks, words",
    [
        (lambda r: setattr(r.tools[0], "weight", D("0.25")), "น้ำหนักของเครื่องมือรวมกัน"),
        (lambda r: r.tools.append(Tool("XIT", "ใหม่", D("0"))), "เครื่องมือ XIT ไม่มีตัวชี้วัด"),
        (lambda r: r.indicators.append(Indicator(11, "ใหม่", "ZIT")), "เครื่องมือ ZIT"),
        (lambda r: r.indicators.append(Indicator(1, "ซ้ำ", "IIT")), "หมายเลขตัวชี้วัดซ้ำกัน"),
        (lambda r: r.grades.clear(), "ไม่มีช่วงระดับ"),
    ],
)
def test_rules_that_cannot_compute_are_refused(
    repo: Repository, aid: int, breaks: Callable[[Rules], object], words: str
) -> None:
    old = _filled(repo, aid)
    rules = copy.deepcopy(old.rules)
    breaks(rules)
    before = dump(repo)
    with pytest.raises(ValidationError) as info:
        set_rules(repo, aid, rules)
    assert words in info.value.thai
    assert dump(repo) == before


def test_an_indicator_with_a_score_cannot_leave_the_rules(repo: Repository, aid: int) -> None:
    old = _filled(repo, aid)  # indicators 1 and 4 have scores
    rules = copy.deepcopy(old.rules)
    rules.indicators = [i for i in rules.indicators if i.number not in (2, 4)]
    before = dump(repo)
    with pytest.raises(ValidationError) as info:
        set_rules(repo, aid, rules)
    assert "ลบตัวชี้วัดที่ 4 ไม่ได้" in info.value.thai and "ยังมีคะแนนอยู่" in info.value.thai
    assert dump(repo) == before
    set_score(repo, aid, 4, None)
    set_rules(repo, aid, rules)  # without its score it may go
    numbers = [i.number for i in get_assessment_by_id(repo, aid).rules.indicators]
    assert numbers == [1, 3, 5, 6, 7, 8, 9, 10]
    with pytest.raises(ValidationError):
        set_score(repo, aid, 4, D("50"))  # and takes no score any more


def test_rules_may_change_grades_and_add_an_indicator(repo: Repository, aid: int) -> None:
    rules = copy.deepcopy(get_assessment_by_id(repo, aid).rules)
    rules.indicators.append(Indicator(11, "ตัวชี้วัดใหม่", "OIT"))
    rules.grades = [GradeBand("ผ่าน", D("50")), GradeBand("ไม่ผ่าน", D("0"))]
    set_rules(repo, aid, rules)
    set_score(repo, aid, 11, D("77"))
    a = get_assessment_by_id(repo, aid)
    assert a.rules == rules and a.scores == {11: D("77")}


# issues and narratives -------------------------------------------------------------------------
def test_texts_change_one_entry_each(repo: Repository, aid: int) -> None:
    old = _filled(repo, aid)
    changes = set_issue(repo, aid, 7, "  การป้องกัน\u200bการทุจริต ")
    assert changes.kinds == {ASSESSMENT} and changes.before == ""
    assert set_issue(repo, aid, 4, "ทรัพย์สินของราชการ").before == "ทรัพย์สิน"
    assert set_tool_issue(repo, aid, "IIT", "การรับรู้").before == ""
    assert set_tool_issue(repo, aid, "OIT", "").before == "เว็บไซต์"  # empty: removed
    assert set_narrative(repo, aid, "results", "ใหม่").before == "ข้อความ"
    assert set_narrative(repo, aid, "summary", "สรุป").before == ""
    new = get_assessment_by_id(repo, aid)
    assert new == dataclasses.replace(
        old,
        issues_by_indicator={4: "ทรัพย์สินของราชการ", 7: "การป้องกันการทุจริต"},
        issues_by_tool={"IIT": "การรับรู้"},
        narratives={"results": "ใหม่", "summary": "สรุป"},
    )
    assert set_narrative(repo, aid, "results", " \n ").before == "ใหม่"  # back to generated
    assert get_assessment_by_id(repo, aid).narratives == {"summary": "สรุป"}


def test_an_unknown_tool_is_refused(repo: Repository, aid: int) -> None:
    before = dump(repo)
    with pytest.raises(ValueError):
        set_tool_issue(repo, aid, "XIT", "ข้อความ")
    with pytest.raises(StorageError):
        set_issue(repo, 404, 1, "ข้อความ")
    assert dump(repo) == before


def test_issue_priority_is_set_cleared_and_checked(tmp_path: Path) -> None:
    from ita_desktop.domain.models import Organization
    from ita_desktop.services.assessments import set_issue_priority
    from ita_desktop.services.organizations import add_organization

    db = Repository.open(tmp_path / "p.sqlite")
    try:
        org_id = add_organization(db, Organization("เทศบาลทดสอบ")).created_id
        assert org_id is not None
        aid = create_year(db, org_id, 2566).created_id
        assert aid is not None
        assert set_issue_priority(db, aid, 4, "urgent").before is None
        assert get_assessment_by_id(db, aid).issue_priorities == {4: "urgent"}
        assert set_issue_priority(db, aid, 4, None).before == "urgent"
        assert get_assessment_by_id(db, aid).issue_priorities == {}
        with pytest.raises(ValidationError):
            set_issue_priority(db, aid, 11, "develop")
        with pytest.raises(ValueError):
            set_issue_priority(db, aid, 4, "soon")
    finally:
        db.close()


@pytest.mark.parametrize("year", [1999, 2499, 2701])
def test_a_year_outside_the_buddhist_era_range_is_refused(tmp_path: Path, year: int) -> None:
    from ita_desktop.domain.models import Organization
    from ita_desktop.services.organizations import add_organization

    db = Repository.open(tmp_path / "y.sqlite")
    try:
        org_id = add_organization(db, Organization("เทศบาลทดสอบ")).created_id
        assert org_id is not None
        with pytest.raises(ValidationError, match="ปีงบประมาณต้องเป็นปี พ.ศ."):
            create_year(db, org_id, year)
        assert years(db, org_id) == []
    finally:
        db.close()
