"""Two charts of the same rows side by side: the rows line up, and only the left chart names them.

The framing view and the attention chart both have the cooperation areas as
rows. Side by side in the window, the attention chart need not repeat the
area labels (they would take two fifths of its width): its rows are moved to
the framing view's height, and its labels come back whenever it stands alone
(one view at a time, or either chart showing a message). Exported figures are
drawn apart from the window (figures/) and always name their rows.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPoint, QTimer

from .base import ChartView, fit_label_width

def show_row_labels(chart: ChartView, on: bool) -> None:
    """The chart's row labels, or none (a chart beside it names the rows; the tooltips still do)."""
    axis = chart.plot.getAxis("left")
    if getattr(axis, "labels_beside", False) != (not on):
        axis.labels_beside = not on
        fit_label_width(axis)


class SharedRows:
    """Keeps ``right``'s rows level with ``left``'s while ``beside()`` says the two stand side by side."""

    def __init__(self, left: ChartView, right: ChartView, beside: Callable[[], bool]):
        self.left, self.right, self.beside = left, right, beside
        self.timer = QTimer(right)  # once the layout has settled
        self.timer.setSingleShot(True)
        self.timer.setInterval(0)
        self.timer.timeout.connect(self.line_up)
        for chart in (left, right):
            chart.resized.connect(self.timer.start)
            chart.state.changed.connect(self.timer.start)  # either may turn to a message, or back

    def follow(self) -> None:
        """Line the rows up again once the layout has settled (after a change of type size or of the views shown)."""
        self.timer.start()

    def active(self) -> bool:
        charts = (self.left, self.right)
        return self.beside() and all(c.isVisible() and not c.showing_message for c in charts)

    def line_up(self) -> None:
        charts = (self.left, self.right)
        on = self.active()
        show_row_labels(self.right, not on)
        axes = [c.plot.getAxis("bottom") for c in charts]
        for axis in axes:
            axis.floor = 0
            axis.fit()
        if not on:
            for chart in charts:
                chart.plot.grid.setContentsMargins(1, 1, 1, 1)
            return
        tallest = max(axis.height() for axis in axes)  # the same height under both: their rows end level
        for axis in axes:
            axis.floor = tallest
            axis.fit()
        window = self.left.window()
        tops = [c.graphics.mapTo(window, QPoint(0, 0)).y() for c in charts]
        bottoms = [top + c.graphics.height() for top, c in zip(tops, charts)]
        for chart, top, bottom in zip(charts, tops, bottoms):  # and start and end level: the rows take the span both have
            chart.plot.grid.setContentsMargins(1, 1 + max(tops) - top, 1, 1 + bottom - min(bottoms))
