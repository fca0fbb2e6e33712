"""The interaction defects of issue 15, each driven through the real widgets (pytest-qt, offscreen)."""

from __future__ import annotations

from dataclasses import replace

import pandas as pd
import pytest
from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QColor, QHelpEvent
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QToolTip

from nsp_explorer.core.coded import code_passages
from nsp_explorer.core.dataset import load_dataset
from nsp_explorer.core.filters import FilterSpec
from nsp_explorer.core.scenario import Scenario, ScenarioStore
from nsp_explorer.core.wording import counted
from nsp_explorer.gui.main_window import MainWindow
from nsp_explorer.colours import AUTHOR_COLOURS, AUTHOR_SYMBOLS, STYLES, assign_slots, slot_style


def open_window(qtbot, coded, size=(1600, 1000), scenarios=None) -> MainWindow:
    window = MainWindow(coded, remember=False, scenario_folder=scenarios)
    qtbot.addWidget(window)
    window.resize(*size)
    window.show()
    qtbot.waitExposed(window)
    return window


@pytest.fixture
def window(qtbot, coded, dirs):
    return open_window(qtbot, coded)


def shown_count(window) -> int:
    return len(window.passage_list.passage_ids())


def untick(window, qtbot, kind, code) -> None:
    window.filter_panel.items[(kind, code)].setCheckState(0, Qt.CheckState.Unchecked)
    qtbot.waitUntil(lambda: not window.filter_panel._apply.isActive())


def all_ticked(window) -> bool:
    return all(item.checkState(0) == Qt.CheckState.Checked for item in window.filter_panel.items.values())


# -- Reset ------------------------------------------------------------------------------------


def test_reset_ticks_every_box_again_and_the_next_click_starts_from_everything(window, qtbot):
    untick(window, qtbot, "author", "Lee Jaehyon")
    untick(window, qtbot, "frame", "challenge")
    assert shown_count(window) < len(window.coded)
    window.filter_panel.reset_button.click()
    assert window.state.state.filters == FilterSpec()
    assert all_ticked(window)  # the boxes say what the charts show
    untick(window, qtbot, "year", 2025)  # the next click must not bring the old unticks back
    assert window.state.state.filters == FilterSpec(years=set(window.coded.years) - {2025})


def test_ctrl_r_ticks_every_box_again_even_after_the_reset_button(window, qtbot):
    untick(window, qtbot, "frame", "challenge")
    window.filter_panel.reset_button.click()  # the state is already "everything" now
    window.filter_panel.items[("author", "Lee Jaehyon")].setCheckState(0, Qt.CheckState.Unchecked)  # a box out of step
    window.filter_panel._apply.stop()  # ... not yet applied
    reset = next(a for a in window.actions() if a.shortcut().toString() == "Ctrl+R")
    reset.trigger()
    assert window.state.state.filters == FilterSpec() and all_ticked(window)


# -- cited figures ------------------------------------------------------------------------------


