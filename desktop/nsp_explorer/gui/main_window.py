"""The main window: filters on the left, linked charts, and the passages they rest on."""

from __future__ import annotations

import datetime

import shiboken6
from PySide6.QtCore import QByteArray, QEvent, Qt
from pathlib import Path

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QFileDialog, QGridLayout, QInputDialog, QMainWindow, QSplitter, QTabWidget, QVBoxLayout, QWidget

from ..core.aggregate import passages_for
from ..core.coded import CodedPassages
from ..core.report import MAX_PNG_WIDTH
from ..core.filters import ExplorerState
from ..core.report import caption, passages_csv, passages_markdown, view_description
from ..core.errors import DataFileError
from ..core.scenario import Scenario, ScenarioStore, file_stem
from .breadcrumb import Breadcrumb
from .charts.bars import FrameMix, PartnerChart, PillarProfile, Timeline
from .charts.cited_figures import CitedFigures
from .charts.framing_matrix import FramingMatrix
from .compare import CompareWindow
from .export import FORMATS, atomically, export_view, export_views, seminar_pack
from .filter_panel import FilterPanel
from .scenarios_panel import ScenarioPanel, scenarios_dir
from .passages import PassageList, ReadingPane
from .settings import load_settings, save_settings
from .state import FilterState

SPLITTERS = ("outer", "right", "bottom")


