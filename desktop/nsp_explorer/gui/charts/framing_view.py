"""Framing: how each author frames each cooperation area, from the frames of their sentences on it.

Authors across, areas down, as in the attention chart beside it. A cell is a
bar split in the four frames' colours in proportion to how often each frame is
set in the author's sentences on the area, and in grey for those sentences
that carry none of the frames shown, with the number of sentences beside it; a cell resting on fewer than ``FEW_SENTENCES`` is faded and its
count starred (``3*``, as in the exported figure: short enough for a narrow cell). The chart draws any table ``framing_mix`` returns (``show_mix``), so
another window can embed it with its own numbers.
"""

from __future__ import annotations

import html

import numpy as np
import pandas as pd
import pyqtgraph as pg
from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor

from ...core.filters import sentence_view_notes
from ...core.framing import FEW_SENTENCES, FEW_TINT, FRAME_COLUMNS, MIX_COLUMNS, framing_mix, shown_frames, unframed_label
from ...core.names import MACHINE_MARK
from ..palette import UNFRAMED_COLOUR
from .bars import colour_key
from .framing_matrix import show_authors
from .base import ChartView, Target, label_axis, percent, style_plot
from .plot import Bars

BAR_LEFT, BAR_WIDTH, BAR_HEIGHT = -0.46, 0.44, 0.62  # a cell spans -0.5 … 0.5 around its author; the count sits right of the bar
COUNT_AT = 0.25  # the count's centre: room for it from just after the bar's end (-0.02) to the cell's (0.5)


def _faded(colour: str, alpha: int) -> QColor:
    faded = QColor(colour)
    faded.setAlpha(alpha)
    return faded


FADED, FADED_HIGH_CONTRAST = round(255 * FEW_TINT), 170  # a thin cell's tint (of 255), as in figures; less pale in high contrast


