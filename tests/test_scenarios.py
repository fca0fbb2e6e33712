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
from nsp_explorer.core.coded import code_passages
from nsp_explorer.core.dataset import load_dataset
from nsp_explorer.core.errors import DataFileError
from nsp_explorer.core.filters import FilterSpec
from nsp_explorer.core.report import neutralise, passages_csv, passages_markdown
from nsp_explorer.core.scenario import Scenario, ScenarioStore, _known_values, read_scenario_file
from nsp_explorer.gui import export as export_module
from nsp_explorer.gui.export import export_pdf, export_png, export_svg, export_views, seminar_pack
from nsp_explorer.gui.main_window import MainWindow


@pytest.fixture
def coded(data, taxonomy):
    return code_passages(load_dataset(data / "dataset", taxonomy), taxonomy)


@pytest.fixture
def known(coded):
    return _known_values(coded.taxonomy, coded.authors, coded.years)


@pytest.fixture
def dirs(tmp_path, monkeypatch):
    monkeypatch.setenv("NSP_EXPLORER_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.setenv("NSP_EXPLORER_DATA_DIR", str(tmp_path / "data"))
    return tmp_path


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
    expected = frame_matrix(coded, second.state.state.mask(coded), "count").to_numpy(dtype=float).T
    assert np.allclose(second.matrix.values, np.where(np.isnan(second.matrix.values), np.nan, expected), equal_nan=True)


def test_page_down_steps_through_scenarios_and_type_grows(qtbot, coded, dirs):
    window = open_window(qtbot, coded)
    window.scenarios.save_current("All")
    window.state.set_filters(FilterSpec(pillars={"people"}))
    window.scenarios.save_current("People")
    window.scenarios.show_scenario(0)
    window.toggle_seminar_mode()
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


def test_comparison_shows_both_on_the_same_scales_and_their_difference(qtbot, coded, dirs):
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
    assert np.allclose(compare.matrices[0].values, a, equal_nan=True)
    assert np.allclose(compare.matrices[1].values, b, equal_nan=True)
    assert np.allclose(compare.difference.values, 100 * (a - b), equal_nan=True)  # percentage points, as its colour bar
    assert all(m.measure_name == "share" and not m.measure.isEnabled() for m in compare.matrices)


def test_png_has_the_requested_size_and_is_not_blank(qtbot, coded, dirs, tmp_path):
    window = open_window(qtbot, coded, remember=False)
    path = export_png(window.matrix, tmp_path / "matrix.png", window.caption_text(), width=1200)
    image = QImage(str(path))
    assert image.width() == 1200 and image.height() > window.matrix.height()
    colours = {image.pixel(x, y) for x in range(0, image.width(), 23) for y in range(0, image.height(), 23)}
    assert len(colours) > 20


def test_svg_parses_and_pdf_has_a_page(qtbot, coded, dirs, tmp_path):
    window = open_window(qtbot, coded, remember=False)
    svg = export_svg(window.pillars, tmp_path / "pillars.svg", "caption")
    root = ElementTree.parse(svg).getroot()
    assert root.tag.endswith("svg") and len(list(root.iter())) > 20
    pdf = export_pdf(window, tmp_path / "window.pdf", "caption").read_bytes()
    assert pdf.startswith(b"%PDF") and pdf.count(b"/Type /Page\n") + pdf.count(b"/Type /Page\r") + pdf.count(b"/Type /Page ") >= 1


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
    real_save = QImage.save

    def full_after_three(self, *args):
        calls["n"] += 1
        return False if calls["n"] > 3 else real_save(self, *args)

    monkeypatch.setattr(QImage, "save", full_after_three)
    with pytest.raises(DataFileError) as error:
        export_views(window, out, ["png"])
    assert "disk full" in str(error.value)
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
    data["filters"]["partners"] = ["atlantis"]
    scenario.write_text(json.dumps(data), encoding="utf-8")
    result = nspx("export", "--scenario", str(scenario), "--out", str(tmp_path / "out"), "--width", "1000")
    assert result.returncode == 0, result.stderr
    assert "ignored unknown ID partners: atlantis" in result.stderr
    names = {p.name for p in (tmp_path / "out").iterdir()}
    assert {"framing-matrix.png", "framing-matrix.svg", "framing-matrix.pdf", "main-window.png"} <= names and len(names) == 21
    assert QImage(str(tmp_path / "out" / "timeline.png")).width() == 1000
    packed = nspx("export", "--scenario", str(scenario), "--out", str(tmp_path / "packs"), "--pack")
    assert packed.returncode == 0, packed.stderr
    pack = tmp_path / "packs" / "peace-seminar-pack"
    assert {"README.md", "passages.csv", "passages.md", "scenario.json", "main-window.png", "main-window.svg"} <= {p.name for p in pack.iterdir()}


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
