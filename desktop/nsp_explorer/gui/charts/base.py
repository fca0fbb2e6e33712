"""What every chart shares: a title, a plot area, an empty-state message, hover and click.

A chart redraws from the shared state whenever it changes, using a pure
aggregation function; a click on one of its bars or cells writes a narrower
selection back through the state. Charts never talk to each other.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPoint, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QCursor, QFont, QFontMetrics, QTransform
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QStackedWidget, QToolTip, QVBoxLayout

from ...core.coded import CodedPassages
from ...core.names import family_name
from ...core.filters import ExplorerState
from ..state import FilterState
from .plot import Plot

pg.setConfigOptions(antialias=True, imageAxisOrder="row-major", background="w", foreground="#222222")

TICK_POINTS = 8.5
EMPTY_SELECTION = "No passages match the current filters and selection.\nWiden a filter, clear the selection (Esc) or press Reset."


@dataclass(frozen=True)
class Target:
    """A clickable, hoverable region of a plot (a bar or a cell) in data coordinates."""

    rect: QRectF
    tip: str
    narrow: dict  # the selection a click on it makes, e.g. {"authors": {"Lee Jaehyon"}}


def style_plot(plot: Plot, bottom: str = "", left: str = "") -> None:
    font = QFont()
    font.setPointSizeF(TICK_POINTS)
    for name, text in (("bottom", bottom), ("left", left)):
        axis = plot.getAxis(name)
        axis.enableAutoSIPrefix(False)  # units are explicit; the prefix check re-typesets the label on every range change
        axis.setTickFont(font)
        axis.setTextPen("#222222")
        axis.setPen("#888888")
        if text:
            plot.setLabel(name, text, **{"font-size": "9pt", "color": "#222222"})


class CellLabels(pg.GraphicsObject):
    """Many short labels at data points, painted in one pass at a fixed screen size.

    Eighty separate TextItems cost more to paint than the rest of a chart; this
    item draws them all in one paint call.
    """

    def __init__(self, positions: list[tuple[float, float]]):
        super().__init__()
        self.positions = positions
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

    def paint(self, painter, *_):
        to_device = painter.transform()
        metrics = QFontMetrics(self.font)
        widths = self.widths(metrics)
        cell = abs(to_device.map(QPointF(1, 0)).x() - to_device.map(QPointF(0, 0)).x())
        if widths and max(widths) > cell - 2:
            return  # labels wider than their cells would run into each other: the colours and tooltips remain
        painter.setTransform(QTransform())
        painter.setFont(self.font)
        rise = metrics.ascent() / 2 - 1
        for (x, y), text, width, colour in zip(self.positions, self.texts, widths, self.colours):
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


def set_range(plot: Plot, axis: str, low: float, high: float, padding: float) -> bool:
    """Set an axis range only when it changes (a new range makes pyqtgraph lay out and redraw the axis); True if it did."""
    ranges = plot.__dict__.setdefault("_set_ranges", {})
    if ranges.get(axis) == (low, high, padding):
        return False
    ranges[axis] = (low, high, padding)
    (plot.setXRange if axis == "x" else plot.setYRange)(low, high, padding=padding)
    return True


def hide_category_labels(plot: Plot) -> None:
    """Rows that line up with a chart beside it need no labels of their own."""
    axis = plot.getAxis("left")
    axis.setTicks([[(i, "") for i in range(len(axis._tickLevels[0]) if axis._tickLevels else 0)]])
    axis.setWidth(10)


def label_axis(plot: Plot, side: str, labels: list[str]) -> None:
    """Category labels on an axis, with room for the longest one (pyqtgraph does not always make it)."""
    axis = plot.getAxis(side)
    axis.setTicks([list(enumerate(labels))])
    if side == "left":
        axis.category_labels = labels  # so the width can follow a change of type size
        fit_label_width(axis)


def fit_label_width(axis) -> None:
    """Room for an axis's tick labels (and its title) at the current type size."""
    labels = getattr(axis, "category_labels", None)
    metrics = QFontMetrics(axis.style.get("tickFont") or QFont())
    if labels:
        axis.setWidth(max(metrics.horizontalAdvance(label) for label in labels) + 14)
    elif getattr(axis, "compact_numbers", False):
        title = QFontMetrics(axis.label.font()).height() + 4  # the axis title, turned on its side
        axis.setWidth(metrics.horizontalAdvance("-888.8k") + axis.style["tickTextOffset"][0] + 6 + title)


