"""Scenarios, comparison and export: files that survive restarts, images that explain themselves."""

from __future__ import annotations

import json
import subprocess
import sys
import xml.etree.ElementTree as ElementTree

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage

from nsp_explorer.core.aggregate import frame_matrix
from nsp_explorer.core.errors import DataFileError
from nsp_explorer.core.filters import FilterSpec
from nsp_explorer.core.report import citation, neutralise, passages_csv, passages_markdown
from nsp_explorer.core.scenario import Scenario, ScenarioStore, _known_values, read_scenario_file
from nsp_explorer.gui import export as export_module
from nsp_explorer.gui.export import export_chart, export_views, seminar_pack
from nsp_explorer.gui.main_window import MainWindow


@pytest.fixture
def known(coded):
    return _known_values(coded.taxonomy, coded.authors, coded.years)


def open_window(qtbot, coded, remember=True) -> MainWindow:
    window = MainWindow(coded, remember=remember)
    qtbot.addWidget(window)
    window.resize(1600, 1000)
    window.show()
    qtbot.waitExposed(window)
    return window


PEACE = Scenario("Peace", "week 3", FilterSpec(pillars={"peace"}), FilterSpec(authors={"Lee Jaehyon"}), "", "count", ("asean_korea_trade", "USD billion"))


def test_a_scenario_round_trips_through_json(known):
    assert read_scenario_file.__name__  # the reader used by the store, the CLI and import
    from nsp_explorer.core.scenario import scenario_from_json

    loaded = scenario_from_json(json.loads(json.dumps(PEACE.to_json())), known)
    assert loaded.scenario == PEACE and loaded.ignored == ()
    assert PEACE.to_json()["schema"] == 1 and PEACE.to_json()["filters"]["pillars"] == ["peace"]


def test_unknown_ids_are_ignored_and_named(tmp_path, known):
    path = tmp_path / "shared.json"
    data = PEACE.to_json()
    data["filters"]["partners"] = ["china", "atlantis"]
    data["filters"]["years"] = [2019, 1850]
    path.write_text(json.dumps(data), encoding="utf-8")
    loaded = read_scenario_file(path, known)
    assert loaded.scenario.filters.partners == {"china"} and loaded.scenario.filters.years == {2019}
    assert set(loaded.ignored) == {"partners: atlantis", "years: 1850"}


def test_the_store_keeps_order_and_undoes_a_delete(tmp_path, coded):
    store = ScenarioStore.open(tmp_path / "s", coded.taxonomy, coded.authors, coded.years)
    store.add(PEACE)
    store.add(Scenario("Trade"))
    store.add(Scenario("../../etc/passwd"))  # a name, never a path
    store.move(2, 0)
    store.rename(1, "Peace, week 3")
    copy = store.duplicate(1)
    index, removed = store.delete(0)
    assert all(p.parent == tmp_path / "s" for p in store.files)
    again = ScenarioStore.open(tmp_path / "s", coded.taxonomy, coded.authors, coded.years)
    assert [s.name for s in again.scenarios] == ["Peace, week 3", "Peace, week 3 (copy)", "Trade"] and copy == 2
    store.restore(index, removed)
    assert [s.name for s in ScenarioStore.open(tmp_path / "s", coded.taxonomy, coded.authors, coded.years).scenarios][0] == "../../etc/passwd"


def test_a_corrupt_scenario_is_reported_left_alone_and_the_rest_load(tmp_path, coded):
    folder = tmp_path / "s"
    store = ScenarioStore.open(folder, coded.taxonomy, coded.authors, coded.years)
    store.add(PEACE)
    (folder / "broken.json").write_text('{"schema": 1, "name": "half', encoding="utf-8")
    (folder / "wrong.json").write_text('{"schema": 7, "name": "x"}', encoding="utf-8")
    again = ScenarioStore.open(folder, coded.taxonomy, coded.authors, coded.years)
    assert [s.name for s in again.scenarios] == ["Peace"]
    assert any("broken.json" in p and "not valid JSON" in p for p in again.problems)
    assert any("wrong.json" in p and "schema" in p for p in again.problems)
    assert (folder / "broken.json").read_text(encoding="utf-8") == '{"schema": 1, "name": "half'


