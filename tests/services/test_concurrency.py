"""Two processes writing one file at once: no acknowledged write is lost, none fails.

Before the services owned their transactions, a threshold saved (as a whole assessment)
while another process set scores reverted 136 of 200 acknowledged score writes.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from decimal import Decimal
from pathlib import Path

from ita_desktop.domain.models import Organization
from ita_desktop.services import assessments, organizations
from ita_desktop.storage.repository import Repository

ROUNDS = 200

WORKER = textwrap.dedent(
    """
    import json, sys
    from decimal import Decimal
    from ita_desktop.services import assessments
    from ita_desktop.storage.repository import Repository

    path, role, assessment_id, rounds = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
    db = Repository.open(path)
    acknowledged, errors = [], []
    for i in range(rounds):
        try:
            if role == "threshold":
                value = Decimal(80) + Decimal(i % 20)
                assessments.set_threshold(db, assessment_id, value)
            elif role == "scores":
                indicator, value = i % 10 + 1, Decimal(i % 100) + Decimal("0.25")
                assessments.set_score(db, assessment_id, indicator, value)
            else:  # clear-set: clear and set indicator 1 in turn
                value = None if i % 2 else Decimal(50 + i % 50)
                indicator = 1
                assessments.set_score(db, assessment_id, indicator, value)
            if role == "threshold":
                acknowledged.append(["threshold", str(value)])
            else:
                acknowledged.append([indicator, None if value is None else str(value)])
        except Exception as exc:
            errors.append(f"{type(exc).__name__}: {exc}")
    db.close()
    print(json.dumps({"acknowledged": acknowledged, "errors": errors}))
    """
)


def _database(tmp_path: Path) -> tuple[Path, int]:
    path = tmp_path / "shared.sqlite"
    db = Repository.open(path)
    try:
        org_id = organizations.add_organization(db, Organization("เทศบาลทดสอบ")).created_id
        assert org_id is not None
        assessment_id = assessments.create_year(db, org_id, 2566).created_id
        assert assessment_id is not None
    finally:
        db.close()
    return path, assessment_id


def _run_together(path: Path, assessment_id: int, roles: list[str]) -> list[dict]:
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", WORKER, str(path), role, str(assessment_id), str(ROUNDS)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for role in roles
    ]
    results = []
    for proc in procs:
        out, err = proc.communicate(timeout=300)
        assert proc.returncode == 0, err
        results.append(json.loads(out))
    return results


def test_threshold_saved_while_scores_are_set_loses_nothing(tmp_path: Path) -> None:
    path, assessment_id = _database(tmp_path)
    threshold_run, scores_run = _run_together(path, assessment_id, ["threshold", "scores"])
    assert threshold_run["errors"] == [] and scores_run["errors"] == []
    assert len(threshold_run["acknowledged"]) == ROUNDS == len(scores_run["acknowledged"])
    last_score = {indicator: value for indicator, value in scores_run["acknowledged"]}
    db = Repository.open(path)
    try:
        stored = assessments.get_assessment_by_id(db, assessment_id)
    finally:
        db.close()
    lost = [n for n, value in last_score.items() if stored.scores.get(n) != Decimal(value)]
    assert lost == [], f"acknowledged score writes lost for indicators {lost}"
    assert stored.threshold == Decimal(threshold_run["acknowledged"][-1][1])


def test_clearing_and_setting_one_indicator_in_two_processes_never_fails(tmp_path: Path) -> None:
    path, assessment_id = _database(tmp_path)
    runs = _run_together(path, assessment_id, ["clear-set", "clear-set"])
    assert [run["errors"] for run in runs] == [[], []]
    assert all(len(run["acknowledged"]) == ROUNDS for run in runs)
