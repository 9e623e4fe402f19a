"""Reading an exchange file (JSON, see docs/exchange-format.md): checked whole, then plain data.

Nothing here touches a database: the file is parsed, checked against its JSON Schema and the
rules the schema cannot say, and turned into domain dataclasses for the import service.
"""

from __future__ import annotations

import base64
import json
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from ita_desktop.domain.models import (
    DOCUMENTS,
    SECTIONS,
    Assessment,
    Measure,
    OfficialFigures,
    Organization,
    ProgressEntry,
    ReportSettings,
    TableColumn,
)
from ita_desktop.domain.periods import period_from_dict
from ita_desktop.errors import ImportError_, shown
from ita_desktop.importers.exchange_checks import ExchangeFileError, file_problems, schema_format
from ita_desktop.rules.presets import preset_for, rules_from_dict

PROGRESS_TEXTS = ("status", "output", "outcome", "problems", "suggestions", "evidence")


@dataclass
class ImportedMeasure:
    measure: Measure
    progress: list[ProgressEntry] = field(default_factory=list)


@dataclass
class ImportedYear:
    assessment: Assessment  # organization_id None: the import service sets it
    settings: ReportSettings
    measures: list[ImportedMeasure] = field(default_factory=list)


@dataclass
class ImportedOrganization:
    organization: Organization
    years: list[ImportedYear] = field(default_factory=list)


@dataclass
class ExchangeFile:
    """A checked exchange file: what it says about itself and the organisations it carries."""

    format_version: int
    app_version: str
    exported_at: str | None
    organizations: list[ImportedOrganization]


