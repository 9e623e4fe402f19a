"""Thai typography in PDF output, checked by reading the PDFs back (pdftotext, pdffonts,
pdfplumber, pdftoppm) rather than by trusting the layout code."""

from __future__ import annotations

import itertools
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pdfplumber
import pytest
from hypothesis import given, settings
from hypothesis import strategies as hst
from PIL import Image, ImageChops
from reportlab.lib.fonts import tt2ps
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate

from ita_desktop.exporters.pdf.fonts import ThaiTTFont, get_thai_font
from ita_desktop.exporters.pdf.render import Box, Fmt, draw_boxes
from ita_desktop.exporters.pdf.shaping import Shaped
from ita_desktop.exporters.pdf.thai_text import (
    ThaiParagraph,
    canvas_kwargs,
    draw_text,
    escape,
    make_styles,
    register_fonts,
    shape,
    text_width,
    thai_paragraph,
    thai_table,
)
from ita_desktop.thai.segmentation import split_words

pytestmark = pytest.mark.skipif(not shutil.which("pdftotext"), reason="needs poppler-utils")

CHECKER = Path(__file__).resolve().parents[3].parent / "shared" / "tools" / "pdf_thai_check.py"
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


def build(path: Path, story: list, width: float = A4[0] - 2 * LEFT) -> Path:
    """Build `story` into one frame of the given width at x = LEFT."""
    doc = BaseDocTemplate(str(path), pagesize=A4, **canvas_kwargs())
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


def pdftotext(path: Path) -> str:
    return subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(path), "-"], check=True, capture_output=True, text=True
    ).stdout


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


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


def cuts(tokens: list[str]) -> set[int]:
    out, pos = set(), 0
    for t in tokens:
        pos += len(t)
        out.add(pos)
    return out


def word_ends(text: str) -> set[int]:
    """Where a line may end inside `text`: between the segmenter's words and between the
    dictionary parts of a compound word (linebreak.sub_words)."""
    from ita_desktop.exporters.pdf.linebreak import sub_words

    out, pos = set(), 0
    for word in split_words(text):
        out.update(pos + c for c in sub_words(word))
        pos += len(word)
        out.add(pos)
    return out


def line_ends(source: str, lines: list[str]) -> list[int]:
    """Offsets in `source` where each extracted line ends (spaces at breaks are dropped)."""
    pos, ends = 0, []
    for text in lines:
        while source[pos].isspace():
            pos += 1
        assert source.startswith(text, pos), (source[pos : pos + 40], text)
        pos += len(text)
        ends.append(pos)
    assert source[pos:].strip() == ""
    return ends


