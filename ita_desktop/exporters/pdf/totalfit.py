"""Total-fit line breaking (Knuth and Plass): the breaks of a whole paragraph at once.

Public API:
    Place(end_x, end_cap, start_x, start_cap)
        One place a line may end, on the paragraph's running totals: a line ending here ends
        at natural width end_x and stretch capacity end_cap (justify.py: what its gaps can
        take at their caps); the line after it starts at start_x / start_cap. A line from
        place i to place j is end_x[j] - start_x[i] wide and can stretch by
        end_cap[j] - start_cap[i] points.
    best_breaks(places, first_avail, avail, ragged, penalty, exact, open_end) -> list[int]
        Indexes of the places where the lines end, the last one the paragraph's end; places[0]
        is the paragraph's start, places[-1] its end. The sum over the lines of their cost
        (line_cost) and of their end's penalty is the least possible.

A justified line's cost is its looseness: r = (the width it lacks) / (its stretch capacity),
costing 300 * r^3 (r = 0.5: 37.5, about one cut compound; at the caps, r = 1: 300; from
r = 1.5 on, 675 * r), plus 200 under 75% full, where the line is left ragged. A justified line (not the
last) may also be a little wider than the measure: its gaps then close, by at most SHRINK of
their stretch caps (r down to -SHRINK), costing 25 * (r / SHRINK)^3 (so a line of long
words need not be left loose). The last line is not stretched: it costs only when it is a
runt, a word or two under LAST_SHORT of the width (up to 20). Ragged (left, center, right
aligned) lines cost 30 * (their empty share)^2, the last line nothing. A line never ends
before 60% of the width in justified text when a longer line fits, and never runs past the
width unless a single piece is wider.

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
_LOOSE_K = 300.0  # justified: _LOOSE_K * r^3 up to r = _STEEP ...
_STEEP = 1.5
_LOOSE_TAIL = _LOOSE_K * _STEEP * _STEEP  # ... then _LOOSE_TAIL * r: far looser lines still
# cost less than a word a segmenter would read as cut
_RAGGED_LINE = 200.0  # justified line under JUSTIFY_MIN_FILL
_RUNT = 20.0  # a last line of no width at all
_RAGGED_K = 30.0  # ragged: _RAGGED_K * empty share^2
_NO_STRETCH = 3000.0  # a justified line short of the width with nothing to stretch
SHRINK = 0.3  # a justified line's gaps may close by this share of their stretch caps
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
        cost = _LOOSE_K * r * r * r if r <= _STEEP else _LOOSE_TAIL * r
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
    model = _Model(places, ragged)
    pens = [-1.0] * n  # what ending a line at each place costs: -1 until read
    pens[-1] = 0.0
    known = {n - 1}  # the places whose cost is exact
    best = [0.0] + [float("inf")] * (n - 1)  # least cost of the text up to each place
    prev = [-1] * n  # where the line ending at each place starts, on that least cost
    start = 1
    while True:
        path = _search(model, first_avail, avail, penalty, pens, open_end, best, prev, start)
        fresh = [j for j in path if j not in known]
        if not fresh:
            return path
        for j in fresh:
            pens[j] = exact(j)
            known.add(j)
        start = min(fresh)  # what comes before it is unchanged: searched again from there


class _Model:
    """The places as plain lists, and what bounds the search for a line's end."""

    def __init__(self, places: Sequence[Place], ragged: bool) -> None:
        self.ragged = ragged
        self.start_x = [p.start_x for p in places]
        self.start_cap = [p.start_cap for p in places]
        self.end_x = [p.end_x for p in places]
        self.end_cap = [p.end_cap for p in places]
        # a justified line from i may end at j while end_x[j] - SHRINK * end_cap[j] is at
        # most start_x[i] + avail - SHRINK * start_cap[i] (rising: stretch < width)
        self.reach = (
            self.end_x if ragged else [x - SHRINK * c for x, c in zip(self.end_x, self.end_cap)]
        )
        self._ends: dict[tuple[int, float], tuple[int, int, int]] = {}  # searched again

    def ends(self, i: int, a: float) -> tuple[int, int, int]:
        """Where a line from place i may end: places lo .. stop-1 first (in justified text
        those at least JUSTIFY_FLOOR full), places i+1 .. lo-1 (shorter) if none of them will
        do; stop is i+2 at least (one piece wider than the line, when nothing else fits)."""
        got = self._ends.get((i, a))
        if got is None:
            got = self._ends[(i, a)] = self._bounds(i, a)
        return got

    def _bounds(self, i: int, a: float) -> tuple[int, int, int]:
        reach = self.start_x[i] + a + EPS
        if not self.ragged:
            reach -= SHRINK * self.start_cap[i]
        stop = max(bisect_left(self.reach, reach, i + 1), i + 2)
        if self.ragged:
            return i + 1, stop, i + 1
        floor = self.start_x[i] + JUSTIFY_FLOOR * a
        return min(bisect_left(self.end_x, floor, i + 1, stop), stop - 1), stop, i + 1


