"""Thai distributed justification: where a justified line's extra space goes.

Public API:
    box_capacity(box) -> float
        Points of stretch inside one box: each gap between two base characters (Shaped.
        base_gaps) at its cap, THAI_GAP em where a Thai letter stands on either side,
        LATIN_GAP em (a little tracking) between Latin letters and digits, SPACE_GAP em
        before a no-break space inside the box.
    join_capacity(left, right) -> float
        Points of stretch between two boxes side by side on a line: SPACE_GAP em for a word
        space (a no-break space too), before the space; none after it; between two words
        without a space, the cap of a letter gap.
    capacity(boxes) -> float
        The whole line's stretch at the caps.
    spread(boxes, extra) -> (gaps, inner)
        `extra` points shared out (taken away when negative: a line the breaker let shrink): gaps[i] goes before box i, inner[i] holds one amount per
        base gap of box i. Every gap takes the same share r = extra / capacity of its cap, so
        Thai letters, word spaces and Latin tracking open up evenly (a word space a little
        more, Latin letters less). The line breaker scores lines by r (linebreak.py), so a
        line needing r > 1 is rare; then the gaps between boxes stay at their caps (a text
        extractor reads a gap of 0.1 em between two boxes as a space) and the gaps inside
        boxes (inside an /ActualText span, render.py) and the word spaces take the rest, the
        letter gaps up to LETTER_MAX of their caps: past that only the word spaces (no-break
        ones too) open, so a line the breaker could not fill (a first line ended before a
        number and its unit) is not set letter-spaced apart.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise

from ita_desktop.exporters.pdf.render import Box
from ita_desktop.exporters.pdf.shaping import GAP_LATIN, GAP_SPACE, GAP_THAI

THAI_GAP = 0.09  # em: below poppler's word-break gap (0.1 em) between boxes
LATIN_GAP = 0.03  # em: tracking of Latin letters and digits
SPACE_GAP = 0.12  # em: added to a word space's own width
LETTER_MAX = 1.25  # past the caps, letter gaps open to at most this share of theirs
CAPS = {GAP_LATIN: LATIN_GAP, GAP_THAI: THAI_GAP, GAP_SPACE: SPACE_GAP}  # by Shaped.gap_kinds


def box_capacity(box: Box) -> float:
    """Points of stretch inside `box` at the caps."""
    shaped = box.shaped
    if box.space or not shaped.base_gaps:
        return 0.0
    return sum(CAPS[k] for k in shaped.gap_kinds) * box.fmt.size


def join_capacity(left: Box, right: Box) -> float:
    """Points of stretch between `left` and `right`, side by side on a line."""
    if right.text.isspace():
        return 0.0 if left.text.isspace() else SPACE_GAP * right.fmt.size
    if left.text.isspace():
        return 0.0
    size = min(left.fmt.size, right.fmt.size)
    thai = _is_thai(left.text[-1]) or _is_thai(right.text[0])
    return (THAI_GAP if thai else LATIN_GAP) * size


def capacity(boxes: Sequence[Box]) -> float:
    """Points of stretch of a line of `boxes` at the caps."""
    total = sum(box_capacity(b) for b in boxes)
    return total + sum(join_capacity(a, b) for a, b in pairwise(boxes))


def spread(boxes: Sequence[Box], extra: float) -> tuple[list[float], dict[int, tuple[float, ...]]]:
    """(gaps before each box, per-base-gap extras inside boxes) adding up to `extra` points
    (less only when nothing may take the rest); see the module docstring."""
    gaps = [0.0] * len(boxes)
    inner: dict[int, tuple[float, ...]] = {}
    joins = [0.0] + [join_capacity(a, b) for a, b in pairwise(boxes)]
    spaces = sum(c for i, c in enumerate(joins) if i and boxes[i].text.isspace())
    fixed = sum(joins) - spaces  # gaps between two boxes without a space
    inside = sum(box_capacity(b) for b in boxes)
    total = fixed + spaces + inside
    if abs(extra) <= 0.001 or total <= 0:
        return gaps, inner
    ratio = extra / total  # below 0: the line is a little too wide and its gaps close
    letter = space = ratio  # the shares of letter gaps and of word spaces inside boxes
    if ratio > 1.0:
        ratio = 1.0
        letter = space = (extra - fixed) / (spaces + inside) if spaces + inside > 0 else 1.0
        if letter > LETTER_MAX:
            spaced = spaces + sum(_space_capacity(b) for b in boxes)
            if spaced > 0:
                letter = LETTER_MAX
                space = (extra - fixed - LETTER_MAX * (inside - spaced + spaces)) / spaced
    for i, box in enumerate(boxes):
        if i:
            gaps[i] = joins[i] * (space if box.text.isspace() else ratio)
        if box.space or not box.shaped.base_gaps:
            continue
        size = box.fmt.size
        inner[i] = tuple(
            (space if kind == GAP_SPACE else letter) * CAPS[kind] * size
            for kind in box.shaped.gap_kinds
        )
    return gaps, inner


def _space_capacity(box: Box) -> float:
    """Points of stretch of the no-break spaces inside `box` at their caps."""
    if box.space or not box.shaped.base_gaps:
        return 0.0
    return sum(CAPS[k] for k in box.shaped.gap_kinds if k == GAP_SPACE) * box.fmt.size


def _is_thai(ch: str) -> bool:
    return "\u0e00" <= ch <= "\u0e7f"
