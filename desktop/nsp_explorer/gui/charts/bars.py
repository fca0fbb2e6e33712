"""Bar charts: pillar profile and frame mix per author, partners, and the timeline."""

from __future__ import annotations

import html

import numpy as np
from PySide6.QtCore import QRectF
from PySide6.QtGui import QFont, QFontMetrics

from ...core.wording import counted
from ...core.filters import other_partners_note, other_pillars_note
from ...core.aggregate import FEW_PASSAGES, FEW_PASSAGES_NOTE, frame_mix, partner_mentions, passages_per_author, pillar_profile, publication_timeline, years_mentioned
from ..palette import FRAME_COLOURS, PARTNER_COLOUR, PILLAR_COLOURS
from .plot import Bars
from .base import TITLE_POINTS, ChartView, Target, axis_title, compact_number, compact_ticks, label_axis, nice_ceiling, percent, plain_tip, set_range, short_name, style_plot, whole_ticks


def count_ticks(top: float) -> tuple[float, ...]:
    """Ticks of a count axis running to ``top``: nought, half way when that is a whole number, and the top."""
    return (0, top / 2, top) if (top / 2).is_integer() else (0, top)


def colour_key(entries: list[tuple[str, str]]) -> str:
    """A one-line legend in rich text: a coloured square before each (escaped) label."""
    return " &nbsp;".join(f'<span style="color:{colour}">■</span>&nbsp;{html.escape(label)}' for label, colour in entries)


