"""Thai-aware line breaking: words from split_words, shaped widths, emergency breaks.

Public API:
    build_units(runs) -> list[Unit]
        `runs` is a list of (text, Fmt) pairs, or HARD_BREAK for a forced line end. The text is
        cut into words with ita_desktop.thai.segmentation.split_words; each word is shaped.
        Words that must stay together (no break before "ๆ", ")" or ","; none after "(";
        none inside Latin/digit runs such as URLs, "พ.ศ.2567" or "ITA-2567") form one Unit.
    break_lines(units, first_width, width, ragged=False) -> list[Line]
        First-fit filling; when a unit does not fit, the line end is chosen among every
        possible end of the line by score (see "Choosing a line end" below). Lines end between
        units, inside a unit only where its word divides into shorter dictionary words (see
        sub_words), or at a hard break; spaces at line ends are dropped. A unit longer than a
        whole line is broken at the best place inside it: URL style (after / : @ = &, before
        . , - _ ? # % ~) in Latin text, between words and dictionary parts of words in Thai
        text, between Thai character clusters (TCC) if a part is still too long, between
        characters (never inside a cluster) as a last resort. No line is wider than its width
        unless it holds a single unbreakable piece.
    sub_words(word) -> tuple[int, ...]
        Offsets inside a Thai word where it divides wholly into shorter dictionary words
        (pythainlp's thai_words(), fewest parts, then the parts of the parts).
    cluster_gaps(box) -> list[int]
        Glyph indexes after which inter-cluster justification space may go (Thai only).

Choosing a line end: when a unit does not fit, every place the line could end is scored and
the lowest score wins. The places: between units, and inside a unit where its word divides
into dictionary parts (sub_words), back to 60% of the width in justified text and anywhere
in left/center/right aligned ("ragged") text, as long as what is left over fits on the next
line (or on two, counting the cheapest break that then makes it fit). The score:
    fill badness   s = the empty share of the line. Ragged: 30*s^2 (half full costs 7.5,
                   a nearly empty line less than one cut compound). Justified, where the gap
                   is spread over the line: 1000*s^2 (10% costs 10, 20% costs 40), plus 200
                   under JUSTIFY_MIN_FILL, where the line is left ragged
    + 40 for each dictionary word (pythainlp's thai_words) that spans the break from one
                   word or sub-word boundary to another, at most 4 boundaries away: ผล|ประโยชน์,
                   แนว|ทางการ (แนวทาง), ตลอด|ปี|งบประมาณ (ตลอดปี at the first, ปีงบประมาณ at
                   the second); and 40 more for a break inside one of the segmenter's words,
                   which it read as one (ปี|งบประมาณ, คณะ|กรรมการ in the NACC's name)
    + 1000 if the two words meeting at the break, read on their own (12 characters each
                   side, as the line ends will be), are not cut there by the character
                   clusters and by a dictionary segmenter (newmm or longest matching): the two
                   lines would read as a cut word (what pdf_thai_check counts)
So justified text cuts a compound rather than leave a line stretched by a fifth or ragged,
and ragged text (table cells) takes a shorter line rather than cut a compound. Candidates
are scored from the longest line down and only while they can still win (badness grows as
the line shortens; the segmenter check runs last and is cached), so a line costs a few
dictionary look-ups.

No zero-width space or any other invisible character is ever inserted.
"""

from __future__ import annotations

import unicodedata
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import pairwise
from typing import Any

from ita_desktop.exporters.pdf.render import Box, Fmt, make_box
from ita_desktop.exporters.pdf.shaping import thai_cuts as _thai_cuts
from ita_desktop.thai.segmentation import split_words

