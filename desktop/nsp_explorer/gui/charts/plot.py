"""A plot area with its axes, and a colour scale: the parts of pyqtgraph's PlotItem the charts use.

PlotItem builds an options menu of some forty widgets, auto-range buttons and
four axes for every plot, and ColorBarItem is a whole PlotItem of its own; the
charts here keep their axes fixed and use neither. Built from a ViewBox and
AxisItems, a window's plots take about a third of the time to make, which is
most of what stood between a click on the app and its first painted window.
"""

from __future__ import annotations

import html
import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QGraphicsGridLayout, QGraphicsItem, QSizePolicy

# Where things sit in a plot's grid (PlotItem's places): title above, axes around the view box,
# and a colour scale to the right of it.
_PLACES = {"top": (1, 1), "bottom": (3, 1), "left": (2, 0), "right": (2, 2)}
_VIEW = (2, 1)
_TITLE = (0, 1)
_BESIDE = (2, 4)


class CategoryAxis(pg.AxisItem):
    """A bottom axis of named columns whose labels turn upright when they are wider than a column.

    Twelve authors under a narrow heatmap cannot stand side by side; turned,
    each takes a line's height of width, and the axis grows as tall as the
    longest name.
    """

    def __init__(self, orientation: str = "bottom", **kwargs):
        super().__init__(orientation=orientation, **kwargs)
        self.labels: list[str] = []
        self.turned = False
        self.floor = 0.0  # at least this tall (to line up with the axes of plots beside it)
        self.height_changed = None  # called when the labels turn and the axis takes another height
        self.style["autoExpandTextSpace"] = False
        self.style["tickLength"] = 0  # names need no tick marks

    def set_labels(self, labels: list[str]) -> None:
        self.labels = labels
        self.setTicks([list(enumerate(labels))])
        self.fit()

    def _lines(self, text: str) -> list[str]:
        return text.split("\n")

    def fit(self) -> None:
        """Upright or level labels for the room a column has now, and the height they need."""
        if not self.labels:
            return
        metrics = QFontMetrics(self.style.get("tickFont") or QFont())
        view = self.linkedView()
        span = view.viewRange()[0] if view is not None else (0, 1)
        pitch = self.width() / max(span[1] - span[0], 1e-9)
        widest = max(metrics.horizontalAdvance(line) for label in self.labels for line in self._lines(label))
        lines = max(len(self._lines(label)) for label in self.labels)
        turned = widest + 6 > pitch
        longest = max(metrics.horizontalAdvance(" ".join(self._lines(label))) for label in self.labels)
        height = longest + 10 if turned else lines * metrics.lineSpacing() + 8
        if self.label.isVisible():  # a fixed height leaves out the axis title
            height += self.label.boundingRect().height() * 0.8
        height = max(height, self.floor)
        self.turned = turned
        if abs(self.height() - height) > 0.5:
            self.setHeight(height)
            if self.height_changed is not None:
                self.height_changed()
        self.picture = None
        self.update()

    def resizeEvent(self, event=None) -> None:
        super().resizeEvent(event)
        if event is not None and abs(event.oldSize().width() - event.newSize().width()) > 0.5:
            self.fit()

    def linkedViewChanged(self, view, newRange=None) -> None:
        super().linkedViewChanged(view, newRange)
        self.fit()

    def drawPicture(self, p, axisSpec, tickSpecs, textSpecs):
        if not self.turned:
            super().drawPicture(p, axisSpec, tickSpecs, textSpecs)
            return
        super().drawPicture(p, axisSpec, tickSpecs, [])
        p.setRenderHint(p.RenderHint.TextAntialiasing, True)
        if self.style["tickFont"] is not None:
            p.setFont(self.style["tickFont"])
        p.setPen(self.textPen())
        top = axisSpec[1].y() + self.style["tickTextOffset"][1] + 2
        view = self.linkedView()
        low, high = view.viewRange()[0] if view is not None else (-0.5, len(self.labels) - 0.5)
        pitch = self.width() / max(high - low, 1e-9)
        # every label, the first and last too (pyqtgraph drops edge labels); in columns narrower than
        # a line of text, every second or third (the cells' tooltips name them all)
        step = max(1, math.ceil(QFontMetrics(p.font()).height() / max(pitch, 1e-9)))
        for i, text in enumerate(self.labels):
            if i % step:
                continue
            x = (i - low) / max(high - low, 1e-9) * self.width()
            p.save()
            p.translate(x, top)
            p.rotate(-90)  # read from the bottom up; the label ends at the axis
            line = " ".join(self._lines(text))
            size = QFontMetrics(p.font())
            p.drawText(QRectF(-size.horizontalAdvance(line) - 2, -size.height() / 2, size.horizontalAdvance(line) + 2, size.height()),
                       int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter), line)
            p.restore()