def test_save_restart_and_the_scenario_is_back_and_applied(qtbot, coded, dirs):
    first = open_window(qtbot, coded)
    first.state.set_filters(FilterSpec(frames={"challenge"}, authors={"Choe Won-gi", "Lee Jaehyon"}))
    first.matrix.set_measure("count")
    first.scenarios.save_current("Criticism")
    first.close()
    second = open_window(qtbot, coded)
    assert [s.name for s in second.store.scenarios] == ["Criticism"]
    assert second.state.state.filters == FilterSpec(frames={"challenge"}, authors={"Choe Won-gi", "Lee Jaehyon"})
    assert second.matrix.measure_name == "count" and second.scenario_name == "Criticism"
    assert second.matrix.authors == ["Lee Jaehyon", "Choe Won-gi"]  # the filtered authors' columns only
    expected = frame_matrix(coded, second.state.state.mask(coded), "count").loc[second.matrix.authors].to_numpy(dtype=float).T
    assert np.allclose(second.matrix.values, np.where(np.isnan(second.matrix.values), np.nan, expected), equal_nan=True)


@pytest.mark.parametrize(
    "title, outlet, published, cited",
    [
        ("Korea and ASEAN", "The Asan Forum", "2019-06-21", "Lee J (2019). Korea and ASEAN. The Asan Forum, 2019-06-21, paragraph 3. https://x.org"),
        ("Ties Under Strain", "", "", "Lee J (2019). Ties Under Strain. Paragraph 3. https://x.org"),  # no " . , paragraph"
        ("Is the NSP Over?", "Blog", "", "Lee J (2019). Is the NSP Over? Blog, paragraph 3. https://x.org"),  # no "?."
    ],
)
def test_a_citation_leaves_out_what_is_not_known(title, outlet, published, cited):
    row = {"author": "Lee J", "year": 2019, "title": title, "outlet": outlet, "published": published, "position": 3, "url": "https://x.org"}
    assert citation(row) == cited


