"""Landscape pages only for the wide tables: what follows a landscape table under a heading of
its own (a summary, problems, suggestions, limitations) goes back to portrait pages, and a
landscape turn with no table after it (a plan with no measures yet) stays portrait."""

from __future__ import annotations

from ita_desktop.documents.blocks import Block, Heading, Orientation, Table


def landscape_for_tables(blocks: list[Block]) -> list[Block]:
    """`blocks` with each landscape run cut back to its tables (and the text between them and
    right after the last, which reads with it: a note, the signatures)."""
    out: list[Block] = []
    landscape = False
    for i, block in enumerate(blocks):
        if isinstance(block, Orientation):
            landscape = block.landscape and _table_ahead(blocks, i + 1)
            out.append(Orientation(landscape) if block.landscape != landscape else block)
            continue
        if landscape and isinstance(block, Heading) and not _table_ahead(blocks, i + 1):
            landscape = False  # a section after the last table: back to portrait
            out.append(Orientation(False))
        out.append(block)
    return out


def _table_ahead(blocks: list[Block], start: int) -> bool:
    """Whether a table comes before the next change of orientation."""
    for block in blocks[start:]:
        if isinstance(block, Orientation):
            return False
        if isinstance(block, Table):
            return True
    return False
