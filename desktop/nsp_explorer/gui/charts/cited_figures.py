"""Cited figures: the numbers authors cite, on a year axis, one marker per author."""

from __future__ import annotations

import html

import numpy as np
import pandas as pd

import pyqtgraph as pg
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QComboBox

from ..palette import author_styles
from ...core.aggregate import cited_figures
from ...core.dataset import year_label
from ...core.wording import counted, indicator_label
from .base import SUBTITLE_POINTS, ChartView, axis_title, compact_ticks, plain_tip, set_range, short_name, style_plot, whole_ticks


class CitedFigures(ChartView):
    title = "Cited figures"

    def __init__(self, coded, state, parent=None):
        super().__init__(coded, state, parent)
        self.choice = QComboBox()
        self.choice.setToolTip("Which indicator (and unit) to show")
        self.choice.setMinimumContentsLength(10)  # the full name is in the list and its tooltip
        self.choice.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.choice.activated.connect(self._chosen)
        self.wanted: tuple[str, str] | None = None  # the indicator the user (or a scenario) chose: back when the selection cites it again
        self.controls.addWidget(self.choice)
        self.authors = coded.authors
        styles = self.styles = author_styles(self.authors)
        self.legend: tuple[int, ...] | None = None  # the authors the key names: those with a marker drawn
        self._show_legend(tuple(range(len(self.authors))))
        self.plot = self.add_plot(0)
        style_plot(self.plot, bottom="year the figure refers to")
        compact_ticks(self.plot.getAxis("left"))
        years = self.plot.getAxis("bottom")  # whole years, as many as the width allows
        whole_ticks(years, widest="2020")
        years.tickStrings = lambda values, scale, spacing: [str(int(round(v))) for v in values]
        self.scatter = pg.ScatterPlotItem(size=11, hoverable=True, tip=self._tip, hoverSize=15)
        self.scatter.sigClicked.connect(self._point_clicked)
        self.plot.addItem(self.scatter)

        self.facts = coded.facts
        self.fact_years, self.fact_values = self.facts["year_number"].to_numpy(), self.facts["value"].to_numpy()
        self.fact_authors, self.fact_keys = self.facts["author_index"].to_numpy(), self.facts["key"].to_numpy()
        self.notes, self.checks = self.facts["note"].to_numpy(dtype=object), self.facts["check"].to_numpy(dtype=object)
        self.brushes = [pg.mkBrush(styles.colour(a)) for a in self.authors]
        self.symbols = [styles.symbol(a) for a in self.authors]
        self.outline_pen = pg.mkPen("#222222", width=0.6)
        self.listed: list[tuple] = []
        self.counts: dict[int, int] = {}  # per drawn marker: how many figures it stands for
        self._title: tuple[str, str] | None = None  # the indicator, and what is drawn of it
        self._title_shown: tuple | None = None  # the title as set: text, type size and colour
        self._spans: dict[tuple[str, str], tuple[int, int, float, float]] = {}
        self.drawn = np.zeros(0, dtype=np.int64)  # fact numbers drawn
        self.after_each_resize(self._set_title)  # one line or two, as the width allows

    def _tip(self, x, y, data) -> str:
        fact = self.facts.iloc[data]
        times = self.counts.get(data, 1)
        cited = f" (cited in {times} passages)" if times > 1 else ""
        qualifier = f"{fact['qualifier']} " if fact["qualifier"] else ""
        printed = self.coded.fact_printed(data)
        lines = [f"{fact['author']} ({year_label(fact['published_year'])}): {qualifier}{fact['value']:g} {fact['unit']} in {fact['year_number']}{cited}"]
        if printed:
            lines.append(f"as printed: {printed}" + (f" ({fact['country']})" if fact["country"] else ""))
        lines += [f"⚠ {text}" for text in (fact["note"], fact["check"]) if text]
        return plain_tip("\n".join(lines) + f"\n“{self.coded.fact_quote(data)}”")

    def view_options(self) -> tuple:
        return (self.current_indicator(),)

    def _chosen(self, *_) -> None:
        self.wanted = self.current_indicator()
        self.refresh()

    def show_indicator(self, key: tuple[str, str] | None) -> None:
        """Show an indicator whenever the selection cites it (a scenario's choice)."""
        self.wanted = tuple(key) if key else None
        index = self._index_of(key) if key else -1
        if index >= 0 and index != self.choice.currentIndex():
            self.choice.setCurrentIndex(index)
        self.refresh()

    def current_indicator(self) -> tuple[str, str] | None:
        data = self.choice.currentData()
        return tuple(data) if data else None

    def _index_of(self, key: tuple[str, str]) -> int:
        """The picker's entry for an indicator, or -1.

        QComboBox.findData compares Python objects by identity, so an equal
        tuple made elsewhere is not found; compare the values instead.
        """
        key = tuple(key)
        return next((i for i in range(self.choice.count()) if tuple(self.choice.itemData(i)) == key), -1)

    def _fill_choices(self, listed: list[tuple], shown: tuple[str, str]) -> None:
        """List the indicators the selection cites, the one drawn (``shown``) chosen."""
        if listed != self.listed:
            self.listed = listed
            self.choice.blockSignals(True)
            self.choice.clear()
            for (indicator, unit), count, cited_by in listed:
                self.choice.addItem(f"{indicator_label(indicator, unit)} · {counted(count, 'figure')}, {counted(cited_by, 'author')}", (indicator, unit))
            self.choice.blockSignals(False)
        index = self._index_of(shown)
        if index != self.choice.currentIndex():
            self.choice.blockSignals(True)
            self.choice.setCurrentIndex(index)
            self.choice.blockSignals(False)

    def draw(self, state, mask) -> str:
        # the chosen indicator while the selection cites it; another meanwhile, and the chosen one again after (a
        # click that narrowed to passages citing other figures, then Esc, left the other one chosen)
        figures = cited_figures(self.coded, mask, self.wanted)
        if figures.key != self.wanted:  # not cited now: the one on screen, if it still is (else what most authors cite)
            figures = cited_figures(self.coded, mask, self.current_indicator())
        if not figures.choices:
            self.listed = []
            self.choice.clear()
            self._show_legend(())  # no marker: the key names no author
            return "The selected passages cite no figures."
        self._fill_choices(figures.choices, figures.key)
        dated = self.drawn = figures.shown
        indicator, unit = figures.key
        if not len(dated):
            self._show_legend(())
            return f"The {counted(figures.undated, 'figure')} for {indicator_label(indicator, unit)} give{'s' if figures.undated == 1 else ''} no year."
        years, values, authors = self.fact_years[dated], self.fact_values[dated], self.fact_authors[dated]
        # One marker per author, year and value: a figure cited in many passages is drawn once
        value_code = pd.factorize(values)[0]
        point = (authors.astype(np.int64) * 4096 + years) * (int(value_code.max()) + 1) + value_code
        _, marker, times = np.unique(point, return_index=True, return_counts=True)
        self.counts = dict(zip(dated[marker].tolist(), times.tolist()))
        self._show_legend(tuple(np.unique(authors[marker]).tolist()))
        self.scatter.setData(
            x=years[marker],
            y=values[marker],
            data=dated[marker].tolist(),
            brush=[self.brushes[a] for a in authors[marker]],
            symbol=[self.symbols[a] for a in authors[marker]],
            pen=self.outline_pen,
        )
        if self.plot.getAxis("left").labelText != html.escape(unit):  # the label is kept escaped
            axis_title(self.plot, "left", unit, self.type_scale, self.palette.text)
        first, last, low, high = self.span(figures.key)
        set_range(self.plot, "x", first, last, 0.05)
        set_range(self.plot, "y", low, high, 0.1)
        # always a line (one that came and went would resize the plot, and redraw its axes, at every toggle)
        # the indicator named on the chart itself: the list above it is cut short in a narrow chart
        title = (indicator_label(indicator, unit), f"{counted(len(dated), 'figure')} with a year" + (f" · {figures.undated:,} more without one" if figures.undated else ""))
        corrected, flagged = int((self.notes[dated] != "").sum()), int((self.checks[dated] != "").sum())
        if corrected or flagged:  # a correction or a doubtful unit is said on the chart, not only in a tooltip
            title = (title[0], title[1] + (f" · ⚠ {corrected:,} corrected" if corrected else "") + (f" · ⚠ {flagged:,} doubtful unit" if flagged else ""))
        if title != self._title:
            self._title = title
            self._set_title()
        return ""

    def _show_legend(self, shown: tuple[int, ...]) -> None:
        """The key: each author with a marker on the chart, in the marker's colour and shape (none of the others)."""
        if shown == self.legend:
            return
        self.legend = shown
        self.caption_label.setText(
            " &nbsp;".join(
                f'<span style="color:{self.styles.colour(a).name()}">{_symbol_glyph(self.styles.symbol(a))}</span>&nbsp;{html.escape(short_name(a, self.coded))}'
                for a in (self.authors[i] for i in shown)
            )
        )

    def title_text(self) -> str:
        """The indicator and what is drawn of it, on one line where it fits the plot's width, else on two."""
        if self._title is None:
            return ""
        font = QFont()
        font.setPointSizeF(SUBTITLE_POINTS * self.type_scale)
        line = ": ".join(self._title)
        fits = QFontMetrics(font).horizontalAdvance(line) + 16 <= self.plot.vb.width()  # the title stands over the view
        return html.escape(line) if fits else "<br>".join(html.escape(part) for part in self._title)

    def _set_title(self) -> None:
        shown = (self.title_text(), f"{SUBTITLE_POINTS * self.type_scale:.1f}pt", self.palette.muted)
        if shown != self._title_shown:  # a resize sets it again only when it changes
            self._title_shown = shown
            self.plot.setTitle(shown[0], size=shown[1], color=shown[2])

    def set_type_scale(self, scale: float) -> None:
        super().set_type_scale(scale)
        self.scatter.setSize(11 * scale)
        if self._title is not None:
            self._set_title()

    def restyle(self) -> None:
        self.outline_pen = pg.mkPen(self.palette.outline, width=1.5) if self.palette.outline else pg.mkPen("#222222", width=0.6)
        if self._title is not None:
            self._set_title()

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


def _symbol_glyph(symbol: str) -> str:
    return {"o": "●", "s": "■", "t": "▼", "d": "◆", "h": "⬢", "+": "+"}.get(symbol, "●")
