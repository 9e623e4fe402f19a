"""Total-fit line breaking (totalfit.py) on its own: the breaks it returns cost the least of
every admissible way to break the paragraph, with lower bounds read lazily; and on real Thai
text it fills lines more evenly than choosing one line at a time."""

from __future__ import annotations

import itertools
import random

import pytest

from ita_desktop.exporters.pdf.fonts import register_fonts
from ita_desktop.exporters.pdf.justify import capacity
from ita_desktop.exporters.pdf.linebreak import Unit, break_lines, build_units
from ita_desktop.exporters.pdf.render import Fmt
from ita_desktop.exporters.pdf.totalfit import (
    EPS,
    JUSTIFY_FLOOR,
    SHRINK,
    Place,
    best_breaks,
    line_cost,
)


def random_paragraph(rng: random.Random, n: int) -> tuple[list[Place], list[float], list[float]]:
    """Places between words of random widths (some cut inside a word: start != end), with
    random end costs and lower bounds of them."""
    places = [Place(0.0, 0.0, 0.0, 0.0)]
    x = cap = 0.0
    for k in range(n):
        word = rng.uniform(15, 70)
        x += word
        cap += word * rng.uniform(0.1, 0.25)
        inside = k < n - 1 and rng.random() < 0.2  # the next line starts with a word's rest
        rest = rng.uniform(5, 15) if inside else 0.0
        places.append(Place(x - rest, cap - rest * 0.2, x - rest, cap - rest * 0.2))
    costs = [0.0] + [rng.choice([0.0, 0.0, 0.0, 40.0, 80.0, 10000.0]) for _ in range(n)]
    costs[-1] = 0.0
    least = [min(c, rng.choice([0.0, c])) for c in costs]
    return places, costs, least


def admissible_cost(
    places: list[Place], i: int, j: int, first: float, avail: float, ragged: bool
) -> float | None:
    """What the line from place i to place j costs, or None where the rules forbid it: wider
    than the measure (justified lines but the last may shrink by SHRINK of their stretch), or
    under JUSTIFY_FLOOR in justified text while a fuller line from i would do."""
    a = first if i == 0 else avail
    last = j == len(places) - 1

    def cost(k: int) -> float | None:
        width = places[k].end_x - places[i].start_x
        stretch = places[k].end_cap - places[i].start_cap
        is_last = k == len(places) - 1
        if width > a + EPS and (ragged or is_last or a - width < -SHRINK * stretch - EPS):
            return None
        value = line_cost(width, stretch, a, ragged, is_last)
        return None if value == float("inf") else value

    here = cost(j)
    if here is None or ragged:
        return here
    width = places[j].end_x - places[i].start_x
    if not last and width < JUSTIFY_FLOOR * a:
        fuller = [
            k
            for k in range(j + 1, len(places))
            if places[k].end_x - places[i].start_x >= JUSTIFY_FLOOR * a and cost(k) is not None
        ]
        if fuller:
            return None
    return here


def brute_force(
    places: list[Place], costs: list[float], first: float, avail: float, ragged: bool
) -> float:
    """The least total cost over every set of line ends."""
    n = len(places)
    best = float("inf")
    for k in range(n - 1):
        for inner in itertools.combinations(range(1, n - 1), k):
            ends = [0, *inner, n - 1]
            total = 0.0
            for i, j in itertools.pairwise(ends):
                c = admissible_cost(places, i, j, first, avail, ragged)
                if c is None:
                    break
                total += c + costs[j]
            else:
                best = min(best, total)
    return best


@pytest.mark.parametrize("ragged", [False, True], ids=["justified", "ragged"])
def test_the_breaks_cost_the_least_of_all_ways_to_break_the_paragraph(ragged: bool) -> None:
    rng = random.Random(9)
    checked = 0
    for _ in range(60):
        places, costs, least = random_paragraph(rng, rng.randint(5, 12))
        first, avail = rng.uniform(120, 180), rng.uniform(140, 200)
        want = brute_force(places, costs, first, avail, ragged)
        if want == float("inf"):
            continue
        read: list[int] = []

        def exact(j: int, costs: list[float] = costs, read: list[int] = read) -> float:
            read.append(j)
            return costs[j]

        ends = best_breaks(places, first, avail, ragged, least.__getitem__, exact)
        got = sum(
            admissible_cost(places, i, j, first, avail, ragged) + costs[j]  # type: ignore[operator]
            for i, j in itertools.pairwise([0, *ends])
        )
        assert got == pytest.approx(want), (ends, got, want)
        assert len(set(read)) <= len(places)
        checked += 1
    assert checked > 40


def first_fit(units: list[Unit], width: float) -> list[list[Unit]]:
    """Lines filled one at a time, each ending before the first word that does not fit."""
    lines: list[list[Unit]] = [[]]
    used = 0.0
    for u in units:
        if lines[-1] and used + u.width > width and not u.space:
            lines.append([])
            used = 0.0
        if u.space and not lines[-1]:
            continue
        lines[-1].append(u)
        used += u.width
    return lines


def looseness(units: list[Unit], width: float) -> float:
    while units and units[-1].space:
        units = units[:-1]
    boxes = [b for u in units for b in u.boxes]
    return (width - sum(b.width for b in boxes)) / capacity(boxes)


PARAGRAPH = (
    "หน่วยงานได้ดำเนินการตามแผนปฏิบัติการป้องกันการทุจริตประจำปีงบประมาณ "
    "โดยจัดให้มีการเผยแพร่ข้อมูลข่าวสารที่เป็นปัจจุบันบนเว็บไซต์ของหน่วยงาน "
    "เปิดโอกาสให้ประชาชนและผู้มีส่วนได้ส่วนเสียมีส่วนร่วมในการติดตามตรวจสอบ "
    "การดำเนินงาน รวมทั้งส่งเสริมให้บุคลากรปฏิบัติหน้าที่ด้วยความซื่อสัตย์สุจริต "
    "และรายงานผลการดำเนินงานต่อผู้บริหารเป็นประจำทุกไตรมาส"
)


def test_whole_paragraphs_fill_more_evenly_than_lines_chosen_one_at_a_time() -> None:
    """Across widths, the loosest line of a paragraph set by total fit is never looser than
    first fit's, and on the whole clearly less loose."""
    register_fonts()
    units = [u for u in build_units([(PARAGRAPH, Fmt("Sarabun", 16.0))]) if isinstance(u, Unit)]
    ours_total = theirs_total = 0.0
    for width in range(300, 460, 8):
        ours = [looseness(ln.units, width) for ln in break_lines(units, width, width)[:-1]]
        theirs = [looseness(ln, width) for ln in first_fit(units, width)[:-1]]
        assert max(ours) <= max(theirs) + 1e-9, (width, ours, theirs)
        ours_total += sum(max(r, 0.0) ** 3 for r in ours)
        theirs_total += sum(max(r, 0.0) ** 3 for r in theirs)
    assert ours_total < 0.5 * theirs_total, (ours_total, theirs_total)


def test_a_last_line_of_one_short_word_costs_more_than_a_longer_one() -> None:
    assert line_cost(10, 0, 400, False, True) > line_cost(100, 0, 400, False, True) == 0.0
    assert line_cost(10, 0, 400, True, True) == 0.0  # ragged text: the last line is free
