"""Organisations: list, find by id or (partial) name, add, change only named fields, delete."""

from __future__ import annotations

import dataclasses

import pytest

from ita_desktop.domain.models import Measure, Organization
from ita_desktop.errors import StorageError, ValidationError
from ita_desktop.rules.presets import preset_for
from ita_desktop.services.assessments import create_year, get_assessment
from ita_desktop.services.changes import ORGANIZATION, ORGANIZATIONS, YEARS
from ita_desktop.services.measures import add_measure
from ita_desktop.services.organizations import (
    add_organization,
    delete_organization,
    find_organization,
    get_organization,
    list_organizations,
    update_organization,
)
from ita_desktop.services.progress import update_progress
from ita_desktop.storage.repository import Repository
from tests.documents.fixtures import created
from tests.storage.fixtures import dump


def _add(repo: Repository, name: str) -> int:
    return created(add_organization(repo, Organization(name)))


def test_add_returns_the_new_id(repo: Repository) -> None:
    changes = add_organization(repo, Organization("  เทศบาลเมือง\u200bตรัง ", province="ตรัง"))
    assert {ORGANIZATIONS, ORGANIZATION} <= changes.kinds and changes.before is None
    org = get_organization(repo, created(changes))
    assert (org.id, org.name, org.province) == (changes.created_id, "เทศบาลเมืองตรัง", "ตรัง")
    assert repo.years(created(changes)) == []


def test_add_with_its_first_year(repo: Repository) -> None:
    changes = add_organization(repo, Organization("อบต.ทดสอบ"), first_year=2566)
    assert {ORGANIZATIONS, ORGANIZATION, YEARS} <= changes.kinds
    a = get_assessment(repo, created(changes))
    assert (a.year, a.rules, a.scores) == (2566, preset_for(2566), {})
    assert a.threshold == a.target == preset_for(2566).target


@pytest.mark.parametrize("name", ["", "   ", "\u200b\u200b"])
def test_an_empty_name_is_refused(repo: Repository, name: str) -> None:
    with pytest.raises(ValidationError) as info:
        add_organization(repo, Organization(name))
    assert "กรุณากรอกชื่อหน่วยงาน" in info.value.thai
    with pytest.raises(ValidationError):
        add_organization(repo, Organization(name), first_year=2566)
    assert all(rows == [] for rows in dump(repo).values())


def test_list_gives_each_organisation_with_its_years(repo: Repository, org_id: int) -> None:
    other = _add(repo, "อบต.ทดสอบ")
    create_year(repo, org_id, 2566)
    create_year(repo, org_id, 2565)
    listed = list_organizations(repo)
    assert [(org.id, years) for org, years in listed] == [(org_id, [2565, 2566]), (other, [])]
    assert listed[0][0] == get_organization(repo, org_id)


def test_get_a_missing_organisation(repo: Repository) -> None:
    with pytest.raises(StorageError) as info:
        get_organization(repo, 404)
    assert "ไม่พบหน่วยงาน" in info.value.thai


# find ----------------------------------------------------------------------------------------
def test_find_by_id(repo: Repository, org_id: int) -> None:
    other = _add(repo, "อบต.ทดสอบ")
    assert find_organization(repo, other).id == other
    assert find_organization(repo, str(other)).id == other
    assert find_organization(repo, f" {org_id} ").id == org_id
    assert find_organization(repo, "๒").id == 2  # Thai digits
    assert find_organization(repo, None).id == org_id  # None or empty: the first one
    assert find_organization(repo, "").id == org_id


def test_find_by_exact_normalised_name(repo: Repository, org_id: int) -> None:
    south = _add(repo, "เทศบาลตำบลนาบอนใต้")
    assert find_organization(repo, "เทศบาลตำบลนาบอน").id == org_id  # exact beats partial
    assert find_organization(repo, "  เทศบาลตำบล  นา\u200bบอน ").id == org_id
    assert find_organization(repo, "เทศบาลตําบลนาบอน").id == org_id  # "ํา" typed apart
    assert find_organization(repo, "เทศบาลตำบลนาบอนใต้").id == south
    latin = _add(repo, "Trang City")
    assert find_organization(repo, "trang  city").id == latin
    assert find_organization(repo, "TRANGCITY").id == latin


def test_find_by_an_unambiguous_part_of_the_name(repo: Repository, org_id: int) -> None:
    other = _add(repo, "องค์การบริหารส่วนจังหวัดนครพนม")
    assert find_organization(repo, "นาบอน").id == org_id
    assert find_organization(repo, "นครพนม").id == other
    assert find_organization(repo, "จังหวัด นครพนม").id == other


