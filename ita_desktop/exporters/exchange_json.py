"""The exchange file (JSON, see docs/exchange-format.md) written from plain domain data."""

from __future__ import annotations

import base64
import json
from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime
from decimal import Decimal
from typing import Any

from ita_desktop.domain.models import (
    TOOLS,
    Assessment,
    Measure,
    Organization,
    ProgressEntry,
    ReportSettings,
    TableColumn,
)
from ita_desktop.domain.periods import period_to_dict
from ita_desktop.rules.presets import rules_to_dict

FORMAT = "ita-desktop-exchange"
FORMAT_VERSION = 1  # the importer reads it from its schema; a test keeps the two equal


def decimal_text(value: Decimal | None) -> str | None:
    """A decimal exactly as stored, never in exponent form ("92.39", "100")."""
    return None if value is None else format(value, "f")


def _by_number(values: Mapping[int, str]) -> dict[str, str]:
    return {str(k): values[k] for k in sorted(values)}


def _by_tool(values: Mapping[str, str]) -> dict[str, str]:
    order = [t for t in TOOLS if t in values] + sorted(k for k in values if k not in TOOLS)
    return {k: values[k] for k in order}


def organization_json(org: Organization, years: Iterable[dict[str, Any]]) -> dict[str, Any]:
    """One organisation with its years (each made by `year_json`); no database id."""
    return {
        "name": org.name,
        "kind": org.kind,
        "district": org.district,
        "province": org.province,
        "units": list(org.units),
        "logo": base64.b64encode(org.logo).decode("ascii") if org.logo is not None else None,
        "years": list(years),
    }


def _narratives(a: Assessment) -> dict[str, Any]:
    """The user's texts and, where recorded, the figures each was written for ("basis")."""
    out: dict[str, Any] = {"edited": {k: a.narratives[k] for k in sorted(a.narratives)}}
    basis = {
        k: {f: a.narrative_basis[k][f] for f in sorted(a.narrative_basis[k])}
        for k in sorted(a.narrative_basis)
        if k in a.narratives and a.narrative_basis[k]
    }
    if basis:
        out["basis"] = basis
    return out


def year_json(
    a: Assessment, settings: ReportSettings, measures: Iterable[dict[str, Any]]
) -> dict[str, Any]:
    """One fiscal year: rules copy, scores, figures, texts, measures (from `measure_json`)."""
    o = a.official
    scores = {n: v for n, v in a.scores.items() if v is not None}
    return {
        "year": a.year,
        "rules": rules_to_dict(a.rules),
        "threshold": decimal_text(a.threshold),
        "target": decimal_text(a.target),
        "scores": {str(n): decimal_text(scores[n]) for n in sorted(scores)},
        "official": {
            "iit": decimal_text(o.iit),
            "eit": decimal_text(o.eit),
            "oit": decimal_text(o.oit),
            "overall": decimal_text(o.overall),
            "level": o.level,
        },
        "issues_by_indicator": _by_number(a.issues_by_indicator),
        "issues_by_tool": _by_tool(a.issues_by_tool),
        "issue_priorities": _by_number(a.issue_priorities),
        "narratives": _narratives(a),
        "measures": list(measures),
        "report_settings": settings_json(settings),
    }


def progress_json(e: ProgressEntry) -> dict[str, str]:
    return {
        "status": e.status,
        "output": e.output,
        "outcome": e.outcome,
        "problems": e.problems,
        "suggestions": e.suggestions,
        "evidence": e.evidence,
    }


def measure_json(m: Measure, progress: Sequence[ProgressEntry]) -> dict[str, Any]:
    """One measure of the plan with its progress per round; its place is its index."""
    return {
        "title": m.title,
        "indicators": list(m.indicators),
        "steps": list(m.steps),
        "responsible": list(m.responsible),
        "period": period_to_dict(m.period),
        "monitoring": m.monitoring,
        "kpi": m.kpi,
        "activities": list(m.activities),
        "budget": m.budget,
        "progress": {str(e.round): progress_json(e) for e in sorted(progress, key=_round)},
    }


def _round(e: ProgressEntry) -> int:
    return e.round


def settings_json(s: ReportSettings) -> dict[str, Any]:
    return {
        "thai_digits": s.thai_digits,
        "signatories": [{"name": name, "position": position} for name, position in s.signatories],
        "preface": s.preface,
        "summary": _by_number(s.summary),
        "problems": _by_number(s.problems),
        "suggestions": _by_number(s.suggestions),
        "bundle": list(s.bundle),
        "hidden_sections": list(s.hidden_sections),
        "measure_columns": [_column(c) for c in s.measure_columns],
        "result_columns": [_column(c) for c in s.result_columns],
        "results_layout": s.results_layout,
        "background": s.background,
        "objectives": s.objectives,
        "targets_quantity": s.targets_quantity,
        "targets_quality": s.targets_quality,
        "limitations": s.limitations,
        "preparing_unit": s.preparing_unit,
        "executive": {"name": s.executive[0], "position": s.executive[1]},
        "announcement_date": s.announcement_date,
        "announcement_text": s.announcement_text,
    }


def _column(c: TableColumn) -> dict[str, Any]:
    return {"key": c.key, "header": c.header, "join": c.join}


def document_json(
    organizations: Iterable[dict[str, Any]], *, app_version: str, exported_at: datetime | None
) -> dict[str, Any]:
    """The whole file; `exported_at` None leaves the time out (same data, same bytes)."""
    head: dict[str, Any] = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "app_version": app_version,
    }
    if exported_at is not None:
        head["exported_at"] = exported_at.isoformat(timespec="seconds")
    return {**head, "organizations": list(organizations)}


def dumps(document: Mapping[str, Any]) -> str:
    """The file's text: UTF-8 Thai as is, two-space indent, keys in the documented order."""
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
