"""Chart flowables: indicator bars with the target line, tool bars, and the trend over years.

Shapes are drawn with reportlab.graphics; every label is a shaped Thai line (textflow.line),
since a graphics String would be drawn unshaped. A value label takes the first of its places
(after the bar, past the target line, ...) where it crosses no line, bar or point of the chart
(value_places, clear_of); a white ground under it hides the light gridlines.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from reportlab.graphics import renderPDF
from reportlab.graphics.shapes import Circle, Drawing, Line, PolyLine, Rect
from reportlab.lib import colors
from reportlab.platypus.flowables import Flowable

from ita_desktop.documents.blocks import BarChart, TrendChart
from ita_desktop.exporters.pdf import textflow as tf
from ita_desktop.exporters.pdf.fonts import font_name
from ita_desktop.thai.numbers import format_score

PALETTE = {
    "IIT": colors.HexColor("#2f5597"),
    "EIT": colors.HexColor("#3c8d5a"),
    "OIT": colors.HexColor("#c55a11"),
    "overall": colors.HexColor("#595959"),
}
FALLBACK = [
    colors.HexColor("#2f5597"),
    colors.HexColor("#3c8d5a"),
    colors.HexColor("#c55a11"),
    colors.HexColor("#7030a0"),
    colors.HexColor("#595959"),
]
TARGET = colors.HexColor("#c00000")
GRIDLINE = colors.HexColor("#d0d0d0")
AXIS = colors.HexColor("#404040")
LABEL = 13.0
SMALL = 12.0

Labels = list[tuple[float, float, str, dict[str, Any]]]  # x, y, text, line() options
Box = tuple[float, float, float, float]  # x0, y0, x1, y1
PLACE_GAP = 3.0  # points between a value label and what it clears
LINE_CLEAR = 2.0  # points a label keeps from a line's middle: half its stroke and a gap
TARGET_STROKE = 1.2  # the dashed target line's width


def _color(group: str, index: int) -> Any:
    return PALETTE.get(group, FALLBACK[index % len(FALLBACK)])


def _f(value: Decimal | float) -> float:
    return float(value)


class _Chart(Flowable):
    """Common part: a title above, a Drawing of shapes, then the shaped labels on top."""

    def __init__(self, title: str, thai_digits: bool) -> None:
        super().__init__()
        self.title = title
        self.thai_digits = thai_digits

    def num(self, value: Decimal | float | None, places: int = 2) -> str:
        if value is None:
            return "–"
        return format_score(Decimal(str(value)), places, thai_digits=self.thai_digits)

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width = availWidth
        self._title = tf.para(self.title, "chart_title")
        self._title_h = self._title.wrap(availWidth, 1e7)[1]
        self.height = self.plot_height(availWidth) + self._title_h + 6
        return self.width, self.height

    def plot_height(self, width: float) -> float:
        raise NotImplementedError

    def layout(self, width: float, height: float) -> tuple[Drawing, Labels]:
        raise NotImplementedError

    def draw(self) -> None:
        canv = self.canv
        plot_h = self.plot_height(self.width)
        self._title.drawOn(canv, 0, self.height - self._title_h)
        drawing, labels = self.layout(self.width, plot_h)
        drawing.initialFontName = font_name()  # else renderPDF selects unembedded Helvetica
        renderPDF.draw(drawing, canv, 0, 0, showBoundary=False)
        for x, y, text, opts in labels:
            tf.line(canv, x, y, text, **opts)


def label_box(x: float, y: float, text: str, opts: dict[str, Any]) -> Box:
    """The box a label drawn at baseline (x, y) covers, marks above and below included."""
    size = float(opts.get("size", tf.BODY_SIZE))
    w = tf.width(text, size, bool(opts.get("bold", False)))
    align = opts.get("align", "left")
    left = x - w / 2 if align == "center" else x - w if align == "right" else x
    return (left - 1, y - size * 0.3, left + w + 1, y + size * 0.85)


Segment = tuple[float, float, float, float]  # x1, y1, x2, y2


def obstacles(d: Drawing) -> tuple[list[Box], list[Segment]]:
    """What a value label must keep clear of: bars and points (boxes), and every line but the
    light gridlines (segments)."""
    shapes: list[Box] = []
    lines: list[Segment] = []
    for shape in d.contents:
        if isinstance(shape, Rect) and shape.fillColor not in (None, colors.white):
            shapes.append((shape.x, shape.y, shape.x + shape.width, shape.y + shape.height))
        elif isinstance(shape, Circle):
            r = shape.r
            shapes.append((shape.cx - r, shape.cy - r, shape.cx + r, shape.cy + r))
        elif isinstance(shape, Line) and shape.strokeColor != GRIDLINE:
            lines.append((shape.x1, shape.y1, shape.x2, shape.y2))
        elif isinstance(shape, PolyLine):
            p = shape.points
            lines += [(p[k], p[k + 1], p[k + 2], p[k + 3]) for k in range(0, len(p) - 3, 2)]
    return shapes, lines


def _overlap(a: Box, b: Box) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def crosses(box: Box, seg: Segment, pad: float = 1.0) -> bool:
    """Whether the segment passes through the box grown by `pad` (Liang-Barsky clipping)."""
    x0, y0, x1, y1 = box[0] - pad, box[1] - pad, box[2] + pad, box[3] + pad
    sx, sy, ex, ey = seg
    dx, dy = ex - sx, ey - sy
    lo, hi = 0.0, 1.0
    for p, q in ((-dx, sx - x0), (dx, x1 - sx), (-dy, sy - y0), (dy, y1 - sy)):
        if p == 0:
            if q < 0:
                return False
            continue
        t = q / p
        if p < 0:
            lo = max(lo, t)
        else:
            hi = min(hi, t)
        if lo > hi:
            return False
    return True


def clear_of(box: Box, shapes: list[Box], lines: list[Segment]) -> bool:
    """Whether a label's box keeps clear of every bar, point and line."""
    return not any(_overlap(box, s) for s in shapes) and not any(
        crosses(box, s, LINE_CLEAR) for s in lines
    )


