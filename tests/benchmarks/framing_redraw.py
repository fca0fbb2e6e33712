"""Benchmark the Framing view at scale: framing_mix, and a filter toggle until the view (and, beside it, the attention chart) is redrawn.

Run:  python tests/benchmarks/framing_redraw.py DATASET_FOLDER [--toggles 30]

DATASET_FOLDER is any dataset, e.g. the 1 M synthetic one ``nspx bench`` keeps in
the user cache folder (``bench/synthetic-1000000-seed2026-sentences``). Loads it
(from its binary cache once built), then toggles the same filters as ``nspx
bench``. Prints medians in milliseconds and the process's peak memory.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dataset")
    parser.add_argument("--toggles", type=int, default=30)
    args = parser.parse_args()

    from nsp_explorer.bench.measure import TOGGLES
    from nsp_explorer.core.cache import load_coded
    from nsp_explorer.core.filters import ExplorerState, FilterSpec
    from nsp_explorer.core.framing import framing_mix
    from nsp_explorer.core.taxonomy import load_taxonomy
    from nsp_explorer.paths import data_dir

    taxonomy = load_taxonomy(data_dir() / "taxonomy.json")
    started = time.perf_counter()
    coded = load_coded(Path(args.dataset), taxonomy)
    print(f"load: {(time.perf_counter() - started) * 1000:.0f} ms; {len(coded):,} passages, {len(coded.sentences):,} sentences on an area")
    specs = [FilterSpec.from_dict(t) for t in TOGGLES]
    times = []
    for n in range(args.toggles):
        state = ExplorerState(filters=specs[n % len(specs)])
        started = time.perf_counter()
        framing_mix(coded, state)
        times.append((time.perf_counter() - started) * 1000)
    print(f"framing_mix: median {statistics.median(times):.2f} ms, max {max(times):.2f} ms")

    from PySide6.QtWidgets import QApplication

    from nsp_explorer.gui.charts.framing_matrix import FramingMatrix
    from nsp_explorer.gui.charts.framing_view import FramingView
    from nsp_explorer.gui.state import FilterState

    app = QApplication.instance() or QApplication([])
    for view_class in (FramingView, FramingMatrix):
        state = FilterState()
        view = view_class(coded, state)
        view.resize(700, 420)
        view.show()
        app.processEvents()
        times = []
        for n in range(args.toggles):
            started = time.perf_counter()
            state.set_filters(specs[n % len(specs)])
            app.processEvents()
            view.graphics.viewport().repaint()  # painted now, not when the event loop gets to it
            times.append((time.perf_counter() - started) * 1000)
        print(f"{view.title}: toggle → redrawn and painted, median {statistics.median(times):.1f} ms")
        view.close()
    print(f"peak memory: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


if __name__ == "__main__":
    main()