class AuthorBars(ChartView):
    """Per author, one bar per code of a dimension: the share of the author's passages."""

    label_room = 0.55  # author names are short: cut them only when there is no other way
    dimension = ""
    key = ""  # the selection a click makes: "pillars" or "frames"
    colours: dict[str, str] = {}

    def aggregate(self, mask, measure):
        raise NotImplementedError

    def __init__(self, coded, state, parent=None):
        self.note = ""  # how to read the bars under the filters (PillarProfile: pillars not chosen)
        super().__init__(coded, state, parent)
        self.codes = list(coded.taxonomy.ids(self.dimension))
        self.authors: list[str] = []
        self.author_labels: list[str] = []  # as drawn: a name starred when its shares rest on a passage or two
        self.caption_label.setText(self._key(self.colours))
        self.plot = self.add_plot(0)
        style_plot(self.plot, bottom="% of passages")
        whole_ticks(self.plot.getAxis("bottom"), widest="100")
        self.plot.invertY(True)
        self.plot.setXRange(0, 100, padding=0.02)
        self.ticks = ()
        self.plot.vb.sigResized.connect(self._fit_ticks)
        self._fit_ticks()
        self.thickness = 0.8 / len(self.codes)
        self.bars = []
        for code in self.codes:
            bar = Bars(x0=[0], y=[0], height=[self.thickness], width=[0], brush=self.colours[code], pen=None)
            self.plot.addItem(bar)
            self.bars.append(bar)
        self.show_authors(coded.authors)

    def show_authors(self, authors: list[str]) -> None:
        """The chart's rows: these authors, a group of bars each."""
        if authors == self.authors:
            return
        self.authors = list(authors)
        self.names = [short_name(a, self.coded) for a in authors]
        self.author_labels = self.names
        label_axis(self.plot, "left", self.names)
        self.plot.setYRange(-0.5, max(len(authors), 1) - 0.5, padding=0.02)
        self.values = np.zeros((len(authors), len(self.codes)))
        self.zeros = np.zeros(len(authors))
        self.centres = [np.array([self._centre(i, j) for i in range(len(authors))]) for j in range(len(self.codes))]
        self.fit_minimum_height()

    def _fit_ticks(self) -> None:
        """0 to 100 by 25 where they fit side by side (a bar that reaches 100 is read against its tick); 25, 50 and 75
        where only they fit; 50 alone under a narrow chart (the comparison's), not "255075"."""
        axis = self.plot.getAxis("bottom")
        room = self.plot.vb.width()
        label = QFontMetrics(axis.style.get("tickFont") or QFont()).horizontalAdvance("100")
        ticks = (0, 25, 50, 75, 100) if room >= 6 * 2 * label else (25, 50, 75) if room >= 4 * 2 * label else (50,)
        if ticks != self.ticks:
            self.ticks = ticks
            axis.setTicks([[(v, str(v)) for v in ticks]])

    def restyle(self) -> None:
        colours = self.palette.pillars if self.dimension == "pillar" else self.palette.frames
        for code, bar in zip(self.codes, self.bars):
            bar.setOpts(brush=colours[code], pen=self.outline())
        self.caption_label.setText(self._key(colours))

    def note_for(self, state, codes: list[str]) -> str:
        """A line on how to read bars of ``codes`` (those with data) under the state's filters; none here."""
        return ""

    def _key(self, colours: dict[str, str]) -> str:
        starred = any(label.endswith(" *") for label in self.author_labels)
        return (colour_key([(self.coded.taxonomy.label(self.dimension, c), colours[c]) for c in self.codes])
                + (f" &nbsp;{html.escape(FEW_PASSAGES_NOTE)}" if starred else "") + (f"<br>{html.escape(self.note)}" if self.note else ""))

    def _centre(self, author_index: int, code_index: int) -> float:
        return author_index - 0.4 + self.thickness * (code_index + 0.5)

    def draw(self, state, mask) -> str:
        self.show_authors(self.authors_for(state))
        counts = self.aggregate(mask, "count").loc[self.authors].to_numpy()
        totals = passages_per_author(self.coded, mask).loc[self.authors].to_numpy()
        with np.errstate(invalid="ignore", divide="ignore"):
            values = self.values = np.where(totals[:, None] > 0, counts / totals[:, None], np.nan)
        widths = np.nan_to_num(100 * values)
        for j, bar in enumerate(self.bars):
            bar.setOpts(x0=self.zeros, y=self.centres[j], height=self.thickness, width=widths[:, j])
        labels = [f"{name} *" if 0 < total < FEW_PASSAGES else name for name, total in zip(self.names, totals)]
        note = self.note_for(state, [code for j, code in enumerate(self.codes) if counts[:, j].sum() > 0])
        if labels != self.author_labels or note != self.note:  # an author whose shares rest on a passage or two is starred
            if labels != self.author_labels:
                self.author_labels = labels
                label_axis(self.plot, "left", labels)
            self.note = note
            self.restyle()  # the caption says what the star means, when there is one, and the note
        self.set_targets(self.plot, lambda: self._bar_targets(counts, totals, values, widths))
        return ""

    def _bar_targets(self, counts, totals, values, widths) -> list[Target]:
        targets = []
        for j, code in enumerate(self.codes):
            label = self.coded.taxonomy.label(self.dimension, code)
            for i, author in enumerate(self.authors):
                total = int(totals[i])
                tip = f"{author} · {label}\n" + (f"{counts[i, j]} of {counted(total, 'passage')} ({percent(values[i, j])})" if total else "no passages in the selection")
                rect = QRectF(0, self.centres[j][i] - self.thickness / 2, max(widths[i, j], 3.0), self.thickness)
                targets.append(Target(rect, tip, {"authors": {author}, self.key: {code}}))
        return targets


class PillarProfile(AuthorBars):
    title = "Pillar profile"
    dimension, key, colours = "pillar", "pillars", PILLAR_COLOURS

    def aggregate(self, mask, measure):
        return pillar_profile(self.coded, mask, measure)

    def note_for(self, state, codes: list[str]) -> str:
        return other_pillars_note(self.coded.taxonomy, codes, state.filters, state.selection)


class FrameMix(AuthorBars):
    title = "Frame mix"
    dimension, key, colours = "frame", "frames", FRAME_COLOURS

    def aggregate(self, mask, measure):
        return frame_mix(self.coded, mask, measure)


