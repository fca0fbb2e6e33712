"""Benchmark the explorer: cold start against a bare window, and filter toggle to redraw.

Run:  python tests/benchmarks/explorer.py [--runs 7] [--toggles 200]

Cold start is timed from outside, as whole processes started the same way:
`nsp-explorer --startup-probe` (opens the window, waits until every view has
painted once, exits) against tests/benchmarks/bare_window.py. Toggle to redraw
is timed inside one process: set a filter, then let Qt process and paint every
view. Both run offscreen. Medians, with p95 for toggles.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def wall_time(command: list[str]) -> float:
    started = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    return (time.perf_counter() - started) * 1000


def cold_start(runs: int) -> tuple[float, float]:
    app = [sys.executable, "-m", "nsp_explorer.gui.app", "--startup-probe"]
    bare = [sys.executable, str(HERE / "bare_window.py")]
    wall_time(app), wall_time(bare)  # warm the file cache once; then alternate
    apps, bares = [], []
    for _ in range(runs):
        apps.append(wall_time(app))
        bares.append(wall_time(bare))
    return statistics.median(apps), statistics.median(bares)


def toggles(count: int) -> tuple[float, float]:
    from _window import drawn_window

    from nsp_explorer.core.filters import FilterSpec

    app, window = drawn_window()
    specs = [FilterSpec(pillars={"people", "prosperity"}), FilterSpec(), FilterSpec(frames={"challenge"}), FilterSpec()]
    times = []
    for n in range(count):
        started = time.perf_counter()
        window.state.set_filters(specs[n % len(specs)])
        app.processEvents()
        times.append((time.perf_counter() - started) * 1000)
    window.close()
    return statistics.median(times), sorted(times)[int(0.95 * len(times))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--toggles", type=int, default=200)
    args = parser.parse_args()
    app_ms, bare_ms = cold_start(args.runs)
    median, p95 = toggles(args.toggles)
    print(f"cold start to first painted window (whole process, median of {args.runs}): app {app_ms:.0f} ms, "
          f"bare PySide6+pyqtgraph+pandas window {bare_ms:.0f} ms, ratio {app_ms / bare_ms:.2f}")
    print(f"filter toggle to every view redrawn and painted ({args.toggles} toggles): median {median:.1f} ms, p95 {p95:.1f} ms")


if __name__ == "__main__":
    main()
