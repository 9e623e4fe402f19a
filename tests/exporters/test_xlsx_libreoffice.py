"""The workbook in LibreOffice (headless): its formulas recalculate to the core's figures, a file
LibreOffice saved comes back through the import, and the demo prints on few A4 pages with every
cell whole. Skipped without LibreOffice, except under CI (CI=true), where it must be installed."""

from __future__ import annotations

import os
import random
import shutil
import subprocess
import unicodedata
from decimal import Decimal
from pathlib import Path
from typing import Any

import openpyxl
import pdfplumber
import pytest

from ita_desktop.analysis.engine import analyze
from ita_desktop.documents import workbook_layout as L
from ita_desktop.rules.presets import preset_for
from ita_desktop.services.assessments import get_assessment_by_id
from ita_desktop.services.export import export_document
from ita_desktop.services.imports import apply_workbook, preview_workbook
from ita_desktop.storage.repository import Repository
from tests.importers.fixtures import cells, edit, exported_workbook

FONTS = Path(__file__).resolve().parents[2] / "resources" / "fonts"
ROWS = L.ScoreRows(10, 3)
MAX_PAGES = 16  # fitted to the width only: 16 pt cells print at about 10.5 pt, not 6-8 pt
READABLE_PT = 10.0


def soffice() -> str:
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if found:
        return found
    if os.environ.get("CI") == "true":
        pytest.fail(
            "LibreOffice (soffice) is required under CI: apt-get install libreoffice-calc-nogui"
        )
    pytest.skip("LibreOffice (soffice) is not installed")


def convert(files: list[Path], to: str, work: Path) -> list[Path]:
    """Open each file in LibreOffice (recalculating) and save it as `to`, with our Sarabun fonts
    visible to it and a private profile."""
    fonts = work / "xdg" / "fonts"
    fonts.mkdir(parents=True, exist_ok=True)
    for font in FONTS.glob("*.ttf"):
        shutil.copy(font, fonts)
    out = work / "converted"
    env = {**os.environ, "XDG_DATA_HOME": str(work / "xdg"), "HOME": str(work)}
    command = [
        soffice(),
        f"-env:UserInstallation={(work / 'profile').as_uri()}",
        "--headless",
        "--convert-to",
        to,
        "--outdir",
        str(out),
        *map(str, files),
    ]
    subprocess.run(command, env=env, capture_output=True, timeout=300, check=True)
    results = [out / f"{f.stem}.{to.split(':')[0]}" for f in files]
    assert all(r.exists() for r in results), list(out.iterdir())
    return results


def _score_sets() -> list[dict[int, Decimal]]:
    """Half-way cases (99.995 for OIT, 90.015 overall) and random ones, some cells empty."""
    rng = random.Random(11)
    sets = [
        {**{i: Decimal("90.00") for i in range(1, 9)}, 9: Decimal(100), 10: Decimal("99.99")},
        {
            1: Decimal("90.05"),
            **{i: Decimal("90.05") for i in range(2, 6)},
            **{i: Decimal(90) for i in range(6, 11)},
        },
        {i: Decimal("84.99") if i < 10 else Decimal("85.01") for i in range(1, 11)},
    ]
    for _ in range(9):
        sets.append({i: Decimal(rng.randint(6000, 10000)) / 100 for i in range(1, 11)})
    sets.append({i: Decimal("91.5") for i in range(1, 10)})  # indicator 10 missing
    return sets


def test_libreoffice_recalculation_equals_the_core(tmp_path: Path) -> None:
    repo, _aid, book = exported_workbook(tmp_path)
    repo.close()
    rules = preset_for(2565)
    sets = _score_sets()
    files = []
    for n, scores in enumerate(sets):
        path = tmp_path / f"set{n}.xlsx"
        shutil.copy(book, path)
        edit(
            path,
            L.SCORES,
            {f"D{3 + i}": float(scores[i]) if i in scores else None for i in range(1, 11)},
        )
        files.append(path)
    for scores, result in zip(sets, convert(files, "xlsx", tmp_path), strict=True):
        ws = openpyxl.load_workbook(result, data_only=True)[L.SCORES]
        core = analyze(rules, scores, threshold=Decimal(85))
        for i, tool in enumerate(rules.tools):
            assert _decimal(ws[f"D{ROWS.tool(i)}"].value) == core.tools[tool.code], (
                scores,
                tool.code,
            )
        assert _decimal(ws[f"D{ROWS.overall}"].value) == core.overall, scores
        assert (ws[f"D{ROWS.level}"].value or None) == core.level, scores
        ranks = {r.indicator: r.rank for r in core.ranking}
        for number in range(1, 11):
            row = 3 + number
            assert (ws[f"E{row}"].value or None) == ranks.get(number), (scores, number)
            finding = (
                "จุดแข็ง"
                if number in core.strengths
                else "จุดที่ต้องพัฒนา"
                if number in core.weaknesses
                else None
            )
            assert (ws[f"F{row}"].value or None) == finding