class PartnerChart(ChartView):
    title = "Partners"
    label_room = 0.55
    caption = "Selected passages that speak of each partner."

    def __init__(self, coded, state, parent=None):
        super().__init__(coded, state, parent)
        self.partners = list(coded.taxonomy.ids("partner"))
        self.plot = self.add_plot(0)
        style_plot(self.plot, bottom="passages")
        compact_ticks(self.plot.getAxis("bottom"))
        whole_ticks(self.plot.getAxis("bottom"), widest="8.8k")
        self.plot.invertY(True)
        label_axis(self.plot, "left", [coded.taxonomy.label("partner", p) for p in self.partners])
        self.plot.setYRange(-0.5, len(self.partners) - 0.5, padding=0.01)
        self.bar = Bars(x0=[0], y=[0], height=[0.7], width=[0], brush=PARTNER_COLOUR, pen=None)
        self.plot.addItem(self.bar)
        self.values = np.zeros(len(self.partners))

    def restyle(self) -> None:
        self.bar.setOpts(brush=self.palette.partner, pen=self.outline())

    def draw(self, state, mask) -> str:
        counts = partner_mentions(self.coded, mask)
        self.values = counts.to_numpy(dtype=float)
        positions = np.arange(len(self.partners))
        self.bar.setOpts(x0=np.zeros(len(self.partners)), y=positions, height=0.7, width=self.values)
        top = nice_ceiling(float(self.values.max()))
        if set_range(self.plot, "x", 0, top, 0.02):
            # a narrow axis: three labels (0, half, all), not five that run together; no half a passage ("12.5")
            self.plot.getAxis("bottom").setTicks([[(v, compact_number(v)) for v in count_ticks(top)]])
        total = int(mask.sum())
        values = self.values
        note = other_partners_note([p for p, v in zip(self.partners, values) if v > 0], state.filters, state.selection)
        caption = self.caption + (f" {note}" if note else "")
        if caption != self.caption_label.text():
            self.caption_label.setText(caption)
        self.set_targets(
            self.plot,
            lambda: [
                Target(
                    QRectF(0, i - 0.35, max(values[i], top * 0.03), 0.7),
                    f"{self.coded.taxonomy.label('partner', p)}\n{int(values[i])} of {counted(total, 'passage')} ({percent(values[i] / total)})",
                    {"partners": {p}},
                )
                for i, p in enumerate(self.partners)
            ],
        )
        return ""


