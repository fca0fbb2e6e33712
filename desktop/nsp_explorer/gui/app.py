"""Start NSP Explorer: ``nsp-explorer [--dataset DIR] [--self-test]``."""

from __future__ import annotations

import argparse
import dataclasses
import gc
import os
import sys
import tempfile
import time
from pathlib import Path

from .. import __version__
from ..core.errors import DataFileError
from ..paths import data_dir, dataset_dir, resources_dir

_LOADED = time.perf_counter()


def _arguments(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="nsp-explorer", description="Explore how policy writing frames the New Southern Policy.")
    parser.add_argument("--dataset", metavar="DIR", help="dataset folder with the four CSVs (default: the bundled dataset)")
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="load and check the dataset, draw every view offscreen, save one PNG to a temporary folder, and exit",
    )
    parser.add_argument(
        "--startup-probe",
        action="store_true",
        help="open the window, wait until every view has painted once, print the milliseconds since the process started, and exit",
    )
    parser.add_argument("--seminar", action="store_true", help="start in seminar mode (full screen, large type, the scenario on a banner)")
    parser.add_argument("--one-view", action="store_true", help="start showing one view at a time (step with Page Down / Page Up; seminar mode does so by itself when the charts would not fit the screen together)")
    parser.add_argument("--high-contrast", action="store_true", help="start with the high-contrast palette")
    parser.add_argument("--version", action="version", version=f"nsp-explorer {__version__}")
    return parser.parse_args(argv)


def load(folder: Path | None, with_library: bool = True):
    """The dataset, checked and coded for the explorer; DataFileError names what is wrong.

    Without a folder: the bundled corpus plus the user's library (imported
    documents and the user's decisions). A library that cannot be read is
    left out and said in the result's ``library_notes``: it never stops the app.
    """
    from ..core.cache import load_coded
    from ..core.taxonomy import load_taxonomy

    taxonomy = load_taxonomy(data_dir() / "taxonomy.json")
    if folder is not None or not with_library:
        return load_coded(folder or dataset_dir(), taxonomy)
    notes: list[str] = []
    coded = _with_library(taxonomy, notes)
    return dataclasses.replace(coded, library_notes=tuple(notes)) if notes else coded


def _with_library(taxonomy, notes: list[str]):
    """The bundled corpus and the user's library, coded; what went wrong is added to ``notes``."""
    from ..core.cache import load_coded
    from ..core.coded import code_passages
    from ..core.dataset import load_dataset, merge_datasets, without_bad_documents
    from ..core.folder_lock import reading
    from ..pipeline.library import Library, library_dir, set_aside

    try:
        library = Library(library_dir())
        if not library.is_current(data_dir()):
            try:  # built by an earlier version: code it again with this one's coder, or say why not
                library.recode(data_dir())
            except DataFileError as error:
                notes.append(f"Your library was coded by an earlier version of the app and could not be coded again ({error}); it is shown as it was.")
        aside = library.set_aside_decisions()
        if aside:
            notes.append(
                f"{len(aside)} of your review decisions no longer fit their document (its words changed with this version) "
                f"and are set aside, kept in {library.review_path} but not applied: " + "; ".join(aside[:3]) + (" …" if len(aside) > 3 else "")
            )
        with reading(library.folder):  # an import in another process moves its files in before or after, never during
            bundled = library.folder / "bundled" if (library.folder / "bundled").is_dir() else dataset_dir()  # with the user's decisions
            if not library.documents():
                coded = load_coded(bundled, taxonomy)
            else:
                mine, dropped = without_bad_documents(load_dataset(library.folder / "dataset", taxonomy))
                notes.extend(dropped)
                coded = code_passages(merge_datasets(load_dataset(bundled, taxonomy), mine), taxonomy)
            return _with_your_decisions(coded, library.review_path, taxonomy, notes)
    except (DataFileError, OSError) as error:
        aside = set_aside(library_dir())
        kept = f"it was kept as {aside}" if aside else "it was left as it is"
        notes.append(f"Your library could not be opened ({error}); {kept}, and the app started with the bundled corpus only.")
        return load_coded(dataset_dir(), taxonomy)


def _with_your_decisions(coded, review: Path, taxonomy, notes: list[str]):
    """The coded passages knowing the user's decisions (the reading pane shows them beside the codes they made)."""
    from ..pipeline.review import applied_decisions

    if not review.is_file():
        return coded
    known = set(coded.documents["doc_id"])

    def passages_of(doc: str) -> list[tuple[str, str]]:
        first, end = coded.document_rows(doc) if doc in known else (0, 0)
        return [(coded.passage_id(row), coded.text(row)) for row in range(first, end)]

    try:
        return dataclasses.replace(coded, your_decisions=applied_decisions(review, taxonomy, passages_of))
    except DataFileError as error:
        notes.append(f"Your review decisions cannot be listed ({error}).")
        return coded


class SelfTestFailure(Exception):
    pass