def test_the_indicator_picker_names_the_indicator_drawn(window, qtbot):
    """The lecturer's sequence: 'Peace up to 2019', tick Prosperity, untick Peace, untick 2017 and 2019, tick 2020, 2021, 2025."""
    window.apply_scenario(Scenario("Peace up to 2019", "", FilterSpec(pillars={"peace"}, years={2017, 2019}), FilterSpec(), "", "share", None))
    items = window.filter_panel.items
    steps = [("pillar", "prosperity", True), ("pillar", "peace", False), ("year", 2017, False), ("year", 2019, False),
             ("year", 2020, True), ("year", 2021, True), ("year", 2025, True)]
    figures = window.figures
    for kind, code, on in steps:
        items[(kind, code)].setCheckState(0, Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
        qtbot.waitUntil(lambda: not window.filter_panel._apply.isActive())
        if figures.showing_message:
            continue
        key = figures.current_indicator()
        shown = figures.shown
        assert set(zip(shown["indicator"], shown["unit"])) == {key}, (kind, code, on)
        assert figures.plot.getAxis("left").labelText == key[1]


# -- hover --------------------------------------------------------------------------------------


def test_hover_values_stay_on_screen_after_the_hover_delay(window, qtbot):
    chart = window.partners
    asean = chart.partners.index("asean")
    scene_pos = chart.plot.vb.mapViewToScene(QPointF(chart.values[asean] * 0.5, asean))
    chart._hover(scene_pos)
    assert "ASEAN" in QToolTip.text()
    viewport = chart.graphics.viewport()
    local = chart.graphics.mapFromScene(scene_pos)
    # what Qt sends about 700 ms after the mouse stops
    QApplication.sendEvent(viewport, QHelpEvent(QEvent.Type.ToolTip, local, viewport.mapToGlobal(local)))
    assert "ASEAN" in QToolTip.text() and "passages" in QToolTip.text()
    assert "Right-click" not in QToolTip.text()


# -- author styles -------------------------------------------------------------------------------


def with_new_author(data, taxonomy, name: str, year: int):
    """The bundled dataset plus a document by a new author (as an import adds one), published before the others."""
    dataset = load_dataset(data / "dataset", taxonomy)
    source = dataset.documents.iloc[0]
    doc_id = f"new-{year}"
    document = source.copy()
    document["doc_id"], document["author"], document["year"], document["published"] = doc_id, name, year, f"{year}-01-01"
    passages = dataset.passages[dataset.passages["doc_id"] == source["doc_id"]].copy()
    passages["passage_id"] = [f"{doc_id}:{n}" for n in passages["position"]]
    passages["doc_id"] = doc_id
    added = replace(dataset, documents=pd.concat([dataset.documents, document.to_frame().T], ignore_index=True),
                    passages=pd.concat([dataset.passages, passages], ignore_index=True))
    return code_passages(added, taxonomy)


def test_an_author_keeps_colour_and_marker_when_an_import_adds_authors(qtbot, coded, data, taxonomy, dirs):
    def styles(window):
        figures = window.figures
        return {a: (figures.brushes[i].color().name(), figures.symbols[i]) for i, a in enumerate(figures.authors)}

    first = MainWindow(coded, remember=True, scenario_folder=dirs / "scenarios")
    qtbot.addWidget(first)
    before = styles(first)
    imported = with_new_author(data, taxonomy, "Aaron Abbott", 2015)
    assert imported.authors[0] == "Aaron Abbott"  # first in every author list: the others move down one place
    second = MainWindow(imported, remember=True, scenario_folder=dirs / "scenarios")
    qtbot.addWidget(second)
    after = styles(second)
    assert {a: after[a] for a in before} == before
    assert after["Aaron Abbott"] not in before.values()  # the newcomer looks like no one else


def test_thirty_six_authors_get_different_styles_and_keep_them():
    authors = [f"Author {i:02d}" for i in range(36)]
    slots = assign_slots(authors, {})
    assert len({slot_style(s) for s in slots.values()}) == STYLES == 36  # thirteen authors (a lecturer's library) no longer share one
    assert assign_slots(list(reversed(authors)), slots) == slots
    earlier = [(AUTHOR_COLOURS[s % 6], AUTHOR_SYMBOLS[(s + (s // 6) % 2) % 6]) for s in range(12)]  # the twelve styles of earlier versions
    assert [slot_style(s) for s in range(12)] == earlier  # a style saved in the settings looks as it did


def test_the_author_list_shows_each_authors_marker_so_a_repeated_colour_is_told_apart(qtbot, coded):
    from nsp_explorer.gui.filter_panel import FilterPanel
    from nsp_explorer.gui.palette import AuthorStyles
    from nsp_explorer.gui.state import FilterState

    styles = AuthorStyles({"Seventh": 6, "First": 0})
    assert slot_style(0)[0] == slot_style(6)[0]  # the seventh author's colour is the first's again
    first, seventh = (styles.mark(a).pixmap(14, 14).toImage() for a in ("First", "Seventh"))
    assert first != seventh
    panel = FilterPanel(coded, FilterState())
    qtbot.addWidget(panel)
    for author in coded.authors:
        image = panel.items[("author", author)].icon(0).pixmap(14, 14).toImage()
        assert image.pixelColor(0, 0).alpha() == 0 and image.pixelColor(7, 7).alpha() > 0  # a marker, not a filled square


def test_the_frame_mix_speaks_of_stars_only_when_an_author_is_starred(qtbot, coded):
    from nsp_explorer.gui.charts.bars import FrameMix
    from nsp_explorer.gui.state import FilterState

    bars = FrameMix(coded, FilterState())
    qtbot.addWidget(bars)
    bars.refresh()
    assert not any(label.endswith("*") for label in bars.author_labels) and "fewer than" not in bars.caption_label.text()  # the five articles: ten passages or more each


def test_every_view_is_one_key_away_on_a_projector(qtbot, coded):
    """At 1280×720 the lower charts are out of sight; View ▸ Go to view (Alt+1…7) scrolls to each."""
    window = open_window(qtbot, coded, size=(1280, 720))
    keys = {a.shortcut().toString(): a.text() for a in window.actions()}
    assert [keys.get(f"Alt+{n + 1}", "") for n in range(len(window.charts))] == [f"&{n + 1} {c.title}" for n, c in enumerate(window.charts)]
    bar = window.chart_scroll.verticalScrollBar()
    if bar.maximum() == 0:
        pytest.skip("the charts fit this screen: nothing to scroll")
    bar.setValue(0)
    last = len(window.charts) - 1
    window.go_to_view(last)
    top = window.charts[last].mapTo(window.chart_scroll.widget(), window.charts[last].rect().topLeft()).y()
    assert bar.value() > 0 and bar.value() <= top <= bar.value() + window.chart_scroll.viewport().height()
    window.go_to_view(0)
    assert bar.value() == 0
    window.activateWindow()
    qtbot.waitUntil(lambda: window.isActiveWindow(), timeout=2000)
    window.go_to_view(1)
    assert window.charts[1].keys.current is not None  # reached by the keyboard: the outline shows where the keys are


# -- scenarios -----------------------------------------------------------------------------------


def window_with_scenarios(qtbot, coded, dirs, *scenarios: Scenario) -> MainWindow:
    """A window whose scenarios folder holds these scenarios, in this order."""
    store = ScenarioStore.open(dirs / "scenarios", coded.taxonomy, coded.authors, coded.years)
    for scenario in scenarios:
        store.add(scenario)
    return open_window(qtbot, coded, scenarios=dirs / "scenarios")


def scenario(name: str, note: str = "", **filters) -> Scenario:
    return Scenario(name, note, FilterSpec(**filters), FilterSpec(), "", "share", None)


def test_a_new_scenario_starts_without_the_previous_note(qtbot, coded, dirs):
    store = ScenarioStore.open(dirs / "scenarios", coded.taxonomy, coded.authors, coded.years)
    store.add(Scenario("Peace", "Point out the Rohingya passages", FilterSpec(pillars={"peace"}), FilterSpec(), "", "share", None))
    window = open_window(qtbot, coded, scenarios=dirs / "scenarios")
    panel = window.scenarios
    panel.show_scenario(0)
    assert panel.note.toPlainText() == "Point out the Rohingya passages"
    panel.save_current("Prosperity")
    assert panel.note.toPlainText() == "" and window.scenario_note == ""
    assert window.store.scenarios[1].note == ""
    qtbot.keyClicks(panel.note, "Trade")  # typing now notes the new scenario only
    assert window.store.scenarios[1].note == "Trade" and window.store.scenarios[0].note == "Point out the Rohingya passages"


def test_the_note_box_always_holds_the_chosen_scenarios_note(qtbot, coded, dirs, tmp_path):
    """A tester imported a colleague's scenario: the box still showed the last one's note, and typing wrote that note
    into the imported one. The box follows the chosen scenario whatever chose it (import, delete, a click)."""
    window = window_with_scenarios(
        qtbot, coded, dirs, scenario("Peace", "Point out the Rohingya passages", pillars={"peace"}), scenario("Trade", "Who sees achievement in trade?", areas={"trade"})
    )
    panel = window.scenarios
    panel.show_scenario(1)
    theirs = ScenarioStore.open(tmp_path / "theirs", coded.taxonomy, coded.authors, coded.years)
    theirs.add(scenario("From a colleague", pillars={"people"}))
    shared = theirs.files[0]
    panel.import_file(shared)
    assert panel.current() == 2 and panel.note.toPlainText() == ""  # not the Trade note
    assert window.state.state.filters == FilterSpec(pillars={"people"}) and window.scenario_name == "From a colleague"  # shown
    qtbot.keyClicks(panel.note, "ZZ")
    assert window.store.scenarios[2].note == "ZZ" and window.store.scenarios[1].note == "Who sees achievement in trade?"
    panel.import_file(shared)  # the same file again: a name of its own, so the list and the "changed" line say which
    assert [s.name for s in window.store.scenarios][2:] == ["From a colleague", "From a colleague (2)"]
    panel.list.setCurrentRow(0)  # chosen with the keyboard or a click: its own note
    assert panel.note.toPlainText() == "Point out the Rohingya passages"
    panel.delete()  # the next one is chosen, with its own note
    assert panel.note.toPlainText() == "Who sees achievement in trade?"


def test_tab_moves_on_from_the_note_box_and_types_nothing_into_it(qtbot, coded, dirs):
    window = window_with_scenarios(qtbot, coded, dirs, scenario("Peace", "Ask about peace", pillars={"peace"}))
    panel = window.scenarios
    panel.show_scenario(0)
    panel.note.setFocus()
    qtbot.keyClick(panel.note, Qt.Key.Key_Tab)
    assert window.store.scenarios[0].note == "Ask about peace" and "\t" not in panel.note.toPlainText()


def test_saving_a_view_says_a_chart_selection_is_kept_and_can_leave_it_out(qtbot, coded, dirs, monkeypatch):
    from nsp_explorer.gui.scenarios_panel import SaveScenarioDialog

    window = open_window(qtbot, coded, scenarios=dirs / "scenarios")
    panel = window.scenarios
    window.state.set_filters(FilterSpec(authors={"Lee Jaehyon", "Choe Won-gi"}))
    window.state.narrow(areas=("trade",), authors=("Lee Jaehyon",))
    seen = {}

    def answer(dialog):
        seen["offer"] = dialog.keep.text() if dialog.offered else ""
        dialog.field.setText("Lee vs Choe: trade")
        dialog.keep.setChecked(False)
        return SaveScenarioDialog.DialogCode.Accepted

    monkeypatch.setattr(SaveScenarioDialog, "exec", answer)
    panel.ask_and_save()
    assert "Keep the chart selection (Trade, Lee Jaehyon)" in seen["offer"]
    saved = window.store.scenarios[0]
    assert saved.name == "Lee vs Choe: trade" and saved.selection == FilterSpec()  # left out, as asked
    assert saved.filters == FilterSpec(authors={"Lee Jaehyon", "Choe Won-gi"})
    assert window.state.state.selection == FilterSpec() and window.scenario_shown() == "Lee vs Choe: trade"  # the view is the scenario
    plain = SaveScenarioDialog("", panel)
    assert not plain.offered  # nothing selected: nothing to offer
    save = plain.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save)
    assert not save.isEnabled()  # no name, no scenario
    plain.field.setText("  Peace ")
    assert save.isEnabled() and plain.name() == "Peace"


def test_the_panel_says_when_the_view_has_changed_since_its_scenario_was_shown(qtbot, coded, dirs):
    window = window_with_scenarios(qtbot, coded, dirs, scenario("Lee vs Choe", authors={"Lee Jaehyon", "Choe Won-gi"}), scenario("Peace", pillars={"peace"}))
    panel = window.scenarios
    panel.show_scenario(0)
    assert panel.changed.isHidden()
    window.state.set_filters(FilterSpec(authors={"Lee Jaehyon", "Choe Won-gi"}, frames={"achievement"}))  # Challenge unticked, say
    assert not panel.changed.isHidden() and "Changed since “Lee vs Choe” was shown" in panel.changed.text()
    panel.update_current()  # stored: the view is the scenario again
    assert panel.changed.isHidden() and window.store.scenarios[0].filters.frames == {"achievement"}
    window.state.set_filters(FilterSpec())
    assert not panel.changed.isHidden()
    panel.show_scenario(1)  # another scenario shown: the mark is about it now, and it is unchanged
    assert panel.changed.isHidden()


def test_update_never_writes_one_scenarios_view_into_another(qtbot, coded, dirs):
    """A reviewer showed A, moved the highlight to B with the arrow keys, changed a filter and pressed Update: B took A's view."""
    window = window_with_scenarios(qtbot, coded, dirs, scenario("A", pillars={"peace"}), scenario("B", pillars={"people"}))
    panel = window.scenarios
    panel.show_scenario(0)
    panel.list.setCurrentRow(1)  # highlighted, not shown
    window.state.set_filters(FilterSpec(pillars={"peace"}, frames={"challenge"}))
    assert not panel.buttons["Update"].isEnabled() and "click a scenario to show it" in panel.buttons["Update"].toolTip()
    panel.list.setCurrentRow(0)
    assert panel.buttons["Update"].isEnabled()
    panel.update_current()
    assert window.store.scenarios[0].filters == FilterSpec(pillars={"peace"}, frames={"challenge"})
    assert window.store.scenarios[1].filters == FilterSpec(pillars={"people"})
    window.state.set_filters(FilterSpec())
    panel.delete()  # the scenario shown is gone: the view is no one's, and nothing names it any more
    assert window.scenario_name == "" and panel.changed.isHidden()
    assert panel.current() == 0 and not panel.buttons["Update"].isEnabled()  # B is chosen, not shown: not overwritten
    panel.show_scenario(0)
    assert panel.buttons["Update"].isEnabled()


def test_renaming_the_scenario_shown_renames_the_view(qtbot, coded, dirs, monkeypatch):
    from PySide6.QtWidgets import QInputDialog

    window = window_with_scenarios(qtbot, coded, dirs, scenario("Fabrian and Lee", pillars={"peace"}))
    panel = window.scenarios
    panel.show_scenario(0)
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Early authors", True))
    panel.ask_and_rename()
    assert window.scenario_name == "Early authors" and window.scenario_shown() == "Early authors"  # figures' subtitle, banner


def test_a_save_that_fails_keeps_the_chart_selection(qtbot, coded, dirs, monkeypatch):
    from nsp_explorer.core.errors import DataFileError

    window = open_window(qtbot, coded, scenarios=dirs / "scenarios")
    window.state.narrow(areas=("trade",))

    def full(*_):
        raise DataFileError(dirs / "scenarios", "cannot be written: No space left on device")

    monkeypatch.setattr(window.store, "add", full)
    window.scenarios._guard(lambda: window.scenarios.save_current("Trade", keep_selection=False))
    assert window.state.state.selection == FilterSpec(areas={"trade"}) and "No space left" in window.scenarios.problems.text()


def test_rename_and_delete_are_disabled_without_a_scenario(qtbot, coded, dirs):
    window = open_window(qtbot, coded, scenarios=dirs / "scenarios")
    buttons = window.scenarios.buttons
    assert not window.store.scenarios
    assert not any(buttons[b].isEnabled() for b in ("Rename…", "Delete", "Duplicate", "Update", "Export…"))
    assert buttons["Save view…"].isEnabled()
    window.scenarios.save_current("First")
    assert buttons["Rename…"].isEnabled() and buttons["Delete"].isEnabled()
    window.scenarios.delete()
    assert not buttons["Rename…"].isEnabled() and not buttons["Delete"].isEnabled()


# -- passages and search ----------------------------------------------------------------------------


def test_a_search_never_leaves_a_passage_that_does_not_match_in_the_reading_pane(window, qtbot):
    window.state.set_focus("mokhter-2020-isis:9")  # about the Rohingya
    assert window.reading.passage_id == "mokhter-2020-isis:9"
    window.state.set_search("pandemic")
    shown = window.reading.passage_id
    assert shown and "pandemic" in window.coded.text(window.coded.row_of(shown)).lower()
    assert shown in window.passage_list.passage_ids()


def test_stepping_to_the_next_paragraph_still_works_outside_the_selection(window, qtbot):
    window.state.set_search("Rohingya")
    first = window.reading.passage_id
    window.reading.next.click()
    assert window.reading.passage_id != first and window.state.state.focus == window.reading.passage_id


def test_the_search_match_is_marked_apart_from_the_code_highlights(window, qtbot):
    window.state.set_search("rohingya")
    html = window.reading.browser.toHtml()
    text = window.reading.browser.toPlainText()
    assert "Rohingya" in text
    pane = window.reading
    row = window.coded.row_of(pane.passage_id)
    marked = pane.highlighted(window.coded.text(row), window.coded.codes_of(row))
    assert "#111111" in marked and ">Rohingya</span>" in marked  # the match, in its own mark, whatever its case
    assert "#111111" in html or "#111111".upper() in html.upper()


def test_the_context_column_shows_the_search_match_at_1280_by_720(qtbot, coded, dirs):
    window = open_window(qtbot, coded, size=(1280, 720))
    window.state.set_search("Korea")
    table, model = window.passage_list.table, window.passage_list.model
    metrics = table.fontMetrics()
    width = table.columnWidth(4)
    for row in range(min(5, model.rowCount())):
        context = model.data(model.index(row, 4))
        end = context.lower().index("korea") + len("korea")
        assert metrics.horizontalAdvance(context[:end]) + 12 <= width, (context, width)


def test_counts_of_one_are_singular(window, qtbot):
    text = window.coded.text(window.coded.row_of("mokhter-2020-isis:9"))
    window.state.set_search(text[:60])  # words only that passage has
    qtbot.waitUntil(lambda: shown_count(window) == 1)
    assert window.passage_list.count.text() == "1 passage"
    assert counted(1, "figure") == "1 figure" and counted(2, "figure") == "2 figures" and counted(1000, "passage") == "1,000 passages"
    window.state.set_search("")
    labels = [window.figures.choice.itemText(i) for i in range(window.figures.choice.count())]
    assert not any("1 figures" in t or "1 authors" in t for t in labels)
    assert any(" 1 figure," in t for t in labels) or all("figures" in t for t in labels)


def test_count_axes_never_tick_fractional_passages(window, qtbot):
    window.state.set_filters(FilterSpec(authors={"Choe Won-gi"}, years={2021}, frames={"achievement"}))
    qtbot.wait(10)
    for plot, side in ((window.timeline.published, "left"), (window.timeline.mentioned, "left"), (window.partners.plot, "bottom")):
        axis = plot.getAxis(side)
        low, high = plot.vb.viewRange()[1 if side == "left" else 0]
        size = axis.height() if side == "left" else axis.width()
        values = [v for _, level in axis.tickValues(low, high, size) for v in level]
        assert values and all(float(v).is_integer() for v in values), (side, values)


def test_an_areas_words_are_marked_apart_from_a_frames(window):
    """Prosperity's blue tint sat beside opportunity's light blue: an area's words are underlined in its pillar's ink,
    a frame's are on its tint, and a word that sets both shows both."""
    pane = window.reading
    codes = [
        ("frame", "opportunity", "lexicon", "potential"),
        ("area", "trade", "lexicon", "trade"),
        ("area", "green_growth", "lexicon", "green potential"),
    ]
    marked = pane.highlighted("The trade has green potential.", codes)
    trade = marked.split(">trade<")[0].rsplit("<span", 1)[1]
    assert "text-decoration:underline" in trade and "background-color" not in trade
    potential = marked.split(">potential<")[0].rsplit("<span", 1)[1]
    assert "background-color" in potential and "text-decoration:underline" in potential  # a frame's word in an area's phrase
    green = marked.split(">green <")[0].rsplit("<span", 1)[1]
    assert "background-color" not in green
    assert pane._ink("area", "trade") != pane._ink("area", "korean_peninsula")  # prosperity and peace keep their own inks
    # a pillar's word is underlined too, and a year's or partner's sits on grey: no fill but a frame's is coloured
    marked = pane.highlighted("Security in 2020 with Japan.", [("pillar", "peace", "lexicon", "Security"), ("year", "2020", "lexicon", "2020"), ("partner", "japan", "lexicon", "Japan")])
    assert "text-decoration:underline" in marked.split(">Security<")[0].rsplit("<span", 1)[1]
    for word in ("2020", "Japan"):
        style = marked.split(f">{word}<")[0].rsplit("<span", 1)[1]
        colour = QColor(style.split("background-color:")[1][:7])
        assert colour.saturation() < 10, (word, colour.name())


def test_the_views_show_the_authors_the_filters_hold_and_a_click_does_not_move_them(window, qtbot):
    """An early-years scenario on a projector: Fabrian and Lee fill the views, not three empty columns of later
    authors; clicking a cell narrows the selection and leaves the columns where they are."""
    early = ["Dira Fabrian", "Lee Jaehyon"]
    window.state.set_filters(FilterSpec(years={2017, 2019}))
    for chart in (window.framing, window.matrix, window.pillars, window.frames):
        assert chart.authors == early, type(chart).__name__
    labels = [label.replace("\n", " ") for label in window.framing.plot.getAxis("bottom").labels]
    assert [label.split()[0] for label in labels] == ["Fabrian", "Lee"]
    assert len(window.matrix.cell_labels.texts) == 2 * len(window.matrix.areas)
    window.state.narrow(authors={"Lee Jaehyon"}, areas={"korean_peninsula"})  # a click on Lee's Korean Peninsula cell
    assert window.framing.authors == early and window.matrix.authors == early
    window.state.reset()
    assert window.framing.authors == list(window.coded.authors)


def test_the_cited_figures_key_names_only_the_authors_drawn(window):
    """The late years' figures: their key named Fabrian and Lee, who have no marker there."""
    window.state.set_filters(FilterSpec(years={2020, 2021, 2025}))
    key = window.figures.caption_label.text()
    drawn = {window.coded.authors[i] for i in window.figures.legend}
    assert drawn and "Fabrian" not in key and "Lee" not in key
    assert all(name.split()[-1] in key or name.split()[0] in key for name in drawn)


def test_no_author_is_marked_with_the_star_that_marks_your_library():
    from nsp_explorer.colours import AUTHOR_SYMBOLS, STYLES, slot_style

    assert "star" not in AUTHOR_SYMBOLS  # an author's ★ read as "from your library" (the README's and the filters' mark)
    assert all(slot_style(slot)[1] != "star" for slot in range(STYLES))


def test_the_filter_summary_says_all_but_and_never_shows_half_a_line(qtbot, coded, tmp_path, monkeypatch):
    from nsp_explorer.gui.main_window import MainWindow

    monkeypatch.setenv("NSP_EXPLORER_CONFIG_DIR", str(tmp_path / "config"))
    window = MainWindow(coded, remember=False, scenario_folder=tmp_path / "scenarios")
    qtbot.addWidget(window)
    window.resize(1280, 720)
    window.show()
    qtbot.waitExposed(window)
    partners = set(coded.taxonomy.ids("partner")) - {"brunei"}
    window.state.set_filters(FilterSpec(pillars={"prosperity", "peace"}, partners=partners))
    summary = window.filter_panel.summary
    assert summary.text().endswith("Pillars: all but People. Partners: all but Brunei Darussalam.")
    window.state.set_filters(FilterSpec(pillars=set(coded.taxonomy.ids("pillar"))))  # every one, as a scenario may hold
    assert summary.text().endswith("Pillars: all.")
    few = sorted(partners)[:7]  # a list too long for the box: cut at a word, the whole of it in the tooltip
    window.state.set_filters(FilterSpec(partners=set(few), authors=set(coded.authors[:3]), years=set(coded.years[:3])))
    shown = summary.label.text()
    assert shown.endswith(" …") and summary.toolTip() == summary.text() and summary.text().startswith(shown[:-2])
    metrics = summary.fontMetrics()
    assert metrics.boundingRect(0, 0, summary.width(), 10000, int(Qt.TextFlag.TextWordWrap), shown).height() <= summary.height() - 4


def test_a_one_line_count_too_long_for_its_box_ends_in_an_ellipsis(qtbot):
    from nsp_explorer.gui.quiet_label import QuietLabel

    label = QuietLabel()
    qtbot.addWidget(label)
    label.show()
    label.resize(60, 20)
    label.setText("1,234 of 1,000,000 passages shown")
    assert label.label.text().endswith(" …") and label.toolTip() == label.text() == "1,234 of 1,000,000 passages shown"
    label.resize(600, 20)
    assert label.label.text() == label.text() and label.toolTip() == ""


def test_a_narrow_heatmap_keeps_its_numbers_without_the_star_before_it_loses_them(qapp):
    from nsp_explorer.gui.charts.base import CellLabels

    labels = CellLabels([(0, 0), (1, 0)])
    labels.set_labels(["100%*", "75%*"], ["#000000", "#000000"])
    metrics_cell = 22  # pixels: "100*" no longer fits at the legible floor, "100" does
    fitted = labels.fitted(metrics_cell)
    assert fitted is not None and fitted[0] == ["100", "75"]  # the caption and tooltip say what the star said
