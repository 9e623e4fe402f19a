"""Every document kind read back: fonts embedded, Thai text extractable, line breaks at words,
reference page renders, nothing outside the page margins.

The reference renders live in tests/_reference/pdf/. After a deliberate change of the layout,
rewrite them with `ITA_UPDATE_REFERENCES=1 python -m pytest tests/exporters/pdf/test_documents.py
-k reference` (those tests then fail, saying what they wrote), look at the new images and commit
them; a missing reference fails."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pdfplumber
import pytest
from PIL import Image, ImageChops

from ita_desktop.services.export import export_document
from ita_desktop.thai.digits import to_arabic_digits
from tests.documents.fixtures import trang
from tests.pdf_checks import (
    assert_clean,
    broken_thai,
    garbled_chars,
    pdffonts,
    pdftotext,
    read_back,
    run_tool,
)

REFERENCES = Path(__file__).resolve().parents[2] / "_reference" / "pdf"
KINDS = ("analysis", "measures", "results", "all")


def flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.fixture(scope="module")
def trang_pdfs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("pdf")
    repo, org_id = trang(folder / "t.sqlite", measures=5)
    try:
        return {
            kind: export_document(
                repo, org_id=org_id, year=2564, document=kind, out=folder / f"{kind}.pdf"
            )
            for kind in KINDS
        }
    finally:
        repo.close()


@pytest.mark.parametrize("kind", KINDS)
def test_fonts_are_embedded_subsets(trang_pdfs: dict[str, Path], kind: str) -> None:
    fonts = pdffonts(trang_pdfs[kind])
    assert fonts, "no font in the PDF"
    for font in fonts:
        assert font.embedded and font.subset, f"font not embedded as a subset: {font}"
        assert "Sarabun" in font.name and "+" in font.name, f"not a Sarabun subset: {font}"


@pytest.mark.parametrize("kind", KINDS)
def test_text_reads_back(trang_pdfs: dict[str, Path], kind: str) -> None:
    text = pdftotext(trang_pdfs[kind])
    assert garbled_chars(text) == 0 and broken_thai(text) == 0
    body = flat(text)
    assert "เทศบาลนครตรัง" in body
    if kind in ("analysis", "all"):  # stacked marks survive: signatory นางสาวน้ำฝน ฟ้าใส
        assert "ที่" in body and "นางสาวน้ำฝนฟ้าใส" in body
    expected = {
        "analysis": [
            "๙๕.๓๖",
            "รายงานการวิเคราะห์ผลการประเมิน",
            "สารบัญ",
            "จุดแข็ง",
            "แผนภูมิที่๑",
            "ค่าเป้าหมาย๘๕",
            "ภาพรวมOIT",
            "ตัวชี้วัดที่๔การใช้ทรัพย์สิน",
        ],
        "measures": [
            "มาตรการส่งเสริมคุณธรรม",
            "ประจำปีงบประมาณพ.ศ.๒๕๖๕",
            "หน่วยงานผู้รับผิดชอบ",
            "มกราคม๒๕๖๕–",
            "เมษายน๒๕๖๕",
        ],  # a period on two lines of its cell
        "results": [
            "รอบ๑๒เดือน(ต.ค.๒๕๖๔–ก.ย.๒๕๖๕)",
            "ดำเนินการแล้วเสร็จ",
            "ยังไม่ได้รายงานผล",
            "ปัญหาและอุปสรรค",
            "ได้๙๐.๗๖คะแนน",
        ],
        "all": ["ส่วนที่๑", "ส่วนที่๒", "ส่วนที่๓", "๙๕.๓๖", "(ต่อ)"],
    }[kind]
    for phrase in expected:
        assert flat(phrase) in body, phrase


def test_ranked_table_is_sorted(trang_pdfs: dict[str, Path]) -> None:
    text = pdftotext(trang_pdfs["analysis"])
    start = text.index("คะแนนรายตัวชี้วัดเรียงจากมากไปน้อย ปีงบประมาณ")
    end = text.index("แผนภูมิที่", start)
    scores = [
        float(to_arabic_digits(m))
        for m in re.findall(r"(?<![+\-\d๐-๙.])([๐-๙]{2,3}\.[๐-๙]{2})", text[start:end])
    ]
    assert len(scores) == 10 and scores == sorted(scores, reverse=True)


def test_contents_show_real_page_numbers(trang_pdfs: dict[str, Path]) -> None:
    path = trang_pdfs["analysis"]
    layout = pdftotext(path, layout=True).split("\f")
    pages = [flat(p) for p in pdftotext(path).split("\f")]
    contents = next(i for i, p in enumerate(layout) if "สารบัญ" in p)
    checked = 0
    for line in layout[contents].splitlines():
        m = re.match(r"\s*([๐-๙][๐-๙.]*\s.+?)\s*(?:\.\s*)+([๐-๙]+)\s*$", line)
        if not m:
            continue
        title, page = flat(m.group(1)), int(to_arabic_digits(m.group(2)))
        assert title in pages[page - 1], (title, page)
        assert f"–{m.group(2)}–" in pages[page - 1]  # the page prints its own number
        checked += 1
    assert checked >= 8


def test_arabic_digits_option(tmp_path: Path) -> None:
    repo, org_id = trang(tmp_path / "t.sqlite")
    path = export_document(
        repo,
        org_id=org_id,
        year=2564,
        document="analysis",
        thai_digits=False,
        out=tmp_path / "a.pdf",
    )
    repo.close()
    text = pdftotext(path)
    assert "95.36" in text and not re.search("[๐-๙]", text)
    assert "–2–" in flat(text)  # page numbers too


@pytest.mark.parametrize("kind", KINDS)
def test_thai_check_is_clean(trang_pdfs: dict[str, Path], kind: str) -> None:
    report = read_back(trang_pdfs[kind], ["เทศบาลนครตรัง"])
    assert report.line_joins > 0  # lines were read, so their ends were judged
    assert_clean(report)


@pytest.mark.parametrize("kind", KINDS)
def test_nothing_outside_the_margins(trang_pdfs: dict[str, Path], kind: str) -> None:
    with pdfplumber.open(trang_pdfs[kind]) as pdf:
        for number, page in enumerate(pdf.pages, start=1):
            left = 2 * 72 / 2.54 - 1 if page.width > page.height else 3 * 72 / 2.54 - 1
            right = page.width - 2 * 72 / 2.54 + 1
            for ch in page.chars:
                if ch["text"].isspace():
                    continue
                assert left <= ch["x0"] and ch["x1"] <= right, (number, ch["text"], ch["x0"])
                assert 0 < ch["top"] and ch["bottom"] < page.height - 0.5 * 72 / 2.54, number


# ---------------------------------------------------------------- reference renders
UPDATE_REFERENCES = "ITA_UPDATE_REFERENCES"
REFERENCE_PAGES = {
    "cover": ("analysis", 1),
    "contents": ("analysis", 3),
    "charts": ("analysis", 7),
    "measures": ("measures", 2),
}


def _render(pdf: Path, page: int, out: Path) -> Path:
    run_tool(
        "pdftoppm", "-r", "50", "-gray", "-png", "-singlefile", "-f", page, "-l", page, pdf, out
    )
    return out.with_suffix(".png")


@pytest.mark.parametrize("name", sorted(REFERENCE_PAGES))
def test_reference_renders(trang_pdfs: dict[str, Path], tmp_path: Path, name: str) -> None:
    """Pages look as reviewed (see the module docstring to rewrite the references)."""
    kind, page = REFERENCE_PAGES[name]
    got = _render(trang_pdfs[kind], page, tmp_path / name)
    ref = REFERENCES / f"{name}.png"
    if os.environ.get(UPDATE_REFERENCES, "0") != "0":
        REFERENCES.mkdir(parents=True, exist_ok=True)
        Image.open(got).convert("L").quantize(colors=8).save(ref, optimize=True)  # small
        pytest.fail(f"{UPDATE_REFERENCES}: wrote {ref}; review it, commit it, run again without")
    if not ref.exists():
        pytest.fail(f"no reference render {ref}: make it with {UPDATE_REFERENCES}=1", pytrace=False)
    a, b = Image.open(got).convert("L"), Image.open(ref).convert("L")
    assert a.size == b.size
    diff = ImageChops.difference(a, b).point(lambda v: 255 if v > 64 else 0)
    changed = diff.histogram()[255] / (a.size[0] * a.size[1])
    assert changed < 0.01, f"{name}: {changed:.2%} of the pixels differ from the reference"