class Plot(pg.GraphicsWidget):
    """A view box with axes on the given sides; ``setXRange``, ``addItem``, ``getAxis`` … as on a PlotItem."""

    def __init__(self, sides: tuple[str, ...] = ("left", "bottom"), categories: tuple[str, ...] = ()):
        super().__init__()
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.grid = QGraphicsGridLayout()
        self.grid.setContentsMargins(1, 1, 1, 1)
        self.grid.setHorizontalSpacing(0)
        self.grid.setVerticalSpacing(0)
        self.setLayout(self.grid)
        self.vb = pg.ViewBox(parent=self, enableMenu=False, enableMouse=False)
        self.grid.addItem(self.vb, *_VIEW)
        self.grid.setRowStretchFactor(_VIEW[0], 100)
        self.grid.setColumnStretchFactor(_VIEW[1], 100)
        self.axes: dict[str, pg.AxisItem] = {}
        for side in sides:
            axis = (CategoryAxis if side in categories else pg.AxisItem)(orientation=side, parent=self)
            axis.linkToView(self.vb)
            axis.setZValue(0.5)  # above images, like a PlotItem's
            axis.setFlag(QGraphicsItem.GraphicsItemFlag.ItemNegativeZStacksBehindParent)
            self.grid.addItem(axis, *_PLACES[side])
            self.axes[side] = axis
        self.title: pg.LabelItem | None = None

    def getAxis(self, side: str) -> pg.AxisItem:
        return self.axes[side]

    def addItem(self, item) -> None:
        self.vb.addItem(item)

    def setXRange(self, low: float, high: float, padding: float | None = None) -> None:
        self.vb.setXRange(low, high, padding=padding)
        self._move_now()

    def setYRange(self, low: float, high: float, padding: float | None = None) -> None:
        self.vb.setYRange(low, high, padding=padding)
        self._move_now()

    def _move_now(self) -> None:
        """Move the items to the new range now: left to pyqtgraph, the move happens while the
        chart paints and asks for a second paint of the whole chart (~3.5 ms a redraw)."""
        self.vb.updateMatrix()

    def invertY(self, inverted: bool = True) -> None:
        self.vb.invertY(inverted)

    def setLabel(self, side: str, text: str, **style) -> None:
        """An axis title, always plain text (pyqtgraph would typeset it as HTML: a unit from the data is no markup)."""
        self.axes[side].setLabel(html.escape(text), **style)

    def setTitle(self, text: str | None, **style) -> None:
        """A line of small text above the plot; None removes it."""
        if self.title is None:
            if text is None:
                return
            self.title = pg.LabelItem("", parent=self)
            self.grid.addItem(self.title, *_TITLE)
        self.title.setVisible(text is not None)
        points = float(str(style.get("size", "8pt")).removesuffix("pt"))
        lines = 0 if text is None else text.count("<br>") + 1
        height = 0 if text is None else max(24 * lines, int(points * (1.4 * lines + 1.0)) + 4)  # its lines at this size, with margins
        self.grid.setRowFixedHeight(_TITLE[0], height)
        self.title.setMaximumHeight(height)
        if text is not None:
            self.title.setText(text, **style)

    def put_beside(self, item: pg.GraphicsWidget) -> None:
        """Place an item (a colour scale) to the right of the plot area, level with it."""
        self.grid.setColumnFixedWidth(_BESIDE[1] - 1, 6)
        self.grid.addItem(item, *_BESIDE)


class ColourScale(Plot):
    """The key to a heatmap's colours: a bar of the colour map with the values on its right."""

    def __init__(self, colour_map: pg.ColorMap, levels: tuple[float, float], width: int = 14, label: str = ""):
        super().__init__(sides=("right",))
        self.axis = self.axes["right"]
        self.axis.enableAutoSIPrefix(False)
        self.vb.setFixedWidth(width)
        self.vb.setBorder(pg.mkPen("#888888"))
        self.gradient = pg.ImageItem(np.linspace(0, 1, 256).reshape(256, 1), levels=(0, 1))
        self.gradient.setColorMap(colour_map)
        self.addItem(self.gradient)
        self._levels = (0.0, 0.0)
        self.set_levels(levels)
        if label:
            self.axis.setLabel(label)

    def levels(self) -> tuple[float, float]:
        return self._levels

    def set_levels(self, levels: tuple[float, float]) -> None:
        low, high = float(levels[0]), float(levels[1])
        if (low, high) == self._levels:
            return
        self._levels = (low, high)
        self.gradient.setRect(QRectF(0, low, 1, high - low))
        self.setXRange(0, 1, padding=0)
        self.setYRange(low, high, padding=0)


class Bars(pg.BarGraphItem):
    """Bars whose bounding rectangle is kept until the bars or the view change.

    pyqtgraph works it out afresh, pixel size and all, every time Qt asks:
    some fifty times per redraw of the window.
    """

    _bounds: QRectF | None = None

    def setOpts(self, **opts) -> None:
        super().setOpts(**opts)  # tells Qt the old bounds, then changes the bars
        self._bounds = None

    def viewTransformChanged(self) -> None:
        self.prepareGeometryChange()  # the padding is a pixel wide: a new scale moves the bounds
        self._bounds = None
        super().viewTransformChanged()

    def boundingRect(self) -> QRectF:
        if self._bounds is None:
            self._bounds = super().boundingRect()
        return self._bounds
