"""Chart value labels keep clear of every line and bar: the red target line, the bars, the
trend lines and points (values set on and around the target, where they used to collide)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from reportlab.graphics.shapes import Circle, Drawing, Line, PolyLine, Rect

from ita_desktop.documents.blocks import BarChart, ChartItem, Series, TrendChart
from ita_desktop.exporters.pdf import charts
from ita_desktop.exporters.pdf import textflow as tf
from ita_desktop.exporters.pdf.fonts import register_fonts

WIDTH = 453.5  # the portrait text width
VALUES = ["95.77", "86.06", "84.63", "85.07", "83.10", "80.00", "84.99", "100.00", "84.70", None]
COLUMNS = ["84.63", "85.07", "83.10", "100.00"]
TARGET = Decimal(85)


def bar_chart(horizontal: bool) -> BarChart:
    """Indicators as horizontal bars; tools and the overall score as four columns."""
    values = VALUES if horizontal else COLUMNS
    items = [
        ChartItem(f"{n}. ตัวชี้วัด", Decimal(v) if v else None, ("IIT", "EIT", "OIT")[n % 3])
        for n, v in enumerate(values, start=1)
    ]
    return BarChart("แผนภูมิ", items, TARGET, "ค่าเป้าหมาย ๘๕", horizontal=horizontal)


def trend_chart() -> TrendChart:
    def series(code: str, values: list[str]) -> Series:
        return Series(code, [Decimal(v) for v in values], code)

    return TrendChart(
        "แผนภูมิ",
        ["2563", "2564", "2565", "2566"],
        [
            series("IIT", ["84.10", "86.20", "85.00", "90.00"]),
            series("EIT", ["85.50", "84.00", "88.00", "86.50"]),
            series("OIT", ["80.00", "85.20", "92.00", "84.80"]),
            Series(
                "คะแนนรวม", [Decimal("84.20"), Decimal("85.10"), None, Decimal("85.30")], "overall"
            ),
        ],
        TARGET,
        "ค่าเป้าหมาย ๘๕",
    )


def _segments(d: Drawing) -> list[tuple[float, float, float, float]]:
    """Every line of the chart but the light gridlines, as segments."""
    out = []
    for s in d.contents:
        if isinstance(s, Line) and s.strokeColor != charts.GRIDLINE:
            out.append((s.x1, s.y1, s.x2, s.y2))
        elif isinstance(s, PolyLine):
            p = s.points
            out += [(p[k], p[k + 1], p[k + 2], p[k + 3]) for k in range(0, len(p) - 3, 2)]
    return out


def _solids(d: Drawing) -> list[tuple[float, float, float, float]]:
    """Bars and points."""
    out = []
    for s in d.contents:
        if isinstance(s, Rect) and s.fillColor is not None and s.fillColor != charts.colors.white:
            out.append((s.x, s.y, s.x + s.width, s.y + s.height))
        elif isinstance(s, Circle):
            out.append((s.cx - s.r, s.cy - s.r, s.cx + s.r, s.cy + s.r))
    return out


def _hits(box: tuple[float, float, float, float], seg: tuple[float, float, float, float]) -> bool:
    """A segment touches the box: sampled every 0.25 pt along it."""
    x1, y1, x2, y2 = seg
    steps = max(1, int(max(abs(x2 - x1), abs(y2 - y1)) * 4))
    for k in range(steps + 1):
        x, y = x1 + (x2 - x1) * k / steps, y1 + (y2 - y1) * k / steps
        if box[0] <= x <= box[2] and box[1] <= y <= box[3]:
            return True
    return False


def _value_boxes(labels: list[tuple[float, float, str, dict[str, Any]]]) -> list[tuple[float, ...]]:
    """The ink boxes of the value labels (numbers with two decimals)."""
    out = []
    for x, y, text, opts in labels:
        if not (len(text) > 3 and text[-3] == "." and text.replace(".", "").isdigit()):
            continue
        size = opts.get("size", tf.BODY_SIZE)
        w = tf.width(text, size, opts.get("bold", False))
        align = opts.get("align", "left")
        left = x - w / 2 if align == "center" else x - w if align == "right" else x
        out.append((left, y - 0.2 * size, left + w, y + 0.75 * size))  # digits: no Thai marks
    return out


@pytest.mark.parametrize("kind", ["bars", "columns", "trend"])
def test_value_labels_clear_every_line_and_bar(kind: str) -> None:
    register_fonts()
    spec = trend_chart() if kind == "trend" else bar_chart(kind == "bars")
    flow = charts.chart_flowable(spec, thai_digits=False)
    flow.wrap(WIDTH, 1e7)
    drawing, labels = flow.layout(WIDTH, flow.plot_height(WIDTH))
    boxes = _value_boxes(labels)
    expected = {"bars": 9, "columns": 4, "trend": 3}[kind]
    assert len(boxes) == expected
    for box in boxes:
        # half a line's stroke (the target's is 1.2 pt) and a visible gap: 2.5 pt from its
        # middle (a label 1.4 pt from the target line's edge read as touching it)
        grown = (box[0] - 2.5, box[1] - 2.5, box[2] + 2.5, box[3] + 2.5)
        assert not any(_hits(grown, seg) for seg in _segments(drawing)), box
        for solid in _solids(drawing):
            inside = (
                box[0] < solid[2] and solid[0] < box[2] and box[1] < solid[3] and solid[1] < box[3]
            )
            assert not inside, (box, solid)
    for a in boxes:  # nor one another
        assert sum(a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3] for b in boxes) == 1
    assert all(0 <= b[0] and b[2] <= WIDTH for b in boxes)  # inside the text width