_EPS = 0.01
JUSTIFY_MIN_FILL = 0.75  # a justified line shorter than this share of the width stays ragged
_JUSTIFY_FLOOR = 0.6  # a justified line is never ended shorter than this share by choice
_RAGGED_K = 30.0  # fill badness of left/center/right aligned text: _RAGGED_K * empty share^2
_JUSTIFY_K = 1000.0  # fill badness of justified text: _JUSTIFY_K * empty share^2 ...
_JUSTIFY_RAGGED = 200.0  # ... plus this under JUSTIFY_MIN_FILL
_DICT_PENALTY = 40.0  # for each dictionary word a break cuts
_MAX_CUT_WORDS = 3  # at most this many counted
_WORD_PENALTY = 1000.0  # the two line ends read as one word (what pdf_thai_check counts)
_MAX_WORD = 60  # text read past a line end, in characters
_NEAR = 4  # a dictionary word cut by a break is looked for up to this many boundaries away
_LONG_PART = 9  # a dictionary part of a word this long is itself divided (sub_words)
NBSP = set("\u00a0\u202f\u2007")  # no-break spaces: drawn as spaces, never a line end
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
    """One laid-out line. stretch[i]: a word gap (justification point) comes before boxes[i]."""

    boxes: list[Box] = field(default_factory=list)
    stretch: list[bool] = field(default_factory=list)
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
            if prev_word and not _can_break(prev_word, token):
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
    items: Sequence[Item], first_width: float, width: float, ragged: bool = False
) -> list[Line]:
    """Fill lines, choosing each line end by score; see the module docstring. `ragged`: the
    text is left, center or right aligned (short lines cost little), not justified."""
    lines: list[Line] = []
    cur: list[Unit] = []
    cur_w = 0.0

    def avail() -> float:
        return first_width if not lines else width

    idx = -1
    while idx + 1 < len(items):
        idx += 1
        item = items[idx]
        if isinstance(item, HardBreak):
            lines.append(_make_line(cur, True))
            cur, cur_w = [], 0.0
            continue
        if item.space:
            if cur:
                cur.append(item)
                cur_w += item.width
            continue
        if cur_w + item.width <= avail() + _EPS:
            cur.append(item)
            cur_w += item.width
            continue
        if item.width > width + _EPS and not item.joined:  # longer than any line
            pieces = _split_long(item, width)
            if len(pieces) > 1:  # the pieces take its place
                items = [*items[:idx], *pieces, *items[idx + 1 :]]
                idx -= 1
                continue
        if not cur:
            cur, cur_w = [item], item.width
            continue
        head, cur = _choose_break(cur, items, idx, avail(), width, ragged)
        lines.append(_make_line(head, False))
        cur_w = sum(u.width for u in cur)
        if cur_w > width + _EPS:  # more than a line left over: its units are laid out again
            items = [*cur, *items[idx + 1 :]]
            idx = -1
            cur, cur_w = [], 0.0
    if cur or not lines:
        lines.append(_make_line(cur, True))
    else:
        lines[-1].hard = True
    return lines


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
        for j, box in enumerate(unit.boxes):
            line.stretch.append(j == 0 and bool(line.boxes) and not unit.joined)
            line.boxes.append(box)
        line.width += unit.width
    return line


def _badness(head: float, avail: float, ragged: bool) -> float:
    """What a line `head` points wide costs for being short of `avail`."""
    empty = max(0.0, 1.0 - head / avail) if avail > 0 else 0.0
    if ragged:
        return _RAGGED_K * empty * empty
    bad = _JUSTIFY_K * empty * empty
    return bad + _JUSTIFY_RAGGED if empty > 1.0 - JUSTIFY_MIN_FILL else bad


