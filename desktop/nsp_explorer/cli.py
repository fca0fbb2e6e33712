"""The command line: ``nspx build | eval | agree | …``."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from . import __version__
from .core.errors import BadValue, DataFileError
from .core.wording import counted
from .paths import data_dir



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
    from .pipeline.agreement_table import FIGURE_FILES, HELDOUT, coder_fingerprint, corpus_agreement, frame_shares, record_pages
    from .pipeline.build import code_corpus
    from .pipeline.evaluate import check_runs, evaluate, format_report, load_gold

    source = Path(args.data) if args.data else data_dir()
    if args.record and not args.gold:
        raise BadValue("--record needs the real pages' held-out sample: --gold FILE")
    if args.in_context and not args.gold:
        raise BadValue("--in-context needs a sample of runs of real pages: --gold FILE (the samples in DATA/gold are sentences read on their own)")
    if args.gold:
        samples = [Path(args.gold)]
        if not samples[0].exists():
            raise DataFileError(samples[0], "is missing (give a hand-coded sample with --gold FILE)")
    else:
        samples = [path for path in sorted((source / "gold").glob("*.csv")) if path.name not in FIGURE_FILES]
    coding = code_corpus(source)
    taxonomy, codebook = coding.taxonomy, coding.codebook
    reports = []
    if not args.gold:
        for level in ("sentence", "passage"):
            result = {d: (score, {}) for d, score in corpus_agreement(coding, level).items()}
            units = next(iter(result.values()))[0].units
            reports.append(format_report(result, f"Automatic coder against the reviewed corpus, {units} {level}s (data/review.csv)"))
        shares = ["Share of each author's passages carrying each frame (%): machine, reviewed, difference in points", ""]
        for author, frame, machine, reviewed in frame_shares(coding):
            shares.append(f"{author:<28}{frame:<16}{machine:>7.1f}{reviewed:>9.1f}{reviewed - machine:>+8.1f}")
        reports.append("\n".join(shares))
    in_context = args.record or args.in_context
    for path in samples:
        gold = load_gold(path, taxonomy)
        if in_context:
            check_runs(gold, path)
        kind = "held out" if path.name == HELDOUT.name else "development sample" if path.parent == source / "gold" else "hand-coded sample"
        result = evaluate(gold, codebook, taxonomy, coding.model, coding.context if in_context else None)
        read = "read in their documents" if in_context else "each read on its own"
        title = f"Automatic coder against {path.name} ({kind}), {len(gold):,} hand-coded sentence{'s' if len(gold) != 1 else ''}, {read}"
        reports.append(format_report(result, title, detail=args.detail))
        if args.record:
            written = record_pages(source, {d: score for d, (score, _) in result.items()}, coder_fingerprint(codebook, taxonomy, source))
            reports.append(f"recorded as the held-out real pages' figures in {written} (run nspx build to show them)")
    print("\n\n".join(reports))
    return 0


def _agree(args: argparse.Namespace) -> int:
    from .core.taxonomy import load_taxonomy
    from .pipeline.agreement_table import record_readers
    from .pipeline.evaluate import format_report, load_gold
    from .pipeline.readers import check_same_sentences, disagreements, format_disagreements, reader_agreement

    source = Path(args.data) if args.data else data_dir()
    taxonomy = load_taxonomy(source / "taxonomy.json")
    paths = [Path(args.first), Path(args.second)]
    for path in paths:
        if not path.exists():
            raise DataFileError(path, "is missing (give two hand codings of the same sentences)")
    first, second = (load_gold(path, taxonomy) for path in paths)
    check_same_sentences(first, second, *paths)
    result = reader_agreement(first, second, taxonomy)
    title = (
        f"{paths[1].name} (second reader) against {paths[0].name} (first reader), {len(first):,} sentence{'s' if len(first) != 1 else ''}\n"
        "precision: the share of the second reader's codes the first gave too; recall: the share of the first reader's codes the\n"
        "second found; alpha: agreement beyond chance, the same whichever comes first; support: the first reader's codes"
    )
    print(format_report(result, title, detail=args.detail))
    if args.disagreements:
        print("\n" + format_disagreements(disagreements(first, second), paths[0].name, paths[1].name))
    if args.record:
        written = record_readers(source, {d: score for d, (score, _) in result.items()})
        print(f"\nrecorded as the two readers' figures in {written} (run nspx build to show them)")
    return 0


def _review_from_gold(args: argparse.Namespace) -> int:
    from .pipeline.review_from_gold import write_review_from_gold

    source = Path(args.data) if args.data else data_dir()
    decisions, checked = write_review_from_gold(source, Path(args.gold))
    print(f"wrote {source / 'review.csv'}: {decisions} decisions; {source / 'checked.csv'}: {checked} passages checked in full. "
          "Run nspx build to apply them.")
    return 0


def _export(args: argparse.Namespace) -> int:
    """The scenario's views as figures, drawn from the data: no window, no Qt."""
    from .core.scenario import Loaded, Scenario, _known_values, read_scenario_file
    from .figures.context import FigureContext
    from .figures.export import file_names, files_in_the_way, seminar_pack, write_views
    from .figures.files import parse_formats
    from .figures.media import MEDIA
    from .gui.app import load
    from .gui.settings import read_settings

    try:
        formats = parse_formats(args.format)
    except ValueError as error:
        raise SystemExit(f"nspx export: error: --format: {error}") from None
    if args.width is not None and not 200 <= args.width <= 20000:
        raise SystemExit(f"nspx export: error: --width takes 200 to 20000 pixels, not {args.width}")
    coded = load(Path(args.dataset) if args.dataset else None)
    if args.scenario:
        loaded = read_scenario_file(Path(args.scenario), _known_values(coded.taxonomy, coded.authors, coded.years))
    else:  # no scenario: the whole dataset, nothing filtered, as the window opens
        loaded = Loaded(Scenario("All documents"))
    for ignored in loaded.ignored:
        print(f"nspx: warning: {args.scenario}: ignored unknown ID {ignored}", file=sys.stderr)
    settings = read_settings()  # read only: the authors' styles the app saved, so figures mark authors as the app does
    saved = settings.get("author_styles") if settings else None
    context = FigureContext.of_scenario(coded, loaded.scenario, saved if isinstance(saved, dict) else None)
    started = time.perf_counter()
    out = Path(args.out)
    width = args.width or MEDIA[args.medium].default_width
    if args.pack:
        result = seminar_pack(context, out, loaded.scenario.to_json(), formats, width, args.medium)  # always a new folder
    else:
        in_the_way = files_in_the_way(out)
        if in_the_way and not args.replace:
            raise SystemExit(f"nspx export: error: {out} already holds {file_names(in_the_way)}: give --replace to replace them, or another --out")
        result = write_views(context, out, formats, width, args.medium).clear_left_over(in_the_way)
    print(f"{result.summary()} ({time.perf_counter() - started:.2f} s)")
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
        print(f"imported {path} as {doc_id}: {counted(passages, 'passage')}")
        _print_metadata(next(row for row in library.documents() if row["doc_id"] == doc_id))
    return 2 if failed else 0


