"""Colour-blind-safe colours, the same for a pillar, an author or a frame in every view.

Pillars and authors take Okabe–Ito colours (pillars never share one with an
author); frames take Paul Tol's muted scheme so they never look like either.
"""

from __future__ import annotations

from PySide6.QtGui import QColor

PILLAR_COLOURS = {"people": "#E69F00", "prosperity": "#0072B2", "peace": "#009E73"}
AUTHOR_COLOURS = ["#D55E00", "#CC79A7", "#56B4E9", "#8C7A00", "#000000", "#999999"]  # Okabe–Ito; yellow darkened for contrast on white
AUTHOR_SYMBOLS = ["o", "s", "t", "d", "star", "+"]
FRAME_COLOURS = {"achievement": "#117733", "opportunity": "#88CCEE", "challenge": "#CC6677", "recommendation": "#DDCC77"}
PARTNER_COLOUR = "#555555"
HEATMAP = "cividis"  # perceptually uniform and colour-blind safe


def author_colour(authors: list[str], author: str) -> QColor:
    return QColor(AUTHOR_COLOURS[authors.index(author) % len(AUTHOR_COLOURS)])


def author_symbol(authors: list[str], author: str) -> str:
    return AUTHOR_SYMBOLS[authors.index(author) % len(AUTHOR_SYMBOLS)]


def code_colour(dimension: str, code: str) -> str:
    """The highlight colour of a code's evidence words in the reading pane."""
    if dimension == "pillar":
        return PILLAR_COLOURS.get(code, "#BBBBBB")
    if dimension == "frame":
        return FRAME_COLOURS.get(code, "#BBBBBB")
    if dimension == "partner":
        return "#BBBBBB"
    return "#F0E442"  # areas and years: Okabe–Ito yellow
