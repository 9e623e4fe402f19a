"""Mapping between table rows and domain dataclasses (the only place that knows both).

The *_from_row readers take any object with the row's attributes: a mapped row of
`storage.tables` or a row `storage.snapshot` decoded with plain sqlite3, so importing this
module loads no SQLAlchemy.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ita_desktop.domain.models import (
    DOCUMENTS,
    MEASURE_COLUMNS,
    RESULT_COLUMNS,
    RESULTS_LAYOUTS,
    SECTIONS,
    Assessment,
    Measure,
    OfficialFigures,
    Organization,
    ProgressEntry,
    ReportSettings,
    TableColumn,
)
from ita_desktop.domain.periods import period_from_dict, period_to_dict
from ita_desktop.rules.presets import rules_from_dict, rules_to_dict
from ita_desktop.thai.normalize import normalize_name, normalize_text

if TYPE_CHECKING:
    from ita_desktop.storage.tables import AssessmentRow, MeasureRow, OrganizationRow, ProgressRow


def organization_from_row(row: OrganizationRow) -> Organization:
    return Organization(
        row.name, row.kind, row.district, row.province, row.logo, list(row.units or []), row.id
    )


def fill_organization_row(row: OrganizationRow, org: Organization) -> None:
    row.name, row.kind = normalize_name(org.name), normalize_name(org.kind)
    row.district, row.province = normalize_name(org.district), normalize_name(org.province)
    row.logo = org.logo
    row.units = [u for u in (normalize_name(x) for x in org.units) if u]


def clean_text(text: str) -> str:
    """User text as stored: normalised (see thai.normalize)."""
    return normalize_text(text or "")


def _texts(values: dict[str, str]) -> dict[str, str]:
    """Normalised texts, dropping the empty ones."""
    cleaned = {k: normalize_text(v or "") for k, v in values.items()}
    return {k: v for k, v in cleaned.items() if v}


def assessment_from_row(row: AssessmentRow) -> Assessment:
    return Assessment(
        organization_id=row.organization_id,
        year=row.year,
        rules=rules_from_dict(row.rules),
        scores={s.indicator: s.value for s in row.scores},
        official=OfficialFigures(
            row.official_iit,
            row.official_eit,
            row.official_oit,
            row.official_overall,
            row.official_level or "",
        ),
        threshold=row.threshold,
        target=row.target,
        issues_by_indicator={int(k): v for k, v in (row.issues_by_indicator or {}).items()},
        issues_by_tool=dict(row.issues_by_tool or {}),
        narratives=dict(row.narratives or {}),
        narrative_basis={k: dict(v) for k, v in (row.narrative_basis or {}).items()},
        issue_priorities={int(k): v for k, v in (row.issue_priorities or {}).items()},
        id=row.id,
    )


def fill_assessment_row(row: AssessmentRow, a: Assessment) -> None:
    """Copy everything but the settings (kept by their own call) into the row."""
    row.organization_id, row.year = a.organization_id, a.year  # type: ignore[assignment]
    row.rules = rules_to_dict(a.rules)
    row.threshold, row.target = a.threshold, a.target
    o = a.official
    row.official_iit, row.official_eit, row.official_oit = o.iit, o.eit, o.oit
    row.official_overall, row.official_level = o.overall, o.level
    row.issues_by_indicator = _texts({str(k): v for k, v in a.issues_by_indicator.items()})
    row.issues_by_tool = _texts(a.issues_by_tool)
    row.narratives = _texts(a.narratives)
    row.narrative_basis = {k: dict(v) for k, v in a.narrative_basis.items() if k in row.narratives}
    row.issue_priorities = {str(k): v for k, v in a.issue_priorities.items() if v}
    from ita_desktop.storage.tables import ScoreRow

    existing = {s.indicator: s for s in row.scores}
    for number, value in a.scores.items():
        if value is None:
            if number in existing:
                row.scores.remove(existing[number])
        elif number in existing:
            existing[number].value = value
        else:
            row.scores.append(ScoreRow(indicator=number, value=value))
    if row.settings is None:
        row.settings = {}


def measure_from_row(row: MeasureRow) -> Measure:
    return Measure(
        row.title,
        list(row.indicators or []),
        list(row.steps or []),
        list(row.responsible or []),
        period_from_dict(row.period or {}),
        row.monitoring,
        row.kpi,
        row.position,
        row.id,
        list(row.activities or []),
        row.budget or "",
    )


def fill_measure_row(row: MeasureRow, m: Measure) -> None:
    row.title, row.indicators = normalize_text(m.title), sorted(set(m.indicators))
    row.steps = [s for s in (normalize_text(x) for x in m.steps) if s]
    row.responsible = [r for r in (normalize_name(x) for x in m.responsible) if r]
    row.period = period_to_dict(m.period)
    row.monitoring, row.kpi = normalize_text(m.monitoring), normalize_text(m.kpi)
    row.position = m.position
    row.activities = [a for a in (normalize_text(x) for x in m.activities) if a]
    row.budget = normalize_text(m.budget)


def progress_from_row(row: ProgressRow) -> ProgressEntry:
    return ProgressEntry(
        row.measure_id,
        row.round,
        row.status,
        row.output,
        row.outcome,
        row.problems,
        row.suggestions,
        row.evidence,
        row.id,
    )


def _columns(data: Any, known: tuple[str, ...], default: list[TableColumn]) -> list[TableColumn]:
    """Printed columns as stored: known keys once each, in order; none stored: the default."""
    if not isinstance(data, list):
        return default
    out: list[TableColumn] = []
    for item in data:
        if not isinstance(item, dict) or item.get("key") not in known:
            continue
        if any(c.key == item["key"] for c in out):
            continue
        out.append(
            TableColumn(
                item["key"], str(item.get("header") or ""), bool(item.get("join")) and bool(out)
            )
        )
    return out or default


def _columns_to_list(columns: list[TableColumn]) -> list[dict[str, Any]]:
    return [{"key": c.key, "header": c.header, "join": c.join} for c in columns]


def settings_from_dict(data: dict[str, Any]) -> ReportSettings:
    def by_round(key: str) -> dict[int, str]:
        return {int(k): v for k, v in (data.get(key) or {}).items()}

    def text(key: str) -> str:
        value = data.get(key)
        return value if isinstance(value, str) else ""

    defaults = ReportSettings()
    bundle = [d for d in DOCUMENTS if d in (data.get("bundle") or [])]
    hidden = data.get("hidden_sections")
    executive = data.get("executive") or ["", ""]
    layout = data.get("results_layout")
    return ReportSettings(
        thai_digits=bool(data.get("thai_digits", True)),
        signatories=[(n, p) for n, p in data.get("signatories", [])],
        preface=data.get("preface", ""),
        summary=by_round("summary"),
        problems=by_round("problems"),
        suggestions=by_round("suggestions"),
        bundle=bundle or defaults.bundle,
        hidden_sections=[k for k in SECTIONS if k in hidden]
        if isinstance(hidden, list)
        else defaults.hidden_sections,
        measure_columns=_columns(
            data.get("measure_columns"), MEASURE_COLUMNS, defaults.measure_columns
        ),
        result_columns=_columns(
            data.get("result_columns"), RESULT_COLUMNS, defaults.result_columns
        ),
        results_layout=layout if layout in RESULTS_LAYOUTS else defaults.results_layout,
        background=text("background"),
        objectives=text("objectives"),
        targets_quantity=text("targets_quantity"),
        targets_quality=text("targets_quality"),
        limitations=text("limitations"),
        preparing_unit=text("preparing_unit"),
        executive=(str(executive[0] or ""), str(executive[1] or ""))
        if isinstance(executive, list) and len(executive) == 2
        else ("", ""),
        announcement_date=text("announcement_date"),
        announcement_text=text("announcement_text"),
    )


def settings_to_dict(s: ReportSettings) -> dict[str, Any]:
    def by_round(values: dict[int, str]) -> dict[str, str]:
        return {str(k): v for k, v in values.items() if v}

    return {
        "thai_digits": s.thai_digits,
        "signatories": [list(x) for x in s.signatories],
        "preface": s.preface,
        "summary": by_round(s.summary),
        "problems": by_round(s.problems),
        "suggestions": by_round(s.suggestions),
        "bundle": [d for d in DOCUMENTS if d in s.bundle],
        "hidden_sections": [k for k in SECTIONS if k in s.hidden_sections],
        "measure_columns": _columns_to_list(s.measure_columns),
        "result_columns": _columns_to_list(s.result_columns),
        "results_layout": s.results_layout,
        "background": s.background,
        "objectives": s.objectives,
        "targets_quantity": s.targets_quantity,
        "targets_quality": s.targets_quality,
        "limitations": s.limitations,
        "preparing_unit": s.preparing_unit,
        "executive": list(s.executive),
        "announcement_date": s.announcement_date,
        "announcement_text": s.announcement_text,
    }
