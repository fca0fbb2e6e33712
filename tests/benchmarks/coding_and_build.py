"""Benchmark: `nspx build` on the five documents, and coding throughput on a large text.

Run:  python tests/benchmarks/coding_and_build.py [--runs 5] [--megabytes 20]

The large text is synthetic and seeded: paragraphs drawn at random from the
built passages, so its code density is the real corpus's. Prints medians.
"""

from __future__ import annotations

import argparse
import random
import statistics
import subprocess
import sys
import tempfile
import time

from nsp_explorer.core.dataset import load_dataset
from nsp_explorer.core.taxonomy import load_taxonomy
from nsp_explorer.paths import data_dir
from nsp_explorer.pipeline.codebook import load_codebook
from nsp_explorer.pipeline.code import lexicon_codes


def synthetic_corpus(texts: list[str], megabytes: float, seed: int = 2026) -> list[str]:
    rng = random.Random(seed)
    out, size = [], 0
    while size < megabytes * 1e6:
        text = rng.choice(texts)
        out.append(text)
        size += len(text.encode("utf-8"))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--megabytes", type=float, default=20.0)
    args = parser.parse_args()

    build_times = []
    for _ in range(args.runs):
        with tempfile.TemporaryDirectory() as out:
            started = time.perf_counter()
            subprocess.run([sys.executable, "-m", "nsp_explorer.cli", "build", "--out", out, "--quiet"], check=True, capture_output=True)
            build_times.append(time.perf_counter() - started)

    data = data_dir()
    taxonomy = load_taxonomy(data / "taxonomy.json")
    codebook = load_codebook(data / "codebook.toml", taxonomy)
    texts = load_dataset(data / "dataset", taxonomy).passages["text"].tolist()
    corpus = synthetic_corpus(texts, args.megabytes)
    megabytes = sum(len(t.encode("utf-8")) for t in corpus) / 1e6
    rates = []
    for _ in range(args.runs):
        started = time.perf_counter()
        for text in corpus:
            lexicon_codes(text, codebook)
        rates.append(megabytes / (time.perf_counter() - started))

    print(f"nspx build, 5 documents (whole process): median {statistics.median(build_times):.2f} s, "
          f"min {min(build_times):.2f} s, max {max(build_times):.2f} s over {args.runs} runs")
    print(f"coding throughput, {megabytes:.1f} MB synthetic text, one core: median {statistics.median(rates):.2f} MB/s, "
          f"min {min(rates):.2f}, max {max(rates):.2f} over {args.runs} runs")


if __name__ == "__main__":
    main()
