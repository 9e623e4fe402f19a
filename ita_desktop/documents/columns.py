"""Tables whose columns the user chooses: which fields print, in what order, under which
header, and which fields share a column (seed 001 prints period and monitoring together)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from ita_desktop.documents import labels as L
from ita_desktop.documents.blocks import Cell, Row, Table
from ita_desktop.domain.models import TableColumn

# relative widths of the fields; a shared column is as wide as its fields together
WIDTHS: dict[str, float] = {
    "measure": 0.20,
    "activities": 0.20,
    "steps": 0.31,
    "responsible": 0.12,
    "period": 0.12,
    "monitoring": 0.12,
    "kpi": 0.13,
    "budget": 0.09,
    "indicators": 0.13,
    "output": 0.17,
    "outcome": 0.17,
    "status": 0.10,
    "problems": 0.15,
    "suggestions": 0.15,
    "evidence": 0.13,
}
CENTERED = ("status",)

Content = Callable[[str], list[str]]  # a field's paragraphs for one row ([] when empty)


def groups(columns: list[TableColumn]) -> list[list[TableColumn]]:
    """The printed columns: each field with those joined to it."""
    out: list[list[TableColumn]] = []
    for c in columns:
        if c.join and out:
            out[-1].append(c)
        else:
            out.append([c])
    return out


def header(c: TableColumn) -> str:
    return c.header.strip() or L.COLUMN_HEADERS.get(c.key, c.key)


def table(
    columns: list[TableColumn],
    rows: Sequence[Content],
    caption: str,
    widths: dict[str, float] | None = None,
) -> Table:
    """One row per `rows` item (a function from a field to its paragraphs); `widths` the
    table's own relative widths of some fields."""
    sizes = {**WIDTHS, **(widths or {})}
    grouped = groups(columns)
    head = Row([Cell.of(header(g[0]), align="center", bold=True) for g in grouped], "header")
    body = [Row([_cell(g, content) for g in grouped]) for content in rows]
    fractions = [sum(sizes.get(c.key, 0.12) for c in g) for g in grouped]
    return Table(fractions, [head], body, caption=caption)


def _cell(group: list[TableColumn], content: Content) -> Cell:
    paragraphs: list[str] = []
    for i, c in enumerate(group):
        parts = [p for p in content(c.key) if p.strip()]
        if i and parts:  # a field inside another's column says what it is
            parts[0] = L.COLUMN_LABEL.format(label=header(c), text=parts[0])
        paragraphs += parts
    alone = len(group) == 1
    key = group[0].key
    if not paragraphs:
        return Cell.of(L.NONE_GIVEN, align="center")
    # "ตัวชี้วัดที่ ๔" stays whole by its no-break join; a long name under it wraps
    return Cell.of(paragraphs, align="center" if alone and key in CENTERED else "left")
