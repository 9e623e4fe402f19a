"""Thai-aware line breaking: words from split_words, shaped widths, emergency breaks.

Public API:
    build_units(runs) -> list[Unit]
        `runs` is a list of (text, Fmt) pairs, or HARD_BREAK for a forced line end. The text is
        cut into words with ita_desktop.thai.segmentation.split_words; each word is shaped.
        Words that must stay together (no break before "ๆ", ")" or ","; none after "(";
        none inside Latin/digit runs such as URLs, "พ.ศ.2567" or "ITA-2567"; none inside
        an abbreviation or a TERMS word such as "ตัวชี้วัด") form one Unit.
    break_lines(units, first_width, width, ragged=False, open_end=False) -> list[Line]
        The lines of a paragraph, its breaks chosen all at once (total fit, totalfit.py):
        the sum over the lines of what their fill costs and of what their ends cost (see
        "What a line end costs" below) is the least. Lines end between units, inside a unit
        only where its word divides into shorter dictionary words (see sub_words), or at a
        hard break; spaces at line ends are dropped. A unit longer than a whole line is
        broken at the best place inside it: URL style (after / : @ = &, before . , - _ ? # %
        ~) in Latin text, between words and dictionary parts of words in Thai text, between
        Thai character clusters (TCC) if a part is still too long, between characters (never
        inside a cluster) as a last resort. No line is wider than its width unless it holds
        a single unbreakable piece, or is a justified line (not the last) whose gaps will
        close a little (totalfit.SHRINK).
    sub_words(word) -> tuple[int, ...]
        Offsets inside a Thai word where it divides wholly into shorter dictionary words
        (pythainlp's thai_words(), fewest parts, then the parts of the parts).

What a line costs (totalfit.line_cost): justified, how loose it is, r = the width it lacks /
what its gaps can stretch at their caps (justify.py), 300*r^3 (then 675*r), plus 200 under
JUSTIFY_MIN_FILL where it stays ragged, or how tight (a line may close its gaps a little);
a last line costs only as a runt. Ragged (left/center/right aligned, table cells):
30*(empty share)^2 (half full costs 7.5, a nearly empty line less than one cut compound),
the last line nothing.

What a line end costs:
    40 for each dictionary word (pythainlp's thai_words) that spans the break from one
                   word or sub-word boundary to another, at most 4 boundaries away: ผล|ประโยชน์,
                   แนว|ทางการ (แนวทาง), ตลอด|ปี|งบประมาณ (ตลอดปี at the first, ปีงบประมาณ at
                   the second); and 40 more for a break inside one of the segmenter's words,
                   which it read as one (ปี|งบประมาณ, คณะ|กรรมการ in the NACC's name)
    + 10000 if the two words meeting at the break, read on their own (12 characters each
                   side, as the line ends will be), are not cut there by the character
                   clusters and by a dictionary segmenter (newmm or longest matching): the two
                   lines would read as a cut word (what pdf_thai_check counts)
So justified text cuts a compound rather than leave a line stretched to half its caps
(about a tenth of its width), and ragged text (table cells) takes a shorter line rather than cut a compound. The
segmenter check is read only for the ends the search chooses (totalfit.best_breaks).

No zero-width space or any other invisible character is ever inserted.
"""

from __future__ import annotations

import re
import threading
import unicodedata
from bisect import bisect_right
from collections import OrderedDict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import pairwise

from ita_desktop.exporters.pdf.justify import CAPS, box_capacity, join_capacity
from ita_desktop.exporters.pdf.render import Box, Fmt, make_box
from ita_desktop.exporters.pdf.shaping import NO_BREAK_SPACES
from ita_desktop.exporters.pdf.shaping import thai_cuts as _thai_cuts
from ita_desktop.exporters.pdf.totalfit import Place, best_breaks
from ita_desktop.thai import dictionary
from ita_desktop.thai.segmentation import split_words