def place_values(d: Drawing, values: list[Labels], others: Labels) -> Labels:
    """Each value label at the first of its places clear of the chart, of the `others` labels
    (ticks, names) and of the values placed before it (else at its first place), on a white
    ground that hides the gridlines."""
    shapes, lines = obstacles(d)
    shapes += [label_box(*label) for label in others]
    out: Labels = []
    for places in values:
        clear = [p for p in places if clear_of(label_box(*p), shapes, lines)]
        chosen = clear[0] if clear else places[0]
        box = label_box(*chosen)
        shapes.append(box)  # the next labels keep clear of this one
        if clear:
            w, h = box[2] - box[0], box[3] - box[1]
            d.add(Rect(box[0], box[1], w, h, fillColor=colors.white, strokeColor=None))
        out.append(chosen)
    return out


def _axis_step(span: float) -> int:
    return 10 if span <= 60 else 20


class IndicatorBars(_Chart):
    """Horizontal bars, one per item, coloured by group, with a dashed target line."""

    def __init__(self, spec: BarChart, thai_digits: bool) -> None:
        super().__init__(spec.title, thai_digits)
        self.spec = spec

    def plot_height(self, width: float) -> float:
        return len(self.spec.items) * 28.0 + 62.0

    def layout(self, width: float, height: float) -> tuple[Drawing, Labels]:
        spec = self.spec
        d = Drawing(width, height)
        labels: Labels = []
        label_size = LABEL
        widest = max((tf.width(i.label, LABEL) for i in spec.items), default=0.0)
        label_w = min(widest + 8, width * 0.42)
        if widest + 8 > label_w:
            label_size = LABEL * (label_w - 8) / widest
        x0, x1 = label_w, width - tf.width(self.num(spec.maximum), SMALL) - 6
        top, bottom = height - 18, 44.0
        top_max = _f(spec.maximum)
        scale = (x1 - x0) / top_max
        pitch = (top - bottom) / max(len(spec.items), 1)
        step = _axis_step(top_max)
        for tick in range(0, int(top_max) + 1, step):
            x = x0 + tick * scale
            d.add(Line(x, bottom, x, top, strokeColor=GRIDLINE, strokeWidth=0.5))
            labels.append((x, bottom - 14, self.num(tick, 0), {"size": SMALL, "align": "center"}))
        d.add(Line(x0, bottom, x0, top, strokeColor=AXIS, strokeWidth=0.8))
        xt = x0 + _f(spec.target) * scale if spec.target is not None else None
        values: list[Labels] = []
        for n, item in enumerate(spec.items):
            y_mid = top - pitch * (n + 0.5)
            labels.append(
                (4, y_mid - label_size * 0.3, item.label, {"size": label_size, "align": "left"})
            )
            if item.value is None:
                labels.append((x0 + 4, y_mid - SMALL * 0.3, "–", {"size": SMALL}))
                continue
            bar_w = _f(item.value) * scale
            d.add(
                Rect(
                    x0,
                    y_mid - pitch * 0.32,
                    bar_w,
                    pitch * 0.64,
                    strokeColor=None,
                    fillColor=_color(item.group, n),
                )
            )
            value = (self.num(item.value), {"size": SMALL})
            past = [xt + TARGET_STROKE / 2] if xt is not None and xt > x0 + bar_w else []
            ends = [x0 + bar_w, *past]
            values.append([(x + PLACE_GAP, y_mid - SMALL * 0.3, *value) for x in ends])
        if xt is not None:
            d.add(
                Line(
                    xt,
                    bottom - 2,
                    xt,
                    top + 4,
                    strokeColor=TARGET,
                    strokeWidth=TARGET_STROKE,
                    strokeDashArray=[4, 3],
                )
            )
            labels.append(
                (
                    xt,
                    top + 6,
                    spec.target_label,
                    {"size": SMALL, "align": "center", "color": TARGET},
                )
            )
        labels += place_values(d, values, labels)
        labels += _legend(d, spec.legend, width / 2, 8)
        return d, labels


