"""What every chart shares: a title, a plot area, an empty-state message, hover and click.

A chart redraws from the shared state whenever it changes, using a pure
aggregation function; a click on one of its bars or cells writes a narrower
selection back through the state. Charts never talk to each other.
"""

from __future__ import annotations

import html
import math
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, QPoint, QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QCursor, QFont, QFontMetrics, QResizeEvent, QTransform
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QFrame, QHBoxLayout, QLabel, QStackedWidget, QToolTip, QVBoxLayout

from ...core.coded import CodedPassages
from ...core import names
from ...core.filters import ExplorerState, authors_under
from ..state import FilterState
from ..palette import chart_palette
from .keyboard import ACTIVATE, MOVES, KeyboardTargets
from .plot import Plot

pg.setConfigOptions(antialias=True, imageAxisOrder="row-major", background="w", foreground="#222222")

TICK_POINTS = 8.5
MIN_CELL_POINTS = 7.0  # values in heatmap cells get no smaller than this to fit
EMPTY_SELECTION = "No passages match the current filters and selection.\nWiden a filter, clear the selection (Esc) or press Reset."


@dataclass(frozen=True)
class Target:
    """A clickable, hoverable region of a plot (a bar or a cell) in data coordinates."""

    rect: QRectF
    tip: str
    narrow: dict  # the selection a click on it makes, e.g. {"authors": {"Lee Jaehyon"}}


TITLE_POINTS = 9.0  # axis titles
SUBTITLE_POINTS = 8.0  # a line of text above a plot


def style_plot(plot: Plot, bottom: str = "", left: str = "") -> None:
    font = QFont()
    font.setPointSizeF(TICK_POINTS)
    plot.grid.setContentsMargins(1, 1, 16, 1)  # room for half of the last value ("100", "2025") past the axis's end
    for name, text in (("bottom", bottom), ("left", left)):
        axis = plot.getAxis(name)
        axis.enableAutoSIPrefix(False)  # units are explicit; the prefix check re-typesets the label on every range change
        axis.setTickFont(font)
        axis.setTextPen("#222222")
        axis.setPen("#888888")
        if text:
            axis_title(plot, name, text)


def axis_title(plot: Plot, side: str, text: str, scale: float = 1.0, colour: str = "#222222") -> None:
    """An axis title at a type scale; remembered, so that a new scale or palette can set it again."""
    plot.__dict__.setdefault("titles", {})[side] = text
    plot.setLabel(side, text, **{"font-size": f"{TITLE_POINTS * scale:.1f}pt", "color": colour})


