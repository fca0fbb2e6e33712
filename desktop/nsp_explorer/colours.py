"""Colour-blind-safe colours, the same for a pillar, an author or a frame in every view and figure.

Pillars and authors take Okabe–Ito colours (pillars never share one with an
author); frames take Paul Tol's muted scheme so they never look like either.
Plain hex strings: the Qt views (gui/palette.py) and the exported figures
(figures/) both draw with them.
"""

from __future__ import annotations

PILLAR_COLOURS = {"people": "#E69F00", "prosperity": "#0072B2", "peace": "#009E73"}
AUTHOR_COLOURS = ["#D55E00", "#CC79A7", "#56B4E9", "#8C7A00", "#000000", "#999999"]  # Okabe–Ito; yellow darkened for contrast on white
AUTHOR_SYMBOLS = ["o", "s", "t", "d", "star", "+"]
FRAME_COLOURS = {"achievement": "#117733", "opportunity": "#88CCEE", "challenge": "#CC6677", "recommendation": "#DDCC77"}
PARTNER_COLOUR = "#555555"
HEATMAP = "cividis"  # perceptually uniform and colour-blind safe


def author_colour_hex(authors: list[str], author: str) -> str:
    return AUTHOR_COLOURS[authors.index(author) % len(AUTHOR_COLOURS)]


def author_symbol(authors: list[str], author: str) -> str:
    """The marker of an author; from the seventh author on, colours repeat with the next marker, so no two look alike."""
    i = authors.index(author)
    return AUTHOR_SYMBOLS[(i + i // len(AUTHOR_COLOURS)) % len(AUTHOR_SYMBOLS)]
