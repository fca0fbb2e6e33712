"""Measure one dataset inside one process (run by ``nspx bench`` as a child, so peak memory is its own).

Prints one JSON object: the raw timings in milliseconds for load, filter
toggle to every view's data recomputed, filter toggle to every view redrawn
and painted (offscreen), search to every view redrawn, export of the attention
heatmap figure as a 1920-px PNG, and the process's peak resident memory.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

TOGGLES = (
    {"pillars": ["people", "prosperity"]},
    {},
    {"frames": ["challenge"]},
    {},
    {"partners": ["vietnam", "indonesia"], "years": [2019, 2020, 2021]},
    {},
)
PHRASES = ("trade", "smart city", "Rohingya", "people-to-people", "infrastructure investment")


def _ms(started: float) -> float:
    return (time.perf_counter() - started) * 1000


def every_view(coded, state) -> None:
    """The data every view draws: the same core functions the views call."""
    from ..core import aggregate, framing

    mask = state.mask(coded)
    framing.framing_mix(coded, state)
    aggregate.frame_matrix(coded, mask)
    aggregate.pillar_profile(coded, mask)
    aggregate.frame_mix(coded, mask)
    aggregate.publication_timeline(coded, mask)
    aggregate.years_mentioned(coded, mask)
    aggregate.partner_mentions(coded, mask)
    aggregate.cited_figures(coded, mask)
    aggregate.facet_counts(coded, state)
    aggregate.selected_rows(coded, mask)


def measure(folder: Path | None, toggles: int, runs: int) -> dict:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from ..core.filters import ExplorerState, FilterSpec
    from ..gui.app import load

    result: dict = {"load": []}
    coded = None
    for _ in range(runs):
        coded = None  # the previous copy goes first: peak memory is one dataset's
        started = time.perf_counter()
        coded = load(folder, with_library=False)
        result["load"].append(_ms(started))
    result["passages"] = len(coded)
    specs = [FilterSpec.from_dict(t) for t in TOGGLES]

    result["recompute"] = []
    for n in range(toggles):
        started = time.perf_counter()
        every_view(coded, ExplorerState(filters=specs[n % len(specs)]))
        result["recompute"].append(_ms(started))

    from PySide6.QtWidgets import QApplication

    from ..gui.app import dispose, settle
    from ..gui.export import figure_context
    from ..figures.export import write_views
    from ..gui.main_window import MainWindow

    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as scratch:
        window = MainWindow(coded, remember=False, scenario_folder=Path(scratch) / "scenarios")
        settle()  # as the app does once its window stands
        window.resize(1600, 1000)
        window.show()
        app.processEvents()
        result["redraw"] = []
        for n in range(toggles):
            started = time.perf_counter()
            window.state.set_filters(specs[n % len(specs)])
            app.processEvents()
            result["redraw"].append(_ms(started))
        window.state.reset()
        app.processEvents()
        result["search"] = []
        for n in range(runs):
            for phrase in PHRASES:
                coded.forget_searches()
                started = time.perf_counter()
                window.state.set_search(phrase)
                app.processEvents()
                result["search"].append(_ms(started))
                window.state.set_search("")
                app.processEvents()
        result["export"] = []
        for n in range(runs):
            started = time.perf_counter()
            write_views(figure_context(window), Path(scratch) / f"figure-{n}", ["png"], stems=["attention-heatmap"])
            result["export"].append(_ms(started))
        window.close()
        dispose(window)  # while Python still runs (gui/app.py says why)
    result["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dataset", help="dataset folder (default: the bundled dataset, without the user's library)")
    parser.add_argument("--toggles", type=int, default=60)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    print(json.dumps(measure(Path(args.dataset) if args.dataset else None, args.toggles, args.runs)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
