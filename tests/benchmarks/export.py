"""Benchmark exports: a full seminar pack of the seed dataset, whole process and in process.

Run:  python tests/benchmarks/export.py [--runs 5]

The whole-process figure is `nspx export --scenario FILE --out DIR --pack`
from start to exit (offscreen); the in-process one is the pack alone, once
the window is drawn. Budget: a full seminar pack in under 5 s.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SCENARIO = {
    "schema": 1,
    "name": "Benchmark: peace pillar",
    "note": "",
    "filters": {"pillars": ["peace"], "areas": [], "frames": [], "partners": [], "authors": [], "years": []},
    "view": {"selection": {}, "search": "", "measure": "share"},
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as work:
        scenario = Path(work) / "scenario.json"
        scenario.write_text(json.dumps(SCENARIO), encoding="utf-8")
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
        whole = []
        for n in range(args.runs):
            started = time.perf_counter()
            subprocess.run([sys.executable, "-m", "nsp_explorer.cli", "export", "--scenario", str(scenario), "--out", str(Path(work) / f"p{n}"), "--pack"],
                           check=True, capture_output=True, env=env)
            whole.append(time.perf_counter() - started)

        from _window import drawn_window

        from nsp_explorer.core.scenario import Scenario
        from nsp_explorer.gui.export import seminar_pack

        _, window = drawn_window()
        window.apply_scenario(Scenario("Benchmark"))
        inside = []
        for n in range(args.runs):
            started = time.perf_counter()
            seminar_pack(window, Path(work) / f"q{n}", SCENARIO)
            inside.append(time.perf_counter() - started)
        files = len(list(next((Path(work) / "q0").iterdir()).iterdir()))  # inside the pack folder
    print(f"seminar pack (whole process, nspx export --pack): median {statistics.median(whole):.2f} s over {args.runs} runs")
    print(f"seminar pack alone (window drawn; {files} files): median {statistics.median(inside):.2f} s")


if __name__ == "__main__":
    main()