class MainWindow(QMainWindow):
    latest: MainWindow | None = None  # the window opened by the last reload_data()
    def __init__(self, coded: CodedPassages, remember: bool = True, scenario_folder: Path | None = None):
        super().__init__()
        self.coded = coded
        self.remember = remember
        self.state = FilterState(self)
        self.scenario_name = ""
        self.scenario_note = ""
        self.setWindowTitle(f"NSP Explorer — {len(coded.documents):,} documents, {len(coded):,} passages")

        self.filter_panel = FilterPanel(coded, self.state)
        self.breadcrumb = Breadcrumb(coded.taxonomy, self.state)
        self.matrix = FramingMatrix(coded, self.state)
        self.pillars = PillarProfile(coded, self.state)
        self.frames = FrameMix(coded, self.state)
        self.timeline = Timeline(coded, self.state)
        self.partners = PartnerChart(coded, self.state)
        self.figures = CitedFigures(coded, self.state)
        self.charts = [self.matrix, self.pillars, self.frames, self.timeline, self.partners, self.figures]
        self.passage_list = PassageList(coded, self.state)
        self.reading = ReadingPane(coded, self.state)
        self.store = ScenarioStore.open(scenario_folder or scenarios_dir(), coded.taxonomy, coded.authors, coded.years)
        self.scenarios = ScenarioPanel(self, self.store)
        self.scenarios.message.connect(lambda text: self.statusBar().showMessage(text, 8000))
        self.scenarios.counted.connect(lambda n: self.left.setTabText(1, f"Scenarios ({n})"))
        self.compare_window: CompareWindow | None = None
        self.type_scale = 1.0
        self.base_font = QApplication.font()

        grid = QGridLayout()
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(4)
        # (row, column, column span) on four equal columns: the matrix and the timeline get two each
        places = {self.matrix: (0, 0, 2), self.pillars: (0, 2, 1), self.frames: (0, 3, 1),
                  self.timeline: (1, 0, 2), self.partners: (1, 2, 1), self.figures: (1, 3, 1)}
        for chart, (row, col, span) in places.items():
            grid.addWidget(chart, row, col, 1, span)
        for col in range(4):
            grid.setColumnStretch(col, 1)
        charts = QWidget()
        column = QVBoxLayout(charts)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.breadcrumb)
        column.addLayout(grid, 1)

        self.splitters = {name: QSplitter() for name in SPLITTERS}
        bottom = self.splitters["bottom"]
        bottom.addWidget(self.passage_list)
        bottom.addWidget(self.reading)
        right = self.splitters["right"]
        right.setOrientation(Qt.Orientation.Vertical)
        right.addWidget(charts)
        right.addWidget(bottom)
        outer = self.splitters["outer"]
        self.left = QTabWidget()
        self.left.addTab(self.filter_panel, "Filters")
        self.left.addTab(self.scenarios, f"Scenarios ({len(self.store.scenarios)})")
        outer.addWidget(self.left)
        outer.addWidget(right)
        outer.setSizes([300, 1300])
        right.setSizes([640, 330])
        bottom.setSizes([620, 650])
        for splitter in self.splitters.values():
            splitter.setChildrenCollapsible(False)
        self.setCentralWidget(outer)
        self._actions()
        self.statusBar().showMessage(f"Dataset {coded.version} · {coded.folder}")
        self.resize(1600, 1000)
        self.setAcceptDrops(True)
        for chart in self.charts:
            chart.refresh()
        from .app import LIBRARY_PROBLEMS

        self.startup_notices = list(LIBRARY_PROBLEMS)  # what the user must hear about: a library or settings set aside
        self.startup_notices.append(f"Cache not used: {coded.cache_note}." if coded.cache_note else "")
        if remember:
            self.startup_notices.append(self._restore())
        self.startup_notices = [n for n in self.startup_notices if n]
        if self.startup_notices:
            self.statusBar().showMessage(" ".join(self.startup_notices), 60000)

    def _actions(self) -> None:
        def action(menu, text: str, keys, slot, tip: str = "") -> QAction:
            item = QAction(text, self)
            item.setShortcut(QKeySequence(keys))
            self.addAction(item)  # shortcuts work in full screen too, with the menu bar hidden
            item.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            item.setStatusTip(tip)
            item.triggered.connect(slot)
            menu.addAction(item)
            return item

        file_menu = self.menuBar().addMenu("&File")
        action(file_menu, "&Import documents…", "Ctrl+I", self.ask_and_import, "Add your own .txt, .md, .html, .pdf or .docx to the library")
        action(file_menu, "Your &documents…", "Ctrl+Shift+D", self.show_documents, "The documents you imported; remove one")
        file_menu.addSeparator()
        action(file_menu, "&Export views…", "Ctrl+E", self.ask_and_export, "Every chart and the window as PNG, SVG and PDF, with captions")
        action(file_menu, "Export seminar &pack…", "Ctrl+Shift+E", self.ask_and_pack, "One folder: every view, the passages, the scenario, a README")
        action(file_menu, "Export passage &list…", "Ctrl+Shift+L", self.ask_and_export_passages, "The passages shown, as CSV or Markdown, with citations")
        action(file_menu, "&Quit", QKeySequence.StandardKey.Quit, self.close)
        view = self.menuBar().addMenu("&View")
        action(view, "Clear &selection", "Esc", lambda: self.state.clear_selection(source="MainWindow"), "Undo the narrowing made by clicking charts")
        action(view, "&Reset filters", "Ctrl+R", lambda: self.state.reset(source="MainWindow"), "Show everything again")
        action(view, "&Find in passages", QKeySequence.StandardKey.Find, self._focus_search)
        action(view, "Framing matrix as &shares", "Ctrl+1", lambda: self.matrix.set_measure("share"))
        action(view, "Framing matrix as &counts", "Ctrl+2", lambda: self.matrix.set_measure("count"))
        view.addSeparator()
        action(view, "Compare scenarios…", "Ctrl+K", self.open_comparison, "Two scenarios side by side, and their difference")
        action(view, "Next scenario", "PgDown", lambda: self.scenarios.step(1))
        action(view, "Previous scenario", "PgUp", lambda: self.scenarios.step(-1))
        view.addSeparator()
        action(view, "Code&book…", "Ctrl+B", self.show_codebook, "Which words signal each code; add your own")
        view.addSeparator()
        self.seminar_action = action(view, "Seminar mode (full screen)", "F11", self.toggle_seminar_mode)
        self.seminar_action.setCheckable(True)
        action(view, "Larger type", "Ctrl++", lambda: self.set_type_scale(self.type_scale * 1.15))
        action(view, "Larger type", "Ctrl+=", lambda: self.set_type_scale(self.type_scale * 1.15)).setVisible(False)
        action(view, "Smaller type", "Ctrl+-", lambda: self.set_type_scale(self.type_scale / 1.15))
        self.contrast_action = action(view, "High contrast", "Ctrl+Shift+H", self.toggle_high_contrast)
        self.contrast_action.setCheckable(True)
        help_menu = self.menuBar().addMenu("&Help")
        action(help_menu, "&About NSP Explorer", "F1", self.show_about, "Version, dataset sources and licences")

    def show_about(self) -> None:
        from .about import AboutDialog

        self.about = AboutDialog(self.coded, self)
        self.about.show()

    # -- seminar mode ---------------------------------------------------------------------

    def eventFilter(self, watched, event) -> bool:
        """In seminar mode Page Up / Page Down (what presentation clickers send) step through scenarios."""
        if event.type() == QEvent.Type.KeyPress and self.isFullScreen() and event.key() in (Qt.Key.Key_PageDown, Qt.Key.Key_PageUp):
            self.scenarios.step(1 if event.key() == Qt.Key.Key_PageDown else -1)
            return True
        return super().eventFilter(watched, event)

    def toggle_seminar_mode(self) -> None:
        """Full screen for the room: the charts alone, in larger type; again to come back."""
        if self.isFullScreen():
            QApplication.instance().removeEventFilter(self)
            self.showNormal()
            self.left.show()
            self.splitters["bottom"].show()
            self.set_type_scale(1.0)
        else:
            self.left.hide()
            self.splitters["bottom"].hide()
            self.showFullScreen()
            self.set_type_scale(1.3)
            QApplication.instance().installEventFilter(self)  # only now: it sees every event of the app
        self.seminar_action.setChecked(self.isFullScreen())

    def set_type_scale(self, scale: float) -> None:
        """Larger or smaller type everywhere, charts included (for the back of the room)."""
        self.type_scale = max(0.7, min(scale, 2.5))
        font = QApplication.font()
        font.setPointSizeF(self.base_font.pointSizeF() * self.type_scale)
        QApplication.setFont(font)
        for chart in self.charts:
            chart.set_type_scale(self.type_scale)

    def toggle_high_contrast(self) -> None:
        on = self.contrast_action.isChecked()
        QApplication.instance().setStyleSheet(
            "* { color: #000000; } QWidget { background-color: #FFFFFF; } "
            "QTreeWidget::item:selected, QTableView::item:selected { background: #000000; color: #FFFF00; }"
            if on
            else ""
        )
        for chart in self.charts:
            chart.set_high_contrast(on)

    # -- the user's library ------------------------------------------------------------------

    def show_codebook(self):
        from .library_dialogs import CodebookDialog

        self.codebook_dialog = CodebookDialog(self, self.reading.passage_id)
        self.codebook_dialog.show()
        return self.codebook_dialog

    def show_documents(self):
        from .library_dialogs import DocumentsDialog

        self.documents_dialog = DocumentsDialog(self)
        self.documents_dialog.show()
        return self.documents_dialog

    def review_passage(self):
        from .library_dialogs import ReviewDialog

        if self.reading.passage_id:
            self.review_dialog = ReviewDialog(self, self.reading.passage_id)
            self.review_dialog.show()
            return self.review_dialog
        return None

    # -- importing ---------------------------------------------------------------------------

    def ask_and_import(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(self, "Import documents", "", "Documents (*.txt *.md *.markdown *.html *.htm *.pdf *.docx)")
        if paths:
            self.import_files([Path(p) for p in paths])

    def import_files(self, paths: list[Path]):
        from ..pipeline.library import Library, library_dir
        from .import_dialog import ImportDialog

        taken = set(self.coded.documents["doc_id"])
        self.import_dialog = ImportDialog(paths, Library(library_dir()), taken, self)
        self.import_dialog.imported.connect(lambda ids: self.reload_data() if ids else None)
        self.import_dialog.show()
        return self.import_dialog

    def dragEnterEvent(self, event) -> None:
        from .import_dialog import importable

        if event.mimeData().hasUrls() and any(importable(Path(u.toLocalFile())) for u in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:
        from .import_dialog import importable

        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if importable(Path(u.toLocalFile()))]
        if paths:
            self.import_files(paths)
            event.acceptProposedAction()

    def reload_data(self) -> "MainWindow":
        """Open the window again on the dataset as it is now (after an import), as it was left."""
        from .app import load

        fresh = MainWindow(load(None), remember=self.remember)
        fresh.setGeometry(self.geometry())
        fresh.state.apply(self.state.state)
        MainWindow.latest = fresh  # a Python reference keeps it alive once the old window closes
        fresh.show()
        fresh.statusBar().showMessage("Your library was updated.", 8000)
        self.remember = False  # the new window saves the layout
        self.close()
        # Qt deletes the old window at the next turn of the event loop. Left to Python's garbage
        # collector, it could be destroyed in the middle of a Qt call that holds Qt's signal lock,
        # and its destructor would wait for that lock forever.
        self.deleteLater()
        return fresh

    # -- exports and comparison ------------------------------------------------------------

    def open_comparison(self) -> CompareWindow:
        if len(self.store.scenarios) < 2:
            self.statusBar().showMessage("Save at least two scenarios to compare them (Scenarios tab).", 8000)
        self.compare_window = CompareWindow(self.coded, self.store)
        self.compare_window.show()
        return self.compare_window

    def _export(self, work) -> None:
        try:
            self.statusBar().showMessage(work(), 10000)
        except DataFileError as error:
            self.statusBar().showMessage(str(error), 15000)

    def _ask_width(self, widget: QWidget) -> int | None:
        width, ok = QInputDialog.getInt(self, "PNG size", "Width of the PNG in pixels (2× the view suits slides):", min(2 * widget.width(), MAX_PNG_WIDTH), 200, MAX_PNG_WIDTH, 100)
        return width if ok else None

    def ask_and_export(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, "Export every view to a folder")
        width = self._ask_width(self) if folder else None
        if folder and width:
            self._export(lambda: f"Exported {len(export_views(self, Path(folder), FORMATS, width))} files to {folder}")

    def export_widget(self, widget: QWidget, title: str) -> None:
        """One chart as PNG, SVG and PDF (the chart's right-click menu)."""
        folder = QFileDialog.getExistingDirectory(self, f"Export the {title} to a folder")
        width = self._ask_width(widget) if folder else None
        if folder and width:
            self._export(lambda: f"Exported {len(export_view(widget, Path(folder), file_stem(title), FORMATS, self.caption_text(), width))} files to {folder}")

    def export_passages(self, path: Path) -> Path:
        """The passage list as CSV (spreadsheet-safe) or Markdown, with citations."""
        rows, documents = self.selected_passages(), self.coded.documents
        if path.suffix.lower() == ".md":
            text = passages_markdown(rows, documents, self.scenario_name or "Passages")
            return atomically(path, lambda t: Path(t).write_text(text, encoding="utf-8") > 0)
        return atomically(path, lambda t: Path(t).write_bytes(passages_csv(rows, documents)) > 0)

    def ask_and_export_passages(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, "Export the passage list", "passages.csv", "CSV (*.csv);;Markdown (*.md)")
        if path:
            self._export(lambda: f"Wrote {self.export_passages(Path(path))}")

    def ask_and_pack(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, "Where to put the seminar pack")
        if folder:
            scenario = self.current_scenario(self.scenario_name or "Current view", self.scenario_note)
            self._export(lambda: f"Seminar pack written to {seminar_pack(self, Path(folder), scenario.to_json())}")

    # -- scenarios and exports ------------------------------------------------------------

    def apply_scenario(self, scenario: Scenario) -> None:
        self.scenario_name = scenario.name
        self.scenario_note = scenario.note
        self.matrix.set_measure(scenario.measure)
        self.state.apply(ExplorerState(scenario.filters, scenario.selection, scenario.search), source="Scenario")
        self.figures.show_indicator(scenario.indicator)

    def current_scenario(self, name: str, note: str = "") -> Scenario:
        state = self.state.state
        return Scenario(name, note, state.filters, state.selection, state.search, self.matrix.measure_name, self.figures.current_indicator())

    def selected_passages(self):
        return passages_for(self.coded, self.state.state.mask(self.coded))

    def caption_text(self) -> str:
        state = self.state.state
        description = view_description(state.filters, state.selection, state.search, self.coded.taxonomy)
        count = int(state.mask(self.coded).sum())
        return caption(self.scenario_name, description, self.coded.version, datetime.date.today().isoformat(), count)

    def _focus_search(self) -> None:
        self.passage_list.search.setFocus()
        self.passage_list.search.selectAll()

    # -- remembered layout ---------------------------------------------------------------

    def _restore(self) -> str:
        """Put back the window as it was left; settings of the wrong shape are ignored. Returns what went wrong."""
        settings, problem = load_settings()
        window = settings.get("window")
        window = window if isinstance(window, dict) else {}
        geometry = window.get("geometry")
        if isinstance(geometry, str) and geometry.isascii():
            self.restoreGeometry(QByteArray.fromHex(geometry.encode("ascii")))
        splitters = window.get("splitters")
        for name, splitter in self.splitters.items():
            saved = splitters.get(name) if isinstance(splitters, dict) else None
            if isinstance(saved, str) and saved.isascii():
                splitter.restoreState(QByteArray.fromHex(saved.encode("ascii")))
        last = settings.get("last_scenario")
        names = [sc.name for sc in self.store.scenarios]
        if isinstance(last, str) and last in names:
            self.scenarios.show_scenario(names.index(last))
        return problem

    def closeEvent(self, event) -> None:
        dialog = getattr(self, "import_dialog", None)
        if dialog is not None and shiboken6.isValid(dialog) and dialog.running():
            self.statusBar().showMessage("Stopping the import in progress (it is undone; your library stays as it was)…")
            QApplication.processEvents()
            dialog.stop()  # quitting while importing stops it cleanly, never destroys a running thread
        QApplication.instance().removeEventFilter(self)  # closed in seminar mode
        if self.remember:
            settings, _ = load_settings()
            settings["last_scenario"] = self.scenario_name
            settings["window"] = {
                "geometry": bytes(self.saveGeometry().toHex()).decode("ascii"),
                "splitters": {name: bytes(s.saveState().toHex()).decode("ascii") for name, s in self.splitters.items()},
            }
            try:
                save_settings(settings)
            except OSError as exc:
                self.statusBar().showMessage(f"Could not save the window layout: {exc}")
        super().closeEvent(event)
