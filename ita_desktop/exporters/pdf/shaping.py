"""HarfBuzz shaping of Thai text into encodable glyph runs, cached per (text, font).

Public API:
    shape(text, font_name) -> Shaped
        Glyphs of `text` in one font, size independent (units: 1/1000 em). Cached.
    text_width(text, font_name, size) -> float
        Advance width in points of the shaped text.

A Shaped run carries one character per glyph (`chars`, ready for ReportLab's subset encoder:
either the real character or a private code from ThaiTTFont.glyph_char whose ToUnicode entry
gives back the source text), per-glyph positioning, and the source offset of every glyph.
Justification may add space after the glyphs listed in `Shaped.base_gaps`: where the next
glyph starts another base character (never between a base and its marks, never inside SARA
AM, which is drawn as one glyph).
"""

from __future__ import annotations

import re
import unicodedata

import uharfbuzz
from pythainlp.tokenize.tcc import tcc_pos

from ita_desktop.exporters.pdf.fonts import ThaiTTFont, get_thai_font

_SARA_AM, _NIKHAHIT, _SARA_AA = "\u0e33", "\u0e4d", "\u0e32"
_CACHE: dict[tuple[str, str], Shaped] = {}
_CACHE_LIMIT = 200_000
_MARKS = ("Mn", "Mc", "Me")
NO_BREAK_SPACES = "\u00a0\u202f\u2007"
GAP_LATIN, GAP_THAI, GAP_SPACE = 0, 1, 2  # kinds of base gap (Shaped.gap_kinds)
_SNAP = 4.0  # 1/1000 em: moving a glyph this little is invisible


class Shaped:
    """One shaped run. Positions are in 1/1000 em; multiply by size/1000 for points."""

    __slots__ = (
        "_gaps",
        "_kinds",
        "advances",
        "chars",
        "font_name",
        "has_y",
        "lead",
        "needs_span",
        "post",
        "pre",
        "starts",
        "text",
        "width",
        "yoff",
    )

    def __init__(
        self,
        text: str,
        font_name: str,
        chars: str,
        pre: list[float],
        post: list[float],
        yoff: list[float],
        starts: list[int],
        width: float,
        needs_span: bool = False,
        advances: list[float] | None = None,
        lead: float = 0.0,
    ) -> None:
        self.text = text
        self.font_name = font_name
        self.chars = chars  # one character per glyph, as ReportLab will encode it
        self.pre = pre  # move before glyph i (to its origin)
        self.post = post  # move after glyph i to reach the next pen position
        self.yoff = yoff  # vertical offset of glyph i
        self.starts = starts  # source index of the cluster glyph i belongs to
        self.width = width  # total advance
        self.advances = advances or [0.0] * len(chars)  # advance of glyph i
        self.has_y = any(yoff)
        # ink left of the run's origin (a glyph such as ใ or ไ reaching back past its own
        # start): a line starting with it is moved right by this much (flowables.py)
        self.lead = lead
        # zero-advance or raised glyphs confuse text extractors (poppler takes a mark followed
        # by a letter at the same x for duplicated text): such runs get an /ActualText span
        self.needs_span = needs_span or self.has_y
        self._gaps: tuple[int, ...] | None = None
        self._kinds: tuple[int, ...] = ()

    @property
    def base_gaps(self) -> tuple[int, ...]:
        """Glyph indexes after which justification may add space: the glyph ends a base
        character (with its marks) and the next glyph starts another, or a no-break space."""
        if self._gaps is None:
            self._gaps, self._kinds = _base_gaps(self.text, self.starts)
        return self._gaps

    @property
    def gap_kinds(self) -> tuple[int, ...]:
        """For each of base_gaps: GAP_THAI (a Thai character on either side), GAP_SPACE
        (before a no-break space) or GAP_LATIN."""
        if self._gaps is None:
            self._gaps, self._kinds = _base_gaps(self.text, self.starts)
        return self._kinds

    def cut(self, k: int) -> tuple[float, float, list[int], list[int]]:
        """The run cut before source offset k (a cluster boundary): the widths of the two
        parts, and how many base gaps of each kind (indexed by GAP_*) each holds (the one at
        k in neither)."""
        left = sum(a for a, st in zip(self.advances, self.starts) if st < k)
        counts = ([0, 0, 0], [0, 0, 0])
        for gi, kind in zip(self.base_gaps, self.gap_kinds):
            nxt = self.starts[gi + 1]
            if nxt != k:
                counts[nxt > k][kind] += 1
        return left, self.width - left, counts[0], counts[1]

    def __repr__(self) -> str:
        return f"Shaped({self.text!r}, {self.font_name!r}, width={self.width:.1f})"