class FramingView(ChartView):
    title = "Framing: frames by author and area"

    def __init__(self, coded, state, parent=None):
        super().__init__(coded, state, parent)
        taxonomy = coded.taxonomy
        self.areas = list(taxonomy.ids("area"))
        self.machine = frozenset(coded.machine_coded_authors())
        self.drawn_state = None  # the state last drawn: the caption says what grey means under it
        self.notes: list[str] = []  # what the caption adds about the rows drawn (sentence_view_notes)
        self.plot = self.add_plot(0, categories=("bottom",))
        style_plot(self.plot, bottom="Author (publication year)")
        self.plot.invertY(True)
        label_axis(self.plot, "left", [taxonomy.label("area", a) for a in self.areas])
        self.plot.setYRange(-0.5, len(self.areas) - 0.5, padding=0)
        self.segments, self.faded_segments = {}, {}  # one brush per item: pyqtgraph then draws all its bars in one call
        for frame in (*FRAME_COLUMNS, "none"):
            for segments in (self.segments, self.faded_segments):
                bar = Bars(x0=[0], y=[0], height=[BAR_HEIGHT], width=[0], pen=None)
                self.plot.addItem(bar)
                segments[frame] = bar
        self.restyle()
        self.authors = []
        self.show_authors(coded.authors)
        self.unframed = unframed_label(None)  # what grey means under the state drawn

    def frame_colours(self) -> dict[str, str]:
        return dict(self.palette.frames) | {"none": UNFRAMED_COLOUR}

    def restyle(self) -> None:
        """The palette's frame colours; in high contrast thin cells less pale, every bar outlined, counts in black."""
        contrast = self.palette.outline is not None
        pen = pg.mkPen(self.palette.outline, width=1) if contrast else None
        for frame, colour in self.frame_colours().items():
            self.segments[frame].setOpts(brush=pg.mkBrush(colour), pen=pen)
            self.faded_segments[frame].setOpts(brush=pg.mkBrush(_faded(colour, FADED_HIGH_CONTRAST if contrast else FADED)), pen=pen)
        self.count_colours = (self.palette.text, self.palette.text if contrast else "#777777")  # (enough sentences, few)
        self._show_caption()

    def _caption(self, state) -> str:
        """How to read the view: the frames shown, and what grey means under the frames filter ("no frame", "none of the
        frames chosen"), as the exported figure says."""
        taxonomy = self.coded.taxonomy
        shown = FRAME_COLUMNS if state is None else shown_frames(state)
        numbers = (
            f"the numbers (how many sentences; * fewer than {FEW_SENTENCES}) do not fit this width: hover a cell, or View ▸ One view at a time"
            if getattr(getattr(self, "cell_labels", None), "hidden", False)
            else f"the number is how many sentences (* and faded: fewer than {FEW_SENTENCES})"
        )
        return (
            f"Frames in each author's sentences on each area; {numbers}."
            + (f" {MACHINE_MARK} has documents coded by the machine, not checked by a reader." if self.machine else "")
            + "<br>" + colour_key([(taxonomy.label("frame", f), self.palette.frames[f]) for f in shown] + [(unframed_label(state), UNFRAMED_COLOUR)])
        )

    def cell_labels_hidden(self, hidden: bool) -> None:
        self._show_caption()

    def show_authors(self, authors: list[str]) -> None:
        """The view's columns: these authors (see framing_matrix.show_authors), the count right of each bar."""
        if show_authors(self, authors, COUNT_AT, 2 * (0.5 - COUNT_AT)):
            self.counts = np.zeros((len(self.areas), len(authors), len(MIX_COLUMNS)), dtype=np.int64)  # what is drawn

    def draw(self, state, mask) -> str:
        self.show_authors(self.authors_for(state))
        self.unframed = unframed_label(state)
        self.drawn_state = state
        return self.draw_mix(framing_mix(self.coded, state))

    def show_mix(self, mix: pd.DataFrame) -> None:
        """Show a table of ``framing_mix`` (for a window that computes its own, e.g. one side of a comparison)."""
        problem = self.draw_mix(mix)
        if problem:
            self.show_message(problem)
        else:
            self.stack.setCurrentWidget(self.graphics)

    def draw_mix(self, mix: pd.DataFrame) -> str:
        """Draw a table of ``framing_mix`` (indexed by author and area, with the sentence and frame counts); a message if it is empty."""
        table = mix.reindex(pd.MultiIndex.from_product([self.authors, self.areas]), fill_value=0)[list(MIX_COLUMNS)]
        counts = self.counts = table.to_numpy(dtype=np.int64).reshape(len(self.authors), len(self.areas), -1).transpose(1, 0, 2)
        if not counts[:, :, 0].any():
            if not len(self.coded.sentences):
                return "This dataset records no codes per sentence (it was built before frames were coded per sentence): rebuild it with nspx build."
            return "None of the selected sentences speaks of a cooperation area."
        rows, columns = np.nonzero(counts[:, :, 0])
        sentences = counts[rows, columns, 0]
        # the frames' codes and the sentences with none of the frames shown, as shares of the bar: a cell of nine
        # sentences of which four carry a frame is more than half grey, never a full bar of achievement
        parts = counts[rows, columns, 1:].astype(float)
        shares = parts / parts.sum(axis=1)[:, None]
        few = sentences < FEW_SENTENCES
        left = columns + BAR_LEFT
        for j, frame in enumerate((*FRAME_COLUMNS, "none")):
            width = BAR_WIDTH * shares[:, j]
            for segments, part in ((self.segments, ~few), (self.faded_segments, few)):
                segments[frame].setOpts(x0=left[part], y=rows[part], height=BAR_HEIGHT, width=width[part])
            left = left + width
        texts = [""] * (len(self.areas) * len(self.authors))
        colours = [self.count_colours[0]] * len(texts)
        for r, c, n, f in zip(rows.tolist(), columns.tolist(), sentences.tolist(), few.tolist()):
            texts[r * len(self.authors) + c] = f"{n}*" if f else str(n)
            colours[r * len(self.authors) + c] = self.count_colours[f]
        self.cell_labels.set_labels(texts, colours)
        self.set_targets(self.plot, lambda: self._cell_targets(counts))
        self.notes = sentence_view_notes(self.coded.taxonomy, [self.areas[r] for r in set(rows.tolist())], *self._topic_specs())
        self._show_caption()
        return ""

    def _show_caption(self) -> None:
        caption = self._caption(self.drawn_state) + "".join(f"<br>{html.escape(n, quote=False)}" for n in self.notes)
        if caption != self.caption_label.text():
            self.caption_label.setText(caption)

    def _topic_specs(self) -> list:
        state = self.drawn_state
        return [] if state is None else [state.filters, state.selection]

    def _cell_targets(self, counts: np.ndarray) -> list[Target]:
        labels = {f: self.coded.taxonomy.label("frame", f) for f in FRAME_COLUMNS}
        targets = []
        for row, area in enumerate(self.areas):
            area_label = self.coded.taxonomy.label("area", area)
            for column, author in enumerate(self.authors):
                n = int(counts[row, column, 0])
                if n:
                    parts = [f"{labels[f]}: {int(counts[row, column, 1 + j])} ({percent(counts[row, column, 1 + j] / n)})" for j, f in enumerate(FRAME_COLUMNS)]
                    unframed = int(counts[row, column, -1])
                    parts.append(f"{self.unframed[:1].upper()}{self.unframed[1:]}: {unframed} ({percent(unframed / n)})")
                    caution = f"\nfewer than {FEW_SENTENCES} sentences: an anecdote, not a pattern" if n < FEW_SENTENCES else ""
                    given = int(counts[row, column, 1:].sum())
                    # the bar splits by frames given; the shares above are of sentences (one may carry several frames)
                    basis = (
                        f"\nThe bar splits {given}, the frames given and the sentences with none: its parts are shares of those, not of the {n} sentences"
                        if given != n
                        else ""
                    )
                    tip = f"{author} · {area_label}\n{n} sentences on the area; of them\n" + "\n".join(parts) + caution + basis + "\nClick to read them"
                else:
                    tip = f"{author} · {area_label}\nno sentences on this area in the selection"
                # an empty cell tells, and a click on it does nothing: selecting it would empty every view
                targets.append(Target(QRectF(column - 0.5, row - 0.5, 1, 1), tip, {"authors": {author}, "areas": {area}} if n else {}))
        return targets
