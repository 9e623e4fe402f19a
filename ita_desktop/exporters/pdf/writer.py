"""Lay a document model out as a PDF: A4 portrait and landscape pages, page numbers, contents.

    write_pdf(document, target) -> int   (the number of pages)

`target` is a path or a binary file object. All text goes through textflow (shaped Thai,
word-boundary line breaks, extractable text); the Sarabun fonts are embedded as subsets.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any, BinaryIO

from reportlab import rl_config
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import cm
from reportlab.lib.utils import ImageReader
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    Frame,
    KeepTogether,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Spacer,
)
from reportlab.platypus.doctemplate import BaseDocTemplate

from ita_desktop.documents import blocks as B
from ita_desktop.documents import labels as L
from ita_desktop.exporters.pdf import textflow as tf
from ita_desktop.exporters.pdf.charts import chart_flowable
from ita_desktop.exporters.pdf.flowables import ThaiParagraph
from ita_desktop.exporters.pdf.fonts import font_name, register_fonts
from ita_desktop.exporters.pdf.tables import MIN_TAIL, GCell, GridTable, GRow
from ita_desktop.exporters.pdf.toc import ContentsEntry, ContentsHeader, HeadingFlow, Marks
from ita_desktop.thai.digits import localize_digits

PORTRAIT = A4
LANDSCAPE = landscape(A4)
MARGINS = {  # left, right, top, bottom (Thai official documents: 3 cm left, 2 cm right)
    "portrait": (3 * cm, 2 * cm, 2.5 * cm, 2 * cm),
    "landscape": (2 * cm, 2 * cm, 2.5 * cm, 1.8 * cm),
}
HEADER_FROM_TOP = 1.4 * cm
NOWRAP_SHARE = 0.3  # of the portrait page width: the most a nowrap cell may claim


class _Template(BaseDocTemplate):
    """Cover, portrait and landscape page templates; page numbers "- ๒ -" at the top."""

    def __init__(self, target: Any, doc: B.Document, marks: Marks) -> None:
        super().__init__(
            target,
            pagesize=PORTRAIT,
            title=doc.title,
            author=doc.author,
            subject=doc.subject,
            creator="ITA Desktop",
            lang="th-TH",
            pageCompression=1,
            showBoundary=0,
            initialFontName=font_name(),
            initialFontSize=tf.BODY_SIZE,
        )
        self.model = doc
        self.marks = marks
        self.toc_keys: list[str] = []
        self.addPageTemplates(
            [
                self._page("cover", PORTRAIT, number=False),
                self._page("portrait", PORTRAIT),
                self._page("landscape", LANDSCAPE),
            ]
        )

    def _page(self, name: str, size: tuple[float, float], number: bool = True) -> PageTemplate:
        left, right, top, bottom = MARGINS["landscape" if size == LANDSCAPE else "portrait"]
        frame = Frame(
            left,
            bottom,
            size[0] - left - right,
            size[1] - top - bottom,
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
            id=name,
        )
        if number:
            return PageTemplate(name, [frame], pagesize=size, onPage=self._decorate)
        return PageTemplate(name, [frame], pagesize=size)

    def _decorate(self, canv: Any, doc: Any) -> None:
        width, height = canv._pagesize
        page = localize_digits(str(canv.getPageNumber()), self.model.thai_digits)
        tf.line(
            canv,
            width / 2,
            height - HEADER_FROM_TOP,
            L.PAGE_NUMBER.format(page=page),
            size=tf.BODY_SIZE,
            align="center",
        )

    def _endBuild(self) -> None:
        self._doSave = 0
        super()._endBuild()
        self.marks.define_forms(self.canv, self.toc_keys)
        self.canv.save()


class _Flow:
    """Turns blocks into flowables."""

    def __init__(self, doc: B.Document, marks: Marks) -> None:
        self.doc = doc
        self.marks = marks
        self.headings = [b for b in doc.blocks if isinstance(b, B.Heading) and b.toc]
        self.keys = {id(h): f"h{n}" for n, h in enumerate(self.headings)}
        self.outline = _outline_levels([h.level for h in self.headings])

    def flowables(self) -> list[Flowable]:
        out: list[Flowable] = []
        for block in self.doc.blocks:
            flows = self.block(block)
            if isinstance(block, (B.Closing, B.Signatures)):
                out = _with_tail(out, flows)
            else:
                out += flows
        return _keep_headings_with_next(out)

    def block(self, b: B.Block) -> list[Flowable]:
        if isinstance(b, B.Paragraph):
            if b.style in tf.LIST_STYLES:
                return [tf.item_para(b.text, b.style)]
            return [tf.para(b.text, b.style)]
        if isinstance(b, B.Heading):
            return self.heading(b)
        if isinstance(b, B.Table):
            return [self.table(b)]
        if isinstance(b, (B.BarChart, B.TrendChart)):
            return [Spacer(1, 6), chart_flowable(b, self.doc.thai_digits), Spacer(1, 10)]
        if isinstance(b, B.Cover):
            return [CoverFlow(b), NextPageTemplate("portrait")]
        if isinstance(b, B.TableOfContents):
            return self.contents(b)
        if isinstance(b, B.Signatures):
            return [self.signatures(b)]
        if isinstance(b, B.Closing):
            return [Spacer(1, tf.BODY_SIZE * tf.LEADING), *(tf.para(t, "right") for t in b.lines)]
        if isinstance(b, B.Rule):
            return [RuleFlow(b.share)]
        if isinstance(b, B.Emblem):
            return [EmblemFlow(b)]
        if isinstance(b, B.Spacer):
            return [Spacer(1, b.lines * tf.BODY_SIZE * tf.LEADING)]
        if isinstance(b, B.PageBreak):
            return [PageBreak()]
        if isinstance(b, B.Orientation):
            return [NextPageTemplate("landscape" if b.landscape else "portrait"), PageBreak()]
        raise TypeError(f"unknown block {type(b).__name__}")

    def heading(self, h: B.Heading) -> list[Flowable]:
        level = max(0, min(h.level, 2))
        key = self.keys.get(id(h))
        outline = self.outline[self.headings.index(h)] if key else 0
        out: list[Flowable] = [PageBreak()] if h.new_page else []
        out.append(HeadingFlow(h.text, f"heading{level}", key, outline, self.marks))
        return out

    def contents(self, b: B.TableOfContents) -> list[Flowable]:
        out: list[Flowable] = [
            tf.para(b.title, "title"),
            ContentsHeader(L.CONTENTS_TOPIC, L.CONTENTS_PAGE),
        ]
        base = min((h.level for h in self.headings), default=0)
        for h in self.headings:
            out.append(ContentsEntry(h.text, h.level - base, self.keys[id(h)], self.marks))
        return out

    def table(self, t: B.Table) -> GridTable:
        size = t.font_size or tf.TABLE_SIZE

        def cell(c: B.Cell, bold_row: bool) -> GCell:
            style = tf.cell_style(size, c.align, c.bold or bold_row)
            # numbered items hang after their markers ("๒. การปรับปรุง / การทำงาน")
            hang = c.align in ("left", "justify")
            return GCell([tf.item_para(p, style, hang) for p in c.paragraphs], c.span)

        def row(r: B.Row) -> GRow:
            bold_row = r.kind in ("header", "total")
            return GRow([cell(c, bold_row) for c in r.cells], r.kind)

        caption = tf.para(t.caption, "caption") if t.caption else None
        continued = tf.para(f"{t.caption} {L.CONTINUED}" if t.caption else L.CONTINUED, "caption")
        return GridTable(
            t.fractions(),
            [row(r) for r in t.header],
            [row(r) for r in t.rows],
            caption=caption,
            caption_continued=continued,
            line_height=size * 1.4,
            min_widths=_min_widths(t, size),
            continued_mark=lambda: tf.para(L.CONTINUED, tf.cell_style(size, "left")),
            fit_content=True,
        )

    def signatures(self, s: B.Signatures) -> Flowable:
        cells = []
        for name, position in s.signers:
            flows = [tf.para(f"({s.sign_label}) " + "." * 40, "center")]
            # no name given: a dotted line inside the brackets, to write it in by hand
            flows.append(tf.para(f"({name})" if name else "(" + "." * 40 + ")", "center"))
            if position:
                flows.append(tf.para(position, "center"))
            cells.append(GCell(flows))
        if len(cells) == 1:
            rows = [GRow([GCell([]), cells[0]])]
        else:
            rows = [
                GRow(cells[i : i + 2] + [GCell([])] * (2 - len(cells[i : i + 2])))
                for i in range(0, len(cells), 2)
            ]
        return GridTable([0.5, 0.5], [], rows, borders=False)


def _with_tail(out: list[Flowable], closing: list[Flowable]) -> list[Flowable]:
    """`closing` (a sign-off, signatures) kept with the paragraph before it, if there is one."""
    j = len(out)
    while j > 0 and isinstance(out[j - 1], Spacer) and not isinstance(out[j - 1], PageBreak):
        j -= 1
    if j > 0 and isinstance(out[j - 1], (ThaiParagraph, GridTable)):
        return out[: j - 1] + [KeepTail(out[j - 1], out[j:] + closing)]
    return out + [KeepTogether(closing)]


class KeepTail(Flowable):
    """A paragraph or table and what closes it: where the whole does not fit, the paragraph
    is cut so that its last TAIL_LINES lines (the table: its last row) go to the next page with
    the closing (never a sign-off or a signature alone at the top of a page)."""

    TAIL_LINES = 2

    def __init__(self, para: ThaiParagraph | GridTable, closing: list[Flowable]) -> None:
        super().__init__()
        self.para = para
        self.closing = closing
        self._parts: list[tuple[Flowable, float, float]] = []  # (flow, height, space before)

    def _layout(self, width: float) -> float:
        self._parts = []
        total = 0.0
        for i, f in enumerate([self.para, *self.closing]):
            _, h = f.wrap(width, 1e7)
            before = f.getSpaceBefore() if i else 0.0
            self._parts.append((f, h, before))
            total += before + h + (f.getSpaceAfter() if f is not self.closing[-1] else 0.0)
        return total

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width = availWidth
        self.height = self._layout(availWidth)
        return self.width, self.height

    def getSpaceBefore(self) -> float:
        return self.para.getSpaceBefore()

    def getSpaceAfter(self) -> float:
        return self.closing[-1].getSpaceAfter() if self.closing else 0.0

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        total = self._layout(availWidth)
        if total <= availHeight + 1e-6:
            return [self]
        para_h = self._parts[0][1]
        if isinstance(self.para, GridTable):
            table = self.para
            if not table.rows:
                return []
            # the table's own split, with its last MIN_TAIL lines left over (a cut row's
            # rest gets padding of its own): they, or its last rows, go with the closing
            least = MIN_TAIL * table.line_height
            table._frame = getattr(self, "_frame", None)
            parts = table.split(availWidth, min(availHeight, para_h - least))
            if len(parts) != 2 or not isinstance(parts[1], GridTable):
                return []
            return [parts[0], KeepTail(parts[1], self.closing)]
        leading = float(self.para.style.leading)
        room = min(availHeight, para_h - self.TAIL_LINES * leading)
        if room < leading:
            return []  # move the whole to the next page
        parts = self.para.split(availWidth, room)
        if len(parts) != 2 or not isinstance(parts[1], ThaiParagraph):
            return []
        return [parts[0], KeepTail(parts[1], self.closing)]

    def draw(self) -> None:
        y = self.height
        for i, (f, h, before) in enumerate(self._parts):
            if i:
                y -= before + self._parts[i - 1][0].getSpaceAfter()
            y -= h
            f.drawOn(self.canv, 0, y)


class KeepWithNext(CondPageBreak):
    """Moves headings to the next page unless the start of what follows fits under them."""

    CAP = 400.0  # never ask for more than most of a page

    def __init__(self, group: list[Flowable]) -> None:
        super().__init__(0)
        self.group = group  # one or more headings, then the first content flowable

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        h = 0.0
        for f in self.group[:-1]:
            h += f.wrap(availWidth, availHeight)[1] + f.getSpaceBefore() + f.getSpaceAfter()
        page_h = getattr(getattr(self, "_frame", None), "_height", None) or 0.0
        self.height = min(self.CAP, h + _start_height(self.group[-1], availWidth, page_h))
        return super().wrap(availWidth, availHeight)


def _start_height(f: Flowable, avail: float, page_h: float) -> float:
    if isinstance(f, KeepTail):  # what starts it is its paragraph or table
        f = f.para
    if isinstance(f, GridTable):
        return f.getSpaceBefore() + f.start_height(avail, page_h)
    height = f.wrap(avail, 1e7)[1] + f.getSpaceBefore()
    leading = getattr(getattr(f, "style", None), "leading", None)
    if leading:  # a paragraph: two lines are enough
        return min(height, 2 * leading + f.getSpaceBefore())
    return height


def _keep_headings_with_next(flows: list[Flowable]) -> list[Flowable]:
    """Put a KeepWithNext before each run of headings, looking at what follows them."""
    out: list[Flowable] = []
    i = 0
    while i < len(flows):
        if not isinstance(flows[i], HeadingFlow):
            out.append(flows[i])
            i += 1
            continue
        j = i
        while j < len(flows) and isinstance(flows[j], HeadingFlow):
            j += 1
        k = j
        while k < len(flows) and isinstance(flows[k], Spacer):
            k += 1
        if k < len(flows) and not isinstance(flows[k], (PageBreak, NextPageTemplate)):
            out.append(KeepWithNext(flows[i:j] + [flows[k]]))
        out += flows[i:j]
        i = j
    return out


def _min_widths(t: B.Table, size: float) -> list[float]:
    """Per column, the widest word of its own (unspanned) cells: narrower would cut it."""
    widest = [0.0] * len(t.columns)
    for r in [*t.header, *t.rows]:
        col = 0
        for c in r.cells:
            if c.span == 1 and col < len(widest):
                bold = c.bold or r.kind in ("header", "total")
                for p in c.paragraphs:
                    if c.nowrap:  # up to a fifth of the table; longer lines still wrap
                        w = min(
                            NOWRAP_SHARE * PORTRAIT[0],
                            max(tf.width(line, size, bold) for line in p.split("\n")),
                        )
                    else:
                        w = tf.widest_unit(p, size, bold)
                    widest[col] = max(widest[col], w)
            col += c.span
    return widest


def _outline_levels(levels: list[int]) -> list[int]:
    """PDF outline levels: the shallowest heading at 0, never deeper than parent + 1."""
    base = min(levels, default=0)
    out: list[int] = []
    for level in levels:
        wanted = level - base
        out.append(min(wanted, out[-1] + 1) if out else 0)
    return out


class CoverFlow(Flowable):
    """The cover page: logo, title, organisation, place and year, centred on the page."""

    LOGO_HEIGHT = 3.5 * cm

    def __init__(self, cover: B.Cover) -> None:
        super().__init__()
        self.cover = cover
        self.logo = _image(cover.logo)

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width, self.height = availWidth, availHeight - 1
        return self.width, self.height

    def _blocks(self) -> list[tuple[list[Flowable], float]]:
        c = self.cover
        title = [tf.para(t, "cover_title") for t in c.title_lines]
        who = [tf.para(c.organization, "cover_org")]
        if c.place:
            who.append(tf.para(c.place, "cover_text"))
        year = [tf.para(c.year_line, "cover_year")] if c.year_line else []
        if c.subtitle_lines:
            year.append(Spacer(1, 0.6 * cm))
        year += [tf.para(s, "cover_item") for s in c.subtitle_lines]
        return [(title, 0.0), (who, 3 * cm), (year, 3 * cm)]

    def draw(self) -> None:
        canv = self.canv
        inner = self.width - 1 * cm
        groups = self._blocks()
        heights = [sum(f.wrap(inner, 1e7)[1] for f in flows) for flows, _ in groups]
        logo_h = self.LOGO_HEIGHT + 1 * cm if self.logo is not None else 0.0
        total = logo_h + sum(heights) + sum(gap for _, gap in groups)
        y = self.height - max(0.0, (self.height - total) / 2.4)
        if self.logo is not None:
            iw, ih = self.logo.getSize()
            h = self.LOGO_HEIGHT
            w = h * iw / ih if ih else h
            canv.drawImage(self.logo, (self.width - w) / 2, y - h, w, h, mask="auto")
            y -= logo_h
        for (flows, gap), _ in zip(groups, heights):
            y -= gap
            for f in flows:
                _, fh = f.wrap(inner, 1e7)
                y -= fh
                f.drawOn(canv, 0.5 * cm, y)


class RuleFlow(Flowable):
    """A short centred line (under an announcement's subject)."""

    def __init__(self, share: float) -> None:
        super().__init__()
        self.share = share

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width, self.height = availWidth, 14.0  # clear of the marks under the line above
        return self.width, self.height

    def draw(self) -> None:
        length = self.width * self.share
        x = (self.width - length) / 2
        self.canv.saveState()
        self.canv.setLineWidth(0.8)
        self.canv.line(x, 5.0, x + length, 5.0)
        self.canv.restoreState()


class EmblemFlow(Flowable):
    """An image centred on the text width (a broken image draws nothing)."""

    def __init__(self, emblem: B.Emblem) -> None:
        super().__init__()
        self.image = _image(emblem.image)
        self.target = emblem.height_cm * cm

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width = availWidth
        self.height = self.target + 0.3 * cm if self.image is not None else 0.0
        return self.width, self.height

    def draw(self) -> None:
        if self.image is None:
            return
        iw, ih = self.image.getSize()
        h = self.target
        w = min(h * iw / ih if ih else h, self.width)
        self.canv.drawImage(self.image, (self.width - w) / 2, 0.3 * cm, w, h, mask="auto")


def _image(data: bytes | None) -> ImageReader | None:
    if not data:
        return None
    try:
        reader = ImageReader(io.BytesIO(data))
        reader.getSize()
        return reader
    except Exception:  # noqa: BLE001 - a broken logo must not stop the document
        return None


def write_pdf(doc: B.Document, target: Path | str | BinaryIO) -> int:
    """Write the document as PDF to a path or binary file; returns the number of pages."""
    register_fonts()
    rl_config.useA85 = 0  # binary streams: ASCII85 costs a quarter more bytes and much time
    marks = Marks(doc.thai_digits)
    flow = _Flow(doc, marks)
    out = str(target) if isinstance(target, Path) else target
    template = _Template(out, doc, marks)
    template.toc_keys = list(flow.keys.values())
    template.build(flow.flowables())
    return template.page
