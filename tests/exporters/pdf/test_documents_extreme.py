"""Extreme inputs: a 5,000-character step, 300 measures, nothing entered, long URLs."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pdfplumber
from PIL import Image

from ita_desktop.services.export import export_document
from ita_desktop.services.organizations import update_organization
from tests.documents.fixtures import URL, empty, trang
from tests.pdf_checks import pdftotext as _text
from tests.pdf_checks import run_tool


def _chars(path: Path) -> str:
    """The text as drawn, character by character (pdftotext would drop line-end hyphens)."""
    with pdfplumber.open(path) as pdf:
        return "".join(c["text"] for page in pdf.pages for c in page.chars)


def _pages(path: Path) -> int:
    out = run_tool("pdfinfo", path)
    return int(re.search(r"Pages:\s+(\d+)", out).group(1))  # type: ignore[union-attr]


def test_a_5000_character_step_is_split_across_pages_not_clipped(tmp_path: Path) -> None:
    repo, org_id = trang(tmp_path / "t.sqlite", measures=2, long_step=5000)
    step = repo.measures(repo.assessment(org_id, 2564).id)[0].steps[-1]  # type: ignore[arg-type]
    assert len(step) == 5000
    path = export_document(
        repo, org_id=org_id, year=2564, document="measures", out=tmp_path / "m.pdf"
    )
    repo.close()
    drawn = re.sub(r"\s+", "", _chars(path))
    assert drawn.count("ญ") == step.count("ญ") > 50  # ญ (of ญี่ปุ่น) is only in the step:
    assert drawn.count("ปู่") == step.count("ปู่")  # every piece of it is on some page
    assert re.sub(r"\s+", "", step[-60:]) in drawn  # down to its last words
    text = _text(path)
    assert text.count("(ต่อ)") >= 3  # the table continues over several pages
    assert "ปู่ย่าตายายที่น้ำท่วมฟ้าญี่ปุ่น" in re.sub(r"\s+", "", text)


def test_300_measures(tmp_path: Path) -> None:
    repo, org_id = trang(tmp_path / "t.sqlite", measures=300)
    path = export_document(
        repo, org_id=org_id, year=2564, document="results", out=tmp_path / "r.pdf"
    )
    repo.close()
    text = re.sub(r"\s+", "", _text(path))
    for n in ("๑", "๑๕๐", "๓๐๐"):
        assert f"{n}.มาตรการที่{n}" in text
    assert _pages(path) > 100


def test_nothing_entered_is_said_politely(tmp_path: Path) -> None:
    repo, org_id = empty(tmp_path / "e.sqlite")
    for kind in ("analysis", "measures", "results", "all"):
        path = export_document(
            repo, org_id=org_id, year=2567, document=kind, out=tmp_path / f"{kind}.pdf"
        )
        text = re.sub(r"\s+", "", _text(path))
        assert "องค์การบริหารส่วนตำบลทดสอบ" in text
        if kind in ("analysis", "all"):
            assert "ยังไม่ได้กรอกคะแนนตัวชี้วัด" in text
        if kind in ("measures", "all"):
            assert "ยังไม่ได้กำหนดมาตรการ" in text
        if kind == "results":
            assert "ยังไม่มีมาตรการของปีงบประมาณ" in text
        if kind == "all":  # nothing reported: the bundle leaves the implementation report out
            assert "ยังไม่มีมาตรการของปีงบประมาณ" not in text and "ส่วนที่๓" not in text
    repo.close()


def test_long_urls_wrap_inside_their_cells(tmp_path: Path) -> None:
    repo, org_id = trang(tmp_path / "t.sqlite", measures=1)
    path = export_document(repo, org_id=org_id, year=2564, document="all", out=tmp_path / "a.pdf")
    repo.close()
    assert URL in _chars(path).replace(" ", "")


def test_logo_on_the_cover_and_a_broken_logo_ignored(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    Image.new("RGB", (120, 90), (30, 80, 160)).save(buffer, "PNG")
    repo, org_id = trang(tmp_path / "t.sqlite", measures=1)
    for logo, images in ((buffer.getvalue(), 1), (b"not an image", 0)):
        update_organization(repo, org_id, logo=logo)
        path = export_document(
            repo, org_id=org_id, year=2564, document="analysis", out=tmp_path / "a.pdf"
        )
        listed = run_tool("pdfimages", "-list", "-f", "1", "-l", "1", path).splitlines()[2:]
        assert len(listed) == images
    repo.close()


def test_every_demo_document_renders(demo_db: Path, tmp_path: Path) -> None:
    """The demo's real documents, every organisation, year, kind and round."""
    from ita_desktop.storage.repository import Repository

    repo = Repository.open(demo_db)
    try:
        for org in repo.organizations():
            assert org.id is not None
            for year in repo.years(org.id):
                for kind, months in (("all", 12), ("results", 6)):
                    path = export_document(
                        repo,
                        org_id=org.id,
                        year=year,
                        document=kind,
                        round_months=months,
                        out=tmp_path / "d.pdf",
                    )
                    assert org.name.replace(" ", "") in re.sub(r"\s+", "", _text(path))
    finally:
        repo.close()