_THAI_RUN = re.compile(r"[\u0e00-\u0e7f]+")


def thai_cuts(text: str) -> list[int]:
    """Offsets in `text` where a Thai character cluster (TCC) begins or ends."""
    cuts: list[int] = []
    for m in _THAI_RUN.finditer(text):
        start = m.start()
        cuts.append(start)
        cuts.extend(start + p for p in tcc_pos(m.group()))
        cuts.append(m.end())
    return cuts


def _base_gaps(text: str, starts: list[int]) -> tuple[tuple[int, ...], tuple[int, ...]]:
    gaps: list[int] = []
    kinds: list[int] = []
    for gi in range(len(starts) - 1):
        at = starts[gi + 1]
        if at == starts[gi] or not 0 < at < len(text):
            continue  # the same HarfBuzz cluster: a base and its marks, or SARA AM
        before, after = text[at - 1], text[at]
        if unicodedata.category(after) in _MARKS or before.isspace():
            continue
        if after.isspace():
            if after in NO_BREAK_SPACES:  # stretched like a word space
                gaps.append(gi)
                kinds.append(GAP_SPACE)
            continue
        gaps.append(gi)
        kinds.append(GAP_THAI if _is_thai(before) or _is_thai(after) else GAP_LATIN)
    return tuple(gaps), tuple(kinds)


def _is_thai(ch: str) -> bool:
    return "\u0e00" <= ch <= "\u0e7f"


def shape(text: str, font_name: str) -> Shaped:
    """Shape `text` with HarfBuzz in the registered font `font_name` (cached)."""
    key = (text, font_name)
    hit = _CACHE.get(key)
    if hit is not None:
        return hit
    if len(_CACHE) >= _CACHE_LIMIT:
        _CACHE.clear()
    shaped = _shape(text, get_thai_font(font_name))
    _CACHE[key] = shaped
    return shaped


def text_width(text: str, font_name: str, size: float) -> float:
    """Width in points of `text` shaped in `font_name` at `size`."""
    return shape(text, font_name).width * size / 1000.0 if text else 0.0


def _shape(text: str, font: ThaiTTFont) -> Shaped:
    buf = uharfbuzz.Buffer()
    buf.add_str(text)
    buf.guess_segment_properties()
    uharfbuzz.shape(font.hb_font, buf, {})
    scale = font.scale
    glyphs = [
        [
            info.codepoint,
            info.cluster,
            pos.x_advance * scale,
            pos.x_offset * scale,
            pos.y_offset * scale,
        ]
        for info, pos in zip(buf.glyph_infos, buf.glyph_positions)
    ]
    _compose_sara_am(glyphs, text, font)
    pen = 0.0
    zero_advance = False
    for g in glyphs:
        g.append(pen + g[3])  # [5]: where the glyph's origin goes
        zero_advance = zero_advance or g[2] == 0
        pen += g[2]
    width = pen
    _order_by_position(glyphs, width)
    first = glyphs[0][1] if glyphs else 0
    ink = [
        g[5] + font.hb_font.get_glyph_extents(g[0]).x_bearing * scale
        for g in glyphs
        if g[1] == first
    ]
    lead = max(0.0, -min(ink, default=0.0))
    texts = _glyph_texts(glyphs, text, font)
    chars: list[str] = []
    pre: list[float] = []
    yoff: list[float] = []
    starts: list[int] = []
    advances = [g[2] for g in glyphs]
    at = 0.0  # where the PDF viewer's pen is after the previous glyph
    for g, gtext in zip(glyphs, texts):
        ch = font.glyph_char(g[0], gtext)
        chars.append(ch)
        pre.append(g[5] - at)
        at = g[5] + font.glyph_width(ch)
        yoff.append(g[4])
        starts.append(g[1])
    post = [0.0] * len(chars)
    if post:
        post[-1] = width - at
    return Shaped(
        text,
        font.fontName,
        "".join(chars),
        pre,
        post,
        yoff,
        starts,
        width,
        zero_advance and len(glyphs) > 1,
        advances,
        lead,
    )