_EPS = 0.01
_DICT_PENALTY = 40.0  # for each dictionary word a break cuts
_MAX_CUT_WORDS = 3  # at most this many counted
_WORD_PENALTY = 10000.0  # the two line ends read as one word (what pdf_thai_check counts)
_NEAR = 4  # a dictionary word cut by a break is looked for up to this many boundaries away
# the documents' own terms, never broken inside ("ราย|ตัว|ชี้วัด" may end a line only after
# "ราย"; a level's name stays whole), longest first
TERMS = re.compile("ตัวชี้วัด|ผ่านดีเยี่ยม|ผ่านดี")
_LONG_PART = 9  # a dictionary part of a word this long is itself divided (sub_words)
NBSP = set(NO_BREAK_SPACES)  # drawn as spaces, never a line end
NO_BREAK_BEFORE = set("ๆฯ)]}>,.:;!?%”’»…\"'-/") | NBSP
NO_BREAK_AFTER = set("([{<“‘«\"'-/") | NBSP
_BREAK_AFTER = set("/:@=&")
_BREAK_BEFORE = set(".,-_?#%~")


class HardBreak:
    """A forced line end (<br/>)."""

    def __repr__(self) -> str:
        return "HARD_BREAK"


HARD_BREAK = HardBreak()
Run = tuple[str, Fmt] | HardBreak


@dataclass(slots=True)
class Unit:
    """Boxes that must stay on one line (a word with its glued punctuation), or a space."""

    boxes: list[Box]
    width: float
    space: bool = False
    joined: bool = False  # a piece of a broken long word: no justification gap before it
    words: tuple[str, ...] = ()  # the segmenter's words the unit was made of (text order)
    text: str = ""  # the boxes' text (a space unit's is " ")

    def __post_init__(self) -> None:
        if not self.text:
            self.text = "".join(b.text for b in self.boxes)


@dataclass(slots=True)
class Line:
    """One laid-out line: its boxes (spaces at its end left out) and units (with them)."""

    boxes: list[Box] = field(default_factory=list)
    width: float = 0.0
    hard: bool = False  # ends the paragraph or a <br/>: never justified
    units: list[Unit] = field(default_factory=list)


Item = Unit | HardBreak


def is_thai(ch: str) -> bool:
    return "\u0e00" <= ch <= "\u0e7f"


def _can_break(left: str, right: str) -> bool:
    """May a line end between two adjacent non-space words?"""
    a, b = left[-1], right[0]
    if b in NO_BREAK_BEFORE or a in NO_BREAK_AFTER:
        return False
    if a == "." and is_thai(b):  # inside an abbreviation ("มี.ค.", "ป.ป.ช.") or a number
        return False
    if unicodedata.category(b) in ("Mn", "Mc"):
        return False
    return is_thai(a) or is_thai(b)


def build_units(runs: Iterable[Run]) -> list[Item]:
    """Turn formatted runs into breakable units (see module docstring)."""
    items: list[Item] = []
    segment: list[tuple[str, Fmt]] = []
    for run in runs:
        if isinstance(run, HardBreak):
            items.extend(_segment_units(segment))
            items.append(HARD_BREAK)
            segment = []
        elif run[0]:
            segment.append(run)
    items.extend(_segment_units(segment))
    return items


def _segment_units(runs: Sequence[tuple[str, Fmt]]) -> list[Unit]:
    if not runs:
        return []
    text = "".join(t for t, _ in runs)
    bounds: list[tuple[int, int, Fmt]] = []
    pos = 0
    for t, fmt in runs:
        bounds.append((pos, pos + len(t), fmt))
        pos += len(t)
    units: list[Unit] = []
    prev_word = ""
    pos = ri = 0
    inside = _term_insides(text)
    for token in split_words(text):
        end = pos + len(token)
        if token.isspace() and not NBSP.intersection(token):
            while bounds[ri][1] <= pos:
                ri += 1
            box = make_box(token, bounds[ri][2])
            units.append(Unit([box], box.width, space=True))
            prev_word = ""
        else:
            boxes = []
            while ri < len(bounds) and bounds[ri][1] <= pos:
                ri += 1
            k = ri
            start = pos
            while start < end:
                _, b1, fmt = bounds[k]
                stop = min(end, b1)
                piece = text[start:stop]
                # keep combining marks with their base letter even across a format change
                while stop < end and unicodedata.category(text[stop]) in ("Mn", "Mc"):
                    stop += 1
                    piece = text[start:stop]
                boxes.append(make_box(piece, fmt))
                start = stop
                while k + 1 < len(bounds) and bounds[k][1] <= start:
                    k += 1
            width = sum(b.width for b in boxes)
            if prev_word and (pos in inside or not _can_break(prev_word, token)):
                last = units[-1]
                last.boxes.extend(boxes)
                last.width += width
                last.words += (token,)
                last.text += "".join(b.text for b in boxes)
            else:
                units.append(Unit(boxes, width, words=(token,)))
            prev_word = token
        pos = end
    return units


