"""Headings that know their page, and a table of contents filled in one pass.

Each contents line draws its page number as a PDF form XObject that is defined only when the
whole document has been laid out (ReportLab allows forms used before they exist), so the
contents show real page numbers without building the document twice.
"""

from __future__ import annotations

import re

from reportlab.lib.units import cm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus.flowables import Flowable

from ita_desktop.exporters.pdf import textflow as tf
from ita_desktop.thai.digits import localize_digits

BIG = 1e7
PAGE_COLUMN = 1.6 * cm
LEVEL_INDENT = 0.8 * cm
DOT_GAP = 14.0  # > 12 pt: the leader is read as its own run, apart from the title
MIN_LEADER = 24.0
# a heading's number, which its wrapped lines hang after: "๒.๑ ", "3. ", "ส่วนที่ ๒ "
NUMBERED = re.compile(r"^(?:ส่วนที่\s*)?[0-9๐-๙]+(?:\.[0-9๐-๙]+)*\.?\s+")


class Marks:
    """Which page each heading landed on, shared by the headings and the contents."""

    def __init__(self, thai_digits: bool) -> None:
        self.pages: dict[str, int] = {}
        self.leaders: dict[str, float] = {}  # key -> room for the dot leader, in points
        self.thai_digits = thai_digits

    def page_text(self, key: str) -> str:
        page = self.pages.get(key)
        return localize_digits(str(page), self.thai_digits) if page else "–"

    def define_forms(self, canv: Canvas, keys: list[str]) -> None:
        """Draw every page number with its dot leader; called once the last page is done.

        The leader is text (". . ."), drawn just before the number, so a text extractor reads
        "title . . . ๕" and never mistakes a column of page numbers for a wrapped line.
        """
        dot = tf.width(". ", tf.BODY_SIZE)
        for key in keys:
            number = self.page_text(key)
            number_w = tf.width(number, tf.BODY_SIZE)
            room = max(MIN_LEADER, self.leaders.get(key, MIN_LEADER)) - number_w - 4
            leader = (". " * max(2, int(room / dot))).rstrip()
            canv.beginForm(
                _form(key),
                lowerx=-2000,
                lowery=-6,
                upperx=2,
                uppery=tf.BODY_SIZE * 1.2,
            )
            tf.line(canv, -number_w - 4, 0, leader, size=tf.BODY_SIZE, align="right")
            tf.line(canv, 0, 0, number, size=tf.BODY_SIZE, align="right")
            canv.endForm()


def _form(key: str) -> str:
    return f"pn_{key}"


class HeadingFlow(Flowable):
    """A heading paragraph that records its page, a PDF bookmark and an outline entry."""

    def __init__(
        self, text: str, style_name: str, key: str | None, outline_level: int, marks: Marks
    ) -> None:
        super().__init__()
        self.text = text
        self.para = tf.para(text, style_name)
        self.key = key
        self.outline_level = outline_level
        self.marks = marks

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width, self.height = self.para.wrap(availWidth, availHeight)
        return self.width, self.height

    def getSpaceBefore(self) -> float:
        return self.para.getSpaceBefore()

    def getSpaceAfter(self) -> float:
        return self.para.getSpaceAfter()

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        return []  # a heading is never cut; it moves to the next page whole

    def draw(self) -> None:
        canv = self.canv
        if self.key is not None:
            self.marks.pages[self.key] = canv.getPageNumber()
            canv.bookmarkHorizontal(self.key, 0, self.height + 4)
            canv.addOutlineEntry(self.text, self.key, level=self.outline_level, closed=False)
        self.para.drawOn(canv, 0, 0)


class ContentsHeader(Flowable):
    """The "เรื่อง ... หน้า" line above the entries."""

    def __init__(self, topic: str, page: str) -> None:
        super().__init__()
        self.topic, self.page = topic, page

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width, self.height = availWidth, tf.BODY_SIZE * 1.8
        return self.width, self.height

    def draw(self) -> None:
        y = tf.BODY_SIZE * 0.6
        tf.line(self.canv, 0, y, self.topic, bold=True)
        tf.line(self.canv, self.width, y, self.page, bold=True, align="right")


class ContentsEntry(Flowable):
    """One contents line: title (wrapped lines hang after its number, or one level in), a dot
    leader from the end of its last line to the page number form, a link."""

    def __init__(self, text: str, level: int, key: str, marks: Marks) -> None:
        super().__init__()
        self.text = text
        self.marks = marks
        self.level = level
        self.key = key
        self.indent = LEVEL_INDENT * max(0, level)
        self.bold = level <= 0
        style = tf.styles()["toc_bold" if self.bold else "toc"]
        number = NUMBERED.match(text)
        hang = tf.width(number.group(0), tf.BODY_SIZE, self.bold) if number else LEVEL_INDENT
        self.para = tf.para(text, tf.hanging(style, round(hang, 1)))

    def _text_width(self) -> float:
        return self.width - self.indent - PAGE_COLUMN

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width = availWidth
        _, self.height = self.para.wrap(self._text_width(), BIG)
        self.height += 2
        return self.width, self.height

    def _last_line_end(self) -> float:
        """Where the title's last line ends, from the entry's left edge."""
        lines = self.para._layout(self._text_width())
        style = self.para.style
        start = float(style.leftIndent) + (float(style.firstLineIndent) if len(lines) == 1 else 0)
        return self.indent + start + (lines[-1].width if lines else 0.0)

    def draw(self) -> None:
        canv = self.canv
        self.para.drawOn(canv, self.indent, 2)
        baseline = 2 + tf.BODY_SIZE * 0.28
        self.marks.leaders[self.key] = self.width - self._last_line_end() - DOT_GAP
        canv.saveState()
        canv.translate(self.width, baseline)
        canv.doForm(_form(self.key))
        canv.restoreState()
        canv.linkRect("", self.key, (0, 0, self.width, self.height), relative=1, thickness=0)
