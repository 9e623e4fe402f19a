"""Benchmark of the PDF export (not a test): the demo's full report, a 300-page document.

Run: python bench/export_bench.py  — prints a table (times are medians of several runs).
Aims (issue 3): demo full report < 1 s in process, >= 100 pages/s, demo report < 300 KB.
"""

from __future__ import annotations

import resource
import statistics
import subprocess
import sys
import tempfile
import tracemalloc
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from pdf_figures import page_count
from timing import median_time

if TYPE_CHECKING:
    from ita_desktop.storage.repository import Repository

COLD = """
import sys, time
from pathlib import Path
t0 = time.perf_counter()
from ita_desktop.storage.repository import Repository
from ita_desktop.services.export import export_document
from ita_desktop.services.organizations import find_organization
repo = Repository.open(sys.argv[1])
org = find_organization(repo, None)
if sys.argv[3:] == ["warm"]:
    from ita_desktop.services.export import warm_up
    warm_up()
t1 = time.perf_counter()
export_document(repo, org_id=org.id, year=repo.years(org.id)[-1], out=Path(sys.argv[2]))
t2 = time.perf_counter()
print(t1 - t0, t2 - t1)
"""


def grow_plan(repo: Repository, org_id: int, year: int, target: int) -> None:
    """Copy the demo's measures (with their progress) until the plan has `target` measures."""
    from ita_desktop.services.measures import add_measure
    from ita_desktop.services.progress import update_progress
    from ita_desktop.storage.store import PROGRESS_FIELDS

    a = repo.assessment(org_id, year)
    assert a.id is not None
    base = repo.measures(a.id)
    n = len(base)
    while n < target:
        for m in base:
            if n >= target:
                break
            with repo.read() as s:
                progress = s.progress_of_measure(m.id)  # type: ignore[arg-type]
            copy = replace(m, id=None, title=f"{m.title} (ชุดที่ {n // len(base) + 1})")
            new_id = add_measure(repo, a.id, copy).created_id
            assert new_id is not None
            for p in progress:
                values = {name: getattr(p, name) for name in PROGRESS_FIELDS}
                update_progress(repo, new_id, p.round, **values)
            n += 1


def main() -> None:
    from ita_desktop.demo.builder import build_demo
    from ita_desktop.services.export import export_document

    rows: list[tuple[str, str]] = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        db = folder / "demo.sqlite"
        build_demo(db).close()
        out = folder / "demo.pdf"

        # 1. the demo's full report (first organisation, latest year, all three documents)
        colds = []
        for _ in range(3):
            proc = subprocess.run(
                [sys.executable, "-c", COLD, str(db), str(out)],
                cwd=ROOT,
                capture_output=True,
                text=True,
                check=True,
            )
            colds.append([float(x) for x in proc.stdout.split()])
        rows.append(
            (
                "demo report, first export in a fresh process (s)",
                f"{statistics.median(c[1] for c in colds):.3f}",
            )
        )
        rows.append(
            (
                "  (imports + open database before it) (s)",
                f"{statistics.median(c[0] for c in colds):.3f}",
            )
        )
        warmed = []
        for _ in range(3):
            proc = subprocess.run(
                [sys.executable, "-c", COLD, str(db), str(out), "warm"],
                cwd=ROOT,
                capture_output=True,
                text=True,
                check=True,
            )
            warmed.append(float(proc.stdout.split()[1]))
        rows.append(
            ("demo report, first export after warm_up() (s)", f"{statistics.median(warmed):.3f}")
        )

        from ita_desktop.services.organizations import find_organization
        from ita_desktop.storage.repository import Repository

        repo = Repository.open(db)
        org_id = find_organization(repo, None).id
        assert org_id is not None
        year = repo.years(org_id)[-1]

        def demo() -> None:
            export_document(repo, org_id=org_id, year=year, out=out)

        demo()
        warm = median_time(demo, 5)
        n_demo = page_count(out)
        rows.append(("demo report, warm (s)", f"{warm:.3f}"))
        rows.append(("demo report pages", str(n_demo)))
        rows.append(("demo report size (KB)", f"{out.stat().st_size / 1024:.0f}"))

        # 2. a ~300-page document: the demo plan grown to hundreds of measures
        grow_plan(repo, org_id, year, 300)
        big = folder / "big.pdf"

        def long_doc() -> None:
            export_document(
                repo,
                org_id=org_id,
                year=year,
                document="all",
                out=big,
            )

        long_doc()
        t = median_time(long_doc, 3)
        n_big = page_count(big)
        rows.append(("long document: all three, plan of 300 measures, pages", str(n_big)))
        rows.append(("long document time (s)", f"{t:.2f}"))
        rows.append(("long document pages per second", f"{n_big / t:.0f}"))
        rows.append(("long document size (KB)", f"{big.stat().st_size / 1024:.0f}"))

        tracemalloc.start()
        long_doc()
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        rows.append(("long document peak Python memory, tracemalloc (MB)", f"{peak / 2**20:.1f}"))
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        rows.append(("process peak RSS so far (MB)", f"{rss / 1024:.0f}"))
        repo.close()
    width = max(len(name) for name, _ in rows)
    print(f"{'ITA Desktop PDF export':<{width}}  value")
    for name, value in rows:
        print(f"{name:<{width}}  {value}")


if __name__ == "__main__":
    main()
