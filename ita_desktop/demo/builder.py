"""The demo database: the real content of the seed documents, one organisation per document."""

from __future__ import annotations

import json
import os
from decimal import Decimal
from pathlib import Path
from typing import Any

from ita_desktop.domain.models import Measure, Organization, ProgressEntry, ReportSettings
from ita_desktop.errors import ValidationError
from ita_desktop.storage.convert import decimal_or_none, period_from_dict
from ita_desktop.storage.repository import Repository

SEEDS = Path(__file__).with_name("seeds.json")


def load_seeds() -> dict[str, Any]:
    return json.loads(SEEDS.read_text(encoding="utf-8"))


def build_demo(path: Path, force: bool = False) -> Repository:
    """Write the demo database to `path` (refusing to overwrite unless `force`) and open it."""
    path = Path(path)
    if path.exists() and not force:
        raise ValidationError(
            f"มีไฟล์ {path} อยู่แล้ว จะไม่เขียนทับ (ใช้ --force หากต้องการเขียนทับ)",
            "file exists; use --force",
        )
    tmp = path.with_name(path.name + ".building")
    for leftover in (tmp, Path(f"{tmp}-wal"), Path(f"{tmp}-shm")):
        leftover.unlink(missing_ok=True)
    repo = Repository.open(tmp)
    try:
        for org in load_seeds()["organizations"]:
            _add_organization(repo, org)
    finally:
        repo.close()
    for suffix in ("-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    os.replace(tmp, path)
    return Repository.open(path)


def _add_organization(repo: Repository, data: dict[str, Any]) -> None:
    org = Organization(
        data["name"],
        data.get("kind", ""),
        data.get("district", ""),
        data.get("province", ""),
        None,
        list(data.get("units", [])),
    )
    org_id = repo.save_organization(org)
    for item in data.get("assessments", []):
        _add_assessment(repo, org_id, item)


def _add_assessment(repo: Repository, org_id: int, data: dict[str, Any]) -> None:
    a = repo.create_assessment(org_id, int(data["year"]))
    a.scores = {int(k): decimal_or_none(v) for k, v in data.get("scores", {}).items()}
    official = data.get("official") or {}
    a.official.iit = decimal_or_none(official.get("iit"))
    a.official.eit = decimal_or_none(official.get("eit"))
    a.official.oit = decimal_or_none(official.get("oit"))
    a.official.overall = decimal_or_none(official.get("overall"))
    a.official.level = official.get("level") or ""
    a.threshold = Decimal(str(data.get("threshold") or a.rules.target))
    a.issues_by_indicator = {int(k): v for k, v in data.get("issues_by_indicator", {}).items()}
    a.issues_by_tool = dict(data.get("issues_by_tool", {}))
    a.narratives = dict(data.get("narratives", {}))
    repo.save_assessment(a)
    settings = data.get("settings") or {}
    repo.save_settings(
        a.id,
        ReportSettings(  # type: ignore[arg-type]
            thai_digits=bool(settings.get("thai_digits", True)),
            preface=settings.get("preface", ""),
            signatories=[tuple(x) for x in settings.get("signatories", [])],  # type: ignore[misc]
            summary={int(k): v for k, v in settings.get("summary", {}).items()},
            problems={int(k): v for k, v in settings.get("problems", {}).items()},
            suggestions={int(k): v for k, v in settings.get("suggestions", {}).items()},
        ),
    )
    for m in data.get("measures", []):
        steps = list(m.get("steps", [])) + list(m.get("activities", []))
        measure = Measure(
            m["title"],
            list(m.get("indicators", [])),
            steps,
            list(m.get("responsible", [])),
            period_from_dict(m.get("period") or {}),
            m.get("monitoring", ""),
            m.get("kpi", ""),
        )
        measure_id = repo.save_measure(a.id, measure)  # type: ignore[arg-type]
        for p in m.get("progress", []):
            repo.save_progress(
                ProgressEntry(
                    measure_id,
                    int(p["round"]),
                    p.get("status", ""),
                    p.get("output", ""),
                    p.get("outcome", ""),
                    p.get("problems", ""),
                    p.get("suggestions", ""),
                    p.get("evidence", ""),
                )
            )