def _choose_break(
    cur: list[Unit], items: Sequence[Item], idx: int, avail: float, width: float, ragged: bool
) -> tuple[list[Unit], list[Unit]]:
    """items[idx] does not fit after `cur`: (the finished line, the start of the next one),
    the line end chosen by score (module docstring) among the ends between units and the
    sub-word boundaries inside them, items[idx] included."""
    nxt = items[idx]
    assert not isinstance(nxt, HardBreak)  # break_lines handles those itself
    seq = [*cur, nxt]
    starts = [0]
    cum = [0.0]
    for u in seq:
        starts.append(starts[-1] + len(u.text))
        cum.append(cum[-1] + u.width)
    ctx = _Context(seq, starts, items, idx + 1)
    total = cum[-1]
    last = len(seq) - 1
    best: tuple[int, int, list[Unit] | None] = (last, 0, None)
    best_score = float("inf")

    def end_before(m: int) -> bool:
        """Score ending the line before seq[m]; False when no earlier end can win."""
        nonlocal best, best_score
        end = m
        while end and seq[end - 1].space:
            end -= 1
        rest = total - cum[m]
        if not end or rest > 2 * width:
            return False
        head = cum[end]
        bad = _badness(head, avail, ragged)
        if best_score < float("inf") and (
            bad >= best_score or (not ragged and head < _JUSTIFY_FLOOR * avail)
        ):
            return False
        score = bad + ctx.penalty(starts[m], best_score - bad)
        if rest > width + _EPS and score < best_score:
            score += rest_cost(m, best_score - score)
        if score < best_score:
            best, best_score = (m, 0, None), score
        return True

    def rest_cost(m: int, limit: float) -> float:
        """Ending the line before seq[m] leaves more than a line: what the best break inside
        seq[m:] that fits the next line costs (its penalty), or `limit` if none is cheaper."""
        least = limit
        for j in range(last, m, -1):  # ends before seq[j]
            e = j
            while e > m and seq[e - 1].space:
                e -= 1
            if seq[j].space or e == m or cum[e] - cum[m] > width + _EPS:
                continue
            if total - cum[j] > width + _EPS:
                break
            least = min(least, ctx.penalty(starts[j], least))
        for j in range(m, last + 1):  # ends inside seq[j]
            if least <= _DICT_PENALTY:
                break
            for o in _inner_bounds(seq[j].words, len(seq[j].text)):
                left, right = _split_unit(seq[j], o)
                if (
                    cum[j] - cum[m] + left.width <= width + _EPS
                    and right.width + total - cum[j + 1] <= width + _EPS
                ):
                    least = min(least, ctx.penalty(starts[j] + o, least, inner=True))
        return least

    def inside(m: int) -> bool:
        """Score the ends inside seq[m], the longest line first; False as in end_before."""
        nonlocal best, best_score
        unit = seq[m]
        inner = _inner_bounds(unit.words, len(unit.text))
        if not inner or (
            _badness(min(cum[m + 1], avail), avail, ragged) + _DICT_PENALTY >= best_score
        ):
            return True  # none of them can win
        for o in reversed(inner):
            left, right = _split_unit(unit, o)
            head = cum[m] + left.width
            if head > avail + _EPS:
                continue
            if right.width + total - cum[m + 1] > width + _EPS:
                return True  # leaves more than a line: only ends between units are tried
            if not ragged and head < _JUSTIFY_FLOOR * avail:
                return False
            bad = _badness(head, avail, ragged)
            if bad + _DICT_PENALTY >= best_score:
                return bad < best_score
            score = bad + ctx.penalty(starts[m] + o, best_score - bad, inner=True)
            if score < best_score:
                best, best_score = (m, o, [left, right]), score
        return True

    # the end before the unit that did not fit first: it bounds what the ends inside it, which
    # all carry a dictionary penalty, may cost
    if end_before(last) and inside(last):
        for m in range(last - 1, -1, -1):
            if not seq[m].space and not (inside(m) and end_before(m)):
                break
    return _finish(seq, best)


def _finish(
    seq: list[Unit], best: tuple[int, int, list[Unit] | None]
) -> tuple[list[Unit], list[Unit]]:
    m, _, halves = best
    if halves is None:
        return seq[:m], _lstrip(seq[m:])
    return [*seq[:m], halves[0]], [halves[1], *seq[m + 1 :]]