def read_exchange(path: Path) -> ExchangeFile:
    """Read and check the file; ImportError_ (Thai, listing every problem) when it is not valid."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError as exc:
        raise ImportError_(f"ไม่พบไฟล์ “{shown(path)}”", "file not found") from exc
    except IsADirectoryError as exc:
        raise ImportError_(
            f"“{shown(path)}” เป็นโฟลเดอร์ กรุณาระบุไฟล์ .json", "is a directory"
        ) from exc
    except OSError as exc:
        raise ImportError_(
            f"อ่านไฟล์ “{shown(path)}” ไม่ได้", f"{type(exc).__name__}: {shown(exc.strerror or exc)}"
        ) from exc
    return parse_exchange(raw, path.name)


def parse_exchange(raw: bytes, name: str = "นำเข้า") -> ExchangeFile:
    """Parse and check the bytes of an exchange file named `name` (for messages)."""
    name = shown(name)  # escaped and cut once: every message below names the file
    data = _load_json(raw, name)
    _check_header(data, name)
    problems = file_problems(data)
    if problems:
        raise ExchangeFileError(name, problems)
    return ExchangeFile(
        data["format_version"],
        data.get("app_version", ""),
        data.get("exported_at"),
        [_organization(o) for o in data["organizations"]],
    )


def _reject_constant(text: str) -> Any:
    raise ValueError(f"{text} is not a JSON number")


def _load_json(raw: bytes, name: str) -> Any:
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ImportError_(
            f"ไฟล์ {name} ไม่ใช่ข้อความ UTF-8 (ไบต์ที่ {exc.start + 1}) จึงไม่ใช่ไฟล์ JSON ของโปรแกรม",
            "not UTF-8",
        ) from exc
    try:
        return json.loads(text, parse_constant=_reject_constant)
    except json.JSONDecodeError as exc:
        raise ImportError_(
            f"ไฟล์ {name} ไม่ใช่ JSON ที่ถูกต้อง: บรรทัด {exc.lineno} ตำแหน่ง {exc.colno}", exc.msg
        ) from exc
    except (ValueError, RecursionError) as exc:
        raise ImportError_(f"ไฟล์ {name} ไม่ใช่ JSON ที่ถูกต้อง", shown(exc)) from exc


def _check_header(data: Any, name: str) -> None:
    """The file must say it is ours, in a version this app reads, before anything else."""
    expected, known = schema_format()
    found = data.get("format") if isinstance(data, dict) else None
    if found != expected:
        raise ImportError_(
            f"ไฟล์ {name} ไม่ใช่ไฟล์แลกเปลี่ยนข้อมูลของ ITA Desktop (ช่อง format ต้องเป็น “{expected}”)",
            f"format {shown(repr(found))}",
        )
    version = data.get("format_version")
    if isinstance(version, int) and not isinstance(version, bool) and version > known:
        raise ImportError_(
            f"ไฟล์ {name} ใช้รูปแบบรุ่น {version} ซึ่งใหม่กว่าที่โปรแกรมรุ่นนี้อ่านได้ (รุ่น {known}) "
            "กรุณาปรับปรุงโปรแกรม ITA Desktop เป็นรุ่นใหม่ก่อนนำเข้า",
            f"format_version {version} > {known}",
        )


def _decimal(value: str | None) -> Decimal | None:
    return None if value is None else Decimal(value)


def _organization(data: dict[str, Any]) -> ImportedOrganization:
    logo = data.get("logo")
    org = Organization(
        data["name"],
        data.get("kind", ""),
        data.get("district", ""),
        data.get("province", ""),
        base64.b64decode(logo, validate=True) if logo is not None else None,
        list(data.get("units", [])),
    )
    return ImportedOrganization(org, [_year(y) for y in data["years"]])


def _year(data: dict[str, Any]) -> ImportedYear:
    year = data["year"]
    rules = rules_from_dict(data["rules"]) if "rules" in data else preset_for(year)
    official = data.get("official", {})
    scores = {int(k): Decimal(v) for k, v in data.get("scores", {}).items() if v is not None}
    assessment = Assessment(
        None,
        year,
        rules,
        scores=dict(sorted(scores.items())),
        official=OfficialFigures(
            _decimal(official.get("iit")),
            _decimal(official.get("eit")),
            _decimal(official.get("oit")),
            _decimal(official.get("overall")),
            official.get("level", ""),
        ),
        threshold=Decimal(data["threshold"]) if "threshold" in data else rules.target,
        target=Decimal(data["target"]) if "target" in data else rules.target,
        issues_by_indicator={int(k): v for k, v in data.get("issues_by_indicator", {}).items()},
        issues_by_tool=dict(data.get("issues_by_tool", {})),
        issue_priorities={int(k): v for k, v in data.get("issue_priorities", {}).items()},
        narratives=dict(data.get("narratives", {}).get("edited", {})),
        narrative_basis={
            k: dict(v) for k, v in data.get("narratives", {}).get("basis", {}).items()
        },
    )
    measures = [_measure(m) for m in data.get("measures", [])]
    return ImportedYear(assessment, _settings(data.get("report_settings", {})), measures)


def measure_from_dict(data: dict[str, Any]) -> Measure:
    """A measure from its plain-dict form (exchange files, the demo's seeds)."""
    return Measure(
        data["title"],
        list(data.get("indicators", [])),
        list(data.get("steps", [])),
        list(data.get("responsible", [])),
        period_from_dict(data.get("period") or {}),
        data.get("monitoring", ""),
        data.get("kpi", ""),
        activities=list(data.get("activities", [])),
        budget=data.get("budget", ""),
    )


def _measure(data: dict[str, Any]) -> ImportedMeasure:
    measure = measure_from_dict(data)
    progress = [
        ProgressEntry(None, int(r), **{k: entry.get(k, "") for k in PROGRESS_TEXTS})
        for r, entry in sorted(data.get("progress", {}).items(), key=lambda item: int(item[0]))
    ]
    return ImportedMeasure(measure, progress)


def _settings(data: dict[str, Any]) -> ReportSettings:
    def by_round(key: str) -> dict[int, str]:
        return {int(k): v for k, v in data.get(key, {}).items()}

    def columns(key: str, default: list[TableColumn]) -> list[TableColumn]:
        out: list[TableColumn] = []
        for c in data.get(key, []):
            if all(c["key"] != x.key for x in out):  # a field prints once
                out.append(TableColumn(c["key"], c.get("header", ""), c.get("join", False)))
        if out:
            out[0].join = False
        return out or default

    d = ReportSettings()
    executive = data.get("executive", {})
    return ReportSettings(
        thai_digits=data.get("thai_digits", True),
        signatories=[(s["name"], s["position"]) for s in data.get("signatories", [])],
        preface=data.get("preface", ""),
        summary=by_round("summary"),
        problems=by_round("problems"),
        suggestions=by_round("suggestions"),
        bundle=[k for k in DOCUMENTS if k in data.get("bundle", d.bundle)] or d.bundle,
        hidden_sections=[
            k for k in SECTIONS if k in data.get("hidden_sections", d.hidden_sections)
        ],
        measure_columns=columns("measure_columns", d.measure_columns),
        result_columns=columns("result_columns", d.result_columns),
        results_layout=data.get("results_layout", d.results_layout),
        background=data.get("background", ""),
        objectives=data.get("objectives", ""),
        targets_quantity=data.get("targets_quantity", ""),
        targets_quality=data.get("targets_quality", ""),
        limitations=data.get("limitations", ""),
        preparing_unit=data.get("preparing_unit", ""),
        executive=(executive.get("name", ""), executive.get("position", "")),
        announcement_date=data.get("announcement_date", ""),
        announcement_text=data.get("announcement_text", ""),
    )
