"""Thai typography in PDF output, checked by reading the PDFs back (pdftotext, pdffonts,
pdfplumber, pdftoppm and tests/pdf_checks) rather than by trusting the layout code. The line
breaker on its own, without a PDF, is tested in test_line_breaker.py."""

from __future__ import annotations

import itertools
import re
from pathlib import Path
from typing import Any

import numpy as np
import pdfplumber
import pytest
from PIL import Image, ImageChops
from reportlab.lib.fonts import tt2ps
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate

from ita_desktop.exporters.pdf import textflow as tf
from ita_desktop.exporters.pdf.flowables import ThaiParagraph, escape, thai_paragraph
from ita_desktop.exporters.pdf.fonts import ThaiTTFont, font_name, get_thai_font, register_fonts
from ita_desktop.exporters.pdf.render import Box, Fmt, draw_boxes, draw_text
from ita_desktop.exporters.pdf.shaping import Shaped, shape
from ita_desktop.exporters.pdf.tables import GCell, GridTable, GRow
from tests.exporters.pdf.test_line_breaker import (
    COMPOUND_JUNCTIONS,
    line_ends,
    squash,
    word_ends,
)
from tests.pdf_checks import assert_clean, pdffonts, pdftotext, read_back, run_tool

LEFT, BOTTOM = 72.0, 72.0
BAD = re.compile(r"[\ue000-\uf8ff\ufffd\u200b\x00]")
WORDS = "ที่ ซึ่ง น้ำ ญี่ปุ่น ปู่ ฟ้า กำหนด มีส่วนร่วม"
SENTENCES = [
    "หน่วยงานภาครัฐมีการเปิดเผยข้อมูลต่อสาธารณะอย่างครบถ้วนและเป็นปัจจุบัน",
    "ซึ่งเป็นไปตามหลักเกณฑ์การประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ",
    "โดยกำหนดให้มีช่องทางการมีส่วนร่วมของประชาชนในการแสดงความคิดเห็นต่อการดำเนินงาน",
    "ผลการประเมินประจำปีงบประมาณ พ.ศ. 2567 อยู่ในระดับดีมาก คิดเป็นร้อยละ 92.45",
    "ผู้บริหารให้ความสำคัญกับการป้องกันการทุจริตและการปฏิบัติหน้าที่อย่างมีประสิทธิภาพ",
    "เจ้าหน้าที่ได้รับการฝึกอบรมเกี่ยวกับประมวลจริยธรรมและการขัดกันระหว่างประโยชน์ส่วนตน",
    "การจัดซื้อจัดจ้างดำเนินการผ่านระบบอิเล็กทรอนิกส์ที่ญี่ปุ่นน้ำใจดีปู่ฟ้าใสซึ่งน้ำท่วม",
]
LONG_THAI = "".join(SENTENCES[i % 7] + ("" if i % 3 else " ") for i in range(12))


FRAME = A4[0] - 2 * LEFT


def embedded_start() -> dict[str, Any]:
    """Canvas options that start on Sarabun, as the PDF writer does: ReportLab's default
    initial font is Helvetica, which would be listed in the PDF without being embedded."""
    register_fonts()
    return {"initialFontName": font_name()}


def style(align: str = "left", size: float = 16.0) -> ParagraphStyle:
    """A paragraph style of the documents' (textflow.cell_style: no indent, no space after)."""
    return tf.cell_style(size, align)


def grid(rows: list[list[str]], widths: list[float], header_rows: int = 1) -> GridTable:
    """A table set as the documents set theirs (GridTable, textflow's cell styles), its
    columns `widths` points wide in the frame of build()."""

    def row(texts: list[str], header: bool) -> GRow:
        st = tf.cell_style(tf.TABLE_SIZE, "center" if header else "left", header)
        return GRow([GCell([tf.para(t, st)]) for t in texts], "header" if header else "body")

    return GridTable(
        [w / FRAME for w in widths],
        [row(r, True) for r in rows[:header_rows]],
        [row(r, False) for r in rows[header_rows:]],
        line_height=tf.TABLE_SIZE * 1.4,
    )


