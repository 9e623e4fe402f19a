"""SIGKILL at random moments, many inside a commit, never corrupts the file nor loses an
acknowledged write: a few dozen kills of the CLI, of a writer looping over the services and of
the window, with the harness of bench/kill_harness.py (which runs hundreds of them)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

HARNESS = Path(__file__).resolve().parents[2] / "bench" / "kill_harness.py"
KILLS = 30
INSIDE_A_COMMIT = 10
# the window starts slowest: it takes one turn in five
WRITERS = ("cli", "services", "gui", "cli", "services")


def kill_harness() -> ModuleType:
    """bench/kill_harness.py as a module (bench/ is a folder of scripts, not a package)."""
    spec = importlib.util.spec_from_file_location("kill_harness", HARNESS)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def test_kills_neither_corrupt_the_file_nor_lose_an_acknowledged_write(tmp_path: Path) -> None:
    harness = kill_harness()
    tallies, seconds = harness.run_harness(KILLS, INSIDE_A_COMMIT, 10, WRITERS, tmp_path)
    report = harness.summary(tallies, seconds)
    total = harness.Tally()
    for tally in tallies.values():
        total.add(tally)
    assert total.problems == [], report
    assert (total.corrupt, total.lost, total.unexpected, total.errors) == (0, 0, 0, 0), report
    assert total.kills >= KILLS, report
    assert total.inside_commit >= INSIDE_A_COMMIT, report
    for kind in ("cli", "services", "gui"):
        assert tallies[kind].kills > 0 and tallies[kind].acknowledged > 0, report
    print(report)
