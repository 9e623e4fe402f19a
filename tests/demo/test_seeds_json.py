"""Checks of the demo seed data: the four real documents as structured JSON."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any

import pytest

import ita_desktop

SEEDS = Path(ita_desktop.__file__).resolve().parent / "demo" / "seeds.json"
STATUSES = {"ยังไม่ดำเนินการ", "อยู่ระหว่างดำเนินการ", "ดำเนินการแล้วเสร็จ"}
CENT = Decimal("0.01")


@pytest.fixture(scope="module")
def raw() -> str:
    return SEEDS.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def data(raw: str) -> dict[str, Any]:
    return json.loads(raw)


def _assessments(data: dict[str, Any]) -> Iterator[tuple[dict[str, Any], dict[str, Any]]]:
    for org in data["organizations"]:
        for a in org["assessments"]:
            yield org, a


def _measures(data: dict[str, Any]) -> Iterator[tuple[dict[str, Any], dict[str, Any]]]:
    for org, a in _assessments(data):
        for m in a["measures"]:
            yield org, m


def _strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for k, v in value.items():
            yield k
            yield from _strings(v)
    elif isinstance(value, list):
        for v in value:
            yield from _strings(v)


def _mean(scores: dict[str, str | None], numbers: range) -> Decimal:
    values = [Decimal(scores[str(n)]) for n in numbers]  # type: ignore[arg-type]
    return (sum(values) / len(values)).quantize(CENT, ROUND_HALF_UP)


def _org(data: dict[str, Any], source: str) -> dict[str, Any]:
    return next(o for o in data["organizations"] if o["source"] == source)


def test_loads_four_organisations_one_per_document(data: dict[str, Any]) -> None:
    orgs = data["organizations"]
    assert len(orgs) == 4
    assert sorted(o["source"] for o in orgs) == ["000", "001", "002", "004"]
    for org in orgs:
        assert org["name"] and org["kind"] and org["province"] and org["units"]
        assert org["assessments"]


def test_expected_years_per_document(data: dict[str, Any]) -> None:
    years = {o["source"]: [a["year"] for a in o["assessments"]] for o in data["organizations"]}
    assert years["001"] == [2564]
    assert years["004"] == [2566]
    assert years["002"] == [2564]
    assert 2567 in years["000"]


def test_scores_are_strings_within_0_to_100(data: dict[str, Any]) -> None:
    for _org_, a in _assessments(data):
        assert set(a["scores"]) <= {str(n) for n in range(1, 11)}
        for value in a["scores"].values():
            if value is None:
                continue
            assert isinstance(value, str) and re.fullmatch(r"\d{1,3}\.\d{2}", value)
            assert Decimal(0) <= Decimal(value) <= Decimal(100)
        for key in ("iit", "eit", "oit", "overall"):
            value = a["official"][key]
            if value is not None:
                assert re.fullmatch(r"\d{1,3}\.\d{2}", value)
                assert Decimal(0) <= Decimal(value) <= Decimal(100)
        assert re.fullmatch(r"\d+(\.\d+)?", a["threshold"])


def test_trang_2564_tool_scores_and_overall_match_the_published_figures(
    data: dict[str, Any],
) -> None:
    trang = _org(data, "001")
    assert trang["name"] == "เทศบาลนครตรัง"
    a = next(x for x in trang["assessments"] if x["year"] == 2564)
    s = a["scores"]
    iit, eit, oit = _mean(s, range(1, 6)), _mean(s, range(6, 9)), _mean(s, range(9, 11))
    assert (iit, eit, oit) == (Decimal("92.39"), Decimal("92.13"), Decimal("100.00"))
    overall = (Decimal("0.3") * iit + Decimal("0.3") * eit + Decimal("0.4") * oit).quantize(
        CENT, ROUND_HALF_UP
    )
    assert overall == Decimal("95.36")
    official = a["official"]
    assert (official["iit"], official["eit"], official["oit"], official["overall"]) == (
        "92.39",
        "92.13",
        "100.00",
        "95.36",
    )
    assert official["level"] == "AA"
    assert a["threshold"] == "91"
    assert s["4"] == "90.76" and "92.76" in a["notes"]


def test_every_measure_has_a_title_and_steps(data: dict[str, Any]) -> None:
    for _org_, m in _measures(data):
        assert m["title"].strip()
        assert m["steps"] and all(step.strip() for step in m["steps"])


def test_measure_counts_keep_every_table_row(data: dict[str, Any]) -> None:
    counts = {
        o["source"]: sum(len(a["measures"]) for a in o["assessments"])
        for o in data["organizations"]
    }
    assert counts == {"001": 13, "004": 7, "000": 10, "002": 8}


def test_measure_indicators_and_units_are_consistent(data: dict[str, Any]) -> None:
    for org, m in _measures(data):
        assert all(isinstance(n, int) and 1 <= n <= 10 for n in m["indicators"])
        assert isinstance(m.get("indicators_inferred", False), bool)
        assert set(m["responsible"]) <= set(org["units"]), m["title"]


def test_periods_have_valid_months(data: dict[str, Any]) -> None:
    for _org_, m in _measures(data):
        p = m["period"]
        if p["whole_year"]:
            continue
        for month, year in ((p["start_month"], p["start_year"]), (p["end_month"], p["end_year"])):
            assert 1 <= month <= 12
            assert 2500 <= year <= 2600  # Buddhist era
        assert (p["start_year"], p["start_month"]) <= (p["end_year"], p["end_month"])


def test_progress_rounds_and_statuses_are_valid(data: dict[str, Any]) -> None:
    for _org_, m in _measures(data):
        for entry in m["progress"]:
            assert entry["round"] in (6, 12)
            assert entry["status"] in STATUSES


def test_progress_rounds_per_document(data: dict[str, Any]) -> None:
    def rounds(source: str) -> set[int]:
        return {
            p["round"]
            for a in _org(data, source)["assessments"]
            for m in a["measures"]
            for p in m["progress"]
        }

    assert rounds("002") == {6}
    assert rounds("000") == {12}
    assert rounds("001") == set() and rounds("004") == set()


def test_settings_rounds_are_6_or_12(data: dict[str, Any]) -> None:
    for _org_, a in _assessments(data):
        settings = a["settings"]
        for key in ("summary", "problems", "suggestions"):
            assert set(settings[key]) <= {"6", "12"}
        assert all(len(pair) == 2 for pair in settings["signatories"])


def test_no_broken_thai_sequences_or_invisible_characters(raw: str) -> None:
    assert "\u0e4d\u0e32" not in raw  # nikhahit + sara aa instead of sara am
    assert not re.search("[\u200b\u200c\u200d\u2060\ufeff\u00ad]", raw)


def test_no_pdf_leftovers_in_text(data: dict[str, Any]) -> None:
    for text in _strings(data):
        assert not re.search(r"</?[a-z]+>", text), text[:60]
        assert "  " not in text and text == text.strip(), text[:60]