def build(path: Path, story: list[Flowable], width: float = FRAME) -> Path:
    """Build `story` into one frame of the given width at x = LEFT."""
    doc = BaseDocTemplate(str(path), pagesize=A4, **embedded_start())
    frame = Frame(
        LEFT,
        BOTTOM,
        width,
        A4[1] - 2 * BOTTOM,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
    )
    doc.addPageTemplates([PageTemplate(frames=[frame])])
    doc.build(story)
    return path


def lines_of(path: Path) -> list[list[dict]]:
    """Characters in drawing order, cut into lines where the baseline moves."""
    lines: list[list[dict]] = []
    with pdfplumber.open(str(path)) as pdf:
        for page in pdf.pages:
            for c in page.chars:
                if lines and abs(c["bottom"] - lines[-1][0]["bottom"]) < 0.4 * c["size"]:
                    lines[-1].append(c)
                else:
                    lines.append([c])
    return lines


def text_of(line: list[dict]) -> str:
    return "".join(c["text"] for c in line)


# ---- fonts -----------------------------------------------------------------------------
def test_register_fonts_is_idempotent_and_makes_a_family() -> None:
    assert register_fonts() == register_fonts() == "Sarabun"
    for name in ("Sarabun", "Sarabun-Bold", "Sarabun-Italic", "Sarabun-BoldItalic"):
        assert isinstance(pdfmetrics.getFont(name), ThaiTTFont)
    assert tt2ps("Sarabun", 1, 0) == "Sarabun-Bold"
    assert tt2ps("Sarabun", 1, 1) == "Sarabun-BoldItalic"


def test_every_font_is_embedded_as_a_subset(tmp_path: Path) -> None:
    pdf = build(
        tmp_path / "fonts.pdf",
        [
            ThaiParagraph("ปกติ <b>ตัวหนา</b> <i>ตัวเอียง</i> <b><i>หนาเอียง</i></b>", style()),
            grid([["หัวข้อ", "คะแนน"], ["การมีส่วนร่วม", "95.50"]], [200, 80]),
        ],
    )
    fonts = pdffonts(pdf)
    assert len(fonts) == 4
    for font in fonts:
        assert font.embedded and font.subset, font
        assert "Sarabun" in font.name


# ---- extraction ------------------------------------------------------------------------
def test_paragraph_text_round_trips_through_pdftotext(tmp_path: Path) -> None:
    text = WORDS + " ฝั่ง ปี่ ป่า ปั้น ฤๅษี ก็ office & <tag>"
    pdf = build(tmp_path / "words.pdf", [thai_paragraph(text, style())])
    out = pdftotext(pdf)
    assert " ".join(out.split()) == text
    assert not BAD.search(out)
    assert_clean(read_back(pdf, [WORDS]))


def test_wrapped_justified_thai_round_trips(tmp_path: Path) -> None:
    pdf = build(tmp_path / "long.pdf", [thai_paragraph(LONG_THAI, style("justify"))], 300)
    out = pdftotext(pdf)
    assert squash(out) == squash(LONG_THAI)
    assert not BAD.search(out)
    with pdfplumber.open(str(pdf)) as doc:  # copy-paste by glyph (ToUnicode only)
        chars = "".join(c["text"] for p in doc.pages for c in p.chars)
    assert squash(chars) == squash(LONG_THAI)
    assert_clean(read_back(pdf, SENTENCES[:3]))


