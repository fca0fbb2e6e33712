"""Charts by keyboard: Tab to a chart, the arrow keys from bar to bar or cell to cell, Enter to do what a click does.

The bar or cell the keys are on is outlined (white under black, seen on a dark
cell and a light one alike) and its tooltip shown, as the mouse would show it.
A redraw replaces a chart's targets; the keys then stay on the one in the same
place, so Enter, then an arrow, goes on from where they were.
"""

from __future__ import annotations

import weakref

from PySide6.QtCore import QPointF, Qt, QTimer
from PySide6.QtGui import QColor, QPen
from PySide6.QtWidgets import QGraphicsRectItem, QScrollArea, QToolTip

from .plot import Plot

MOVES = {Qt.Key.Key_Left: (-1, 0), Qt.Key.Key_Right: (1, 0), Qt.Key.Key_Up: (0, -1), Qt.Key.Key_Down: (0, 1)}
ACTIVATE = {Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space}
ACROSS_WEIGHT = 3.0  # a step goes to the nearest target in its direction, keeping to the same row or column first


def _outline(colour: str, width: float) -> QGraphicsRectItem:
    item = QGraphicsRectItem()
    pen = QPen(QColor(colour), width)
    pen.setCosmetic(True)  # pixels on screen, whatever the plot's scale
    item.setPen(pen)
    item.setZValue(1000)
    item.hide()
    return item


class KeyboardTargets:
    """Which of a chart's targets the keys are on, its outline, and the steps between targets."""

    def __init__(self, chart):
        self._chart = weakref.ref(chart)  # the chart holds this: no cycle through a Qt object for the collector
        self.current = None  # (plot, target)
        self.remembered: tuple[int, QPointF] | None = None  # plot number and centre of the target before a redraw
        self.outlines = [_outline("#FFFFFF", 5), _outline("#000000", 2)]

    @property
    def chart(self):
        return self._chart()

    def _all(self) -> list[tuple[Plot, object]]:
        return [(plot, target) for plot in self.chart.plots for target in self.chart.targets(plot)]

    def _centre(self, plot: Plot, target) -> QPointF:
        return plot.vb.mapViewToScene(target.rect.center())

    def _resolve(self) -> None:
        """After a redraw: the target in the place the keys were on (or the nearest in the same plot)."""
        if self.current is not None or self.remembered is None:
            return
        number, point = self.remembered
        if number >= len(self.chart.plots):
            return
        plot = self.chart.plots[number]
        found = [(plot, t) for t in self.chart.targets(plot)]
        if found:
            self.current = min(found, key=lambda pt: (pt[1].rect.center() - point).manhattanLength())

    def targets_changed(self) -> None:
        """The chart was redrawn: remember where the keys were, and show them there again if the chart has focus."""
        if self.current is not None:
            plot, target = self.current
            self.remembered = (self.chart.plots.index(plot), target.rect.center())
        self.current = None
        for item in self.outlines:
            item.hide()
        if self.remembered is not None and self.chart.hasFocus():
            QTimer.singleShot(0, self.chart, self.show)

    def forget(self) -> None:
        """The mouse took over (a click): no outline, and the keys start again from the first target."""
        self.current = self.remembered = None
        self.hide()

    def first(self) -> None:
        targets = self._all()
        if targets:
            self.current = min(targets, key=lambda pt: (round(self._centre(*pt).y()), self._centre(*pt).x()))
        self.show()

    def move(self, dx: int, dy: int) -> None:
        """One step in a direction: the nearest target whose centre lies that way (the first one if none is chosen)."""
        self._resolve()
        if self.current is None:
            self.first()
            return
        here = self._centre(*self.current)
        best, best_score = None, None
        for plot, target in self._all():
            offset = self._centre(plot, target) - here
            along = offset.x() * dx + offset.y() * dy
            if along <= 0.5:
                continue
            score = along + ACROSS_WEIGHT * abs(offset.x() * dy + offset.y() * dx)
            if best_score is None or score < best_score:
                best, best_score = (plot, target), score
        if best is not None:
            self.current = best
        self.show()

    def show(self) -> None:
        """The outline round the target the keys are on, and its tooltip beside it."""
        self._resolve()
        if self.current is None or self.chart.showing_message:
            self.hide()
            return
        plot, target = self.current
        for item in self.outlines:
            if item.parentItem() is not plot.vb.childGroup:
                if item.scene() is not None:
                    item.scene().removeItem(item)
                plot.vb.addItem(item, ignoreBounds=True)
            item.setRect(target.rect)
            item.show()
        view = self.chart.graphics
        corner = view.mapFromScene(plot.vb.mapViewToScene(target.rect.topRight()))
        self._scroll_to(view.mapFromScene(plot.vb.mapViewToScene(target.rect.center())))
        self.chart.show_tip(target, view.mapToGlobal(corner))

    def _scroll_to(self, point) -> None:
        """The chart area scrolled, if it must, so that the target is in sight (a tall chart on a short screen)."""
        area = self.chart.parentWidget()
        while area is not None and not isinstance(area, QScrollArea):
            area = area.parentWidget()
        if area is not None and area.widget() is not None:
            inside = self.chart.graphics.mapTo(area.widget(), point)
            area.ensureVisible(inside.x(), inside.y(), 40, 40)

    def hide(self) -> None:
        for item in self.outlines:
            item.hide()
        QToolTip.hideText()

    def activate(self) -> None:
        """Enter: what a click on the target does."""
        self._resolve()
        if self.current is None:
            return
        target = self.current[1]
        if target.narrow and self.chart.narrows_on_click:
            self.chart.on_target_clicked(target)
