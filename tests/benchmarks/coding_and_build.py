"""Benchmark: `nspx build` on the five documents, as a whole process.

Run:  python tests/benchmarks/coding_and_build.py [--runs 5]

Coding throughput on a large text is part of `nspx bench`.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    build_times = []
    for _ in range(args.runs):
        with tempfile.TemporaryDirectory() as out:
            started = time.perf_counter()
            subprocess.run([sys.executable, "-m", "nsp_explorer.cli", "build", "--out", out, "--quiet"], check=True, capture_output=True)
            build_times.append(time.perf_counter() - started)
    print(f"nspx build, 5 documents (whole process): median {statistics.median(build_times):.2f} s, "
          f"min {min(build_times):.2f} s, max {max(build_times):.2f} s over {args.runs} runs")


if __name__ == "__main__":
    main()
