"""Attention: how much each author writes about each cooperation area (passages per author and area), as a heatmap.

Called "Framing matrix" before issue 14; it shows attention, not framing (the
Framing view does that). Scenarios never stored the chart's name, so old ones load as they were.
"""

from __future__ import annotations

import html

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF
from PySide6.QtWidgets import QComboBox

from ...core.aggregate import FEW_PASSAGES, FEW_PASSAGES_NOTE, frame_matrix, passages_per_author
from ...core.filters import other_areas_note
from ..palette import ink_on
from ...core.wording import counted
from .plot import ColourScale
from ...core.names import marked_name, name_over_year
from .base import ChartView, Target, label_axis, percent, style_plot

def author_area_heatmap(chart: ChartView, colour_map: pg.ColorMap, levels: tuple[float, float], scale_label: str = "") -> ColourScale:
    """Set a chart up as an authors × areas heatmap: areas down, authors across, a value in every cell."""
    coded = chart.coded
    chart.areas = list(coded.taxonomy.ids("area"))
    chart.authors = coded.authors
    chart.plot = chart.add_plot(0, categories=("bottom",))
    style_plot(chart.plot, bottom="Author (publication year)")
    chart.plot.invertY(True)
    chart.colour_map = colour_map
    chart.image = pg.ImageItem()
    chart.image.setColorMap(colour_map)
    chart.plot.addItem(chart.image)
    scale = ColourScale(colour_map, levels, label=scale_label)
    chart.plot.put_beside(scale)
    label_axis(chart.plot, "left", [coded.taxonomy.label("area", a) for a in chart.areas])
    chart.plot.setYRange(-0.5, len(chart.areas) - 0.5, padding=0)
    chart.machine = frozenset(coded.machine_coded_authors())  # marked as in the Framing view beside it, and the figures
    chart.authors = []
    show_authors(chart, coded.authors)
    chart.values = np.zeros((len(chart.areas), len(chart.authors)))
    return scale


def show_authors(chart: ChartView, authors: list[str], count_at: float = 0.0, room: float = 1.0, total: bool = False) -> bool:
    """An authors × areas chart's columns (this one's and the Framing view's): these authors, each named (family
    name over year, upright when the columns are too narrow), then ``total`` a column of all authors together; a
    value label in each cell ``count_at`` right of its centre with ``room`` of the cell's width. False if the
    columns were these already."""
    if (authors, total) == (chart.authors, getattr(chart, "total_shown", False)):
        return False
    chart.authors, chart.total_shown = list(authors), total
    labels = [name_over_year(marked_name(a, chart.coded.first_years, chart.machine)) for a in authors] + (["All\nauthors"] if total else [])
    chart.plot.getAxis("bottom").set_labels(labels)
    chart.plot.setXRange(-0.5, max(len(labels), 1) - 0.5, padding=0)
    chart.replace_cell_labels([(c + count_at, r) for r in range(len(chart.areas)) for c in range(len(labels))], room=room)
    return True


