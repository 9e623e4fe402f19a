"""GridTable: a table flowable that repeats its header with "(ต่อ)" and splits inside rows.

ReportLab's Table cannot split one cell taller than a page; here a row that does not fit is cut
between the lines of its paragraphs and continues on the next page as a continuation row, so
a 5,000-character step neither crashes nor gets clipped. Row heights are cached per width and
each piece carries its body's height on to the next (see _body), so a 300-page table is laid
out in linear time.

How a careful typesetter would set it:
- Columns follow the text (`fit_to_content`): starting from the designer's fractions (each
  column at least as wide as its widest word), width moves between columns while that makes
  the rows shorter (a row is as tall as its tallest cell), a short text (a unit's name, a
  period) takes no more than two lines where it can, and the table does not stray far from
  the designer's look (ColumnFit.price). Line counts there are quick first-fit estimates on a
  sample of the rows; all pieces of a table share its columns.
- Pages are filled: a page may end between rows when it is at least FILL full; otherwise the
  row that does not fit is cut between lines and continues on the next page ("(ต่อ)" in its
  first cell), unless the cut would leave fewer than MIN_PIECE lines at the foot of the page
  or MIN_TAIL lines on the next, start a cell of the row empty at the foot of the page, or
  cut the row's title (the first paragraph of its first cell: a measure's name is read
  whole). A group heading never ends a page. A table's last page never holds only its
  repeated header and fewer than MIN_TAIL lines: its last MIN_ROWS rows stay together while
  the page before keeps FILL, and rows move over with them until they hold MIN_TAIL lines.
- A table starts under the text before it when two rows, or START_LINES lines of its first
  row, fit there. A short table (at most SHORT_TABLE of the page) splits only between rows
  and with MIN_ROWS rows on either side; else it moves whole to the next page.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from reportlab.lib import colors
from reportlab.platypus.flowables import Flowable

BIG = 1e7
PAD_X = 5.0
PAD_Y = 6.0  # single-line rows of numbers then stand > 2.2 em apart
PARA_GAP = 2.0
GRID = colors.HexColor("#4d4d4d")
HEADER_FILL = colors.HexColor("#dfe5ee")
GROUP_FILL = colors.HexColor("#f0f3f7")
FILL = 0.9  # a page at least this full may end before a row instead of cutting it
MIN_ROWS = 3  # the last rows kept together on a table's last page, while pages stay FILL full
MIN_PIECE = 2  # lines: the least of a row at the foot of a page before a cut (no lonely line)
MIN_TAIL = 3  # lines: the least of a cut row's rest, and of a table's last page
START_LINES = 4  # lines of a table's first row that are enough to start it under other text
SHORT_TABLE = 0.5  # of the page: a table this short splits only with MIN_ROWS rows each side
MAX_MIN_SHARE = 0.45  # no column claims more than this share of the width for a long word
SAMPLE_ROWS = 40  # rows of a long table that decide its columns (spread over the table)
HEADER_WEIGHT = 2  # the header rows count as this many rows (they repeat on every page)
LINE_PRICE = 0.15  # of every cell's height, added to its row's height
TITLE_PRICE = 0.5  # of a row title's height instead: it is never cut, so it decides the pages
SHORT_TEXT = 130.0  # points: a text two lines this wide hold is short ...
SHORT_PRICE = 0.5  # ... and each line it takes past two costs this many lines of height
STRAY_PRICE = 1.0  # lines per row: the price of moving the whole width off the designer's
MOVES = (1, 2, 3, 4, 6, 8, 11, 15, 20, 27, 36)  # steps of 1/240 of the width moved
ROUNDS = 3  # searches, each on estimates corrected by the real line counts at the last result


@dataclass
class GCell:
    flows: list[Flowable]
    span: int = 1


@dataclass
class GRow:
    cells: list[GCell]
    kind: str = "body"  # header | body | group | total
    _heights: dict[float, float] = field(default_factory=dict, repr=False)


def _flows_height(flows: list[Flowable], w: float) -> float:
    h = 0.0
    for i, f in enumerate(flows):
        h += f.wrap(w, BIG)[1] + (PARA_GAP if i else 0.0)
    return h


def split_flows(flows: list[Flowable], w: float, h: float) -> tuple[list[Flowable], list[Flowable]]:
    """The flowables that fit in height h (the one that straddles cut between its lines)."""
    head: list[Flowable] = []
    used = 0.0
    for i, f in enumerate(flows):
        gap = PARA_GAP if head else 0.0
        fh = f.wrap(w, BIG)[1]
        if used + gap + fh <= h + 1e-6:
            head.append(f)
            used += gap + fh
            continue
        parts = f.split(w, h - used - gap) if h - used - gap > 0 else []
        if len(parts) >= 2:
            return head + [parts[0]], list(parts[1:]) + flows[i + 1 :]
        return head, flows[i:]
    return head, []


def fit_columns(fractions: list[float], minimum: list[float], avail: float) -> list[float]:
    """Column widths from fractions, widened so each column holds its widest word.

    The extra width is taken from the columns with room to spare, in proportion to it.
    """
    cols = [f * avail for f in fractions]
    need = [min(m + 2 * PAD_X, avail * MAX_MIN_SHARE) for m in minimum]
    if sum(need) >= avail:
        return [avail * n / sum(need) for n in need]
    for _ in range(len(cols)):
        short = [i for i, c in enumerate(cols) if c < need[i] - 1e-6]
        if not short:
            break
        deficit = sum(need[i] - cols[i] for i in short)
        for i in short:
            cols[i] = need[i]
        spare = {
            i: cols[i] - need[i] for i in range(len(cols)) if i not in short and cols[i] > need[i]
        }
        total = sum(spare.values())
        if total <= 0:
            break
        take = min(deficit, total)
        for i, room in spare.items():
            cols[i] -= take * room / total
    return cols


def _sample(rows: list[GRow], n: int) -> list[GRow]:
    body = [r for r in rows if r.kind != "group"]
    if len(body) <= n:
        return body
    return [body[round(k * (len(body) - 1) / (n - 1))] for k in range(n)]


def estimate_lines(units: list[Any], width: float) -> int:
    """Lines of a paragraph's units (linebreak.Unit: width, space; or a hard break) filled
    first-fit into `width`: a quick estimate of the line breaker's count for choosing widths."""
    lines, cur, gap = 1, 0.0, 0.0
    for u in units:
        w = getattr(u, "width", None)
        if w is None:  # a hard break
            lines += 1
            cur = gap = 0.0
            continue
        if u.space:
            if cur > 0:
                gap += w
            continue
        if cur > 0 and cur + gap + w <= width + 0.01:
            cur += gap + w
        else:
            if cur > 0:
                lines += 1
            extra = max(0, math.ceil(w / width - 1e-9) - 1) if width > 0 else 0
            lines += extra
            cur = w - extra * width
        gap = 0.0
    return lines


