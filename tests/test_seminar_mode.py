"""Seminar mode for a projector: type for the back of the room, the scenario on screen, high contrast, one view at a time."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFontMetrics
from PySide6.QtWidgets import QApplication, QToolTip

from nsp_explorer.core.filters import FilterSpec
from nsp_explorer.core.scenario import Scenario, ScenarioStore
from nsp_explorer.gui.charts.base import TICK_POINTS
from nsp_explorer.gui.charts.framing_view import FADED, FADED_HIGH_CONTRAST
from nsp_explorer.gui.main_window import MainWindow

NOTE = "Week 3: who frames security as a challenge?"


@pytest.fixture
def window(qtbot, coded, tmp_path, monkeypatch):
    monkeypatch.setenv("NSP_EXPLORER_CONFIG_DIR", str(tmp_path / "config"))
    store = ScenarioStore.open(tmp_path / "scenarios", coded.taxonomy, coded.authors, coded.years)
    store.add(Scenario("Peace up to 2019", NOTE, FilterSpec(pillars={"peace"}, years={2017, 2019}), FilterSpec(), "", "share", None))
    store.add(Scenario("Peace after 2019", "Compare", FilterSpec(pillars={"peace"}, years={2020, 2021, 2025}), FilterSpec(), "", "share", None))
    window = MainWindow(coded, remember=False, scenario_folder=tmp_path / "scenarios")
    qtbot.addWidget(window)
    window.resize(1280, 720)
    window.show()
    qtbot.waitExposed(window)
    yield window
    if window.seminar:
        window.toggle_seminar_mode()  # the application font is shared by the tests that follow


def look(window) -> list:
    """Everything that sets how text and colour look, for every chart."""
    charts = []
    for chart in window.charts:
        axes = []
        for plot in chart.plots:
            for side, axis in plot.axes.items():
                axes.append((side, axis.style["tickFont"].pointSizeF() if axis.style["tickFont"] else None, dict(axis.labelStyle), axis.pen().color().name(), axis.pen().widthF()))
        charts.append((chart.caption_label.styleSheet(), chart.message.styleSheet(), chart.caption_label.text(), chart.palette, axes))
    return [QApplication.font().pointSizeF(), QToolTip.font().pointSizeF(), QApplication.instance().styleSheet(),
            window.matrix.cell_labels.font.pointSizeF(), window.figures.scatter.opts["size"],
            window.matrix.colour_bar.axis.style["tickFont"] and window.matrix.colour_bar.axis.style["tickFont"].pointSizeF(),
            dict(window.matrix.colour_bar.axis.labelStyle), charts]


def points(style: dict) -> float:
    return float(style["font-size"].removesuffix("pt"))


def test_seminar_mode_enlarges_every_text_and_shows_the_scenario(window, qtbot):
    window.scenarios.show_scenario(0)
    base_font = QApplication.font().pointSizeF()
    assert not window.banner.isVisible()
    window.toggle_seminar_mode()
    scale = window.type_scale
    assert scale >= 1.4
    assert QApplication.font().pointSizeF() == pytest.approx(base_font * scale)  # headings, legends, buttons
    assert QToolTip.font().pointSizeF() == pytest.approx(base_font * scale)  # tooltips
    for chart in window.charts:
        assert f"font-size: {base_font * scale:.1f}pt" in chart.caption_label.styleSheet()  # captions and legends
        for plot in chart.plots:
            for side in ("left", "bottom"):
                axis = plot.getAxis(side)
                assert axis.style["tickFont"].pointSizeF() == pytest.approx(TICK_POINTS * scale)
                if axis.labelText:
                    assert points(axis.labelStyle) == pytest.approx(9 * scale, abs=0.06)  # axis titles
    assert window.matrix.cell_labels.font.pointSizeF() == pytest.approx(8 * scale)  # values in cells
    key = window.matrix.colour_bar.axis  # the heatmap's colour key
    assert key.style["tickFont"].pointSizeF() == pytest.approx(TICK_POINTS * scale) and points(key.labelStyle) == pytest.approx(9 * scale, abs=0.06)
    # the scenario's name and note, on screen for the room
    assert window.banner.isVisible()
    assert "Peace up to 2019" in window.banner.text() and NOTE.split(":")[0] in window.banner.text()
    window.scenarios.step(1)
    assert "Peace after 2019" in window.banner.text() and "Compare" in window.banner.text()


def test_leaving_seminar_mode_restores_the_normal_look_exactly(window, qtbot):
    qtbot.wait(300)  # painted: a caption says whether its cells' numbers fit after a paint
    before = look(window)
    window.toggle_seminar_mode()
    window.set_type_scale(window.type_scale * 1.15)  # Ctrl+ in the room
    window.contrast_action.setChecked(True)
    window.toggle_high_contrast()
    assert look(window) != before
    window.toggle_seminar_mode()
    qtbot.wait(300)
    after = look(window)
    for a, b in zip(after[-1], before[-1]):
        assert a == b, [(x, y) for x, y in zip(a, b) if x != y]
    assert after == before
    assert not window.banner.isVisible() and window.left.isVisible()
    assert window.menuBar().isVisible() and window.statusBar().isVisible()


def test_high_contrast_on_and_off_in_the_room_leaves_no_large_type_behind(window, qtbot):
    widgets = (window.passage_list.table, window.filter_panel.tree, window.reading.browser)
    before = [w.font().pointSizeF() for w in widgets]
    window.toggle_seminar_mode()
    for on in (True, False):  # Ctrl+Shift+H twice
        window.contrast_action.setChecked(on)
        window.toggle_high_contrast()
        window.set_type_scale(window.type_scale * 1.1)  # Ctrl+: the passages follow, high contrast or not
        qtbot.waitUntil(lambda: window.passage_list.table.font().pointSizeF() == pytest.approx(QApplication.font().pointSizeF()), timeout=2000)
    window.toggle_seminar_mode()
    assert [w.font().pointSizeF() for w in widgets] == before  # the passages and filters were left in the room's type


def test_back_from_the_room_the_panes_are_as_they_were(window, qtbot):
    qtbot.wait(300)  # the window laid out
    def panes():
        return ({name: s.sizes() for name, s in window.splitters.items()}, window.chart_scroll.verticalScrollBar().value(),
                window.filter_panel.tree.columnWidth(1))
    before = panes()
    window.toggle_seminar_mode()
    window.toggle_seminar_mode()
    qtbot.waitUntil(lambda: panes() == before, timeout=3000)  # the filters were wider, the charts scrolled, the counts' column wide


def test_seminar_mode_fills_the_screen_with_the_charts_alone_even_without_a_window_manager(window, qtbot):
    size = window.size()
    window.toggle_seminar_mode()
    screen = window.screen().geometry()
    qtbot.waitUntil(lambda: window.size() == screen.size())
    assert not window.menuBar().isVisible() and not window.statusBar().isVisible() and not window.left.isVisible()
    window.toggle_seminar_mode()
    qtbot.waitUntil(lambda: window.size() == size)


def test_high_contrast_is_a_palette_not_only_thicker_axes(window, qtbot):
    bars = window.pillars.bars[0]
    normal_bar = QColor(bars.opts["brush"]).name()
    normal_cell = window.matrix.image.getColorMap().map(0.0, mode="qcolor").name()
    window.contrast_action.setChecked(True)
    window.toggle_high_contrast()
    assert QColor(bars.opts["brush"]).name() != normal_bar and bars.opts["pen"] is not None
    assert window.matrix.image.getColorMap().map(0.0, mode="qcolor").name() != normal_cell
    assert window.partners.bar.opts["brush"] in ("#000000", QColor("#000000"))
    framing = window.framing  # its thin cells too: less pale, outlined, their counts in black
    thin = framing.faded_segments["achievement"].opts["brush"].color()
    assert thin.alpha() >= 150 and thin.name() == "#005a1e" and framing.faded_segments["achievement"].opts["pen"] is not None
    starred = [c for t, c in zip(framing.cell_labels.texts, framing.cell_labels.colours) if t.endswith("*")]
    assert starred and all(c.name() == "#000000" for c in starred)
    window.contrast_action.setChecked(False)
    window.toggle_high_contrast()
    assert QColor(bars.opts["brush"]).name() == normal_bar
    assert framing.faded_segments["achievement"].opts["brush"].color().alpha() == FADED < FADED_HIGH_CONTRAST  # pale again


def test_one_view_at_a_time_steps_like_slides(window, qtbot):
    window.scenarios.show_scenario(0)
    window.toggle_seminar_mode()
    window.set_one_view(True)
    assert window.chart_pages.currentWidget() is window.single_view
    assert window.single_view.layout().itemAt(0).widget() is window.charts[0]
    with_data = [i for i, chart in enumerate(window.charts) if not chart.showing_message]  # a view with nothing is stepped over
    assert len(with_data) >= 6
    for expected in with_data[1:]:
        qtbot.keyClick(window, Qt.Key.Key_PageDown)  # what a presentation clicker sends
        assert window.view_index == expected
        assert window.single_view.layout().count() == 1 and window.single_view.layout().itemAt(0).widget() is window.charts[expected]
        assert f"View {expected + 1} of {len(window.charts)}" in window.banner.text()
    qtbot.keyClick(window, Qt.Key.Key_PageDown)  # past the last view: the next scenario, from its first view
    assert window.view_index == 0 and window.scenario_name == "Peace after 2019"
    qtbot.keyClick(window, Qt.Key.Key_Left)
    assert window.view_index == with_data[-1]
    window.toggle_seminar_mode()  # back to the grid, every chart in its place
    assert window.chart_pages.currentWidget() is window.chart_scroll
    assert all(window.chart_grid.inner.layout().indexOf(chart) >= 0 for chart in window.charts)


def rows_box(window, chart) -> tuple[int, int]:
    """The top and bottom of a chart's rows, in the window's coordinates."""
    rect = chart.plot.vb.sceneBoundingRect()
    top = chart.graphics.mapTo(window, chart.graphics.mapFromScene(rect.topLeft())).y()
    bottom = chart.graphics.mapTo(window, chart.graphics.mapFromScene(rect.bottomLeft())).y()
    return top, bottom


def rows_level(window) -> bool:
    """The framing view's and the attention chart's areas at the same heights."""
    (top_f, bottom_f), (top_a, bottom_a) = rows_box(window, window.framing), rows_box(window, window.matrix)
    return abs(top_f - top_a) <= 1 and abs(bottom_f - bottom_a) <= 1


def test_the_attention_chart_beside_the_framing_view_shares_its_rows_and_its_labels(window, qtbot):
    framing, attention = window.framing, window.matrix
    left = attention.plot.getAxis("left")

    def level() -> bool:
        return rows_level(window)

    def named(axis) -> bool:
        return all(text for _, text in axis._tickLevels[0]) and axis.width() > 60

    qtbot.waitUntil(level, timeout=2000)  # the same areas at the same heights: one set of labels reads across both
    assert not any(text for _, text in left._tickLevels[0]) and left.width() < 20
    assert named(framing.plot.getAxis("left"))
    window.toggle_seminar_mode()  # larger type: taller headings, and still level (in the grid the lecturer may ask for)
    window.set_one_view(False)
    qtbot.waitUntil(level, timeout=2000)
    window.set_one_view(True)
    window.show_view(window.charts.index(attention))  # alone, the attention chart names its rows again
    qtbot.waitUntil(lambda: named(left), timeout=2000)
    window.set_one_view(False)
    qtbot.waitUntil(lambda: not named(left) and level(), timeout=2000)


def test_one_view_at_a_time_in_the_window_steps_through_views_too(window, qtbot):
    """As the README says: one view at a time, Page Down is the next view, in seminar mode or not."""
    window.scenarios.show_scenario(0)
    window.set_one_view(True)
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_PageDown)
    assert window.view_index == 1 and window.scenario_name != "Peace after 2019"
    window.set_one_view(False)


def test_seminar_mode_shows_one_view_at_a_time_when_the_charts_at_room_type_do_not_fit_the_screen(window, qtbot):
    assert window.charts_fit_screen()  # the usual type: the whole grid fits the test screen
    window.toggle_seminar_mode()
    assert not window.charts_fit_screen()  # type for the back of the room: it would scroll, its labels cut short
    assert window.one_view and window.chart_pages.currentWidget() is window.single_view
    assert window.single_view.layout().itemAt(0).widget() is window.charts[0]
    assert f"View 1 of {len(window.charts)}" in window.banner.text()  # the room is told how to step
    window.set_one_view(False)  # the lecturer may still ask for every view at once
    assert window.chart_pages.currentWidget() is window.chart_scroll
    window.toggle_seminar_mode()
    window.toggle_seminar_mode()
    assert window.one_view  # and is given one view again the next time
    window.toggle_seminar_mode()
    assert not window.one_view and window.chart_pages.currentWidget() is window.chart_scroll  # as it was before


def test_back_from_one_view_at_a_time_every_chart_is_drawn_at_its_whole_height(window, qtbot):
    qtbot.waitUntil(lambda: rows_level(window), timeout=2000)
    width = window.framing.graphics.range.width()
    window.set_one_view(True)  # the framing view alone, larger: back in the grid its upright names ask for more room
    qtbot.waitUntil(lambda: window.framing.graphics.range.width() > width, timeout=2000)
    qtbot.wait(300)
    window.set_one_view(False)
    qtbot.wait(300)
    qtbot.waitUntil(lambda: rows_level(window), timeout=2000)
    for chart in window.charts:  # the plot fills its view (it kept the height it had in the middle of the move)
        assert chart.graphics.range.height() == chart.graphics.height(), type(chart).__name__


def test_the_room_is_never_shown_a_blank_slide(window, qtbot):
    window.scenarios.show_scenario(1)  # Peace after 2019: its passages cite no figure with a year
    assert window.figures.showing_message
    assert window.figures.caption_label.text() == ""  # no author keyed beside a chart with no marker
    window.toggle_seminar_mode()
    window.show_view(window.charts.index(window.figures) - 1)
    qtbot.keyClick(window, Qt.Key.Key_PageDown)  # over the empty view, on into the next scenario's first view
    assert window.view_index == 0 and window.scenario_name == "Peace up to 2019"
    qtbot.keyClick(window, Qt.Key.Key_PageUp)  # and back: the view before the empty one
    assert window.charts[window.view_index] is not window.figures and window.scenario_name == "Peace after 2019"
    window.toggle_seminar_mode()
    window.set_one_view(True)  # in the window the lecturer preparing the class may step onto it
    window.show_view(window.charts.index(window.figures) - 1)
    window.step_view(1)
    assert window.charts[window.view_index] is window.figures
    window.set_one_view(False)


def test_titles_say_what_they_count_where_there_is_room_and_never_run_into_each_other(window, qtbot):
    timeline, figures = window.timeline, window.figures
    def titles():
        return timeline.published.titles["left"], timeline.mentioned.titles["left"]
    def short() -> bool:  # the grid's short row: a word each, or none where even a word would be cut
        metrics = QFontMetrics(timeline.published.getAxis("left").label.font())
        return all(t in ("published", "mentioned", "") and (not t or metrics.horizontalAdvance(t) <= p.height())
                   for t, p in zip(titles(), (timeline.published, timeline.mentioned))) and "naming" not in titles()[1]
    qtbot.waitUntil(short, timeout=2000)
    assert "<br>" in figures.plot.title.text  # a narrow chart: the indicator on its own line, not cut at the edge
    window.set_one_view(True)
    window.show_view(window.charts.index(timeline))
    qtbot.waitUntil(lambda: titles() == ("passages published", "passages naming the year"), timeout=2000)
    window.show_view(window.charts.index(figures))
    qtbot.waitUntil(lambda: "<br>" not in figures.plot.title.text, timeout=2000)  # alone: one line
    window.set_one_view(False)
    qtbot.waitUntil(short, timeout=2000)
