"""The Thai user guide: its Markdown reads into our document model, every picture is there (a
1366×704 screenshot, kept small), and our PDF writer sets it with the pictures and contents."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from PIL import Image

from ita_desktop.cli.gui import SCREENSHOT_SIZE
from ita_desktop.documents.blocks import Cover, Heading, Paragraph, TableOfContents
from ita_desktop.documents.guide import Figure, figures, guide_document, parse_markdown

ROOT = Path(__file__).resolve().parents[2]
GUIDE = ROOT / "docs" / "guide" / "คู่มือ.md"
TOPICS = (  # what a clerk needs, in the order of a year's work
    "ติดตั้งโปรแกรม",
    "ข้อมูลตัวอย่าง",
    "กรอกคะแนน",
    "การวิเคราะห์",
    "มาตรการ",
    "ผลการดำเนินงาน",
    "ส่งออกเอกสาร PDF",
    "Excel",
    "สำรองข้อมูลและย้ายไปเครื่องอื่น",
    "ข้อความเตือน",
)


def test_markdown_subset() -> None:
    text = (
        "# คู่มือ ITA\n\nย่อหน้า **หนึ่ง**\nต่อบรรทัด\n\n## หัวข้อ\n1. ข้อแรก\n- จุด\n\n"
        "![ภาพหน้าจอ](images/a.png)\n\n    cmd --db x.itadb\n### ย่อย\n"
    )
    title, blocks = parse_markdown(text, Path("/guide"))
    assert title == "คู่มือ ITA"
    assert blocks == [
        Paragraph("ย่อหน้า หนึ่ง ต่อบรรทัด", "body"),
        Heading("หัวข้อ", level=1),
        Paragraph("๑. ข้อแรก", "item"),
        Paragraph("• จุด", "item"),
        Figure(Path("/guide/images/a.png"), "ภาพหน้าจอ"),
        Paragraph("cmd --db x.itadb", "item"),
        Heading("ย่อย", level=2),
    ]


def test_the_guide_covers_a_clerks_year_with_every_picture() -> None:
    doc = guide_document(GUIDE, "9.9.9")
    assert isinstance(doc.blocks[0], Cover) and "รุ่น 9.9.9" in doc.blocks[0].year_line
    assert isinstance(doc.blocks[1], TableOfContents)
    headings = " | ".join(h.text for h in doc.headings())
    missing = [topic for topic in TOPICS if topic not in headings]
    assert missing == []
    pictures = figures(doc)
    assert len(pictures) == 7
    for figure in pictures:
        assert figure.caption, figure.path
        with Image.open(figure.path) as image:
            assert image.size == SCREENSHOT_SIZE, figure.path
        assert figure.path.stat().st_size < 200_000, figure.path


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils")
def test_our_writer_sets_the_guide(tmp_path: Path) -> None:
    from ita_desktop.exporters.guide_pdf import write_guide_pdf

    out = tmp_path / "guide.pdf"
    logo = (ROOT / "resources" / "icons" / "ita-desktop-256.png").read_bytes()
    pages = write_guide_pdf(guide_document(GUIDE, "9.9.9", logo), out)
    assert 8 <= pages <= 30
    text = subprocess.run(
        ["pdftotext", "-layout", str(out), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "สารบัญ" in text and "คู่มือการใช้งาน" in text and "รุ่น 9.9.9" in text
    images = subprocess.run(
        ["pdfimages", "-list", str(out)], capture_output=True, text=True, check=True
    ).stdout.splitlines()[2:]
    assert len(images) >= 8  # seven screenshots and the cover's icon
