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


def make_pdf(path: Path, pages: int) -> Path:
    from PySide6.QtCore import QRectF
    from PySide6.QtGui import QFont, QPainter, QPdfWriter, QTextDocument

    from nsp_explorer.core.dataset import load_dataset
    from nsp_explorer.core.taxonomy import load_taxonomy
    from nsp_explorer.paths import data_dir

    taxonomy = load_taxonomy(data_dir() / "taxonomy.json")
    paragraphs = load_dataset(data_dir() / "dataset", taxonomy).passages["text"].tolist()
    writer = QPdfWriter(str(path))
    painter = QPainter(writer)
    font = QFont()
    font.setPointSize(10)
    for page in range(pages):
        if page:
            writer.newPage()
        text = QTextDocument()
        text.documentLayout().setPaintDevice(writer)  # the PDF's own metrics: lines wrap as on paper
        text.setDefaultFont(font)
        text.setTextWidth(writer.width())
        text.setPlainText("\n\n".join(paragraphs[(page * 4 + k) % len(paragraphs)] for k in range(4)))
        text.drawContents(painter, QRectF(0, 0, writer.width(), writer.height()))
    painter.end()
    return path


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
        pdf = make_pdf(Path(work) / "brief.pdf", args.pages)
        times = []
        for n in range(args.runs):
            library = Library(Path(work) / f"library{n}")
            started = time.perf_counter()
            library.import_file(pdf, data_dir(), set(), author="Benchmark Author", date="2024")
            times.append(time.perf_counter() - started)
        passages = (library.folder / "dataset" / "passages.csv").read_text(encoding="utf-8").count("\n") - 1
        size = pdf.stat().st_size / 1e3
    del app
    print(f"import + coding of a {args.pages}-page text PDF ({size:.0f} kB, {passages} passages): median {statistics.median(times):.2f} s, "
          f"max {max(times):.2f} s over {args.runs} runs")


if __name__ == "__main__":
    main()
