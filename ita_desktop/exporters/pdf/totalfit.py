"""Total-fit line breaking (Knuth and Plass): the breaks of a whole paragraph at once.

Public API:
    Place(end_x, end_cap, start_x, start_cap)
        One place a line may end, on the paragraph's running totals: a line ending here ends
        at natural width end_x and stretch capacity end_cap (justify.py: what its gaps can
        take at their caps); the line after it starts at start_x / start_cap. A line from
        place i to place j is end_x[j] - start_x[i] wide and can stretch by
        end_cap[j] - start_cap[i] points.
    best_breaks(places, first_avail, avail, ragged, penalty, exact) -> list[int]
        Indexes of the places where the lines end, the last one the paragraph's end; places[0]
        is the paragraph's start, places[-1] its end. The sum over the lines of their cost
        (line_cost) and of their end's penalty is the least possible.

A justified line's cost is its looseness: r = (the width it lacks) / (its stretch capacity),
costing 100 * r^3 (r = 0.5: 12.5; at the caps, r = 1: 100), plus 200 under 75% full, where
the line is left ragged. A justified line (not the last) may also be a little wider than the
measure: its gaps then shrink, by at most SHRINK of their stretch caps (r down to -SHRINK),
costing 25 * (r / SHRINK)^3 (so a line of long words need not be left loose). The last line is not stretched: it costs only when it is a runt, a
word or two under LAST_SHORT of the width (up to 20). Ragged (left, center, right aligned)
lines cost 30 * (their empty share)^2, the last line nothing. A line never ends before 60% of
the width in justified text when a longer line fits, and never runs past the width unless a
single piece is wider.

`penalty(j)` is a cheap lower bound of what ending a line at place j costs, `exact(j)` the
full cost (it reads the words around the break); the breaks are found with the lower bounds,
the exact cost of the chosen ends is then read and the search done again until every chosen
end's cost is exact, which gives the same breaks as exact costs everywhere, reading only a
few ends more than there are lines.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Sequence
from dataclasses import dataclass

EPS = 0.01
JUSTIFY_MIN_FILL = 0.75  # a justified line shorter than this share of the width stays ragged
JUSTIFY_FLOOR = 0.6  # a justified line is never ended shorter than this share by choice
LAST_SHORT = 0.15  # a last line shorter than this share of the width is a runt
_LOOSE_K = 100.0  # justified: _LOOSE_K * r^3
_RAGGED_LINE = 200.0  # justified line under JUSTIFY_MIN_FILL
_RUNT = 20.0  # a last line of no width at all
_RAGGED_K = 30.0  # ragged: _RAGGED_K * empty share^2
_NO_STRETCH = 1e4  # a justified line short of the width with nothing to stretch
SHRINK = 0.2  # a justified line's gaps may close by this share of their stretch caps
_TIGHT_K = 25.0  # a line shrunk by the whole of SHRINK
_OVERFULL = 1e6  # a piece wider than the line on a line of its own


@dataclass(frozen=True, slots=True)
class Place:
    """Where a line may end, on the paragraph's running totals (module docstring)."""

    end_x: float
    end_cap: float
    start_x: float
    start_cap: float


def line_cost(width: float, stretch: float, avail: float, ragged: bool, last: bool) -> float:
    """What a line of natural `width`, able to stretch by `stretch` points, costs in a
    measure of `avail` points (module docstring)."""
    if avail <= 0:
        return 0.0
    fill = width / avail
    if last:
        return 0.0 if ragged or fill >= LAST_SHORT else _RUNT * (1.0 - fill / LAST_SHORT)
    if ragged:
        empty = max(0.0, 1.0 - fill)
        return _RAGGED_K * empty * empty
    short = avail - width
    if short < -EPS:
        tight = -short / (SHRINK * stretch) if stretch > 0 else float("inf")
        return _TIGHT_K * tight * tight * tight if tight <= 1.0 + 1e-9 else float("inf")
    if short <= EPS:
        return 0.0
    if stretch <= 0:
        cost = _NO_STRETCH
    else:
        r = short / stretch
        cost = _LOOSE_K * r * r * r
    return cost + _RAGGED_LINE if fill < JUSTIFY_MIN_FILL else cost


def best_breaks(
    places: Sequence[Place],
    first_avail: float,
    avail: float,
    ragged: bool,
    penalty: Callable[[int], float],
    exact: Callable[[int], float],
    open_end: bool = False,
) -> list[int]:
    """The line ends of least total cost (module docstring). `open_end`: the text goes on
    past places[-1] (a paragraph split across pages): its last line is costed like any."""
    n = len(places)
    if n < 2:
        return [n - 1] if n else []
    ends_x = [p.end_x for p in places]
    known: dict[int, float] = {n - 1: 0.0}
    cheap: dict[int, float] = {}
    while True:
        path = _search(places, ends_x, first_avail, avail, ragged, penalty, known, cheap, open_end)
        fresh = [j for j in path if j not in known]
        if not fresh:
            return path
        for j in fresh:
            known[j] = exact(j)


def _search(
    places: Sequence[Place],
    ends_x: list[float],
    first_avail: float,
    avail: float,
    ragged: bool,
    penalty: Callable[[int], float],
    known: dict[int, float],
    cheap: dict[int, float],
    open_end: bool,
) -> list[int]:
    n = len(places)
    inf = float("inf")
    best = [inf] * n
    prev = [-1] * n
    best[0] = 0.0
    last = n - 1
    final = -1 if open_end else last  # the place whose line is the paragraph's last
    for i in range(n - 1):
        here = best[i]
        if here == inf:
            continue
        start = places[i]
        a = first_avail if i == 0 else avail
        limit = start.start_x + a + EPS
        if not ragged:  # a line may shrink by SHRINK of its stretch, itself under its width
            limit = start.start_x + a / (1.0 - SHRINK) + EPS
        stop = bisect_left(ends_x, limit, i + 1)  # places i+1 .. stop-1 may fit
        if stop <= i + 1:
            stop = i + 2  # nothing fits: one piece wider than the line
        lo = i + 1
        if not ragged and stop - 1 > i + 1:
            floor = start.start_x + JUSTIFY_FLOOR * a
            lo = min(max(i + 1, bisect_left(ends_x, floor, i + 1)), stop - 1)
        for j in range(lo, stop):
            end = places[j]
            width = end.end_x - start.start_x
            if width > a + EPS and j > i + 1 and (ragged or j == final):
                continue  # only a justified line that is not the last may shrink
            cost = line_cost(width, end.end_cap - start.start_cap, a, ragged, j == final)
            if cost == inf:
                if j > i + 1:
                    continue
                cost = _OVERFULL  # one piece wider than the line, and nothing else fits
            cost += here
            if cost >= best[j]:
                continue
            pen = known.get(j)
            if pen is None:
                pen = cheap.get(j)
                if pen is None:
                    pen = cheap[j] = penalty(j)
            cost += pen
            if cost < best[j]:
                best[j] = cost
                prev[j] = i
    path = []
    j = last
    while j > 0:
        path.append(j)
        j = prev[j]
    path.reverse()
    return path
