"""The comparison window compares: aligned rows, equal scales and widths, one unit, authors across scenarios."""

from __future__ import annotations

import html
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import QRect, Qt

from nsp_explorer.core.aggregate import frame_matrix
from nsp_explorer.core.filters import FilterSpec
from nsp_explorer.core.wording import signed_points
from nsp_explorer.core.scenario import Scenario, ScenarioStore
from nsp_explorer.gui.charts.bars import FrameMix
from nsp_explorer.gui.compare import POINTS, POOLED, CompareWindow

UP_TO_2019 = FilterSpec(pillars={"peace"}, years={2017, 2019})
AFTER_2019 = FilterSpec(pillars={"peace"}, years={2020, 2021, 2025})


@pytest.fixture
def compare(qtbot, coded, tmp_path, monkeypatch):
    monkeypatch.setenv("NSP_EXPLORER_CONFIG_DIR", str(tmp_path / "config"))
    store = ScenarioStore.open(tmp_path / "scenarios", coded.taxonomy, coded.authors, coded.years)
    store.add(Scenario("Peace up to 2019", "", UP_TO_2019, FilterSpec(), "", "share", None))
    store.add(Scenario("Peace after 2019", "", AFTER_2019, FilterSpec(), "", "share", None))
    store.add(Scenario("Challenges", "", FilterSpec(frames={"challenge"}), FilterSpec(), "", "share", None))
    window = CompareWindow(coded, store, remember=True)
    qtbot.addWidget(window)
    window.resize(1280, 720)
    window.show()
    qtbot.waitExposed(window)
    return window


def view_rect(window, chart):
    """Where a heatmap's cells are, in the window's coordinates."""
    vb = chart.plot.vb
    rect = vb.sceneBoundingRect()
    top = chart.graphics.mapTo(window, chart.graphics.mapFromScene(rect.topLeft()))
    bottom = chart.graphics.mapTo(window, chart.graphics.mapFromScene(rect.bottomRight()))
    return top, bottom


def test_rows_line_up_with_labels_on_both_sides_and_equal_widths(compare, qtbot):
    compare.choose(2, 0)
    qtbot.wait(20)
    rows = [view_rect(compare, chart) for chart in compare.heatmaps]
    tops = [top.y() for top, _ in rows]
    bottoms = [bottom.y() for _, bottom in rows]
    assert max(tops) - min(tops) <= 1 and max(bottoms) - min(bottoms) <= 1, (tops, bottoms)
    a, b = compare.matrices
    assert abs(a.width() - b.width()) <= 2 and abs(a.width() - compare.difference.width()) <= 2
    assert abs(compare.profiles[0].width() - compare.profiles[1].width()) <= 2  # equal values, equal bars
    for chart in compare.heatmaps:  # B's rows (and the difference's) are labelled too
        ticks = chart.plot.getAxis("left")._tickLevels[0]
        assert len(ticks) == len(chart.areas) and all(text for _, text in ticks)
    assert all(isinstance(pair.views[1], FrameMix) for pair in compare.views["profiles"])  # the frame mix, on both sides


def test_the_difference_is_in_the_unit_of_its_colour_bar(compare, coded):
    compare.choose(2, 0)
    scale = compare.difference.colour_bar
    assert scale.levels() == (-POINTS, POINTS) and "points" in scale.axis.labelText
    a = frame_matrix(coded, FilterSpec(frames={"challenge"}).mask(coded)).to_numpy().T
    b = frame_matrix(coded, UP_TO_2019.mask(coded)).to_numpy().T
    values = compare.difference.values
    assert values.shape[1] == 3  # Fabrian and Lee are on both sides, then all authors
    assert np.allclose(values[:, :2], 100 * (a - b)[:, :2], equal_nan=True)
    texts = compare.difference.cell_labels.texts
    first = next(i for i, v in enumerate(values.ravel()) if v == v)
    assert texts[first].rstrip("*") == signed_points(values.ravel()[first])  # the cell says what the colour says


