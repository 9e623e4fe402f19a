"""Export file names: Thai, from the document, round, organisation and year; safe on Windows."""

from __future__ import annotations

import re
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ita_desktop.errors import ValidationError
from ita_desktop.services.export_names import (
    DOCUMENT_NAMES,
    MAX_BYTES,
    MAX_CHARS,
    ROUND_NAME,
    WORKBOOK_NAME,
    export_file_name,
    safe_part,
)

WINDOWS_FORBIDDEN = re.compile(r'[\\/:*?"<>|\x00-\x1f\x7f-\x9f]')


@pytest.mark.parametrize(
    ("options", "name"),
    [
        (
            {"document": "analysis", "organization": "เทศบาลตำบลบ้านใหม่", "year": 2568},
            "รายงานการวิเคราะห์ผลการประเมิน_เทศบาลตำบลบ้านใหม่_2568.pdf",
        ),
        (
            {"document": "measures", "organization": "อบต. นาบอน", "year": 2565},
            "มาตรการส่งเสริมคุณธรรมและความโปร่งใส_อบต._นาบอน_2565.pdf",
        ),
        (
            {
                "document": "results",
                "organization": "เทศบาลนครตรัง",
                "year": 2564,
                "round_months": 6,
            },
            "รายงานผลการดำเนินการตามมาตรการ_รอบ_6_เดือน_เทศบาลนครตรัง_2564.pdf",
        ),
        (
            {"document": "all", "organization": "จังหวัดนครปฐม", "year": 2568, "round_months": 12},
            "เอกสารการประเมินคุณธรรมและความโปร่งใส_รอบ_12_เดือน_จังหวัดนครปฐม_2568.pdf",
        ),
        (
            {
                "document": "all",
                "organization": "จังหวัดนครปฐม",
                "year": 2568,
                "fmt": "xlsx",
                "round_months": 6,
            },
            "ตารางข้อมูลการประเมินคุณธรรมและความโปร่งใส_จังหวัดนครปฐม_2568.xlsx",
        ),
        (
            {"document": "analysis,measures", "organization": "อบจ.นครพนม", "year": 2566},
            "รายงานการวิเคราะห์ผลการประเมิน_มาตรการส่งเสริมคุณธรรมและความโปร่งใส_อบจ.นครพนม_2566.pdf",
        ),
    ],
)
def test_names_are_thai_and_say_what_the_file_holds(options, name) -> None:
    assert export_file_name(**options) == name


def test_characters_windows_refuses_become_one_underscore() -> None:
    name = export_file_name(
        document="analysis", organization=' เทศบาล/ตำบล: "ก"*<ข>|?\\ค\t\u200bง. ', year=2568
    )
    assert name == "รายงานการวิเคราะห์ผลการประเมิน_เทศบาล_ตำบล_ก_ข_ค_ง._2568.pdf"


def test_an_empty_organisation_name_leaves_no_double_underscore() -> None:
    assert export_file_name(document="analysis", organization=" / ", year=2568) == (
        "รายงานการวิเคราะห์ผลการประเมิน_2568.pdf"
    )


def test_decomposed_thai_is_composed() -> None:
    assert safe_part("น\u0e4d\u0e32") == unicodedata.normalize("NFC", "น\u0e4d\u0e32")


def test_a_long_name_is_cut_inside_the_organisation_at_a_letter() -> None:
    org = "องค์การบริหารส่วนตำบลที่ตั้งอยู่ริมแม่น้ำเจ้าพระยาฝั่งตะวันออก" * 4
    name = export_file_name(document="results", organization=org, year=2568, round_months=12)
    assert len(name) <= MAX_CHARS and len(name.encode()) <= MAX_BYTES
    assert name.startswith("รายงานผลการดำเนินการตามมาตรการ_รอบ_12_เดือน_องค์การบริหาร")
    assert name.endswith("_2568.pdf")
    org_part = name.removesuffix("_2568.pdf").rsplit("_", 1)[1]
    assert org.startswith(org_part)
    follows = org[len(org_part)]
    assert unicodedata.category(follows) != "Mn" and follows not in "ะาำ"
    assert org_part[-1] not in "เแโใไ"


def test_an_unknown_document_is_refused_in_thai() -> None:
    with pytest.raises(ValidationError, match="ไม่รู้จักเอกสาร"):
        export_file_name(document="report", organization="ก", year=2568)


@given(
    organization=st.text(max_size=300),
    document=st.sampled_from(["analysis", "measures", "results", "all"]),
    round_months=st.sampled_from([None, 6, 12]),
    fmt=st.sampled_from(["pdf", "xlsx"]),
)
def test_every_name_is_safe(organization, document, round_months, fmt) -> None:
    name = export_file_name(
        document=document,
        organization=organization,
        year=2568,
        fmt=fmt,
        round_months=round_months,
    )
    assert not WINDOWS_FORBIDDEN.search(name)
    assert len(name) <= MAX_CHARS and len(name.encode()) <= MAX_BYTES
    assert name.endswith(f"_2568.{fmt}") and "__" not in name
    title = DOCUMENT_NAMES[document] if fmt == "pdf" else WORKBOOK_NAME
    rounds = f"_รอบ_{round_months}_เดือน" if round_months and fmt == "pdf" else ""
    assert name.startswith(title + rounds)


def test_our_words_in_names_are_thai() -> None:
    for words in [*DOCUMENT_NAMES.values(), WORKBOOK_NAME, ROUND_NAME]:
        assert not re.search(r"[a-zA-Z]", words.replace("{months}", ""))
