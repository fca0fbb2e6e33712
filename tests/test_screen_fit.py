"""The window fits the screen it opens on, and its charts lay out by the room they have."""

from __future__ import annotations

import json

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QApplication

from nsp_explorer.core.coded import code_passages
from nsp_explorer.core.dataset import load_dataset
from nsp_explorer.gui.charts.framing_matrix import FramingMatrix
from nsp_explorer.gui.main_window import MainWindow
from nsp_explorer.gui.state import FilterState
from nsp_explorer.pipeline.synthetic import write_synthetic


def inside(window) -> bool:
    free = QApplication.primaryScreen().availableGeometry()
    return free.contains(window.frameGeometry())


def test_a_fresh_profile_opens_within_the_screen(qtbot, coded, dirs):
    window = MainWindow(coded, remember=True, scenario_folder=dirs / "scenarios")
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert inside(window), (window.frameGeometry(), QApplication.primaryScreen().availableGeometry())


def test_a_layout_saved_on_a_larger_screen_is_brought_within_this_one(qtbot, coded, dirs):
    big = MainWindow(coded, remember=False, scenario_folder=dirs / "scenarios")
    qtbot.addWidget(big)
    big.setGeometry(QRect(900, 700, 3000, 2000))
    geometry = bytes(big.saveGeometry().toHex()).decode("ascii")
    settings = dirs / "config" / "settings.json"
    saved = json.loads(settings.read_text()) if settings.exists() else {}
    settings.parent.mkdir(parents=True, exist_ok=True)
    settings.write_text(json.dumps(saved | {"window": {"geometry": geometry}}))
    window = MainWindow(coded, remember=True, scenario_folder=dirs / "scenarios")
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert inside(window)


def test_the_filter_panel_can_be_narrowed(qtbot, coded, dirs):
    window = MainWindow(coded, remember=False, scenario_folder=dirs / "scenarios")
    qtbot.addWidget(window)
    assert window.left.minimumSizeHint().width() <= 260  # it was ~445 px: the scenarios heading did not wrap


def test_twelve_authors_get_every_column_label_upright_under_a_narrow_matrix(qtbot, data, taxonomy, tmp_path, dirs):
    write_synthetic(load_dataset(data / "dataset", taxonomy), 3000, 2026, tmp_path / "synth", 12)
    coded = code_passages(load_dataset(tmp_path / "synth", taxonomy), taxonomy)
    assert len(coded.authors) == 12
    window = MainWindow(coded, remember=False, scenario_folder=dirs / "scenarios")
    qtbot.addWidget(window)
    window.resize(1280, 720)
    window.show()
    qtbot.waitExposed(window)
    axis = window.matrix.plot.getAxis("bottom")
    assert len(axis.labels) == 12 and axis.turned  # upright: level they would run into each other
    metrics = QFontMetrics(axis.style["tickFont"])
    assert axis.height() >= max(metrics.horizontalAdvance(label.replace("\n", " ")) for label in axis.labels)
    wide = FramingMatrix(coded, FilterState())  # the same chart with room enough: level labels
    qtbot.addWidget(wide)
    wide.resize(2400, 700)
    wide.show()
    qtbot.waitExposed(wide)
    assert not wide.plot.getAxis("bottom").turned


def test_on_a_short_screen_the_charts_end_where_a_row_of_charts_ends(qtbot, coded, dirs):
    window = MainWindow(coded, remember=False, scenario_folder=dirs / "scenarios")
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    viewport, right = window.chart_scroll.viewport(), window.splitters["right"]

    def row_ends() -> list[int]:
        return sorted({chart.geometry().bottom() + 1 for chart in window.charts})

    def ends_at_a_row() -> bool:
        return any(abs(viewport.height() - end) <= 2 for end in row_ends())

    qtbot.waitUntil(ends_at_a_row)  # as it opens
    first = row_ends()[0]
    for off in (+25, -15):  # a strip of the next row's titles showing; the first row's axis titles cut off
        sizes, delta = right.sizes(), first + off - viewport.height()
        right.setSizes([sizes[0] + delta, sizes[1] - delta])
        qtbot.waitUntil(lambda: abs(viewport.height() - first - off) <= 2)
        assert not ends_at_a_row()
        window.charts_to_whole_rows()
        qtbot.waitUntil(ends_at_a_row)


def test_the_window_comes_back_where_and_as_large_as_it_was_left(qtbot, coded, dirs):
    """Its own rectangle is kept: Qt's geometry blob guessed a title bar where no window manager draws one, and the
    window came back 25 px lower and shorter, its status bar cut off (seen under Xvfb; the offscreen platform guesses no
    frame, so here this guards the saved rectangle's round trip)."""
    first = MainWindow(coded, remember=True, scenario_folder=dirs / "scenarios")
    qtbot.addWidget(first)
    first.show()
    qtbot.waitExposed(first)
    first.setGeometry(QRect(40, 30, 700, 520))
    qtbot.wait(20)
    left = first.geometry()
    first.close()
    again = MainWindow(coded, remember=True, scenario_folder=dirs / "scenarios")
    qtbot.addWidget(again)
    again.show()
    qtbot.waitExposed(again)
    assert again.geometry() == left


def test_tab_leaves_the_passage_list(qtbot, coded, dirs):
    window = MainWindow(coded, remember=False, scenario_folder=dirs / "scenarios")
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    table = window.passage_list.table
    table.setFocus()
    first = table.model().index(0, 0)
    table.setCurrentIndex(first)
    qtbot.keyClick(table, Qt.Key.Key_Tab)
    assert table.currentIndex() == first  # the focus moves on to the next control, not to the next cell or passage


def test_a_name_too_long_for_its_row_keeps_its_first_and_last_words(qapp):
    """"Strategic and traditional sec…" hid the word a lecturer looks for; the middle words go first."""
    from PySide6.QtGui import QFont, QFontMetrics

    from nsp_explorer.gui.charts.base import shortened

    metrics = QFontMetrics(QFont())
    name = "Strategic and traditional security"
    room = metrics.horizontalAdvance("Strategic and … security")
    assert shortened(name, metrics, room) == "Strategic and … security"
    assert shortened(name, metrics, metrics.horizontalAdvance(name)) == name  # it fits: whole
    assert shortened("Development cooperation", metrics, metrics.horizontalAdvance("Development coop")).startswith("Development")
    assert metrics.horizontalAdvance(shortened("Development cooperation", metrics, 60)) <= 60
