"""Benchmark of the core (not a test): CLI start-up, demo build, analysis, database open.

Run: python bench/core_bench.py  — prints median times over several runs.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from timing import median_time

TRANG = "94.42,92.12,92.28,90.76,92.35,91.41,94.44,90.55,100,100"


def cli(*argv: str) -> None:
    subprocess.run(
        [sys.executable, "-m", "ita_desktop", *argv], cwd=ROOT, check=True, capture_output=True
    )


def main() -> None:
    from ita_desktop.analysis.engine import analyze
    from ita_desktop.demo.builder import build_demo
    from ita_desktop.rules.presets import load_preset
    from ita_desktop.storage.repository import Repository

    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "demo.sqlite"
        rows = [
            (
                "CLI process: analyze (s)",
                median_time(lambda: cli("analyze", "--year", "2564", "--scores", TRANG), 7),
            ),
            (
                "CLI process: demo --force (s)",
                median_time(lambda: cli("demo", "--db", str(db), "--force"), 5),
            ),
            (
                "CLI process: scores show (s)",
                median_time(lambda: cli("scores", "show", "--db", str(db)), 5),
            ),
            (
                "in process: build_demo (s)",
                median_time(lambda: build_demo(db, force=True).close(), 5),
            ),
            ("in process: open database (s)", median_time(lambda: Repository.open(db).close(), 9)),
        ]
        rules = load_preset(2564)
        scores = {i: Decimal(v) for i, v in enumerate(TRANG.split(","), start=1)}
        per_call = median_time(lambda: [analyze(rules, scores) for _ in range(1000)], 3) / 1000
        rows.append(("in process: analyze() (ms per call)", per_call * 1000))
    width = max(len(name) for name, _ in rows)
    for name, value in rows:
        print(f"{name:<{width}}  {value:8.3f}")


if __name__ == "__main__":
    main()