def break_lines(
    items: Sequence[Item],
    first_width: float,
    width: float,
    ragged: bool = False,
    open_end: bool = False,
) -> list[Line]:
    """The lines of a paragraph, its breaks chosen all at once; see the module docstring.
    `ragged`: the text is left, center or right aligned (short lines cost little), not
    justified. Hard breaks end lines; the first line is `first_width` wide. `open_end`: the
    paragraph goes on after `items` (the first part of one split across pages): its last
    line is laid out like any other, and is not hard."""
    lines: list[Line] = []
    segment: list[Unit] = []
    for item in items:
        if isinstance(item, HardBreak):
            first = first_width if not lines else width
            lines.extend(_break_segment(segment, first, width, ragged, False))
            segment = []
        else:
            segment.append(item)
    if segment or not lines:
        first = first_width if not lines else width
        lines.extend(_break_segment(segment, first, width, ragged, open_end))
    return lines


def _break_segment(
    units: list[Unit], first_width: float, width: float, ragged: bool, open_end: bool
) -> list[Line]:
    """The lines of text between two hard breaks, the last one hard unless `open_end`."""
    units = _split_overlong(_lstrip(units), width)
    if not units:
        return [_make_line([], not open_end)]
    if not open_end:
        line = _make_line(units, True)
        if line.width <= first_width + _EPS:
            # all on the first line: the least total cost (no other line ends for free), so
            # the search is skipped (most table cells and headings)
            return [line]
    para = _paragraph(units)
    ends = best_breaks(para.places, first_width, width, ragged, para.least, para.exact, open_end)
    lines = []
    start = 0
    for end in ends:
        lines.append(_make_line(para.line(start, end), end == ends[-1] and not open_end))
        start = end
    return lines


def _split_overlong(units: list[Unit], width: float) -> list[Unit]:
    """Units wider than a whole line replaced by their pieces: first their no-break spaces
    become ordinary ones (_open_joins), then what is still too long is cut (_split_long)."""
    out: list[Unit] = []
    for unit in units:
        if not unit.space and not unit.joined and unit.width > width + _EPS:
            for piece in _open_joins(unit):
                if not piece.space and piece.width > width + _EPS:
                    out.extend(_split_long(piece, width))
                else:
                    out.append(piece)
        else:
            out.append(unit)
    return out


def _open_joins(unit: Unit) -> list[Unit]:
    """A unit held together by no-break spaces ("มกราคม ๒๕๖๕ –") as its pieces with breakable
    spaces between them: a join wider than the line gives way where the line needs, and no
    line then starts or ends with a drawn no-break space. [unit] when it has none."""
    # inside a unit, a plain space is a no-break space token's box (make_box)
    cuts = [i for i, ch in enumerate(unit.text) if ch == " " or ch in NBSP]
    if not cuts:
        return [unit]
    out: list[Unit] = []
    rest, done = unit, 0
    for at in cuts:
        left, rest = _split_unit(rest, at - done) if at > done else (None, rest)
        gap, rest = _split_unit(rest, 1)
        done = at + 1
        if left is not None:
            out.append(left)
        space = make_box(" ", gap.boxes[0].fmt)
        out.append(Unit([space], space.width, space=True))
        rest.joined = False  # a space now stands before it
    if rest.text:
        out.append(rest)
    return out


def _lstrip(units: list[Unit]) -> list[Unit]:
    i = 0
    while i < len(units) and units[i].space:
        i += 1
    return units[i:]


