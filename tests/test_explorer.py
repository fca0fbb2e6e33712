"""The explorer, driven through its real widgets (pytest-qt, offscreen)."""

from __future__ import annotations

import gc
import shutil
import subprocess
import sys

import numpy as np
import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from nsp_explorer.core.aggregate import facet_counts, frame_matrix, passages_for, pillar_profile
from nsp_explorer.core.coded import code_passages
from nsp_explorer.core.dataset import load_dataset
from nsp_explorer.core.filters import FilterSpec
from nsp_explorer.gui import app as gui_app
from nsp_explorer.core.wording import indicator_label
from nsp_explorer.gui.main_window import MainWindow


@pytest.fixture
def config(tmp_path, monkeypatch):
    folder = tmp_path / "config"
    monkeypatch.setenv("NSP_EXPLORER_CONFIG_DIR", str(folder))
    return folder


def open_window(qtbot, coded, remember=False) -> MainWindow:
    window = MainWindow(coded, remember=remember)
    qtbot.addWidget(window)
    if not remember:
        window.resize(1600, 1000)
    window.show()
    qtbot.waitExposed(window)
    return window


@pytest.fixture
def window(qtbot, coded, config):
    return open_window(qtbot, coded)


def shown_ids(window) -> list[str]:
    return window.passage_list.passage_ids()


def expected_ids(window) -> list[str]:
    return passages_for(window.coded, window.state.state.mask(window.coded))["passage_id"].tolist()


def test_unticking_a_pillar_redraws_the_matrix_as_the_aggregation_gives(window, qtbot):
    before = window.matrix.values.copy()
    tree = window.filter_panel.tree
    tree.setFocus()
    tree.setCurrentItem(window.filter_panel.items[("pillar", "people")])
    qtbot.keyClick(tree, Qt.Key.Key_Space)  # the user unticks People (and so its six areas)
    qtbot.waitUntil(lambda: window.state.state.filters != FilterSpec())
    filters = window.state.state.filters
    assert filters.pillars == {"prosperity", "peace"} and "culture" not in filters.areas
    expected = frame_matrix(window.coded, window.state.state.mask(window.coded)).to_numpy().T
    assert np.allclose(window.matrix.values, expected, equal_nan=True)
    assert not np.allclose(window.matrix.values, before, equal_nan=True)
    profile = pillar_profile(window.coded, window.state.state.mask(window.coded)).to_numpy()
    assert np.allclose(window.pillars.values, profile, equal_nan=True)
    assert shown_ids(window) == expected_ids(window)


def test_clicking_a_heatmap_cell_lists_exactly_that_authors_passages_on_that_area(window, qtbot, codes):
    matrix = window.matrix
    column, row = matrix.authors.index("Lee Jaehyon"), matrix.areas.index("korean_peninsula")
    point = matrix.scene_point(matrix.plot, column, row)
    qtbot.mouseClick(matrix.graphics.viewport(), Qt.MouseButton.LeftButton, pos=point)
    peninsula = {r["passage_id"] for r in codes if r["dimension"] == "area" and r["code"] == "korean_peninsula"}
    table = window.coded.rows(np.arange(len(window.coded)))
    lee = table[table["author"] == "Lee Jaehyon"].sort_values("position")
    expected = [p for p in lee["passage_id"] if p in peninsula]
    qtbot.waitUntil(lambda: shown_ids(window) == expected)
    assert len(expected) >= 5
    assert window.state.state.selection == FilterSpec(authors={"Lee Jaehyon"}, areas={"korean_peninsula"})
    # every other chart follows: the partner bars now count only those passages
    north_korea = window.partners.partners.index("north_korea")
    assert window.partners.values[north_korea] == sum(1 for p in expected if window.coded.has("partner", "north_korea")[window.coded.row_of(p)])
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: window.state.state.selection == FilterSpec())
    assert len(shown_ids(window)) == len(window.coded)


def test_the_search_box_narrows_the_list_and_shows_keywords_in_context(window, qtbot):
    search = window.passage_list.search
    qtbot.keyClicks(search, "Rohingya")
    qtbot.keyClick(search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: 0 < len(shown_ids(window)) < len(window.coded))
    texts = [window.coded.text(window.coded.row_of(p)) for p in shown_ids(window)]
    assert all("rohingya" in t.lower() for t in texts)
    assert shown_ids(window) == expected_ids(window)
    model = window.passage_list.model
    assert "Rohingya" in model.data(model.index(0, 4))
    assert np.nanmax(window.matrix.values[window.matrix.areas.index("migration")]) > 0  # charts follow the search too