def _search(
    model: _Model,
    first_avail: float,
    avail: float,
    penalty: Callable[[int], float],
    pens: list[float],
    open_end: bool,
    best: list[float],
    prev: list[int],
    start: int,
) -> list[int]:
    """The least-cost line ends with the costs in `pens` (read with `penalty` where -1).
    `best` and `prev` hold the search of the places before `start` (their costs have not
    changed since): only the places from `start` on are searched again, from every line that
    can reach them, in the same order as a whole search (so ties fall the same way)."""
    start_x, start_cap, end_x, end_cap = model.start_x, model.start_cap, model.end_x, model.end_cap
    ragged = model.ragged
    n = len(end_x)
    inf = float("inf")
    for j in range(start, n):
        best[j] = inf
        prev[j] = -1
    last = n - 1
    for i in range(n - 1):
        here = best[i]
        if here == inf:
            continue
        a = first_avail if i == 0 else avail
        lo, stop, below = model.ends(i, a)
        if stop <= start:
            continue  # every line from i ends before `start`: its places are searched
        x0, c0 = start_x[i], start_cap[i]
        right = x0 + a  # short of the measure: right - end_x[j]
        found = False
        for first, after in ((lo, stop), (below, lo)):
            for j in range(first, after):
                short = right - end_x[j]
                # line_cost, inlined: this is the search's inner loop
                if j == last and not open_end:
                    if short < -EPS:
                        continue  # a last line that would have to shrink
                    cost = line_cost(a - short, end_cap[j] - c0, a, ragged, True)
                elif ragged:
                    cost = _RAGGED_K * short * short / (a * a) if short > 0 else 0.0
                elif short > EPS:
                    stretch = end_cap[j] - c0
                    if stretch > 0:
                        r = short / stretch
                        cost = _LOOSE_K * r * r * r if r <= _STEEP else _LOOSE_TAIL * r
                    else:
                        cost = _NO_STRETCH
                    if short > (1.0 - JUSTIFY_MIN_FILL) * a:
                        cost += _RAGGED_LINE
                elif short >= -EPS:
                    cost = 0.0
                else:
                    stretch = end_cap[j] - c0
                    if -short > SHRINK * stretch:
                        continue  # more than the gaps may close
                    r = -short / (SHRINK * stretch)
                    cost = _TIGHT_K * r * r * r
                found = True
                if j < start:
                    continue  # searched already: only whether a line fits matters here
                cost += here
                if cost < best[j]:
                    pen = pens[j]
                    if pen < 0:
                        pen = pens[j] = penalty(j)
                    cost += pen
                    if cost < best[j]:
                        best[j] = cost
                        prev[j] = i
            if found:
                break
        if not found and i + 1 >= start:  # one piece wider than the line, and nothing else fits
            j = i + 1
            if pens[j] < 0:
                pens[j] = penalty(j)
            cost = here + _OVERFULL + pens[j]
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