class ColumnBars(_Chart):
    """Vertical bars (tools and overall) with value labels and a dashed target line."""

    def __init__(self, spec: BarChart, thai_digits: bool) -> None:
        super().__init__(spec.title, thai_digits)
        self.spec = spec

    def plot_height(self, width: float) -> float:
        return 224.0

    def layout(self, width: float, height: float) -> tuple[Drawing, Labels]:
        spec = self.spec
        d = Drawing(width, height)
        labels: Labels = []
        plot_w = min(width, 400.0)
        x0 = (width - plot_w) / 2 + 20
        x1 = x0 + plot_w - 40
        bottom, top = 56.0, height - 22
        top_max = _f(spec.maximum)
        scale = (top - bottom) / top_max
        for tick in range(0, int(top_max) + 1, _axis_step(top_max)):
            y = bottom + tick * scale
            d.add(Line(x0, y, x1, y, strokeColor=GRIDLINE, strokeWidth=0.5))
            labels.append(
                (x0 - 4, y - SMALL * 0.3, self.num(tick, 0), {"size": SMALL, "align": "right"})
            )
        d.add(Line(x0, bottom, x1, bottom, strokeColor=AXIS, strokeWidth=0.8))
        slot = (x1 - x0) / max(len(spec.items), 1)
        yt = bottom + _f(spec.target) * scale if spec.target is not None else None
        values: list[Labels] = []
        for n, item in enumerate(spec.items):
            xc = x0 + slot * (n + 0.5)
            labels.append((xc, bottom - 16, item.label, {"size": LABEL, "align": "center"}))
            if item.value is None:
                labels.append((xc, bottom + 4, "–", {"size": SMALL, "align": "center"}))
                continue
            h = _f(item.value) * scale
            d.add(
                Rect(
                    xc - slot * 0.28,
                    bottom,
                    slot * 0.56,
                    h,
                    strokeColor=None,
                    fillColor=_color(item.group, n),
                )
            )
            value = (self.num(item.value), {"size": SMALL, "align": "center", "bold": True})
            tops = [bottom + h] + ([yt] if yt is not None and yt > bottom + h else [])
            values.append([(xc, y + PLACE_GAP + SMALL * 0.3 + 1, *value) for y in tops])
        if yt is not None:
            d.add(
                Line(
                    x0,
                    yt,
                    x1,
                    yt,
                    strokeColor=TARGET,
                    strokeWidth=TARGET_STROKE,
                    strokeDashArray=[4, 3],
                )
            )
        labels += place_values(d, values, labels)
        labels += _legend(d, [], (x0 + x1) / 2, 8, spec.target_label if spec.target else "")
        return d, labels


