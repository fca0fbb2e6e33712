"""The page every figure shares: title, subtitle (two lines at most), legend, the chart, and a small source line.

Laid out in inches and points from the top and the bottom of the page, so the
header and the source line keep their place whatever the page's height; the
chart takes the room between them (matplotlib's constrained layout makes its
tick labels and colour bars fit). Nothing on it is a control.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch
from matplotlib.transforms import ScaledTranslation

from .media import Medium

INK = "#1A1A1A"
GREY = "#555555"
LINE = 1.3  # line height, in multiples of the type size


@dataclass(frozen=True)
class Key:
    """One legend entry: a colour swatch, or a marker (the cited figures' authors)."""

    label: str
    colour: str
    marker: str = ""


def points_to_inches(points: float) -> float:
    return points / 72


class Sheet:
    """A figure for one medium at one pixel width. ``body_in`` is the chart's height on a page without a fixed height."""

    def __init__(self, medium: Medium, width_px: int | None, title: str, subtitle: str, source: str, keys: list[Key] = (), body_in: float = 2.4, note: str = ""):
        """``note``: a line above the source line that tells how to read the chart (marks, what is left out)."""
        self.medium, self.title, self.subtitle, self.source = medium, title, subtitle, source
        width_px = width_px or medium.default_width
        self.dpi = width_px / medium.width_in
        self.width_px = width_px
        self.figure = Figure(figsize=(medium.width_in, medium.height_in or 4.0), dpi=self.dpi, facecolor="white")
        FigureCanvasAgg(self.figure)
        self._renderer = self.figure.canvas.get_renderer()
        m = medium.margin_in
        top = m
        title_lines = self._wrapped(title, medium.title_pt, bold=True)
        self._text(title_lines, top, medium.title_pt, INK, weight="bold")
        top += points_to_inches(medium.title_pt * LINE) * (title_lines.count("\n") + 1)
        subtitle_lines = self._wrapped(subtitle, medium.subtitle_pt, most=2)
        self._text(subtitle_lines, top + points_to_inches(0.15 * medium.subtitle_pt), medium.subtitle_pt, GREY)
        top += points_to_inches(medium.subtitle_pt * LINE) * (subtitle_lines.count("\n") + 1) + points_to_inches(0.35 * medium.text_pt)
        if keys:
            top += self._legend(list(keys), top)
        self.header_in = top + points_to_inches(0.4 * medium.text_pt)
        note_pt = max(medium.source_pt, 0.8 * medium.text_pt)
        note_lines = self._wrapped(note, note_pt) if note else ""
        note_in = points_to_inches(note_pt * LINE) * (note_lines.count("\n") + 1) if note else 0.0
        source_lines = self._wrapped(source, medium.source_pt, most=3)
        source_in = points_to_inches(medium.source_pt * LINE) * (source_lines.count("\n") + 1)
        self.footer_in = m + source_in + note_in + points_to_inches(0.3 * medium.text_pt)
        height = medium.height_in or self.header_in + body_in + self.footer_in
        self.height_px = round(height * self.dpi)
        # a page of exactly width_px × height_px pixels (the rasteriser rounds the page's inches down)
        self.figure.set_size_inches((width_px + 0.01) / self.dpi, (self.height_px + 0.01) / self.dpi)
        self.figure.text(m / medium.width_in, m / height, source_lines, fontsize=medium.source_pt, color=GREY, va="bottom", ha="left", linespacing=LINE)
        if note:
            above = m + source_in
            self.figure.text(m / medium.width_in, above / height, note_lines, fontsize=note_pt, color=INK, va="bottom", ha="left", linespacing=LINE)
        self.figure.set_layout_engine(
            "constrained",
            rect=(0, self.footer_in / height, 1, (height - self.header_in - self.footer_in) / height),
            w_pad=m, h_pad=points_to_inches(2), wspace=0.04, hspace=0.06,
        )

    # -- the header -------------------------------------------------------------------------

    def _from_top(self, x_in: float, y_in: float):
        """A transform placing (0, 0) at x_in from the left and y_in below the top of the page."""
        return self.figure.transFigure + ScaledTranslation(x_in, -y_in, self.figure.dpi_scale_trans)

    def _text(self, text: str, y_in: float, size: float, colour: str, weight: str = "normal"):
        return self.figure.text(0, 1, text, transform=self._from_top(self.medium.margin_in, y_in), fontsize=size, color=colour, weight=weight, va="top", ha="left", linespacing=LINE)

    def _width_in(self, text: str, size: float, bold: bool = False) -> float:
        probe = self.figure.text(0, 0, text, fontsize=size, weight="bold" if bold else "normal")
        width = probe.get_window_extent(self._renderer).width / self.dpi
        probe.remove()
        return width

    @property
    def _room_in(self) -> float:
        return self.medium.width_in - 2 * self.medium.margin_in

    def _wrapped(self, text: str, size: float, bold: bool = False, most: int = 0) -> str:
        """The text on as many lines as the page's width needs (at ``most`` lines, the last cut with an ellipsis)."""
        if self._width_in(text, size, bold) <= self._room_in:
            return text
        fits = (textwrap.wrap(text, columns) for columns in range(len(text), 8, -2))
        lines = next((ls for ls in fits if max(self._width_in(line, size, bold) for line in ls) <= self._room_in), textwrap.wrap(text, 8))
        if most and len(lines) > most:
            lines = lines[: most - 1] + [self._fitted(" ".join(lines[most - 1 :]), size)]  # the rest on the last line, cut
        return "\n".join(lines)

    def _fitted(self, text: str, size: float) -> str:
        """One line: cut with an ellipsis where the page ends (the full text is in the file's metadata; the subtitle's
        last line when the filters take more than two)."""
        if self._width_in(text, size) <= self._room_in:
            return text
        low, high = 0, len(text)
        while low < high:
            middle = (low + high + 1) // 2
            if self._width_in(text[:middle].rstrip(" ·,") + "…", size) <= self._room_in:
                low = middle
            else:
                high = middle - 1
        return text[:low].rstrip(" ·,") + "…"

    def _legend(self, keys: list[Key], top_in: float) -> float:
        """The legend as rows under the subtitle, as many entries a row as fit; returns its height in inches."""
        size = self.medium.text_pt
        handles = [
            Line2D([], [], linestyle="none", marker=k.marker, markersize=0.8 * size, markerfacecolor=k.colour, markeredgecolor=INK, markeredgewidth=0.5)
            if k.marker
            else Patch(facecolor=k.colour, edgecolor="none")
            for k in keys
        ]
        labels = [k.label for k in keys]
        for columns in range(len(keys), 0, -1):
            legend = self.figure.legend(
                handles, labels, loc="upper left", bbox_to_anchor=(0, 1), bbox_transform=self._from_top(self.medium.margin_in, top_in),
                ncols=columns, frameon=False, fontsize=size, borderpad=0, borderaxespad=0, handlelength=1.0, handleheight=0.8,
                handletextpad=0.4, columnspacing=1.2, labelspacing=0.3, labelcolor=INK,
            )
            box = legend.get_window_extent(self._renderer)
            if box.width / self.dpi <= self._room_in or columns == 1:
                return box.height / self.dpi
            legend.remove()
        return 0.0

    # -- the chart ----------------------------------------------------------------------------

    def axes(self, rows: int = 1, columns: int = 1, **grid):
        """The chart's axes, laid out between the header and the source line."""
        return self.figure.subplots(rows, columns, squeeze=False, gridspec_kw=grid or None)

    def texts(self) -> list[str]:
        """Every text drawn on the page (for tests: what a reader sees)."""
        self.figure.canvas.draw()
        return [t.get_text() for t in self.figure.findobj(lambda a: hasattr(a, "get_text") and callable(a.get_text)) if t.get_visible() and t.get_text()]

    @property
    def body_in(self) -> tuple[float, float]:
        """Width and height (inches) between the margins, the header and the source line."""
        width, height = self.figure.get_size_inches()
        return width - 2 * self.medium.margin_in, height - self.header_in - self.footer_in

    def text_width_in(self, texts, size: float) -> float:
        """The widest of some texts (lines of each), in inches, at a type size."""
        return max((self._width_in(line, size) for t in texts for line in str(t).split("\n")), default=0.0)