def _print_metadata(row: dict[str, str]) -> None:
    """What the library now holds for a document, where each value came from, and a word when the date is not known."""
    from .pipeline.library import parse_sources

    sources = parse_sources(row.get("metadata_sources") or "")
    for name, column in (("title", "title"), ("author", "author"), ("outlet", "outlet"), ("date", "published"), ("url", "url")):
        value = row.get(column) or ("date unknown" if name == "date" else "")
        if value:
            where = sources.get(name, "")
            print(f"  {name}: {value}" + (f"  ({where})" if where else ""))
    for note in ("text", "copy"):
        if sources.get(note):
            print(f"  {note}: {sources[note]}")
    if not row.get("published"):
        print(f"  no date found: it stays unknown and out of the year charts; give it with: nspx edit {row['doc_id']} --date YYYY-MM-DD")


def _edit(args: argparse.Namespace) -> int:
    changes = {name: getattr(args, name) for name in ("title", "author", "outlet", "date", "url") if getattr(args, name) is not None}
    if not changes:
        print("nspx: error: nothing to change: give --title, --author, --outlet, --date or --url", file=sys.stderr)
        return 2
    library = _library(args)
    library.edit(args.doc_id, data_dir(), **changes)
    print(f"edited {args.doc_id}")
    _print_metadata(next(row for row in library.documents() if row["doc_id"] == args.doc_id))
    return 0


def _list_library(args: argparse.Namespace) -> int:
    rows = _library(args).documents()
    for row in rows:
        print(f"{row['doc_id']}\t{row['author']}\t{row['published'] or 'date unknown'}\t{row['title']}\t(from {row['imported_from']})")
    print(f"{len(rows)} documents in {_library(args).folder}")
    return 0


def _remove(args: argparse.Namespace) -> int:
    library = _library(args)
    decisions = library.decision_count(args.doc_id)
    library.remove(args.doc_id, data_dir())
    print(f"removed {args.doc_id}" + (f" and your {decisions} review decision(s) on it" if decisions else ""))
    return 0


YOUR_REVIEW = "your-review.csv"  # beside the dataset nspx dataset writes: the user's decisions, in review.csv's layout


