"""Chart flowables: indicator bars with the target line, tool bars, and the trend over years.

Shapes are drawn with reportlab.graphics; every label is a shaped Thai line (textflow.line),
since a graphics String would be drawn unshaped.
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
            labels.append(
                (x0 + bar_w + 3, y_mid - SMALL * 0.3, self.num(item.value), {"size": SMALL})
            )
        if spec.target is not None:
            xt = x0 + _f(spec.target) * scale
            d.add(
                Line(
                    xt,
                    bottom - 2,
                    xt,
                    top + 4,
                    strokeColor=TARGET,
                    strokeWidth=1.2,
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
            labels.append(
                (
                    xc,
                    bottom + h + 4,
                    self.num(item.value),
                    {"size": SMALL, "align": "center", "bold": True},
                )
            )
        if spec.target is not None:
            yt = bottom + _f(spec.target) * scale
            d.add(Line(x0, yt, x1, yt, strokeColor=TARGET, strokeWidth=1.2, strokeDashArray=[4, 3]))
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
                    strokeWidth=1.2,
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
            if s.group == "overall":
                for i, v in enumerate(s.values):
                    if v is not None:
                        text = self.num(v)
                        w = tf.width(text, SMALL, True)
                        d.add(
                            Rect(
                                x_of(i) + 6,
                                y_of(_f(v)) - 7,
                                w + 4,
                                SMALL + 1,
                                fillColor=colors.white,
                                strokeColor=None,
                            )
                        )
                        labels.append(
                            (
                                x_of(i) + 8,
                                y_of(_f(v)) - SMALL * 0.3,
                                text,
                                {"size": SMALL, "bold": True},
                            )
                        )
        labels += _legend(
            d,
            [(s.group, s.label) for s in spec.series],
            (x0 + x1) / 2,
            8,
            spec.target_label if spec.target is not None else "",
        )
        return d, labels


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
                x, y + 5, x + 18, y + 5, strokeColor=TARGET, strokeWidth=1.2, strokeDashArray=[4, 3]
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
