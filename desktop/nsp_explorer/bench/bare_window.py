"""The cold-start baseline: a bare PySide6 + pyqtgraph + pandas window with two small plots.

It imports the same libraries as the app, shows a window, waits until it has
painted once and exits, so `explorer.py` can time both processes the same way.
"""

from __future__ import annotations

import sys

import numpy as np
import pandas as pd
import pyqtgraph as pg
from PySide6.QtWidgets import QApplication, QHBoxLayout, QMainWindow, QWidget


def main() -> int:
    app = QApplication(sys.argv[:1])
    frame = pd.DataFrame({"x": np.arange(10), "y": np.arange(10) ** 2})
    window = QMainWindow()
    body = QWidget()
    row = QHBoxLayout(body)
    line = pg.PlotWidget()
    line.plot(frame["x"].to_numpy(), frame["y"].to_numpy())
    bars = pg.PlotWidget()
    bars.addItem(pg.BarGraphItem(x=frame["x"].to_numpy(), height=frame["y"].to_numpy(), width=0.6))
    row.addWidget(line)
    row.addWidget(bars)
    window.setCentralWidget(body)
    window.resize(1600, 1000)
    window.show()
    while not (window.windowHandle() and window.windowHandle().isExposed()):
        app.processEvents()
    line.viewport().repaint()
    bars.viewport().repaint()
    app.processEvents()
    return 0


if __name__ == "__main__":
    sys.exit(main())