def run_checker(path: Path, *phrases: str) -> dict:
    if not CHECKER.exists():
        pytest.skip("shared pdf_thai_check.py not available")
    out = subprocess.run(
        [sys.executable, str(CHECKER), str(path), *phrases],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return json.loads(out)


def assert_clean(report: dict) -> None:
    for key in ("fonts_not_embedded", "garbled_chars", "cluster_breaks", "word_breaks"):
        assert report[key] == 0, report
    assert report["phrases_missing"] == [], report


# ---- fonts -----------------------------------------------------------------------------
def test_register_fonts_is_idempotent_and_makes_a_family() -> None:
    assert register_fonts() == register_fonts() == "Sarabun"
    for name in ("Sarabun", "Sarabun-Bold", "Sarabun-Italic", "Sarabun-BoldItalic"):
        assert isinstance(pdfmetrics.getFont(name), ThaiTTFont)
    assert tt2ps("Sarabun", 1, 0) == "Sarabun-Bold"
    assert tt2ps("Sarabun", 1, 1) == "Sarabun-BoldItalic"


def test_every_font_is_embedded_as_a_subset(tmp_path: Path) -> None:
    st = make_styles()
    pdf = build(
        tmp_path / "fonts.pdf",
        [
            ThaiParagraph("ปกติ <b>ตัวหนา</b> <i>ตัวเอียง</i> <b><i>หนาเอียง</i></b>", st["body"]),
            thai_table([["หัวข้อ", "คะแนน"], ["การมีส่วนร่วม", "95.50"]], col_widths=[200, 80]),
        ],
    )
    rows = subprocess.run(
        ["pdffonts", str(pdf)], check=True, capture_output=True, text=True
    ).stdout.splitlines()[2:]
    assert len(rows) == 4
    for row in rows:
        emb, sub = row.split()[-5:-3]
        assert (emb, sub) == ("yes", "yes"), row
        assert "Sarabun" in row


# ---- extraction ------------------------------------------------------------------------
def test_paragraph_text_round_trips_through_pdftotext(tmp_path: Path) -> None:
    text = WORDS + " ฝั่ง ปี่ ป่า ปั้น ฤๅษี ก็ office & <tag>"
    pdf = build(tmp_path / "words.pdf", [thai_paragraph(text, make_styles()["body"])])
    out = pdftotext(pdf)
    assert " ".join(out.split()) == text
    assert not BAD.search(out)
    assert_clean(run_checker(pdf, WORDS))


def test_wrapped_justified_thai_round_trips(tmp_path: Path) -> None:
    st = make_styles()
    pdf = build(tmp_path / "long.pdf", [thai_paragraph(LONG_THAI, st["body_justified"])], 300)
    out = pdftotext(pdf)
    assert squash(out) == squash(LONG_THAI)
    assert not BAD.search(out)
    with pdfplumber.open(str(pdf)) as doc:  # copy-paste by glyph (ToUnicode only)
        chars = "".join(c["text"] for p in doc.pages for c in p.chars)
    assert squash(chars) == squash(LONG_THAI)
    assert_clean(run_checker(pdf, *SENTENCES[:3]))


def test_draw_text_is_shaped_extractable_and_aligned(tmp_path: Path) -> None:
    path = tmp_path / "canvas.pdf"
    c = Canvas(str(path), pagesize=A4, **canvas_kwargs())
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
    assert w == pytest.approx(text_width(WORDS, "Sarabun", 14))
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
    subprocess.run(
        ["pdftoppm", "-r", "300", "-gray", "-png", str(path), str(tmp_path / "p")], check=True
    )
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
    c = Canvas(str(shaped_pdf), pagesize=(300, 150), **canvas_kwargs())
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
    c = Canvas(str(plain_pdf), pagesize=(300, 150), **canvas_kwargs())
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
@pytest.mark.parametrize("style", ["body", "body_justified"])
def test_lines_end_only_at_word_boundaries(tmp_path: Path, style: str) -> None:
    """...or between the dictionary parts of a compound word (sub_words)."""
    pdf = build(tmp_path / "narrow.pdf", [thai_paragraph(LONG_THAI, make_styles(14)[style])], 150)
    lines = lines_of(pdf)
    assert len(lines) > 20
    words = word_ends(LONG_THAI)
    ends = line_ends(LONG_THAI, [text_of(line) for line in lines])
    assert [e for e in ends if e not in words] == []
    right = LEFT + 150
    assert max(c["x1"] for line in lines for c in line) <= right + 0.5
    assert_clean(run_checker(pdf))


def test_long_url_breaks_after_punctuation_and_stays_in_the_frame(tmp_path: Path) -> None:
    url = "https://www.example.go.th/ita/2567/report-detail/section-12/item?id=12345&lang=th"
    text = f"ดูรายละเอียดที่ {url} ได้ตลอดเวลา"
    pdf = build(tmp_path / "url.pdf", [thai_paragraph(text, make_styles(14)["body"])], 150)
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
    pdf = build(tmp_path / "5000.pdf", [thai_paragraph(text, make_styles()["body_justified"])])
    out = pdftotext(pdf)
    assert squash(out) == squash(text)
    with pdfplumber.open(str(pdf)) as doc:
        assert len(doc.pages) >= 3
    assert_clean(run_checker(pdf))


# ---- justification ---------------------------------------------------------------------
def test_justified_lines_span_the_full_width(tmp_path: Path) -> None:
    width = 300.0
    st = make_styles()
    pdf = build(tmp_path / "just.pdf", [thai_paragraph(LONG_THAI, st["body_justified"])], width)
    lines = lines_of(pdf)
    assert len(lines) > 8
    for line in lines[:-1]:
        assert min(c["x0"] for c in line) == pytest.approx(LEFT, abs=0.5)
        assert max(c["x1"] for c in line) == pytest.approx(LEFT + width, abs=1.0), text_of(line)
    assert max(c["x1"] for c in lines[-1]) < LEFT + width - 20  # the last line stays short

    ragged = build(tmp_path / "left.pdf", [thai_paragraph(LONG_THAI, st["body"])], width)
    short = [ln for ln in lines_of(ragged)[:-1] if max(c["x1"] for c in ln) < LEFT + width - 3]
    assert len(short) > 3  # the same text set flush left is visibly ragged


# ---- markup ----------------------------------------------------------------------------
def test_bold_markup_and_escaped_user_text(tmp_path: Path) -> None:
    st = make_styles()
    user = "A&B <x> ที่"
    pdf = build(
        tmp_path / "markup.pdf",
        [
            ThaiParagraph("ข้อความ <b>ตัวหนาซึ่งน้ำ</b> ปกติ " + escape(user), st["body"]),
            thai_paragraph("<b>ไม่หนา</b> & ไม่ใช่แท็ก", st["body"]),
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
        [thai_table([["ตัวชี้วัด", "คะแนน"], [cell, "95.50"]], col_widths=[150, 60])],
    )
    out = pdftotext(pdf)
    assert cell in squash(out) and "95.50" in out and not BAD.search(out)
    assert_clean(run_checker(pdf, cell))


# ---- the line breaker on its own (fast, many cases) ------------------------------------
VOCAB = [
    "ที่",
    "ซึ่ง",
    "น้ำ",
    "ญี่ปุ่น",
    "กำหนด",
    "มีส่วนร่วม",
    "ประชาชน",
    "การ",
    "ต่างๆ",
    "หน่วยงาน",
    "ภาครัฐ",
    "(ITA)",
    "2567",
    "www.example.go.th/a-b?c=d",
    " ",
    " ",
    "  ",
]


@settings(max_examples=60, deadline=None)
@given(
    hst.lists(hst.sampled_from(VOCAB), min_size=1, max_size=60),
    hst.floats(min_value=40, max_value=400),
)
def test_breaks_fall_between_words_or_inside_overlong_units(parts: list[str], width: float) -> None:
    from ita_desktop.exporters.pdf.linebreak import Unit, break_lines, build_units

    register_fonts()
    text = re.sub(r"\s+", " ", "".join(parts)).strip()
    if not text:
        return
    items = build_units([(text, Fmt("Sarabun", 16.0))])
    units = [u for u in items if isinstance(u, Unit)]
    spans, pos = [], 0  # where each unit sits in `text`, and whether it may be cut inside
    for u in units:
        t = "".join(b.text for b in u.boxes)
        pos = text.index(t, pos)
        spans.append((pos, pos + len(t), u.width > width + 0.01))
        pos += len(t)
    lines = break_lines(items, width, width)
    ends = line_ends(text, ["".join(b.text for b in ln.boxes) for ln in lines if ln.boxes])
    allowed = word_ends(text)
    for end in ends[:-1]:
        inside_long = any(a < end < b and long for a, b, long in spans)
        assert end in allowed or inside_long, (text, end)
    for ln in lines:
        assert ln.width <= width + 0.01 or len(ln.boxes) == 1


# ---- the break choice: compounds, short lines, long dictionary words -------------------
NACC = "สำนักงานคณะกรรมการป้องกันและปราบปรามการทุจริตแห่งชาติ"
# (text, a junction between two of the segmenter's words that joins a dictionary compound)
COMPOUND_JUNCTIONS = [
    ("มาตรการป้องกันการขัดกันระหว่างผลประโยชน์ส่วนตนกับผลประโยชน์ส่วนรวม", "ผล|ประโยชน์"),
    ("ส่งเสริมให้ผู้มีส่วนได้ส่วนเสียมีส่วนร่วมในการดำเนินงานของหน่วยงาน", "ผู้มี|ส่วนได้ส่วนเสีย"),
    ("เจ้าหน้าที่ยึดมั่นในการปฏิบัติหน้าที่อย่างซื่อสัตย์สุจริตและเป็นธรรม", "การ|ปฏิบัติหน้าที่"),
    ("บุคลากรปฏิบัติตามกฎระเบียบและข้อบังคับของทางราชการอย่างเคร่งครัด", "กฎ|ระเบียบ"),
    ("ผู้บริหารกำหนดแนวทางการดำเนินงานของหน่วยงานให้ชัดเจนและโปร่งใส", "แนว|ทางการ"),
]
JUNCTION_IDS = [
    "phon-prayot",
    "phu-mi-suan-dai-suan-sia",
    "kan-patibat",
    "kot-rabiap",
    "naeo-thang",
]


def lay_out(text: str, width: float, ragged: bool, size: float = 14.0) -> list[str]:
    from ita_desktop.exporters.pdf.linebreak import break_lines, build_units

    register_fonts()
    lines = break_lines(build_units([(text, Fmt("Sarabun", size))]), width, width, ragged=ragged)
    for ln in lines:
        assert ln.width <= width + 0.01, ("a line overflows", text, width)
    return ["".join(b.text for b in ln.boxes) for ln in lines if ln.boxes]


def test_sub_words_divide_compounds_into_dictionary_words() -> None:
    from ita_desktop.exporters.pdf.linebreak import sub_words

    def parts(word: str) -> list[str]:
        cuts = [0, *sub_words(word), len(word)]
        return [word[a:b] for a, b in itertools.pairwise(cuts)]

    assert parts("ผลประโยชน์") == ["ผล", "ประโยชน์"]
    assert parts("ทางการ") == ["ทาง", "การ"]
    assert parts("กฎระเบียบ") == ["กฎ", "ระเบียบ"]
    assert parts("ปฏิบัติหน้าที่") == ["ปฏิบัติ", "หน้าที่"]
    assert parts(NACC) == [
        "สำนักงาน",
        "คณะ",
        "กรรมการ",
        "ป้องกัน",
        "และ",
        "ปราบปราม",
        "การ",
        "ทุจริต",
        "แห่งชาติ",
    ]
    assert sub_words("ITA-2567") == () and sub_words("ที่") == () and sub_words("ราชกx") == ()


@pytest.mark.parametrize(("text", "junction"), COMPOUND_JUNCTIONS, ids=JUNCTION_IDS)
def test_ragged_lines_end_before_a_compound_rather_than_inside_it(text: str, junction: str) -> None:
    """Left-aligned text (table cells) takes a shorter line rather than cut a compound,
    wherever the compound fits on a line of its own."""
    left, right = junction.split("|")
    at = [m.start() + len(left) for m in re.finditer(left + right, text)]
    assert at
    for width in range(70, 330, 3):
        lines = lay_out(text, width, ragged=True)
        ends = line_ends(text, lines)[:-1]
        if text_width(left + right, size=14) <= width:
            assert not set(ends) & set(at), (width, lines)
        assert set(ends) <= word_ends(text), (width, lines)


@pytest.mark.parametrize(("text", "junction"), COMPOUND_JUNCTIONS, ids=JUNCTION_IDS)
def test_justified_lines_keep_compounds_while_the_lines_stay_full(text: str, junction: str) -> None:
    """Justified text cuts a compound only where every other end leaves the line a fifth
    empty or worse (stretched too far, or ragged)."""
    left, right = junction.split("|")
    at = {m.start() + len(left) for m in re.finditer(left + right, text)}
    for width in range(120, 330, 3):
        lines = lay_out(text, width, ragged=False)
        for line, end in zip(lines, line_ends(text, lines)[:-1]):
            if end in at:
                shorter = line[: -len(left)].rstrip()
                assert text_width(shorter, size=14) < 0.8 * width, (width, lines)


def test_ragged_lines_cut_a_phrase_too_long_for_a_line_between_its_parts() -> None:
    """At 90 pt ผู้มีส่วนได้ส่วนเสีย does not fit: it is cut once, between dictionary words
    (ผู้มีส่วน|ได้ส่วนเสีย), not where the two lines would read as one cut word (มี|ส่วน)."""
    text = COMPOUND_JUNCTIONS[1][0]
    lines = lay_out(text, 90, ragged=True)
    assert "ผู้มีส่วน" in lines and "ได้ส่วนเสีย" in lines, lines


def test_a_long_dictionary_compound_does_not_leave_a_short_justified_line() -> None:
    """The NACC's name (one dictionary word) breaks between its parts instead of leaving the
    line before it short (ragged) or stretched."""
    text = (
        f"หน่วยงานได้รับการประเมินโดย{NACC} ซึ่งเป็นหน่วยงานที่ดูแลการประเมินคุณธรรม"
        f"และความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ และรายงานผลต่อ{NACC}ทุกปี"
    )
    lines = lay_out(text, 453, ragged=False, size=16)  # A4 body text
    fills = [text_width(ln, size=16) / 453 for ln in lines[:-1]]
    assert min(fills) > 0.85, (fills, lines)
    names = [(m.start(), m.end()) for m in re.finditer(NACC, text)]
    assert any(a < end < b for end in line_ends(text, lines) for a, b in names), lines
    for width in range(200, 470, 10):
        lines = lay_out(text, width, ragged=False, size=16)
        assert set(line_ends(text, lines)[:-1]) <= word_ends(text), (width, lines)
        assert all(text_width(ln, size=16) >= 0.6 * width for ln in lines[:-1]), (width, lines)


def test_an_over_long_compound_breaks_between_its_words_not_its_clusters() -> None:
    """In a cell narrower than the NACC's name, the name breaks between its dictionary
    parts (the old breaker cut it between character clusters: ปราบปรามการทุจ|ริต)."""
    for width in (90, 120, 150, 200):
        lines = lay_out(NACC, width, ragged=True)
        assert len(lines) > 1
        assert set(line_ends(NACC, lines)[:-1]) <= word_ends(NACC), (width, lines)


def test_narrow_table_cells_read_without_cut_words(tmp_path: Path) -> None:
    """The shared checker reads the compound phrases in cells of many widths (from where
    their longest word, มาตรการป้องกัน, fits a line): no line end cuts a word or a cluster."""
    story = [
        thai_table([[text] for text, _ in COMPOUND_JUNCTIONS], col_widths=[w], header_rows=0)
        for w in range(110, 240, 13)
    ]
    assert_clean(run_checker(build(tmp_path / "cells.pdf", story)))


@pytest.mark.parametrize("width", [1.0, 4.0, 9.0, 20.0])
def test_lines_narrower_than_a_cluster_still_hold_all_the_text(width: float) -> None:
    """Nothing can fit: every cluster (or URL character) gets a line of its own, nothing is
    lost and the breaker ends."""
    for text in ("ญี่ปุ่นน้ำใจดี ที่ซึ่ง", "www.example.go.th/a-b?c=d", NACC):
        for ragged in (False, True):
            assert squash("".join(lay_out_any(text, width, ragged))) == squash(text)


def lay_out_any(text: str, width: float, ragged: bool) -> list[str]:
    from ita_desktop.exporters.pdf.linebreak import break_lines, build_units

    register_fonts()
    lines = break_lines(build_units([(text, Fmt("Sarabun", 14.0))]), width, width, ragged=ragged)
    return ["".join(b.text for b in ln.boxes) for ln in lines]