def self_test(window, app) -> str:
    """Draw every view, save the window as a PNG and a figure in each format, and say what was checked."""
    window.resize(1600, 1000)
    window.show()
    window.resize(1600, 1000)  # after show, which fits the window to the (offscreen) screen
    app.processEvents()
    without_sentences = not len(window.coded.sentences)  # a dataset built before frames were coded per sentence
    for chart in window.charts:
        chart.refresh()
        if chart.showing_message and not (without_sentences and chart is window.framing):  # that view then says so, rightly
            raise SelfTestFailure(f"the {chart.title} view drew nothing: {chart.message.text()}")
    app.processEvents()
    image = window.grab().toImage()
    if image.isNull() or len({image.pixel(x, y) for x in range(0, image.width(), 37) for y in range(0, image.height(), 37)}) < 8:
        raise SelfTestFailure("the window rendered blank")
    out = Path(tempfile.mkdtemp(prefix="nsp-explorer-self-test-")) / "main-window.png"
    if not image.save(str(out)):
        raise SelfTestFailure(f"could not write {out}")
    from .export import FORMATS, export_chart

    figures = export_chart(window, window.matrix.title, out.parent, FORMATS).written  # matplotlib and its fonts are there
    if len(figures) != len(FORMATS):
        raise SelfTestFailure(f"the {window.matrix.title} figure was not written as {', '.join(FORMATS)}")
    coded = window.coded
    return (
        f"self-test passed: dataset {coded.version} ({len(coded.documents)} documents, {len(coded)} passages, "
        f"{len(coded.codes)} codes, {len(coded.facts)} cited figures); {len(window.charts)} charts"
        + (" (the Framing view says the dataset records no codes per sentence)" if without_sentences else "")
        + ", the passage list and "
        f"the reading pane drawn; saved {out} ({image.width()}x{image.height()}) and {', '.join(p.name for p in figures)}"
        + (f"; cache not used: {coded.cache_note}" if coded.cache_note else "")
    )


def milliseconds_since_process_start() -> float:
    """Wall time since this process began (Linux: from /proc), else since this module loaded."""
    try:
        ticks = os.sysconf("SC_CLK_TCK")
        started = int(Path("/proc/self/stat").read_text().rsplit(")", 1)[1].split()[19]) / ticks
        return (float(Path("/proc/uptime").read_text().split()[0]) - started) * 1000
    except (OSError, ValueError, IndexError):
        return (time.perf_counter() - _LOADED) * 1000


def startup_probe(window, app) -> float:
    window.show()
    while not (window.windowHandle() and window.windowHandle().isExposed()):
        app.processEvents()
    for chart in window.charts:
        chart.graphics.viewport().repaint()  # every view painted once, now
    app.processEvents()
    return milliseconds_since_process_start()


def settle() -> None:
    """Once the window stands: what was made to start (libraries, dataset, window) lives as long as the app.

    Frozen, the cycle collector no longer walks those objects at every full
    collection, nor once more when the app quits (that walk was a fifth of a
    second at exit). Collection goes on for everything made afterwards. The
    garbage left from starting is about a thousand small objects (measured at
    the seed and at 1 M passages), frozen with the rest.
    """
    gc.freeze()
    gc.enable()


def main(argv: list[str] | None = None) -> int:
    gc.disable()  # starting makes ~170,000 objects that all stay; collecting among them cost ~90 ms and freed nothing
    try:
        return _start(argv)
    finally:
        gc.enable()


def _start(argv: list[str] | None) -> int:
    args = _arguments(sys.argv[1:] if argv is None else argv)
    if args.self_test and "QT_QPA_PLATFORM" not in os.environ:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"

    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication, QMessageBox

    from .about import APP_ID
    from .main_window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("NSP Explorer")
    app.setApplicationVersion(__version__)
    app.setDesktopFileName(APP_ID)  # matches resources/io.github.nspexplorer.NSPExplorer.desktop
    app.setWindowIcon(QIcon(str(resources_dir() / "nsp-explorer.svg")))
    try:
        coded = load(Path(args.dataset) if args.dataset else None)
    except DataFileError as error:
        print(f"nsp-explorer: error: {error}", file=sys.stderr)
        if not args.self_test:
            QMessageBox.critical(None, "NSP Explorer cannot open the dataset", f"{error.path}\n\n{error.problem}")
        return 2
    window = MainWindow(coded, remember=not (args.self_test or args.startup_probe))
    settle()
    if args.startup_probe:
        print(f"{startup_probe(window, app):.0f}")
        window.close()
        dispose(window)
        return 0
    if args.self_test:
        try:
            print(self_test(window, app))
        except SelfTestFailure as failure:
            print(f"nsp-explorer: self-test failed: {failure}", file=sys.stderr)
            return 1
        finally:
            window.close()
            dispose(window)
        return 0
    window.show()
    if args.high_contrast:
        window.contrast_action.setChecked(True)
        window.toggle_high_contrast()
    if args.one_view:
        window.set_one_view(True)
    if args.seminar:
        window.toggle_seminar_mode()
    try:
        return app.exec()
    finally:
        for shown in {window, MainWindow.latest} - {None}:  # the first window, and the one an import reopened
            dispose(shown)


def dispose(window) -> None:
    """Destroy the window while Python still runs: left to the interpreter's exit, its charts' Python parts can go
    before their Qt parts, which may still lay themselves out once as they are destroyed (a crash on exit)."""
    from shiboken6 import Shiboken

    if Shiboken.isValid(window):
        Shiboken.delete(window)


if __name__ == "__main__":
    sys.exit(main())