def test_an_empty_selection_says_so_in_every_view(window, qtbot):
    window.state.set_filters(FilterSpec(authors={"Choe Won-gi"}, partners={"brunei"}))
    qtbot.waitUntil(lambda: all(chart.showing_message for chart in window.charts))
    assert all("No passages match" in chart.message.text() for chart in window.charts)
    assert window.passage_list.empty.isVisible() and not window.passage_list.table.isVisible()
    assert "No passage to show" in window.reading.browser.toPlainText()
    window.filter_panel.reset_button.click()
    # a dataset built before frames were coded per sentence has nothing for the Framing view, which says so
    drawing = [c for c in window.charts if c is not window.framing or len(window.coded.sentences)]
    qtbot.waitUntil(lambda: not any(chart.showing_message for chart in drawing))


def test_filter_counts_are_faceted(window, qtbot):
    window.state.set_filters(FilterSpec(authors={"Mehmet Enes Beşer"}))
    expected = facet_counts(window.coded, window.state.state)
    items = window.filter_panel.items
    assert items[("frame", "challenge")].text(1) == str(expected["frames"]["challenge"])
    assert items[("author", "Lee Jaehyon")].text(1) == str(expected["authors"]["Lee Jaehyon"])
    assert expected["authors"]["Lee Jaehyon"] == 47  # other authors still show what they would add
    assert "Showing 11 of 105 passages" in window.filter_panel.summary.text()


def test_a_group_box_selects_none_and_then_all(window, qtbot):
    frames = window.filter_panel.items[("frame", "achievement")].parent()
    frames.setCheckState(0, Qt.CheckState.Unchecked)
    qtbot.waitUntil(lambda: window.state.state.filters.frames == {""})
    assert len(shown_ids(window)) == 0
    frames.setCheckState(0, Qt.CheckState.Checked)
    qtbot.waitUntil(lambda: window.state.state.filters == FilterSpec())


def test_the_breadcrumb_removes_one_part_of_the_selection(window, qtbot):
    window.state.narrow(authors={"Lee Jaehyon"}, frames={"challenge"})
    buttons = [b for b in window.breadcrumb.parts if hasattr(b, "click") and "Lee Jaehyon" in b.text()]
    buttons[0].click()
    assert window.state.state.selection == FilterSpec(frames={"challenge"})


def test_reading_pane_highlights_evidence_and_cites(window, qtbot):
    window.state.set_focus("mokhter-2020-isis:9")
    html = window.reading.browser.toHtml()
    assert "Rohingya" in window.reading.browser.toPlainText()
    assert "background-color" in html and "UNHCR" in html
    assert "Migration and refugees" in window.reading.browser.toPlainText()
    window.reading.copy.click()
    citation = QApplication.clipboard().text()
    assert citation.startswith("Siti Atiqah Mokhter (2020). Time for New Southern Policy to deliver.") and "paragraph 9" in citation
    window.reading.next.click()
    assert window.reading.passage_id == "mokhter-2020-isis:10" and window.state.state.focus == "mokhter-2020-isis:10"


def test_clicking_a_cited_figure_selects_its_author_and_opens_its_passage(window, qtbot):
    figures = window.figures
    assert figures.current_indicator() == ("asean_korea_trade", "USD billion")  # cited by the most authors
    beser = figures.shown[figures.shown["author"] == "Mehmet Enes Beşer"].iloc[0]
    point = figures.scene_point(figures.plot, int(beser["year_number"]), beser["value"])
    qtbot.mouseClick(figures.graphics.viewport(), Qt.MouseButton.LeftButton, pos=point)
    qtbot.waitUntil(lambda: window.state.state.focus == window.coded.passage_id(int(beser["row"])))
    assert window.state.state.selection.authors == {"Mehmet Enes Beşer"}
    assert window.reading.passage_id == window.coded.passage_id(int(beser["row"]))


def test_document_text_is_never_read_as_markup(qtbot, data, taxonomy, tmp_path, config):
    folder = tmp_path / "dataset"
    shutil.copytree(data / "dataset", folder)
    passages = (folder / "passages.csv").read_text(encoding="utf-8")
    passages = passages.replace("If one was to describe today’s world", "<script>alert(1)</script><b>Bold</b> <a href='javascript:x()'>link</a> If one was to describe today’s world", 1)
    (folder / "passages.csv").write_text(passages, encoding="utf-8")
    window = open_window(qtbot, code_passages(load_dataset(folder, taxonomy), taxonomy))
    window.state.set_focus("fabrian-2017-habibie:1")
    assert "<script>alert(1)</script><b>Bold</b>" in window.reading.browser.toPlainText()
    assert "javascript:" not in "".join(window.reading.browser.toHtml().split("&lt;a href=")[0:1])
    assert "<a href" not in window.reading.browser.toHtml()


