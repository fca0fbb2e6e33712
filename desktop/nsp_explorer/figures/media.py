"""Presets for where a figure goes: its shape and its type sizes, in physical units.

A figure is laid out in inches and points for its medium and rasterised at
``width / width_in`` dots per inch, so a 1920-px and a 3840-px slide look the
same, only sharper; SVG and PDF carry the same inches.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Medium:
    name: str
    width_in: float
    height_in: float | None  # None: as tall as the content needs (a paper column)
    title_pt: float
    subtitle_pt: float
    text_pt: float  # axis labels, ticks, legends, cell values
    source_pt: float
    margin_in: float
    default_width: int  # pixels of a PNG when no width is given

    def dpi(self, width_px: int | None) -> float:
        return (width_px or self.default_width) / self.width_in


MEDIA = {
    # PowerPoint's and Keynote's slide sizes; 14 pt is the smallest type that reads from the back of a room
    "slide-16x9": Medium("slide-16x9", 13.333, 7.5, 26, 15, 14, 10, 0.3, 1920),
    "slide-4x3": Medium("slide-4x3", 10.0, 7.5, 24, 14, 13, 10, 0.3, 1600),
    # one column of a two-column journal page (89 mm), 300 dpi by default
    "paper-column": Medium("paper-column", 3.5, None, 9, 7, 7, 5.5, 0.06, 1050),
}
DEFAULT_MEDIUM = "slide-16x9"


def medium(name: str) -> Medium:
    try:
        return MEDIA[name]
    except KeyError:
        raise ValueError(f"unknown medium {name!r}: choose {', '.join(MEDIA)}") from None