def test_scenarios_without_a_shared_author_say_so_and_can_be_compared_pooled_or_across_authors(compare, coded, qtbot):
    compare.choose(0, 1)  # Peace up to 2019 vs after 2019: no author in both
    # all authors together, said on the column and the axis, as the exported figure does; and the lists offer the pairs
    assert not compare.difference.showing_message and compare.difference.values.shape == (len(compare.difference.areas), 1)
    assert compare.difference.plot.getAxis("bottom").labels == ["All\nauthors"]
    assert "No author on both sides" in html.unescape(compare.difference.plot.getAxis("bottom").labelText)
    compare.how.setCurrentIndex(compare.how.findData(POOLED))
    assert not compare.difference.showing_message and compare.difference.values.shape == (len(compare.difference.areas), 1)
    mask_a, mask_b = UP_TO_2019.mask(coded), AFTER_2019.mask(coded)
    pooled_a = frame_matrix(coded, mask_a, "count").to_numpy().sum(axis=0) / mask_a.sum()
    pooled_b = frame_matrix(coded, mask_b, "count").to_numpy().sum(axis=0) / mask_b.sum()
    assert np.allclose(compare.difference.values[:, 0], 100 * (pooled_a - pooled_b))
    compare.compare_authors("Lee Jaehyon", "Mehmet Enes Beşer")
    lee, beser = coded.authors.index("Lee Jaehyon"), coded.authors.index("Mehmet Enes Beşer")
    share_a = frame_matrix(coded, mask_a).to_numpy()[lee]
    share_b = frame_matrix(coded, mask_b).to_numpy()[beser]
    assert np.allclose(compare.difference.values[:, 0], 100 * (share_a - share_b))
    assert "Lee" in compare.difference.plot.getAxis("bottom").labels[0] and "Beşer" in compare.difference.plot.getAxis("bottom").labels[0]
    assert html.unescape(compare.difference.plot.getAxis("bottom").labelText) == "A's author − B's author"  # not "Author (publication year)"


def test_esc_closes_the_comparison_and_export_is_in_view(compare, qtbot):
    button = compare.export_button
    corner = button.mapTo(compare, button.rect().bottomRight())
    assert button.isVisible() and compare.rect().contains(corner)
    assert button.width() >= button.sizeHint().width()  # not cut off
    qtbot.keyClick(compare, Qt.Key.Key_Escape)
    assert not compare.isVisible()


def test_ctrl_w_closes_the_comparison(compare, qtbot):
    qtbot.keyClick(compare, Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier)
    assert not compare.isVisible()


def test_the_framing_views_of_a_and_b_line_up_and_show_each_scenarios_frames(compare, coded, qtbot):
    from nsp_explorer.core.framing import framing_mix

    compare.choose(2, 0)  # Challenges vs Peace up to 2019
    qtbot.wait(20)
    a, b = compare.framings
    (top_a, bottom_a), (top_b, bottom_b) = view_rect(compare, a), view_rect(compare, b)
    assert abs(top_a.y() - top_b.y()) <= 1 and abs(bottom_a.y() - bottom_b.y()) <= 1  # the same rows at the same heights
    assert abs(a.width() - b.width()) <= 2
    rows = [[text for _, text in chart.plot.getAxis("left")._tickLevels[0]] for chart in (a, b)]
    assert rows[0] == rows[1] and len(rows[0]) == len(a.areas) and all(rows[0])  # both sides name their rows
    expected_a = framing_mix(coded, FilterSpec(frames={"challenge"})).to_numpy()
    expected_b = framing_mix(coded, UP_TO_2019).to_numpy()
    assert (a.counts.transpose(1, 0, 2).reshape(expected_a.shape) == expected_a).all()
    assert (b.counts.transpose(1, 0, 2).reshape(expected_b.shape) == expected_b).all()
    assert not (a.counts == b.counts).all()


