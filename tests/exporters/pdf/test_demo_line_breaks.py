"""Every demo document, read back by the Thai PDF checker (tests/pdf_checks.py), has no line
end that cuts a word or a character cluster: every organisation and year of the demo, every
kind, both report rounds."""

from __future__ import annotations

import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pytest

from ita_desktop.demo.builder import build_demo
from ita_desktop.services.export import export_document
from tests.pdf_checks import ThaiReport, read_back, require_tool

# the round changes only the report of results (and the bundle that holds it)
DOCUMENTS = [
    ("analysis", 12),
    ("measures", 12),
    ("results", 6),
    ("results", 12),
    ("all", 6),
    ("all", 12),
]


def export_and_check(job: tuple[str, int, int, str, int, str]) -> ThaiReport:
    """Export one demo document and read it back (runs in a worker process)."""
    from ita_desktop.storage.repository import Repository

    db, org_id, year, kind, months, out = job
    repo = Repository.open(db)
    try:
        export_document(
            repo, org_id=org_id, year=year, document=kind, round_months=months, out=Path(out)
        )
    finally:
        repo.close()
    return read_back(out)


@pytest.fixture(scope="module")
def demo_figures(tmp_path_factory: pytest.TempPathFactory) -> dict[str, ThaiReport]:
    for tool in ("pdftotext", "pdffonts"):  # here, not in the workers, to fail clearly
        require_tool(tool)
    folder = tmp_path_factory.mktemp("demo")
    db = folder / "demo.sqlite"
    repo = build_demo(db)
    jobs: dict[str, tuple[str, int, int, str, int, str]] = {}
    try:
        for org in repo.organizations():
            for year in repo.years(org.id):  # type: ignore[arg-type]
                for kind, months in DOCUMENTS:
                    name = f"org {org.id} {year} {kind} round {months}"
                    out = folder / f"{name.replace(' ', '-')}.pdf"
                    jobs[name] = (str(db), org.id, year, kind, months, str(out))  # type: ignore[assignment]
    finally:
        repo.close()
    # 30 documents, 500 pages: ~25 s on one core, so on two processes where there are two
    workers = min(2, os.cpu_count() or 1)
    if workers < 2:
        return {name: export_and_check(job) for name, job in jobs.items()}
    with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn")) as pool:
        return dict(zip(jobs, pool.map(export_and_check, jobs.values()), strict=True))


def test_every_demo_document_is_checked(demo_figures: dict[str, ThaiReport]) -> None:
    years = {name.rsplit(" ", 3)[0] for name in demo_figures}
    assert len(years) >= 5 and len(demo_figures) == len(years) * len(DOCUMENTS)
    assert all(f.pages > 0 and f.thai_chars > 0 for f in demo_figures.values())
    assert sum(f.line_joins for f in demo_figures.values()) > 1000  # line ends were judged


def test_no_line_end_cuts_a_word_or_a_cluster(demo_figures: dict[str, ThaiReport]) -> None:
    bad = {
        name: (f.word_breaks, f.cluster_breaks, f.samples)
        for name, f in demo_figures.items()
        if f.word_breaks or f.cluster_breaks
    }
    assert bad == {}, "\n".join(
        f"{n}: {w} word / {c} cluster breaks, e.g. {s}" for n, (w, c, s) in bad.items()
    )


def test_fonts_embedded_and_text_not_garbled(demo_figures: dict[str, ThaiReport]) -> None:
    for name, f in demo_figures.items():
        assert f.fonts_not_embedded == 0 and f.garbled_chars == 0 and f.broken_thai == 0, (name, f)
