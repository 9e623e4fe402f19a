"""Checks of an exchange file: its JSON Schema and the rules the schema cannot say, in Thai."""

from __future__ import annotations

import base64
import binascii
import json
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import cache
from pathlib import Path
from typing import Any, TypeGuard

from ita_desktop.analysis.scoring import MAX_SCORE, MIN_SCORE, TWO_PLACES, check_score
from ita_desktop.errors import ImportError_, ValidationError, shown
from ita_desktop.importers.problems import refused_message
from ita_desktop.rules.presets import preset_for, rules_from_dict
from ita_desktop.thai.normalize import normalize_name

SCHEMA_PATH = Path(__file__).with_name("exchange_json.schema.json")
PathParts = tuple[str | int, ...]
TYPE_NAMES = {
    "string": "ข้อความ",
    "integer": "จำนวนเต็ม",
    "number": "ตัวเลข",
    "boolean": "true หรือ false",
    "object": "ออบเจ็กต์ { }",
    "array": "รายการ [ ]",
    "null": "null",
}


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the file and where: a JSON path such as organizations[0].name."""

    path: PathParts
    message: str

    def where(self) -> str:
        return json_path(self.path) or "ทั้งไฟล์"

    def line(self) -> str:
        return f"{self.where()}: {self.message}"


class ExchangeFileError(ImportError_):
    """The file cannot be imported; `problems` lists every reason found (exit code 2)."""

    def __init__(self, name: str, problems: Sequence[Problem]) -> None:
        super().__init__(refused_message(name, [p.line() for p in problems]))
        self.problems = list(problems)


def json_path(parts: Iterable[str | int]) -> str:
    """A JSON path as people read it; keys from the file are escaped and cut (errors.shown)."""
    text = ""
    for part in parts:
        key = shown(part, 40)
        text += f"[{part}]" if isinstance(part, int) else (f".{key}" if text else key)
    return text


def organization_key(name: str) -> str:
    """How organisations are matched: normalised, without spaces, case-folded (as --org)."""
    return normalize_name(name).replace(" ", "").casefold()


@cache
def schema() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    return data


def schema_format() -> tuple[str, int]:
    """The format name and the newest format version this app reads (the schema's consts)."""
    head = schema()["properties"]
    return str(head["format"]["const"]), int(head["format_version"]["const"])


def file_problems(data: Any) -> list[Problem]:
    """Every problem of the parsed file, schema first where both see the same place."""
    found = schema_problems(data)
    for p in semantic_problems(data):
        if not any(s.path[: len(p.path)] == p.path for s in found):
            found.append(p)
    return sorted(dict.fromkeys(found), key=_path_order)


def _path_order(p: Problem) -> tuple[tuple[int, int, str], ...]:
    """Document order: list items and numeric keys (indicators, rounds) by number."""
    return tuple(
        (0, x, "") if isinstance(x, int) else (1, int(x), "") if x.isdigit() else (2, 0, x)
        for x in p.path
    )


# the schema -----------------------------------------------------------------------------
def schema_problems(data: Any) -> list[Problem]:
    # jsonschema loads only when a file is checked (~0.1 s), not with the demo or the window
    from jsonschema import Draft202012Validator  # type: ignore[import-untyped]

    validator = Draft202012Validator(schema())
    found: list[Problem] = []
    for error in validator.iter_errors(data):
        found.extend(_translate(error))
    return found


def _shown(value: Any, limit: int = 40) -> str:
    """A value as the user wrote it, escaped and cut (errors.shown): strings in Thai quotes,
    anything else as JSON."""
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    text = shown(text, limit)
    return f"“{text}”" if isinstance(value, str) else text


def _type_name(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true/false"
    names = {str: "ข้อความ", int: "จำนวนเต็ม", float: "ตัวเลข", dict: "ออบเจ็กต์", list: "รายการ"}
    return names.get(type(value), type(value).__name__)


def _translate(error: Any) -> list[Problem]:
    path: PathParts = tuple(error.absolute_path)
    kind, value, instance = error.validator, error.validator_value, error.instance
    own = error.schema.get("x-message-th") if isinstance(error.schema, dict) else None
    if kind == "required":
        missing = [k for k in value if isinstance(instance, dict) and k not in instance]
        return [Problem((*path, k), "ไม่มีช่องนี้ ซึ่งจำเป็นต้องมี") for k in missing]
    if kind == "additionalProperties":
        known = error.schema.get("properties", {})
        patterns = error.schema.get("patternProperties", {})
        extra = [
            k for k in instance if k not in known and not any(re.search(p, k) for p in patterns)
        ]
        message = error.schema.get("x-key-th") or "ไม่รู้จักช่องนี้ (ไม่มีในรูปแบบไฟล์)"
        return [Problem((*path, k), message) for k in extra]
    if kind == "type":
        wanted = " หรือ ".join(
            TYPE_NAMES.get(t, t) for t in ([value] if isinstance(value, str) else value)
        )
        return [Problem(path, f"ต้องเป็น{wanted} (ได้{_type_name(instance)})")]
    if kind in ("pattern", "minimum", "maximum", "minLength") and own:
        return [Problem(path, f"{own} (ได้ {_shown(instance)})")]
    messages: dict[str, Callable[[], str]] = {
        "enum": lambda: (
            "ต้องเป็นค่าใดค่าหนึ่งต่อไปนี้: "
            + " / ".join(f"“{v}”" for v in value)
            + f" (ได้ {_shown(instance)})"
        ),
        "const": lambda: f"ต้องเป็น {json.dumps(value, ensure_ascii=False)}",
        "minimum": lambda: f"ต้องไม่น้อยกว่า {value} (ได้ {_shown(instance)})",
        "maximum": lambda: f"ต้องไม่มากกว่า {value} (ได้ {_shown(instance)})",
        "minItems": lambda: f"ต้องมีอย่างน้อย {value} รายการ",
        "minLength": lambda: "ต้องไม่เป็นข้อความว่าง",
        "pattern": lambda: f"รูปแบบไม่ถูกต้อง (ได้ {_shown(instance)})",
    }
    make = messages.get(kind)
    return [Problem(path, make() if make else f"ไม่ตรงตามรูปแบบไฟล์ ({shown(error.message)})")]


# what the schema cannot say ---------------------------------------------------------------
def semantic_problems(data: Any) -> list[Problem]:
    """Scores and figures in range, rules that compute, no duplicate names or years.

    Walks only the parts whose shape is right; the schema reports the others."""
    found: list[Problem] = []
    orgs = data.get("organizations") if isinstance(data, dict) else None
    seen: dict[str, int] = {}
    for i, org in enumerate(orgs if isinstance(orgs, list) else []):
        if isinstance(org, dict):
            found.extend(_organization(org, ("organizations", i), seen))
    return found


def _organization(org: dict[str, Any], path: PathParts, seen: dict[str, int]) -> list[Problem]:
    found: list[Problem] = []
    name = org.get("name")
    if isinstance(name, str) and name:
        key = organization_key(name)
        if not key:
            found.append(Problem((*path, "name"), "กรุณากรอกชื่อหน่วยงาน"))
        elif key in seen:
            other = json_path(("organizations", seen[key]))
            found.append(Problem((*path, "name"), f"ชื่อหน่วยงานซ้ำกับ {other} กรุณาใช้ชื่อที่ต่างกัน"))
        else:
            seen[key] = int(path[-1])
    logo = org.get("logo")
    if isinstance(logo, str):
        try:
            base64.b64decode(logo, validate=True)
        except (binascii.Error, ValueError):
            found.append(Problem((*path, "logo"), "ข้อมูล base64 ของตราสัญลักษณ์ไม่สมบูรณ์"))
    years = org.get("years")
    seen_years: dict[int, int] = {}
    for j, year in enumerate(years if isinstance(years, list) else []):
        if isinstance(year, dict):
            found.extend(_year(year, (*path, "years", j), seen_years))
    return found


def _decimal(value: Any) -> Decimal | None:
    """The decimal of a well-formed decimal string; None for anything else (schema's job)."""
    if not isinstance(value, str) or not re.fullmatch(r"[0-9]+(\.[0-9]+)?", value):
        return None
    try:
        return Decimal(value)
    except InvalidOperation:
        return None


def _range(value: Any, path: PathParts, decimals: bool = True) -> list[Problem]:
    number = _decimal(value)
    if number is None:
        return []
    if not MIN_SCORE <= number <= MAX_SCORE:
        return [Problem(path, f"ต้องอยู่ระหว่าง 0 ถึง 100 (ได้ {_shown(value)})")]
    if decimals and number != number.quantize(TWO_PLACES):
        return [Problem(path, f"มีทศนิยมได้ไม่เกิน 2 ตำแหน่ง (ได้ {_shown(value)})")]
    return []


def _is_int(value: Any) -> TypeGuard[int]:
    return isinstance(value, int) and not isinstance(value, bool)


def _year(y: dict[str, Any], path: PathParts, seen: dict[int, int]) -> list[Problem]:
    found: list[Problem] = []
    year = y.get("year")
    if _is_int(year):
        if year in seen:
            other = json_path((*path[:-1], seen[year]))
            found.append(Problem((*path, "year"), f"ปีงบประมาณ {year} ซ้ำกับ {other}"))
        else:
            seen[year] = int(path[-1])
    numbers = _indicator_numbers(y, path, found)
    scores = y.get("scores")
    for key, value in scores.items() if isinstance(scores, dict) else []:
        number = _decimal(value)
        if not key.isdigit():
            continue
        where = (*path, "scores", key)
        if numbers is not None and int(key) not in numbers:
            found.append(Problem(where, f"ไม่มีตัวชี้วัดที่ {shown(key, 20)} ในเกณฑ์ของปีนี้"))
        elif number is not None:
            try:
                check_score(int(key), number)
            except ValidationError as exc:
                found.append(Problem(where, f"{exc.thai} (ได้ {_shown(value)})"))
    found += _range(y.get("threshold"), (*path, "threshold"))
    found += _range(y.get("target"), (*path, "target"), decimals=False)
    official = y.get("official")
    for figure in ("iit", "eit", "oit", "overall"):
        if isinstance(official, dict):
            found += _range(official.get(figure), (*path, "official", figure))
    return found


def _indicator_numbers(y: dict[str, Any], path: PathParts, found: list[Problem]) -> set[int] | None:
    """The indicators of the year's rules (the preset's when the file has none), or None."""
    data = y.get("rules")
    try:
        if data is None:
            year = y.get("year")
            return {i.number for i in preset_for(year).indicators} if _is_int(year) else None
        if not isinstance(data, dict):
            return None
        rules = rules_from_dict(data)
    except ValidationError as exc:
        found.append(Problem((*path, "rules"), exc.thai))
        return None
    except (KeyError, TypeError, ValueError, ArithmeticError):
        return None
    return {i.number for i in rules.indicators}