def test_draw_text_is_shaped_extractable_and_aligned(tmp_path: Path) -> None:
    path = tmp_path / "canvas.pdf"
    c = Canvas(str(path), pagesize=A4, **embedded_start())
    w = draw_text(c, 100, 700, WORDS, size=14)
    draw_text(c, 300, 650, "หน้า 3 จาก 12", size=12, align="center")
    draw_text(c, 500, 600, "ซึ่งน้ำ", font="Sarabun-Bold", size=12, align="right")
    c.save()
    out = pdftotext(path)
    assert [" ".join(line.split()) for line in out.split("\n") if line.strip()] == [
        WORDS,
        "หน้า 3 จาก 12",
        "ซึ่งน้ำ",
    ]
    assert w == pytest.approx(tf.width(WORDS, 14))
    lines = lines_of(path)
    assert max(ch["x1"] for ch in lines[0]) == pytest.approx(100 + w, abs=0.5)
    right = lines[2]
    assert max(ch["x1"] for ch in right) == pytest.approx(500, abs=0.5)
    assert all("Bold" in ch["fontname"] for ch in right)


# ---- shaping ---------------------------------------------------------------------------
TONE_NAMES = ("0E48", "0E49", "0E4A", "0E4B")


def _origins(sh: Shaped, font: ThaiTTFont) -> list[float]:
    at, out = 0.0, []
    for i, ch in enumerate(sh.chars):
        out.append(at + sh.pre[i])
        at = out[-1] + font.glyph_width(ch) + sh.post[i]
    return out


def _subset(sh: Shaped, font: ThaiTTFont, keep: list[int]) -> Shaped:
    """Some glyphs of a shaped run, each at its shaped position."""
    org = _origins(sh, font)
    chars, pre, at = [], [], 0.0
    for i in keep:
        chars.append(sh.chars[i])
        pre.append(org[i] - at)
        at = org[i] + font.glyph_width(sh.chars[i])
    return Shaped(
        f"{sh.text}{keep}",
        sh.font_name,
        "".join(chars),
        pre,
        [0.0] * len(keep),
        [sh.yoff[i] for i in keep],
        [0] * len(keep),
        sh.width,
    )


def _ink_overlap(path: Path, tmp_path: Path) -> list[int]:
    """Dark pixels shared by pages (1, 2), (3, 4), ... of a PDF rendered at 300 dpi."""
    run_tool("pdftoppm", "-r", "300", "-gray", "-png", path, tmp_path / "p")
    pages = [
        Image.open(p).point(lambda v: 255 if v < 128 else 0)
        for p in sorted(tmp_path.glob("p-*.png"))
    ]
    return [ImageChops.multiply(a, b).histogram()[255] for a, b in zip(pages[::2], pages[1::2])]


def test_tone_marks_do_not_collide(tmp_path: Path) -> None:
    """Every tone mark, drawn alone at its shaped position, shares no ink with the rest of its
    word; the same marks unshaped (plain drawString) do collide, so the test can see it."""
    words = ["ที่", "ปู่", "ฟ้า", "น้ำ", "ญี่ปุ่น", "ป่า", "ปี่", "ฝั่ง", "ซึ่ง", "ปั้น", "ฟื้น"]
    font = get_thai_font("Sarabun")
    fmt = Fmt("Sarabun", 48.0)
    shaped_pdf = tmp_path / "shaped.pdf"
    c = Canvas(str(shaped_pdf), pagesize=(300, 150), **embedded_start())
    cases = 0
    for word in words:
        sh = shape(word, "Sarabun")
        names = [font.hb_font.glyph_to_string(font.face.charToGlyph[ord(ch)]) for ch in sh.chars]
        assert all(font.face.charToGlyph[ord(ch)] != 0 for ch in sh.chars), word  # no tofu
        for k, name in enumerate(names):
            if any(t in name for t in TONE_NAMES):
                for keep in ([i for i in range(len(names)) if i != k], [k]):
                    draw_boxes(c, 30, 50, [Box(word, fmt, _subset(sh, font, keep))], [0.0])
                    c.showPage()
                cases += 1
    c.save()
    assert cases == 12
    assert _ink_overlap(shaped_pdf, tmp_path) == [0] * cases

    plain_pdf = tmp_path / "plain.pdf"
    c = Canvas(str(plain_pdf), pagesize=(300, 150), **embedded_start())
    for word in ("ที่", "ปู่", "ซึ่ง"):
        tone = next(i for i, ch in enumerate(word) if "\u0e48" <= ch <= "\u0e4b")
        c.setFont("Sarabun", 48)
        c.drawString(30, 50, word[:tone] + word[tone + 1 :])
        c.showPage()
        c.setFont("Sarabun", 48)
        c.drawString(30 + pdfmetrics.stringWidth(word[:tone], "Sarabun", 48), 50, word[tone])
        c.showPage()
    c.save()
    (tmp_path / "plain").mkdir()
    assert all(n > 50 for n in _ink_overlap(plain_pdf, tmp_path / "plain"))


