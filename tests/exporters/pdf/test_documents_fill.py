"""Tables do not waste pages: the pages a table continues from are 85% used on average and
every one at least 65% (a measure's title is never cut, so a long one that does not fit moves
to the next page with its row), on the demo's documents and on a 300-measure plan, and a table
starts under the text before it.

The used height of a page is measured in the PDF itself: the bottom of the lowest table frame
(the 0.8 pt outline GridTable draws around each piece of a table) against the frame's bottom.
A page "continues" into the next one when the next page opens with a caption ending "(ต่อ)".
"""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

from ita_desktop.domain.models import PROGRESS_FIELDS, ROUNDS
from ita_desktop.exporters.pdf.writer import MARGINS
from ita_desktop.services.export import export_document
from ita_desktop.services.measures import add_measure
from ita_desktop.services.organizations import find_organization
from ita_desktop.services.progress import update_progress
from ita_desktop.storage.repository import Repository
from tests.pdf_checks import pdftotext

FILL = 0.85  # on average
LEAST_FILL = 0.65  # every page: less only where a long title moved on whole
OUTLINE = 0.8  # the line width of a table piece's outline
_NUMBER = rb"[-+]?(?:\d+\.?\d*|\.\d+)"
_OP = re.compile(rb"(?:(" + _NUMBER + rb"(?:\s+" + _NUMBER + rb")*)\s+)?(q|Q|cm|w|re)\b")


def table_bottoms(path: Path) -> list[tuple[float, float, float | None]]:
    """Per page: (page height, page width, lowest table outline bottom or None), read from the
    content streams (text objects left out; q/Q and cm tracked)."""
    from pdfminer.pdfpage import PDFPage
    from pdfminer.pdftypes import resolve1

    out = []
    with path.open("rb") as f:
        for page in PDFPage.get_pages(f):
            streams = page.contents if isinstance(page.contents, list) else [page.contents]
            data = b"\n".join(resolve1(s).get_data() for s in streams)
            data = re.sub(rb"BT\b.*?\bET\b", b"", data, flags=re.DOTALL)
            ctm, width, stack, low = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0), 1.0, [], None
            for m in _OP.finditer(data):
                args = [float(x) for x in m.group(1).split()] if m.group(1) else []
                op = m.group(2)
                if op == b"q":
                    stack.append((ctm, width))
                elif op == b"Q" and stack:
                    ctm, width = stack.pop()
                elif op == b"cm" and len(args) == 6:
                    a, b, c, d, e, f_ = args
                    A, B, C, D, E, F = ctm
                    ctm = (
                        a * A + b * C,
                        a * B + b * D,
                        c * A + d * C,
                        c * B + d * D,
                        e * A + f_ * C + E,
                        e * B + f_ * D + F,
                    )
                elif op == b"w" and len(args) == 1:
                    width = args[0]
                elif op == b"re" and len(args) == 4 and abs(width - OUTLINE) < 0.01:
                    _, y, _, h = args
                    bottom = ctm[3] * min(y, y + h) + ctm[5]
                    low = bottom if low is None else min(low, bottom)
            x0, y0, x1, y1 = page.mediabox
            out.append((y1 - y0, x1 - x0, low))
    return out


def page_texts(path: Path) -> list[str]:
    return pdftotext(path).split("\f")


def opens_continued(text: str) -> bool:
    """The page opens (after its number) with a continued table's caption."""
    lines = [line for line in text.splitlines() if line.strip()][1:4]
    return "(ต่อ)" in "".join(lines).replace(" ", "")


def table_page_fills(path: Path) -> list[tuple[int, float]]:
    """(page number, share of the frame used) of each page a table continues from."""
    pages = table_bottoms(path)
    texts = page_texts(path)
    fills = []
    for i, (height, width, low) in enumerate(pages[:-1]):
        if low is None or not opens_continued(texts[i + 1]):
            continue
        _, _, top, bottom = MARGINS["landscape" if width > height else "portrait"]
        fills.append((i + 1, (height - top - low) / (height - top - bottom)))
    return fills