def test_window_layout_is_remembered(qtbot, coded, config):
    screen = QApplication.primaryScreen().availableGeometry()  # a window is kept within its screen
    first = open_window(qtbot, coded, remember=True)
    first.resize(screen.width() - 90, screen.height() - 70)
    first.splitters["outer"].setSizes([250, first.width() - 250])
    left = (first.width(), first.height(), first.splitters["outer"].sizes()[0])
    first.close()
    assert (config / "settings.json").exists()
    second = open_window(qtbot, coded, remember=True)
    assert (second.width(), second.height(), second.splitters["outer"].sizes()[0]) == left
    assert left[1] != 1000  # not simply the default size


def test_unreadable_settings_are_set_aside_and_reported(qtbot, coded, config):
    config.mkdir(parents=True)
    (config / "settings.json").write_text("{not json", encoding="utf-8")
    window = open_window(qtbot, coded, remember=True)
    assert "Could not read" in window.statusBar().currentMessage()
    kept = list(config.glob("settings.broken-*.json"))
    assert len(kept) == 1 and kept[0].read_text(encoding="utf-8") == "{not json"


def test_an_invalid_dataset_opens_an_error_dialog(qtbot, tmp_path, data, monkeypatch, config):
    broken = tmp_path / "dataset"
    shutil.copytree(data / "dataset", broken)
    (broken / "codes.csv").write_text("passage_id,dimension,code,source,evidence\nlee-2019-asan:1,area,space_travel,lexicon,x\n", encoding="utf-8")
    shown = []
    monkeypatch.setattr(QMessageBox, "critical", lambda parent, title, text: shown.append((title, text)))
    assert gui_app.main(["--dataset", str(broken)]) == 2
    assert shown and "codes.csv" in shown[0][1] and "unknown code ID(s): area:space_travel" in shown[0][1]
    assert gc.isenabled()  # start-up pauses the garbage collector; a failed start must not leave it off


def run_app(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "nsp_explorer.gui.app", *args], capture_output=True, text=True, timeout=120)


def test_self_test_draws_every_view_and_saves_a_png():
    result = run_app("--self-test")
    assert result.returncode == 0, result.stderr
    assert "self-test passed" in result.stdout and "7 charts" in result.stdout and "(1600x1000)" in result.stdout


def test_self_test_on_a_broken_dataset_names_the_file_without_a_traceback(tmp_path, data):
    broken = tmp_path / "dataset"
    shutil.copytree(data / "dataset", broken)
    (broken / "facts.csv").unlink()
    result = run_app("--dataset", str(broken), "--self-test")
    assert result.returncode == 2
    assert "facts.csv" in result.stderr and "is missing" in result.stderr and "Traceback" not in result.stderr


def test_filters_move_the_bars_and_points_never_the_axes_under_them(window, qtbot):
    """The years-mentioned axis and a cited indicator's axes stay put while filters change what is drawn on them."""
    mentioned, figures = window.timeline.mentioned.vb, window.figures.plot.vb
    indicator = window.figures.current_indicator()
    before = (mentioned.viewRange()[0], figures.viewRange())
    shown = len(window.figures.drawn)
    window.state.set_filters(FilterSpec(authors={"Dira Fabrian"}))
    assert window.figures.current_indicator() == indicator and len(window.figures.drawn) < shown  # fewer points…
    assert (mentioned.viewRange()[0], figures.viewRange()) == before  # …on the same axes
    shown = window.figures.plot.title.text.replace("<br>", ": ")  # one line, or two in a narrow chart
    assert shown == f"{indicator_label(*indicator)}: {len(window.figures.drawn)} figures with a year"  # it names what it plots


def test_the_colour_scale_follows_the_matrix_measure(window, qtbot):
    scale = window.matrix.colour_bar
    assert scale.levels() == (0.0, 100.0) and scale.axis.labelText == "% of the author's passages"  # as the cells write them
    drawn = window.matrix.image.image  # the cells are drawn on the key's scale: a share of 0.5 is 50 on it
    assert np.allclose(drawn, window.matrix.values * 100, equal_nan=True) and np.nanmax(drawn) > 1
    window.matrix.set_measure("count")
    assert "number of the author's passages" in window.matrix.caption_label.text()  # the caption says what the cells are
    top = float(np.nanmax(window.matrix.values))
    assert scale.levels() == (0.0, top) and scale.axis.labelText == "passages"
    assert scale.vb.viewRange()[1] == [0.0, top]


