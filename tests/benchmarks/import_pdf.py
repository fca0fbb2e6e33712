"""Benchmark: import and code a 50-page text PDF into an empty library (budget < 3 s).

Run:  python tests/benchmarks/import_pdf.py [--pages 50] [--runs 5]

The PDF is made here with Qt (real text, 50 pages of the corpus's own paragraphs),
then imported with the same code as `nspx import`: read, clean, segment, code,
extract facts, write the library dataset. Medians.
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def corpus_pdf(path: Path, pages: int) -> Path:
    """A PDF of the corpus's own paragraphs, four to a page."""
    from text_pdf import make_pdf

    from nsp_explorer.core.dataset import load_dataset
    from nsp_explorer.core.taxonomy import load_taxonomy
    from nsp_explorer.paths import data_dir

    paragraphs = load_dataset(data_dir() / "dataset", load_taxonomy(data_dir() / "taxonomy.json")).passages["text"].tolist()
    return make_pdf(path, [paragraphs[k % len(paragraphs)] for k in range(4 * pages)], pages=pages, per_page=4)


def responsiveness(app, pdf: Path, folder: Path) -> float:
    """Import through the real dialog while a 10 ms timer ticks on the UI thread; the longest gap between ticks."""
    from PySide6.QtCore import QElapsedTimer, QEventLoop, QTimer

    from nsp_explorer.gui.import_dialog import ImportDialog
    from nsp_explorer.pipeline.library import Library

    dialog = ImportDialog([pdf], Library(folder), set())
    dialog.fields["author"].setText("Benchmark Author")
    dialog.fields["date"].setText("2024")
    dialog.show()
    clock, gaps, last = QElapsedTimer(), [], [0]
    clock.start()

    def tick():
        now = clock.elapsed()
        gaps.append(now - last[0])
        last[0] = now

    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(tick)
    loop = QEventLoop()
    dialog.imported.connect(lambda _ids: loop.quit())
    timer.start()
    last[0] = clock.elapsed()
    dialog.run()
    loop.exec()
    timer.stop()
    dialog.close()
    return float(max(gaps)) if gaps else 0.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=50)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    from PySide6.QtWidgets import QApplication

    from nsp_explorer.paths import data_dir
    from nsp_explorer.pipeline.library import Library

    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as work:
        pdf = corpus_pdf(Path(work) / "brief.pdf", args.pages)
        times = []
        for n in range(args.runs):
            library = Library(Path(work) / f"library{n}")
            started = time.perf_counter()
            library.import_file(pdf, data_dir(), set(), author="Benchmark Author", date="2024")
            times.append(time.perf_counter() - started)
        passages = (library.folder / "dataset" / "passages.csv").read_text(encoding="utf-8").count("\n") - 1
        size = pdf.stat().st_size / 1e3
        longest = responsiveness(app, pdf, Path(work) / "library-ui")
    del app
    print(f"import + coding of a {args.pages}-page text PDF ({size:.0f} kB, {passages} passages): median {statistics.median(times):.2f} s, "
          f"max {max(times):.2f} s over {args.runs} runs")
    print(f"window during the same import from the Import dialog (worker thread): longest gap between 10 ms UI ticks {longest:.0f} ms")


if __name__ == "__main__":
    main()
