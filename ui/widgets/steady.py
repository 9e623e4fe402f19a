"""Messages that come and go without moving the fields around them: their room is kept
while they are hidden, so the next click lands where the clerk aimed."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget


def keep_room(widget: QWidget) -> QWidget:
    """The layout keeps `widget`'s place while it is hidden."""
    policy = widget.sizePolicy()
    policy.setRetainSizeWhenHidden(True)
    widget.setSizePolicy(policy)
    return widget


def steady_label(label: QLabel, lines: int = 1) -> QLabel:
    """Room for `lines` lines of (wrapped) text, shown or hidden, whatever the text."""
    label.setWordWrap(lines > 1)
    label.setFixedHeight(label.fontMetrics().lineSpacing() * lines + 4)
    policy = label.sizePolicy()
    policy.setHorizontalPolicy(QSizePolicy.Policy.Ignored)  # a long message wraps, not widens
    label.setSizePolicy(policy)
    keep_room(label)
    return label