class _Para:
    """One paragraph of a cell as the column fitting sees it: its lines at a width, from the
    first-fit estimate corrected by the line breaker's real count at the nearest width it was
    measured at (fewer lines when wider, more when narrower)."""

    def __init__(self, flow: Flowable) -> None:
        self.flow = flow
        self.units = getattr(flow, "items", None)
        style = getattr(flow, "style", None)
        self.leading = float(getattr(style, "leading", 0.0) or 0.0)
        if self.units is None or not self.leading:
            self.units = None
        self.real: dict[float, tuple[int, int]] = {}  # width: (real lines, estimate)
        self._guess: dict[float, int] = {}
        self._lines: dict[float, int] = {}
        self.short = self.units is not None and self.guess(SHORT_TEXT) <= 2

    def guess(self, w: float) -> int:
        """The first-fit estimate at inner width w."""
        n = self._guess.get(w)
        if n is None:
            n = self._guess[w] = estimate_lines(self.units, w) if self.units is not None else 0
        return n

    def measure(self, w: float) -> None:
        """Count the lines the line breaker really makes at inner width w."""
        if self.units is not None and w not in self.real:
            real = round(self.flow.wrap(w, BIG)[1] / self.leading)
            self.real[w] = (real, self.guess(w))
            self._lines.clear()

    def lines(self, w: float) -> int:
        n = self._lines.get(w)
        if n is None:
            n = self.guess(w)
            if self.real:
                at = min(self.real, key=lambda a: abs(a - w))
                real, guess = self.real[at]
                n += real - guess
                n = min(n, real) if w >= at else max(n, real)
            self._lines[w] = n = max(n, 1)
        return n

    def height(self, w: float) -> float:
        if self.units is None:
            return self.flow.wrap(w, BIG)[1]
        return self.lines(w) * self.leading


