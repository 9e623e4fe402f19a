"""The Thai PDF checker (tests/pdf_checks.py) sees the faults it counts, on PDFs made to have
them, so that its zeros on the real documents mean something."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from reportlab.pdfgen.canvas import Canvas

from ita_desktop.exporters.pdf.fonts import font_name, register_fonts
from ita_desktop.exporters.pdf.render import draw_text
from tests.pdf_checks import ThaiReport, broken_thai, garbled_chars, judge, main, read_back

SIZE = 16.0


def lines_pdf(path: Path, *pairs: tuple[str, str], helvetica: bool = False) -> Path:
    """Each pair as two lines of one column (the second one leading lower), pairs far apart."""
    register_fonts()
    canvas = Canvas(str(path), pagesize=(400, 200 + 80 * len(pairs)), initialFontName=font_name())
    y = 80.0 * len(pairs) + 150
    for upper, lower in pairs:
        draw_text(canvas, 50, y, upper, size=SIZE)
        draw_text(canvas, 50, y - 1.5 * SIZE, lower, size=SIZE)
        y -= 80
    if helvetica:
        canvas.setFont("Helvetica", 10)
        canvas.drawString(50, 30, "not embedded")
    canvas.save()
    return path


@pytest.mark.parametrize(
    ("tail", "head", "verdict"),
    [
        ("หน่วยงาน", "ภาครัฐ", None),
        ("ประชา", "ชน", "word"),
        ("ผลประโยชน์", "ส่วนตน", None),
        ("ไ", "ด้รับ", "cluster"),
        ("กำหน", "ด", "word"),
        ("ที", "่ดิน", "cluster"),
    ],
)
def test_judge_line_ends(tail: str, head: str, verdict: str | None) -> None:
    assert judge(tail, head) == verdict


def test_garbled_and_broken_thai_text() -> None:
    assert garbled_chars("ที่ดิน น้ำ ITA 2567") == 0
    assert garbled_chars("ท\ue000่\ufffd \U000f0001") == 3
    assert broken_thai("ที่ดิน น้ำ น\u0e49\u0e4d\u0e32 ฤๅษี ไก่ เก็บ ปั้น กั๊ก") == 0
    assert broken_thai("\u0e48ที") == 1  # a tone mark first
    assert broken_thai("ก \u0e34") == 1  # a vowel sign after a space
    assert broken_thai("ก\u0e48\u0e49") == 1  # two tone marks
    assert broken_thai("ก\u0e34\u0e35") == 1  # two vowels above
    assert broken_thai("เ\nก") == 1  # a leading vowel cut from its consonant


def test_line_ends_fonts_and_phrases_are_read_back(tmp_path: Path) -> None:
    pdf = lines_pdf(
        tmp_path / "faults.pdf",
        ("ส่งเสริมหน่วยงาน", "ภาครัฐให้โปร่งใส"),  # a word end: fine
        ("การมีส่วนร่วมของประชา", "ชนในพื้นที่"),  # inside a word
        ("ผู้บริหารไ", "ด้รับรายงาน"),  # inside a character cluster
        ("ITA", "ภาครัฐ"),  # not Thai on both sides: not a join
        helvetica=True,
    )
    report = read_back(pdf, ["หน่วยงานภาครัฐ", "ไม่มีในเอกสาร"])
    assert report.pages == 1 and report.thai_chars > 50
    assert (report.line_joins, report.word_breaks, report.cluster_breaks) == (3, 1, 1)
    assert report.samples == ["ร่วมของประชา|ชนในพื้นที่", "ผู้บริหารไ|ด้รับรายงาน"]
    assert (report.fonts, report.fonts_not_embedded) == (2, 1)
    assert report.garbled_chars == 0
    assert report.broken_thai == 1  # ไ then a new line: a leading vowel with no consonant
    assert report.phrases_missing == ["ไม่มีในเอกสาร"]
    assert report.problems() == [
        "fonts not embedded: 1",
        "broken thai: 1",
        "cluster breaks: 1",
        "word breaks: 1",
        "phrases missing: ['ไม่มีในเอกสาร']",
        "e.g. ร่วมของประชา|ชนในพื้นที่, ผู้บริหารไ|ด้รับรายงาน",
    ]


def test_a_clean_pdf_has_no_problems(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pdf = lines_pdf(tmp_path / "clean.pdf", ("ส่งเสริมหน่วยงาน", "ภาครัฐให้โปร่งใส"))
    report = read_back(pdf)
    assert report.line_joins == 1 and report.problems() == []
    assert main([str(pdf)]) == 0  # the command line prints the same figures as JSON
    assert ThaiReport(**json.loads(capsys.readouterr().out)) == report
