"""Benchmark of the Excel workbook (not a test): export, preview and import of the demo's first
year and of a year with 1,000 measures (each with steps and progress in both rounds).

Run: python bench/xlsx_bench.py  — prints median times (seconds) and the file sizes.
"""

from __future__ import annotations

import sys
import tempfile
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from timing import median_time

MEASURES = 1000


def big_year(path: Path) -> tuple[object, int, int]:
    """A 2567 year with ten scores and MEASURES measures, progress in both rounds."""
    from ita_desktop.domain.models import Measure, Organization, Period
    from ita_desktop.services.assessments import create_year, set_scores
    from ita_desktop.services.measures import add_measure
    from ita_desktop.services.organizations import add_organization
    from ita_desktop.services.progress import update_progress
    from ita_desktop.storage.repository import Repository

    repo = Repository.open(path)
    org_id = add_organization(repo, Organization("เทศบาลทดสอบ", units=["สำนักปลัด"])).created_id
    assert org_id is not None
    aid = create_year(repo, org_id, 2567).created_id
    assert aid is not None
    set_scores(repo, aid, {i: Decimal("90.25") for i in range(1, 11)})
    for n in range(MEASURES):
        m = Measure(
            f"มาตรการส่งเสริมการเปิดเผยข้อมูลข้อที่ {n + 1}",
            [n % 10 + 1],
            ["จัดทำประกาศและคู่มือการปฏิบัติงาน", "เผยแพร่บนเว็บไซต์ของหน่วยงาน"],
            ["สำนักปลัด"],
            Period(start_month=10, end_month=9),
            "รายงานผลต่อผู้บริหารทุกไตรมาส",
        )
        mid = add_measure(repo, aid, m).created_id
        assert mid is not None
        for r in (6, 12):
            update_progress(repo, mid, r, status="อยู่ระหว่างดำเนินการ", output="ดำเนินการตามแผน")
    return repo, org_id, 2567


def rows_for(
    label: str, repo: object, org_id: int, year: int, folder: Path, runs: int
) -> list[tuple[str, str]]:
    from ita_desktop.services.export import export_document
    from ita_desktop.services.imports import apply_workbook, preview_workbook
    from ita_desktop.storage.repository import Repository

    book = folder / f"{label}.xlsx"

    def export() -> None:
        export_document(repo, org_id=org_id, year=year, fmt="xlsx", out=book)  # type: ignore[arg-type]

    export_time = median_time(export, runs)
    preview_time = median_time(lambda: preview_workbook(repo, book), runs)  # type: ignore[arg-type]

    def import_into_empty() -> None:
        target = folder / f"{label}-empty.sqlite"
        target.unlink(missing_ok=True)
        empty = Repository.open(target)
        try:
            apply_workbook(empty, preview_workbook(None, book))
        finally:
            empty.close()

    import_time = median_time(import_into_empty, runs)
    return [
        (f"{label}: export (s)", f"{export_time:.2f}"),
        (f"{label}: workbook size (KB)", f"{book.stat().st_size / 1024:.0f}"),
        (f"{label}: check and preview (s)", f"{preview_time:.2f}"),
        (f"{label}: import into an empty database (s)", f"{import_time:.2f}"),
    ]


def main() -> None:
    from ita_desktop.demo.builder import build_demo

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        demo = build_demo(folder / "demo.sqlite")
        org = demo.organizations()[0]
        assert org.id is not None
        rows = rows_for("demo", demo, org.id, demo_year(demo, org.id), folder, 5)
        demo.close()
        repo, org_id, year = big_year(folder / "big.sqlite")
        rows += rows_for(f"{MEASURES} measures", repo, org_id, year, folder, 3)
        repo.close()  # type: ignore[attr-defined]
    width = max(len(name) for name, _ in rows)
    for name, value in rows:
        print(f"{name:<{width}}  {value}")


def demo_year(db: object, org_id: int) -> int:
    from ita_desktop.services.assessments import years

    return years(db, org_id)[-1]  # type: ignore[arg-type]


if __name__ == "__main__":
    main()