def fit_to_content(
    cols: list[float], minimum: list[float], header: list[GRow], rows: list[GRow], line: float
) -> list[float]:
    """Column widths, moved from `cols` (the designer's, fitted) so the rows come out short.

    Width moves from one column to another, 1 to 36 steps of 1/240 of the table at a time, while
    the price (ColumnFit.price) falls; no column gets narrower than its widest word.
    """
    return ColumnFit(cols, minimum, header, rows, line).solve()


class ColumnFit:
    """The price of column widths for a table's text (see price), on a sample of its rows."""

    def __init__(
        self,
        cols: list[float],
        minimum: list[float],
        header: list[GRow],
        rows: list[GRow],
        line: float,
    ) -> None:
        self.cols = cols
        self.n = n = len(cols)
        self.avail = avail = sum(cols)
        self.line = line
        self.sample = sample = _sample(rows, SAMPLE_ROWS) + [
            r for r in header for _ in range(HEADER_WEIGHT)
        ]
        self.q = avail / 240
        need = [min(min(m + 2 * PAD_X, avail * MAX_MIN_SHARE), c) for m, c in zip(minimum, cols)]
        self.floor = [math.ceil((nd - c) / self.q - 1e-9) for nd, c in zip(need, cols)]
        paras: dict[int, _Para] = {}
        self.single: list[list[list[_Para]]] = [[[] for _ in sample] for _ in range(n)]
        self.spanned: list[tuple[int, list[tuple[int, int, list[_Para]]]]] = []
        for r, row in enumerate(sample):
            cells, i = [], 0
            for c in row.cells:
                ps = [paras.setdefault(id(f), _Para(f)) for f in c.flows]
                cells.append((i, min(n, i + c.span), ps))
                i += c.span
            if all(b - a == 1 for a, b, _ in cells):
                for a, _, ps in cells:
                    self.single[a][r] = ps
            else:
                self.spanned.append((r, cells))
        self._columns: dict[tuple[int, int], tuple[list[float], float]] = {}

    def _cell(self, ps: list[_Para], w: float) -> tuple[float, float]:
        """(height, short-text price) of a cell's paragraphs at inner width w."""
        h = PARA_GAP * (len(ps) - 1) if ps else 0.0
        extra = 0.0
        for p in ps:
            h += p.height(w)
            if p.short and p.lines(w) > 2:
                extra += SHORT_PRICE * self.line * (p.lines(w) - 2)
        return h, extra

    def _column(self, c: int, k: int) -> tuple[list[float], float]:
        """Per sample row the height of column c's cell at k steps off its width, and the
        column's price past the rows' heights (LINE_PRICE of all, TITLE_PRICE of the first
        column's, short texts)."""
        got = self._columns.get((c, k))
        if got is None:
            w = round(self.cols[c] + k * self.q - 2 * PAD_X, 2)
            hs, extra = [], 0.0
            share = TITLE_PRICE if c == 0 else LINE_PRICE
            for ps in self.single[c]:
                h, x = self._cell(ps, w)
                hs.append(h)
                extra += x + share * h
            got = self._columns[(c, k)] = (hs, extra)
        return got

    def price(self, ks: list[int]) -> float:
        """Per row: its height (the tallest cell's), plus LINE_PRICE of every cell's height
        (TITLE_PRICE of the row title's: the first column),
        plus SHORT_PRICE lines for each line past the second of a short text (one that two
        lines of SHORT_TEXT hold: a unit's name, a period); plus STRAY_PRICE for straying
        from the designer's widths. Widths are the designer's plus ks steps."""
        parts = [self._column(c, k) for c, k in enumerate(ks)]
        total = sum(map(max, zip(*(hs for hs, _ in parts)))) + sum(x for _, x in parts)
        if self.spanned:
            ws = [c + k * self.q for c, k in zip(self.cols, ks)]
            for r, cells in self.spanned:
                tallest = 0.0
                for a, b, ps in cells:
                    h, x = self._cell(ps, round(sum(ws[a:b]) - 2 * PAD_X, 2))
                    tallest = max(tallest, h)
                    total += x + LINE_PRICE * h
                total += tallest - max((hs[r] for hs, _ in parts), default=0.0)
        stray = sum(abs(k) for k in ks) * self.q / self.avail
        return total / len(self.sample) + STRAY_PRICE * self.line * stray

    def steps(self, widths: list[float]) -> list[int]:
        return [round((w - c) / self.q) for w, c in zip(widths, self.cols)]

    def _measure(self, ks: list[int]) -> None:
        """The line breaker's real counts for the sample at these widths; the estimates are
        corrected by them from now on."""
        for c, k in enumerate(ks):
            w = round(self.cols[c] + k * self.q - 2 * PAD_X, 2)
            for ps in self.single[c]:
                for p in ps:
                    p.measure(w)
        ws = [c + k * self.q for c, k in zip(self.cols, ks)]
        for _, cells in self.spanned:
            for a, b, ps in cells:
                for p in ps:
                    p.measure(round(sum(ws[a:b]) - 2 * PAD_X, 2))
        self._columns.clear()

    def _search(self, ks: list[int]) -> list[int]:
        """Greedy: the best single move of width from one column to another, while any
        lowers the price."""
        n = self.n
        best = self.price(ks)
        for _ in range(100):
            move = None
            for i in range(n):  # i gives, j takes
                room = ks[i] - self.floor[i]
                for m in sorted({min(m, room) for m in MOVES if room > 0}):
                    for j in range(n):
                        if j != i:
                            trial = list(ks)
                            trial[i] -= m
                            trial[j] += m
                            p = self.price(trial)
                            if p < best - 1e-6:
                                best, move = p, trial
            if move is None:
                break
            ks = move
        return ks

    def solve(self) -> list[float]:
        """Search on estimates corrected by real counts at the designer's widths, then at
        each result in turn (up to ROUNDS); the designer's widths if the real price of the
        result is no better."""
        if self.n < 2 or not self.sample or self.avail <= 0:
            return self.cols
        start = [0] * self.n
        ks = start
        self._measure(ks)
        for _ in range(ROUNDS):
            found = self._search(ks)
            self._measure(found)
            if found == ks:
                break
            ks = found
        if self.price(ks) >= self.price(start):  # both measured: real prices
            return self.cols
        return [c + k * self.q for c, k in zip(self.cols, ks)]


