"""Cited figures: the numbers authors cite, on a year axis, one marker per author."""

from __future__ import annotations

import html

import numpy as np
import pyqtgraph as pg
from PySide6.QtWidgets import QComboBox

from ...core.aggregate import cited_figures, indicators
from ..palette import author_colour, author_symbol
from .base import ChartView, plain_tip, short_name, style_plot


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
        self.plot = self.graphics.addPlot(row=0, col=0)
        style_plot(self.plot, bottom="year the figure refers to")
        self.scatter = pg.ScatterPlotItem(size=11, hoverable=True, tip=self._tip, hoverSize=15)
        self.scatter.sigClicked.connect(self._point_clicked)
        self.plot.addItem(self.scatter)
        self.shown = None  # the facts drawn, for tests and exports

    @staticmethod
    def _tip(x, y, data) -> str:
        fact = data
        return plain_tip(f"{fact['author']} ({fact['published_year']}): {fact['value']:g} {fact['unit']} in {fact['year']}\n“{fact['quote']}”")

    def current_indicator(self) -> tuple[str, str] | None:
        return self.choice.currentData()

    def _fill_choices(self, mask) -> None:
        facts = self.coded.facts
        chosen = facts[mask[facts["row"].to_numpy()]] if len(facts) else facts
        groups = chosen.groupby(["indicator", "unit"])
        pairs = groups.agg(authors=("author", "nunique"), figures=("fact_id", "size")).reset_index()
        pairs = pairs.sort_values(["authors", "figures", "indicator"], ascending=[False, False, True], kind="stable")
        keep = self.current_indicator()
        self.choice.blockSignals(True)
        self.choice.clear()
        for row in pairs.itertuples():  # what several authors cite comes first: that is where they can be compared
            cited_by = f"{row.authors} authors" if row.authors > 1 else "1 author"
            self.choice.addItem(f"{indicator_label(row.indicator, row.unit)} · {row.figures} figures, {cited_by}", (row.indicator, row.unit))
        index = self.choice.findData(keep) if keep else -1
        self.choice.setCurrentIndex(index if index >= 0 else 0)
        self.choice.blockSignals(False)

    def draw(self, state, mask) -> str:
        if not len(indicators(self.coded, mask)):
            self.choice.clear()
            return "The selected passages cite no figures."
        self._fill_choices(mask)
        indicator, unit = self.current_indicator()
        facts = cited_figures(self.coded, mask, indicator)
        facts = facts[facts["unit"] == unit]
        dated = facts[facts["year"] != ""]
        self.shown = dated
        if dated.empty:
            return f"The {len(facts)} figure(s) for {indicator_label(indicator, unit)} give no year."
        spots = [
            {
                "pos": (int(row["year"]), row["value"]),
                "data": row,
                "brush": author_colour(self.authors, row["author"]),
                "symbol": author_symbol(self.authors, row["author"]),
                "pen": pg.mkPen("#222222", width=0.6),
            }
            for _, row in dated.iterrows()
        ]
        self.scatter.setData(spots)
        self.plot.setLabel("left", unit, **{"font-size": "9pt", "color": "#222222"})
        years = dated["year"].astype(int)
        self.plot.setXRange(years.min() - 1, years.max() + 1, padding=0.05)
        self.plot.getAxis("bottom").setTicks([year_ticks(int(years.min()) - 1, int(years.max()) + 1)])
        values = dated["value"].to_numpy(dtype=float)
        low, high = float(np.min(values)), float(np.max(values))
        self.plot.setYRange(min(0.0, low), high if high > 0 else 1.0, padding=0.1)
        undated = len(facts) - len(dated)
        self.plot.setTitle(f"{undated} more without a year" if undated else None, size="8pt", color="#555555")
        return ""

    def _point_clicked(self, _item, points, _event) -> None:
        if len(points):
            fact = points[0].data()
            self.state.narrow(source="CitedFigures", authors={fact["author"]})
            self.state.set_focus(fact["passage_id"], source="CitedFigures")


def year_ticks(first: int, last: int) -> list[tuple[int, str]]:
    """Whole years only, spaced so that at most about eight labels show."""
    step = next(s for s in (1, 2, 5, 10, 20, 50) if (last - first) / s <= 8)
    return [(y, str(y)) for y in range(first - first % step, last + 1, step) if y >= first]


def _symbol_glyph(symbol: str) -> str:
    return {"o": "●", "s": "■", "t": "▼", "d": "◆", "star": "★", "+": "+"}.get(symbol, "●")
