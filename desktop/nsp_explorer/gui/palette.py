"""The app's colours for Qt (defined, without Qt, in nsp_explorer/colours.py) and code highlights."""

from __future__ import annotations

from dataclasses import dataclass

import pyqtgraph as pg
from pyqtgraph.graphicsItems.ScatterPlotItem import Symbols
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap

from ..colours import AUTHOR_COLOURS, AUTHOR_SYMBOLS, FRAME_COLOURS, HEATMAP, PARTNER_COLOUR, PILLAR_COLOURS, UNFRAMED_COLOUR, assign_slots, slot_style

__all__ = ["AUTHOR_COLOURS", "AUTHOR_SYMBOLS", "FRAME_COLOURS", "HEATMAP", "PARTNER_COLOUR", "PILLAR_COLOURS", "UNFRAMED_COLOUR", "assign_slots", "author_styles", "slot_style"]


@dataclass(frozen=True)
class ChartPalette:
    """Every colour a chart draws with: the normal look, or high contrast for a projector."""

    pillars: dict[str, str]
    frames: dict[str, str]
    partner: str
    mentioned: str  # the bars of years mentioned
    heatmap: tuple[tuple[float, str], ...]  # colour-map stops
    text: str
    muted: str  # captions and plot titles
    axis: str
    axis_width: float
    outline: str | None  # around bars and cells
    background: str

    def colour_map(self) -> pg.ColorMap:
        return pg.ColorMap([s for s, _ in self.heatmap], [QColor(c) for _, c in self.heatmap])


def _cividis() -> tuple[tuple[float, str], ...]:
    lookup = pg.colormap.get(HEATMAP).getLookupTable(nPts=9, alpha=False)
    return tuple((i / 8, QColor(*map(int, rgb)).name()) for i, rgb in enumerate(lookup))


NORMAL = ChartPalette(PILLAR_COLOURS, FRAME_COLOURS, PARTNER_COLOUR, "#555555", (), "#222222", "#555555", "#888888", 1.0, None, "#FFFFFF")
# For a projector that washes out pale tints: saturated, dark colours far apart in lightness, black
# outlines, black text and axes, and a heatmap from white to deep blue (the widest lightness range).
HIGH_CONTRAST = ChartPalette(
    pillars={"people": "#C84B00", "prosperity": "#0033A0", "peace": "#007A4D"},
    frames={"achievement": "#005A1E", "opportunity": "#0077CC", "challenge": "#C0002A", "recommendation": "#E8B000"},
    partner="#000000",
    mentioned="#000000",
    heatmap=((0.0, "#FFFFFF"), (0.5, "#4A88C8"), (1.0, "#08205A")),
    text="#000000",
    muted="#000000",
    axis="#000000",
    axis_width=2.0,
    outline="#000000",
    background="#FFFFFF",
)


def chart_palette(high_contrast: bool) -> ChartPalette:
    if high_contrast:
        return HIGH_CONTRAST
    return ChartPalette(**{**NORMAL.__dict__, "heatmap": _cividis()})


def ink_on(colour_map: pg.ColorMap, fraction: float) -> str:
    """Black or white text, whichever reads better on the colour-map's colour at this fraction."""
    colour = colour_map.map(min(max(fraction, 0.0), 1.0), mode="qcolor")
    light = 0.299 * colour.redF() + 0.587 * colour.greenF() + 0.114 * colour.blueF()
    return "#111111" if light > 0.5 else "#FFFFFF"


class AuthorStyles:
    """The colour and marker of every author, the same in every view and from one run to the next."""

    def __init__(self, slots: dict[str, int]):
        self.slots = slots

    def colour(self, author: str) -> QColor:
        return QColor(slot_style(self.slots.get(author, 0))[0])

    def symbol(self, author: str) -> str:
        return slot_style(self.slots.get(author, 0))[1]

    def mark(self, author: str, size: int = 14) -> QIcon:
        """The author's marker as the charts draw it, in the author's colour: beyond six authors colours repeat
        and the marker tells them apart, so a list of authors shows both."""
        pixmap = QPixmap(size, size)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.translate(size / 2, size / 2)
        painter.scale(size - 2, size - 2)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(self.colour(author))
        painter.drawPath(Symbols[self.symbol(author)])
        painter.end()
        return QIcon(pixmap)


def author_styles(authors: list[str]) -> AuthorStyles:
    """The authors' styles as remembered in the user's settings; newcomers get one, which is remembered."""
    from .settings import read_settings, save_settings

    settings = read_settings()
    saved = settings.get("author_styles") if settings is not None else None
    slots = assign_slots(authors, saved if isinstance(saved, dict) else {})
    if settings is not None and slots != saved:
        settings["author_styles"] = slots
        try:
            save_settings(settings)
        except OSError:
            pass  # the styles hold for this run; the next one tries to remember them again
    return AuthorStyles(slots)