def test_a_scenario_of_everything_is_drawn_when_the_window_opens(qtbot, coded, tmp_path, monkeypatch):
    """A scenario that filters nothing is the state a side starts in: it must still be drawn, not left blank."""
    monkeypatch.setenv("NSP_EXPLORER_CONFIG_DIR", str(tmp_path / "config"))
    store = ScenarioStore.open(tmp_path / "scenarios", coded.taxonomy, coded.authors, coded.years)
    store.add(Scenario("Everything", "", FilterSpec(), FilterSpec(), "", "share", None))
    store.add(Scenario("Peace up to 2019", "", UP_TO_2019, FilterSpec(), "", "share", None))
    window = CompareWindow(coded, store)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    for side in (0, 1):
        matrix, framing, profile = window.matrices[side], window.framings[side], window.profiles[side]
        assert any(text not in ("", "–") for text in matrix.cell_labels.texts), f"side {'AB'[side]}: attention cells empty"
        assert framing.counts[:, :, 0].any(), f"side {'AB'[side]}: framing empty"
        assert np.isfinite(profile.values).any(), f"side {'AB'[side]}: pillar profile empty"


def test_the_profiles_are_readable_in_a_narrow_column_on_a_projector(compare, qtbot):
    """The pillar profile's and frame mix's names each get a line's height at 1280×720, and their percent ticks
    stand apart (they ran together as "255075")."""
    from PySide6.QtGui import QFont, QFontMetrics

    compare.choose(0, 1)
    qtbot.wait(50)
    for pair in compare.views["profiles"]:
        for chart in pair.views:
            left, bottom = chart.plot.getAxis("left"), chart.plot.getAxis("bottom")
            line = QFontMetrics(left.style.get("tickFont") or QFont()).height()
            rows = chart.plot.vb.sceneBoundingRect().height()
            assert rows >= len(chart.authors) * line, (type(chart).__name__, rows, len(chart.authors) * line)
            ticks = [value for value, _ in bottom._tickLevels[0]]
            spacing = chart.plot.vb.width() * (ticks[1] - ticks[0]) / 100 if len(ticks) > 1 else chart.plot.vb.width()
            assert spacing >= 1.5 * QFontMetrics(bottom.style.get("tickFont") or QFont()).horizontalAdvance("75"), (ticks, chart.plot.vb.width())


def test_the_exported_comparison_shows_the_difference_the_window_shows(compare, coded, tmp_path, monkeypatch):
    """One author of A against one of B in the window: the exported figure's A − B is the same pair, the same numbers."""
    import nsp_explorer.figures.compare as figures_compare
    from nsp_explorer.figures.export import Exported, draw

    drawn = []
    monkeypatch.setattr(figures_compare, "write_figures", lambda figures, context, folder, *rest: drawn.append((figures, context)) or Exported(folder=folder))
    compare.choose(1, 0)  # Peace after 2019 vs up to 2019
    compare.compare_authors("Siti Atiqah Mokhter", "Dira Fabrian")
    window_values = [text for text in compare.difference.cell_labels.texts]
    compare.export_to(tmp_path)
    (attention, _), context = drawn[0]
    sheet = draw(attention, context, "slide-16x9", 1600)
    figure_values = dict(zip((t.get_position()[1] for t in sheet.figure.axes[2].texts), (t.get_text() for t in sheet.figure.axes[2].texts)))
    shown = [compare.difference.areas.index(a) for a in coded.taxonomy.ids("area") if any(
        (s.state.mask(coded) & coded.has("area", a)).any() for s in compare.states)]
    assert [figure_values[row] for row in range(len(shown))] == [window_values[r] for r in shown]
    assert "Mokhter" in sheet.figure.axes[2].get_xticklabels()[0].get_text()


