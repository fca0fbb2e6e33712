"""The app's colours for Qt (defined, without Qt, in nsp_explorer/colours.py) and code highlights."""

from __future__ import annotations

from PySide6.QtGui import QColor

from ..colours import AUTHOR_COLOURS, AUTHOR_SYMBOLS, FRAME_COLOURS, HEATMAP, PARTNER_COLOUR, PILLAR_COLOURS, author_colour_hex, author_symbol

__all__ = ["AUTHOR_COLOURS", "AUTHOR_SYMBOLS", "FRAME_COLOURS", "HEATMAP", "PARTNER_COLOUR", "PILLAR_COLOURS", "author_colour", "author_symbol", "code_colour"]


def author_colour(authors: list[str], author: str) -> QColor:
    return QColor(author_colour_hex(authors, author))


def code_colour(dimension: str, code: str) -> str:
    """The highlight colour of a code's evidence words in the reading pane."""
    if dimension == "pillar":
        return PILLAR_COLOURS.get(code, "#BBBBBB")
    if dimension == "frame":
        return FRAME_COLOURS.get(code, "#BBBBBB")
    if dimension == "partner":
        return "#BBBBBB"
    return "#F0E442"  # areas and years: Okabe–Ito yellow
