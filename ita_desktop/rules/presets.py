"""Fiscal-year rule presets: JSON files shipped with the app, loaded into `Rules` and back."""

from __future__ import annotations

import json
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Any

from ita_desktop.domain.fiscal import rules_source_year
from ita_desktop.domain.models import GradeBand, Indicator, Rules, Tool
from ita_desktop.errors import ValidationError

PRESET_DIR = Path(__file__).with_name("presets")


def available_years() -> list[int]:
    """Fiscal years (Buddhist era) that have a shipped preset, oldest first."""
    return sorted(int(p.stem) for p in PRESET_DIR.glob("*.json"))


@cache
def _preset_json(year: int) -> str:
    path = PRESET_DIR / f"{year}.json"
    if not path.exists():
        years = available_years()
        raise ValidationError(
            f"ไม่มีเกณฑ์การประเมินของปีงบประมาณ {year} (มีปี {years[0]}–{years[-1]})",
            f"no rules preset for fiscal year {year}",
        )
    return path.read_text(encoding="utf-8")


def load_preset(year: int) -> Rules:
    """A fresh copy of the shipped rules of one fiscal year."""
    return rules_from_dict(json.loads(_preset_json(year)))


def preset_for(year: int) -> Rules:
    """The preset of `year`, or of the nearest earlier year with a preset (rules carry over)."""
    rules = load_preset(rules_source_year(year, available_years()))
    rules.year = year
    return rules


def rules_from_dict(data: dict[str, Any]) -> Rules:
    """Build `Rules` from its JSON form (presets, and the copy kept with each assessment)."""
    try:
        rules = Rules(
            year=int(data["year"]),
            indicators=[
                Indicator(int(i["number"]), i["name"], i["tool"], i.get("description", ""))
                for i in data["indicators"]
            ],
            tools=[Tool(t["code"], t["name"], Decimal(str(t["weight"]))) for t in data["tools"]],
            grades=[
                GradeBand(
                    g["label"],
                    Decimal(str(g["minimum"])),
                    Decimal(str(g["min_each_tool"])) if g.get("min_each_tool") else None,
                )
                for g in data["grades"]
            ],
            target=Decimal(str(data.get("target", "85"))),
            source=data.get("source", ""),
            certainty=data.get("certainty", ""),
        )
    except (KeyError, TypeError, ValueError, ArithmeticError) as exc:
        raise ValidationError("เกณฑ์การประเมินไม่ถูกต้อง", f"malformed rules: {exc}") from exc
    check_rules(rules)
    return rules


def rules_to_dict(rules: Rules) -> dict[str, Any]:
    """The JSON form of `Rules`; decimals as strings so nothing is lost."""
    return {
        "year": rules.year,
        "target": str(rules.target),
        "source": rules.source,
        "certainty": rules.certainty,
        "tools": [{"code": t.code, "name": t.name, "weight": str(t.weight)} for t in rules.tools],
        "indicators": [
            {"number": i.number, "name": i.name, "tool": i.tool, "description": i.description}
            for i in rules.indicators
        ],
        "grades": [
            {
                "label": g.label,
                "minimum": str(g.minimum),
                **({"min_each_tool": str(g.min_each_tool)} if g.min_each_tool is not None else {}),
            }
            for g in rules.grades
        ],
    }


def check_rules(rules: Rules) -> None:
    """Refuse rules that cannot compute: weights not summing to 1, a tool with no indicator."""
    codes = {t.code for t in rules.tools}
    if sum((t.weight for t in rules.tools), Decimal(0)) != Decimal(1):
        raise ValidationError("น้ำหนักของเครื่องมือรวมกันต้องเท่ากับ 1", "tool weights must sum to 1")
    for ind in rules.indicators:
        if ind.tool not in codes:
            raise ValidationError(
                f"ตัวชี้วัดที่ {ind.number} อ้างถึงเครื่องมือ {ind.tool} ที่ไม่มีในเกณฑ์",
                "indicator refers to an unknown tool",
            )
    for code in codes:
        if not rules.indicators_of(code):
            raise ValidationError(f"เครื่องมือ {code} ไม่มีตัวชี้วัด", "tool without indicators")
    numbers = [i.number for i in rules.indicators]
    if len(set(numbers)) != len(numbers):
        raise ValidationError("หมายเลขตัวชี้วัดซ้ำกัน", "duplicate indicator numbers")
    if not rules.grades:
        raise ValidationError("ไม่มีช่วงระดับผลการประเมิน", "no grade bands")
