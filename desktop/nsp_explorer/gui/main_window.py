"""The main window: filters on the left, linked charts, and the passages they rest on."""

from __future__ import annotations

from dataclasses import replace

import html

import shiboken6
from PySide6.QtCore import QByteArray, QEvent, Qt, QTimer
from pathlib import Path

from PySide6.QtGui import QAction, QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QFrame,
    QGridLayout,
    QMainWindow,
    QLabel,
    QScrollArea,
    QStackedWidget,
    QSplitter,
    QTabWidget,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from ..core.aggregate import passages_for
from ..core.coded import CodedPassages
from ..core.cache import NOT_MADE_AGAIN
from ..core.filters import ExplorerState
from ..core.report import passages_csv, passages_markdown
from ..core.errors import DataFileError
from ..core.scenario import Scenario, ScenarioStore
from .breadcrumb import Breadcrumb
from .charts.bars import FrameMix, PartnerChart, PillarProfile, Timeline
from .charts.cited_figures import CitedFigures
from .charts.base import TICK_POINTS
from .charts.framing_matrix import FramingMatrix
from .charts.framing_view import FramingView
from .charts.shared_rows import SharedRows
from .compare import CompareWindow
from .export_dialogs import ask_export_folder, ask_folder, ask_layout, ask_save_path
from .export import FORMATS, atomically, chart_stems, export_chart, export_views, seminar_pack
from .filter_panel import FilterPanel
from .scenarios_panel import ScenarioPanel, scenarios_dir
from .screen import fit_within_screen, saved_rect, window_rect
from .passages import PassageList, ReadingPane
from .settings import load_settings, save_settings
from .state import FilterState

SPLITTERS = ("outer", "right", "bottom")


class ChartGrid(QWidget):
    """The charts, as tall as the room they are given (down to their minimum, then they scroll).

    Word-wrapped captions give a layout a height for each width, which a
    scroll area follows instead of its own height: the charts would always be
    drawn as tall as they would like to be. This box has no layout of its
    own; it gives its whole area to the grid inside.
    """

    def __init__(self, grid: QGridLayout):
        super().__init__()
        self.inner = QWidget(self)
        self.inner.setLayout(grid)
        self.inner.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.LayoutRequest:  # larger type: a new minimum for the scroll area
            self.updateGeometry()
        return False

    def minimumSizeHint(self):
        return self.inner.minimumSizeHint()

    def sizeHint(self):
        return self.inner.minimumSizeHint()

    def resizeEvent(self, event) -> None:
        self.inner.setGeometry(self.rect())
        super().resizeEvent(event)


def quit_keys() -> list[QKeySequence]:
    """Ctrl+Q quits on every platform (Windows has no standard key for it), and so do the platform's own keys."""
    keys = [QKeySequence("Ctrl+Q")]
    return keys + [k for k in QKeySequence.keyBindings(QKeySequence.StandardKey.Quit) if k not in keys]