class Timeline(ChartView):
    title = "Timeline"

    def __init__(self, coded, state, parent=None):
        super().__init__(coded, state, parent)
        self.pillars = list(coded.taxonomy.ids("pillar"))
        self._caption(PILLAR_COLOURS)
        self.published = self.add_plot(0)
        self.caption_label.setToolTip(plain_tip("Top: passages per year of publication, per pillar.\nBottom: the years the passages mention (click a bar to search for that year)."))
        style_plot(self.published, left="published")
        compact_ticks(self.published.getAxis("left"))
        whole_ticks(self.published.getAxis("left"))
        self.mentioned = self.add_plot(1)
        style_plot(self.mentioned, left="mentioned")
        self.after_each_resize(self._fit_axis_titles)
        compact_ticks(self.mentioned.getAxis("left"))
        whole_ticks(self.mentioned.getAxis("left"))
        for plot in (self.published, self.mentioned):  # whole years, as many as the width allows
            whole_ticks(plot.getAxis("bottom"), widest="2020")
            plot.getAxis("bottom").tickStrings = lambda values, scale, spacing: [str(int(round(v))) for v in values]
        self.bar_width = 0.8 / len(self.pillars)
        years = np.array(coded.years, dtype=float)
        self.slots = [years - 0.4 + self.bar_width * (j + 0.5) for j in range(len(self.pillars))]  # each pillar's bar per year
        self.bars = []
        for pillar in self.pillars:
            bar = Bars(x=[0], height=[0], width=self.bar_width, brush=PILLAR_COLOURS[pillar], pen=None)
            self.published.addItem(bar)
            self.bars.append(bar)
        self.mentioned_bar = Bars(x=[0], height=[0], width=0.8, brush="#555555", pen=None)
        self.mentioned.addItem(self.mentioned_bar)
        self.published.setXRange(min(coded.years) - 0.6, max(coded.years) + 0.6, padding=0)
        if len(coded.mentioned_years):  # every year the corpus mentions: filters change the bars, not the axis
            mentioned = coded.mentioned_years["year"].to_numpy()
            self.mentioned.setXRange(int(mentioned.min()) - 1, int(mentioned.max()) + 1, padding=0)
        self.table = None

    def _caption(self, colours: dict[str, str]) -> None:
        self.caption_label.setText(colour_key([(self.coded.taxonomy.label("pillar", p), colours[p]) for p in self.pillars]))

    def _fit_axis_titles(self) -> None:
        """Each plot's title says what it counts where the plot is tall enough ("passages naming the year", alone or
        in the room); a word in the grid's short row, where the two would run into each other; none where even the
        word would be cut (the caption's tooltip says what the two plots count)."""
        font = QFont()
        font.setPointSizeF(TITLE_POINTS * self.type_scale)
        metrics = QFontMetrics(font)
        for plot, long, short in ((self.published, "passages published", "published"), (self.mentioned, "passages naming the year", "mentioned")):
            room = plot.height() - 12
            title = long if metrics.horizontalAdvance(long) <= room else short if metrics.horizontalAdvance(short) <= room else ""
            if plot.__dict__.get("titles", {}).get("left") != title:
                axis_title(plot, "left", title, self.type_scale, self.palette.text)

    def restyle(self) -> None:
        for pillar, bar in zip(self.pillars, self.bars):
            bar.setOpts(brush=self.palette.pillars[pillar], pen=self.outline())
        self.mentioned_bar.setOpts(brush=self.palette.mentioned, pen=self.outline())
        self._caption(self.palette.pillars)

    def draw(self, state, mask) -> str:
        table = self.table = publication_timeline(self.coded, mask)
        heights = table[self.pillars].to_numpy(dtype=float)  # years × pillars
        for j, bar in enumerate(self.bars):
            bar.setOpts(x=self.slots[j], height=heights[:, j], width=self.bar_width)
        set_range(self.published, "y", 0, nice_ceiling(float(heights.max())), 0.05)
        totals = table["passages"].to_numpy()
        self.set_targets(self.published, lambda: self._published_targets(heights, totals))

        mentioned = years_mentioned(self.coded, mask)
        if len(mentioned):
            xs = mentioned.index.to_numpy(dtype=float)
            counts = mentioned.to_numpy(dtype=float)  # not ``heights``: the published bars' targets, made later, read that
            self.mentioned_bar.setOpts(x=xs, height=counts, width=0.8)
            set_range(self.mentioned, "y", 0, nice_ceiling(counts.max()), 0.05)
            self.set_targets(
                self.mentioned,
                lambda: [Target(QRectF(x - 0.4, 0, 0.8, max(h, 0.3)), f"{int(x)} is mentioned in {counted(h, 'passage')}", {"search": str(int(x))}) for x, h in zip(xs, counts)],
            )
        else:
            self.mentioned_bar.setOpts(x=[0], height=[0], width=0.8)
            self.set_targets(self.mentioned, [])
        return ""

    def _published_targets(self, heights: np.ndarray, totals: np.ndarray) -> list[Target]:
        targets = []
        for j, pillar in enumerate(self.pillars):
            label = self.coded.taxonomy.label("pillar", pillar)
            for year, centre, height, total in zip(self.coded.years, self.slots[j], heights[:, j], totals):
                tip = f"Published {year} · {label}\n{int(height)} of {counted(total, 'passage')}"
                targets.append(Target(QRectF(centre - self.bar_width / 2, 0, self.bar_width, max(height, 0.3)), tip, {"years": {year}}))
        return targets

    def on_target_clicked(self, target: Target) -> None:
        if "search" in target.narrow:
            self.state.set_search(target.narrow["search"], source="Timeline")
        else:
            super().on_target_clicked(target)