def test_the_comparison_window_goes_with_the_main_window(qtbot, coded, dirs):
    """Quit (the menu or Ctrl+Q in either window) quits the app: no comparison window is left running on its own."""
    window = open_window(qtbot, coded, remember=False)
    window.scenarios.save_current("All")
    window.state.set_filters(FilterSpec(frames={"challenge"}))
    window.scenarios.save_current("Challenges")
    compare = window.open_comparison()
    with qtbot.waitActive(compare):
        compare.activateWindow()
    qtbot.keyClick(compare, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    assert not compare.isVisible() and not window.isVisible()
    window = open_window(qtbot, coded, remember=False)
    compare = window.open_comparison()
    qtbot.waitExposed(compare)
    window.close()
    assert not compare.isVisible()


def test_page_down_steps_through_scenarios_and_type_grows(qtbot, coded, dirs):
    window = open_window(qtbot, coded)
    window.scenarios.save_current("All")
    window.state.set_filters(FilterSpec(pillars={"people"}))
    window.scenarios.save_current("People")
    window.scenarios.show_scenario(0)
    window.toggle_seminar_mode()
    window.set_one_view(False)  # every view at once: Page Down steps the scenarios (one view at a time, the views)
    window.activateWindow()  # shortcuts go to the active window (earlier tests' windows may linger)
    qtbot.waitUntil(window.isActiveWindow)
    assert window.isFullScreen() and window.type_scale > 1
    table = window.passage_list.table
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_PageDown)  # a clicker, with the passage list focused
    assert window.scenario_name == "People" and window.state.state.filters == FilterSpec(pillars={"people"})
    qtbot.keyClick(table, Qt.Key.Key_PageUp)
    assert window.scenario_name == "All"
    before = window.type_scale
    qtbot.keyClick(window, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert window.type_scale < before
    window.toggle_seminar_mode()
    assert not window.isFullScreen() and window.type_scale == 1.0


def test_comparison_shows_both_on_the_same_scales_and_their_difference(qtbot, coded, dirs, tmp_path):
    window = open_window(qtbot, coded)
    window.state.set_filters(FilterSpec(frames={"challenge"}))
    window.scenarios.save_current("Challenges")
    window.state.set_filters(FilterSpec(frames={"achievement"}))
    window.scenarios.save_current("Achievements")
    compare = window.open_comparison()
    qtbot.addWidget(compare)
    compare.choose(0, 1)
    a = frame_matrix(coded, FilterSpec(frames={"challenge"}).mask(coded)).to_numpy().T
    b = frame_matrix(coded, FilterSpec(frames={"achievement"}).mask(coded)).to_numpy().T
    assert np.allclose(compare.matrices[0].values[:, :5], a, equal_nan=True)  # each author, then all authors together
    assert np.allclose(compare.matrices[1].values[:, :5], b, equal_nan=True)
    assert np.allclose(compare.difference.values[:, :5], 100 * (a - b), equal_nan=True)  # percentage points, as its colour bar
    assert compare.difference.values.shape[1] == 6  # every author is on both sides; then all authors together
    assert all(m.measure_name == "share" and not m.measure.isEnabled() for m in compare.matrices)
    written = compare.export_to(tmp_path / "comparison", ["png", "svg"], 1600)  # a figure drawn from the two scenarios' data
    names = [p.name for p in written]
    assert names == ["comparison.png", "comparison.svg", "comparison-framing.png", "comparison-framing.svg"]
    assert QImage(str(written[0])).width() == QImage(str(written[2])).width() == 1600
    svg = written[1].read_text(encoding="utf-8")
    assert "<title>Attention by area: Challenges vs Achievements</title>" in svg and "<image" not in svg
    svg = written[3].read_text(encoding="utf-8")
    assert "<title>Framing: Challenges vs Achievements</title>" in svg and "<image" not in svg


def test_png_has_the_requested_size_and_is_not_blank(qtbot, coded, dirs, tmp_path):
    window = open_window(qtbot, coded, remember=False)
    written = export_chart(window, window.matrix.title, tmp_path, ["png"], width=1200).written
    assert [p.name for p in written] == ["attention-heatmap.png"]
    image = QImage(str(written[0]))
    assert image.width() == 1200 and image.height() == 675  # a 16:9 slide
    colours = {image.pixel(x, y) for x in range(0, image.width(), 23) for y in range(0, image.height(), 23)}
    assert len(colours) > 20


def test_the_figures_follow_the_window_and_svg_and_pdf_are_vectors(qtbot, coded, dirs, tmp_path):
    window = open_window(qtbot, coded, remember=False)
    window.state.set_filters(FilterSpec(authors={"Lee Jaehyon"}))
    window.matrix.set_measure("count")
    written = export_chart(window, window.pillars.title, tmp_path, ["svg", "pdf"]).written
    svg = ElementTree.parse(tmp_path / "pillar-profile.svg").getroot()
    assert svg.tag.endswith("svg") and len(list(svg.iter())) > 20 and "<image" not in (tmp_path / "pillar-profile.svg").read_text(encoding="utf-8")
    pdf = (tmp_path / "pillar-profile.pdf").read_bytes()
    assert pdf.startswith(b"%PDF") and pdf.count(b"/Type /Page\n") + pdf.count(b"/Type /Page\r") + pdf.count(b"/Type /Page ") >= 1
    assert len(written) == 2
    from nsp_explorer.figures.export import draw
    from nsp_explorer.figures.views import VIEWS
    from nsp_explorer.gui.export import figure_context

    heatmap = draw(next(v for v in VIEWS if v.stem == "attention-heatmap"), figure_context(window))
    assert "Attention by area: passages per author" in heatmap.texts()  # the window's measure
    assert [t.get_text().replace("\n", " ") for t in heatmap.figure.axes[0].get_xticklabels()] == ["Lee 2019"]  # its filters


def test_csv_neutralises_formulas_and_markdown_escapes_markup(coded):
    rows = coded.rows(np.flatnonzero((coded.passages["author"] == "Siti Atiqah Mokhter").to_numpy())[:3])
    rows.loc[rows.index[0], "text"] = '=HYPERLINK("http://x","click")'
    rows.loc[rows.index[1], "text"] = "@SUM(A1:A9) and [a link](javascript:alert(1)) <b>x</b>"
    text = passages_csv(rows, coded.documents).decode("utf-8")
    assert "'=HYPERLINK" in text and "'@SUM" in text
    assert [neutralise(v) for v in ("+1", "-2", "plain", "\tx")] == ["'+1", "'-2", "plain", "'\tx"]
    markdown = passages_markdown(rows, coded.documents, "Week 3")
    assert "\\[a link\\](javascript:alert(1))" in markdown and "\\<b\\>" in markdown
    assert "Siti Atiqah Mokhter (2020)" in markdown


def test_an_unwritable_folder_is_named_and_nothing_is_left(qtbot, coded, dirs, tmp_path):
    window = open_window(qtbot, coded, remember=False)
    blocker = tmp_path / "a-file"
    blocker.write_text("mine", encoding="utf-8")
    with pytest.raises(DataFileError) as error:
        export_views(window, blocker / "out", ["png"])
    assert "a-file" in str(error.value) and blocker.read_text(encoding="utf-8") == "mine"


def test_a_full_disk_leaves_no_partial_output(qtbot, coded, dirs, tmp_path, monkeypatch):
    window = open_window(qtbot, coded, remember=False)
    out = tmp_path / "out"
    out.mkdir()
    (out / "keep.txt").write_text("the user's", encoding="utf-8")
    calls = {"n": 0}
    from matplotlib.figure import Figure

    real_save = Figure.savefig

    def full_after_three(self, *args, **kwargs):
        calls["n"] += 1
        if calls["n"] > 3:
            raise OSError(28, "No space left on device")
        return real_save(self, *args, **kwargs)

    monkeypatch.setattr(Figure, "savefig", full_after_three)
    with pytest.raises(DataFileError) as error:
        export_views(window, out, ["png"])
    assert "No space left on device" in str(error.value)
    assert sorted(p.name for p in out.iterdir()) == ["keep.txt"]
    with pytest.raises(DataFileError):
        seminar_pack(window, out, PEACE.to_json())
    assert sorted(p.name for p in out.iterdir()) == ["keep.txt"]
    assert export_module  # the module under test


def nspx(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "nsp_explorer.cli", *args], capture_output=True, text=True, timeout=180)