def test_a_bar_can_be_hovered_where_it_is_drawn_after_it_changes(window, qtbot):
    """Bars keep their bounds between redraws; a redraw must move them (a stale bound would hide a grown bar)."""
    chart = window.partners
    window.state.set_filters(FilterSpec(authors={"Choe Won-gi"}))
    small = chart.bar.boundingRect()
    window.state.set_filters(FilterSpec())
    grown = chart.bar.boundingRect()
    assert grown.width() > small.width() and grown.right() >= float(chart.values.max())
    asean = chart.partners.index("asean")
    target = chart._target_at(chart.plot.vb.mapViewToScene(QPointF(chart.values[asean] * 0.9, asean)))
    assert target is not None and target.narrow == {"partners": {"asean"}}


def test_a_count_axis_never_ticks_half_a_passage():
    from nsp_explorer.gui.charts.bars import count_ticks

    assert count_ticks(25) == (0, 25) and count_ticks(50) == (0, 25, 50) and count_ticks(1) == (0, 1)


def test_tab_goes_from_the_filters_to_each_chart_and_the_timeline_tells_its_bars(window, qtbot):
    from PySide6.QtWidgets import QApplication

    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.filter_panel.tree.setFocus(Qt.FocusReason.TabFocusReason)
    order = []
    for _ in range(12):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        order.append(QApplication.focusWidget())
    charts = [w for w in order if w in window.charts]
    assert order[0] is window.framing  # no stop that shows nothing between the filters and the first chart
    assert set(charts) >= {window.framing, window.matrix, window.partners, window.pillars, window.frames, window.timeline}
    timeline = window.timeline  # its bars were made ready to be hovered or stepped to with the wrong numbers
    tips = [target.tip for target in timeline.targets(timeline.published)]
    assert tips and all(tip.startswith("Published ") for tip in tips)
    assert timeline.keys.current is not None  # reached by Tab, the keys were put on its first bar


def test_the_attention_chart_says_what_its_star_means_when_it_shows_one(window, qtbot):
    caption = window.matrix.caption_label
    assert not any(text.endswith("*") for text in window.matrix.cell_labels.texts) and "fewer than" not in caption.text()
    window.state.narrow(source="test", partners={"japan"})  # a few passages per author: shares of few, starred
    assert any(text.endswith("*") for text in window.matrix.cell_labels.texts)
    assert "* fewer than 5 of the author's passages" in caption.text()
    window.state.clear_selection(source="test")
    assert "fewer than" not in caption.text()


def test_a_wide_profile_ticks_0_and_100_so_a_full_bar_can_be_read(window, qtbot):
    window.set_one_view(True)
    window.show_view(window.charts.index(window.pillars))  # the chart alone: room for every tick
    axis = window.pillars.plot.getAxis("bottom")
    qtbot.waitUntil(lambda: [v for v, _ in axis._tickLevels[0]] == [0, 25, 50, 75, 100], timeout=2000)
    window.set_one_view(False)


def test_a_pillar_filter_says_why_other_areas_still_have_rows(window, qtbot, tmp_path):
    from nsp_explorer.core.filters import OTHER_AREAS_NOTE
    from nsp_explorer.figures.views import attention_heatmap, framing
    from nsp_explorer.gui.export import figure_context
    from nsp_explorer.figures.media import MEDIA

    assert OTHER_AREAS_NOTE not in window.framing.caption_label.text()
    window.state.set_filters(FilterSpec(pillars={"peace"}))  # Lee's peace passages speak of trade too: a Trade row
    trade = window.framing.areas.index("trade")
    assert window.framing.counts[trade, :, 0].sum() > 0
    assert OTHER_AREAS_NOTE in window.framing.caption_label.text() and OTHER_AREAS_NOTE in window.matrix.caption_label.text()
    context, medium = figure_context(window), MEDIA["slide-16x9"]
    for sheet in (framing(context, medium, None), attention_heatmap(context, medium, None)):  # on the slide too
        printed = " ".join(" ".join(t.get_text().split()) for t in sheet.figure.texts)
        assert OTHER_AREAS_NOTE in printed
    window.state.set_filters(FilterSpec(pillars={"peace", "people", "prosperity"}))  # every area chosen: nothing to explain
    assert OTHER_AREAS_NOTE not in window.framing.caption_label.text() and OTHER_AREAS_NOTE not in window.matrix.caption_label.text()