class CellLabels(pg.GraphicsObject):
    """Many short labels at data points, painted in one pass at a fixed screen size.

    Eighty separate TextItems cost more to paint than the rest of a chart; this
    item draws them all in one paint call. ``hidden_changed`` says when the labels stop fitting their cells (and are
    left out) or fit again, so that a caption that speaks of them can say so.
    """

    hidden_changed = Signal(bool)

    def __init__(self, positions: list[tuple[float, float]], room: float = 1.0):
        super().__init__()
        self.hidden = False  # whether the last paint left the labels out: they did not fit
        self.positions = positions
        self.room = room  # the share of a cell's width a label may take
        self.texts = [""] * len(positions)
        self.colours = [QColor("#111111")] * len(positions)
        self._widths: tuple[float, list[int]] | None = None
        self.font = QFont()
        self.font.setPointSizeF(8)
        xs = [x for x, _ in positions] or [0]
        ys = [y for _, y in positions] or [0]
        self._bounds = QRectF(min(xs) - 0.5, min(ys) - 0.5, max(xs) - min(xs) + 1, max(ys) - min(ys) + 1)

    def set_labels(self, texts: list[str], colours: list[str]) -> None:
        self.texts = texts
        self.colours = [_colour(c) for c in colours]
        self._widths = None
        self.update()

    def widths(self, metrics: QFontMetrics) -> list[int]:
        """Each label's width, measured once per set of labels and type size."""
        if self._widths is None or self._widths[0] != self.font.pointSizeF():
            self._widths = (self.font.pointSizeF(), [metrics.horizontalAdvance(t) for t in self.texts])
        return self._widths[1]

    def boundingRect(self) -> QRectF:
        return self._bounds

    def fitted(self, cell: float) -> tuple[list[str], QFont] | None:
        """The labels and type for cells ``cell`` pixels wide: the chart's type where it fits; else as large as fits,
        down to a legible floor (large type in seminar mode, many columns); shares without their % sign, then without
        their star, before none at all (the colour bar, the caption and the tooltip say them); None when nothing fits (the colours and
        tooltips remain: labels wider than their cells would run into each other)."""
        metrics = QFontMetrics(self.font)
        widths = self.widths(metrics)
        if not widths or max(widths) <= cell * self.room - 2:
            return self.texts, self.font
        bare = [t.replace("%", "") for t in self.texts]
        for texts in (self.texts, bare, [t.replace("*", "") for t in bare]):  # the star last: the caption and tooltip say it
            fits = self.font.pointSizeF() * (cell * self.room - 2) / max(max(metrics.horizontalAdvance(t) for t in texts), 1)
            if fits >= MIN_CELL_POINTS:
                font = QFont(self.font)
                font.setPointSizeF(min(fits, self.font.pointSizeF()))
                return texts, font
        return None

    def paint(self, painter, *_):
        to_device = painter.transform()
        cell = abs(to_device.map(QPointF(1, 0)).x() - to_device.map(QPointF(0, 0)).x())
        fitted = self.fitted(cell)
        if (fitted is None) != self.hidden and any(self.texts):
            self.hidden = fitted is None
            self.hidden_changed.emit(self.hidden)
        if fitted is None:
            return
        texts, font = fitted
        metrics = QFontMetrics(font)
        widths = self.widths(metrics) if font is self.font else [metrics.horizontalAdvance(t) for t in texts]
        painter.setTransform(QTransform())
        painter.setFont(font)
        rise = metrics.ascent() / 2 - 1
        for (x, y), text, width, colour in zip(self.positions, texts, widths, self.colours):
            point = to_device.map(QPointF(x, y))
            painter.setPen(colour)
            painter.drawText(QPointF(point.x() - width / 2, point.y() + rise), text)


_COLOURS: dict[str, QColor] = {}


def _colour(name: str) -> QColor:
    """A QColor per colour name, made once (parsing a name costs more than painting a label)."""
    colour = _COLOURS.get(name)
    if colour is None:
        colour = _COLOURS[name] = QColor(name)
    return colour


def nice_ceiling(value: float) -> float:
    """The next 1, 2, 2.5 or 5 × 10^k at or above a value: an axis that keeps still while counts change a little."""
    if value <= 1:
        return 1.0
    power = 10.0 ** np.floor(np.log10(value))
    return float(next(step * power for step in (1, 2, 2.5, 5, 10) if step * power >= value))


def compact_number(value: float) -> str:
    """Tick text that stays short: 950, 1.5k, 20k, 1.2M."""
    size = abs(value)
    if size >= 1e6:
        return f"{value / 1e6:g}M"
    if size >= 1000:
        return f"{value / 1e3:g}k"
    return f"{value:g}"


def compact_ticks(axis) -> None:
    """Counts on this axis are written short, so that large numbers do not run into each other.

    Beside a vertical axis they get a fixed width, room for any of them: a
    width that followed the numbers would re-lay out the plot, and redraw
    both its axes, whenever a filter changed them.
    """
    axis.tickStrings = lambda values, scale, spacing: [compact_number(v * scale) for v in values]
    if axis.orientation in ("left", "right"):
        axis.compact_numbers = True
        fit_label_width(axis)