def test_nspx_export_writes_the_png_svg_pdf_set_and_a_pack(tmp_path):
    scenario = tmp_path / "peace.json"
    data = PEACE.to_json()
    data["filters"]["pillars"] = data["filters"]["pillars"] + ["spaceflight"]
    scenario.write_text(json.dumps(data), encoding="utf-8")
    result = nspx("export", "--scenario", str(scenario), "--out", str(tmp_path / "out"), "--width", "1000")
    assert result.returncode == 0, result.stderr
    assert "ignored unknown ID pillars: spaceflight" in result.stderr
    names = {p.name for p in (tmp_path / "out").iterdir()}
    assert {"framing.png", "framing.svg", "framing.pdf", "attention-heatmap.png", "attention-heatmap.svg"} <= names
    assert len(names) == 3 * 7  # eight views, but no cited figure has a year here
    assert "not exported, as they show no data: Cited figures" in result.stdout  # Lee's peace passages cite no dated figure
    assert QImage(str(tmp_path / "out" / "timeline.png")).width() == 1000
    packed = nspx("export", "--scenario", str(scenario), "--out", str(tmp_path / "packs"), "--pack")
    assert packed.returncode == 0, packed.stderr
    pack = tmp_path / "packs" / "peace-seminar-pack"
    assert {"README.md", "passages.csv", "passages.md", "scenario.json", "attention-heatmap.png", "attention-heatmap.svg", "attention-heatmap.pdf"} <= {p.name for p in pack.iterdir()}
    before = (tmp_path / "out" / "framing.png").read_bytes()
    again = nspx("export", "--out", str(tmp_path / "out"), "--format", "png", "--width", "800")  # another view, same folder
    assert again.returncode != 0 and "already holds framing.png" in again.stderr and "--replace" in again.stderr
    assert (tmp_path / "out" / "framing.png").read_bytes() == before  # nothing replaced
    replaced = nspx("export", "--out", str(tmp_path / "out"), "--format", "png", "--width", "800", "--replace")
    assert replaced.returncode == 0, replaced.stderr
    assert QImage(str(tmp_path / "out" / "framing.png")).width() == 800
    assert (tmp_path / "out" / "cited-figures.png").exists()  # every view holds data without a scenario
    back = nspx("export", "--scenario", str(scenario), "--out", str(tmp_path / "out"), "--format", "png", "--width", "900", "--replace")
    assert back.returncode == 0, back.stderr
    assert not (tmp_path / "out" / "cited-figures.png").exists()  # no cited figure under the scenario: the earlier one goes
    assert "removed 1 earlier figure of those (cited-figures.png)" in back.stdout
    assert not (tmp_path / "out" / "framing.svg").exists()  # the first export's SVG and PDF would now mix two scenarios
    assert not (tmp_path / "out" / "framing.pdf").exists() and (tmp_path / "out" / "framing.png").exists()