def test_the_window_comes_back_with_the_last_choices_and_offers_each_sides_authors(compare, coded):
    compare.choose(1, 0)  # Peace after 2019 vs up to 2019: no author in both
    offered = [[picker.itemData(i) for i in range(picker.count())] for picker in compare.pair_pickers]
    assert offered == [["Siti Atiqah Mokhter", "Choe Won-gi", "Mehmet Enes Beşer"], ["Dira Fabrian", "Lee Jaehyon"]]
    compare.compare_authors("Choe Won-gi", "Lee Jaehyon")
    assert not compare.difference.showing_message and all(t != "–" for t in compare.difference.cell_labels.texts)
    compare.setGeometry(0, 60, 800, 480)
    compare.close()  # Esc, or the window's close button
    again = CompareWindow(coded, compare.store, remember=True)
    try:
        assert again.geometry() == QRect(0, 60, 800, 480)  # where and as large as it was left
        assert [p.currentText() for p in again.pickers] == ["Peace after 2019", "Peace up to 2019"]
        assert again.how.currentData() == "pair" and [p.currentData() for p in again.pair_pickers] == ["Choe Won-gi", "Lee Jaehyon"]
        assert np.allclose(again.difference.values, compare.difference.values, equal_nan=True)
    finally:
        again.deleteLater()


def test_export_asks_for_the_layout_starts_at_the_last_folder_and_says_what_it_wrote(compare, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog, QInputDialog

    starts = []

    def choose_folder(parent, title, start=""):
        starts.append(start)
        return str(tmp_path / "slides")

    monkeypatch.setattr(QFileDialog, "getExistingDirectory", choose_folder)
    monkeypatch.setattr(QInputDialog, "getItem", lambda *a, **k: ("Slide 4:3", True))
    monkeypatch.setattr(QInputDialog, "getInt", lambda *a, **k: (800, True))
    (tmp_path / "slides").mkdir()
    compare.choose(2, 0)
    compare.ask_and_export()
    written = sorted(p.name for p in (tmp_path / "slides").iterdir())
    assert written == sorted(f"{stem}.{f}" for stem in ("comparison", "comparison-framing") for f in ("png", "svg", "pdf"))
    from PySide6.QtGui import QImage

    image = QImage(str(tmp_path / "slides" / "comparison.png"))
    assert image.width() == 800 and image.height() == 600  # the slide chosen
    assert compare.status.text() == f"Exported 6 files to {tmp_path / 'slides'}"
    from PySide6.QtWidgets import QMessageBox

    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda parent, title, text, *a: asked.append(text) or QMessageBox.StandardButton.No)
    compare.ask_and_export()
    assert starts == [str(Path.home()), str(tmp_path / "slides")]  # the home folder, never the app's; then the last one
    assert "6 files in" in asked[0] and "comparison.png" in asked[0]  # asked before replacing the first export: kept
    assert QImage(str(tmp_path / "slides" / "comparison.png")).width() == 800


def test_the_window_and_the_exported_figure_have_the_same_difference_columns(compare, coded):
    """Each author with themselves: the authors on both sides, then all authors, in the window as on the slide."""
    from nsp_explorer.figures.compare import Difference, _Comparison
    from nsp_explorer.figures.context import FigureContext
    from nsp_explorer.figures.export import draw
    from nsp_explorer.core.filters import ExplorerState

    compare.choose(2, 0)  # Challenges vs Peace up to 2019: Fabrian and Lee on both sides
    window = [label.replace("\n", " ") for label in compare.difference.plot.getAxis("bottom").labels]
    assert window == ["Fabrian 2017", "Lee 2019", "All authors"]
    sides = [FigureContext(coded, ExplorerState(s.state.filters), name) for s, name in zip(compare.states, "AB")]
    sheet = draw(_Comparison(*sides, Difference(compare.how.currentData())), sides[0], "slide-16x9", 1600)
    assert [t.get_text().replace("\n", " ") for t in sheet.figure.axes[2].get_xticklabels()] == window
    figure_values = [t.get_text() for t in sheet.figure.axes[2].texts]
    shown = [r for r, a in enumerate(compare.difference.areas) if any((s.state.mask(coded) & coded.has("area", a)).any() for s in compare.states)]
    window_values = compare.difference.cell_labels.texts
    assert figure_values == [window_values[r * 3 + c] for r in shown for c in range(3)]


