"""The NSP Explorer window (``nsp-explorer``).

For now it shows the corpus the dataset was built from: each document with
its author, year, outlet and how many passages, codes and cited figures it
gave. The explorer's filters and linked charts build on this window.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QApplication,
    QHeaderView,
    QLabel,
    QMainWindow,
    QMessageBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from .. import __version__
from ..core.dataset import Dataset, load_dataset
from ..core.errors import DataFileError
from ..core.taxonomy import load_taxonomy
from ..paths import data_dir, dataset_dir, resources_dir

DOCUMENT_COLUMNS = ("Author", "Year", "Outlet", "Title", "Passages", "Codes", "Cited figures")


class MainWindow(QMainWindow):
    def __init__(self, dataset: Dataset):
        super().__init__()
        self.dataset = dataset
        self.setWindowTitle("NSP Explorer")
        self.resize(1200, 700)

        summary = QLabel(self._summary())
        summary.setTextFormat(Qt.TextFormat.PlainText)
        summary.setWordWrap(True)

        self.documents = QTableWidget(len(dataset.documents), len(DOCUMENT_COLUMNS))
        self.documents.setHorizontalHeaderLabels(DOCUMENT_COLUMNS)
        self.documents.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.documents.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.documents.verticalHeader().setVisible(False)
        self._fill_documents()
        header = self.documents.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(DOCUMENT_COLUMNS.index("Title"), QHeaderView.ResizeMode.Stretch)

        body = QWidget()
        layout = QVBoxLayout(body)
        layout.addWidget(summary)
        layout.addWidget(self.documents)
        self.setCentralWidget(body)
        self.statusBar().showMessage(f"Dataset {dataset.version} · {dataset.folder}")

    def _summary(self) -> str:
        d = self.dataset
        years = d.documents["year"]
        return (
            f"{len(d.documents)} documents ({years.min()}–{years.max()}), {len(d.passages)} passages, "
            f"{len(d.codes)} codes, {len(d.facts)} cited figures."
        )

    def _fill_documents(self) -> None:
        d = self.dataset
        per_doc = d.passages.groupby("doc_id").size()
        doc_of = d.passages.set_index("passage_id")["doc_id"]
        codes = d.codes["passage_id"].map(doc_of).value_counts()
        facts = d.facts["passage_id"].map(doc_of).value_counts()
        for row, document in enumerate(d.documents.itertuples()):
            values = (
                document.author,
                str(document.year),
                document.outlet,
                document.title,
                str(per_doc.get(document.doc_id, 0)),
                str(codes.get(document.doc_id, 0)),
                str(facts.get(document.doc_id, 0)),
            )
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)  # plain text: never interpreted as markup
                if column >= DOCUMENT_COLUMNS.index("Passages") or column == 1:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.documents.setItem(row, column, item)


def _arguments(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="nsp-explorer", description="Explore how policy writing frames the New Southern Policy.")
    parser.add_argument("--dataset", metavar="DIR", help="dataset folder with the four CSVs (default: the bundled dataset)")
    parser.add_argument("--version", action="version", version=f"nsp-explorer {__version__}")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = _arguments(sys.argv[1:] if argv is None else argv)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("NSP Explorer")
    app.setApplicationVersion(__version__)
    app.setWindowIcon(QIcon(str(resources_dir() / "nsp-explorer.svg")))
    try:
        dataset = load_dataset(Path(args.dataset) if args.dataset else dataset_dir(), load_taxonomy(data_dir() / "taxonomy.json"))
    except DataFileError as error:
        QMessageBox.critical(None, "NSP Explorer cannot open the dataset", f"{error.path}\n\n{error.problem}")
        print(f"nsp-explorer: error: {error}", file=sys.stderr)
        return 2
    window = MainWindow(dataset)
    window.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
