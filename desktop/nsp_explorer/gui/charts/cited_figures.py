"""Cited figures: the numbers authors cite, on a year axis, one marker per author."""

from __future__ import annotations

import html

import numpy as np
import pandas as pd

import pyqtgraph as pg
from PySide6.QtWidgets import QComboBox

from ..palette import author_colour, author_symbol
from ...core.aggregate import cited_figures
from .base import ChartView, compact_ticks, plain_tip, set_range, short_name, style_plot


def indicator_label(indicator: str, unit: str) -> str:
    return f"{indicator.replace('_', ' ')} ({unit})"


class CitedFigures(ChartView):
    title = "Cited figures"

    def __init__(self, coded, state, parent=None):
        super().__init__(coded, state, parent)
        self.choice = QComboBox()
        self.choice.setToolTip("Which indicator (and unit) to show")
        self.choice.setMinimumContentsLength(22)
        self.choice.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.choice.activated.connect(lambda *_: self.refresh())
        self.controls.addWidget(self.choice)
        self.authors = coded.authors
        self.caption_label.setText(
            " &nbsp;".join(
                f'<span style="color:{author_colour(self.authors, a).name()}">{_symbol_glyph(author_symbol(self.authors, a))}</span>&nbsp;{html.escape(short_name(a, coded))}'
                for a in self.authors
            )
        )
        self.plot = self.add_plot(0)
        style_plot(self.plot, bottom="year the figure refers to")
        compact_ticks(self.plot.getAxis("left"))
        self.scatter = pg.ScatterPlotItem(size=11, hoverable=True, tip=self._tip, hoverSize=15)
        self.scatter.sigClicked.connect(self._point_clicked)
        self.plot.addItem(self.scatter)

        self.facts = coded.facts
        self.fact_years, self.fact_values = self.facts["year_number"].to_numpy(), self.facts["value"].to_numpy()
        self.fact_authors, self.fact_keys = self.facts["author_index"].to_numpy(), self.facts["key"].to_numpy()
        self.brushes = [pg.mkBrush(author_colour(self.authors, a)) for a in self.authors]
        self.symbols = [author_symbol(self.authors, a) for a in self.authors]
        self.outline = pg.mkPen("#222222", width=0.6)
        self.listed: list[tuple] = []
        self.counts: dict[int, int] = {}  # per drawn marker: how many figures it stands for
        self._title: str | None = None
        self._spans: dict[tuple[str, str], tuple[int, int, float, float]] = {}
        self.drawn = np.zeros(0, dtype=np.int64)  # fact numbers drawn

    def _tip(self, x, y, data) -> str:
        fact = self.facts.iloc[data]
        times = self.counts.get(data, 1)
        cited = f" (cited in {times} passages)" if times > 1 else ""
        return plain_tip(f"{fact['author']} ({fact['published_year']}): {fact['value']:g} {fact['unit']} in {fact['year_number']}{cited}\n“{self.coded.fact_quote(data)}”")

    def view_options(self) -> tuple:
        return (self.current_indicator(),)

    def show_indicator(self, key: tuple[str, str] | None) -> None:
        """Pick an indicator if the selection cites it (a scenario's choice)."""
        index = self.choice.findData(tuple(key)) if key else -1
        if index >= 0 and index != self.choice.currentIndex():
            self.choice.setCurrentIndex(index)
            self.refresh()

    def current_indicator(self) -> tuple[str, str] | None:
        return self.choice.currentData()

    def _fill_choices(self, listed: list[tuple]) -> None:
        if listed == self.listed:
            return
        self.listed = listed
        keep = self.current_indicator()
        self.choice.blockSignals(True)
        self.choice.clear()
        for (indicator, unit), count, cited_by in listed:
            by = f"{cited_by} authors" if cited_by > 1 else "1 author"
            self.choice.addItem(f"{indicator_label(indicator, unit)} · {count} figures, {by}", (indicator, unit))
        index = self.choice.findData(keep) if keep else -1
        self.choice.setCurrentIndex(index if index >= 0 else 0)
        self.choice.blockSignals(False)

    def draw(self, state, mask) -> str:
        figures = cited_figures(self.coded, mask, self.current_indicator())
        if not figures.choices:
            self.listed = []
            self.choice.clear()
            return "The selected passages cite no figures."
        self._fill_choices(figures.choices)
        dated = self.drawn = figures.shown
        indicator, unit = figures.key
        if not len(dated):
            return f"The {figures.undated} figure(s) for {indicator_label(indicator, unit)} give no year."
        years, values, authors = self.fact_years[dated], self.fact_values[dated], self.fact_authors[dated]
        # One marker per author, year and value: a figure cited in many passages is drawn once
        value_code = pd.factorize(values)[0]
        point = (authors.astype(np.int64) * 4096 + years) * (int(value_code.max()) + 1) + value_code
        _, marker, times = np.unique(point, return_index=True, return_counts=True)
        self.counts = dict(zip(dated[marker].tolist(), times.tolist()))
        self.scatter.setData(
            x=years[marker],
            y=values[marker],
            data=dated[marker].tolist(),
            brush=[self.brushes[a] for a in authors[marker]],
            symbol=[self.symbols[a] for a in authors[marker]],
            pen=self.outline,
        )
        if self.plot.getAxis("left").labelText != html.escape(unit):  # the label is kept escaped
            self.plot.setLabel("left", unit, **{"font-size": "9pt", "color": "#222222"})
        first, last, low, high = self.span(figures.key)
        if set_range(self.plot, "x", first, last, 0.05):
            self.plot.getAxis("bottom").setTicks([year_ticks(first, last)])
        set_range(self.plot, "y", low, high, 0.1)
        # always a line (one that came and went would resize the plot, and redraw its axes, at every toggle)
        title = f"{len(dated):,} figures with a year" + (f" · {figures.undated:,} more without one" if figures.undated else "")
        if title != self._title:
            self._title = title
            self.plot.setTitle(title, size="8pt", color="#555555")
        return ""

    @property
    def shown(self) -> pd.DataFrame:
        """The facts drawn (for tests and exports)."""
        return self.facts.iloc[self.drawn]

    def span(self, key: tuple[str, str]) -> tuple[int, int, float, float]:
        """The axes of an indicator (first year, last year, lowest and highest value): all its dated figures.

        The same whatever the selection, so that a filter moves points and never the axes under them.
        """
        span = self._spans.get(key)
        if span is None:
            dated = (self.fact_keys == self.coded.fact_keys.index(key)) & (self.fact_years >= 0)
            years, values = self.fact_years[dated], self.fact_values[dated]
            high = float(values.max())
            span = self._spans[key] = (int(years.min()) - 1, int(years.max()) + 1, min(0.0, float(values.min())), high if high > 0 else 1.0)
        return span

    def _point_clicked(self, _item, points, _event) -> None:
        if len(points):
            fact = self.facts.iloc[points[0].data()]
            self.state.narrow(source="CitedFigures", authors={fact["author"]})
            self.state.set_focus(self.coded.passage_id(int(fact["row"])), source="CitedFigures")


def year_ticks(first: int, last: int) -> list[tuple[int, str]]:
    """Whole years only, spaced so that at most about eight labels show."""
    step = next(s for s in (1, 2, 5, 10, 20, 50) if (last - first) / s <= 8)
    return [(y, str(y)) for y in range(first - first % step, last + 1, step) if y >= first]


def _symbol_glyph(symbol: str) -> str:
    return {"o": "●", "s": "■", "t": "▼", "d": "◆", "star": "★", "+": "+"}.get(symbol, "●")