def test_opening_the_window_writes_no_settings_until_the_user_chooses(qtbot, coded, tmp_path, monkeypatch):
    import json

    monkeypatch.setenv("NSP_EXPLORER_CONFIG_DIR", str(tmp_path / "config"))
    store = ScenarioStore.open(tmp_path / "scenarios", coded.taxonomy, coded.authors, coded.years)
    for name, spec in (("Up to 2019", UP_TO_2019), ("After 2019", AFTER_2019)):
        store.add(Scenario(name, "", spec, FilterSpec(), "", "share", None))
    settings = tmp_path / "config" / "settings.json"
    window = CompareWindow(coded, store, remember=True)
    qtbot.addWidget(window)
    assert not settings.exists() or "comparison" not in json.loads(settings.read_text())
    window.how.setCurrentIndex(window.how.findData(POOLED))
    assert json.loads(settings.read_text())["comparison"]["how"] == POOLED
    quiet = CompareWindow(coded, store)  # by default a comparison keeps nothing (tests, the self-test)
    qtbot.addWidget(quiet)
    quiet.how.setCurrentIndex(quiet.how.findData("pair"))
    assert json.loads(settings.read_text())["comparison"]["how"] == POOLED


def test_a_pair_of_authors_is_named_level_under_its_column(compare, qtbot):
    """An upright pair label made the three heatmaps' name rows 230 px tall and pushed the framing views off a 720 px screen."""
    compare.choose(0, 1)
    compare.compare_authors("Dira Fabrian", "Siti Atiqah Mokhter")
    qtbot.wait(50)
    axis = compare.difference.plot.getAxis("bottom")
    assert axis.labels == ["Fabrian 2017\n− Mokhter 2020"] and not axis.turned


def test_each_side_shows_its_authors_and_sides_that_share_some_show_the_same_columns(compare, coded):
    compare.choose(0, 1)  # Peace up to 2019 vs after 2019: no author in both
    a, b = compare.framings
    assert a.authors == ["Dira Fabrian", "Lee Jaehyon"] and b.authors == ["Siti Atiqah Mokhter", "Choe Won-gi", "Mehmet Enes Beşer"]
    assert compare.matrices[0].authors == a.authors and compare.profiles[1].authors == b.authors
    compare.choose(2, 0)  # Challenges (every author) vs Peace up to 2019: the same columns on both sides, to compare across
    assert compare.framings[0].authors == compare.framings[1].authors == list(coded.authors)
    assert compare.matrices[1].authors == list(coded.authors)


def test_a_and_b_show_all_authors_together_as_the_difference_and_the_slide_do(compare, coded):
    """Sides that share no author compare all authors together: A − B's only column is then A's last minus B's last."""
    compare.choose(0, 1)  # Peace up to 2019 vs after 2019: no author in both
    a, b = compare.matrices
    for side, spec in ((a, UP_TO_2019), (b, AFTER_2019)):
        labels = side.plot.getAxis("bottom").labels
        assert labels[-1] == "All\nauthors" and len(labels) == len(side.authors) + 1
        mask = spec.mask(coded)
        pooled = frame_matrix(coded, mask, "count").to_numpy().sum(axis=0) / mask.sum()
        assert np.allclose(side.values[:, -1], pooled)
    assert np.allclose(compare.difference.values[:, 0], POINTS * (a.values[:, -1] - b.values[:, -1]))
    last = len(a.authors)  # the cell text under the column, row by row, is the share the colour shows
    assert [a.cell_labels.texts[r * (last + 1) + last].rstrip("*") for r in range(len(a.areas))] == [f"{100 * v:.0f}%" for v in a.values[:, -1]]


def test_the_main_windows_attention_heatmap_has_only_authors(qtbot, coded):
    from nsp_explorer.gui.charts.framing_matrix import FramingMatrix
    from nsp_explorer.gui.state import FilterState

    chart = FramingMatrix(coded, FilterState())
    qtbot.addWidget(chart)
    chart.refresh()
    assert chart.plot.getAxis("bottom").labels[-1] != "All\nauthors" and chart.values.shape[1] == len(coded.authors)


