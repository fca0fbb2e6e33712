"""``nspx bench [--json] [--sizes 1000,100000,1000000]``: measure, then print a table (or JSON).

Each dataset is measured in a child process of its own (``bench.measure``), so
its peak memory is its own and no dataset warms another's caches. Synthetic
datasets are generated once (seeded) and kept under the user cache folder;
the first load of each builds its binary cache, in a separate child, before
anything is timed. Cold start and coding throughput are measured for the
seed dataset only. Figures are medians, with the 95th percentile where a step
is repeated many times.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SEED = 2026


def summary(values: list[float]) -> dict[str, float]:
    ordered = sorted(values)
    return {"median": statistics.median(ordered), "p95": ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))], "runs": len(ordered)}


def _env(home: Path) -> dict[str, str]:
    """Offscreen, with empty user folders: the user's own library and settings never enter a measurement."""
    return {**os.environ, "QT_QPA_PLATFORM": "offscreen", "NSP_EXPLORER_DATA_DIR": str(home / "data"), "NSP_EXPLORER_CONFIG_DIR": str(home / "config")}


def synthetic_dataset(passages: int, where: Path) -> Path:
    """The seeded synthetic dataset of this size, generated on first use."""
    from ..core.dataset import load_dataset
    from ..core.taxonomy import load_taxonomy
    from ..paths import data_dir, dataset_dir
    from ..pipeline.synthetic import write_synthetic

    folder = where / f"synthetic-{passages}-seed{SEED}-sentences"  # codes per sentence: older synthetic folders are not reused
    if not (folder / "passages.csv").is_file():
        taxonomy = load_taxonomy(data_dir() / "taxonomy.json")
        started = time.perf_counter()
        write_synthetic(load_dataset(dataset_dir(), taxonomy), passages, SEED, folder)
        print(f"generated {folder} in {time.perf_counter() - started:.0f} s", file=sys.stderr)
    return folder


def _child(arguments: list[str], env: dict[str, str]) -> str:
    done = subprocess.run([sys.executable, "-m", *arguments], capture_output=True, text=True, env=env)
    if done.returncode != 0:
        raise SystemExit(f"nspx bench: {' '.join(arguments)} failed:\n{done.stderr.strip()}")
    return done.stdout


def measure_dataset(folder: Path | None, toggles: int, runs: int, env: dict[str, str]) -> dict:
    dataset = ["--dataset", str(folder)] if folder else []
    started = time.perf_counter()
    _child(["nsp_explorer.bench.prepare", *dataset], env)  # builds the binary cache if there is none
    prepared = (time.perf_counter() - started) * 1000
    raw = json.loads(_child(["nsp_explorer.bench.measure", *dataset, "--toggles", str(toggles), "--runs", str(runs)], env))
    out = {"passages": raw["passages"], "prepare_ms": prepared, "peak_mb": raw["peak_mb"]}
    for step in ("load", "recompute", "redraw", "search", "export"):
        out[step] = summary(raw[step])
    return out


def cold_start(runs: int, env: dict[str, str]) -> dict:
    """The app's startup probe against a bare PySide6 + pyqtgraph + pandas window, alternating, as whole processes.

    The app is timed as installed: with its modules byte-compiled, as pip does
    for the libraries (an editable checkout run with PYTHONDONTWRITEBYTECODE
    would otherwise compile every module of the app at every start).
    """
    import compileall

    compileall.compile_dir(Path(__file__).resolve().parents[1], quiet=2)  # an installed copy is compiled already
    app = [sys.executable, "-m", "nsp_explorer.gui.app", "--startup-probe"]
    bare = [sys.executable, "-m", "nsp_explorer.bench.bare_window"]

    def wall(command: list[str]) -> float:
        started = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True, env=env)
        return (time.perf_counter() - started) * 1000

    wall(app), wall(bare)  # warm the file cache once
    apps, bares = [], []
    for _ in range(runs):
        apps.append(wall(app))
        bares.append(wall(bare))
    a, b = summary(apps), summary(bares)
    return {"app": a, "bare": b, "ratio": a["median"] / b["median"]}


def coding_throughput(runs: int, megabytes: float = 20.0) -> dict:
    """Lexicon coding of text drawn (seeded) from the real passages, as ``nspx build`` codes it: MB of UTF-8 per second.

    ``median`` is the build's own path (every core for a corpus this large);
    ``one_core`` is the same text coded one passage after another.
    """
    import random

    from ..core.dataset import load_dataset
    from ..core.taxonomy import load_taxonomy
    from ..paths import data_dir
    from ..pipeline.code import lexicon_codes, lexicon_codes_of_all
    from ..pipeline.codebook import load_codebook

    taxonomy = load_taxonomy(data_dir() / "taxonomy.json")
    codebook = load_codebook(data_dir() / "codebook.toml", taxonomy)
    texts = load_dataset(data_dir() / "dataset", taxonomy).passages["text"].tolist()
    rng, corpus, size = random.Random(SEED), [], 0
    while size < megabytes * 1e6:
        corpus.append(rng.choice(texts))
        size += len(corpus[-1].encode("utf-8"))
    both, one = [], []
    for _ in range(runs):
        started = time.perf_counter()
        lexicon_codes_of_all(corpus, codebook)
        both.append(size / 1e6 / (time.perf_counter() - started))
        started = time.perf_counter()
        for text in corpus:
            lexicon_codes(text, codebook)
        one.append(size / 1e6 / (time.perf_counter() - started))
    return {"megabytes": size / 1e6, "cores": os.cpu_count(), **summary(both), "one_core": summary(one)}


