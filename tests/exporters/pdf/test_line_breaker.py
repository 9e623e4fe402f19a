"""The Thai line breaker on its own (linebreak.py, no PDF): lines end between words or the
dictionary parts of a compound, compounds are kept where the lines stay full, and nothing is
lost however narrow the line."""

from __future__ import annotations

import itertools
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as hst

from ita_desktop.documents.text import NBSP, no_break
from ita_desktop.exporters.pdf import linebreak
from ita_desktop.exporters.pdf import textflow as tf
from ita_desktop.exporters.pdf.flowables import ThaiParagraph
from ita_desktop.exporters.pdf.fonts import register_fonts
from ita_desktop.exporters.pdf.justify import capacity
from ita_desktop.exporters.pdf.linebreak import Line, Unit, break_lines, build_units, sub_words
from ita_desktop.exporters.pdf.render import Fmt
from ita_desktop.exporters.pdf.totalfit import SHRINK, best_breaks
from ita_desktop.thai.segmentation import split_words


def squash(text: str) -> str:
    """`text` without white space."""
    return re.sub(r"\s+", "", text)


def word_ends(text: str) -> set[int]:
    """Where a line may end inside `text`: between the segmenter's words and between the
    dictionary parts of a compound word (linebreak.sub_words)."""
    out: set[int] = set()
    pos = 0
    for word in split_words(text):
        out.update(pos + c for c in sub_words(word))
        pos += len(word)
        out.add(pos)
    return out


def fits(line: Line, width: float, ragged: bool) -> bool:
    """Is the line no wider than `width`: naturally, or (a justified line that is not the
    last) once its gaps close by at most SHRINK of their stretch?"""
    room = 0.0 if ragged or line.hard else SHRINK * capacity(line.boxes)
    return line.width <= width + room + 0.01


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
        assert fits(ln, width, ragged=False) or len(ln.boxes) == 1


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
    """The lines of `text` broken for `width` points, none wider."""
    register_fonts()
    lines = break_lines(build_units([(text, Fmt("Sarabun", size))]), width, width, ragged=ragged)
    for ln in lines:
        assert fits(ln, width, ragged), ("a line overflows", text, width)
    return ["".join(b.text for b in ln.boxes) for ln in lines if ln.boxes]


def test_sub_words_divide_compounds_into_dictionary_words() -> None:
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
        if tf.width(left + right, 14) <= width:
            assert not set(ends) & set(at), (width, lines)
        assert set(ends) <= word_ends(text), (width, lines)


def looseness(text: str, width: float, size: float = 14.0) -> float:
    """How far a justified line of `text` must open its gaps to fill `width`: the share of
    their caps (justify.py) it takes."""
    boxes = [b for u in build_units([(text, Fmt("Sarabun", size))]) for b in u.boxes]
    return (width - sum(b.width for b in boxes)) / capacity(boxes)


@pytest.mark.parametrize(("text", "junction"), COMPOUND_JUNCTIONS, ids=JUNCTION_IDS)
def test_justified_lines_keep_compounds_while_the_lines_stay_full(text: str, junction: str) -> None:
    """Justified text cuts a compound only where ending the line before it would leave that
    line loose: its gaps opened by more than half their caps (or the line ragged)."""
    left, right = junction.split("|")
    at = {m.start() + len(left) for m in re.finditer(left + right, text)}
    cuts = 0
    for width in range(120, 330, 3):
        lines = lay_out(text, width, ragged=False)
        for line, end in zip(lines, line_ends(text, lines)[:-1]):
            if end in at:
                cuts += 1
                shorter = line[: -len(left)].rstrip()
                assert looseness(shorter, width) > 0.5, (width, lines)
    assert cuts < 70 / 4, cuts  # most widths keep the compound whole


def test_ragged_lines_cut_a_phrase_too_long_for_a_line_between_its_parts() -> None:
    """At 90 pt ผู้มีส่วนได้ส่วนเสีย does not fit: it is cut once, between dictionary words
    (ผู้มีส่วน|ได้ส่วนเสีย), not where the two lines would read as one cut word (มี|ส่วน)."""
    text = COMPOUND_JUNCTIONS[1][0]
    lines = lay_out(text, 90, ragged=True)
    pairs = list(itertools.pairwise(lines))
    assert any(a.endswith("ผู้มีส่วน") and b.startswith("ได้ส่วนเสีย") for a, b in pairs), lines
    assert not any(a.endswith("มี") and b.startswith("ส่วน") for a, b in pairs), lines