def _make_line(units: list[Unit], hard: bool) -> Line:
    line = Line(hard=hard, units=units)
    end = len(units)
    while end and units[end - 1].space:  # spaces at the end of a line are not drawn
        end -= 1
    for unit in units[:end]:
        line.boxes.extend(unit.boxes)
        line.width += unit.width
    return line


def _inside_capacity(unit: Unit) -> float:
    """Points a unit's own gaps stretch at their caps (justify.py)."""
    boxes = unit.boxes
    total = sum(box_capacity(b) for b in boxes)
    return total + sum(join_capacity(a, b) for a, b in pairwise(boxes))


_PARAGRAPHS: OrderedDict[tuple[int, ...], _Paragraph] = OrderedDict()
_PARAGRAPHS_KEPT = 256  # paragraphs laid out again at another width (table columns) reuse them
_PARAGRAPHS_LOCK = threading.Lock()


def _paragraph(units: list[Unit]) -> _Paragraph:
    """The _Paragraph of these very units, made once for all the widths they are laid out at."""
    key = tuple(map(id, units))
    with _PARAGRAPHS_LOCK:
        para = _PARAGRAPHS.get(key)
        if para is not None and all(a is b for a, b in zip(para.units, units)):
            _PARAGRAPHS.move_to_end(key)
            return para
    para = _Paragraph(units)  # it holds the units: their ids are not reused while it is kept
    with _PARAGRAPHS_LOCK:
        _PARAGRAPHS[key] = para
        if len(_PARAGRAPHS) > _PARAGRAPHS_KEPT:
            _PARAGRAPHS.popitem(last=False)
    return para


def _cut_metrics(unit: Unit, offset: int) -> tuple[float, float, float, float]:
    """(width, stretch) of the two parts of `unit` cut `offset` characters in (at a cluster
    boundary), read from its shaped boxes without shaping the parts."""
    widths = [0.0, 0.0]
    caps = [0.0, 0.0]
    pos = 0
    prev: Box | None = None
    for box in unit.boxes:
        n = len(box.text)
        side = 0 if pos + n <= offset else 1
        if prev is not None and pos != offset:
            caps[side if pos > offset else 0] += join_capacity(prev, box)
        if pos < offset < pos + n:  # the box cut in two
            size = box.fmt.size
            left, right, left_gaps, right_gaps = box.shaped.cut(offset - pos)
            widths[0] += left * size / 1000.0
            widths[1] += right * size / 1000.0
            caps[0] += sum(CAPS[k] * n for k, n in enumerate(left_gaps)) * size
            caps[1] += sum(CAPS[k] * n for k, n in enumerate(right_gaps)) * size
        else:
            widths[side] += box.width
            caps[side] += box_capacity(box)
        prev = box
        pos += n
    return widths[0], caps[0], widths[1], caps[1]


