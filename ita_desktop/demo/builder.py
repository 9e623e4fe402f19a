"""The demo database: the real content of the seed documents, one organisation per document."""

from __future__ import annotations

import json
import os
from decimal import Decimal
from pathlib import Path
from typing import Any

from ita_desktop.analysis.basis import basis_for
from ita_desktop.analysis.figures import figures_of_assessment
from ita_desktop.domain.models import (
    Assessment,
    OfficialFigures,
    Organization,
    ReportSettings,
)
from ita_desktop.errors import StorageError, ValidationError, shown
from ita_desktop.importers.exchange_json import measure_from_dict
from ita_desktop.rules.presets import preset_for
from ita_desktop.services import assessments, measures, organizations, progress
from ita_desktop.services.export import file_error_message
from ita_desktop.storage.convert import settings_from_dict
from ita_desktop.storage.repository import Repository

SEEDS = Path(__file__).with_name("seeds.json")
PROGRESS_TEXTS = ("status", "output", "outcome", "problems", "suggestions", "evidence")
SIDE_SUFFIXES = ("-wal", "-shm", "-journal")  # SQLite's files beside a database


def load_seeds() -> dict[str, Any]:
    return json.loads(SEEDS.read_text(encoding="utf-8"))


def build_demo(path: Path, force: bool = False) -> Repository:
    """Write the demo database to `path` (refusing to overwrite unless `force`) and open it.

    It is built as `<name>.building` in the same folder and renamed when complete; a failure
    removes that file and its side files, and so does the next run after a killed one."""
    path = Path(path)
    _check_target(path, force)
    tmp = path.with_name(path.name + ".building")  # beside the target, never outside its folder
    _remove_with_side_files(tmp)  # leftovers of a run that was killed
    try:
        repo = Repository.open(tmp)
        try:
            for org in load_seeds()["organizations"]:
                _add_organization(repo, org)
        finally:
            repo.close()
        for suffix in SIDE_SUFFIXES:  # the replaced database's log must not replay onto ours
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        os.replace(tmp, path)
    except OSError as exc:
        _remove_with_side_files(tmp)
        raise StorageError(file_error_message(exc, path), f"{type(exc).__name__}") from exc
    except BaseException:
        _remove_with_side_files(tmp)
        raise
    return Repository.open(path)


def _check_target(path: Path, force: bool) -> None:
    """Refuse a target the user can correct (exit code 2): a folder, a missing folder, an
    existing file without `force`."""
    if path.is_dir():
        raise ValidationError(
            f"“{shown(path)}” เป็นโฟลเดอร์ กรุณาระบุชื่อไฟล์ฐานข้อมูล เช่น demo.sqlite",
            "--db is a directory",
        )
    if not path.parent.is_dir():
        raise ValidationError(
            f"ไม่พบโฟลเดอร์ “{shown(path.parent)}” กรุณาเลือกโฟลเดอร์ที่มีอยู่",
            "folder of --db not found",
        )
    if path.exists() and not force:
        raise ValidationError(
            f"มีไฟล์ “{shown(path)}” อยู่แล้ว จะไม่เขียนทับ (ใช้ --force หากต้องการเขียนทับ)",
            "file exists; use --force",
        )


def _remove_with_side_files(file: Path) -> None:
    for leftover in (file, *(Path(f"{file}{suffix}") for suffix in SIDE_SUFFIXES)):
        try:
            if not leftover.is_dir():
                leftover.unlink(missing_ok=True)
        except OSError:
            pass


def _add_organization(db: Repository, data: dict[str, Any]) -> None:
    org = Organization(
        data["name"],
        data.get("kind", ""),
        data.get("district", ""),
        data.get("province", ""),
        None,
        list(data.get("units", [])),
    )
    org_id = organizations.add_organization(db, org).created_id
    assert org_id is not None
    for item in data.get("assessments", []):
        _add_assessment(db, org_id, item)


def _decimal(value: Any) -> Decimal | None:
    return None if value in (None, "") else Decimal(str(value))


def _assessment(org_id: int, data: dict[str, Any]) -> Assessment:
    rules = preset_for(int(data["year"]))
    official = data.get("official") or {}
    a = Assessment(
        org_id,
        int(data["year"]),
        rules,
        scores={int(k): _decimal(v) for k, v in data.get("scores", {}).items()},
        official=OfficialFigures(
            _decimal(official.get("iit")),
            _decimal(official.get("eit")),
            _decimal(official.get("oit")),
            _decimal(official.get("overall")),
            official.get("level") or "",
        ),
        threshold=Decimal(str(data.get("threshold") or rules.target)),
        target=rules.target,
        issues_by_indicator={int(k): v for k, v in data.get("issues_by_indicator", {}).items()},
        issues_by_tool=dict(data.get("issues_by_tool", {})),
        narratives=dict(data.get("narratives", {})),
        issue_priorities={int(k): v for k, v in data.get("issue_priorities", {}).items()},
    )
    return _with_basis(a)


def _with_basis(a: Assessment) -> Assessment:
    """The seeds' texts count as the user's own: each is recorded as written for the figures
    the demo enters, so it turns "ต้องตรวจ" when the user changes a score it depends on."""
    figures = figures_of_assessment(a)
    a.narrative_basis = {
        key: basis
        for key, text in a.narratives.items()
        if (basis := basis_for(key, text, figures, a.rules))
    }
    return a


def _settings(data: dict[str, Any]) -> ReportSettings:
    """The seed's print settings and the texts of its sections, as the storage reads them."""
    return settings_from_dict(data)


def _add_assessment(db: Repository, org_id: int, data: dict[str, Any]) -> None:
    added = assessments.add_assessment(
        db, _assessment(org_id, data), _settings(data.get("settings") or {})
    )
    assessment_id = added.created_id
    assert assessment_id is not None
    for m in data.get("measures", []):
        measure_id = measures.add_measure(db, assessment_id, measure_from_dict(m)).created_id
        assert measure_id is not None
        for p in m.get("progress", []):
            values = {name: p.get(name, "") for name in PROGRESS_TEXTS}
            progress.update_progress(db, measure_id, int(p["round"]), **values)
