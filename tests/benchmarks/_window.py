"""The drawn explorer window the benchmarks measure (offscreen, 1600×1000)."""

from __future__ import annotations

import os


def drawn_window():
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from nsp_explorer.gui.app import load
    from nsp_explorer.gui.main_window import MainWindow

    app = QApplication.instance() or QApplication([])
    window = MainWindow(load(None), remember=False)
    window.resize(1600, 1000)
    window.show()
    app.processEvents()
    return app, window
