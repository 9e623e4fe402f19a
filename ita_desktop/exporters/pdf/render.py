"""Writes shaped runs onto a ReportLab canvas as PDF text operators; single-line drawing.

Public API:
    draw_text(canvas, x, y, text, font="Sarabun", size=16, align="left", color=None) -> float
        Draw one shaped line (page numbers, headers/footers, chart labels). `x` is the left
        edge, centre or right edge according to `align` ("left" | "center" | "right").
        Uses the canvas' current fill colour unless `color` is given. Returns the width.
    Box / make_box(text, fmt) / draw_boxes(...)
        The building blocks the paragraph flowable uses: a Box is one shaped run in one format.

Glyphs are written with explicit TJ positioning from HarfBuzz. Runs whose glyphs a text
extractor could misread (zero-advance marks, raised marks, justification space between
characters) are wrapped in an /ActualText span holding the source text; every glyph also has a
correct ToUnicode entry (fonts.py), for extractors that ignore ActualText.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any
from weakref import WeakKeyDictionary

from reportlab.lib.colors import Color

from ita_desktop.exporters.pdf.fonts import ThaiTTFont, get_thai_font, register_fonts
from ita_desktop.exporters.pdf.shaping import NO_BREAK_SPACES, Shaped, shape

_SPACES = re.compile(r"(\s+)")
# per PDF document: (font name, glyph chars) -> encoded operator list
Op = tuple[Any, ...]  # (kind, value[, flag]): see _encode
_ENCODED: WeakKeyDictionary[Any, dict[tuple[str, str, str], list[Op]]] = WeakKeyDictionary()


@dataclass(frozen=True, slots=True)
class Fmt:
    """How a run of text looks."""

    font: str = "Sarabun"
    size: float = 16.0
    color: Color | None = None
    rise: float = 0.0
    underline: bool = False
    strike: bool = False
    link: str | None = None


class Box:
    """One shaped run of text in one format; `width` is in points."""

    __slots__ = ("fmt", "shaped", "space", "text", "width")

    def __init__(self, text: str, fmt: Fmt, shaped: Shaped, space: bool = False) -> None:
        self.text = text
        self.fmt = fmt
        self.shaped = shaped
        self.width = shaped.width * fmt.size / 1000.0
        self.space = space

    def __repr__(self) -> str:
        return f"Box({self.text!r}, {self.width:.1f})"


def make_box(text: str, fmt: Fmt) -> Box:
    """Shape `text` in `fmt`; whitespace becomes a single stretchable space (no-break
    spaces a plain, unbreakable one)."""
    if text.isspace():
        nbsp = any(ch in NO_BREAK_SPACES for ch in text)
        return Box(" ", fmt, shape(" ", fmt.font), not nbsp)
    return Box(text, fmt, shape(text, fmt.font))


def _num(v: float) -> str:
    """A number for a content stream, at most two decimals, no trailing zeros."""
    s = f"{v:.2f}"
    if s.endswith("00"):
        s = s[:-3]
        return "0" if s == "-0" else s
    return s.rstrip("0")


# a byte as it may appear inside a PDF literal string (content streams must stay ASCII)
_BYTE_ESC = [
    chr(b) if 32 <= b < 127 and b not in (40, 41, 92) else f"\\{b:03o}" for b in range(256)
]


def _actual_text(text: str) -> str:
    return "/Span<</ActualText<FEFF" + text.encode("utf-16-be").hex().upper() + ">>>BDC"


def _encode(doc: Any, font: ThaiTTFont, shaped: Shaped) -> list[Op]:
    """Operators for one run, independent of size and justification (so they are cached):
    ("F", subset font), ("T", TJ array body), ("Y", vertical offset), ("J", the move after
    the k-th base gap, which draw_boxes widens when justifying: ("J", move, k)), ("S"/"E",
    span start/end, drawn for runs that need it or get justification space inside). All
    numbers are in 1/1000 em, as in TJ arrays.
    """
    gaps = {g: k for k, g in enumerate(shaped.base_gaps)}
    span = shaped.needs_span
    ops: list[Op] = [("S", _actual_text(shaped.text), span)] if span or gaps else []
    parts: list[str] = []
    run: list[str] = []
    pre, post, yoff = shaped.pre, shaped.post, shaped.yoff
    subset_name = None
    cur_y = 0.0
    pending = 0.0
    gi = 0

    def flush_run() -> None:
        if run:
            parts.append("(" + "".join(run) + ")")
            run.clear()

    def flush() -> None:
        flush_run()
        if parts:
            ops.append(("T", " ".join(parts)))
            parts.clear()

    for subset, data in font.splitString(shaped.chars, doc):
        name = font.getSubsetInternalName(subset, doc)
        for b in data:
            y = yoff[gi]
            if name != subset_name or y != cur_y:
                flush()
                if name != subset_name:
                    ops.append(("F", name))
                    subset_name = name
                if y != cur_y:
                    ops.append(("Y", y))
                    cur_y = y
            pending += pre[gi]
            if abs(pending) > 0.005:
                flush_run()
                parts.append(_num(-pending))
            run.append(_BYTE_ESC[b])
            pending = post[gi]
            if gi in gaps:
                flush()
                ops.append(("J", pending, gaps[gi]))
                pending = 0.0
            gi += 1
    if abs(pending) > 0.005:
        flush_run()
        parts.append(_num(-pending))
    flush()
    if cur_y:
        ops.append(("Y", 0.0))
    if span or gaps:
        ops.append(("E", "EMC", span))
    return ops


def _ops_for(doc: Any, box: Box) -> list[Op]:
    cache = _ENCODED.get(doc)
    if cache is None:
        cache = _ENCODED[doc] = {}
    shaped = box.shaped
    key = (shaped.font_name, shaped.text, shaped.chars)
    ops = cache.get(key)
    if ops is None:
        ops = cache[key] = _encode(doc, get_thai_font(box.fmt.font), shaped)
    return ops


def _color_op(color: Color) -> str:
    r, g, b = color.rgb()
    return f"{_num(r)} {_num(g)} {_num(b)}"


def draw_boxes(
    canv: Any,
    x: float,
    y: float,
    boxes: Sequence[Box],
    gaps: Sequence[float],
    inner: dict[int, tuple[float, ...]] | None = None,
) -> float:
    """Draw boxes on one baseline from `x`; gaps[i] points of extra space go before box i,
    inner[i][k] points after the k-th base gap of box i (Shaped.base_gaps; justification).
    Returns the end x."""
    doc = canv._doc
    code = ["q BT", f"1 0 0 1 {_num(x)} {_num(y)} Tm"]
    tj: list[str] = []
    cur_font = None
    cur_size = 0.0
    cur_color = None
    cur_rise = 0.0
    pending = 0.0  # points to move right before the next glyph
    joinable = False  # tj ends with a string the next run's first string may be glued to
    pos = x
    decos: list[tuple[Fmt, float, float]] = []

    def flush() -> None:
        nonlocal joinable
        if tj:
            code.append("[" + " ".join(tj) + "] TJ")
            tj.clear()
        joinable = False

    for i, box in enumerate(boxes):
        fmt = box.fmt
        gap = gaps[i] if i < len(gaps) else 0.0
        pending += gap
        pos += gap
        if fmt.color is not None and fmt.color is not cur_color and fmt.color != cur_color:
            flush()
            code.append(_color_op(fmt.color) + " rg")
            cur_color = fmt.color
        size = fmt.size
        extras = inner.get(i, ()) if inner else ()
        spaced = any(extras)
        for op in _ops_for(doc, box):
            kind = op[0]
            if kind == "T":
                if abs(pending) > 0.001:
                    tj.append(_num(-pending * 1000.0 / cur_size))
                    pending = 0.0
                    joinable = False
                body = op[1]
                if joinable and body[0] == "(":
                    tj[-1] = tj[-1][:-1] + body[1:]
                else:
                    tj.append(body)
                joinable = body[-1] == ")"
            elif kind == "J":
                move = op[1] + (extras[op[2]] * 1000.0 / size if spaced else 0.0)
                if abs(move) > 0.005:
                    tj.append(_num(-move))
                    joinable = False
            elif kind == "F":
                if op[1] != cur_font or size != cur_size:
                    flush()
                    code.append(f"{op[1]} {_num(size)} Tf")
                    cur_font, cur_size = op[1], size
                if fmt.rise != cur_rise:
                    flush()
                    code.append(f"{_num(fmt.rise)} Ts")
                    cur_rise = fmt.rise
            elif kind == "Y":
                flush()
                cur_rise = fmt.rise + op[1] * size / 1000.0
                code.append(f"{_num(cur_rise)} Ts")
            elif op[2] or spaced:  # "S" / "E": an /ActualText span around the run
                flush()
                code.append(op[1])
        width = box.width + (sum(extras) if spaced else 0.0)
        if fmt.underline or fmt.strike or fmt.link:
            decos.append((fmt, pos, pos + width))
        pos += width
    flush()
    code.append("ET Q")
    canv._code.append(" ".join(code))
    if decos:
        _decorate(canv, y, decos)
    return pos


def _decorate(canv: Any, y: float, decos: list[tuple[Fmt, float, float]]) -> None:
    """Underline, strike-through and link areas for formatted runs."""
    for fmt, x0, x1 in decos:
        size = fmt.size
        base = y + fmt.rise
        color = _color_op(fmt.color) + " RG " if fmt.color is not None else ""
        lw = _num(max(0.5, size / 20.0))
        for on, dy in ((fmt.underline, -0.125), (fmt.strike, 0.25)):
            if on:
                yy = _num(base + dy * size)
                canv._code.append(f"q {color}{lw} w {_num(x0)} {yy} m {_num(x1)} {yy} l S Q")
        if fmt.link:
            canv.linkURL(fmt.link, (x0, base - 0.25 * size, x1, base + size), relative=1)


def draw_text(
    canvas: Any,
    x: float,
    y: float,
    text: str,
    font: str = "Sarabun",
    size: float = 16,
    align: str = "left",
    color: Color | None = None,
) -> float:
    """Draw one line of shaped text with its baseline at y; returns its width in points."""
    register_fonts()
    if not text:
        return 0.0
    fmt = Fmt(font, float(size), color)
    boxes = [make_box(part, fmt) for part in _SPACES.split(text) if part]
    width = sum(b.width for b in boxes)
    if align in ("center", "centre"):
        x -= width / 2.0
    elif align == "right":
        x -= width
    elif align != "left":
        raise ValueError(f"align must be left, center or right, not {align!r}")
    draw_boxes(canvas, x, y, boxes, [0.0] * len(boxes))
    return width