# ---- line breaking ---------------------------------------------------------------------
@pytest.mark.parametrize("align", ["left", "justify"])
def test_lines_end_only_at_word_boundaries(tmp_path: Path, align: str) -> None:
    """...or between the dictionary parts of a compound word (sub_words)."""
    pdf = build(tmp_path / "narrow.pdf", [thai_paragraph(LONG_THAI, style(align, 14))], 150)
    lines = lines_of(pdf)
    assert len(lines) > 20
    words = word_ends(LONG_THAI)
    ends = line_ends(LONG_THAI, [text_of(line) for line in lines])
    assert [e for e in ends if e not in words] == []
    right = LEFT + 150
    assert max(c["x1"] for line in lines for c in line) <= right + 0.5
    assert_clean(read_back(pdf))


def test_long_url_breaks_after_punctuation_and_stays_in_the_frame(tmp_path: Path) -> None:
    url = "https://www.example.go.th/ita/2567/report-detail/section-12/item?id=12345&lang=th"
    text = f"ดูรายละเอียดที่ {url} ได้ตลอดเวลา"
    pdf = build(tmp_path / "url.pdf", [thai_paragraph(text, style(size=14))], 150)
    lines = lines_of(pdf)
    assert max(c["x1"] for line in lines for c in line) <= LEFT + 150 + 0.5
    assert min(c["x0"] for line in lines for c in line) >= LEFT - 0.5
    texts = [text_of(line) for line in lines]
    line_ends(text, texts)
    url_lines = [t for t in texts if t.strip() and t.strip() in url]
    assert len(url_lines) >= 3
    for this, nxt in itertools.pairwise(url_lines):  # URL style: after / : = &, before . - ?
        assert this[-1] in "/:=&" or nxt[0] in ".-_?", texts
    assert url in squash(pdftotext(pdf))


def test_5000_character_paragraph(tmp_path: Path) -> None:
    text = (LONG_THAI * 6)[:5000]
    pdf = build(tmp_path / "5000.pdf", [thai_paragraph(text, style("justify"))])
    out = pdftotext(pdf)
    assert squash(out) == squash(text)
    with pdfplumber.open(str(pdf)) as doc:
        assert len(doc.pages) >= 3
    assert_clean(read_back(pdf))


# ---- justification ---------------------------------------------------------------------
def test_justified_lines_span_the_full_width(tmp_path: Path) -> None:
    width = 300.0
    pdf = build(tmp_path / "just.pdf", [thai_paragraph(LONG_THAI, style("justify"))], width)
    lines = lines_of(pdf)
    assert len(lines) > 8
    for line in lines[:-1]:
        first = min(line, key=lambda c: c["x0"])  # moved right by the ink it has left of it
        lead = shape(first["text"], "Sarabun").lead * 16 / 1000.0
        assert first["x0"] == pytest.approx(LEFT + lead, abs=0.5)
        assert max(c["x1"] for c in line) == pytest.approx(LEFT + width, abs=1.0), text_of(line)
    last = lines[-1]  # set at its natural width, not stretched
    natural = tf.width(text_of(last).strip(), 16)
    span = max(c["x1"] for c in last) - min(c["x0"] for c in last)
    assert span == pytest.approx(natural, abs=0.5)

    ragged = build(tmp_path / "left.pdf", [thai_paragraph(LONG_THAI, style())], width)
    short = [ln for ln in lines_of(ragged)[:-1] if max(c["x1"] for c in ln) < LEFT + width - 3]
    assert len(short) > 3  # the same text set flush left is visibly ragged


