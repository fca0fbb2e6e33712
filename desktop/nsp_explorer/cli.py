"""The command line: ``nspx build | eval``."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from . import __version__
from .core.errors import DataFileError
from .paths import data_dir

REPO_GOLD = Path(__file__).resolve().parents[2] / "tests" / "gold" / "sentences.csv"


def _build(args: argparse.Namespace) -> int:
    from .pipeline.build import build_dataset, write_dataset

    source = Path(args.data) if args.data else data_dir()
    out = Path(args.out) if args.out else source / "dataset"
    started = time.perf_counter()
    shown: list[str] = []

    def say(step: str, _: float) -> None:  # each step once, however often it reports its progress
        if not shown or shown[-1] != step:
            shown.append(step)
            print(f"  {step}", file=sys.stderr)

    dataset = build_dataset(source, progress=None if args.quiet else say)
    write_dataset(dataset, out)
    elapsed = time.perf_counter() - started
    counts = ", ".join(f"{dataset.count(name)} {name[:-4]}" for name in dataset.tables)
    print(f"built {out} in {elapsed:.2f} s: {counts}")
    return 0


def _eval(args: argparse.Namespace) -> int:
    from .core.taxonomy import load_taxonomy
    from .pipeline.codebook import load_codebook
    from .pipeline.evaluate import evaluate, format_report, load_gold

    source = Path(args.data) if args.data else data_dir()
    taxonomy = load_taxonomy(source / "taxonomy.json")
    codebook = load_codebook(source / "codebook.toml", taxonomy)
    gold_path = Path(args.gold) if args.gold else REPO_GOLD
    if not gold_path.exists():
        raise DataFileError(gold_path, "is missing (give a hand-coded sample with --gold FILE)")
    gold = load_gold(gold_path, taxonomy)
    print(format_report(evaluate(gold, codebook, taxonomy), len(gold), detail=args.detail))
    return 0


def _export(args: argparse.Namespace) -> int:
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from .core.scenario import _known_values, read_scenario_file
    from .gui.app import load
    from .gui.export import FORMATS, export_views, seminar_pack
    from .gui.main_window import MainWindow

    formats = [f.strip().lower() for f in args.format.split(",") if f.strip()]
    unknown = [f for f in formats if f not in FORMATS]
    if unknown or not formats:
        raise SystemExit(f"nspx export: error: --format takes {', '.join(FORMATS)} (comma-separated), not {args.format!r}")
    app = QApplication.instance() or QApplication([])
    coded = load(Path(args.dataset) if args.dataset else None)
    loaded = read_scenario_file(Path(args.scenario), _known_values(coded.taxonomy, coded.authors, coded.years))
    for ignored in loaded.ignored:
        print(f"nspx: warning: {args.scenario}: ignored unknown ID {ignored}", file=sys.stderr)
    window = MainWindow(coded, remember=False)
    window.resize(1600, 1000)
    window.show()
    app.processEvents()
    window.apply_scenario(loaded.scenario)
    app.processEvents()
    started = time.perf_counter()
    out = Path(args.out)
    if args.pack:
        target = seminar_pack(window, out, loaded.scenario.to_json())
        written = sorted(p for p in target.iterdir())
    else:
        written = export_views(window, out, formats, args.width)
    window.close()
    print(f"wrote {len(written)} files to {out} in {time.perf_counter() - started:.2f} s")
    return 0


def _library(args: argparse.Namespace):
    from .pipeline.library import Library, library_dir

    return Library(Path(args.library) if args.library else library_dir())


def _import(args: argparse.Namespace) -> int:
    import csv as _csv

    library = _library(args)
    bundled = {row["doc_id"] for row in _csv.DictReader((data_dir() / "corpus" / "metadata.csv").open(encoding="utf-8"))}
    given = {k: v for k, v in (("author", args.author), ("title", args.title), ("outlet", args.outlet), ("date", args.date), ("url", args.url)) if v}
    failed = 0
    for path in args.paths:
        try:
            doc_id = library.import_file(Path(path), data_dir(), bundled, **given)
        except DataFileError as error:
            print(f"nspx: error: {error}", file=sys.stderr)
            failed += 1
            continue
        passages = sum(1 for row in (library.folder / "dataset" / "passages.csv").read_text(encoding="utf-8").splitlines() if row.startswith(f"{doc_id}:"))
        print(f"imported {path} as {doc_id}: {passages} passages")
    return 2 if failed else 0


def _list_library(args: argparse.Namespace) -> int:
    rows = _library(args).documents()
    for row in rows:
        print(f"{row['doc_id']}\t{row['author']}\t{row['published']}\t{row['title']}\t(from {row['imported_from']})")
    print(f"{len(rows)} documents in {_library(args).folder}")
    return 0


def _remove(args: argparse.Namespace) -> int:
    _library(args).remove(args.doc_id, data_dir())
    print(f"removed {args.doc_id}")
    return 0


def _combined(args: argparse.Namespace) -> int:
    from .pipeline.build import write_dataset
    from .pipeline.library import combined

    library = _library(args)
    dataset = combined(library.bundled(data_dir()), library.build(data_dir()))
    write_dataset(dataset, Path(args.out))
    print(f"wrote {args.out}: {dataset.count('documents.csv')} documents ({len(library.documents())} from the library), {dataset.count('passages.csv')} passages")
    return 0


def _sizes(text: str) -> list[int]:
    try:
        sizes = [int(part.replace("_", "")) for part in text.split(",") if part.strip()]
    except ValueError:
        raise argparse.ArgumentTypeError(f"give passage counts separated by commas, e.g. 1000,100000 (not {text!r})") from None
    if any(n < 1 for n in sizes):
        raise argparse.ArgumentTypeError("passage counts must be positive")
    return sizes


def _png_width(text: str) -> int:
    from .core.report import png_width_problem

    try:
        width = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"give the width in pixels, e.g. 3200 (not {text!r})") from None
    problem = png_width_problem(width)
    if problem:
        raise argparse.ArgumentTypeError(problem)
    return width


def _bench(args: argparse.Namespace) -> int:
    from .bench.run import main as bench
    from .paths import user_cache_dir

    return bench(args.sizes, args.json, args.runs, args.toggles, Path(args.work) if args.work else user_cache_dir() / "bench")


def _synth(args: argparse.Namespace) -> int:
    from .core.dataset import load_dataset
    from .core.taxonomy import load_taxonomy
    from .paths import dataset_dir
    from .pipeline.synthetic import write_synthetic

    taxonomy = load_taxonomy(data_dir() / "taxonomy.json")
    started = time.perf_counter()
    counts = write_synthetic(load_dataset(dataset_dir(), taxonomy), args.passages, args.seed, Path(args.out), args.authors)
    shown = ", ".join(f"{n:,} {name[:-4]}" for name, n in counts.items())
    print(f"wrote {args.out} in {time.perf_counter() - started:.1f} s: {shown}")
    return 0


def parser() -> argparse.ArgumentParser:
    main = argparse.ArgumentParser(prog="nspx", description="NSP Explorer on the command line.")
    main.add_argument("--version", action="version", version=f"nspx {__version__}")
    commands = main.add_subparsers(dest="command", required=True)

    build = commands.add_parser("build", help="clean, segment, code and extract facts; write the dataset CSVs")
    build.add_argument("--data", metavar="DIR", help="data folder with corpus/, codebook.toml, review.csv (default: the bundled one)")
    build.add_argument("--out", metavar="DIR", help="where to write the four CSVs (default: DATA/dataset)")
    build.add_argument("--quiet", action="store_true", help="print only the summary line")
    build.set_defaults(run=_build)

    evaluate = commands.add_parser("eval", help="precision / recall / F1 of the coder against a hand-coded sample")
    evaluate.add_argument("--gold", metavar="FILE", help="hand-coded sentences CSV (default: tests/gold/sentences.csv)")
    evaluate.add_argument("--data", metavar="DIR", help="data folder holding codebook.toml (default: the bundled one)")
    evaluate.add_argument("--detail", action="store_true", help="also list every code's scores")
    evaluate.set_defaults(run=_eval)
    imports = commands.add_parser("import", help="import your own documents (.txt .md .html .pdf .docx) into the library")
    imports.add_argument("paths", nargs="+", metavar="PATH")
    for name in ("author", "title", "outlet", "date", "url"):
        imports.add_argument(f"--{name}", help=f"the document's {name} (default: what the file says)")
    imports.set_defaults(run=_import)
    listing = commands.add_parser("library", help="list the documents in your library")
    listing.set_defaults(run=_list_library)
    remove = commands.add_parser("remove", help="remove a document from your library")
    remove.add_argument("doc_id")
    remove.set_defaults(run=_remove)
    dataset = commands.add_parser("dataset", help="write the bundled corpus and your library as one dataset")
    dataset.add_argument("--out", metavar="DIR", required=True)
    dataset.set_defaults(run=_combined)
    for command in (imports, listing, remove, dataset):
        command.add_argument("--library", metavar="DIR", help="library folder (default: in your user data folder)")

    export = commands.add_parser("export", help="render a scenario's views to PNG / SVG / PDF without a window")
    export.add_argument("--scenario", metavar="FILE", required=True, help="a scenario JSON file")
    export.add_argument("--out", metavar="DIR", required=True, help="folder for the images (created if needed)")
    export.add_argument("--format", default="png,svg,pdf", help="comma-separated: png, svg, pdf (default: all three)")
    export.add_argument("--width", type=_png_width, metavar="N", help="PNG width in pixels, 16 to 8000 (default: twice the view, for slides)")
    export.add_argument("--pack", action="store_true", help="write a whole seminar pack folder (PNG + SVG, passages, scenario, README)")
    export.add_argument("--dataset", metavar="DIR", help="dataset folder (default: the bundled dataset)")
    export.set_defaults(run=_export)

    bench = commands.add_parser("bench", help="measure load, filter, redraw, search, export, cold start and memory at several sizes")
    bench.add_argument("--sizes", type=_sizes, default=[1000, 100_000, 1_000_000], metavar="N,N,…",
                       help="synthetic dataset sizes in passages, besides the seed dataset (default: 1000,100000,1000000)")
    bench.add_argument("--json", action="store_true", help="print the figures as JSON instead of a table")
    bench.add_argument("--runs", type=int, default=5, help="repeats of load, search and export (default: 5)")
    bench.add_argument("--toggles", type=int, default=60, help="filter toggles timed per dataset (default: 60)")
    bench.add_argument("--work", metavar="DIR", help="where synthetic datasets are kept (default: the user cache folder)")
    bench.set_defaults(run=_bench)

    synth = commands.add_parser("synth", help="write a seeded synthetic dataset of N passages, sampled from the real one")
    synth.add_argument("--passages", type=int, required=True, metavar="N")
    synth.add_argument("--seed", type=int, default=2026)
    synth.add_argument("--authors", type=int, default=12, metavar="N", help="at most this many authors (default: 12)")
    synth.add_argument("--out", metavar="DIR", required=True)
    synth.set_defaults(run=_synth)
    return main


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return args.run(args)
    except DataFileError as error:
        print(f"nspx: error: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("nspx: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