def test_a_long_dictionary_compound_does_not_leave_a_short_justified_line() -> None:
    """The NACC's name (one dictionary word) breaks between its parts instead of leaving the
    line before it short (ragged) or stretched."""
    text = (
        f"หน่วยงานได้รับการประเมินโดย{NACC} ซึ่งเป็นหน่วยงานที่ดูแลการประเมินคุณธรรม"
        f"และความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ และรายงานผลต่อ{NACC}ทุกปี"
    )
    lines = lay_out(text, 453, ragged=False, size=16)  # A4 body text
    fills = [tf.width(ln, 16) / 453 for ln in lines[:-1]]
    assert min(fills) > 0.85, (fills, lines)
    names = [(m.start(), m.end()) for m in re.finditer(NACC, text)]
    assert any(a < end < b for end in line_ends(text, lines) for a, b in names), lines
    for width in range(200, 470, 10):
        lines = lay_out(text, width, ragged=False, size=16)
        assert set(line_ends(text, lines)[:-1]) <= word_ends(text), (width, lines)
        assert all(tf.width(ln, 16) >= 0.6 * width for ln in lines[:-1]), (width, lines)


def test_an_over_long_compound_breaks_between_its_words_not_its_clusters() -> None:
    """In a cell narrower than the NACC's name, the name breaks between its dictionary
    parts (the old breaker cut it between character clusters: ปราบปรามการทุจ|ริต)."""
    for width in (90, 120, 150, 200):
        lines = lay_out(NACC, width, ragged=True)
        assert len(lines) > 1
        assert set(line_ends(NACC, lines)[:-1]) <= word_ends(NACC), (width, lines)


@pytest.mark.parametrize("width", [1.0, 4.0, 9.0, 20.0])
def test_lines_narrower_than_a_cluster_still_hold_all_the_text(width: float) -> None:
    """Nothing can fit: every cluster (or URL character) gets a line of its own, nothing is
    lost and the breaker ends."""
    for text in ("ญี่ปุ่นน้ำใจดี ที่ซึ่ง", "www.example.go.th/a-b?c=d", NACC):
        for ragged in (False, True):
            assert squash("".join(lay_out_any(text, width, ragged))) == squash(text)


def lay_out_any(text: str, width: float, ragged: bool) -> list[str]:
    """The lines of `text` broken for `width` points, however narrow (none left out)."""
    register_fonts()
    lines = break_lines(build_units([(text, Fmt("Sarabun", 14.0))]), width, width, ragged=ragged)
    return ["".join(b.text for b in ln.boxes) for ln in lines]


@pytest.mark.parametrize("width", [50.0, 70.0, 90.0, 100.0])
def test_a_no_break_join_wider_than_the_line_gives_way_at_its_joins(width: float) -> None:
    """ "มกราคม ๒๕๖๕ –" is one no-break join (documents.text.no_break); in a period column
    narrower than it, it breaks at its joins, where a space stood, before any word is cut,
    and no line starts or ends with a drawn no-break space (it used to: "มกราคม␣" then
    "␣– กันยายน")."""
    text = no_break("มกราคม ๒๕๖๕ – กันยายน ๒๕๖๕")
    assert NBSP in text
    lines = lay_out_any(text, width, ragged=True)
    assert squash("".join(lines)) == squash(text)
    words = {"มกราคม", "๒๕๖๕", "–", "กันยายน"}
    for line in lines:
        assert line == line.strip(" " + NBSP), lines
        assert all(p in words for p in re.split(r"[\s\u00a0]+", line)), lines  # no word cut
    assert len(lines) <= 4, lines  # a join opened is still a space, not a cut