def test_an_ambiguous_name_lists_the_candidates(repo: Repository, org_id: int) -> None:
    south = _add(repo, "เทศบาลตำบลนาบอนใต้")
    _add(repo, "อบต.ทดสอบ")
    with pytest.raises(ValidationError) as info:
        find_organization(repo, "นาบอน")
    thai = info.value.thai
    assert "ตรงกับหลายหน่วยงาน" in thai and "รหัสหรือชื่อเต็ม" in thai
    assert f"{org_id}=เทศบาลตำบลนาบอน" in thai and f"{south}=เทศบาลตำบลนาบอนใต้" in thai
    assert "อบต.ทดสอบ" not in thai


def test_two_organisations_of_the_same_name_are_ambiguous(repo: Repository, org_id: int) -> None:
    twin = _add(repo, "เทศบาลตำบล นาบอน")
    with pytest.raises(ValidationError) as info:
        find_organization(repo, "เทศบาลตำบลนาบอน")
    assert f"{org_id}=" in info.value.thai and f"{twin}=" in info.value.thai
    assert find_organization(repo, twin).id == twin  # the id still finds it


def test_an_unknown_name_lists_the_organisations(repo: Repository, org_id: int) -> None:
    with pytest.raises(ValidationError) as info:
        find_organization(repo, "ไม่มี")
    assert "ไม่พบหน่วยงาน “ไม่มี”" in info.value.thai
    assert f"{org_id}=เทศบาลตำบลนาบอน" in info.value.thai
    with pytest.raises(ValidationError):
        find_organization(repo, 999)  # an id nobody has
    with pytest.raises(ValidationError):
        find_organization(repo, "²")  # a digit int() cannot read is a name like any other


def test_find_in_an_empty_database(repo: Repository) -> None:
    with pytest.raises(ValidationError) as info:
        find_organization(repo, None)
    assert "ยังไม่มีหน่วยงาน" in info.value.thai


# update --------------------------------------------------------------------------------------
def test_update_changes_only_the_named_fields(repo: Repository, org_id: int) -> None:
    old = get_organization(repo, org_id)
    changes = update_organization(repo, org_id, province=" ตรัง ")
    assert changes.kinds == {ORGANIZATION} and changes.before == {"province": "นครศรีธรรมราช"}
    assert get_organization(repo, org_id) == dataclasses.replace(old, province="ตรัง")
    changes = update_organization(repo, org_id, name="เทศบาลเมืองนาบอน", units=[])
    assert changes.kinds == {ORGANIZATION, ORGANIZATIONS}  # the list shows names
    assert changes.before == {"name": "เทศบาลตำบลนาบอน", "units": ["สำนักปลัด", "กองคลัง"]}
    new = get_organization(repo, org_id)
    assert new == dataclasses.replace(old, name="เทศบาลเมืองนาบอน", province="ตรัง", units=[])


def test_update_is_refused_and_changes_nothing(repo: Repository, org_id: int) -> None:
    before = dump(repo)
    with pytest.raises(ValidationError) as info:
        update_organization(repo, org_id, name=" ", province="ตรัง")
    assert "กรุณากรอกชื่อหน่วยงาน" in info.value.thai
    with pytest.raises(ValueError, match="id"):
        update_organization(repo, org_id, id=5)
    with pytest.raises(StorageError):
        update_organization(repo, 404, province="ตรัง")
    assert dump(repo) == before


# delete --------------------------------------------------------------------------------------
def test_delete_takes_its_years_measures_and_progress(repo: Repository, org_id: int) -> None:
    other = _add(repo, "อบต.ทดสอบ")
    kept = created(create_year(repo, other, 2566))
    aid = created(create_year(repo, org_id, 2566))
    mid = created(add_measure(repo, aid, Measure("ม")))
    update_progress(repo, mid, 6, status="ดำเนินการแล้วเสร็จ")
    changes = delete_organization(repo, org_id)
    assert changes.kinds == {ORGANIZATIONS, ORGANIZATION, YEARS}
    assert [o.id for o in repo.organizations()] == [other]
    rows = dump(repo)
    assert [r[0] for r in rows["assessments"]] == [kept]
    assert rows["measures"] == [] and rows["progress"] == []
    with pytest.raises(StorageError):
        delete_organization(repo, org_id)
