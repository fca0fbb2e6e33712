"""Compare two scenarios: the same charts on the same scales, and their difference."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QComboBox, QFrame, QGridLayout, QHBoxLayout, QLabel, QPushButton, QScrollArea, QWidget

from ..core.aggregate import FEW_PASSAGES, frame_matrix, passages_per_author
from ..core.errors import DataFileError
from ..core.filters import ExplorerState, authors_under
from ..core.report import view_description
from ..core.wording import counted, signed_points
from ..figures.compare import COMPARISON_STEMS, EACH_AUTHOR, PAIR, POINTS, POOLED, Difference, difference_columns, side_authors
from ..figures.context import FigureContext
from .charts.bars import FrameMix, PillarProfile
from .charts.base import CellLabels, ChartView, Target, axis_title, label_axis, short_name, style_plot
from .charts.framing_matrix import FramingMatrix
from .charts.framing_view import FramingView
from .charts.plot import ColourScale
from .palette import ink_on
from .screen import fit_within_screen, saved_rect, window_rect
from .settings import read_settings, remember_setting
from .export import FORMATS, export_comparison
from .export_dialogs import ask_export_folder, ask_layout
from .state import FilterState

DIVERGING = pg.ColorMap([0.0, 0.5, 1.0], [(0, 114, 178), (255, 255, 255), (213, 94, 0)])  # Okabe–Ito blue ↔ vermillion

# The views shown for each scenario, top to bottom: (name, how to make one for a side, its share of the height).
# A view is a widget made from the dataset and one side's FilterState; adding one here adds it to both sides.
SIDE_VIEWS = [
    ("matrix", FramingMatrix, 5),
    ("framing", FramingView, 5),  # all authors and areas on both sides: its rows and columns line up across A and B
    ("profiles", lambda coded, state: SideBySide(PillarProfile(coded, state), FrameMix(coded, state)), 2),
]



def fixed_lines(label: QLabel, lines: int) -> None:
    """A wrapped label of a fixed number of lines.

    A wrapped label gives its layout a height for each width, and a grid with
    such a row shares its height out by those heights, below the minimum
    heights of the charts beside it.
    """
    label.setFixedHeight(lines * label.fontMetrics().lineSpacing() + 2)
    policy = label.sizePolicy()
    policy.setHeightForWidth(False)
    label.setSizePolicy(policy)


class SideBySide(QWidget):
    """Two views of one side next to each other (pillar profile and frame mix)."""

    def __init__(self, *views: QWidget):
        super().__init__()
        self.views = views
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        for view in views:
            row.addWidget(view, 1)

    def sizeHint(self):
        return self.minimumSizeHint()  # a few bars each: the heatmaps above take the rest

    def hasHeightForWidth(self) -> bool:
        return False


class DifferenceMatrix(ChartView):
    """A − B per area, in percentage points: per author, for all authors pooled, or one author of A against one of B."""

    title = "Difference A − B"

    def __init__(self, coded, state_a: FilterState, state_b: FilterState, parent=None):
        super().__init__(coded, state_a, parent)
        self.other = state_b
        state_b.changed.connect(self.refresh)
        self.caption_label.setText(
            f"Share in A minus share in B, in percentage points; <b>*</b> = fewer than {FEW_PASSAGES} passages on one side."
        )
        self.areas = list(coded.taxonomy.ids("area"))
        self.authors = coded.authors
        self.mode, self.pair = EACH_AUTHOR, (None, None)
        self.plot = self.add_plot(0, categories=("bottom",))
        style_plot(self.plot, bottom="Author (publication year)")
        self.plot.invertY(True)
        self.colour_map = DIVERGING
        self.image = pg.ImageItem()
        self.image.setColorMap(DIVERGING)
        self.plot.addItem(self.image)
        self.colour_bar = ColourScale(DIVERGING, (-POINTS, POINTS), label="A − B (percentage points)")
        self.plot.put_beside(self.colour_bar)
        self.style_colour_bar()
        label_axis(self.plot, "left", [coded.taxonomy.label("area", a) for a in self.areas])
        self.plot.setYRange(-0.5, len(self.areas) - 0.5, padding=0)
        self.cell_labels: CellLabels | None = None
        self.columns: list[tuple[str, list[int], list[int]]] = []
        self.values = np.zeros((len(self.areas), 0))

    def compare(self, mode: str, pair: tuple[str | None, str | None] = (None, None)) -> None:
        """Per author (EACH_AUTHOR), all authors pooled (POOLED), or A's author pair[0] against B's pair[1] (PAIR)."""
        self.mode, self.pair = mode, pair
        self.refresh()

    def _columns(self, n_a: np.ndarray, n_b: np.ndarray) -> tuple[list[tuple[str, list[int], list[int]]], str]:
        """(label, A's author indices, B's author indices) per column, as the exported figure has them, and what
        they compare (see difference_columns)."""
        everyone = list(range(len(self.authors)))
        pairs, kind = difference_columns(Difference(self.mode, self.pair), self.authors, n_a, n_b)
        if kind == "pair":
            (i, j), = pairs
            # no "(A)" and "(B)": the axis says "A's author − B's author", and the column beside the colour bar is narrow
            return [(f"{short_name(self.authors[i], self.coded)}\n− {short_name(self.authors[j], self.coded)}", [i], [j])], kind
        pooled = "All authors\npooled" if kind == "pooled" else "All\nauthors"  # the axis says why when no author is on both sides
        return [
            (pooled, everyone, everyone) if i == len(self.authors) else ("\n".join(short_name(self.authors[i], self.coded).rsplit(" ", 1)), [i], [i])
            for i, _ in pairs
        ], kind

    def refresh(self, *_):
        a, b = self.state.state, self.other.state
        mask_a, mask_b = a.mask(self.coded), b.mask(self.coded)
        if not mask_a.any() or not mask_b.any():
            self.show_message("One of the two scenarios shows no passages: there is nothing to compare.")
            return
        counts_a = frame_matrix(self.coded, mask_a, "count").to_numpy().T  # areas × authors
        counts_b = frame_matrix(self.coded, mask_b, "count").to_numpy().T
        n_a = passages_per_author(self.coded, mask_a).to_numpy()
        n_b = passages_per_author(self.coded, mask_b).to_numpy()
        columns, kind = self._columns(n_a, n_b)
        self.columns = columns
        if not columns:
            self.values = np.zeros((len(self.areas), 0))
            self.show_message("One of the two authors chosen has no passages in their scenario: choose another pair.")
            return
        title = {
            "each": "Author (publication year)", "pooled": "All authors together", "pair": "A's author − B's author",
            "apart": "No author on both sides: all together",
        }[kind]
        if self.plot.__dict__.get("titles", {}).get("bottom") != title:
            axis_title(self.plot, "bottom", title, self.type_scale, self.palette.text)
        values = np.full((len(self.areas), len(columns)), np.nan)
        texts, colours, targets, tips = [], [], [], []
        for c, (label, ia, ib) in enumerate(columns):
            total_a, total_b = int(n_a[ia].sum()), int(n_b[ib].sum())
            with np.errstate(invalid="ignore", divide="ignore"):
                share_a = counts_a[:, ia].sum(axis=1) / total_a if total_a else np.full(len(self.areas), np.nan)
                share_b = counts_b[:, ib].sum(axis=1) / total_b if total_b else np.full(len(self.areas), np.nan)
            values[:, c] = POINTS * (share_a - share_b)
            tips.append((label.replace("\n", " "), share_a, share_b, total_a, total_b))
        self.values = values
        self._lay_out(columns)
        self.image.setImage(values, levels=(-POINTS, POINTS), autoLevels=False, rect=QRectF(-0.5, -0.5, len(columns), len(self.areas)))
        for row, area in enumerate(self.areas):
            for c in range(len(columns)):
                value = values[row, c]
                label, share_a, share_b, total_a, total_b = tips[c]
                few = min(total_a, total_b) < FEW_PASSAGES
                texts.append("–" if value != value else f"{signed_points(value)}{'*' if few else ''}")
                colours.append(self.palette.text if value != value else ink_on(DIVERGING, (value + POINTS) / (2 * POINTS)))
                tip = (
                    f"{label} · {self.coded.taxonomy.label('area', area)}\n"
                    f"A: {self._share(share_a[row])} of {counted(total_a, 'passage')}; B: {self._share(share_b[row])} of {counted(total_b, 'passage')}\n"
                    f"A − B: {'–' if value != value else f'{signed_points(value)} percentage points'}"
                    + ("\nfew passages: read with care" if few else "")
                )
                targets.append(Target(QRectF(c - 0.5, row - 0.5, 1, 1), tip, {}))
        self.cell_labels.set_labels(texts, colours)
        self.set_targets(self.plot, targets)
        self.stack.setCurrentWidget(self.graphics)

    def _lay_out(self, columns) -> None:
        """Columns for this comparison: their labels, the x range, and a value label in every cell."""
        labels = [label for label, _, _ in columns]
        axis = self.plot.getAxis("bottom")
        if axis.labels != labels:
            axis.set_labels(labels)
            self.plot.setXRange(-0.5, len(columns) - 0.5, padding=0)
            self.replace_cell_labels([(c, r) for r in range(len(self.areas)) for c in range(len(columns))])

    @staticmethod
    def _share(value: float) -> str:
        return "–" if value != value else f"{100 * value:.0f}%"


class CompareWindow(QWidget):
    """Two scenarios side by side on the same scales, rows aligned, and their difference.

    Each side has its own state; the views are the explorer's own.
    """

    def __init__(self, coded, store, parent=None, remember: bool = False):
        super().__init__(parent, Qt.WindowType.Window)
        self.remember = remember  # the choices are kept in the settings and come back at the next opening
        self._restoring = True  # what is set while the window is built is not the user's choice
        self.setWindowTitle("NSP Explorer — compare scenarios")
        self.coded = coded
        self.store = store
        self.states = (FilterState(self), FilterState(self))
        self.pickers = (QComboBox(), QComboBox())
        for picker in self.pickers:
            for scenario in store.scenarios:
                picker.addItem(scenario.name)
            picker.currentIndexChanged.connect(self._picked)
        self.labels = (QLabel(), QLabel())
        for label in self.labels:
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.PlainText)
        self.views = {name: tuple(make(coded, state) for state in self.states) for name, make, _ in SIDE_VIEWS}
        self.matrices = self.views["matrix"]
        self.framings = self.views["framing"]
        self.profiles = tuple(pair.views[0] for pair in self.views["profiles"])
        for matrix, side in zip(self.matrices, "AB"):
            matrix.measure.setEnabled(False)  # both sides show shares on the same 0–1 scale
            matrix.measure.hide()  # (said in the caption): the title has the chart's width
            matrix.setToolTip(f"Scenario {side}")
            matrix.total_column = True  # A − B compares all authors together too: its A and B are on each side
        self.difference = DifferenceMatrix(coded, *self.states)
        self.heatmaps = (*self.matrices, self.difference)
        top = self.matrices[0].measure.sizeHint().height()
        for heatmap in self.heatmaps:  # the same heading and caption heights: the three heatmaps' rows line up
            heatmap.heading.setFixedHeight(top)
            fixed_lines(heatmap.caption_label, 3)  # the caption, and a note on the star or on rows outside the filters
        bars = [chart for pair in self.views["profiles"] for chart in pair.views]  # shown at their minimum: every name a line
        for chart in self.side_charts():
            if chart not in self.heatmaps:
                fixed_lines(chart.caption_label, 6 if chart in self.framings else 4)  # the framing's colour key may wrap, and its notes
            chart.whole_minimum = chart in bars
            chart.narrows_on_click = False  # each side is its scenario as saved, as the exported comparison draws it
            chart.fit_minimum_height()
        for label in self.labels:
            fixed_lines(label, 2)
        self.difference.fit_minimum_height()
        self._align = QTimer(self)  # once the layout has settled
        self._align.setSingleShot(True)
        self._align.setInterval(0)
        self._align.timeout.connect(self.align_heatmaps)

        self.how = QComboBox()
        self.how.addItem("Each author with themselves", EACH_AUTHOR)
        self.how.addItem("All authors pooled", POOLED)
        self.how.addItem("One author of A with one of B", PAIR)
        self.how.setToolTip("What the difference compares")
        self.pair_pickers = (QComboBox(), QComboBox())  # each lists the authors its side holds (see _offer_authors)
        for picker in self.pair_pickers:
            picker.currentIndexChanged.connect(self._how_changed)
        self.how.currentIndexChanged.connect(self._how_changed)

        export = self.export_button = QPushButton("Export comparison…")
        export.clicked.connect(self.ask_and_export)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, activated=self.close)
        QShortcut(QKeySequence.StandardKey.Close, self, activated=self.close)

        grid = QGridLayout(self)
        for column, side in enumerate("AB"):
            row = QHBoxLayout()
            row.addWidget(QLabel(f"<b>{side}:</b>"))
            row.addWidget(self.pickers[column], 1)
            grid.addLayout(row, 0, column)
            grid.addWidget(self.labels[column], 1, column)
        how = QHBoxLayout()
        how.addWidget(QLabel("<b>A − B:</b>"))
        how.addWidget(self.how, 1)
        how.addWidget(export)
        grid.addLayout(how, 0, 2)
        pair = QHBoxLayout()
        pair.addWidget(QLabel("A's"))
        pair.addWidget(self.pair_pickers[0], 1)
        pair.addWidget(QLabel("− B's"))
        pair.addWidget(self.pair_pickers[1], 1)
        grid.addLayout(pair, 1, 2)
        # the charts scroll below the choices when the screen is too low for every row at a readable size
        charts = QWidget()
        rows = QGridLayout(charts)
        rows.setContentsMargins(0, 0, 0, 0)
        for n, (name, _, stretch) in enumerate(SIDE_VIEWS):  # rows of the same view line up across the sides
            for column in range(2):
                rows.addWidget(self.views[name][column], n, column)
            rows.setRowStretch(n, stretch)
        rows.addWidget(self.difference, 0, 2)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll.setWidget(charts)
        grid.addWidget(self.scroll, 2, 0, 1, 3)
        grid.setRowStretch(2, 1)
        self.status = QLabel()  # what an export wrote, or why it could not
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        grid.addWidget(self.status, 3, 0, 1, 3)
        for layout in (grid, rows):
            for column in range(3):  # equal widths: equal values give equal bars and cells
                layout.setColumnStretch(column, 1)
                layout.setColumnMinimumWidth(column, 200)
        self.resize(1600, 1000)
        rect = saved_rect((read_settings() or {}).get("comparison_window")) if remember else None
        if rect is not None:
            self.setGeometry(rect)  # where it was left (fit_within_screen brings it within this screen)
        fit_within_screen(self)
        if len(store.scenarios) > 1:
            self.pickers[1].setCurrentIndex(1)
        self._how_changed()
        self._picked()
        self._restore_choices()

    def side_charts(self, side: int | None = None):
        """Every chart of one side (0: A, 1: B) or of both (the profiles' two charts each)."""
        for views in self.views.values():
            for view in views if side is None else (views[side],):
                yield from getattr(view, "views", (view,))

    def choose(self, a: int, b: int) -> None:
        self.pickers[0].setCurrentIndex(a)
        self.pickers[1].setCurrentIndex(b)
        self._picked()

    def compare_authors(self, a: str, b: str) -> None:
        """Compare A's author ``a`` with B's author ``b``."""
        self.pair_pickers[0].setCurrentIndex(self.pair_pickers[0].findData(a))
        self.pair_pickers[1].setCurrentIndex(self.pair_pickers[1].findData(b))
        self.how.setCurrentIndex(self.how.findData(PAIR))
        self._how_changed()

    def _how_changed(self, *_):
        mode = self.how.currentData()
        for picker in self.pair_pickers:
            picker.setEnabled(mode == PAIR)
        self.difference.compare(mode, tuple(p.currentData() for p in self.pair_pickers))
        self._align.start()
        self._remember_choices()

    def _remember_choices(self) -> None:
        """The scenarios, the comparison and the pair chosen, by name, for the next opening."""
        if self.remember and not self._restoring:
            remember_setting("comparison", {
                "a": self.pickers[0].currentText(), "b": self.pickers[1].currentText(),
                "how": self.how.currentData(), "pair": [p.currentData() for p in self.pair_pickers],
            })

    def _restore_choices(self) -> None:
        saved = (read_settings() or {}).get("comparison") if self.remember else None
        if isinstance(saved, dict):
            for picker, name in zip(self.pickers, (saved.get("a"), saved.get("b"))):
                index = picker.findText(name) if isinstance(name, str) else -1
                if index >= 0:
                    picker.setCurrentIndex(index)
            pair = saved.get("pair")
            if isinstance(pair, list) and len(pair) == 2:
                for picker, author in zip(self.pair_pickers, pair):
                    if picker.findData(author) >= 0:
                        picker.setCurrentIndex(picker.findData(author))
            how = self.how.findData(saved.get("how"))
            if how >= 0:
                self.how.setCurrentIndex(how)
        self._how_changed()
        self._restoring = False  # from here on, a change is the user's and is remembered

    def _picked(self, *_):
        scenarios = [self.store.scenarios[p.currentIndex()] if 0 <= p.currentIndex() < len(self.store.scenarios) else None for p in self.pickers]
        states = [ExplorerState(s.filters, s.selection, s.search) if s else state.state for s, state in zip(scenarios, self.states)]
        self._line_up_authors([state.filters for state in states])  # before the states change: each chart draws once
        for s, new, state, label in zip(scenarios, states, self.states, self.labels):
            if s is not None:
                state.apply(new)
                count = int(state.state.mask(self.coded).sum())
                # in a few words, as the exported comparison's subtitle says it (two lines clipped the long form); the whole on hover
                label.setText(f"{counted(count, 'passage')} · {FigureContext(self.coded, new, s.name).filters_in_short()}")
                label.setToolTip(view_description(s.filters, s.selection, s.search, self.coded.taxonomy))
        for chart in self.side_charts():  # what no change of state drew (a scenario of everything, at the opening); the rest return at once
            chart.refresh()
        self._offer_authors()
        self._align.start()

    def _line_up_authors(self, filters: list) -> None:
        """The authors each side's charts show, under each side's filters (see side_authors)."""
        held = [authors_under(self.coded, spec) for spec in filters]
        for side, columns in enumerate(side_authors(*held, self.coded.authors)):
            for chart in self.side_charts(side):
                chart.author_columns = columns

    def _offer_authors(self) -> None:
        """Each side's author list holds the authors with passages on that side (another's would give a column of
        dashes); the author chosen stays chosen while the side holds them."""
        for picker, state in zip(self.pair_pickers, self.states):
            held = passages_per_author(self.coded, state.state.mask(self.coded))
            authors = [author for author in self.coded.authors if held[author] > 0]
            if [picker.itemData(i) for i in range(picker.count())] == authors:
                continue
            chosen = picker.currentData()
            picker.blockSignals(True)
            picker.clear()
            for author in authors:
                picker.addItem(short_name(author, self.coded), author)
            picker.setCurrentIndex(max(0, picker.findData(chosen)))
            picker.blockSignals(False)
        self._how_changed()

    def closeEvent(self, event) -> None:
        """Remember where the window was and how large (its own rectangle: no frame guessed)."""
        if self.remember:
            remember_setting("comparison_window", window_rect(self))
        super().closeEvent(event)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._align.start()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._align.start()

    def align_heatmaps(self) -> None:
        """The same height under the three heatmaps (their column labels may stand upright on one side only)."""
        for heatmap in (*self.heatmaps, *self.framings):
            # a chart resized inside the scrolling area while its stack showed a message can keep the size it had
            # before (pyqtgraph takes its scene's size from resize events): give it the size it has
            graphics = heatmap.graphics
            if graphics.range.size().toSize() != graphics.size():
                graphics.setRange(QRectF(0, 0, graphics.width(), graphics.height()), padding=0, disableAutoPixel=False)
        axes = [h.plot.getAxis("bottom") for h in self.heatmaps]
        for axis in axes:
            axis.floor = 0
            axis.fit()
        tallest = max(axis.height() for axis in axes)
        for axis in axes:
            axis.floor = tallest
            axis.fit()

    def export_to(self, folder: Path, formats=("png", "svg", "pdf"), width: int | None = None) -> list[Path]:
        return export_comparison(self, folder, formats, width).written

    def ask_and_export(self) -> None:
        """Both figures of the comparison, laid out for the medium chosen; the status line says what was written."""
        target = ask_export_folder(self, "Export the comparison to a folder", COMPARISON_STEMS, self.remember, self.status.setText)
        layout = ask_layout(self) if target else None
        if target and layout:
            folder, in_the_way = target
            try:
                self.status.setText(export_comparison(self, folder, FORMATS, layout[1], layout[0]).clear_left_over(in_the_way).summary())
            except DataFileError as error:
                self.status.setText(str(error))
