"""The window's exports: the figures of what it shows (drawn by figures/, never grabbed from widgets).

The figures come from the same aggregations as the charts, under the window's
filters, selection, search, measure and indicator. Files are written all or
nothing (figures/files.py).
"""

from __future__ import annotations

from pathlib import Path

from ..figures.context import FigureContext
from ..figures.export import Exported, write_views
from ..figures.export import seminar_pack as write_pack
from ..figures.files import FORMATS, atomically
from ..figures.media import DEFAULT_MEDIUM

__all__ = ["FORMATS", "atomically", "chart_stems", "export_chart", "export_comparison", "export_views", "figure_context", "seminar_pack"]


def figure_context(window) -> FigureContext:
    """What the main window shows, for a figure."""
    from .palette import author_styles

    slots = author_styles(window.coded.authors).slots  # the styles the window shows, from the settings
    return FigureContext(window.coded, window.state.state, window.scenario_shown(), window.matrix.measure_name, window.figures.current_indicator(), author_slots=slots)


def export_views(window, folder: Path, formats=FORMATS, width: int | None = None, medium: str = DEFAULT_MEDIUM) -> Exported:
    """Every view that holds data, as a figure in each format, into ``folder`` (all or nothing)."""
    return write_views(figure_context(window), folder, formats, width, medium)


def chart_stems(chart_title: str) -> list[str]:
    """The figures of one chart (the timeline gives two: publication years and years mentioned)."""
    from ..figures.views import VIEWS

    return [v.stem for v in VIEWS if v.chart == chart_title]


def export_chart(window, chart_title: str, folder: Path, formats=FORMATS, width: int | None = None, medium: str = DEFAULT_MEDIUM) -> Exported:
    """The figures of one chart, as ``chart_stems`` names them."""
    return write_views(figure_context(window), folder, formats, width, medium, chart_stems(chart_title))


def seminar_pack(window, folder: Path, scenario_json: dict, formats=FORMATS, width: int | None = None, medium: str = DEFAULT_MEDIUM) -> Exported:
    return write_pack(figure_context(window), folder, scenario_json, formats, width, medium)


def export_comparison(compare, folder: Path, formats=FORMATS, width: int | None = None, medium: str = DEFAULT_MEDIUM) -> Exported:
    """The comparison window's two scenarios as one figure, drawn from their data."""
    from ..figures.compare import Difference, write_comparison

    chosen = [compare.store.scenarios[p.currentIndex()] for p in compare.pickers if 0 <= p.currentIndex() < len(compare.store.scenarios)]
    if len(chosen) != 2:
        return Exported(folder=folder, empty=["Comparison"])
    from .palette import author_styles

    slots = author_styles(compare.coded.authors).slots
    a, b = (FigureContext.of_scenario(compare.coded, s, slots) for s in chosen)
    difference = Difference(compare.how.currentData(), tuple(picker.currentData() for picker in compare.pair_pickers))
    return write_comparison(a, b, folder, formats, width, medium, difference)