def _order_by_position(glyphs: list[list], width: float) -> None:
    """Draw the glyphs of each cluster left to right, and snap near-equal origins together,
    so extractors that sort characters by x (pdfplumber) keep them in text order.
    The text of a cluster is then handed out in this drawing order."""
    n = len(glyphs)
    i = 0
    while i < n:
        j = i + 1
        while j < n and glyphs[j][1] == glyphs[i][1]:
            j += 1
        if j - i > 1:
            glyphs[i:j] = sorted(glyphs[i:j], key=lambda g: g[5])
        i = j
    for k in range(1, n):
        if glyphs[k][5] < glyphs[k - 1][5] <= glyphs[k][5] + _SNAP:
            glyphs[k][5] = glyphs[k - 1][5]
    for k in range(n - 1, -1, -1):
        nxt = glyphs[k + 1][5] if k + 1 < n else width
        if nxt < glyphs[k][5] <= nxt + _SNAP:
            glyphs[k][5] = nxt


def _compose_sara_am(glyphs: list[list], text: str, font: ThaiTTFont) -> None:
    """Put SARA AM back together: HarfBuzz splits it into NIKHAHIT + SARA AA, which leaves
    one glyph too many to map back to the text; the font's own SARA AM glyph looks the same."""
    if _SARA_AM not in text:
        return
    am = font.cmap.get(ord(_SARA_AM))
    nik = font.cmap.get(ord(_NIKHAHIT))
    aa = font.cmap.get(ord(_SARA_AA))
    if am is None or nik is None or aa is None:
        return
    i = 0
    while i < len(glyphs) - 1:
        g, nxt = glyphs[i], glyphs[i + 1]
        if g[0] == nik and nxt[0] == aa and g[1] == nxt[1]:
            end = next((h[1] for h in glyphs[i + 2 :] if h[1] != g[1]), len(text))
            if _SARA_AM in text[g[1] : end]:
                glyphs[i : i + 2] = [[am, nxt[1], nxt[2] + g[2], nxt[3], nxt[4]]]
        i += 1


def _glyph_texts(glyphs: list[list], text: str, font: ThaiTTFont) -> list[str]:
    """Split `text` over the glyphs so that, in drawing order, they extract as `text`."""
    out: list[str] = []
    n = len(glyphs)
    i = 0
    while i < n:
        cluster = glyphs[i][1]
        j = i + 1
        while j < n and glyphs[j][1] == cluster:
            j += 1
        end = glyphs[j][1] if j < n else len(text)
        if end < cluster:  # not monotone (right-to-left run): give the glyphs their own text
            out.extend(font.natural_text(g[0]) for g in glyphs[i:j])
            i = j
            continue
        ctext = text[cluster:end]
        natural = [font.natural_text(g[0]) for g in glyphs[i:j]]
        if "".join(natural) == ctext:
            out.extend(natural)
        else:  # ligatures, reordered marks: one character per glyph, the rest on the last
            k = j - i
            parts = [ctext[m] if m < len(ctext) else "" for m in range(k)]
            if len(ctext) > k:
                parts[-1] = ctext[k - 1 :]
            out.extend(parts)
        i = j
    return out