class GridTable(Flowable):
    """A grid of cells (each a list of flowables) with repeated header rows and a caption."""

    def __init__(
        self,
        fractions: list[float],
        header: list[GRow],
        rows: list[GRow],
        *,
        caption: Flowable | None = None,
        caption_continued: Flowable | None = None,
        continued: bool = False,
        borders: bool = True,
        line_height: float = 20.0,
        min_widths: list[float] | None = None,
        continued_mark: Callable[[], Flowable] | None = None,
        fit_content: bool = False,
        _columns: dict[float, list[float]] | None = None,
        _body: dict[float, float] | None = None,
    ) -> None:
        super().__init__()
        self.continued_mark = continued_mark  # shown in an emptied first cell of a cut row
        self.fractions = fractions
        self.min_widths = min_widths or [0.0] * len(fractions)  # widest unbreakable word
        self.header = header
        self.rows = rows
        self.caption = caption
        self.caption_continued = caption_continued
        self.continued = continued
        self.borders = borders
        self.line_height = line_height  # one text line of the cells, for orphan control
        self.fit_content = fit_content  # columns follow the text (fit_to_content)
        self._columns = {} if _columns is None else _columns  # per width; shared by the pieces
        self._body = {} if _body is None else _body  # per width: the rows' height (_body_height)
        self._w = -1.0

    # ---------------------------------------------------------------- geometry
    def _cols(self, avail: float) -> list[float]:
        cols = self._columns.get(avail)
        if cols is None:
            cols = fit_columns(self.fractions, self.min_widths, avail)
            if self.fit_content:
                cols = fit_to_content(
                    cols, self.min_widths, self.header, self.rows, self.line_height
                )
            self._columns[avail] = cols
        return cols

    def _cell_widths(self, row: GRow, cols: list[float]) -> list[float]:
        out, i = [], 0
        for cell in row.cells:
            out.append(sum(cols[i : i + cell.span]))
            i += cell.span
        return out

    def _row_height(self, row: GRow, cols: list[float], avail: float) -> float:
        h = row._heights.get(avail)
        if h is None:
            h = max(
                (
                    _flows_height(c.flows, w - 2 * PAD_X)
                    for c, w in zip(row.cells, self._cell_widths(row, cols))
                ),
                default=0.0,
            )
            h = row._heights[avail] = h + 2 * PAD_Y
        return h

    def _body_height(self, avail: float) -> float:
        """The rows' height at width `avail`. A piece of a split is given its own by the
        piece before (the whole's less what that piece took): never summed again, so laying
        out a long table costs time in proportion to its rows."""
        h = self._body.get(avail)
        if h is None:
            cols = self._cols(avail)
            h = self._body[avail] = sum(self._row_height(r, cols, avail) for r in self.rows)
        return h

    def _caption_flow(self) -> Flowable | None:
        return self.caption_continued if self.continued else self.caption

    def _top_height(self, avail: float) -> float:
        cols = self._cols(avail)
        cap = self._caption_flow()
        h = cap.wrap(avail, BIG)[1] + cap.getSpaceAfter() if cap is not None else 0.0
        return h + sum(self._row_height(r, cols, avail) for r in self.header)

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self._w = availWidth
        self.width = availWidth
        self.height = self._top_height(availWidth) + self._body_height(availWidth)
        return availWidth, self.height

    def start_height(self, avail: float, page_h: float = 0.0) -> float:
        """The least height the table needs where it starts (caption, header, first rows)."""
        cols = self._cols(avail)
        top = self._top_height(avail)
        total = top + self._body_height(avail)
        if self._short(total, page_h):
            body = [i for i, r in enumerate(self.rows) if r.kind != "group"]
            if len(body) < 2 * MIN_ROWS:
                return total
            return top + sum(
                self._row_height(r, cols, avail) for r in self.rows[: body[MIN_ROWS - 1] + 1]
            )
        if not page_h:
            return min(total, top + self._start_body())

        def fits(room: float) -> bool:
            return self._plan(avail, room, page_h, 0.0, at_top=False) is not None

        lo = top + self._start_body()  # a good piece of the first row, at best
        hi, whole = top, 0  # two rows, surely
        for r in self.rows:
            hi += self._row_height(r, cols, avail)
            whole += r.kind != "group"
            if whole == 2:
                break
        if hi >= total or lo >= hi:
            return min(hi, total)
        if fits(lo):
            return lo
        while hi - lo > self.line_height / 2:  # the least room in between, to half a line
            mid = (lo + hi) / 2
            lo, hi = (lo, mid) if fits(mid) else (mid, hi)
        return hi

    def _short(self, total: float, page_h: float) -> bool:
        """A short table, whole where it starts (SHORT_TABLE of the page; 220 pt unknown)."""
        return not self.continued and total <= (SHORT_TABLE * page_h if page_h else 220.0)

    def _start_body(self) -> float:
        """The least body height that may stand under the header where the table starts."""
        return START_LINES * self.line_height + 2 * PAD_Y

    def getSpaceBefore(self) -> float:
        return 0.0 if self.continued else 6.0

    # ---------------------------------------------------------------- splitting
    def _part(self, rows: list[GRow], continued: bool, avail: float, body: float) -> GridTable:
        """A piece of the table: `rows`, whose height at width `avail` is `body`."""
        return GridTable(
            self.fractions,
            self.header,
            rows,
            caption=self.caption,
            caption_continued=self.caption_continued,
            continued=continued,
            borders=self.borders,
            line_height=self.line_height,
            min_widths=self.min_widths,
            continued_mark=self.continued_mark,
            fit_content=self.fit_content,
            _columns=self._columns,
            _body={avail: body},
        )

    def _split_row(
        self, row: GRow, cols: list[float], room: float, *, title: bool = True, cells: bool = True
    ) -> tuple[GRow, GRow] | None:
        """The row cut to fit `room`: a head of MIN_PIECE lines or more and a continuation row
        of MIN_TAIL lines or more; None when no such cut exists. `title`: the row's title (the
        first paragraph of its first cell: a measure's name) stays whole; `cells`: no cell of the head is empty (both relaxed only
        on an empty page, where something must give)."""
        inner = room - 2 * PAD_Y
        least = MIN_PIECE * self.line_height - 1e-6
        least_tail = MIN_TAIL * self.line_height - 1e-6
        widths = self._cell_widths(row, cols)
        if not row.cells or not widths or inner < least:
            return None
        first = _flows_height(row.cells[0].flows[:1], widths[0] - 2 * PAD_X)
        if title and inner < first - 1e-6:
            return None  # the title is read whole on one page
        for _ in range(8):
            heads, tails = [], []
            for cell, w in zip(row.cells, widths):
                head, tail = split_flows(cell.flows, w - 2 * PAD_X, inner)
                heads.append(GCell(head, cell.span))
                tails.append(GCell(tail, cell.span))
            if not any(c.flows for c in tails):
                return None
            if cells and any(c.flows and not h.flows for c, h in zip(row.cells, heads)):
                return None  # no cell of the row starts empty on this page
            head_h = max(_flows_height(c.flows, w - 2 * PAD_X) for c, w in zip(heads, widths))
            tail_h = max(_flows_height(c.flows, w - 2 * PAD_X) for c, w in zip(tails, widths))
            if head_h < least:
                return None
            if tail_h < least_tail:  # too little on the next page: send more lines there
                inner = head_h - self.line_height
                if title and inner < first - 1e-6:
                    return None
                continue
            if not tails[0].flows and heads[0].flows and self.continued_mark is not None:
                tails[0] = GCell([self.continued_mark()], tails[0].span)
            return GRow(heads, row.kind), GRow(tails, row.kind)
        return None

    def _tail_ok(self, rest: float) -> bool:
        """Rows `rest` tall may make up a table's last page: MIN_TAIL lines at least."""
        return rest >= MIN_TAIL * self.line_height + 2 * PAD_Y - 1e-6

    def _plan(
        self, avail: float, avail_h: float, page_h: float, above: float, at_top: bool
    ) -> tuple[int, float, tuple[GRow, GRow] | None] | None:
        """Where to split for a frame of `avail_h` left (the page `page_h` tall holds `above`
        over it): (number of whole rows here, their height, the cut row's pieces or None), or
        None to move the table on. The caller has checked that not all rows fit. Only the
        rows up to the one that does not fit are measured."""
        cols = self._cols(avail)
        top = self._top_height(avail)
        room = avail_h - top
        body = self._body_height(avail)
        done = [0.0]  # done[k]: the height of the first k rows
        while len(done) <= len(self.rows):
            h = self._row_height(self.rows[len(done) - 1], cols, avail)
            if done[-1] + h > room + 1e-6:
                break
            done.append(done[-1] + h)
        i = len(done) - 1  # rows that fit whole; self.rows[i] does not
        used = done[i]
        starting = not self.continued and not at_top

        def fill(h: float) -> float:
            return (above + top + h) / page_h if page_h else 1.0

        def may_start(rows: int, h: float) -> bool:  # two rows, or a good piece of the first
            whole = sum(1 for r in self.rows[:rows] if r.kind != "group")
            return not starting or whole >= 2 or h >= self._start_body() - 1e-6

        def between(k: int) -> int:  # a group heading goes with its rows
            while 0 < k < len(self.rows) and self.rows[k - 1].kind == "group":
                k -= 1
            return k

        a = between(i)  # A: end the page between rows
        if len(self.rows) - a < MIN_ROWS <= a:  # no lonely last rows, if the page stays full
            b = between(max(len(self.rows) - MIN_ROWS, MIN_ROWS))
            if b > 0 and fill(done[b]) >= FILL:
                a = b
        while a > 0 and not self._tail_ok(body - done[a]):  # never a header and a line or two
            a = between(a - 1)
        a_ok = a > 0 and may_start(a, done[a])
        if a_ok and fill(done[a]) >= FILL:
            return a, done[a], None
        if self.rows[i].kind != "group":  # B: cut the row that does not fit
            pieces = self._split_row(self.rows[i], cols, room - used)
            if pieces is not None and may_start(
                i + 1, used + self._row_height(pieces[0], cols, avail)
            ):
                return i, used, pieces
        if a_ok:
            return a, done[a], None
        if at_top and self.rows[i].kind != "group":  # on an empty page something must give
            pieces = self._split_row(
                self.rows[i], cols, room - used, title=False
            ) or self._split_row(self.rows[i], cols, room - used, title=False, cells=False)
            if pieces is not None:
                return i, used, pieces
        return None

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        top = self._top_height(availWidth)
        body = self._body_height(availWidth)
        if top + body <= availHeight + 1e-6:
            return [self]
        frame = getattr(self, "_frame", None)
        page_h = getattr(frame, "_height", None) or 0.0
        at_top = bool(getattr(frame, "_atTop", False))
        if self._short(top + body, page_h) and not at_top:
            return self._split_short(availWidth, availHeight - top)
        above = max(0.0, page_h - availHeight) if page_h else 0.0
        plan = self._plan(availWidth, availHeight, page_h, above, at_top)
        if plan is None:
            return []
        i, used, pieces = plan
        w = availWidth
        if pieces is None:
            return [
                self._part(self.rows[:i], self.continued, w, used),
                self._part(self.rows[i:], True, w, body - used),
            ]
        cols = self._cols(w)
        head, tail = (self._row_height(p, cols, w) for p in pieces)
        rest = body - used - self._row_height(self.rows[i], cols, w) + tail
        return [
            self._part(self.rows[:i] + [pieces[0]], self.continued, w, used + head),
            self._part([pieces[1]] + self.rows[i + 1 :], True, w, rest),
        ]

    def _split_short(self, avail: float, room: float) -> list[Flowable]:
        """A short table splits between rows, MIN_ROWS rows or more on either side, a group
        heading with its rows; or moves whole."""
        cols = self._cols(avail)
        heights = [self._row_height(r, cols, avail) for r in self.rows]  # a short table
        used, a = 0.0, 0
        for h in heights:
            if used + h > room + 1e-6:
                break
            used += h
            a += 1

        def body(rows: list[GRow]) -> int:
            return sum(r.kind != "group" for r in rows)

        while a > 0 and (body(self.rows[a:]) < MIN_ROWS or self.rows[a - 1].kind == "group"):
            a -= 1
        if body(self.rows[:a]) < MIN_ROWS:
            return []
        head = sum(heights[:a])
        return [
            self._part(self.rows[:a], False, avail, head),
            self._part(self.rows[a:], True, avail, sum(heights) - head),
        ]

    # ---------------------------------------------------------------- drawing
    def draw(self) -> None:
        canv = self.canv
        avail = self._w if self._w > 0 else self.width
        cols = self._cols(avail)
        y = self.height
        cap = self._caption_flow()
        if cap is not None:
            _, ch = cap.wrap(avail, BIG)
            y -= ch
            cap.drawOn(canv, 0, y)
            y -= cap.getSpaceAfter()
        table_top = y
        for row in [*self.header, *self.rows]:
            h = self._row_height(row, cols, avail)
            self._draw_row(canv, row, cols, avail, y, h)
            y -= h
        if self.borders:
            canv.saveState()
            canv.setStrokeColor(GRID)
            canv.setLineWidth(0.8)
            canv.rect(0, y, sum(cols), table_top - y, stroke=1, fill=0)
            canv.restoreState()

    def _draw_row(
        self, canv: Any, row: GRow, cols: list[float], avail: float, top: float, h: float
    ) -> None:
        fill = HEADER_FILL if row.kind == "header" else GROUP_FILL if row.kind == "group" else None
        x = 0.0
        canv.saveState()
        if fill is not None and self.borders:
            canv.setFillColor(fill)
            canv.rect(0, top - h, sum(cols), h, stroke=0, fill=1)
        for cell, w in zip(row.cells, self._cell_widths(row, cols)):
            inner = w - 2 * PAD_X
            content = _flows_height(cell.flows, inner)
            y = top - PAD_Y
            if row.kind == "header":  # header text sits in the middle of its cell
                y -= (h - 2 * PAD_Y - content) / 2
            for j, f in enumerate(cell.flows):
                fh = f.wrap(inner, BIG)[1]
                y -= fh + (PARA_GAP if j else 0.0)
                f.drawOn(canv, x + PAD_X, y)
            if self.borders:
                canv.setStrokeColor(GRID)
                canv.setLineWidth(0.5)
                canv.rect(x, top - h, w, h, stroke=1, fill=0)
            x += w
        canv.restoreState()
