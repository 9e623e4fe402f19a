"""Sizing helpers for boxes that should take the room left over, not ask for more."""

from __future__ import annotations

from PySide6.QtWidgets import QHeaderView, QSizePolicy, QTableView, QWidget

ROW_PADDING = 6


def fills_height(widget: QWidget, minimum: int) -> QWidget:
    """At least `minimum` pixels high, and otherwise whatever height is left in its column.

    Text boxes and tables ask for 192 pixels by default; in a scrolled page that request alone
    can push the page past the window and bring up a scroll bar.
    """
    widget.setMinimumHeight(minimum)
    policy = widget.sizePolicy()
    policy.setVerticalPolicy(QSizePolicy.Policy.Ignored)
    widget.setSizePolicy(policy)
    return widget


def compact_rows(view: QTableView) -> int:
    """One-line rows a little taller than the text (Thai marks above and below still fit)."""
    rows = view.verticalHeader()
    rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    rows.setDefaultSectionSize(view.fontMetrics().height() + ROW_PADDING)
    return rows.defaultSectionSize()
