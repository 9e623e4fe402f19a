"""Where the main window opens: never larger than the screen's free area (maximised on small
screens), at the place it had the last time on that screen."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize
from PySide6.QtGui import QScreen

DEFAULT_SIZE = QSize(1280, 820)  # on a screen with room for it (and its title bar)
FRAME_ALLOWANCE = QSize(16, 40)  # window borders and title bar, outside the client area


def screen_key(screen: QScreen) -> str:
    """A screen as the settings remember it: its name and free area ("eDP-1 1366x704")."""
    area = screen.availableGeometry()
    return f"{screen.name()} {area.width()}x{area.height()}"


def is_small(area: QRect) -> bool:
    """True when the default window and its frame would not fit (a 1366×768 laptop)."""
    return (
        area.width() < DEFAULT_SIZE.width() + FRAME_ALLOWANCE.width()
        or area.height() < DEFAULT_SIZE.height() + FRAME_ALLOWANCE.height()
    )


def default_rect(area: QRect) -> QRect:
    """The default client rectangle centred in the free area (on small screens: all of it)."""
    if is_small(area):
        return QRect(area)
    rect = QRect(0, 0, DEFAULT_SIZE.width(), DEFAULT_SIZE.height())
    rect.moveCenter(area.center())
    return rect


def fits(frame: QRect, area: QRect) -> bool:
    """The whole window frame lies inside the free area (no title bar or status bar off it)."""
    return area.contains(frame)
