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
    dataset = build_dataset(source, progress=None if args.quiet else lambda step, _: print(f"  {step}", file=sys.stderr))
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
    export = commands.add_parser("export", help="render a scenario's views to PNG / SVG / PDF without a window")
    export.add_argument("--scenario", metavar="FILE", required=True, help="a scenario JSON file")
    export.add_argument("--out", metavar="DIR", required=True, help="folder for the images (created if needed)")
    export.add_argument("--format", default="png,svg,pdf", help="comma-separated: png, svg, pdf (default: all three)")
    export.add_argument("--width", type=int, metavar="N", help="PNG width in pixels (default: twice the view, for slides)")
    export.add_argument("--pack", action="store_true", help="write a whole seminar pack folder (PNG + SVG, passages, scenario, README)")
    export.add_argument("--dataset", metavar="DIR", help="dataset folder (default: the bundled dataset)")
    export.set_defaults(run=_export)
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
