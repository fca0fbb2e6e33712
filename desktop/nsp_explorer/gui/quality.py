"""View ▸ Coding quality: how far the automatic coding can be trusted, in figures a lecturer can state."""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QScrollArea, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget

from ..core.agreement import AGREEMENT_FILE, headline, lead, load_agreement
from ..core.errors import DataFileError

HEADERS = ("Sample", "Level", "Dimension", "Units", "Precision", "Recall", "F1", "Krippendorff's α")
SAMPLE_NAMES = {"corpus": "bundled articles", "heldout": "held-out sentences", "pages": "held-out real pages", "readers": "yardstick: second reader"}
ORDER = ("pages", "readers", "heldout", "corpus")  # the rows in the order to read them: the coder on unseen pages, then its yardstick
EXPLANATION = (
    "Each row compares the automatic coder with a careful reader's coding of the same units (sentences or passages); "
    "the yardstick rows, if any, compare a second reader with the first. "
    "Precision: of the codes the coder set, the share the reader also set. Recall: of the reader's codes, the share the "
    "coder found. F1 balances the two. Krippendorff's α is agreement beyond chance (1 = perfect, 0 = no better than chance). "
    "Bundled articles: the five articles against the project's reviewed coding (your own review decisions do not change "
    "these figures); held-out sentences: new sentences coded by hand "
    "before the coder ran and never used to tune it, so they show how it does on writing it has not seen. "
    "What the charts show: the bundled articles' codes were all checked by readers (the reviewed coding), so the coder's "
    "errors do not reach their charts; documents you import are coded by the machine alone (marked † in charts and "
    "figures), and the figures above are what to expect of them. "
    "The coder is the codebook with its rules, a sentence model that weighs their frames, and a small model that gives a "
    "sentence the areas of the sentences around it, as readers do (marked ↕). The codebook was tuned on "
    "the bundled articles and development samples, and the model trained on hand-coded development sentences (64 of them "
    "from the bundled articles); none of them has seen the held-out sentences."
)
PAGES_NOTE = (
    " Held-out real pages: runs of sentences of news, ministry, think-tank and blog pages coded the same way, read by "
    "the coder in their pages as an imported document is; their text belongs "
    "to its publishers and is not shipped, so their figures were recorded when this version of the coder was measured."
)
READERS_NOTE = (
    " Yardstick, second reader: another careful reader coded some of the same real-page sentences alone, without seeing the first "
    "reader's codes or the coder's; how closely the two readers agree is the yardstick for the coder's figures."
)


def agreement_path(folder: Path) -> Path:
    """The agreement file of a dataset folder. The library's rebuilt copy of the bundled corpus (with the user's review
    decisions) uses the bundled one: the figures to quote compare the coder with the project's reviewed coding, and
    the user's own decisions do not move them."""
    from ..paths import dataset_dir
    from ..pipeline.library import library_dir

    rebuilt = Path(folder).resolve() == (library_dir() / "bundled").resolve()
    return dataset_dir() / AGREEMENT_FILE if rebuilt else Path(folder) / AGREEMENT_FILE


def _cell(value: float, digits: int = 2) -> QTableWidgetItem:
    item = QTableWidgetItem("–" if value != value else f"{value:.{digits}f}")
    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    if value != value:
        item.setToolTip("not known (e.g. α where the code never varies)")
    return item


class CodingQualityDialog(QDialog):
    """The agreement table of the dataset shown, with one plain sentence on what it means."""

    def __init__(self, folder: Path, parent=None):
        super().__init__(parent)
        self.setWindowTitle("Coding quality")
        self.path = agreement_path(folder)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        font = self.summary.font()
        font.setBold(True)
        self.summary.setFont(font)
        self.details = QLabel()  # every sample's figures, in words
        self.details.setWordWrap(True)
        self.details.setTextFormat(Qt.TextFormat.PlainText)
        self.table = QTableWidget(0, len(HEADERS))
        self.table.setHorizontalHeaderLabels(HEADERS)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        explanation = self.explanation = QLabel(EXPLANATION)
        explanation.setWordWrap(True)
        explanation.setTextFormat(Qt.TextFormat.PlainText)
        explanation.setStyleSheet("color: #444444;")
        self.source = QLabel()
        self.source.setStyleSheet("color: #555555;")
        self.source.setTextFormat(Qt.TextFormat.RichText)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        content = QWidget()  # scrolls as a whole on a small screen (a 1280×720 projector): nothing drawn over the table
        inner = QVBoxLayout(content)
        inner.setContentsMargins(0, 0, 0, 0)
        inner.addWidget(self.summary)
        inner.addWidget(self.details)
        inner.addWidget(self.table, 4)
        inner.addWidget(explanation)
        inner.addWidget(self.source)
        inner.addStretch(0)  # without a table the words stay together at the top; with one, the table takes the room
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(content)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(buttons)
        header = self.table.horizontalHeader().sizeHint().height() + 2 * self.table.frameWidth()
        self.table.setMinimumHeight(header + self.table.verticalHeader().defaultSectionSize() * 9)  # nine rows before the table scrolls
        room = (parent or self).screen().availableGeometry()  # the screen the main window is on
        self.resize(min(900, room.width() - 40), min(700, room.height() - 40))
        self.measured = False
        self.show_table()

    def show_table(self) -> None:
        try:
            table = load_agreement(self.path)
        except DataFileError as error:
            self.summary.setText(f"The coding-quality figures cannot be shown: {error}")
            self.table.setRowCount(0)
            self.table.hide()
            self.source.setText("")
            return
        self.measured = table is not None and len(table) > 0
        present = set(table["sample"]) if self.measured else set()
        self.explanation.setText(EXPLANATION + (PAGES_NOTE if "pages" in present else "") + (READERS_NOTE if "readers" in present else ""))
        self.summary.setText(lead(table) if self.measured else "Not measured: this dataset has no agreement figures (nspx eval writes them).")
        self.details.setText(headline(table) if self.measured else "")
        if self.measured:
            order = {sample: rank for rank, sample in enumerate(ORDER)}
            table = table.sort_values("sample", key=lambda s: s.map(order), kind="stable")
        self.table.setVisible(self.measured)
        self.table.setRowCount(0 if table is None else len(table))
        for i, row in enumerate([] if table is None else table.itertuples(index=False)):
            texts = (SAMPLE_NAMES.get(row.sample, row.sample), row.level, row.dimension)
            for j, text in enumerate(texts):
                self.table.setItem(i, j, QTableWidgetItem(text))
            units = QTableWidgetItem(f"{row.units:,}")
            units.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.table.setItem(i, 3, units)
            for j, value in enumerate((row.precision, row.recall, row.f1, row.alpha), start=4):
                self.table.setItem(i, j, _cell(value))
        self.table.resizeColumnsToContents()
        self.source.setText(f"From <code>{html.escape(str(self.path))}</code>" if self.measured else "")

    def figures(self) -> list[list[str]]:
        """What the table shows, cell by cell (for tests)."""
        return [[self.table.item(r, c).text() for c in range(self.table.columnCount())] for r in range(self.table.rowCount())]
