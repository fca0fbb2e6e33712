"""Toggle filters thousands of times with every view redrawing, then exit cleanly.

Run by tests/test_soak.py in a subprocess: a PySide6 build that drops
references on void calls (6.12.0 on Python 3.11) aborts the interpreter long
before the end, which fails the test instead of a seminar.
usage: python tests/soak_toggles.py [TOGGLES]
"""

from __future__ import annotations

import os
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from nsp_explorer.core.filters import FilterSpec  # noqa: E402
from nsp_explorer.gui.app import load  # noqa: E402
from nsp_explorer.gui.main_window import MainWindow  # noqa: E402


def main(toggles: int) -> int:
    app = QApplication([])
    window = MainWindow(load(None), remember=False)
    window.resize(1600, 1000)
    window.show()
    app.processEvents()
    # Each step changes what every chart shows: pillars, frames, authors, a click-selection, a search.
    steps = [
        lambda: window.state.set_filters(FilterSpec(pillars={"people", "prosperity"})),
        lambda: window.state.set_filters(FilterSpec(frames={"challenge"}, years={2019, 2021})),
        lambda: window.state.narrow(authors={"Lee Jaehyon"}, areas={"korean_peninsula"}),
        lambda: window.state.set_search("trade"),
        lambda: window.state.reset(),
    ]
    widgets_before = len(window.findChildren(QWidget))
    times = []
    for n in range(toggles):
        started = time.perf_counter()
        steps[n % len(steps)]()
        app.processEvents()
        times.append(time.perf_counter() - started)
    drawn = all(not chart.showing_message for chart in window.charts if chart is not window.framing or len(window.coded.sentences))
    window.state.reset()
    app.processEvents()
    widgets_after = len(window.findChildren(QWidget))
    window.close()
    tenth = max(1, toggles // 10)
    first, last = 1000 * sum(times[:tenth]) / tenth, 1000 * sum(times[-tenth:]) / tenth
    print(
        f"{toggles} toggles, every view redrawn each time, {1000 * sum(times) / toggles:.1f} ms per toggle "
        f"(first tenth {first:.1f} ms, last tenth {last:.1f} ms), last state drawn: {drawn}, "
        f"widgets before {widgets_before}, after {widgets_after}"
    )
    return 0 if drawn else 1


if __name__ == "__main__":
    sys.exit(main(int(sys.argv[1]) if len(sys.argv) > 1 else 5000))