def sentence_model_throughput(runs: int, sentences: int = 300) -> dict:
    """The sentence model (the build's second coding stage) on sentences drawn (seeded) from the real passages,
    with nothing remembered from earlier runs: sentences and kB of UTF-8 per second."""
    import random

    from ..core.dataset import load_dataset
    from ..core.taxonomy import load_taxonomy
    from ..paths import data_dir
    from ..pipeline.frame_model import FrameModel
    from ..pipeline.sentences import sentence_texts

    taxonomy = load_taxonomy(data_dir() / "taxonomy.json")
    texts = load_dataset(data_dir() / "dataset", taxonomy).passages["text"].tolist()
    pool = [sentence for text in texts for sentence in sentence_texts(text)]
    chosen = random.Random(SEED).choices(pool, k=sentences)
    size = sum(len(s.encode("utf-8")) for s in chosen)
    rates = []
    for run_number in range(runs):
        model = FrameModel(data_dir() / "models")  # fresh: no memory, no store
        batch = [f"{s} ({run_number}.{i})" for i, s in enumerate(chosen)]  # every sentence new to it
        started = time.perf_counter()
        model.probabilities(batch)
        rates.append(len(batch) / (time.perf_counter() - started))
    return {"sentences": sentences, "kilobytes": size / 1e3, **summary(rates), "kb_per_s": summary([r * size / 1e3 / sentences for r in rates])}


def run(sizes: list[int], runs: int, toggles: int, where: Path) -> dict:
    results: dict = {"machine": f"{os.cpu_count()} cores, Python {sys.version.split()[0]}", "sizes": {}}
    with tempfile.TemporaryDirectory() as home:
        env = _env(Path(home))
        results["sizes"]["seed"] = measure_dataset(None, toggles, runs, env)
        for n in sizes:
            results["sizes"][str(n)] = measure_dataset(synthetic_dataset(n, where), toggles, runs, env)
        results["cold_start"] = cold_start(max(runs, 5), env)
    results["coding"] = coding_throughput(max(3, runs // 2))
    results["sentence_model"] = sentence_model_throughput(max(3, runs // 2))
    return results


def _size_label(key: str) -> str:
    if key == "seed":
        return "seed"
    n = int(key)
    return f"{n // 1_000_000}M" if n >= 1_000_000 and n % 1_000_000 == 0 else f"{n // 1000}k" if n % 1000 == 0 else str(n)


def table(results: dict) -> str:
    keys = list(results["sizes"])
    rows = [("passages", [f"{results['sizes'][k]['passages']:,}" for k in keys])]
    names = {
        "load": "load (ms)",
        "recompute": "toggle → every view's data (ms)",
        "redraw": "toggle → every view redrawn (ms)",
        "search": "search → every view redrawn (ms)",
        "export": "export of a figure, PNG (ms)",
    }
    for step, name in names.items():
        rows.append((name, [f"{results['sizes'][k][step]['median']:.1f} / {results['sizes'][k][step]['p95']:.1f}" for k in keys]))
    rows.append(("peak memory (MB)", [f"{results['sizes'][k]['peak_mb']:.0f}" for k in keys]))
    rows.append(("first load, building the cache (ms)", [f"{results['sizes'][k]['prepare_ms']:.0f}" for k in keys]))
    width = max(len(r[0]) for r in rows)
    columns = [max(len(_size_label(k)), *(len(r[1][i]) for r in rows)) for i, k in enumerate(keys)]
    lines = [f"{'median / p95':<{width}}  " + "  ".join(f"{_size_label(k):>{c}}" for k, c in zip(keys, columns))]
    lines += [f"{name:<{width}}  " + "  ".join(f"{v:>{c}}" for v, c in zip(values, columns)) for name, values in rows]
    cold = results["cold_start"]
    lines.append(
        f"cold start, seed dataset (whole process, median of {cold['app']['runs']}): app {cold['app']['median']:.0f} ms, "
        f"bare PySide6 + pyqtgraph + pandas window {cold['bare']['median']:.0f} ms, ratio {cold['ratio']:.2f}"
    )
    coding = results["coding"]
    lines.append(
        f"nspx build coding throughput ({coding['megabytes']:.0f} MB of text): median {coding['median']:.2f} MB/s on {coding['cores']} cores, "
        f"{coding['one_core']['median']:.2f} MB/s on one, over {coding['runs']} runs"
    )
    model = results["sentence_model"]
    lines.append(
        f"then the sentence model ({model['sentences']} sentences, nothing remembered): median {model['median']:.0f} sentences/s, "
        f"{model['kb_per_s']['median']:.0f} kB/s, over {model['runs']} runs (a sentence it has read before is read back from its store)"
    )
    lines.append(f"({results['machine']})")
    return "\n".join(lines)


def main(sizes: list[int], as_json: bool, runs: int, toggles: int, where: Path) -> int:
    results = run(sizes, runs, toggles, where)
    print(json.dumps(results, indent=1) if as_json else table(results))
    return 0