class Trend(_Chart):
    """Lines of tool and overall scores across fiscal years."""

    def __init__(self, spec: TrendChart, thai_digits: bool) -> None:
        super().__init__(spec.title, thai_digits)
        self.spec = spec

    def plot_height(self, width: float) -> float:
        return 220.0

    def layout(self, width: float, height: float) -> tuple[Drawing, Labels]:
        spec = self.spec
        d = Drawing(width, height)
        labels: Labels = []
        values = [_f(v) for s in spec.series for v in s.values if v is not None]
        if spec.target is not None:
            values.append(_f(spec.target))
        lo = max(0.0, (min(values, default=0.0) - 5) // 10 * 10)
        hi = 100.0
        x0, x1 = 40.0, width - 20
        bottom, top = 56.0, height - 12
        scale = (top - bottom) / (hi - lo or 1)
        step = 5 if hi - lo <= 30 else 10

        def y_of(v: float) -> float:
            return bottom + (v - lo) * scale

        tick = lo
        while tick <= hi + 1e-9:
            d.add(Line(x0, y_of(tick), x1, y_of(tick), strokeColor=GRIDLINE, strokeWidth=0.5))
            labels.append(
                (
                    x0 - 4,
                    y_of(tick) - SMALL * 0.3,
                    self.num(tick, 0),
                    {"size": SMALL, "align": "right"},
                )
            )
            tick += step
        n = len(spec.years)
        slot = (x1 - x0) / max(n, 1)

        def x_of(i: int) -> float:
            return x0 + slot * (i + 0.5)

        for i, year in enumerate(spec.years):
            labels.append((x_of(i), bottom - 16, year, {"size": LABEL, "align": "center"}))
        if spec.target is not None:
            d.add(
                Line(
                    x0,
                    y_of(_f(spec.target)),
                    x1,
                    y_of(_f(spec.target)),
                    strokeColor=TARGET,
                    strokeWidth=TARGET_STROKE,
                    strokeDashArray=[4, 3],
                )
            )
        for k, s in enumerate(spec.series):
            color = _color(s.group, k)
            points = [(x_of(i), y_of(_f(v))) for i, v in enumerate(s.values) if v is not None]
            if len(points) > 1:
                d.add(
                    PolyLine(
                        [c for p in points for c in p],
                        strokeColor=color,
                        strokeWidth=2 if s.group == "overall" else 1.4,
                    )
                )
            for x, y in points:
                d.add(Circle(x, y, 3, fillColor=color, strokeColor=colors.white, strokeWidth=0.6))
        overall = [s for s in spec.series if s.group == "overall"]
        labels += place_values(
            d,
            [
                _around(x_of(i), y_of(_f(v)), self.num(v), SMALL)
                for s in overall
                for i, v in enumerate(s.values)
                if v is not None
            ],
            labels,
        )
        labels += _legend(
            d,
            [(s.group, s.label) for s in spec.series],
            (x0 + x1) / 2,
            8,
            spec.target_label if spec.target is not None else "",
        )
        return d, labels


def _around(x: float, y: float, text: str, size: float) -> Labels:
    """A point's label places: to its right or left, then above or below it, each nearest
    first and then further off (where other lines crowd it)."""
    bold = {"size": size, "bold": True}
    base = y - size * 0.3
    out: Labels = []
    for off in (0.0, 1.0, 2.0):
        dy = off * size * 0.9
        for sign in (1.0,) if off == 0 else (1.0, -1.0):
            out.append((x + 6, base + sign * dy, text, bold))
            out.append((x - 6, base + sign * dy, text, {**bold, "align": "right"}))
        out.append((x, y + 5 + size * 0.3 + dy, text, {**bold, "align": "center"}))
        out.append((x, y - 5 - size * 0.85 - dy, text, {**bold, "align": "center"}))
    return out


def _legend(
    d: Drawing, entries: list[tuple[str, str]], center: float, y: float, target: str = ""
) -> Labels:
    """Colour boxes and names in one centred row, then the dashed target line's label."""
    widths = [14 + tf.width(label, SMALL) + 16 for _, label in entries]
    target_w = 24 + tf.width(target, SMALL) if target else 0.0
    x = center - (sum(widths) + target_w) / 2
    labels: Labels = []
    for k, ((group, label), w) in enumerate(zip(entries, widths)):
        d.add(Rect(x, y, 10, 10, strokeColor=None, fillColor=_color(group, k)))
        labels.append((x + 14, y + 1, label, {"size": SMALL}))
        x += w
    if target:
        d.add(
            Line(
                x,
                y + 5,
                x + 18,
                y + 5,
                strokeColor=TARGET,
                strokeWidth=TARGET_STROKE,
                strokeDashArray=[4, 3],
            )
        )
        labels.append((x + 22, y + 1, target, {"size": SMALL, "color": TARGET}))
    return labels


def chart_flowable(spec: BarChart | TrendChart, thai_digits: bool) -> Flowable:
    """The flowable drawing one chart block."""
    if isinstance(spec, TrendChart):
        return Trend(spec, thai_digits)
    if spec.horizontal:
        return IndicatorBars(spec, thai_digits)
    return ColumnBars(spec, thai_digits)
