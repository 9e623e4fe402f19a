"""How a year's documents print: each setting and each round's text changed on its own."""

from __future__ import annotations

import dataclasses

import pytest

from ita_desktop.domain.models import ReportSettings, TableColumn
from ita_desktop.errors import StorageError, ValidationError
from ita_desktop.services.changes import SETTINGS
from ita_desktop.services.report_settings import get_settings, set_round_text, set_setting
from ita_desktop.storage.repository import Repository
from tests.storage.fixtures import dump


def test_a_new_year_prints_with_the_defaults(repo: Repository, aid: int) -> None:
    assert get_settings(repo, aid) == ReportSettings()
    with pytest.raises(StorageError):
        get_settings(repo, 404)


def test_settings_round_trip(repo: Repository, aid: int) -> None:
    s = ReportSettings(False, [("นายก", "นายกเทศมนตรี")], "คำนำ", {6: "สรุป"}, {12: "ปัญหา"}, {})
    set_setting(repo, aid, "thai_digits", False)
    set_setting(repo, aid, "signatories", [("นายก", "นายกเทศมนตรี")])
    set_setting(repo, aid, "preface", "คำนำ")
    set_round_text(repo, aid, "summary", 6, "สรุป")
    set_round_text(repo, aid, "problems", 12, "ปัญหา")
    assert get_settings(repo, aid) == s


def test_set_setting_changes_one_setting(repo: Repository, aid: int) -> None:
    set_round_text(repo, aid, "summary", 12, "สรุป")
    old = get_settings(repo, aid)
    changes = set_setting(repo, aid, "preface", "คำนำ")
    assert changes.kinds == {SETTINGS} and changes.before == ""
    assert get_settings(repo, aid) == dataclasses.replace(old, preface="คำนำ")
    assert set_setting(repo, aid, "thai_digits", False).before is True
    signatories = [("นาย ก", "นายก"), ("นาง ข", "ปลัด")]
    assert set_setting(repo, aid, "signatories", signatories).before == []
    signatories.append(("แก้", "ภายหลัง"))  # the caller's list is not kept
    assert set_setting(repo, aid, "signatories", []).before == signatories[:2]
    new = get_settings(repo, aid)
    assert new == dataclasses.replace(old, preface="คำนำ", thai_digits=False, signatories=[])


def test_set_round_text_changes_one_round(repo: Repository, aid: int) -> None:
    changes = set_round_text(repo, aid, "summary", 6, "รอบหก")
    assert changes.kinds == {SETTINGS} and changes.before == ""
    set_round_text(repo, aid, "summary", 12, "รอบสิบสอง")
    set_round_text(repo, aid, "suggestions", 6, "ข้อเสนอ")
    assert set_round_text(repo, aid, "summary", 6, "แก้แล้ว").before == "รอบหก"
    s = get_settings(repo, aid)
    assert s.summary == {6: "แก้แล้ว", 12: "รอบสิบสอง"} and s.suggestions == {6: "ข้อเสนอ"}
    assert s.problems == {} and s.preface == ""
    assert set_round_text(repo, aid, "summary", 12, "").before == "รอบสิบสอง"  # removed
    assert get_settings(repo, aid).summary == {6: "แก้แล้ว"}


def test_refused_settings_change_nothing(repo: Repository, aid: int) -> None:
    set_round_text(repo, aid, "problems", 6, "ปัญหา")
    before = dump(repo)
    for name in ("summary", "problems", "suggestions", "font"):
        with pytest.raises(ValueError):
            set_setting(repo, aid, name, {})
    for name in ("preface", "thai_digits"):
        with pytest.raises(ValueError):
            set_round_text(repo, aid, name, 6, "ข้อความ")
    with pytest.raises(ValidationError) as info:
        set_round_text(repo, aid, "problems", 9, "ข้อความ")
    assert "6 หรือ 12 เดือน" in info.value.thai
    with pytest.raises(StorageError):
        set_setting(repo, 404, "preface", "คำนำ")
    assert dump(repo) == before


def test_document_settings_are_stored_checked_and_normalised(repo: Repository, aid: int) -> None:
    columns = [TableColumn("measure", " มาตรการ/แนวทาง "), TableColumn("period", join=True)]
    set_setting(repo, aid, "bundle", ["measures", "analysis"])
    set_setting(repo, aid, "hidden_sections", ["signatures", "charts"])
    set_setting(repo, aid, "measure_columns", columns)
    set_setting(repo, aid, "results_layout", "indicator")
    set_setting(repo, aid, "background", "ย่อหน้า\u200bหนึ่ง  \n\n\n\nย่อหน้าสอง")
    set_setting(repo, aid, "executive", (" นายก  ใจดี ", ""))
    set_setting(repo, aid, "announcement_date", "2566-10-02")
    s = get_settings(repo, aid)
    assert s.bundle == ["analysis", "measures"]  # in the bundle's order
    assert s.hidden_sections == ["charts", "signatures"]
    assert s.measure_columns == [
        TableColumn("measure", "มาตรการ/แนวทาง"),
        TableColumn("period", "", True),
    ]
    assert s.results_layout == "indicator"
    assert s.background == "ย่อหน้าหนึ่ง\n\nย่อหน้าสอง"
    assert s.executive == ("นายก ใจดี", "")
    assert s.announcement_date == "2566-10-02"
    assert not s.shows("charts") and s.shows("announcement")


def test_bad_document_settings_are_refused_in_thai(repo: Repository, aid: int) -> None:
    before = dump(repo)
    for name, value, says in (
        ("bundle", [], "อย่างน้อยหนึ่งฉบับ"),
        ("bundle", ["analysis", "minutes"], "อย่างน้อยหนึ่งฉบับ"),
        ("hidden_sections", ["appendix"], "ไม่รู้จักส่วนของเอกสาร"),
        ("measure_columns", [], "อย่างน้อยหนึ่งคอลัมน์"),
        ("measure_columns", [TableColumn("output")], "ไม่รู้จักคอลัมน์"),
        ("result_columns", [TableColumn("status"), TableColumn("status")], "ซ้ำกัน"),
        ("results_layout", "tool", "ตามมาตรการหรือตามตัวชี้วัด"),
        ("announcement_date", "15/10/2566", "วันที่ประกาศ"),
        ("announcement_date", "2566-02-30", "วันที่ประกาศ"),
    ):
        with pytest.raises(ValidationError) as info:
            set_setting(repo, aid, name, value)
        assert says in info.value.thai, name
    assert dump(repo) == before