# ---- markup ----------------------------------------------------------------------------
def test_bold_markup_and_escaped_user_text(tmp_path: Path) -> None:
    user = "A&B <x> ที่"
    pdf = build(
        tmp_path / "markup.pdf",
        [
            ThaiParagraph("ข้อความ <b>ตัวหนาซึ่งน้ำ</b> ปกติ " + escape(user), style()),
            thai_paragraph("<b>ไม่หนา</b> & ไม่ใช่แท็ก", style()),
        ],
    )
    lines = [" ".join(t.split()) for t in pdftotext(pdf).splitlines() if t.strip()]
    assert lines == ["ข้อความ ตัวหนาซึ่งน้ำ ปกติ A&B <x> ที่", "<b>ไม่หนา</b> & ไม่ใช่แท็ก"]
    first = lines_of(pdf)[0]
    bold = "".join(c["text"] for c in first if "Bold" in c["fontname"])
    assert bold == "ตัวหนาซึ่งน้ำ"
    assert not any("Bold" in c["fontname"] for c in lines_of(pdf)[1])


def test_table_cells_wrap_shaped_thai(tmp_path: Path) -> None:
    cell = "การเปิดเผยข้อมูลสาธารณะซึ่งมีส่วนร่วมของประชาชนที่ญี่ปุ่นน้ำใจดี"
    pdf = build(
        tmp_path / "table.pdf",
        [grid([["ตัวชี้วัด", "คะแนน"], [cell, "95.50"]], [150, 60])],
    )
    out = pdftotext(pdf)
    assert cell in squash(out) and "95.50" in out and not BAD.search(out)
    lines = lines_of(pdf)
    assert max(c["x1"] for line in lines for c in line) <= LEFT + 210  # in its columns
    assert_clean(read_back(pdf, [cell]))


def test_narrow_table_cells_read_without_cut_words(tmp_path: Path) -> None:
    """The checker reads the compound phrases in cells of many widths (from where their
    longest word, มาตรการป้องกัน, fits a line): no line end cuts a word or a cluster."""
    story: list[Flowable] = [
        grid([[text] for text, _ in COMPOUND_JUNCTIONS], [w], header_rows=0)
        for w in range(110, 240, 13)
    ]
    report = read_back(build(tmp_path / "cells.pdf", story))
    assert report.line_joins > 50
    assert_clean(report)


@pytest.mark.parametrize("align", ["justify", "left"])
def test_a_line_starting_with_a_glyph_that_reaches_back_stays_inside(
    tmp_path: Path, align: str
) -> None:
    """ใ, ไ and โ reach about 0.06 em left of their origin (Shaped.lead): a line starting
    with one is moved right by that much, so no ink crosses the frame's left edge (the demo's
    "ในรอบ ๑๒ เดือน" crossed the margin by 1 pt)."""
    register_fonts()
    assert shape("ในรอบ", "Sarabun").lead > 40 and shape("การ", "Sarabun").lead == 0
    text = " ".join(["ในรอบ ๑๒ เดือน ไม่มี โดยมีผลการดำเนินการ ใช้งบประมาณ"] * 12)
    pdf = build(tmp_path / "lead.pdf", [thai_paragraph(text, style(align))])
    run_tool("pdftoppm", "-r", 288, "-gray", "-f", 1, "-l", 1, pdf, tmp_path / "lead")
    (image,) = tmp_path.glob("lead-*.pgm")
    ink = np.asarray(Image.open(image)) < 160
    left_px = int(LEFT * 288 / 72)
    assert ink.any() and not ink[:, : left_px - 1].any()  # a pixel of anti-aliasing
    starts = [line[0]["text"] for line in lines_of(pdf)]
    assert sum(c in "ใไโ" for c in starts) >= 2  # lines did start with such glyphs