class ChartView(QFrame):
    title = ""
    caption = ""  # one line under the title: what the numbers are

    def __init__(self, coded: CodedPassages, state: FilterState, parent=None):
        super().__init__(parent)
        self.coded = coded
        self.state = state
        self.setObjectName(type(self).__name__)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self._targets: dict[Plot, list[Target] | Callable[[], list[Target]]] = {}
        self._drawn_from: tuple | None = None
        self.plots: list[Plot] = []

        heading = QLabel(self.title)
        font = heading.font()
        font.setBold(True)
        heading.setFont(font)
        self.caption_label = QLabel(self.caption)
        self.caption_label.setStyleSheet("color: #555555;")
        self.caption_label.setWordWrap(True)
        self.caption_label.setTextFormat(Qt.TextFormat.RichText)  # captions are built from escaped text only
        self.controls = QHBoxLayout()
        self.controls.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        top.addWidget(heading)
        top.addStretch(1)
        top.addLayout(self.controls)

        self.graphics = pg.GraphicsLayoutWidget()
        self.graphics.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.message = QLabel()
        self.message.setTextFormat(Qt.TextFormat.PlainText)  # messages name indicators and units from the data: text, never markup
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #555555; background: white; padding: 12px;")
        self.stack = QStackedWidget()
        self.stack.addWidget(self.graphics)
        self.stack.addWidget(self.message)

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
        self.graphics.setToolTip("Right-click the chart's title bar to export it")

        scene = self.graphics.scene()
        scene.sigMouseMoved.connect(self._hover)
        scene.sigMouseClicked.connect(self._click)
        state.changed.connect(self.refresh)

    def add_plot(self, row: int = 0) -> Plot:
        plot = Plot()
        self.graphics.addItem(plot, row=row, col=0)
        self.plots.append(plot)
        return plot

    def set_type_scale(self, scale: float) -> None:
        font = QFont()
        font.setPointSizeF(TICK_POINTS * scale)
        for plot in self.plots:
            for name in ("left", "bottom"):
                plot.getAxis(name).setTickFont(font)
            fit_label_width(plot.getAxis("left"))
        labels = getattr(self, "cell_labels", None)
        if labels is not None:
            labels.font.setPointSizeF(8 * scale)
            labels.update()

    def set_high_contrast(self, on: bool) -> None:
        pen = pg.mkPen("#000000", width=2 if on else 1)
        for plot in self.plots:
            for name in ("left", "bottom"):
                plot.getAxis(name).setPen(pen if on else "#888888")
                plot.getAxis(name).setTextPen("#000000" if on else "#222222")

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
        drawn_from = (state.filters, state.selection, state.search, self.view_options())
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
        target = self._target_at(scene_pos)
        if target is not None:
            QToolTip.showText(QCursor.pos(), plain_tip(target.tip), self.graphics)
        else:
            QToolTip.hideText()

    def _click(self, event) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            return
        target = self._target_at(event.scenePos())
        if target is not None and target.narrow:
            self.on_target_clicked(target)

    def on_target_clicked(self, target: Target) -> None:
        self.state.narrow(source=type(self).__name__, **target.narrow)

    def scene_point(self, plot: Plot, x: float, y: float) -> QPoint:
        """Where a data point of a plot is on screen, in the graphics view's coordinates (tests click there)."""
        return self.graphics.mapFromScene(plot.vb.mapViewToScene(QPointF(x, y)))


def short_name(author: str, coded: CodedPassages | None = None) -> str:
    """'Dira Fabrian' -> 'Fabrian 2017'; 'Lee Jaehyon' -> 'Lee 2019' (family name, publication year)."""
    family = family_name(author)
    if coded is not None and author in coded.first_years:
        return f"{family} {coded.first_years[author]}"
    return family


def plain_tip(text: str) -> str:
    """Tooltip text that Qt shows as written: document text is never read as markup."""
    return "<qt>" + html.escape(text).replace("\n", "<br>") + "</qt>"


def percent(value: float) -> str:
    return "–" if value != value else f"{100 * value:.0f}%"  # NaN -> dash