def test_the_app_asks_before_an_export_replaces_figures_already_in_the_folder(qtbot, coded, dirs, tmp_path, monkeypatch):
    """A tester's second scenario's slides silently took the place of the first's, in the folder the dialog offered."""
    from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox

    window = open_window(qtbot, coded, remember=False)
    folder = tmp_path / "slides"
    folder.mkdir()
    (folder / "framing.png").write_bytes(b"the first scenario's slide")
    asked = []
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(folder))
    monkeypatch.setattr(QInputDialog, "getItem", lambda *a, **k: ("Slide 16:9", True))
    monkeypatch.setattr(QInputDialog, "getInt", lambda *a, **k: (600, True))
    monkeypatch.setattr(QMessageBox, "question", lambda parent, title, text, *a: asked.append(text) or QMessageBox.StandardButton.No)
    window.ask_and_export()
    assert "1 file in" in asked[0] and "framing.png" in asked[0]
    assert sorted(p.name for p in folder.iterdir()) == ["framing.png"] and (folder / "framing.png").read_bytes() == b"the first scenario's slide"
    window.framing._export_chart()  # one chart: asked the same way
    assert len(asked) == 2 and (folder / "framing.png").read_bytes() == b"the first scenario's slide"
    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.Yes)
    window.ask_and_export()
    assert (folder / "framing.png").read_bytes() != b"the first scenario's slide" and len(list(folder.iterdir())) > 1


def test_nspx_export_without_a_scenario_draws_everything(tmp_path):
    """A first-time user has no scenario file yet: the figures are those of the window as it opens, nothing filtered."""
    result = nspx("export", "--out", str(tmp_path / "out"), "--format", "png", "--width", "800")
    assert result.returncode == 0, result.stderr
    names = {p.name for p in (tmp_path / "out").iterdir()}
    assert {"framing.png", "attention-heatmap.png", "timeline.png"} <= names
    packed = nspx("export", "--out", str(tmp_path / "packs"), "--pack", "--format", "png", "--width", "800")
    assert packed.returncode == 0, packed.stderr
    pack = tmp_path / "packs" / "all-documents-seminar-pack"
    assert (pack / "passages.csv").is_file()
    assert not any(json.loads((pack / "scenario.json").read_text(encoding="utf-8"))["filters"].values())  # nothing filtered


def test_nspx_export_names_a_corrupt_scenario(tmp_path):
    scenario = tmp_path / "broken.json"
    scenario.write_text("{not json", encoding="utf-8")
    result = nspx("export", "--scenario", str(scenario), "--out", str(tmp_path / "out"))
    assert result.returncode == 2 and "broken.json" in result.stderr and "not valid JSON" in result.stderr
    assert "Traceback" not in result.stderr and not (tmp_path / "out").exists()


def test_the_passage_list_exports_as_csv_and_markdown(qtbot, coded, dirs, tmp_path):
    window = open_window(qtbot, coded, remember=False)
    window.state.set_filters(FilterSpec(authors={"Choe Won-gi"}))
    csv_text = window.export_passages(tmp_path / "p.csv").read_text(encoding="utf-8")
    assert csv_text.count("choe-2021-koreatimes:") == 10 and "Choe Won-gi (2021)" in csv_text
    markdown = window.export_passages(tmp_path / "p.md").read_text(encoding="utf-8")
    assert markdown.count("> ") == 10 and "paragraph 10" in markdown


