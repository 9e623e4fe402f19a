"""Benchmark of typesetting (not a test), issue 9: three tables, every time a whole process.

1. The demo report, `python -m ita_desktop export pdf --document all` of the demo's default
   organisation and year: the very first run (the Thai dictionary cache is built), then the
   median of --runs runs (aim: < 0.8 s). Every process runs with byte code, as an installed
   program does (PYTHONDONTWRITEBYTECODE is lifted; the .pyc files go to the temporary
   folder, PYTHONPYCACHEPREFIX): an untimed run writes it first.
2. The same paragraphs (a real document, seed 001, repeated to the demo report's length) set by
   ITA Desktop, LibreOffice (a DOCX made with python-docx, `soffice --headless --convert-to
   pdf`) and Typst, when installed: median time, pages/s, size, evenness and Thai checks
   (../shared/tools/pdf_evenness.py, pdf_thai_check.py).
3. Scaling through our exporter, the demo plan grown (export_bench.grow_plan) from about 30 to
   1,000 pages: time, ms/page, peak memory, and what GridTable.split costs at each size.

Run: python bench/typeset_bench.py [--runs 5] [--text FILE] [--pages 30,100,300,1000]
     [--skip demo,engines,scaling] [--keep FOLDER]
"""

from __future__ import annotations

import argparse
import math
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from export_bench import grow_plan
from pdf_figures import page_count, quality
from typeset_engines import Engine, Timing, available, medians, timed

SEED = ROOT.parent / "shared" / "seeds" / "001_aebdb2d78528eddc.txt"
CLOSE_ENOUGH = 0.9  # a scaling row counts for a target from 90 % of its pages
MIN_PROSE = 60  # characters: shorter lines of the seed are titles, table cells, signatures