def test_a_click_in_the_comparison_leaves_each_scenario_as_saved(compare, qtbot):
    """A click on a cell narrowed that side and changed A − B, while the export drew the scenarios as saved."""
    compare.choose(2, 0)
    a = compare.matrices[0]
    before = (compare.states[0].state, a.values.copy(), compare.difference.values.copy())
    row = next(r for r in range(len(a.areas)) if a.values[r, 0] > 0)
    qtbot.mouseClick(a.graphics.viewport(), Qt.MouseButton.LeftButton, pos=a.scene_point(a.plot, 0, row))
    framing = compare.framings[0]
    qtbot.mouseClick(framing.graphics.viewport(), Qt.MouseButton.LeftButton, pos=framing.scene_point(framing.plot, 0, row))
    assert compare.states[0].state == before[0]
    assert np.allclose(a.values, before[1], equal_nan=True) and np.allclose(compare.difference.values, before[2], equal_nan=True)


def test_narrow_cells_keep_their_numbers_without_the_percent_sign(qapp):
    """Six columns on a third of a 1280-px projector: "44%" no longer fit, and the A and B heatmaps showed no number."""
    from PySide6.QtGui import QFontMetrics

    from nsp_explorer.gui.charts.base import MIN_CELL_POINTS, CellLabels

    labels = CellLabels([(0, 0), (1, 0)])
    labels.set_labels(["44%", "100%*"], ["#000000", "#000000"])
    metrics = QFontMetrics(labels.font)
    assert labels.fitted(200) == (["44%", "100%*"], labels.font)  # room enough: as they are
    bare = metrics.horizontalAdvance("100*") + 2  # "100*" fits at the chart's type, "100%*" does not
    texts, font = labels.fitted(bare)
    assert texts == ["44", "100*"] and font.pointSizeF() >= MIN_CELL_POINTS
    assert labels.fitted(4) is None  # nothing legible fits: colours and tooltips only


def test_each_sides_filters_are_said_in_a_few_words_and_in_full_on_hover(compare, coded):
    from nsp_explorer.core.report import view_description

    compare.choose(0, 1)
    label = compare.labels[0]
    assert label.text() == f"{int(UP_TO_2019.mask(coded).sum())} passages · Peace · published 2017, 2019"  # as the slide's subtitle
    assert label.toolTip() == view_description(UP_TO_2019, FilterSpec(), "", coded.taxonomy)


def test_a_pair_stands_level_under_the_exported_difference(coded):
    """Turned, "Lee 2019 (A) − Mokhter 2020 (B)" ran up the page and squeezed every row of the slide."""
    from nsp_explorer.core.filters import ExplorerState
    from nsp_explorer.figures.compare import PAIR, Difference, _Comparison
    from nsp_explorer.figures.context import FigureContext
    from nsp_explorer.figures.export import draw

    specs = ((FilterSpec(pillars={"peace"}), "Peace pillar"), (FilterSpec(pillars={"prosperity"}), "Prosperity pillar"))
    sides = [FigureContext(coded, ExplorerState(spec), name) for spec, name in specs]
    sheet = draw(_Comparison(*sides, Difference(PAIR, ("Lee Jaehyon", "Siti Atiqah Mokhter"))), sides[0], "slide-16x9", 1280)
    (tick,) = sheet.figure.axes[2].get_xticklabels()
    assert tick.get_rotation() == 0 and "Lee" in tick.get_text() and "Mokhter" in tick.get_text()


def test_the_all_authors_cells_say_what_they_rest_on(compare):
    matrix = compare.matrices[0]
    matrix.authors = ["Lee Jaehyon"]
    rows = len(matrix.areas)
    counts, totals = np.ones((rows, 2)), np.array([10, 3])
    targets = matrix._cell_targets(counts, totals, counts / totals)
    lee, everyone = targets[0], targets[1]  # row 0: Lee's cell, then all authors'
    assert lee.tip.startswith("Lee Jaehyon · ") and everyone.tip.startswith("All authors · ")
    assert "fewer than 5 passages in all" in everyone.tip and "author's" not in everyone.tip