class _Paragraph:
    """The places a paragraph's lines may end (between units and inside them, at sub-word
    boundaries), on running totals of width and stretch (totalfit.Place), with their costs
    (remembered: they do not depend on the width)."""

    def __init__(self, units: list[Unit]) -> None:
        self.units = units
        self._exact: dict[int, float] = {}
        n = len(units)
        starts = [0]  # each unit's offset in the paragraph's text
        cum = [0.0]  # width of units[:m]
        cap = [0.0]  # stretch of units[:m] with the joins before each
        joins = [0.0] * n  # stretch of the join before units[m]
        for m, u in enumerate(units):
            starts.append(starts[-1] + len(u.text))
            cum.append(cum[-1] + u.width)
            if m:
                joins[m] = join_capacity(units[m - 1].boxes[-1], u.boxes[0])
            cap.append(cap[-1] + joins[m] + _inside_capacity(u))
        self.starts = starts
        self.context = _Context(units, starts)
        # (unit, offset inside it) of each place, in text order
        self.breaks: list[tuple[int, int]] = [(0, 0)]
        self._halves: dict[int, tuple[Unit, Unit]] = {}
        self.places = [Place(0.0, 0.0, 0.0, 0.0)]
        for m, u in enumerate(units):
            if u.space:
                continue
            e = m
            while e and units[e - 1].space:
                e -= 1
            # a line ending in "-" reads as a hyphenated word (pdftotext joins it)
            if e and not units[e - 1].text.endswith("-"):
                self.breaks.append((m, 0))
                self.places.append(Place(cum[e], cap[e], cum[m], cap[m] + joins[m]))
            inside = _term_insides(u.text)
            for o in _inner_bounds(u.words, len(u.text)):
                if o in inside:
                    continue
                left_w, left_cap, right_w, right_cap = _cut_metrics(u, o)
                self.breaks.append((m, o))
                self.places.append(
                    Place(
                        cum[m] + left_w,
                        cap[m] + joins[m] + left_cap,
                        cum[m + 1] - right_w,
                        cap[m + 1] - right_cap,
                    )
                )
        e = n
        while units[e - 1].space:
            e -= 1
        self.breaks.append((n, 0))
        self.places.append(Place(cum[e], cap[e], cum[n], cap[n]))

    def _offset(self, j: int) -> int:
        m, o = self.breaks[j]
        return self.starts[m] + o

    def least(self, j: int) -> float:
        """The least ending a line at place j can cost (inside a word: one cut word)."""
        return _DICT_PENALTY if self.breaks[j][1] else 0.0

    def exact(self, j: int) -> float:
        """What ending a line at place j costs: _DICT_PENALTY for each dictionary word it
        cuts (and one more inside a unit), _WORD_PENALTY where the two lines would read as one
        cut word (module docstring)."""
        pen = self._exact.get(j)
        if pen is None:
            k = self._offset(j)
            cut = min(self.context.cut_words(k), _MAX_CUT_WORDS)
            pen = _DICT_PENALTY * (cut + 1 if self.breaks[j][1] else cut)
            if self.context.reads_as_cut(k):
                pen += _WORD_PENALTY
            self._exact[j] = pen
        return pen

    def line(self, i: int, j: int) -> list[Unit]:
        """The units of the line from place i to place j (spaces at its end kept)."""
        m1, o1 = self.breaks[i]
        m2, o2 = self.breaks[j]
        if o1 and m1 == m2:  # both ends inside one unit: its middle part
            return [_split_unit(self.halves(i)[1], o2 - o1)[0]]
        out = [self.halves(i)[1]] if o1 else []
        out.extend(self.units[m1 + (o1 > 0) : m2])
        if o2:
            out.append(self.halves(j)[0])
        return out

    def halves(self, j: int) -> tuple[Unit, Unit]:
        """The two parts of the unit place j cuts."""
        got = self._halves.get(j)
        if got is None:
            m, o = self.breaks[j]
            got = self._halves[j] = _split_unit(self.units[m], o)
        return got


class _Context:
    """A paragraph's text with its word and sub-word boundaries, to score line ends."""

    __slots__ = ("bounds", "spaces", "text")

    def __init__(self, units: list[Unit], starts: list[int]) -> None:
        self.text = "".join(u.text for u in units)
        bounds: set[int] = set()
        spaces: list[int] = []  # where each space unit starts and ends
        for u, pos in zip(units, starts):
            if u.space:
                spaces.extend((pos, pos + len(u.text)))
            else:
                bounds.update(pos + c for c in _word_bounds(u.words, len(u.text)))
                bounds.add(pos + len(u.text))
        self.bounds = sorted(bounds)  # word and sub-word boundaries, unit starts and ends
        self.spaces = spaces

    def cut_words(self, k: int) -> int:
        """How many dictionary words, from one word or sub-word boundary to another, span
        offset k (words across a space do not count)."""
        text = self.text
        if k <= 0 or k >= len(text) or text[k - 1].isspace() or text[k].isspace():
            return 0
        s = bisect_right(self.spaces, k)  # the run of words without a space that holds k
        first = self.spaces[s - 1] if s else 0
        last = self.spaces[s] if s < len(self.spaces) else len(text)
        bounds = self.bounds
        at = bisect_right(bounds, k - 1)  # bounds[at] is the first boundary at or after k
        lefts = [b for b in bounds[max(0, at - _NEAR) : at] if b >= first][::-1]
        after = at + 1 if at < len(bounds) and bounds[at] == k else at
        rights = [b for b in bounds[after : after + _NEAR] if b <= last]
        if not lefts or not rights:
            return 0
        root = dictionary.trie().root
        end = rights[-1]
        n = 0
        for i in lefts[:_NEAR]:  # walk the dictionary trie from each left boundary past k
            node = root
            for p in range(i, end):
                nxt = node.children.get(text[p]) if node.children else None
                if nxt is None:
                    break
                node = nxt
                if node.end and p >= k and p + 1 in rights:
                    n += 1
        return n

    def reads_as_cut(self, k: int) -> bool:
        """Would the two lines meeting at offset k read as one word cut in two: the 12
        characters each side of it (to the nearest space) are not cut there by the character
        clusters and a dictionary segmenter (_natural_break)?"""
        text = self.text
        end = k
        while end > 0 and text[end - 1].isspace():
            end -= 1
        begin = end
        while begin > 0 and end - begin < 12 and not text[begin - 1].isspace():
            begin -= 1
        start = k
        while start < len(text) and text[start].isspace():
            start += 1
        stop = start
        while stop < len(text) and stop - start < 12 and not text[stop].isspace():
            stop += 1
        before, after = text[begin:end], text[start:stop]
        return bool(
            before
            and after
            and is_thai(before[-1])
            and is_thai(after[0])
            and not _natural_break(before, after)
        )


