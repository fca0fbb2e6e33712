"""Drawing helpers the figures share: axes style, labelled cells, value labels, marker names."""

from __future__ import annotations

import textwrap

import numpy as np
from matplotlib.patches import Rectangle
from matplotlib.ticker import MaxNLocator

from .media import Medium
from .sheet import GREY, INK

# the explorer's pyqtgraph symbols as matplotlib markers
MARKERS = {"o": "o", "s": "s", "t": "v", "d": "D", "h": "h", "+": "P"}


def style_axes(ax, medium: Medium, grid_axis: str = "") -> None:
    """Thin axes, no top or right spine, type of the medium's size, an optional light grid."""
    size = medium.text_pt
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    for side in ("left", "bottom"):
        ax.spines[side].set_color(GREY)
        ax.spines[side].set_linewidth(0.6)
    ax.tick_params(labelsize=size, colors=INK, width=0.6, length=size * 0.25)
    ax.xaxis.label.set_size(size)
    ax.yaxis.label.set_size(size)
    if grid_axis:
        ax.grid(axis=grid_axis, color="#DDDDDD", linewidth=0.6)
        ax.set_axisbelow(True)


def whole_numbers(axis) -> None:
    """Counts of passages have whole-number ticks (never '0.5 passages')."""
    axis.set_major_locator(MaxNLocator(integer=True, nbins="auto", min_n_ticks=3))


def wrap_label(label: str, medium: Medium) -> str:
    """Long category names on two lines on a narrow page."""
    width = 20 if medium.width_in < 5 else 40
    return "\n".join(textwrap.wrap(label, width)) if len(label) > width else label


def readable_on(colour) -> str:
    """Black or white text, whichever reads on a cell of this colour (sRGB luminance)."""
    r, g, b = colour[:3]
    return "#FFFFFF" if 0.2126 * r + 0.7152 * g + 0.0722 * b < 0.5 else "#111111"


def cell_grid(ax, colours: np.ndarray, texts: list[list[str]], size: float, edge: str = "white") -> list:
    """A table of rectangles (rows top-down), each with its value; colours is rows × columns × RGBA.

    Cells are rectangles, never an image: they stay sharp in SVG and PDF at any zoom.
    """
    rows, columns = colours.shape[:2]
    drawn = []
    for r in range(rows):
        for c in range(columns):
            ax.add_patch(Rectangle((c - 0.5, r - 0.5), 1, 1, facecolor=colours[r, c], edgecolor=edge, linewidth=0.8))
            if texts[r][c]:
                drawn.append(ax.text(c, r, texts[r][c], ha="center", va="center", fontsize=size, color=readable_on(colours[r, c])))
    ax.set_xlim(-0.5, columns - 0.5)
    ax.set_ylim(rows - 0.5, -0.5)
    for side in ax.spines.values():
        side.set_visible(False)
    ax.tick_params(length=0)
    return drawn


def shrink_to_cells(figure, grids: list[tuple[object, list, int, int]]) -> None:
    """Once the page is laid out: make the values of every grid (axes, texts, rows, columns) fit their cells.

    One type size for all grids (they are read together). Where cells are too small for values of
    4.5 pt, the values are left out: the colours still carry them, and overlapping numbers help no one.
    """
    figure.get_layout_engine().execute(figure)  # place the axes (cheaper than drawing the page)
    renderer = figure.canvas.get_renderer()
    factor = 1.0
    for ax, texts, rows, columns in grids:
        box = ax.get_window_extent(renderer)
        cell_w, cell_h = box.width / columns, box.height / rows
        for text in texts:
            extent = text.get_window_extent(renderer)
            factor = min(factor, 0.86 * cell_w / max(extent.width, 1), 0.8 * cell_h / max(extent.height, 1))
    if factor < 1:
        for _, texts, _, _ in grids:
            for text in texts:
                size = text.get_fontsize() * factor
                text.set_fontsize(size)
                text.set_visible(size >= 4.5)


def fitting_size(medium: Medium, cell_w_in: float, cell_h_in: float, chars: int) -> float:
    """Type size for a value in a cell: the medium's, or smaller if the cell is small (never below 5 pt)."""
    by_height = cell_h_in * 72 * 0.55
    by_width = cell_w_in * 72 / (0.62 * max(chars, 1))
    return max(5.0, min(medium.text_pt, by_height, by_width))
