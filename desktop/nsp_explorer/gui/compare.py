"""Compare two scenarios: the same charts on the same scales, and their difference."""

from __future__ import annotations

from pathlib import Path

import pyqtgraph as pg
from PySide6.QtCore import QRectF, Qt
from PySide6.QtWidgets import QComboBox, QFileDialog, QGridLayout, QHBoxLayout, QLabel, QPushButton, QWidget

from ..core.aggregate import frame_matrix, passages_per_author
from ..core.errors import DataFileError
from ..core.filters import ExplorerState
from ..core.report import view_description
from ..core.wording import counted
from .charts.bars import PillarProfile
from .charts.base import ChartView, Target, hide_category_labels
from .charts.framing_matrix import FramingMatrix, author_area_heatmap
from .export import export_view
from .state import FilterState

FEW = 3  # a difference resting on fewer passages than this, on either side, is marked
DIVERGING = pg.ColorMap([0.0, 0.5, 1.0], [(0, 114, 178), (255, 255, 255), (213, 94, 0)])  # Okabe–Ito blue ↔ vermillion


class DifferenceMatrix(ChartView):
    title = "Difference A − B"

    def __init__(self, coded, state_a: FilterState, state_b: FilterState, parent=None):
        super().__init__(coded, state_a, parent)
        self.other = state_b
        state_b.changed.connect(self.refresh)
        self.caption_label.setText(
            f"Share in A minus share in B, per author and area; <b>*</b> = fewer than {FEW} passages of that author on one side."
        )
        author_area_heatmap(self, DIVERGING, (-1, 1), "A − B (share)")

    def refresh(self, *_):
        a, b = self.state.state, self.other.state
        mask_a, mask_b = a.mask(self.coded), b.mask(self.coded)
        if not mask_a.any() or not mask_b.any():
            self.show_message("One of the two scenarios shows no passages: there is nothing to compare.")
            return
        share_a = frame_matrix(self.coded, mask_a).to_numpy().T
        share_b = frame_matrix(self.coded, mask_b).to_numpy().T
        n_a = passages_per_author(self.coded, mask_a).to_numpy()
        n_b = passages_per_author(self.coded, mask_b).to_numpy()
        values = share_a - share_b  # NaN where an author has no passages on a side
        self.values = values
        self.image.setImage(values, levels=(-1, 1), autoLevels=False, rect=QRectF(-0.5, -0.5, len(self.authors), len(self.areas)))
        texts, colours, targets = [], [], []
        for row, area in enumerate(self.areas):
            for column, author in enumerate(self.authors):
                value = values[row, column]
                few = min(n_a[column], n_b[column]) < FEW
                texts.append("–" if value != value else f"{100 * value:+.0f}{'*' if few else ''}")
                colours.append("#FFFFFF" if value == value and abs(value) > 0.55 else "#111111")
                tip = (
                    f"{author} · {self.coded.taxonomy.label('area', area)}\n"
                    f"A: {self._share(share_a[row, column])} of {counted(n_a[column], 'passage')}; B: {self._share(share_b[row, column])} of {counted(n_b[column], 'passage')}"
                    + ("\nfew passages: read with care" if few else "")
                )
                targets.append(Target(QRectF(column - 0.5, row - 0.5, 1, 1), tip, {}))
        self.cell_labels.set_labels(texts, colours)
        self.set_targets(self.plot, targets)
        self.stack.setCurrentWidget(self.graphics)

    @staticmethod
    def _share(value: float) -> str:
        return "–" if value != value else f"{100 * value:.0f}%"


class CompareWindow(QWidget):
    """Two scenarios side by side. Each side has its own state; the charts are the explorer's own."""

    def __init__(self, coded, store, parent=None):
        super().__init__(parent, Qt.WindowType.Window)
        self.setWindowTitle("NSP Explorer — compare scenarios")
        self.coded = coded
        self.store = store
        self.states = (FilterState(self), FilterState(self))
        self.pickers = (QComboBox(), QComboBox())
        for picker, state in zip(self.pickers, self.states):
            for scenario in store.scenarios:
                picker.addItem(scenario.name)
            picker.currentIndexChanged.connect(self._picked)
        self.labels = (QLabel(), QLabel())
        for label in self.labels:
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.PlainText)
        self.matrices = tuple(FramingMatrix(coded, state) for state in self.states)
        self.profiles = tuple(PillarProfile(coded, state) for state in self.states)
        for matrix, side in zip(self.matrices, "AB"):
            matrix.measure.setEnabled(False)  # both sides show shares on the same 0–1 scale
            matrix.setToolTip(f"Scenario {side}")
        self.difference = DifferenceMatrix(coded, *self.states)
        hide_category_labels(self.matrices[1].plot)  # B's rows line up with A's, just left of it
        export = QPushButton("Export comparison…")
        export.clicked.connect(self.ask_and_export)

        grid = QGridLayout(self)
        for column, side in enumerate("AB"):
            row = QHBoxLayout()
            row.addWidget(QLabel(f"<b>{side}:</b>"))
            row.addWidget(self.pickers[column], 1)
            grid.addLayout(row, 0, column)
            grid.addWidget(self.labels[column], 1, column)
            grid.addWidget(self.matrices[column], 2, column)
            grid.addWidget(self.profiles[column], 3, column)
        grid.addWidget(self.difference, 2, 2, 2, 1)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(export)
        grid.addLayout(bottom, 4, 0, 1, 3)
        grid.setRowStretch(2, 3)
        grid.setRowStretch(3, 2)
        for column, stretch in enumerate((6, 4, 6)):  # A carries the area labels for B beside it
            grid.setColumnStretch(column, stretch)
        self.resize(1600, 1000)
        if len(store.scenarios) > 1:
            self.pickers[1].setCurrentIndex(1)
        self._picked()

    def choose(self, a: int, b: int) -> None:
        self.pickers[0].setCurrentIndex(a)
        self.pickers[1].setCurrentIndex(b)
        self._picked()

    def _picked(self, *_):
        for picker, state, label in zip(self.pickers, self.states, self.labels):
            index = picker.currentIndex()
            if 0 <= index < len(self.store.scenarios):
                s = self.store.scenarios[index]
                state.apply(ExplorerState(s.filters, s.selection, s.search))
                count = int(state.state.mask(self.coded).sum())
                label.setText(f"{counted(count, 'passage')} · {view_description(s.filters, s.selection, s.search, self.coded.taxonomy)}")

    def caption_text(self) -> str:
        names = " vs ".join(p.currentText() for p in self.pickers)
        return f"NSP Explorer · comparison: {names} · dataset {self.coded.version}"

    def export_to(self, folder: Path, formats=("png", "svg", "pdf"), width: int | None = None) -> list[Path]:
        return export_view(self, folder, "comparison", formats, self.caption_text(), width)

    def ask_and_export(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, "Export the comparison to a folder")
        if folder:
            try:
                self.export_to(Path(folder))
            except DataFileError as error:
                self.labels[0].setText(str(error))