def _term_insides(text: str) -> set[int]:
    """Offsets strictly inside an occurrence of one of the TERMS in `text`."""
    return {k for m in TERMS.finditer(text) for k in range(m.start() + 1, m.end())}


@lru_cache(maxsize=16384)
def _word_bounds(words: tuple[str, ...], length: int) -> tuple[int, ...]:
    """Word and sub-word boundaries inside a unit made of `words` (length: its text's)."""
    out: list[int] = []
    pos = 0
    for w in words:
        out.append(pos)
        out.extend(pos + c for c in sub_words(w))
        pos += len(w)
    return tuple(out) if pos == length else (0,)


@lru_cache(maxsize=16384)
def _inner_bounds(words: tuple[str, ...], length: int) -> tuple[int, ...]:
    """Sub-word boundaries inside a unit's words (not between its words: those are glued)."""
    out: list[int] = []
    pos = 0
    for w in words:
        out.extend(pos + c for c in sub_words(w))
        pos += len(w)
    return tuple(out) if pos == length else ()


def _split_unit(unit: Unit, offset: int) -> tuple[Unit, Unit]:
    """The unit cut `offset` characters in: (left, right); the right part starts a line."""
    left: list[Box] = []
    right: list[Box] = []
    pos = 0
    for box in unit.boxes:
        n = len(box.text)
        if pos + n <= offset:
            left.append(box)
        elif pos >= offset:
            right.append(box)
        else:
            left.append(make_box(box.text[: offset - pos], box.fmt))
            right.append(make_box(box.text[offset - pos :], box.fmt))
        pos += n
    lw: list[str] = []
    rw: list[str] = []
    pos = 0
    for w in unit.words:
        if pos + len(w) <= offset:
            lw.append(w)
        elif pos >= offset:
            rw.append(w)
        else:
            lw.append(w[: offset - pos])
            rw.append(w[offset - pos :])
        pos += len(w)
    return (
        Unit(left, sum(b.width for b in left), joined=unit.joined, words=tuple(lw)),
        Unit(right, sum(b.width for b in right), joined=True, words=tuple(rw)),
    )


@lru_cache(maxsize=16384)
def sub_words(word: str) -> tuple[int, ...]:
    """Offsets inside a Thai `word` where it divides into shorter dictionary words: the
    division into the fewest parts (each of two characters or more, cut between character
    clusters; among equals, the one whose shortest part is longest), and the same inside
    parts of _LONG_PART characters or more. () if the word does not divide wholly."""
    n = len(word)
    if n < 4 or not all(is_thai(c) for c in word):
        return ()
    words = dictionary.words()
    cuts = sorted(set(_thai_cuts(word)))
    # end -> (parts, -shortest part, start of the last part) of the best division of word[:end]
    best: dict[int, tuple[int, int, int]] = {0: (0, -n, 0)}
    for j in cuts[1:]:
        for i in cuts:
            if i >= j:
                break
            if i in best and 2 <= j - i < n and word[i:j] in words:
                parts, shortest, _ = best[i]
                cand = (parts + 1, max(shortest, i - j), i)
                if j not in best or cand < best[j]:
                    best[j] = cand
    if n not in best:
        return ()
    points = []
    j = best[n][2]
    while j:
        points.append(j)
        j = best[j][2]
    out = set(points)
    for a, b in pairwise([0, *sorted(points), n]):
        if b - a >= _LONG_PART:
            out.update(a + c for c in sub_words(word[a:b]))
    return tuple(sorted(out))