SCALE = """
import resource, sys, time
from pathlib import Path
from ita_desktop.exporters.pdf.tables import GridTable
from ita_desktop.services.export import export_document
from ita_desktop.services.organizations import find_organization
from ita_desktop.storage.repository import Repository

split = GridTable.split
spent = [0, 0.0, 0]  # calls, seconds in the outermost calls, depth

def counted(self, *args):
    spent[0] += 1
    spent[2] += 1
    start = time.perf_counter()
    try:
        return split(self, *args)
    finally:
        spent[2] -= 1
        if spent[2] == 0:
            spent[1] += time.perf_counter() - start

GridTable.split = counted
repo = Repository.open(sys.argv[1])
org = find_organization(repo, None)
start = time.perf_counter()
export_document(repo, org_id=org.id, year=repo.years(org.id)[-1], out=Path(sys.argv[2]))
took = time.perf_counter() - start
rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(took, spent[0], spent[1], rss)
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--text", type=Path, default=SEED, help="plain text, one paragraph a line")
    parser.add_argument("--pages", default="30,100,300,1000", help="page counts to scale to")
    parser.add_argument("--skip", default="", help="demo,engines,scaling")
    parser.add_argument("--keep", type=Path, help="a new folder to keep every file made in")
    args = parser.parse_args()
    skip = set(filter(None, args.skip.split(",")))
    with tempfile.TemporaryDirectory(prefix="typeset_bench_") as tmp:
        folder = Path(tmp) if args.keep is None else args.keep
        folder.mkdir(parents=True, exist_ok=args.keep is None)
        env = {**os.environ, "ITA_DESKTOP_DATA_DIR": str(folder / "data")}
        # byte code, as an installed program has it, kept apart from the source tree
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = str(folder / "pycache")
        db = folder / "demo.sqlite"
        from ita_desktop.demo.builder import build_demo

        build_demo(db).close()
        demo_pages = 31
        if "demo" not in skip:
            demo_pages = demo_report(db, folder, env, args.runs)
        if "engines" not in skip:
            engines(paragraphs(args.text), demo_pages, folder, env, args.runs)
        if "scaling" not in skip:
            scaling(db, folder, env, [int(p) for p in args.pages.split(",")])


def demo_report(db: Path, folder: Path, env: dict[str, str], runs: int) -> int:
    out = folder / "demo.pdf"
    argv = [sys.executable, "-m", "ita_desktop", "export", "pdf", "--db", str(db)]
    argv += ["--out", str(out), "--document", "all"]
    timed(argv, env)  # writes the byte code
    shutil.rmtree(folder / "data", ignore_errors=True)
    first = timed(argv, env)
    samples = [timed(argv, env) for _ in range(runs)]
    walls = sorted(t.wall for t in samples)
    mid = medians(samples)
    pages = page_count(out)
    print("1. Demo report, whole process `python -m ita_desktop export pdf --document all`")
    print(f"   pages {pages}, size {out.stat().st_size / 1024:.0f} KB")
    print(f"   very first run (dictionary cache built): {_timing(first)}")
    print(
        f"   median of {runs} runs: {_timing(mid)} "
        f"(wall min {walls[0]:.3f}, max {walls[-1]:.3f}); aim < 0.800 s"
    )
    print()
    return pages


def _timing(t: Timing) -> str:
    return f"{t.wall:.3f} s wall, {t.cpu:.3f} s CPU"


def paragraphs(text: Path) -> list[str]:
    """The prose paragraphs of a plain-text document (one paragraph a line)."""
    lines = text.read_text(encoding="utf-8", errors="replace").splitlines()
    found = [" ".join(line.split()) for line in lines]
    return [p for p in found if len(p) >= MIN_PROSE and "\ufffd" not in p]


def engines(prose: list[str], pages: int, folder: Path, env: dict[str, str], runs: int) -> None:
    """Set the same paragraphs, about `pages` pages of them, with every installed engine."""
    probe = Engine("ITA Desktop", folder / "probe", prose, env)
    probe.run()
    per_copy = page_count(probe.pdf)  # pages one pass through the text makes
    copies = max(1, round(pages / per_copy))
    content = prose * copies
    print(
        f"2. The same text set by each engine: {len(content)} paragraphs "
        f"({sum(map(len, content))} characters, {copies} x the document), Sarabun 16 pt, "
        f"justified; median of {runs} whole-process runs after one warm-up"
    )
    rows: dict[str, dict[str, object]] = {}
    for name, present in available().items():
        if not present:
            rows[name] = {"time (s)": "not installed"}
            continue
        engine = Engine(name, folder / "engines", content, env)
        warm = engine.run()  # LibreOffice: its profile and font cache are made here
        took = medians([engine.run() for _ in range(runs)])
        n = page_count(engine.pdf)
        rows[name] = {
            "time (s)": f"{took.wall:.3f}",
            "CPU time (s)": f"{took.cpu:.3f}",
            "warm-up run (s)": f"{warm.wall:.3f}",
            "pages": n,
            "pages/s": f"{n / took.wall:.1f}",
            "size (KB)": f"{engine.pdf.stat().st_size / 1024:.0f}",
            **quality(engine.pdf),
        }
    print_table(rows)
    print()


def scaling(db: Path, folder: Path, env: dict[str, str], targets: list[int]) -> None:
    """Our exporter on the demo plan grown until the documents reach each target page count
    (the measures needed are estimated from the pages the last sizes made), each export in
    a fresh process."""
    from ita_desktop.services.organizations import find_organization
    from ita_desktop.storage.repository import Repository

    print("3. Scaling: the demo's documents (all) with the plan grown to N measures")
    header = (
        f"{'measures':>8} {'pages':>6} {'time (s)':>9} {'ms/page':>8} {'peak RSS (MB)':>14} "
        f"{'splits':>7} {'split (s)':>10} {'split ms/page':>14}"
    )
    print(header)
    repo = Repository.open(db)
    org_id = find_organization(repo, None).id
    assert org_id is not None
    year = repo.years(org_id)[-1]
    assessment = repo.assessment(org_id, year).id
    assert assessment is not None
    out = folder / "scaled.pdf"
    points: list[tuple[int, int]] = []  # (measures, pages) exported so far
    for target in targets:
        while not points or points[-1][1] < CLOSE_ENOUGH * target:
            size = _measures_for(target, points, len(repo.measures(assessment)))
            grow_plan(repo, org_id, year, size)
            points.append((size, _scaled_row(db, out, env, size)))
    repo.close()


def _measures_for(target: int, points: list[tuple[int, int]], now: int) -> int:
    """How many measures should make `target` pages, judged from the (measures, pages) seen."""
    if not points:
        return now
    (m0, p0), (m1, p1) = points[0], points[-1]
    per_page = (m1 - m0) / (p1 - p0) if p1 > p0 else 1.0
    return m1 + max(1, math.ceil((target - p1) * per_page))


def _scaled_row(db: Path, out: Path, env: dict[str, str], size: int) -> int:
    """Export in a fresh process, print its row; the pages it made."""
    done = subprocess.run(
        [sys.executable, "-c", SCALE, str(db), str(out)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    took, calls, split_s, rss = (float(x) for x in done.stdout.split())
    n = page_count(out)
    print(
        f"{size:>8} {n:>6} {took:>9.2f} {1000 * took / n:>8.1f} {rss:>14.0f} "
        f"{int(calls):>7} {split_s:>10.3f} {1000 * split_s / n:>14.2f}",
        flush=True,
    )
    return n


def print_table(rows: dict[str, dict[str, object]]) -> None:
    names = list(rows)
    keys = list(dict.fromkeys(k for r in rows.values() for k in r))
    width = max(map(len, keys))
    print(f"   {'':<{width}}" + "".join(f"{n:>16}" for n in names))
    for key in keys:
        cells = "".join(f"{_shown(rows[n].get(key, '')):>16}" for n in names)
        print(f"   {key:<{width}}{cells}")


def _shown(value: object) -> str:
    if value is None:
        return "-"
    if isinstance(value, list):
        return str(len(value))
    return str(value)


if __name__ == "__main__":
    main()