@settings(max_examples=60, deadline=None)
@given(
    hst.lists(hst.sampled_from(VOCAB), min_size=1, max_size=12),
    hst.floats(min_value=1.0, max_value=1.6),
    hst.booleans(),
)
def test_a_paragraph_that_fits_one_line_is_laid_out_as_the_search_would(
    parts: list[str], slack: float, ragged: bool
) -> None:
    """A paragraph no wider than its first line skips the total-fit search (most table
    cells); the search, asked all the same, ends its one line at the paragraph's end."""
    register_fonts()
    text = re.sub(r"\s+", " ", "".join(parts)).strip()
    if not text:
        return
    items = build_units([(text, Fmt("Sarabun", 14.0))])
    para = linebreak._paragraph([u for u in items if isinstance(u, Unit)])
    width = para.places[-1].end_x * slack  # the natural width, and some room
    fast = break_lines(items, width, width, ragged=ragged)
    ends = best_breaks(para.places, width, width, ragged, para.least, para.exact)
    assert ends == [len(para.places) - 1]
    assert drawn(fast) == drawn([linebreak._make_line(para.line(0, ends[0]), True)])


def drawn(lines: list[Line]) -> list[tuple[list[tuple[str, float]], float, bool]]:
    """What the lines draw: each box's text and width, the line's width, whether hard."""
    return [([(b.text, b.width) for b in ln.boxes], ln.width, ln.hard) for ln in lines]


def test_paragraphs_of_the_same_text_and_style_share_their_units() -> None:
    """The same cell text in many rows is segmented and shaped once; the units are shared,
    never changed, and each paragraph still lays them out at its own width."""
    register_fonts()
    style, other = tf.styles()["plain"], tf.styles()["note"]
    text = "หน่วยงานผู้รับผิดชอบ: กองยุทธศาสตร์และงบประมาณ สำนักปลัดเทศบาล"
    first, second = ThaiParagraph(text, style), ThaiParagraph(text, style)
    assert all(a is b for a, b in zip(first.items, second.items, strict=True))
    assert ThaiParagraph(text, other).items[0] is not first.items[0]
    before = [(u.text, u.width, u.joined) for u in first.items if isinstance(u, Unit)]
    narrow, wide = first.wrap(120.0, 1e6)[1], second.wrap(400.0, 1e6)[1]
    assert narrow > wide
    assert first.split(120.0, narrow / 2)  # a split makes parts of its own
    after = [(u.text, u.width, u.joined) for u in second.items if isinstance(u, Unit)]
    assert after == before


@pytest.mark.parametrize("width", [60.0, 80.0, 100.0, 120.0, 140.0, 170.0, 200.0, 240.0])
def test_abbreviations_and_thai_decimals_never_end_a_line_at_their_dots(width: float) -> None:
    """ "มี.ค." is no "มี." and "ค." (nabon's Part 2 heading broke it there), nor "ป.ป.ช.",
    "๓.๑" or "พ.ศ."."""
    text = "รอบ ๖ เดือน (ต.ค. ๒๕๖๔ – มี.ค. ๒๕๖๕) ตามมาตรการของสำนักงาน ป.ป.ช. ข้อ ๓.๑๒"
    for ragged in (True, False):
        lines = lay_out(text, width, ragged)
        assert squash("".join(lines)) == squash(text)
        for line in lines[:-1]:
            end = line.rstrip()
            assert not re.search(r"[\u0e00-\u0e7f]\.$", end) or end.endswith(
                ("ต.ค.", "มี.ค.", "ป.ป.ช.")
            ), (width, lines)


@pytest.mark.parametrize("width", [70.0, 90.0, 110.0, 130.0, 150.0, 180.0, 210.0, 250.0])
def test_the_documents_terms_are_never_broken_inside(width: float) -> None:
    """ "ตัวชี้วัด" and a level's name ("ผ่านดีเยี่ยม") end no line inside them, whether the
    segmenter reads them as one word or as "รายตัว|ชี้วัด" (Nakhon Phanom's "รายตัว / ชี้วัด",
    "ผ่าน / ดีเยี่ยม")."""
    text = (
        "ผลการประเมินรายตัวชี้วัดของหน่วยงานอยู่ในระดับผ่านดีเยี่ยม เมื่อเทียบกับตัวชี้วัดที่ต้องพัฒนาในปีก่อนซึ่งอยู่ในระดับผ่านดี"
    )
    terms = list(linebreak.TERMS.finditer(squash(text)))
    assert len(terms) == 4
    for ragged in (True, False):
        lines = lay_out(text, width, ragged)
        assert squash("".join(lines)) == squash(text)
        end = 0
        for line in lines[:-1]:
            end += len(squash(line))
            assert not [m for m in terms if m.start() < end < m.end()], (width, ragged, lines)