@lru_cache(maxsize=8192)
def _natural_break(before: str, after: str) -> bool:
    """Do the character clusters (TCC) and a dictionary segmenter (newmm or longest matching)
    both allow a break between `before` and `after`, read without the rest of the text?"""
    from pythainlp.tokenize import subword_tokenize, word_tokenize

    text, k = before + after, len(before)
    if k not in _ends(subword_tokenize(text, engine="tcc")):
        return False
    words = dictionary.trie()  # pythainlp's words: its default trie is never built
    return any(
        k in _ends(word_tokenize(text, engine=e, custom_dict=words)) for e in ("newmm", "longest")
    )


def _ends(tokens: list[str]) -> set[int]:
    out, pos = set(), 0
    for t in tokens:
        pos += len(t)
        out.add(pos)
    return out


def _split_long(unit: Unit, width: float) -> list[Unit]:
    """An over-long unit as pieces that each fit a line: its words and their dictionary parts
    (URL-style pieces in Latin text), cut between character clusters, then between
    characters, where still too long. All but the first are joined (no word gap before them);
    the line breaker chooses among the ends between them like any other."""
    chunks: list[Box] = []
    for box in unit.boxes:
        for part in _cut(box.text, _preferred_cuts(box.text)):
            chunk = make_box(part, box.fmt)
            if chunk.width <= width + _EPS:
                chunks.append(chunk)
                continue
            for sub in _cut(part, _thai_cuts(part)):  # a word part still too long
                chunk = make_box(sub, box.fmt)
                if chunk.width <= width + _EPS:
                    chunks.append(chunk)
                else:
                    chunks.extend(make_box(p, box.fmt) for p in _cut(sub, _fallback_cuts(sub)))
    return [
        Unit([c], c.width, joined=unit.joined if i == 0 else True) for i, c in enumerate(chunks)
    ]


def _cut(text: str, cuts: Iterable[int]) -> list[str]:
    out, last = [], 0
    for c in sorted(set(cuts)):
        if last < c < len(text):
            out.append(text[last:c])
            last = c
    out.append(text[last:])
    return out


def _preferred_cuts(text: str) -> list[int]:
    """URL style (Chicago Manual): after / : @ = &, before . , - _ ? # % ~ (a line that ends
    in "-" would also be read as a hyphenated word and joined by pdftotext); and between Thai
    words and the dictionary parts of Thai words (sub_words)."""
    cuts = [
        i + 1
        for i, ch in enumerate(text[:-1])
        if ch in _BREAK_AFTER and text[i + 1] not in _BREAK_AFTER
    ]
    cuts += [
        i
        for i, ch in enumerate(text)
        if i
        and ch in _BREAK_BEFORE
        and text[i - 1] not in _BREAK_BEFORE
        and text[i - 1] not in _BREAK_AFTER
    ]
    if any(is_thai(ch) for ch in text):
        pos = 0
        for word in split_words(text):
            if is_thai(word[0]) or (pos and is_thai(text[pos - 1])):
                cuts.append(pos)
            cuts.extend(pos + c for c in sub_words(word))
            pos += len(word)
    return cuts


def _fallback_cuts(text: str) -> list[int]:
    """Every character boundary that does not split a character cluster."""
    cuts = set(_thai_cuts(text))
    for i in range(1, len(text)):
        a, b = text[i - 1], text[i]
        if (
            not is_thai(a)
            and not is_thai(b)
            and a != "-"
            and unicodedata.category(b) not in ("Mn", "Mc")
        ):
            cuts.add(i)
    return sorted(cuts)