def _decimal(value: object) -> Decimal | None:
    return None if value in (None, "") else Decimal(str(value)).quantize(Decimal("0.01"))


def test_round_trip_through_a_file_saved_by_libreoffice(tmp_path: Path) -> None:
    repo, aid, book = exported_workbook(tmp_path)
    edited = tmp_path / "edited.xlsx"
    shutil.copy(book, edited)
    edit(edited, L.SCORES, {"D5": 91.25})
    edit(edited, L.progress_sheet(12), {"F5": "ดำเนินการแล้วเสร็จ", "G5": "ประกาศแล้ว"})
    saved, saved_edited = convert([book, edited], "xlsx:Calc MS Excel 2007 XML", tmp_path)
    try:
        assert preview_workbook(repo, saved).changes == ("ไม่มีข้อมูลที่เปลี่ยนแปลง",)
        preview = preview_workbook(repo, saved_edited)
        assert set(preview.changes) == {
            "คะแนนตัวชี้วัดที่ 2: 80.50 → 91.25",
            "ผลรอบ 12 เดือน มาตรการที่ 2: แก้ไขสถานะ, ผลผลิต",
        }
        apply_workbook(repo, preview)
        assert get_assessment_by_id(repo, aid).scores[2] == Decimal("91.25")
    finally:
        repo.close()
    empty = Repository.open(tmp_path / "empty.sqlite")
    try:
        apply_workbook(empty, preview_workbook(None, saved))
        org_id = empty.organizations()[0].id or 0
        again = export_document(
            empty, org_id=org_id, year=2565, fmt="xlsx", out=tmp_path / "again.xlsx"
        )
    finally:
        empty.close()
    assert cells(again) == cells(book)


def test_demo_prints_readable_on_a4_pages_with_every_cell_whole(
    demo_db: Path, tmp_path: Path
) -> None:
    repo = Repository.open(demo_db)
    try:
        org_id = repo.organizations()[0].id or 0
        book = export_document(
            repo, org_id=org_id, year=2564, fmt="xlsx", out=tmp_path / "demo.xlsx"
        )
    finally:
        repo.close()
    (pdf,) = convert([book], "pdf", tmp_path)
    with pdfplumber.open(pdf) as doc:
        assert len(doc.pages) <= MAX_PAGES
        assert all(round(min(p.width, p.height)) == 595 for p in doc.pages)  # A4
        assert [overlapping_letters(p) for p in doc.pages] == [0] * len(doc.pages)
        small = "".join(
            c["text"] for p in doc.pages for c in p.chars if c["size"] < READABLE_PT
        ).strip()
        # only the chart's axes and legend (LibreOffice's own chart fonts) print smaller
        assert set(small) <= set("0123456789. IEOTภาพรวมคะแนน"), small[:80]
        printed = "".join(p.extract_text() or "" for p in doc.pages)
    assert "ระดับผลการประเมิน" in printed and "เทศบาลนครตรัง" in printed


def overlapping_letters(page: Any) -> int:
    """Pairs of letters printed over each other on one line. A row too low for its text does
    not hide the text's last lines in LibreOffice's PDF: it prints them over the next row."""
    letters = [
        c
        for c in page.chars
        if c["upright"]
        and c["text"].strip()
        and unicodedata.category(c["text"][0]) != "Mn"
        and c["text"] != "\u0e33"  # sara am: its nikhahit sits over the letter before
    ]
    letters.sort(key=lambda c: (round(c["top"]), c["x0"]))
    found = 0
    for i, a in enumerate(letters):
        for b in letters[i + 1 : i + 40]:
            same_line = abs(a["top"] - b["top"]) < 3
            if same_line and min(a["x1"], b["x1"]) - max(a["x0"], b["x0"]) > 1.0:
                found += 1
    return found