class FramingMatrix(ChartView):
    title = "Attention: passages by author and area"
    caption = "How much each author writes about each area (not how): share of the author's passages coded with it."
    count_caption = "How much each author writes about each area (not how): number of the author's passages coded with it."
    # a last column of every selected passage together, as the comparison figure has it: set by the comparison
    # window, whose A − B compares all authors too (and only them when the two sides share no author)
    total_column = False

    def __init__(self, coded, state, parent=None):
        super().__init__(coded, state, parent)
        self.measure = QComboBox()
        self.measure.addItem("Share of the author's passages", "share")
        self.measure.addItem("Number of passages", "count")
        self.measure.setToolTip("Share keeps a long brief from drowning a short op-ed")
        self.measure.currentIndexChanged.connect(self._measure_changed)
        self.controls.addWidget(self.measure)

        self.colour_bar = author_area_heatmap(self, self.palette.colour_map(), (0, 100))
        self.style_colour_bar()
        self.area_labels = [coded.taxonomy.label("area", a) for a in self.areas]

    def restyle(self) -> None:
        self.colour_map = self.palette.colour_map()
        self.image.setColorMap(self.colour_map)
        self.colour_bar.gradient.setColorMap(self.colour_map)

    def view_options(self) -> tuple:
        return (self.measure_name,)

    @property
    def measure_name(self) -> str:
        return self.measure.currentData()

    def set_measure(self, measure: str) -> None:
        self.measure.setCurrentIndex(self.measure.findData(measure))

    def _measure_changed(self, *_):
        self.refresh()

    def _cell_targets(self, counts, totals, shares) -> list[Target]:
        targets = []
        for row, area in enumerate(self.areas):
            label = self.area_labels[row]
            for column in range(len(totals)):
                author = self.authors[column] if column < len(self.authors) else None  # None: all authors together
                count, total = int(counts[row, column]), int(totals[column])
                tip = f"{author or 'All authors'} · {label}\n" + (f"{count} of {counted(total, 'passage')} ({percent(shares[row, column])})" if total else "no passages in the selection")
                if 0 < total < FEW_PASSAGES:
                    tip += f"\n{FEW_PASSAGES_NOTE}" if author else f"\n* fewer than {FEW_PASSAGES} passages in all: a share of few"
                # an empty cell tells, and a click on it does nothing: selecting it would empty every view
                selects = ({"authors": {author}} if author else {}) | {"areas": {area}}
                targets.append(Target(QRectF(column - 0.5, row - 0.5, 1, 1), tip, selects if count else {}))
        return targets

    def draw(self, state, mask) -> str:
        measure = self.measure_name
        show_authors(self, self.authors_for(state), total=self.total_column)
        table = frame_matrix(self.coded, mask, "count")
        counts = table.loc[self.authors].to_numpy().T  # rows: areas, columns: authors
        totals = passages_per_author(self.coded, mask).loc[self.authors].to_numpy()
        if self.total_column:  # a passage has one author: the column of all is the sum over every author selected
            counts = np.column_stack([counts, np.nansum(table.to_numpy(), axis=0)])
            totals = np.append(totals, np.count_nonzero(mask))
        with np.errstate(invalid="ignore", divide="ignore"):
            shares = np.where(totals > 0, counts / totals, np.nan)
        values = shares if measure == "share" else np.where(totals > 0, counts, np.nan).astype(float)
        self.values = values
        finite = values[np.isfinite(values)]
        # shares are drawn and keyed in per cent, as the cells write them (a key of 0–1 beside "50%" reads wrongly)
        shown = values * 100 if measure == "share" else values
        top = 100.0 if measure == "share" else max(1.0, float(finite.max()) if finite.size else 1.0)
        # the rect goes with the data: set before an image exists, it would scale one cell over the whole view
        self.image.setImage(shown, levels=(0, top), autoLevels=False, rect=QRectF(-0.5, -0.5, len(totals), len(self.areas)))
        self.colour_bar.set_levels((0, top))
        scale = "% of the author's passages" if measure == "share" else "passages"
        if self.colour_bar.axis.labelText != scale:
            self.colour_bar.axis.setLabel(scale)
        texts, colours = [], []
        for row in range(len(self.areas)):
            for column in range(len(totals)):
                value = values[row, column]
                empty = value != value  # NaN: the author has no passages in the selection
                few = measure == "share" and totals[column] < FEW_PASSAGES
                texts.append("–" if empty else percent(value) + ("*" if few else "") if measure == "share" else str(int(counts[row, column])))
                colours.append(self.palette.text if empty else ink_on(self.colour_map, shown[row, column] / top))
        self.cell_labels.set_labels(texts, colours)
        starred = any(text.endswith("*") for text in texts)  # the star is explained where it is shown, as the figure does
        with_data = [area for area, row in zip(self.areas, counts) if np.nansum(row) > 0]
        note = other_areas_note(self.coded.taxonomy, with_data, state.filters, state.selection)
        caption = self.caption if measure == "share" else self.count_caption
        self.caption_label.setText(html.escape(caption + (f" {FEW_PASSAGES_NOTE}." if starred else "") + (f" {note}" if note else ""), quote=False))
        self.set_targets(self.plot, lambda: self._cell_targets(counts, totals, shares))
        return ""