class MainWindow(QMainWindow):
    latest: MainWindow | None = None  # the window opened by the last reload_data()
    def __init__(self, coded: CodedPassages, remember: bool = True, scenario_folder: Path | None = None):
        super().__init__()
        self.coded = coded
        self.remember = remember
        self.state = FilterState(self)
        # the scenario last shown or saved, as it shows the view (the banner and the exports name it while the view is its)
        self.scenario_view: Scenario | None = None
        self.setWindowTitle(f"NSP Explorer — {len(coded.documents):,} documents, {len(coded):,} passages")

        self.filter_panel = FilterPanel(coded, self.state)
        self.breadcrumb = Breadcrumb(coded.taxonomy, self.state)
        self.framing = FramingView(coded, self.state)
        self.matrix = FramingMatrix(coded, self.state)
        self.pillars = PillarProfile(coded, self.state)
        self.frames = FrameMix(coded, self.state)
        self.timeline = Timeline(coded, self.state)
        self.partners = PartnerChart(coded, self.state)
        self.figures = CitedFigures(coded, self.state)
        self.charts = [self.framing, self.matrix, self.pillars, self.frames, self.timeline, self.partners, self.figures]
        self.passage_list = PassageList(coded, self.state)
        self.reading = ReadingPane(coded, self.state)
        self.store = ScenarioStore.open(scenario_folder or scenarios_dir(), coded.taxonomy, coded.authors, coded.years)
        self.scenarios = ScenarioPanel(self, self.store)
        self.scenarios.message.connect(lambda text: self.statusBar().showMessage(text, 8000))
        self.scenarios.counted.connect(lambda n: self.left.setTabText(1, f"Scenarios ({n})"))
        for changed in (self.state.changed, self.matrix.measure.currentIndexChanged, self.figures.choice.currentIndexChanged):
            changed.connect(self._view_changed)  # the banner says when the view is no longer the scenario's
        self.compare_window: CompareWindow | None = None
        self.type_scale = 1.0
        self.base_font = QApplication.font()
        self.seminar = False
        self.one_view = False
        self.view_index = 0  # the view shown when one view at a time
        self._before_seminar = (1.0, False, False)  # type scale, high contrast, one view: restored on leaving

        grid = QGridLayout()
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(4)
        # (row, column, row span, column span) on six equal columns. The charts with many rows of labels
        # (sixteen areas, seventeen partners) take two of the three rows, so that a short screen still fits them:
        # how authors frame each area beside how much they write about it, then the partners; below them the
        # profiles, the timeline and the cited figures.
        places = {self.framing: (0, 0, 2, 2), self.matrix: (0, 2, 2, 2), self.partners: (0, 4, 2, 2),
                  self.pillars: (2, 0, 1, 1), self.frames: (2, 1, 1, 1), self.timeline: (2, 2, 1, 2), self.figures: (2, 4, 1, 2)}
        self.places = places
        # the attention chart stands right of the framing view on the same rows: one set of area labels for both
        self.shared_rows = SharedRows(self.framing, self.matrix, lambda: not self.one_view)
        for chart, (row, col, rows, cols) in places.items():
            grid.addWidget(chart, row, col, rows, cols)
        for col in range(6):
            grid.setColumnStretch(col, 1)
        for row in range(3):
            grid.setRowStretch(row, 1)
        self.chart_grid = ChartGrid(grid)
        self.chart_scroll = QScrollArea()  # on a short screen the charts scroll rather than pile their labels up
        self.chart_scroll.setWidgetResizable(True)
        self.chart_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.chart_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.chart_scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to the charts in it, each showing where the keys are
        self.chart_scroll.setWidget(self.chart_grid)
        charts = QWidget()
        column = self.chart_column = QVBoxLayout(charts)
        column.setContentsMargins(0, 0, 0, 0)
        self.banner = QLabel()  # seminar mode: the scenario's name and note, for the room
        self.banner.setWordWrap(True)
        self.banner.setTextFormat(Qt.TextFormat.RichText)  # built from escaped text only
        self.banner.setStyleSheet("background: #1F2A44; color: #FFFFFF; padding: 6px 10px;")
        self.banner.hide()
        self.single_view = QWidget()
        QVBoxLayout(self.single_view).setContentsMargins(0, 0, 0, 0)
        self.chart_pages = QStackedWidget()
        self.chart_pages.addWidget(self.chart_scroll)
        self.chart_pages.addWidget(self.single_view)
        column.addWidget(self.banner)
        column.addWidget(self.breadcrumb)
        column.addWidget(self.chart_pages, 1)

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
        bottom.setSizes([700, 570])
        for splitter in self.splitters.values():
            splitter.setChildrenCollapsible(False)
        self.setCentralWidget(outer)
        self._actions()
        self.statusBar().showMessage(f"Dataset {coded.version} · {coded.folder}")
        self.resize(1600, 1000)
        self.setAcceptDrops(True)
        for chart in self.charts:
            chart.refresh()
            chart.fit_minimum_height()
        self.startup_notices = list(coded.library_notes)  # what the user must hear about: a library or settings set aside
        # nothing is wrong with the data: only the start was slower. Said only when every start will be slow (the cache
        # could not be made again); a first start on a new account, which makes it, needs no word
        self.startup_notices.append(
            f"Started without the fast-start cache: {coded.cache_note}." if NOT_MADE_AGAIN in coded.cache_note else ""
        )
        if remember:
            self.startup_notices.append(self._restore())
        self.startup_notices = [n for n in self.startup_notices if n]
        self._fitted = False
        self._short = False  # the window had to shrink to the screen
        self.fit_to_screen()
        if self.startup_notices:
            self.statusBar().showMessage(" ".join(self.startup_notices), 60000)
            self.statusBar().setToolTip("\n\n".join(self.startup_notices))  # the line is cut at the window's width: the whole text on hover

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
        action(file_menu, "&Export views…", "Ctrl+E", self.ask_and_export, "Every view as a figure for slides or a paper: PNG, SVG and PDF")
        action(file_menu, "Export seminar &pack…", "Ctrl+Shift+E", self.ask_and_pack, "One folder: every view, the passages, the scenario, a README")
        action(file_menu, "Export passage &list…", "Ctrl+Shift+L", self.ask_and_export_passages, "The passages shown, as CSV or Markdown, with citations")
        action(file_menu, "&Quit", "Ctrl+Q", self.close).setShortcuts(quit_keys())
        view = self.menuBar().addMenu("&View")
        action(view, "Clear &selection", "Esc", lambda: self.state.clear_selection(source="MainWindow"), "Undo the narrowing made by clicking charts")
        action(view, "&Reset filters", "Ctrl+R", self.filter_panel.reset, "Show everything again")
        action(view, "&Find in passages", QKeySequence.StandardKey.Find, self._focus_search)
        action(view, "Attention chart as &shares", "Ctrl+1", lambda: self.matrix.set_measure("share"))
        action(view, "Attention chart as &counts", "Ctrl+2", lambda: self.matrix.set_measure("count"))
        view.addSeparator()
        action(view, "Compare scenarios…", "Ctrl+K", self.open_comparison, "Two scenarios side by side, and their difference")
        action(view, "Next scenario (or view)", "PgDown", lambda: self.page(1))
        action(view, "Previous scenario (or view)", "PgUp", lambda: self.page(-1))
        view.addSeparator()
        action(view, "Code&book…", "Ctrl+B", self.show_codebook, "Which words signal each code; add your own")
        action(view, "Coding &quality…", "Ctrl+Shift+Q", self.show_coding_quality, "How well the automatic coding agrees with careful readers")
        view.addSeparator()
        self.seminar_action = action(view, "Seminar mode (full screen)", "F11", self.toggle_seminar_mode)
        self.seminar_action.setCheckable(True)
        action(view, "Larger type", "Ctrl++", lambda: self.set_type_scale(self.type_scale * 1.15))
        action(view, "Larger type", "Ctrl+=", lambda: self.set_type_scale(self.type_scale * 1.15)).setVisible(False)
        action(view, "Smaller type", "Ctrl+-", lambda: self.set_type_scale(self.type_scale / 1.15))
        self.contrast_action = action(view, "High contrast", "Ctrl+Shift+H", self.toggle_high_contrast)
        self.contrast_action.setCheckable(True)
        self.one_view_action = action(view, "One view at a time", "Ctrl+Shift+V", lambda: self.set_one_view(not self.one_view),
                                      "One chart filling the window; Page Down / Page Up or the arrow keys step through them (seminar mode)")
        self.one_view_action.setCheckable(True)
        action(view, "Next view", "Ctrl+PgDown", lambda: self.step_view(1))
        action(view, "Previous view", "Ctrl+PgUp", lambda: self.step_view(-1))
        go = view.addMenu("&Go to view")  # on a low screen the lower charts are out of sight: one key brings each
        for n, chart in enumerate(self.charts):
            action(go, f"&{n + 1} {chart.title}", f"Alt+{n + 1}", lambda _=False, n=n: self.go_to_view(n), "Scroll to this chart and put the keyboard in it")
        action(go, "&Passages", "Alt+8", lambda: self.passage_list.table.setFocus(), "Put the keyboard in the passage list")
        action(go, "&Filters", "Alt+9", self._focus_filters, "Put the keyboard in the filters")
        help_menu = self.menuBar().addMenu("&Help")
        action(help_menu, "&About NSP Explorer", "F1", self.show_about, "Version, dataset sources and licences")

    def show_about(self) -> None:
        from .about import AboutDialog

        self.about = AboutDialog(self.coded, self)
        self.about.show()

    # -- seminar mode ---------------------------------------------------------------------

    def page(self, by: int) -> None:
        """Page Down / Page Up (what presentation clickers send): the next scenario or, one view at a time (in
        seminar mode or not), the next view (and on past the last one to the next scenario's first)."""
        if self.one_view:
            self.step_view(by)
        else:
            self.scenarios.step(by)

    def eventFilter(self, watched, event) -> bool:
        """In seminar mode, one view at a time, the arrow keys step through the views too."""
        steps = {Qt.Key.Key_Right: 1, Qt.Key.Key_Down: 1, Qt.Key.Key_Left: -1, Qt.Key.Key_Up: -1}
        if event.type() == QEvent.Type.KeyPress and self.seminar and self.one_view and event.key() in steps:
            self.step_view(steps[event.key()])
            return True
        return super().eventFilter(watched, event)

    def seminar_type_scale(self) -> float:
        """Type for the back of a room: tick labels at least about 1/45 of the screen's height."""
        screen = self.screen() or QApplication.primaryScreen()
        height = screen.geometry().height() if screen is not None else 768
        tick_pixels = TICK_POINTS * self.logicalDpiY() / 72
        return round(max(1.4, height / 45 / tick_pixels), 2)

    def toggle_seminar_mode(self) -> None:
        """Full screen for the room: the charts alone, larger type, the scenario on a banner; again to come back
        exactly as it was (type size, contrast, one view or all)."""
        if self.seminar:
            self.seminar = False
            QApplication.instance().removeEventFilter(self)
            scale, contrast, one_view = self._before_seminar
            if contrast != self.contrast_action.isChecked():
                self.contrast_action.setChecked(contrast)
                self.toggle_high_contrast()
            self.set_type_scale(scale)  # before the grid comes back: its charts' minimum widths are the smaller type's
            self.set_one_view(one_view)
            self.showNormal()
            for part in self._room_hides():
                part.show()
            QApplication.sendPostedEvents()  # the smaller type's smaller minimum sizes, or the old size would not fit them
            self.setGeometry(saved_rect(self._before_rect))
            if self._before_maximized:
                self.showMaximized()
            QTimer.singleShot(0, self, self._restore_panes)
        else:
            self.seminar = True
            self._before_seminar = (self.type_scale, self.contrast_action.isChecked(), self.one_view)
            self._before_rect = window_rect(self)
            self._before_maximized = self.isMaximized()
            self._before_panes = ({name: splitter.sizes() for name, splitter in self.splitters.items()}, self.chart_scroll.verticalScrollBar().value())
            for part in self._room_hides():
                part.hide()
            self.showFullScreen()
            QTimer.singleShot(300, self, self._fill_screen)
            self.set_type_scale(self.seminar_type_scale())
            if not self.charts_fit_screen():
                self.set_one_view(True)  # the room sees each chart whole, stepped like slides, not half a grid cut off
            QApplication.instance().installEventFilter(self)  # only now: it sees every event of the app
        self.seminar_action.setChecked(self.seminar)
        self.update_banner()

    def _restore_panes(self) -> None:
        """Back from the room, once the window has its size again: the filters, charts and passages as wide and tall as
        they were, the charts scrolled as they were (the panes the room hid came back at other sizes)."""
        sizes, scrolled = self._before_panes
        for name, splitter in self.splitters.items():
            splitter.setSizes(sizes[name])
        self.chart_scroll.verticalScrollBar().setValue(scrolled)

    def charts_fit_screen(self) -> bool:
        """Whether every chart, at the present type size, fits the screen at once: no scrolling, no label cut short.
        Seminar type (1/45 of the screen's height) makes them too large on any screen of the usual shapes."""
        screen = self.screen() or QApplication.primaryScreen()
        if screen is None:
            return True
        QApplication.sendPostedEvents()  # the new type's font changes, which set the charts' minimum sizes
        self.chart_grid.inner.layout().activate()
        need, room = self.chart_grid.minimumSizeHint(), screen.geometry()
        return need.width() <= room.width() and need.height() + self.breadcrumb.sizeHint().height() <= room.height()

    def _fill_screen(self) -> None:
        """Without a window manager full screen does not resize the window: once the switch has had its time, the
        window takes the screen itself (a window manager has done so already, and this does nothing)."""
        screen = self.screen() or QApplication.primaryScreen()
        if self.seminar and screen is not None and self.geometry() != screen.geometry():
            self.setGeometry(screen.geometry())

    def _room_hides(self) -> list[QWidget]:
        """What seminar mode hides: the filters, the passages, the menus and the status bar (the shortcuts still
        work: the actions belong to the window). The line of what is selected stays, for the room."""
        return [self.left, self.splitters["bottom"], self.menuBar(), self.statusBar()]

    def set_type_scale(self, scale: float) -> None:
        """Larger or smaller type everywhere (for the back of the room): labels, legends, captions, tooltips, and
        every text the charts draw."""
        self.type_scale = max(0.7, min(scale, 2.5))
        font = QFont(self.base_font)
        font.setPointSizeF(self.base_font.pointSizeF() * self.type_scale)
        QApplication.setFont(font)
        QToolTip.setFont(font)
        if self.contrast_action.isChecked():
            self._apply_app_style()  # set again: widgets under a style sheet take a new application font only then
        for chart in self.charts:
            chart.set_type_scale(self.type_scale)
        self.shared_rows.follow()  # headings of another height move the plots below them

    def toggle_high_contrast(self) -> None:
        on = self.contrast_action.isChecked()
        self._apply_app_style()
        for chart in self.charts:
            chart.set_high_contrast(on)

    def _apply_app_style(self) -> None:
        """High contrast as an application style sheet: colours only. A type size in it would be set on every widget
        and stay there once the sheet is gone (Ctrl+Shift+H twice in the room left the passages in the room's type)."""
        if not self.contrast_action.isChecked():
            QApplication.instance().setStyleSheet("")
            return
        QApplication.instance().setStyleSheet(
            "* { color: #000000; } QWidget { background-color: #FFFFFF; } "
            "QTreeWidget::item:selected, QTableView::item:selected { background: #000000; color: #FFFF00; }"
        )

    def update_banner(self) -> None:
        """In seminar mode: the scenario's name and note above the charts (and which view, one at a time)."""
        parts = []
        if self.scenario_name:
            changed = "" if self.scenario_shown() else " <span style='color:#C8D3E6'>(changed since: a filter, a click or a search)</span>"
            parts.append(f"<b>{html.escape(self.scenario_name)}</b>{changed}")
        if self.scenario_note:
            parts.append(html.escape(self.scenario_note).replace("\n", "<br>"))
        if self.one_view:
            parts.append(f"<span style='color:#C8D3E6'>View {self.view_index + 1} of {len(self.charts)} · Page Down / → next</span>")
        self.banner.setStyleSheet(f"background: #1F2A44; color: #FFFFFF; padding: 6px 10px; font-size: {1.15 * QApplication.font().pointSizeF():.1f}pt;")
        self.banner.setText(" — ".join(parts))
        self.banner.setVisible(self.seminar and bool(parts))

    # -- one view at a time ---------------------------------------------------------------

    def set_one_view(self, on: bool) -> None:
        """One chart filling the chart area, stepped like slides; or all of them in their grid."""
        if on == self.one_view:
            return
        chart = self.charts[self.view_index]
        if on:
            self.chart_grid.inner.layout().removeWidget(chart)
            self.single_view.layout().addWidget(chart)
            self.chart_pages.setCurrentWidget(self.single_view)
        else:
            self.single_view.layout().removeWidget(chart)
            self._put_back(chart)
            self.chart_pages.setCurrentWidget(self.chart_scroll)
        chart.show()
        self.one_view = on
        self.one_view_action.setChecked(on)
        self.update_banner()
        self.shared_rows.follow()

    def _put_back(self, chart) -> None:
        row, col, rows, cols = self.places[chart]
        self.chart_grid.inner.layout().addWidget(chart, row, col, rows, cols)

    def step_view(self, by: int) -> None:
        """The next or previous view; past the last one, the next scenario's first view (and back). In seminar mode a
        view with nothing to show ("The selected passages cite no figures") is stepped over: no blank slide for the room."""
        index = self.view_index
        for _ in self.charts:
            index += by
            if not 0 <= index < len(self.charts):
                if self.seminar and len(self.store.scenarios) > 1:
                    self.scenarios.step(1 if by > 0 else -1)
                index %= len(self.charts)
            if not (self.seminar and self.charts[index].showing_message):
                break
        self.show_view(index)

    def go_to_view(self, index: int) -> None:
        """One chart brought into sight (scrolled to, or shown alone in one-view mode) with the keyboard in it."""
        if self.one_view:
            self.show_view(index)
        else:
            self.view_index = index
            chart = self.charts[index]  # its top at the top of the chart area (a tall chart shows its heading first)
            top = chart.mapTo(self.chart_scroll.widget(), chart.rect().topLeft()).y()
            self.chart_scroll.verticalScrollBar().setValue(max(0, top - self.chart_grid.inner.layout().spacing()))
        self.charts[index].setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _focus_filters(self) -> None:
        self.left.setCurrentIndex(0)
        self.filter_panel.tree.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def show_view(self, index: int) -> None:
        if not self.one_view:
            self.view_index = index
            return
        old, new = self.charts[self.view_index], self.charts[index]
        if old is not new:
            self.single_view.layout().removeWidget(old)
            self._put_back(old)
            self.single_view.layout().addWidget(new)
            new.show()
        self.view_index = index
        self.update_banner()
        self.shared_rows.follow()

    # -- the user's library ------------------------------------------------------------------

    def show_codebook(self):
        from .library_dialogs import CodebookDialog

        self.codebook_dialog = CodebookDialog(self, self.reading.passage_id)
        self.codebook_dialog.show()
        return self.codebook_dialog

    def show_coding_quality(self):
        from .quality import CodingQualityDialog

        self.quality_dialog = CodingQualityDialog(self.coded.folder, self)
        self.quality_dialog.show()
        return self.quality_dialog

    def show_documents(self):
        from .library_dialogs import DocumentsDialog

        self.documents_dialog = DocumentsDialog(self)
        self.documents_dialog.show()
        return self.documents_dialog

    def review_passage(self, passage_id: str = "", sentence: int = 0):
        """The review dialog on a passage (the one being read, by default), open at one of its sentences (0: the whole
        passage); from a Framing cell's list of sentences it opens on the frames, what the list is about."""
        from .library_dialogs import ReviewDialog

        passage_id = passage_id or self.reading.passage_id
        if passage_id:
            first = "frame" if self.reading.listing is not None else "pillar"
            self.review_dialog = ReviewDialog(self, passage_id, sentence, first=first)
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
        self.carry_view_to(fresh)
        fresh.statusBar().showMessage("Your library was updated.", 8000)
        if self.close_comparison():
            fresh.open_comparison()  # on the dataset as it is now
        dialog = getattr(self, "import_dialog", None)
        if dialog is not None and dialog.isVisible():  # its report (what could not be imported) stays to be read
            dialog.setParent(fresh, dialog.windowFlags())  # not deleted with this window
            fresh.import_dialog = dialog
            dialog.show()
        self.remember = False  # the new window saves the layout
        self.close()
        # Qt deletes the old window at the next turn of the event loop. Left to Python's garbage
        # collector, it could be destroyed in the middle of a Qt call that holds Qt's signal lock,
        # and its destructor would wait for that lock forever.
        self.deleteLater()
        return fresh

    def carry_view_to(self, fresh: "MainWindow") -> None:
        """What a reload keeps besides the filters and the passage in focus: the type and contrast, the panes and the
        charts' scroll, one view at a time and which view, and a Framing cell's list of sentences where it was read."""
        # in seminar mode, the window as it was before (the room's type and hidden panes are not the window's)
        scale, contrast, one_view = self._before_seminar if self.seminar else (self.type_scale, self.contrast_action.isChecked(), self.one_view)
        if contrast != fresh.contrast_action.isChecked():
            fresh.contrast_action.setChecked(contrast)
            fresh.toggle_high_contrast()
        fresh.base_font = QFont(self.base_font)  # the application's font is this window's scaled one: scale the unscaled
        fresh.set_type_scale(scale)
        fresh.set_one_view(one_view)
        fresh.show_view(self.view_index)
        sizes = self._before_panes[0] if self.seminar else {name: splitter.sizes() for name, splitter in self.splitters.items()}
        for name, widths in sizes.items():
            fresh.splitters[name].setSizes(widths)
        if self.reading.listing is not None:
            fresh.reading.show_sentences(fresh.state.state, *self.reading.listing)
        scrolls = [(self.chart_scroll, fresh.chart_scroll), (self.reading.browser, fresh.reading.browser)]
        QApplication.sendPostedEvents()  # the new window's layout first, or the scroll bars' ranges are too short
        for old, new in scrolls:
            new.verticalScrollBar().setValue(old.verticalScrollBar().value())

    # -- exports and comparison ------------------------------------------------------------

    def close_comparison(self) -> bool:
        """Close the comparison window, if there is one; whether it was open."""
        window, self.compare_window = self.compare_window, None
        if window is None or not shiboken6.isValid(window):
            return False
        was_open = window.isVisible()
        window.close()
        window.deleteLater()  # deleted by Qt, never left to Python's collector
        return was_open

    def open_comparison(self) -> CompareWindow:
        if len(self.store.scenarios) < 2:
            self.statusBar().showMessage("Save at least two scenarios to compare them (Scenarios tab).", 8000)
        self.close_comparison()
        self.compare_window = CompareWindow(self.coded, self.store, remember=self.remember)
        quit_from_there = QShortcut(self.compare_window)  # quits from either window
        quit_from_there.setKeys(quit_keys())
        quit_from_there.activated.connect(self.close)
        self.compare_window.show()
        return self.compare_window

    def _export(self, work) -> None:
        try:
            self.statusBar().showMessage(work(), 10000)
        except DataFileError as error:
            self.statusBar().showMessage(str(error), 15000)

    def ask_and_export(self) -> None:
        target = ask_export_folder(self, "Export every view to a folder", None, self.remember, self._say)
        layout = ask_layout(self) if target else None
        if target and layout:
            folder, in_the_way = target
            self._export(lambda: export_views(self, folder, FORMATS, layout[1], layout[0]).clear_left_over(in_the_way).summary())

    def export_widget(self, widget: QWidget, title: str) -> None:
        """One chart's figure as PNG, SVG and PDF (the chart's right-click menu)."""
        target = ask_export_folder(self, f"Export the {title} to a folder", chart_stems(title), self.remember, self._say)
        layout = ask_layout(self) if target else None
        if target and layout:
            folder, in_the_way = target
            self._export(lambda: export_chart(self, title, folder, FORMATS, layout[1], layout[0]).clear_left_over(in_the_way).summary())

    def _say(self, text: str) -> None:
        self.statusBar().showMessage(text, 10000)

    def export_passages(self, path: Path) -> Path:
        """The passage list as CSV (spreadsheet-safe) or Markdown, with citations."""
        rows, documents = self.selected_passages(), self.coded.documents
        if path.suffix.lower() == ".md":
            text = passages_markdown(rows, documents, self.scenario_shown() or "Passages")
            return atomically(path, lambda t: Path(t).write_text(text, encoding="utf-8") > 0)
        return atomically(path, lambda t: Path(t).write_bytes(passages_csv(rows, documents)) > 0)

    def ask_and_export_passages(self) -> None:
        path = ask_save_path(self, "Export the passage list", "passages.csv", "CSV (*.csv);;Markdown (*.md)", self.remember)
        if path:
            self._export(lambda: f"Wrote {self.export_passages(path)}")

    def ask_and_pack(self) -> None:
        folder = ask_folder(self, "Where to put the seminar pack", self.remember)
        if folder:
            shown = self.scenario_shown()
            scenario = self.current_scenario(shown or "Current view", self.scenario_note if shown else "")
            self._export(lambda: seminar_pack(self, folder, scenario.to_json()).summary().replace("Exported", "Seminar pack:", 1))

    # -- scenarios and exports ------------------------------------------------------------

    def apply_scenario(self, scenario: Scenario) -> None:
        self.matrix.set_measure(scenario.measure)
        self.state.apply(ExplorerState(scenario.filters, scenario.selection, scenario.search), source="Scenario")
        self.figures.show_indicator(scenario.indicator)
        self.name_the_view(scenario.name, scenario.note)

    def changed_since_shown(self) -> bool:
        """Whether the view differs from the scenario it was made from (a change not stored in it)."""
        return bool(self.scenario_name) and not self.scenario_shown()

    def _view_changed(self, *_) -> None:
        if self.scenario_name:
            self.scenarios.show_changed(self.scenario_name if self.changed_since_shown() else "")
            if self.seminar:
                self.update_banner()

    def name_the_view(self, name: str, note: str) -> None:
        """The view now is the scenario of this name (shown or just saved)."""
        self.scenario_view = self.current_scenario(name, note)
        self.scenarios.show_changed("")
        self.update_banner()

    def rename_the_view(self, name: str) -> None:
        """The scenario shown was renamed: the view is still its own (or still changed from it), under the new name."""
        if self.scenario_view is not None:
            changed = self.changed_since_shown()
            self.scenario_view = replace(self.scenario_view, name=name)
            self.scenarios.show_changed(name if changed else "")
            self.update_banner()

    def forget_scenario(self) -> None:
        """The scenario the view was made from is gone (deleted): the view is no one's now."""
        self.scenario_view = None
        self.scenarios.show_changed("")
        self.update_banner()

    def note_the_view(self, note: str) -> None:
        """The scenario's note as it is written now (the banner shows it)."""
        if self.scenario_view is not None:
            self.scenario_view = replace(self.scenario_view, note=note)
            self.update_banner()

    @property
    def scenario_name(self) -> str:
        return self.scenario_view.name if self.scenario_view else ""

    @property
    def scenario_note(self) -> str:
        return self.scenario_view.note if self.scenario_view else ""

    def current_scenario(self, name: str, note: str = "") -> Scenario:
        state = self.state.state
        return Scenario(name, note, state.filters, state.selection, state.search, self.matrix.measure_name, self.figures.current_indicator())

    def scenario_shown(self) -> str:
        """The scenario's name while the view is still the scenario's; '' once a filter, a click, a search, the
        measure or the indicator changed it (an export then says what it shows, never a name that is no longer true)."""
        view = self.scenario_view
        if view is None or not view.name:
            return ""
        return view.name if self.current_scenario(view.name, view.note) == view else ""

    def selected_passages(self):
        return passages_for(self.coded, self.state.state.mask(self.coded))

    def _focus_search(self) -> None:
        self.passage_list.search.setFocus()
        self.passage_list.search.selectAll()

    # -- remembered layout ---------------------------------------------------------------

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if not self._fitted:  # once shown, the window manager's frame is known: fit again with it
            self._fitted = True
            self.fit_to_screen()
            if self._short:
                QTimer.singleShot(0, self, self.charts_to_whole_rows)  # once laid out; never after the window is gone

    def fit_to_screen(self) -> None:
        """Keep the window inside the screen's free area (see fit_within_screen); a short window gives most
        of its height to the charts, the passages keep a few rows."""
        if fit_within_screen(self):
            self._short = True
            self.splitters["right"].setSizes([int(self.height() * 0.62), int(self.height() * 0.38)])

    def charts_to_whole_rows(self) -> None:
        """On a short screen, end the charts' part of the window where a row of charts ends: the next row is a
        scroll away, not a strip of cut titles, and the first row is whole (the charts take 40 to 72 % of the height)."""
        right, viewport = self.splitters["right"], self.chart_scroll.viewport().height()
        if self.one_view or self.seminar:
            return
        ends = sorted({c.geometry().bottom() + 1 for c in self.charts if c.isVisible()})
        if not ends:
            return
        whole = [end for end in ends if end <= viewport]  # rows that fit whole
        sizes = right.sizes()
        change = (whole[-1] if whole else ends[0]) - viewport  # < 0: give back the strip of the next row; > 0: the first row's rest
        if abs(change) > 2 and 0.4 * sum(sizes) <= sizes[0] + change <= 0.72 * sum(sizes):
            right.setSizes([sizes[0] + change, sizes[1] - change])

    def _restore(self) -> str:
        """Put back the window as it was left; settings of the wrong shape are ignored. Returns what went wrong."""
        settings, problem = load_settings()
        window = settings.get("window")
        window = window if isinstance(window, dict) else {}
        rect, geometry = saved_rect(window.get("rect")), window.get("geometry")
        if rect is not None:
            self.setGeometry(rect)  # the window's own rectangle, as left (fit_to_screen brings it within this screen)
            if window.get("maximized") is True:
                self.setWindowState(self.windowState() | Qt.WindowState.WindowMaximized)
        elif isinstance(geometry, str) and geometry.isascii():  # as saved by earlier versions
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
        self.close_comparison()  # its scenarios are this window's: quitting here quits the app
        if self.remember:
            settings, _ = load_settings()
            settings["last_scenario"] = self.scenario_name
            settings["window"] = {
                "rect": self._before_rect if self.seminar else window_rect(self),  # never the full screen's
                "maximized": self._before_maximized if self.seminar else self.isMaximized(),
                "splitters": {name: bytes(s.saveState().toHex()).decode("ascii") for name, s in self.splitters.items()},
            }
            try:
                save_settings(settings)
            except OSError as exc:
                self.statusBar().showMessage(f"Could not save the window layout: {exc}")
        super().closeEvent(event)
