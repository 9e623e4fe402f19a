"""The format-independent document model: blocks that any exporter (PDF today) lays out.

Texts in blocks are final: digits already localised, nothing left to compute. Charts carry
numbers (the exporter formats their ticks and labels with the document's digit option).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal


@dataclass
class Cover:
    """The title page: logo (PNG/JPEG bytes) if any, title lines, organisation, place, year."""

    title_lines: list[str]
    organization: str
    place: str = ""  # "อำเภอเมือง จังหวัดตรัง"
    year_line: str = ""  # "ประจำปีงบประมาณ พ.ศ. ๒๕๖๔"
    subtitle_lines: list[str] = field(default_factory=list)
    logo: bytes | None = None


@dataclass
class TableOfContents:
    """Where the table of contents goes; the exporter fills in every Heading with toc=True."""

    title: str = "สารบัญ"


@dataclass
class Heading:
    """A section title; level 0 is a part of a bundle, 1 a section, 2 a subsection."""

    text: str
    level: int = 1
    toc: bool = True
    new_page: bool = False


@dataclass
class Paragraph:
    """Running text. Styles: body (justified, first-line indent), plain (justified, no indent),
    center, right, title, subtitle, note (smaller), item (hanging indent for lists), dateline
    (an announcement's date, from the middle of the page). A paragraph that starts with a list
    marker ("๑." "1)" "-") is set with a hanging indent: its lines align after the marker."""

    text: str
    style: str = "body"


@dataclass
class Cell:
    """One table cell: one or more paragraphs; `span` columns wide."""

    paragraphs: list[str]
    span: int = 1
    align: str = "left"  # left | center | right | justify
    bold: bool = False
    nowrap: bool = False  # each line should fit whole: the column widens to hold it

    @classmethod
    def of(cls, text: str | list[str], **kw: object) -> Cell:
        paragraphs = [text] if isinstance(text, str) else list(text)
        return cls(paragraphs, **kw)  # type: ignore[arg-type]


@dataclass
class Row:
    """A table row. Kinds: header (repeated on every page), body, group (a shaded heading row
    inside the body, e.g. one tool), total (bold)."""

    cells: list[Cell]
    kind: str = "body"


@dataclass
class Table:
    """A table whose header rows repeat on every page, with "(ต่อ)" on continuation pages."""

    columns: list[float]  # relative widths; normalised to fractions by the exporter
    header: list[Row]
    rows: list[Row]
    caption: str = ""
    font_size: float | None = None  # None: the exporter's table size

    def fractions(self) -> list[float]:
        total = float(sum(self.columns)) or 1.0
        return [c / total for c in self.columns]


@dataclass
class ChartItem:
    label: str
    value: Decimal | None
    group: str = ""  # colour group, e.g. the tool code


@dataclass
class BarChart:
    """Bars with an optional target line; horizontal bars suit long Thai labels."""

    title: str
    items: list[ChartItem]
    target: Decimal | None = None
    target_label: str = ""
    horizontal: bool = True
    maximum: Decimal = Decimal(100)
    legend: list[tuple[str, str]] = field(default_factory=list)  # (group, label)


@dataclass
class Series:
    label: str
    values: list[Decimal | None]
    group: str = ""


@dataclass
class TrendChart:
    """Scores over fiscal years, one line per series, with an optional target line."""

    title: str
    years: list[str]  # axis labels, digits localised
    series: list[Series]
    target: Decimal | None = None
    target_label: str = ""


@dataclass
class Signatures:
    """Signature blocks: (name, position) each, with a dotted line to sign on."""

    signers: list[tuple[str, str]]
    sign_label: str = "ลงชื่อ"


@dataclass
class Closing:
    """Lines that close the text before them, right-aligned (who wrote a preface): they never
    stand alone on a page; the end of that text goes with them."""

    lines: list[str]


@dataclass
class Rule:
    """A short line across the middle of the page (under an announcement's subject)."""

    share: float = 0.3  # of the text width


@dataclass
class Emblem:
    """An image centred on the page: the organisation's logo heading an announcement."""

    image: bytes
    height_cm: float = 3.0


@dataclass
class Spacer:
    lines: float = 1.0  # in body lines


@dataclass
class PageBreak:
    pass


@dataclass
class Orientation:
    """Continue on a new page in portrait or landscape."""

    landscape: bool


Block = (
    Cover
    | TableOfContents
    | Heading
    | Paragraph
    | Table
    | BarChart
    | TrendChart
    | Signatures
    | Closing
    | Rule
    | Emblem
    | Spacer
    | PageBreak
    | Orientation
)


@dataclass
class Document:
    """A whole document: blocks in reading order plus what the exporter needs to know."""

    title: str
    blocks: list[Block]
    thai_digits: bool = True
    author: str = ""  # the organisation
    subject: str = ""
    kind: str = (
        ""  # analysis | measures | results, or the documents of a bundle: "analysis,measures"
    )

    def headings(self) -> list[Heading]:
        return [b for b in self.blocks if isinstance(b, Heading) and b.toc]

    def texts(self) -> list[str]:
        """Every text of the document in order (for tests and search)."""
        out: list[str] = []
        for b in self.blocks:
            if isinstance(b, Cover):
                out += [*b.title_lines, b.organization, b.place, b.year_line, *b.subtitle_lines]
            elif isinstance(b, (Heading, Paragraph)):
                out.append(b.text)
            elif isinstance(b, Table):
                out.append(b.caption)
                for row in [*b.header, *b.rows]:
                    for cell in row.cells:
                        out += cell.paragraphs
            elif isinstance(b, (BarChart, TrendChart)):
                out.append(b.title)
            elif isinstance(b, Signatures):
                for name, position in b.signers:
                    out += [name, position]
            elif isinstance(b, Closing):
                out += b.lines
        return [t for t in out if t]