def _combined(args: argparse.Namespace) -> int:
    from .pipeline.build import safe_to_open, write_dataset
    from .pipeline.library import combined
    from .pipeline.review import review_safe_to_open

    library = _library(args)
    dataset = combined(library.bundled(data_dir()), library.build(data_dir()))
    decisions = review_safe_to_open(library.review_path)
    write_dataset(safe_to_open(dataset), Path(args.out), beside={YOUR_REVIEW: decisions})
    print(f"wrote {args.out}: {counted(dataset.count('documents.csv'), 'document')} ({len(library.documents())} from the library), {counted(dataset.count('passages.csv'), 'passage')}")
    if decisions is not None:
        print(f"  and {YOUR_REVIEW}: your review decisions, each with its reason (codes you added are source 'reviewed' in codes.csv)")
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

    evaluate = commands.add_parser(
        "eval", help="precision / recall / F1 / alpha of the automatic coder against the reviewed corpus and hand-coded samples"
    )
    evaluate.add_argument("--gold", metavar="FILE", help="only this hand-coded sentences CSV (default: the corpus and every DATA/gold/*.csv)")
    evaluate.add_argument("--data", metavar="DIR", help="data folder with corpus/, codebook.toml, review.csv, gold/ (default: the bundled one)")
    evaluate.add_argument("--detail", action="store_true", help="also list every code's scores")
    evaluate.add_argument(
        "--in-context", action="store_true",
        help="the --gold sample's rows are runs of consecutive sentences of their documents (doc_id), coded by readers who read "
        "them there: each sentence also takes areas from its neighbours, as in an imported document (--record implies it)",
    )
    evaluate.add_argument(
        "--record", action="store_true",
        help="record the --gold sample's figures as the held-out real pages' (DATA/gold/heldout_pages.csv, with this coder's fingerprint; "
        "the build shows them in the Coding quality view while the coder is unchanged)",
    )
    evaluate.set_defaults(run=_eval)
    agree = commands.add_parser(
        "agree", help="how closely two readers agree who coded the same sentences alone (precision / recall / F1 / alpha per dimension)"
    )
    agree.add_argument("first", metavar="FIRST", help="the first reader's hand-coded sentences (CSV as for eval --gold)")
    agree.add_argument("second", metavar="SECOND", help="the second reader's coding of the same sentences, in the same order")
    agree.add_argument("--data", metavar="DIR", help="data folder whose taxonomy.json is used (default: the bundled one)")
    agree.add_argument("--detail", action="store_true", help="also list every code's scores")
    agree.add_argument("--disagreements", action="store_true", help="also list every sentence the readers coded differently, with what each gave")
    agree.add_argument(
        "--record", action="store_true",
        help="record the figures as the yardstick beside the coder's (DATA/gold/readers_pages.csv; the build shows them in the Coding quality view)",
    )
    agree.set_defaults(run=_agree)
    from_gold = commands.add_parser(
        "review-from-gold", help="write review.csv rows that turn the coder's sentence codes into a hand coding (sentence_id,frames,areas,partners,note)"
    )
    from_gold.add_argument("gold", metavar="GOLD", help="CSV: sentence_id,frames,areas,partners,note (codes joined by ';')")
    from_gold.add_argument("--data", metavar="DIR", help="data folder whose review.csv and checked.csv are written (default: the bundled one)")
    from_gold.set_defaults(run=_review_from_gold)
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
    edits = commands.add_parser("edit", help="correct a document's title, author, outlet, date or address in your library")
    edits.add_argument("doc_id")
    for name in ("title", "author", "outlet", "date", "url"):
        edits.add_argument(f"--{name}", help=f"the document's {name}" + {"date": " (YYYY, YYYY-MM or YYYY-MM-DD; empty: unknown)", "author": " (empty: unknown)"}.get(name, ""))
    edits.set_defaults(run=_edit)
    dataset = commands.add_parser("dataset", help="write the bundled corpus and your library as one dataset")
    dataset.add_argument("--out", metavar="DIR", required=True)
    dataset.set_defaults(run=_combined)
    for command in (imports, listing, remove, edits, dataset):
        command.add_argument("--library", metavar="DIR", help="library folder (default: in your user data folder)")

    export = commands.add_parser("export", help="a scenario's views as figures (PNG / SVG / PDF) for slides or a paper, without a window")
    export.add_argument("--scenario", metavar="FILE", help="a scenario JSON file (default: the whole dataset, nothing filtered)")
    export.add_argument("--out", metavar="DIR", required=True, help="folder for the images (created if needed)")
    export.add_argument("--format", default="png,svg,pdf", help="comma-separated: png, svg, pdf (default: all three)")
    export.add_argument("--width", type=_png_width, metavar="N", help="figure width in pixels, 16 to 8000 (default: 1920 for a 16:9 slide, 1600 for 4:3, 1050 for a paper column); SVG and PDF have the same proportions")
    export.add_argument("--medium", choices=("slide-16x9", "slide-4x3", "paper-column"), default="slide-16x9", help="layout and type sizes (default: slide-16x9)")
    export.add_argument("--pack", action="store_true", help="write a whole seminar pack folder (the figures in each format, passages, scenario, README)")
    export.add_argument("--replace", action="store_true", help="replace figures already in --out (without it, the export stops and names them)")
    export.add_argument("--dataset", metavar="DIR", help="dataset folder (default: the bundled corpus and your library, as the window shows them)")
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
    except (DataFileError, BadValue) as error:
        print(f"nspx: error: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("nspx: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