def grow_plan(repo: Repository, org_id: int, year: int, target: int) -> None:
    """Copy the plan's measures (with their progress) until it has `target` measures."""
    a = repo.assessment(org_id, year)
    base = repo.measures(a.id)  # type: ignore[arg-type]
    progress = {months: repo.progress(a.id, months) for months in ROUNDS}  # type: ignore[arg-type]
    n = len(base)
    while n < target:
        for m in base[: target - n]:
            copy = replace(m, id=None, title=f"{m.title} (ชุดที่ {n // len(base) + 1})")
            new_id = add_measure(repo, a.id, copy).created_id  # type: ignore[arg-type]
            for months, entries in progress.items():
                if m.id in entries:
                    values = {f: getattr(entries[m.id], f) for f in PROGRESS_FIELDS}
                    update_progress(repo, new_id, months, **values)  # type: ignore[arg-type]
            n += 1


def _org_ids(repo: Repository) -> list[int]:
    return [org.id for org in repo.organizations() if org.id is not None]


def _check(path: Path) -> list[tuple[int, float]]:
    fills = table_page_fills(path)
    assert fills, "no table continues over a page: nothing measured"
    low = [(page, round(f, 3)) for page, f in fills if f < LEAST_FILL]
    assert not low, f"table pages less than {LEAST_FILL:.0%} used: {low}"
    mean = sum(f for _, f in fills) / len(fills)
    assert mean >= FILL, f"table pages {mean:.0%} used on average"
    return fills


def test_demo_documents_fill_their_table_pages(demo_db: Path, tmp_path: Path) -> None:
    repo = Repository.open(demo_db)
    try:
        for org_id in _org_ids(repo):
            year = repo.years(org_id)[-1]
            for kind, months in (("all", 12), ("results", 6)):
                path = export_document(
                    repo,
                    org_id=org_id,
                    year=year,
                    document=kind,
                    round_months=months,
                    out=tmp_path / f"{org_id}-{kind}.pdf",
                )
                if kind == "all":
                    _check(path)
                else:
                    assert all(f >= LEAST_FILL for _, f in table_page_fills(path))
    finally:
        repo.close()


def test_a_300_measure_plan_fills_its_pages(demo_db: Path, tmp_path: Path) -> None:
    repo = Repository.open(demo_db)
    try:
        org_id = find_organization(repo, None).id
        assert org_id is not None
        year = repo.years(org_id)[-1]
        grow_plan(repo, org_id, year, 300)
        path = export_document(
            repo,
            org_id=org_id,
            year=year,
            document="all",
            out=tmp_path / "big.pdf",
        )
    finally:
        repo.close()
    fills = _check(path)
    # the plan's 300 rows in seed 001's three columns (the demo's Trang bundle: analysis and
    # measures, without an implementation report)
    assert len(fills) > 50


def test_measures_table_starts_under_the_intro(demo_db: Path, tmp_path: Path) -> None:
    """The plan's intro paragraph does not stand alone on a page: the table starts under it."""
    repo = Repository.open(demo_db)
    checked = 0
    try:
        for org_id in _org_ids(repo):
            for year in repo.years(org_id):
                path = export_document(
                    repo,
                    org_id=org_id,
                    year=year,
                    document="measures",
                    out=tmp_path / "m.pdf",
                )
                texts = [re.sub(r"\s+", "", t) for t in page_texts(path)]
                # "<org> ได้นำผลการวิเคราะห์…มากำหนดมาตรการ…", "<org> ได้กำหนดมาตรการส่งเสริม…"
                # in a year without scores
                org = re.sub(r"\s+", "", repo.organization(org_id).name)
                said = re.compile(org + "ได้(นำผลการวิเคราะห์|กำหนดมาตรการส่งเสริม)")
                intro = [i for i, t in enumerate(texts) if said.search(t)]
                if not intro:  # no measure that year
                    continue
                assert table_bottoms(path)[intro[0]][2] is not None, (org_id, year)
                assert "ตารางที่" in texts[intro[0]], (org_id, year)
                checked += 1
    finally:
        repo.close()
    assert checked >= 3
