"""Windows that fit the screen they open on (there may be no window manager to move them)."""

from __future__ import annotations

from PySide6.QtCore import QRect
from PySide6.QtWidgets import QApplication, QWidget


def fit_within_screen(window: QWidget) -> bool:
    """Shrink and move a top-level window into its screen's free area; True if it had to shrink.

    A fresh profile's default size, or a layout saved on a larger screen,
    must not leave the right and bottom parts of the window out of reach.
    """
    screen = window.screen() or QApplication.primaryScreen()
    if screen is None:
        return False
    free = screen.availableGeometry()
    frame = window.frameGeometry()
    extra_w, extra_h = frame.width() - window.width(), frame.height() - window.height()  # the window manager's frame
    width = min(window.width(), free.width() - extra_w)
    height = min(window.height(), free.height() - extra_h)
    shrunk = (width, height) != (window.width(), window.height())
    if shrunk:
        window.resize(width, height)
    frame = window.frameGeometry()
    x = max(min(frame.x(), free.right() + 1 - frame.width()), free.left())
    y = max(min(frame.y(), free.bottom() + 1 - frame.height()), free.top())
    if (x, y) != (frame.x(), frame.y()):
        window.move(x, y)
    return shrunk


def window_rect(window: QWidget) -> list[int]:
    """A window's own rectangle, as saved in the settings (Qt's geometry blob guesses a frame where no window
    manager draws one, and a window restored from it came back lower and shorter)."""
    normal = window.normalGeometry()
    return [normal.x(), normal.y(), normal.width(), normal.height()]


def saved_rect(value: object) -> QRect | None:
    """The rectangle a setting holds, or None if it holds none (fit_within_screen then brings it within the screen)."""
    if isinstance(value, list) and len(value) == 4 and all(type(v) is int for v in value) and value[2] > 0 and value[3] > 0:
        return QRect(*value)
    return None