def spaced_ticks(axis, whole: bool = False, widest: str = "888") -> None:
    """One level of ticks, as many as fit the axis's length without their labels touching.

    pyqtgraph always labels its first level of ticks, however little room
    there is ("20406080" under a narrow chart). ``whole``: counts, ticked at
    whole numbers only (never "0.5 passages"). ``widest``: the longest label.
    """
    def spacing(low, high, size):
        metrics = QFontMetrics(axis.style.get("tickFont") or QFont())
        extent = metrics.lineSpacing() * 1.6 if axis.orientation in ("left", "right") else metrics.horizontalAdvance(widest) + 14
        fits = max(2, int(size / extent))
        raw = (high - low) / fits if high > low else 1.0
        power = 10.0 ** np.floor(np.log10(raw)) if raw > 0 else 1.0
        steps = (1, 2, 5, 10) if whole else (1, 2, 2.5, 5, 10)
        if axis.orientation in ("top", "bottom"):  # the first and last labels may reach past the axis's ends
            axis.style["hideOverlappingLabels"] = metrics.horizontalAdvance(widest) // 2 + 4
        step = next(s * power for s in steps if s * power >= raw)
        return [(max(step, 1.0) if whole else step, 0.0)]

    axis.tickSpacing = spacing


def whole_ticks(axis, widest: str = "888") -> None:
    """An axis of counts ticks at whole numbers only, spaced to fit."""
    spaced_ticks(axis, whole=True, widest=widest)


def set_range(plot: Plot, axis: str, low: float, high: float, padding: float) -> bool:
    """Set an axis range only when it changes (a new range makes pyqtgraph lay out and redraw the axis); True if it did."""
    ranges = plot.__dict__.setdefault("_set_ranges", {})
    if ranges.get(axis) == (low, high, padding):
        return False
    ranges[axis] = (low, high, padding)
    (plot.setXRange if axis == "x" else plot.setYRange)(low, high, padding=padding)
    return True


def label_axis(plot: Plot, side: str, labels: list[str]) -> None:
    """Category labels on an axis, with room for the longest one (pyqtgraph does not always make it)."""
    axis = plot.getAxis(side)
    axis.setStyle(tickLength=0)  # names need no tick marks (drawn inwards, one read as a minus before "0%")
    axis.setTicks([list(enumerate(labels))])
    if side == "left":
        axis.category_labels = labels  # so the width can follow a change of type size
        fit_label_width(axis)


def shortened(label: str, metrics: QFontMetrics, room: int) -> str:
    """A name that fits ``room`` pixels: whole if it fits; else its first words and its last, the middle ones left out
    ("Strategic … security", "Tourism and … mobility": the last word says what kind); else cut at the end."""
    if metrics.horizontalAdvance(label) <= room:
        return label
    words = label.split()
    for kept in range(len(words) - 2, 0, -1):
        short = " ".join(words[:kept]) + " … " + words[-1]
        if metrics.horizontalAdvance(short) <= room:
            return short
    return metrics.elidedText(label, Qt.TextElideMode.ElideRight, room)


def fit_label_width(axis, room: float | None = None) -> None:
    """Room for an axis's tick labels (and its title) at the current type size.

    Category labels wider than ``room`` pixels are cut short (``shortened``; the tooltips name them in full), so that
    a narrow chart keeps its plot.
    """
    labels = getattr(axis, "category_labels", None)
    metrics = QFontMetrics(axis.style.get("tickFont") or QFont())
    if labels and getattr(axis, "labels_beside", False):  # the chart beside it names these rows (shared_rows.py)
        if getattr(axis, "_shown_labels", None) != []:
            axis._shown_labels = []
            axis.setTicks([[(i, "") for i in range(len(labels))]])
        axis.setWidth(metrics.horizontalAdvance("M"))
    elif labels:
        room = getattr(axis, "label_room", None) if room is None else room
        widest = max(metrics.horizontalAdvance(label) for label in labels)
        if room is not None and widest > room:
            room = max(int(room), metrics.horizontalAdvance("Mmmmm…"))
            shown = [shortened(label, metrics, room) for label in labels]
            widest = max(metrics.horizontalAdvance(label) for label in shown)
        else:
            shown = labels
        axis.label_room = room
        if getattr(axis, "_shown_labels", None) != shown:
            axis._shown_labels = shown
            axis.setTicks([list(enumerate(shown))])
        axis.setWidth(widest + 14)
    elif getattr(axis, "compact_numbers", False):
        title = QFontMetrics(axis.label.font()).height() + 4  # the axis title, turned on its side
        axis.setWidth(metrics.horizontalAdvance("-888.8k") + axis.style["tickTextOffset"][0] + 6 + title)