class _Context:
    """The text around one line end, with its word and sub-word boundaries, to score breaks
    (made on first use)."""

    __slots__ = ("_text", "items", "look", "starts", "units")

    def __init__(
        self, units: list[Unit], starts: list[int], items: Sequence[Item], look: int
    ) -> None:
        self.units = units  # the line's units and the one that did not fit
        self.starts = starts  # offset of each unit in `text`
        self.items = items
        self.look = look  # items[look:] follow the units
        self._text: str | None = None

    @property
    def text(self) -> str:
        """The units' text and a few words after them (to read across the break)."""
        if self._text is None:
            parts = [u.text for u in self.units]
            n = 0
            for it in self.items[self.look :]:
                if isinstance(it, HardBreak) or n > _MAX_WORD:
                    break
                parts.append(it.text)
                n += len(it.text)
            self._text = "".join(parts)
        return self._text

    def cut_words(self, k: int) -> int:
        """How many dictionary words, from one word or sub-word boundary to another, span
        offset k (words across a space do not count)."""
        text = self.text
        if k <= 0 or k >= len(text) or text[k - 1].isspace() or text[k].isspace():
            return 0
        lefts: list[int] = []  # the nearest boundaries before k, nearest first
        m = bisect_right(self.starts, k) - 1  # the unit holding k, or starting at it
        pos = self.starts[m]
        if pos < k:
            lefts.extend(
                pos + c
                for c in reversed(_word_bounds(self.units[m].words, len(self.units[m].text)))
                if pos + c < k
            )
        while m > 0 and len(lefts) < _NEAR and not self.units[m - 1].space:
            m -= 1
            pos = self.starts[m]
            lefts.extend(
                pos + c
                for c in reversed(_word_bounds(self.units[m].words, len(self.units[m].text)))
            )
        rights: list[int] = []  # the nearest boundaries after k
        m = bisect_right(self.starts, k) - 1
        pos = self.starts[m]
        look = self.look - len(self.units)
        while len(rights) < _NEAR:
            u = self.units[m] if m < len(self.units) else self.items[m + look]
            if isinstance(u, HardBreak) or u.space:
                break
            rights.extend(pos + c for c in _word_bounds(u.words, len(u.text)) if pos + c > k)
            pos += len(u.text)
            rights.append(pos)
            m += 1
            if m + look >= len(self.items) or pos >= len(text):
                break
        rights = rights[:_NEAR]
        if not lefts or not rights:
            return 0
        root = _trie().root
        end = rights[-1]
        n = 0
        for i in lefts[:_NEAR]:  # walk the dictionary trie from each left boundary past k
            node = root
            for p in range(i, end):
                node = node.children.get(text[p]) if node.children else None
                if node is None:
                    break
                if node.end and p >= k and p + 1 in rights:
                    n += 1
        return n

    def penalty(self, k: int, limit: float, inner: bool = False) -> float:
        """What ending the line at offset k costs (module docstring); stops counting once
        the cost reaches `limit`, where the break can no longer win."""
        cut = min(self.cut_words(k), _MAX_CUT_WORDS)
        pen = _DICT_PENALTY * (cut + 1 if inner else cut)
        if pen >= limit:
            return pen
        before = self.text[:k].rstrip()
        before = before.rsplit(None, 1)[-1][-12:] if before else ""
        after = self.text[k:].lstrip()
        after = after.split(None, 1)[0][:12] if after else ""
        if (
            before
            and after
            and is_thai(before[-1])
            and is_thai(after[0])
            and not _natural_break(before, after)
        ):
            pen += _WORD_PENALTY
        return pen


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


@lru_cache(maxsize=1)
def _dictionary() -> frozenset[str]:
    from pythainlp.corpus import thai_words

    return frozenset(thai_words())


@lru_cache(maxsize=1)
def _trie() -> Any:
    from pythainlp.tokenize import word_dict_trie  # the same words as _dictionary()

    return word_dict_trie()


@lru_cache(maxsize=16384)
def sub_words(word: str) -> tuple[int, ...]:
    """Offsets inside a Thai `word` where it divides into shorter dictionary words: the
    division into the fewest parts (each of two characters or more, cut between character
    clusters; among equals, the one whose shortest part is longest), and the same inside
    parts of _LONG_PART characters or more. () if the word does not divide wholly."""
    n = len(word)
    if n < 4 or not all(is_thai(c) for c in word):
        return ()
    words = _dictionary()
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
    return any(k in _ends(word_tokenize(text, engine=e)) for e in ("newmm", "longest"))


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


def cluster_gaps(box: Box) -> tuple[int, ...]:
    """Glyph indexes of `box` after which inter-cluster justification space may go."""
    return () if box.space else box.shaped.cluster_gaps
