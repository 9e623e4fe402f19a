"""The user guide (docs/guide/คู่มือ.md) as our document model, to be set like our reports.

    guide_document(markdown_path, version) -> Document

The Markdown is the small subset the guide uses: `#` title, `##`/`###` headings, paragraphs,
numbered (`1.`) and bulleted (`-`) lists, pictures (`![caption](images/x.png)`) and indented
command lines. `**bold**` marks are dropped (our paragraphs are plain text). Pictures become
`Figure` blocks, which the document model does not have: exporters.guide_pdf lays them out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import cast

from ita_desktop.documents.blocks import (
    Block,
    Cover,
    Document,
    Heading,
    PageBreak,
    Paragraph,
    TableOfContents,
)
from ita_desktop.thai.digits import localize_digits

GUIDE_TITLE = "คู่มือการใช้งาน ITA Desktop"
GUIDE_SUBJECT = "โปรแกรมจัดทำเอกสารการประเมินคุณธรรมและความโปร่งใส (ITA)"

_IMAGE = re.compile(r"^!\[(?P<caption>[^\]]*)\]\((?P<path>[^)\s]+)\)$")
_NUMBERED = re.compile(r"^(?P<number>\d+)\.\s+(?P<text>.*)$")
_BULLET = re.compile(r"^[-*]\s+(?P<text>.*)$")
_HEADING = re.compile(r"^(?P<marks>#{1,3})\s+(?P<text>.*)$")


@dataclass
class Figure:
    """A picture (a screenshot) with its caption, as wide as the text unless `width` (a
    fraction of the text width) says less."""

    path: Path
    caption: str = ""
    width: float = 1.0


def parse_markdown(text: str, base: Path) -> tuple[str, list[Block | Figure]]:
    """(title, blocks) of the guide's Markdown; picture paths are relative to `base`."""
    title = ""
    blocks: list[Block | Figure] = []
    paragraph: list[str] = []

    def flush() -> None:
        if paragraph:
            blocks.append(Paragraph(_plain(" ".join(paragraph)), "body"))
            paragraph.clear()

    for raw in text.splitlines():
        line = raw.strip()
        if raw.startswith(("    ", "\t")) and line:  # a command line, kept as typed
            flush()
            blocks.append(Paragraph(line, "item"))  # left-aligned: spaces never stretch
            continue
        if not line:
            flush()
            continue
        if heading := _HEADING.match(line):
            flush()
            level = len(heading["marks"]) - 1
            if level == 0 and not title:
                title = _plain(heading["text"])
            else:
                blocks.append(Heading(_plain(heading["text"]), level=max(level, 1)))
            continue
        if image := _IMAGE.match(line):
            flush()
            blocks.append(Figure(base / image["path"], _plain(image["caption"])))
            continue
        if item := _NUMBERED.match(line):
            flush()
            number = localize_digits(item["number"], True)
            blocks.append(Paragraph(f"{number}. {_plain(item['text'])}", "item"))
            continue
        if item := _BULLET.match(line):
            flush()
            blocks.append(Paragraph(f"• {_plain(item['text'])}", "item"))
            continue
        paragraph.append(line)
    flush()
    return title, blocks


def _plain(text: str) -> str:
    return text.replace("**", "").replace("`", "").strip()


def guide_document(path: Path, version: str, logo: bytes | None = None) -> Document:
    """The guide as a document: a cover with the version, the contents, then the text."""
    title, body = parse_markdown(path.read_text(encoding="utf-8"), path.parent)
    title = title or GUIDE_TITLE
    head, _, tail = title.partition(" ITA")
    cover = Cover(
        title_lines=[head, f"ITA{tail}"] if tail else [title],
        organization=GUIDE_SUBJECT,
        year_line=f"รุ่น {version}",
        logo=logo,
    )
    blocks: list[Block | Figure] = [cover, TableOfContents(), PageBreak(), *body]
    return Document(
        title=title,
        blocks=cast("list[Block]", blocks),  # Figure: laid out by exporters.guide_pdf
        thai_digits=True,
        author="ITA Desktop",
        subject=GUIDE_SUBJECT,
        kind="guide",
    )


def figures(doc: Document) -> list[Figure]:
    return [b for b in cast("list[object]", doc.blocks) if isinstance(b, Figure)]