def test_a_partner_filter_says_why_other_partners_still_have_bars(window, qtbot):
    from nsp_explorer.core.filters import OTHER_PARTNERS_NOTE
    from nsp_explorer.figures.media import MEDIA
    from nsp_explorer.figures.views import partners
    from nsp_explorer.gui.export import figure_context

    assert OTHER_PARTNERS_NOTE not in window.partners.caption_label.text()
    window.state.set_filters(FilterSpec(partners={"japan"}))  # passages on Japan name China and the US too
    china = window.partners.partners.index("china")
    assert window.partners.values[china] > 0 and OTHER_PARTNERS_NOTE in window.partners.caption_label.text()
    sheet = partners(figure_context(window), MEDIA["slide-16x9"], None)
    assert OTHER_PARTNERS_NOTE in " ".join(" ".join(t.get_text().split()) for t in sheet.figure.texts)
    window.state.set_filters(FilterSpec())
    assert OTHER_PARTNERS_NOTE not in window.partners.caption_label.text()


def test_a_partner_filter_says_framing_counts_the_sentences_that_name_one_and_a_pillar_filter_explains_other_pillars(window):
    from nsp_explorer.core.filters import OTHER_PILLARS_NOTE, PARTNER_SENTENCES_NOTE

    window.state.set_filters(FilterSpec(partners={"china", "japan"}))
    assert PARTNER_SENTENCES_NOTE in window.framing.caption_label.text()  # the attention chart counts whole passages
    assert OTHER_PILLARS_NOTE not in window.pillars.caption_label.text()
    window.state.set_filters(FilterSpec(pillars={"peace"}))
    assert PARTNER_SENTENCES_NOTE not in window.framing.caption_label.text()
    assert OTHER_PILLARS_NOTE in window.pillars.caption_label.text()  # People and Prosperity bars under Peace


def test_the_chosen_indicator_comes_back_after_a_click_and_esc_and_so_does_the_scenarios_name(window, qtbot, tmp_path):
    figures = window.figures
    chosen = figures.listed[1][0]  # not the first: the one the chart would pick by itself
    figures.choice.setCurrentIndex(figures._index_of(chosen))
    figures.choice.activated.emit(figures.choice.currentIndex())
    assert figures.current_indicator() == chosen
    window.scenarios.save_current("Cited")
    other_passage = next(  # a click on passages that do not cite it: the chart shows another indicator meanwhile
        pid for pid, key in zip(window.coded.facts["row"], window.coded.facts["key"]) if window.coded.fact_keys[key] != chosen)
    author = window.coded.passages["author"].to_numpy()[other_passage]
    cited = {tuple(window.coded.fact_keys[k]) for r, k in zip(window.coded.facts["row"], window.coded.facts["key"])
             if window.coded.passages["author"].to_numpy()[r] == author}
    if chosen in cited:
        pytest.skip("every author cites the chosen indicator")
    window.state.narrow(source="test", authors={author})
    assert figures.current_indicator() != chosen
    window.state.clear_selection(source="test")  # Esc
    assert figures.current_indicator() == chosen and window.scenario_shown() == "Cited"


def test_a_click_takes_the_keyboards_outline_away(window, qtbot):
    framing = window.framing
    framing.keys.first()
    assert framing.keys.outlines[1].isVisible()
    column, row = framing.authors.index("Lee Jaehyon"), framing.areas.index("korean_peninsula")
    qtbot.mouseClick(framing.graphics.viewport(), Qt.MouseButton.LeftButton, pos=framing.scene_point(framing.plot, column, row))
    assert window.state.state.selection == FilterSpec(authors={"Lee Jaehyon"}, areas={"korean_peninsula"})
    assert not framing.keys.outlines[1].isVisible() and framing.keys.current is None and framing.keys.remembered is None


def test_a_scenarios_indicator_that_is_not_cited_leaves_the_one_on_screen(window):
    from nsp_explorer.core.scenario import Scenario

    figures = window.figures
    chosen = figures.listed[1][0]
    figures.choice.setCurrentIndex(figures._index_of(chosen))
    figures.choice.activated.emit(figures.choice.currentIndex())
    window.apply_scenario(Scenario("Old", indicator=("no_such_indicator", "USD")))  # saved with an older dataset
    assert figures.current_indicator() == chosen  # not the selection's top indicator
    window.state.narrow(source="test", authors={window.coded.authors[0]})
    window.state.clear_selection(source="test")
    assert window.scenario_shown() == "Old"