def test_the_export_actions_ask_for_the_medium_and_width_and_say_what_was_left_out(qtbot, coded, dirs, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog, QInputDialog

    window = open_window(qtbot, coded, remember=False)
    window.state.set_filters(FilterSpec(pillars={"peace"}, years={2017, 2019}))
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(tmp_path / "figures"))
    monkeypatch.setattr(QInputDialog, "getItem", lambda *a, **k: ("Paper column (89 mm)", True))
    monkeypatch.setattr(QInputDialog, "getInt", lambda *a, **k: (700, True))
    window.ask_and_export()
    names = sorted(p.name for p in (tmp_path / "figures").iterdir())
    assert len(names) == 3 * 7 and "cited-figures.png" not in names
    assert QImage(str(tmp_path / "figures" / "partners.png")).width() == 700
    assert window.statusBar().currentMessage().endswith("not exported, as they show no data: Cited figures")
    settings = dirs / "config" / "settings.json"
    assert not settings.exists() or "export_folder" not in json.loads(settings.read_text())  # a window that keeps no settings
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(tmp_path / "timeline"))
    window.timeline._export_chart()  # the chart's right-click action
    assert sorted(p.name for p in (tmp_path / "timeline").iterdir()) == [f"{s}.{f}" for s in ("timeline", "years-mentioned") for f in ("pdf", "png", "svg")]


def test_the_passage_list_is_offered_in_the_last_export_folder_and_a_window_that_remembers_keeps_it(qtbot, coded, dirs, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    window = open_window(qtbot, coded)
    offered = []
    (tmp_path / "class").mkdir()
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(tmp_path / "class"))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda parent, title, start, kinds: offered.append(start) or (str(tmp_path / "class" / "p.md"), ""))
    window.ask_and_pack()
    window.ask_and_export_passages()
    assert offered == [str(tmp_path / "class" / "passages.csv")]  # where the last export went, not the app's folder
    assert (tmp_path / "class" / "p.md").exists()


def test_leaving_seminar_mode_keeps_a_maximized_window_maximized(qtbot, coded, dirs):
    window = open_window(qtbot, coded, remember=False)
    window.showMaximized()
    qtbot.waitUntil(window.isMaximized)
    window.toggle_seminar_mode()
    window.toggle_seminar_mode()
    qtbot.waitUntil(window.isMaximized)


def test_a_view_changed_after_its_scenario_is_no_longer_named_for_it(qtbot, coded, dirs, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    from nsp_explorer.gui.export import figure_context

    window = open_window(qtbot, coded, remember=False)
    window.state.narrow(source="test", partners={"japan"})
    window.scenarios.save_current("Japan in the NSP")
    assert window.scenario_shown() == "Japan in the NSP" and figure_context(window).subtitle().startswith("Japan in the NSP")
    window.toggle_seminar_mode()
    assert "Japan in the NSP</b>" in window.banner.text() and "changed" not in window.banner.text()
    window.state.clear_selection(source="test")  # Esc: every passage again
    assert window.scenario_shown() == "" and "Japan in the NSP" not in figure_context(window).subtitle()
    assert "changed since" in window.banner.text()  # the room is told the view is no longer the scenario's
    window.toggle_seminar_mode()
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(tmp_path))
    window.ask_and_pack()  # the pack is named for what it shows, not for the scenario
    (pack,) = [p for p in tmp_path.iterdir() if p.is_dir() and "pack" in p.name]
    assert pack.name.startswith("current-view") and "Japan in the NSP" not in (pack / "README.md").read_text(encoding="utf-8")
    window.matrix.set_measure("count")
    window.scenarios.show_scenario(0)  # back to the scenario: its name again
    assert window.scenario_shown() == "Japan in the NSP" and window.matrix.measure_name == "share"
    window.state.set_filters(FilterSpec(years={2019}))
    assert window.scenario_shown() == ""
    window.scenarios.update_current()  # Update: the scenario is now this view, and named for it again
    assert window.scenario_shown() == "Japan in the NSP" and window.store.scenarios[0].filters == FilterSpec(years={2019})