class ChartView(QFrame):
    resized = Signal()  # (a chart lined up with this one follows)
    title = ""
    caption = ""  # one line under the title: what the numbers are
    label_room = 0.4  # the share of the chart's width its row labels may take before they are cut short
    # The minimum height counts the layout's margins and the bottom axis's title too: for a chart a window shows at
    # its minimum (the comparison's pillar profile and frame mix, a few bars under the heatmaps), whose rows would
    # otherwise pile up. The main window keeps the smaller minimum its layout on a 1280×720 screen is fitted to:
    # taller minimums below the first row of charts squeeze that row to its own minimum there.
    whole_minimum = False
    author_columns: list[str] | None = None  # set by a window that lines two views' authors up (the comparison)
    narrows_on_click = True  # False where a chart shows a saved scenario as it is (the comparison): a click only shows its tip

    def __init__(self, coded: CodedPassages, state: FilterState, parent=None):
        super().__init__(parent)
        self.coded = coded
        self.state = state
        self.setObjectName(type(self).__name__)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self._targets: dict[Plot, list[Target] | Callable[[], list[Target]]] = {}
        self._drawn_from: tuple | None = None
        self.plots: list[Plot] = []

        self.type_scale = 1.0
        self.palette = chart_palette(False)
        heading = self.heading = QLabel(f"<b>{html.escape(self.title)}</b>")  # bold by markup: it follows the app's type size
        heading.setWordWrap(True)  # a long title wraps in a narrow chart rather than widening it
        self.caption_label = QLabel(self.caption)
        self.caption_label.setWordWrap(True)
        self.caption_label.setTextFormat(Qt.TextFormat.RichText)  # captions are built from escaped text only
        self.controls = QHBoxLayout()
        self.controls.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        top.addWidget(heading, 1)  # the room beside the controls: a wrapped label given only its hint would break after each word
        top.addLayout(self.controls)

        self.graphics = pg.GraphicsLayoutWidget()
        self.graphics.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # the chart itself takes the keys (keyboard.py)
        self.keys = KeyboardTargets(self)
        self.message = QLabel()
        self.message.setTextFormat(Qt.TextFormat.PlainText)  # messages name indicators and units from the data: text, never markup
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setWordWrap(True)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.graphics)
        self.stack.addWidget(self.message)

        self._style_labels()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.setSpacing(2)
        layout.addLayout(top)
        layout.addWidget(self.caption_label)
        layout.addWidget(self.stack, 1)

        export = QAction("Export this chart (PNG, SVG, PDF)…", self)
        export.triggered.connect(self._export_chart)
        self.addAction(export)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.graphics.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        hint = plain_tip("Right-click the chart's title bar to export it")
        heading.setToolTip(hint)  # never on the plot: Qt would show it over the hovered values
        self.caption_label.setToolTip(hint)
        self.hovered: Target | None = None
        self.graphics.viewport().installEventFilter(self)

        scene = self.graphics.scene()
        scene.sigMouseMoved.connect(self._hover)
        scene.sigMouseClicked.connect(self._click)
        state.changed.connect(self.refresh)

    def after_each_resize(self, callback: Callable[[], None]) -> None:
        """Call ``callback`` once the chart's plots have their sizes after each resize (at the next turn of the loop)."""
        timer = QTimer(self)
        timer.setSingleShot(True)
        timer.setInterval(0)
        timer.timeout.connect(callback)
        self.resized.connect(timer.start)

    def add_plot(self, row: int = 0, categories: tuple[str, ...] = ()) -> Plot:
        """A plot in the given row; ``categories`` names the sides whose labels are names (see CategoryAxis)."""
        plot = Plot(categories=categories)
        for side in categories:  # upright labels need more room: the chart asks for it
            plot.getAxis(side).height_changed = self.fit_minimum_height
        self.graphics.addItem(plot, row=row, col=0)
        self.plots.append(plot)
        return plot

    def hasHeightForWidth(self) -> bool:
        """No height for a width: a grid of charts would share its height out by those heights (their wrapped
        captions'), below the charts' minimum heights."""
        return False

    def minimumSizeHint(self):
        """The minimum, with the caption as many lines as it wraps to at the chart's width."""
        hint = super().minimumSizeHint()
        label = self.caption_label
        if label.wordWrap() and label.minimumHeight() != label.maximumHeight() and self.width() > 0:
            extra = label.heightForWidth(max(self.width() - 12, 40)) - label.minimumSizeHint().height()
            if extra > 0:
                hint.setHeight(hint.height() + extra)
        return hint

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.resized.emit()
        if event.oldSize().width() != event.size().width():
            self.updateGeometry()  # the caption may wrap to another number of lines
            for plot in self.plots:  # row labels take at most two fifths of a narrow chart
                axis = plot.axes.get("left")
                if axis is not None and getattr(axis, "category_labels", None):
                    fit_label_width(axis, self.label_room * self.width())

    def fit_minimum_height(self) -> None:
        """Room for every category label at the current type size: the chart area scrolls rather than pile labels up."""
        height = 0
        if self.whole_minimum:
            _, top, _, bottom_margin = self.graphics.ci.layout.getContentsMargins()
            height = top + bottom_margin
        for plot in self.plots:
            left = plot.getAxis("left")
            rows = len(getattr(left, "category_labels", None) or ())
            metrics = QFontMetrics(left.style.get("tickFont") or QFont())
            axis = plot.axes.get("bottom")
            if axis is None:
                bottom = 0
            elif self.whole_minimum:  # the height the axis asked for (ticks, names and title)
                bottom = axis.minimumHeight()
            else:  # the height it was given, which its geometry takes only at the next layout
                bottom = getattr(axis, "fixedHeight", None) or axis.height()
            height += max(rows * metrics.height(), 4 * metrics.lineSpacing()) + bottom + 8
        if math.ceil(height) != self.graphics.minimumHeight():
            self.graphics.setMinimumHeight(math.ceil(height))
            QTimer.singleShot(0, self, self._lay_out_view)

    def _lay_out_view(self) -> None:
        """A minimum set while the view is being resized (its axes ask for it as they fit) resizes the view inside
        its own resize, and pyqtgraph's scene keeps the old height: the plot was drawn short, and rows beside
        another chart's no longer lined up. Fit the scene to the size the view has."""
        view = self.graphics
        if view.range.size().toSize() != view.size():
            view.resizeEvent(QResizeEvent(view.size(), view.size()))

    def set_type_scale(self, scale: float) -> None:
        """Every text the chart draws at this multiple of its normal size: ticks, axis titles, values, subtitles.

        (Headings, captions and legends are labels: they follow the application's font.)
        """
        self.type_scale = scale
        self._style_labels()
        font = QFont()
        font.setPointSizeF(TICK_POINTS * scale)
        for plot in self.plots:
            for name in ("left", "bottom"):
                plot.getAxis(name).setTickFont(font)
            self._set_axis_titles(plot)
            fit_label_width(plot.getAxis("left"))
            bottom = plot.getAxis("bottom")
            if hasattr(bottom, "fit"):
                bottom.fit()
        labels = getattr(self, "cell_labels", None)
        if labels is not None:
            labels.font.setPointSizeF(8 * scale)
            labels.update()
        self.style_colour_bar()
        self.fit_minimum_height()

    def style_colour_bar(self) -> None:
        """A heatmap's key (``self.colour_bar``, if the chart has one): its values and title at the type scale."""
        scale_bar = getattr(self, "colour_bar", None)
        if scale_bar is not None:
            font = QFont()
            font.setPointSizeF(TICK_POINTS * self.type_scale)
            scale_bar.axis.setTickFont(font)
            scale_bar.axis.setLabel(scale_bar.axis.labelText, **{"font-size": f"{TITLE_POINTS * self.type_scale:.1f}pt", "color": self.palette.text})

    def _set_axis_titles(self, plot: Plot) -> None:
        for side, text in plot.__dict__.get("titles", {}).items():
            axis_title(plot, side, text, self.type_scale, self.palette.text)

    def set_high_contrast(self, on: bool) -> None:
        """The high-contrast palette (or the normal one): every colour of the chart, not only its axes."""
        self.palette = palette = chart_palette(on)
        pen = pg.mkPen(palette.axis, width=palette.axis_width)
        for plot in self.plots:
            for name in ("left", "bottom"):
                plot.getAxis(name).setTextPen(palette.text)
                plot.getAxis(name).setPen(pen)  # after the text pen, as style_plot does: it colours an empty title too
            self._set_axis_titles(plot)
        self._style_labels()
        self.restyle()
        self._drawn_from = None  # values and their ink follow the palette
        self.refresh()

    def restyle(self) -> None:
        """Take the colours of ``self.palette`` (charts with colours of their own say how)."""

    def _style_labels(self) -> None:
        """Caption and message in the palette's colours, at the application's type size (a style sheet
        would otherwise keep them at the size they had when it was set)."""
        size = f"font-size: {QApplication.font().pointSizeF():.1f}pt;"
        self.caption_label.setStyleSheet(f"color: {self.palette.muted}; {size}")
        self.message.setStyleSheet(f"color: {self.palette.muted}; background: {self.palette.background}; padding: 12px; {size}")

    def outline(self):
        """The pen around bars and markers: none normally, black in high contrast."""
        return pg.mkPen(self.palette.outline, width=1.2) if self.palette.outline else None

    # -- drawing ---------------------------------------------------------------

    def _export_chart(self) -> None:
        window = self.window()
        if hasattr(window, "export_widget"):
            window.export_widget(self, self.title)

    def view_options(self) -> tuple:
        """What besides the selection decides the drawing (a measure, a chosen indicator)."""
        return ()

    def refresh(self, *_):
        state = self.state.state
        drawn_from = (state.filters, state.selection, state.search, self.view_options(), tuple(self.author_columns or ()))
        if drawn_from == self._drawn_from:
            return  # e.g. only the focused passage changed
        self._drawn_from = drawn_from
        mask = state.mask(self.coded)
        if not mask.any():
            self.show_message(EMPTY_SELECTION)
            return
        problem = self.draw(state, mask)
        if problem:
            self.show_message(problem)
        else:
            self.stack.setCurrentWidget(self.graphics)

    def authors_for(self, state: ExplorerState) -> list[str]:
        """The authors this view draws: those the filters hold, or the ones a window that lines views up set."""
        return list(self.author_columns) if self.author_columns is not None else authors_under(self.coded, state.filters)

    def replace_cell_labels(self, positions: list[tuple[float, float]], room: float = 1.0) -> None:
        """A value label at each position (after the columns changed), at the chart's type size."""
        old = getattr(self, "cell_labels", None)
        if old is not None:
            self.plot.vb.removeItem(old)
        self.cell_labels = CellLabels(positions, room=room)
        self.cell_labels.hidden_changed.connect(self.cell_labels_hidden, Qt.ConnectionType.QueuedConnection)  # not while painting
        self.cell_labels.font.setPointSizeF(8 * self.type_scale)
        self.plot.addItem(self.cell_labels)

    def cell_labels_hidden(self, hidden: bool) -> None:
        """The cells' labels stopped fitting (``hidden``) or fit again; a view whose caption speaks of them says so."""

    def draw(self, state: ExplorerState, mask: np.ndarray) -> str:
        """Draw for this state; return a message instead if there is nothing to draw."""
        raise NotImplementedError

    def show_message(self, text: str) -> None:
        self.message.setText(text)
        self.stack.setCurrentWidget(self.message)

    @property
    def showing_message(self) -> bool:
        return self.stack.currentWidget() is self.message

    # -- hover and click ---------------------------------------------------------

    def set_targets(self, plot: Plot, targets: list[Target] | Callable[[], list[Target]]) -> None:
        """What can be hovered and clicked in a plot: a list, or a function that makes it when first needed.

        Most redraws are never hovered, and making the tooltips of every bar
        and cell cost more than drawing them: a redraw says how to make them.
        """
        self._targets[plot] = targets
        self.hovered = None  # what was under the mouse may have moved
        self.keys.targets_changed()

    def targets(self, plot: Plot) -> list[Target]:
        found = self._targets.get(plot, [])
        if callable(found):
            found = self._targets[plot] = found()
        return found

    def _target_at(self, scene_pos: QPointF) -> Target | None:
        for plot in list(self._targets):
            view = plot.vb
            if not view.sceneBoundingRect().contains(scene_pos):
                continue
            point = view.mapSceneToView(scene_pos)
            for target in self.targets(plot):
                if target.rect.contains(point):
                    return target
        return None

    def _hover(self, scene_pos: QPointF) -> None:
        target = self.hovered = self._target_at(scene_pos)
        if target is not None:
            self.show_tip(target, QCursor.pos())
        else:
            QToolTip.hideText()

    def show_tip(self, target: Target, where: QPoint) -> None:
        QToolTip.showText(where, plain_tip(target.tip), self.graphics)

    def keyPressEvent(self, event) -> None:
        """The arrow keys step from bar to bar or cell to cell; Enter or Space does what a click there does."""
        if event.key() in MOVES and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            self.keys.move(*MOVES[event.key()])
        elif event.key() in ACTIVATE:
            self.keys.activate()
        else:
            super().keyPressEvent(event)

    def focusInEvent(self, event) -> None:
        super().focusInEvent(event)
        used = self.keys.current is not None or self.keys.remembered is not None
        # reached by the keyboard (Tab, or View ▸ Go to view): an outline shows where the keys are
        tabbed = event.reason() in (Qt.FocusReason.TabFocusReason, Qt.FocusReason.BacktabFocusReason, Qt.FocusReason.ShortcutFocusReason)
        if tabbed and not used:
            self.keys.first()
        elif tabbed or (used and event.reason() == Qt.FocusReason.ActiveWindowFocusReason):
            self.keys.show()  # where the keys were (a click shows nothing: the mouse is on what it shows)

    def focusOutEvent(self, event) -> None:
        super().focusOutEvent(event)
        self.keys.hide()

    def eventFilter(self, watched, event) -> bool:
        """Over a bar or a cell, Qt's own tooltip event (after the hover delay) keeps its values on screen.

        Left to the graphics scene, that event replaces them with the tooltip of
        whatever item is under the mouse, or hides them when there is none.
        """
        if event.type() == QEvent.Type.Leave:
            self.hovered = None
        elif event.type() == QEvent.Type.ToolTip and self.hovered is not None:
            QToolTip.showText(event.globalPos(), plain_tip(self.hovered.tip), self.graphics)
            return True
        return super().eventFilter(watched, event)

    def _click(self, event) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            return
        self.keys.forget()  # an outline left from the keys would stand on another cell than the one clicked
        target = self._target_at(event.scenePos())
        if target is not None and target.narrow and self.narrows_on_click:
            self.on_target_clicked(target)

    def on_target_clicked(self, target: Target) -> None:
        self.state.narrow(source=type(self).__name__, **target.narrow)

    def scene_point(self, plot: Plot, x: float, y: float) -> QPoint:
        """Where a data point of a plot is on screen, in the graphics view's coordinates (tests click there)."""
        return self.graphics.mapFromScene(plot.vb.mapViewToScene(QPointF(x, y)))


def short_name(author: str, coded: CodedPassages | None = None) -> str:
    """'Dira Fabrian' -> 'Fabrian 2017'; 'Lee Jaehyon' -> 'Lee 2019' (family name, publication year)."""
    return names.short_name(author, coded.first_years if coded is not None else None)


def plain_tip(text: str) -> str:
    """Tooltip text that Qt shows as written: document text is never read as markup."""
    return "<qt>" + html.escape(text).replace("\n", "<br>") + "</qt>"


def percent(value: float) -> str:
    return "–" if value != value else f"{100 * value:.0f}%"  # NaN -> dash
