"""The bad-input matrix: every file the app reads, given every kind of bad input.

Each row below is one test (its ID is the test's parameter). "Named" means the
message names the file and says what is wrong with it, with no traceback;
"kept" means nothing the user made is overwritten or lost.

| ID | file | input | expected behaviour |
|---|---|---|---|
| D1 | dataset: documents.csv | missing | named ("is missing") |
| D2 | dataset: passages.csv | empty (0 bytes) | named ("cannot be read as CSV") |
| D3 | dataset: passages.csv | truncated in the middle of a quoted field | named ("is cut short") |
| D4 | dataset: passages.csv | Latin-1, not UTF-8 | named ("is not UTF-8 text") |
| D5 | dataset: documents.csv | wrong type: a year that is a word | named |
| D6 | dataset: facts.csv | wrong type: a value that is not a number | named |
| D7 | dataset: codes.csv | unknown code ID | named, with the ID |
| D8 | dataset: passages.csv | huge (over the size limit) | named ("is too large"), refused before it is read |
| D9 | dataset: passages.csv, documents.csv | hostile: `<script>`, `<a href="javascript:…">`, `=HYPERLINK(…)` in text and URL | loads; the reading pane shows the markup as text and makes no link; a CSV export neutralises the formula |
| D10 | dataset: binary cache | damaged (a cut array) | ignored, rebuilt from the CSVs |
| D11 | dataset: documents.csv | hostile author name `<b>Evil</b><img src=x>` | the filter panel shows it, and its tooltip, as text |
| D12 | dataset: passages.csv | changed bytes, same size and modification time, cache beside it | the cache is not used: the new text is shown, and it is said |
| D13 | dataset: binary cache | tampered arrays with a forged manifest (hashes recomputed) | not used, rebuilt from the CSVs, said |
| D14 | dataset: binary cache | made on another machine, shipped inside a shared dataset folder | not trusted: rebuilt, said; the version shown is the CSVs' |
| C1 | codebook.toml | missing | named |
| C2 | codebook.toml | empty | named ("is empty") |
| C3 | codebook.toml | truncated | named ("cannot be read as TOML") |
| C4 | codebook.toml | UTF-16, not UTF-8 | named ("is UTF-16 text: save it as UTF-8") |
| C5 | codebook.toml | wrong type: terms a string, not a list | named, with the table |
| C6 | codebook.toml | unknown code ID | named, with the ID |
| C7 | codebook.toml | huge | named ("is too large") |
| C8 | your codebook overlay | hostile: a term with regex and HTML characters | matched as the literal words, no crash |
| R1 | review.csv | missing | no decisions (a project without reviews) |
| R2 | review.csv | empty | named ("is empty") |
| R3 | review.csv | truncated (a row cut short) | named, with the line |
| R4 | review.csv | Latin-1 | named ("is not UTF-8") |
| R5 | review.csv | wrong type: action "maybe" | named, with the line |
| R6 | review.csv | unknown code ID | named, with the line |
| R7 | review.csv | huge | named ("is too large") |
| R8 | review.csv | hostile: a formula and HTML as the reason | kept as text; the built codes are unaffected by it |
| S1 | scenario JSON | missing | named ("is missing") |
| S2 | scenario JSON | empty | named; the other scenarios load; the file is left as it is |
| S3 | scenario JSON | truncated | named; the other scenarios load; the file is left as it is |
| S4 | scenario JSON | UTF-16 | named |
| S5 | scenario JSON | wrong types (filters a string, years words) | named or the bad values ignored and named |
| S6 | scenario JSON | unknown IDs | loads without them; they are named |
| S7 | scenario JSON | huge | named ("is too large"), not read |
| S8 | scenario JSON | hostile name `../../x` and `<b>` in the note | saved inside the scenarios folder; the note stays text |
| S9 | scenarios order.json | corrupt | scenarios listed by name; said so |
| S10 | scenario JSON | hostile note (`<b>`, `<img>`) shown in the scenario list | its tooltip shows the markup as text |
| S11 | scenario JSON | nested 100,000 levels deep | named ("nested too deeply"); the other scenarios load |
| S12 | scenarios order.json | nested 100,000 levels deep | scenarios listed by name; said so |
| T1 | settings.json | missing | defaults, no message |
| T2 | settings.json | truncated | defaults; kept aside as settings.broken-….json; the user is told |
| T3 | settings.json | wrong types (a list; geometry a number) | defaults; kept aside or the bad value ignored |
| T4 | settings.json | UTF-16 | defaults; kept aside; told |
| T5 | settings.json | nested 100,000 levels deep | defaults; kept aside; told (the app starts) |
| I1 | imported document | missing | named |
| I2 | imported document | empty | named ("is empty") |
| I3 | imported document | truncated PDF | named ("broken") |
| I4 | imported document | Windows-1252 text | read correctly |
| I5 | imported document | huge | named ("is too large"), not read |
| I6 | imported document | hostile HTML: script, style, `javascript:` link, formula | script and style dropped, link target dropped, text kept as text |
| I7 | imported document | path-like title `../../etc/passwd` | stored inside the library under a safe ID |
| I8 | imported document | unsupported type (.xlsx) | named |
| I9 | imported document | UTF-8 with a BOM and one stray Windows-1252 byte | imported; every accent kept; the stray byte named in the encoding |
| I10 | imported document | UTF-16 (BOM) with a lone surrogate code unit | named, with the offset |
| I11 | imported document | UTF-32 (BOM) with a code unit beyond Unicode | named, with the offset |
| I12 | imported document | DOCX with broken XML | named ("cannot be read as a DOCX file") |
| I13 | imported document | DOCX with a corrupt deflate stream | named |
| I14 | imported document | encrypted DOCX (an OLE container) | named ("encrypted") |
| I15 | imported document | 0.8 MB DOCX that expands to 200 MB of XML | refused before it is expanded, in well under a second |
| I16 | imported document | a batch of three with a broken one in the middle | the other two import; the broken one is named; no traceback |
| I17 | imported document | PDF whose metadata date is year 0000 | imported with the date unknown (never the year of import), said in date_basis; the library opens |
| I18 | imported document | --date 0001, 2019-02-30, 9999 | refused at import with the date named; the library unchanged |
| I19 | codebook overlay / review | TOML nested 100,000 levels deep | named ("nested too deeply") |
| I20 | imported document | pathological text under 1 MB: a 200 KB e-mail-like token, 0.3 MB of date lines, 100 KB of unclosed `<a ` in HTML, 3,000 paragraphs sharing a phrase | each imported in under 10 s |
| I21 | imported document | a 20 MB text on one line | split into passages of at most 4,000 characters, every word kept |
| L1 | your library: metadata.csv | corrupt (binary) | the app starts with the bundled corpus; the library is kept aside under a new name; the user is told |
| L2 | your library: dataset/codes.csv | unknown code ID | as L1 |
| X1 | taxonomy.json | truncated | named ("cannot be read as JSON") |
| E1 | passages CSV export | `;=HYPERLINK(…)` inside a passage, `  =1+1` after spaces, opened with `;` or `,` | every text field quoted; no cell a formula whatever the separator |
| E2 | seminar pack README | scenario name `<img onerror>` and note with a `javascript:` link | escaped: no HTML, no link |
| E3 | cited-figures chart | HTML in a fact's indicator and unit (`<b style=…>`, `<a>`, `<img>`) | axis label and messages are plain text; the exported slide too |
| E4 | exports, scenarios | written under umask 022 | files 644, pack folder 755 (a colleague can read them) |
| E5 | `nspx export --width 100000` | an absurd PNG width | refused at once with the limit named, nothing allocated |
"""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
from pathlib import Path

import numpy as np
import pytest

from nsp_explorer.core import dataset as dataset_module
from nsp_explorer.core.cache import CACHE_NAME, load_coded
from nsp_explorer.core.errors import DataFileError
from nsp_explorer.core.report import passages_csv
from nsp_explorer.core.scenario import MAX_SCENARIO_BYTES, Scenario, ScenarioStore, _known_values, read_scenario_file
from nsp_explorer.core.taxonomy import load_taxonomy
from nsp_explorer.pipeline import sources
from nsp_explorer.pipeline.codebook import load_codebook
from nsp_explorer.pipeline.review import load_review
from nsp_explorer.pipeline.sentences import sentence_spans

# -- the dataset CSVs ---------------------------------------------------------------


@pytest.fixture
def dataset(data, tmp_path) -> Path:
    folder = tmp_path / "dataset"
    shutil.copytree(data / "dataset", folder, ignore=shutil.ignore_patterns(".nspx-cache*"))
    return folder


def _cut_in_a_quoted_field(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    cut = text.index('"', len(text) // 2) + 5  # inside a quoted field
    path.write_text(text[:cut], encoding="utf-8")


def _replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


DATASET_ROWS = {
    "D1": ("documents.csv", lambda p: p.unlink(), "is missing"),
    "D2": ("passages.csv", lambda p: p.write_bytes(b""), "cannot be read as CSV"),
    "D3": ("passages.csv", _cut_in_a_quoted_field, "is cut short"),
    "D4": ("passages.csv", lambda p: p.write_bytes(p.read_text(encoding="utf-8").replace("ASEAN", "ASÉAN").encode("latin-1", "replace")), "is not UTF-8 text"),
    "D5": ("documents.csv", lambda p: _replace(p, ",2019,", ",twenty nineteen,"), "year that is not four digits"),
    "D6": ("facts.csv", lambda p: _replace(p, ",1.1,", ",n/a,"), "not a number"),
    "D7": ("codes.csv", lambda p: _replace(p, ",area,trade,", ",area,spaceflight,"), "area:spaceflight"),
}


@pytest.mark.parametrize("row", sorted(DATASET_ROWS))
def test_dataset_csv(row, dataset, taxonomy):
    name, damage, problem = DATASET_ROWS[row]
    damage(dataset / name)
    with pytest.raises(DataFileError) as error:
        load_coded(dataset, taxonomy)
    assert error.value.path.name == name and problem in error.value.problem
    assert "Traceback" not in str(error.value)


def test_dataset_csv_D8_huge_is_refused_before_it_is_read(dataset, taxonomy, monkeypatch):
    monkeypatch.setattr(dataset_module, "MAX_DATASET_BYTES", 1000)
    read = []
    monkeypatch.setattr(dataset_module.pd, "read_csv", lambda *a, **k: read.append(a) or pytest.fail("read a huge file"))
    with pytest.raises(DataFileError, match="too large"):
        load_coded(dataset, taxonomy)
    assert not read


HOSTILE = '<script>alert(1)</script> <a href="javascript:alert(2)">click</a> <b>bold</b>'


def test_dataset_csv_D9_hostile_text_is_shown_as_text(dataset, taxonomy, qtbot, tmp_path):
    from nsp_explorer.gui.main_window import MainWindow

    rows = list(csv.reader(io.StringIO((dataset / "passages.csv").read_text(encoding="utf-8"))))
    rows[1][4] = HOSTILE + " " + rows[1][4]
    rows[2][4] = '=HYPERLINK("http://evil.example","x") ' + rows[2][4]
    with (dataset / "passages.csv").open("w", encoding="utf-8", newline="") as out:
        csv.writer(out, lineterminator="\n").writerows(rows)
    docs = list(csv.reader(io.StringIO((dataset / "documents.csv").read_text(encoding="utf-8"))))
    docs[1][8] = "javascript:alert(3)"
    with (dataset / "documents.csv").open("w", encoding="utf-8", newline="") as out:
        csv.writer(out, lineterminator="\n").writerows(docs)
    coded = load_coded(dataset, taxonomy)
    window = MainWindow(coded, remember=False, scenario_folder=tmp_path / "scenarios")
    qtbot.addWidget(window)
    first = rows[1][0]
    window.state.set_focus(first)
    shown = window.reading.browser.toHtml()
    assert "&lt;script&gt;" in shown and "<script" not in shown
    assert "<a " not in shown.lower() and "&lt;a href=" in shown and "javascript:alert(3)" in shown  # text, never a link
    row = coded.row_of(rows[2][0])
    exported = passages_csv(coded.rows(np.array([row])), coded.documents).decode("utf-8")
    assert "'=HYPERLINK" in exported


def test_dataset_csv_D10_damaged_cache_is_rebuilt(dataset, taxonomy):
    first = load_coded(dataset, taxonomy)
    flags = dataset / CACHE_NAME / "flags.npy"
    flags.write_bytes(flags.read_bytes()[:20])
    again = load_coded(dataset, taxonomy)
    assert len(again) == len(first) and again.version == first.version
    assert (again.has("area", "trade") == first.has("area", "trade")).all()


def test_dataset_csv_D12_changed_bytes_with_the_same_size_and_time_are_seen(dataset, taxonomy):
    first = load_coded(dataset, taxonomy)
    path = dataset / "passages.csv"
    stat = path.stat()
    text = path.read_text(encoding="utf-8")
    assert "ASEAN" in text
    path.write_text(text.replace("ASEAN", "XXXXX"), encoding="utf-8")  # same size
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    again = load_coded(dataset, taxonomy)
    assert again.version != first.version and again.cache_note and "changed" in again.cache_note
    assert not again.containing("asean").any() and again.containing("xxxxx").any()


def _forge(place: Path, change) -> None:
    """Change the cache and rewrite its manifest's hashes as a forger would (without the user's key)."""
    import hashlib

    change(place)
    manifest = json.loads((place / "manifest.json").read_text(encoding="utf-8"))
    manifest["files"] = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in place.iterdir() if p.name != "manifest.json"}
    manifest["version"] = "0123456789ab"
    (place / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")


def test_dataset_csv_D13_tampered_cache_with_a_forged_manifest_is_not_data(dataset, taxonomy):
    first = load_coded(dataset, taxonomy)
    place = dataset / CACHE_NAME

    def swap_years(folder: Path) -> None:
        years = np.load(folder / "meta.year.npy")
        np.save(folder / "meta.year.npy", np.full_like(years, 1999))

    _forge(place, swap_years)
    again = load_coded(dataset, taxonomy)
    assert again.years == first.years and 1999 not in again.years and again.version == first.version
    assert again.cache_note and "made for another account or computer" in again.cache_note
    swap_years(place)  # the cache rewritten just now, changed in place and its manifest left as it was
    third = load_coded(dataset, taxonomy)
    assert third.years == first.years and "not those it was made with" in third.cache_note


def test_dataset_csv_D14_a_cache_made_elsewhere_is_not_trusted(dataset, taxonomy, tmp_path, monkeypatch):
    monkeypatch.setenv("NSP_EXPLORER_CACHE_DIR", str(tmp_path / "colleague"))  # another user's key makes the cache
    shipped = load_coded(dataset, taxonomy)
    texts = dataset / CACHE_NAME / "texts.bin"
    texts.write_bytes(texts.read_bytes().replace(b"ASEAN", b"EVIL!"))
    monkeypatch.setenv("NSP_EXPLORER_CACHE_DIR", str(tmp_path / "me"))
    mine = load_coded(dataset, taxonomy)
    assert mine.cache_note and not mine.containing("evil!").any() and mine.version == shipped.version
    assert load_coded(dataset, taxonomy).cache_note == ""  # rebuilt and signed here: used from now on


def test_dataset_csv_D11_hostile_author_is_text_in_the_filter_panel(dataset, taxonomy, qtbot, tmp_path):
    from nsp_explorer.gui.main_window import MainWindow

    _replace(dataset / "documents.csv", "Lee Jaehyon", "<b>Evil</b><img src=x>")
    window = MainWindow(load_coded(dataset, taxonomy), remember=False, scenario_folder=tmp_path / "scenarios")
    qtbot.addWidget(window)
    item = window.filter_panel.items[("author", "<b>Evil</b><img src=x>")]
    assert item.text(0).startswith("<b>Evil</b><img src=x> (2019")  # item text is always plain in a tree
    assert item.toolTip(0).startswith("<qt>&lt;b&gt;Evil&lt;/b&gt;&lt;img src=x&gt;")


# -- the codebook ---------------------------------------------------------------------


@pytest.fixture
def codebook_copy(data, tmp_path) -> Path:
    path = tmp_path / "codebook.toml"
    shutil.copy(data / "codebook.toml", path)
    return path


CODEBOOK_ROWS = {
    "C1": (lambda p: p.unlink(), "is missing"),
    "C2": (lambda p: p.write_text("", encoding="utf-8"), "is empty"),
    "C3": (lambda p: p.write_text(p.read_text(encoding="utf-8")[:1500] + '\n[areas.trade\nterms = ["tra', encoding="utf-8"), "cannot be read as TOML"),
    "C4": (lambda p: p.write_bytes(p.read_text(encoding="utf-8").encode("utf-16")), "is UTF-16 text: save it as UTF-8"),
    "C5": (lambda p: _replace(p, "[areas.trade]\nterms = [", '[areas.trade]\nterms = "trade"\nold = ['), "[areas.trade] terms"),
    "C6": (lambda p: p.write_text(p.read_text(encoding="utf-8") + '\n[areas.spaceflight]\nterms = ["rocket"]\n', encoding="utf-8"), "spaceflight"),
}


@pytest.mark.parametrize("row", sorted(CODEBOOK_ROWS))
def test_codebook(row, codebook_copy, taxonomy):
    damage, problem = CODEBOOK_ROWS[row]
    damage(codebook_copy)
    with pytest.raises(DataFileError) as error:
        load_codebook(codebook_copy, taxonomy)
    assert error.value.path == codebook_copy and problem in error.value.problem


def test_codebook_C7_huge(codebook_copy, taxonomy, monkeypatch):
    monkeypatch.setattr(sources, "MAX_SOURCE_BYTES", 1000)
    with pytest.raises(DataFileError, match="too large"):
        load_codebook(codebook_copy, taxonomy)


def test_codebook_C8_hostile_user_terms_match_literally(codebook_copy, taxonomy, tmp_path):
    overlay = tmp_path / "overlay.toml"
    overlay.write_text('[areas.education]\nterms = ["(a+)+$ <b>x</b>", "C++ [lab]"]\n', encoding="utf-8")
    codebook = load_codebook(codebook_copy, taxonomy, overlay)
    found = codebook.matches("A C++ [lab] opened; " + "a" * 40 + "!")
    assert ("area", "education") in found
    assert not codebook.matches("a" * 5000 + "b")  # no catastrophic backtracking, no false match


# -- the review file ------------------------------------------------------------------


HEADER = "passage_id,dimension,code,action,reason\n"
REVIEW_ROWS = {
    "R2": (b"", "is empty"),
    "R3": ((HEADER + "lee-2019-asan:1,area,trade,add\n").encode(), "line 2"),
    "R4": ((HEADER + "lee-2019-asan:1,area,trade,add,parce que c'était évident\n").encode("latin-1"), "UTF-8"),
    "R5": ((HEADER + "lee-2019-asan:1,area,trade,maybe,unsure\n").encode(), "line 2: action"),
    "R6": ((HEADER + "lee-2019-asan:1,area,spaceflight,add,rockets\n").encode(), "line 2: 'spaceflight'"),
}


@pytest.mark.parametrize("row", sorted(REVIEW_ROWS))
def test_review_file(row, tmp_path, taxonomy):
    content, problem = REVIEW_ROWS[row]
    path = tmp_path / "review.csv"
    path.write_bytes(content)
    with pytest.raises(DataFileError) as error:
        load_review(path, taxonomy)
    assert error.value.path == path and problem in error.value.problem


def test_review_file_R1_missing_means_no_decisions(tmp_path, taxonomy):
    assert load_review(tmp_path / "review.csv", taxonomy) == []


def test_review_file_R7_huge(tmp_path, taxonomy, monkeypatch):
    path = tmp_path / "review.csv"
    path.write_text(HEADER + "lee-2019-asan:1,area,trade,add,why\n" * 100, encoding="utf-8")
    monkeypatch.setattr(sources, "MAX_SOURCE_BYTES", 1000)
    with pytest.raises(DataFileError, match="too large"):
        load_review(path, taxonomy)


def test_review_file_R8_hostile_reason_is_kept_as_text(tmp_path, taxonomy):
    path = tmp_path / "review.csv"
    path.write_text(HEADER + 'lee-2019-asan:1,area,trade,add,"=cmd|\' /C calc\'!A0 <script>x</script>"\n', encoding="utf-8")
    (decision,) = load_review(path, taxonomy)
    assert decision.reason == "=cmd|' /C calc'!A0 <script>x</script>" and decision.code == "trade"


# -- scenarios --------------------------------------------------------------------------


@pytest.fixture(scope="module")
def known(taxonomy):
    return _known_values(taxonomy, ["Lee Jaehyon", "Dira Fabrian"], [2017, 2019])


@pytest.fixture
def store_folder(tmp_path, taxonomy) -> Path:
    folder = tmp_path / "scenarios"
    store = ScenarioStore.open(folder, taxonomy, ["Lee Jaehyon"], [2019])
    store.add(Scenario("Good one"))
    return folder


SCENARIO_FILES = {
    "S2": b"",
    "S3": b'{"schema": 1, "name": "Cut", "filters": {"pillars": ["pea',
    "S4": json.dumps({"schema": 1, "name": "Wide"}).encode("utf-16"),
    "S11": b'{"schema": 1, "name": "Deep", "filters": ' + b"[" * 100_000 + b"]" * 100_000 + b"}",
}


@pytest.mark.parametrize("row", sorted(SCENARIO_FILES))
def test_scenario_file_unreadable(row, store_folder, taxonomy, known):
    bad = store_folder / "bad.json"
    bad.write_bytes(SCENARIO_FILES[row])
    with pytest.raises(DataFileError) as error:
        read_scenario_file(bad, known)
    assert error.value.path == bad
    store = ScenarioStore.open(store_folder, taxonomy, ["Lee Jaehyon"], [2019])
    assert [s.name for s in store.scenarios] == ["Good one"]
    assert any("bad.json" in p for p in store.problems)
    assert bad.read_bytes() == SCENARIO_FILES[row]  # left as it was


def test_scenario_file_S1_missing(tmp_path, known):
    with pytest.raises(DataFileError, match="missing"):
        read_scenario_file(tmp_path / "gone.json", known)


def test_scenario_file_S5_wrong_types(tmp_path, known):
    path = tmp_path / "typed.json"
    path.write_text(json.dumps({"schema": 1, "name": 7, "filters": "peace", "view": []}), encoding="utf-8")
    with pytest.raises(DataFileError) as error:
        read_scenario_file(path, known)
    assert error.value.path == path
    path.write_text(json.dumps({"schema": 1, "name": "Typed", "filters": {"years": ["x", 2019], "pillars": [1, "peace"]}}), encoding="utf-8")
    loaded = read_scenario_file(path, known)
    assert loaded.scenario.filters.years == frozenset({2019}) and loaded.scenario.filters.pillars == frozenset({"peace"})
    assert loaded.ignored


def test_scenario_file_S6_unknown_ids(tmp_path, known):
    path = tmp_path / "unknown.json"
    path.write_text(json.dumps({"schema": 1, "name": "U", "filters": {"areas": ["trade", "spaceflight"], "authors": ["Nobody"]}}), encoding="utf-8")
    loaded = read_scenario_file(path, known)
    assert loaded.scenario.filters.areas == frozenset({"trade"})
    assert any("spaceflight" in i for i in loaded.ignored) and any("Nobody" in i for i in loaded.ignored)
    # every author it names is unknown: it selects nothing, never every author under the scenario's name
    assert loaded.scenario.filters.authors == frozenset({""}) and "authors: (all of them: the scenario selects no passage)" in loaded.ignored


def test_scenario_file_S7_huge_is_not_read(tmp_path, known):
    path = tmp_path / "huge.json"
    path.write_bytes(b" " * (MAX_SCENARIO_BYTES + 1))
    with pytest.raises(DataFileError, match="too large"):
        read_scenario_file(path, known)


def test_scenario_file_S8_hostile_name_stays_in_the_folder(store_folder, taxonomy):
    store = ScenarioStore.open(store_folder, taxonomy, [], [])
    store.add(Scenario("../../x", note="<b>bold</b> <script>s</script>"))
    written = {p.resolve() for p in store_folder.rglob("*.json")}
    assert all(store_folder.resolve() in p.parents for p in written)
    assert not (store_folder.parent.parent / "x.json").exists()
    again = ScenarioStore.open(store_folder, taxonomy, [], [])
    assert again.scenarios[-1].note == "<b>bold</b> <script>s</script>"


def test_scenario_file_S9_corrupt_order_file(store_folder, taxonomy):
    (store_folder / "order.json").write_text("[not json", encoding="utf-8")
    store = ScenarioStore.open(store_folder, taxonomy, [], [])
    assert [s.name for s in store.scenarios] == ["Good one"]
    assert any("order.json" in p for p in store.problems)


def test_scenario_file_S12_deeply_nested_order_file(store_folder, taxonomy):
    (store_folder / "order.json").write_bytes(b"[" * 100_000 + b"]" * 100_000)
    store = ScenarioStore.open(store_folder, taxonomy, [], [])
    assert [s.name for s in store.scenarios] == ["Good one"]
    assert any("order.json" in p for p in store.problems)


def test_scenario_file_S10_hostile_note_is_text_in_the_list(qtbot, tmp_path, taxonomy):
    from nsp_explorer.gui.app import load
    from nsp_explorer.gui.main_window import MainWindow

    folder = tmp_path / "scenarios"
    ScenarioStore.open(folder, taxonomy, [], []).add(Scenario("Week 2", note='<b>bold</b><img src="x.png">'))
    window = MainWindow(load(None, with_library=False), remember=False, scenario_folder=folder)
    qtbot.addWidget(window)
    tip = window.scenarios.list.item(0).toolTip()
    assert tip == "<qt>&lt;b&gt;bold&lt;/b&gt;&lt;img src=&quot;x.png&quot;&gt;</qt>"


# -- window settings -----------------------------------------------------------------------


@pytest.fixture
def config(tmp_path, monkeypatch) -> Path:
    monkeypatch.setenv("NSP_EXPLORER_CONFIG_DIR", str(tmp_path / "config"))
    (tmp_path / "config").mkdir()
    return tmp_path / "config"


def test_settings_T1_missing_means_defaults(config):
    from nsp_explorer.gui.settings import load_settings

    assert load_settings() == ({}, "")


DEEP = b"[" * 100_000 + b"]" * 100_000


@pytest.mark.parametrize("row, content", [("T2", b'{"geometry": "AdnQ'), ("T3", b"[1, 2, 3]"), ("T4", '{"a": 1}'.encode("utf-16")), ("T5", DEEP)])
def test_settings_unreadable_are_kept_aside(row, content, config):
    from nsp_explorer.gui.settings import load_settings

    (config / "settings.json").write_bytes(content)
    settings, message = load_settings()
    assert settings == {} and "settings.json" in message and "kept as settings.broken-" in message
    (aside,) = config.glob("settings.broken-*.json")
    assert aside.read_bytes() == content


@pytest.mark.parametrize("content", [{"window": {"geometry": 12, "splitters": "wide"}, "last_scenario": ["x"]}, {"window": [1, 2]}, {"window": {"geometry": "é", "splitters": {"outer": 5}}}])
def test_settings_T3_values_of_the_wrong_type_are_ignored(content, config, qtbot, tmp_path):
    from nsp_explorer.gui.app import load
    from nsp_explorer.gui.main_window import MainWindow

    (config / "settings.json").write_text(json.dumps(content), encoding="utf-8")
    window = MainWindow(load(None, with_library=False), remember=True, scenario_folder=tmp_path / "s")
    qtbot.addWidget(window)
    assert window.width() > 0 and not window.startup_notices  # built with defaults where a value made no sense


def test_settings_T2_the_window_tells_the_user(config, qtbot, tmp_path):
    from nsp_explorer.gui.app import load
    from nsp_explorer.gui.main_window import MainWindow

    (config / "settings.json").write_text('{"window": {"geom', encoding="utf-8")
    window = MainWindow(load(None, with_library=False), remember=True, scenario_folder=tmp_path / "s")
    qtbot.addWidget(window)
    assert "kept as settings.broken-" in window.statusBar().currentMessage()


# -- imported documents -------------------------------------------------------------------


@pytest.fixture
def library(tmp_path):
    from nsp_explorer.pipeline.library import Library

    return Library(tmp_path / "library")


def _imported_text(library, doc_id: str) -> str:
    passages = (library.folder / "dataset" / "passages.csv").read_text(encoding="utf-8")
    return "\n".join(row["text"] for row in csv.DictReader(io.StringIO(passages)) if row["doc_id"] == doc_id)


ARTICLE = " ".join(["Korea and ASEAN expanded trade and people-to-people exchanges under the New Southern Policy."] * 4)


@pytest.mark.parametrize(
    "row, name, content, problem",
    [
        ("I1", "gone.txt", None, "is missing"),
        ("I2", "empty.txt", b"", "is empty"),
        ("I3", "cut.pdf", b"%PDF-1.7\n1 0 obj << /Type /Catalog", "PDF"),
        ("I8", "sheet.xlsx", b"PK\x03\x04", ".xlsx"),
    ],
)
def test_imported_document_refused(row, name, content, problem, library, data, tmp_path):
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(DataFileError) as error:
        library.import_file(path, data, set())
    assert error.value.path.name == name and problem in str(error.value)
    assert library.documents() == []


def test_imported_document_I4_windows_1252(library, data, tmp_path):
    path = tmp_path / "cafe.txt"
    path.write_bytes(("Café diplomacy — “quoted” words. " + ARTICLE).encode("cp1252"))
    doc_id = library.import_file(path, data, set(), author="A. Writer", title="Café")
    assert "Café diplomacy — “quoted” words." in _imported_text(library, doc_id)


def test_imported_document_I5_huge_is_not_read(library, data, tmp_path, monkeypatch):
    from nsp_explorer.pipeline import importers

    path = tmp_path / "big.txt"
    path.write_text(ARTICLE * 50, encoding="utf-8")
    monkeypatch.setattr(importers, "MAX_IMPORT_BYTES", 1000)
    with pytest.raises(DataFileError, match="too large"):
        library.import_file(path, data, set())


def test_imported_document_I6_hostile_html(library, data, tmp_path):
    path = tmp_path / "page.html"
    path.write_text(
        "<html><head><title>Hostile</title><style>p{color:red}</style><script>alert('x')</script></head><body><article>"
        f"<p>{ARTICLE} <a href=\"javascript:alert(1)\">see this</a> &lt;b&gt;escaped&lt;/b&gt;</p>"
        "<p>=HYPERLINK(\"http://evil.example\",\"x\") starts this paragraph about trade between Korea and Vietnam and more words.</p>"
        "</article></body></html>",
        encoding="utf-8",
    )
    doc_id = library.import_file(path, data, set(), author="A. Writer")
    text = _imported_text(library, doc_id)
    assert "alert" not in text and "color:red" not in text and "javascript" not in text
    assert "see this" in text and "<b>escaped</b>" in text  # entity text is text, never markup
    assert '=HYPERLINK("http://evil.example","x")' in text  # kept as written; exports neutralise it


def test_imported_document_I7_path_like_title(library, data, tmp_path):
    path = tmp_path / "note.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    doc_id = library.import_file(path, data, set(), author="../../etc", title="../../etc/passwd")
    assert "/" not in doc_id and ".." not in doc_id
    stored = [p.resolve() for p in library.folder.rglob("*") if p.is_file()]
    assert all(library.folder.resolve() in p.parents for p in stored)


# -- the user's library at start-up, and the taxonomy ---------------------------------------


@pytest.mark.parametrize("row", ["L1", "L2"])
def test_a_broken_library_never_stops_the_app(row, tmp_path, data, monkeypatch, qtbot):
    from nsp_explorer.gui import app
    from nsp_explorer.pipeline.library import Library, library_dir

    monkeypatch.setenv("NSP_EXPLORER_DATA_DIR", str(tmp_path / "user"))
    library = Library(library_dir())
    path = tmp_path / "note.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    library.import_file(path, data, set(), author="A. Writer", title="Mine")
    if row == "L1":
        (library.folder / "corpus" / "metadata.csv").write_bytes(b"\x00\xff\xfe binary junk")
    else:
        _replace(library.folder / "dataset" / "codes.csv", ",partner,", ",partner_x,")
    before = {p.relative_to(library.folder): p.read_bytes() for p in library.folder.rglob("*") if p.is_file() and not p.name.startswith(".nspx-")}
    coded = app.load(None)
    assert len(coded.documents) == 5  # the bundled corpus
    assert coded.library_notes and "kept as" in coded.library_notes[0]
    (aside,) = [p for p in library.folder.parent.iterdir() if p.name.startswith(library.folder.name + ".unreadable-")]
    assert {p.relative_to(aside): p.read_bytes() for p in aside.rglob("*") if p.is_file() and not p.name.startswith(".nspx-")} == before  # nothing lost
    from nsp_explorer.gui.main_window import MainWindow

    window = MainWindow(coded, remember=False, scenario_folder=tmp_path / "s")
    qtbot.addWidget(window)
    assert "kept as" in window.statusBar().currentMessage()  # the user is told, in the window
    assert not app.load(None).library_notes  # the next start is clean, with an empty library


def test_taxonomy_X1_truncated(data, tmp_path):
    path = tmp_path / "taxonomy.json"
    path.write_text((data / "taxonomy.json").read_text(encoding="utf-8")[:200], encoding="utf-8")
    with pytest.raises(DataFileError, match="cannot be read as JSON") as error:
        load_taxonomy(path)
    assert error.value.path == path


def test_every_row_of_the_matrix_has_a_test():
    rows = {line.split("|")[1].strip() for line in __doc__.splitlines() if line.startswith("| ") and line[2:3].isalpha() and line[3:4].isdigit()}
    source = Path(__file__).read_text(encoding="utf-8")
    assert rows and all(f'"{row}"' in source or f"_{row}_" in source for row in rows), sorted(r for r in rows if f'"{r}"' not in source and f"_{r}_" not in source)


# -- hostile files at import: one error boundary, bounded time and memory ------------------------


def _docx(path: Path, document_xml: bytes, compress: int = 8) -> Path:
    import zipfile

    content_types = (b'<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                     b'<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                     b'<Default Extension="xml" ContentType="application/xml"/>'
                     b'<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>')
    rels = (b'<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            b'<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>')
    with zipfile.ZipFile(path, "w", compression=compress) as package:
        package.writestr("[Content_Types].xml", content_types)
        package.writestr("_rels/.rels", rels)
        package.writestr("word/document.xml", document_xml)
    return path


W = b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'


def _good_docx(path: Path) -> Path:
    return _docx(path, W + b"<w:p><w:r><w:t>" + ARTICLE.encode() + b"</w:t></w:r></w:p></w:body></w:document>")


def test_imported_document_I9_bom_and_one_stray_byte_keeps_every_accent(library, data, tmp_path):
    path = tmp_path / "mixed.txt"
    text = "Café society: the Président’s « New Southern Policy » — " + ARTICLE
    raw = b"\xef\xbb\xbf" + text.encode("utf-8") + b" Price: 5\x80 per visitor, a fair deal for both sides of the sea.\n"
    path.write_bytes(raw)
    from nsp_explorer.pipeline.importers import read_document

    document = read_document(path)
    assert "Café" in document.text and "Président’s" in document.text and "« New Southern Policy »" in document.text
    assert "5€" in document.text and "not UTF-8" in document.encoding and f"offset {raw.rindex(b'5') + 1}" in document.encoding
    doc_id = library.import_file(path, data, set(), author="A. Writer")
    assert "Café" in _imported_text(library, doc_id)


@pytest.mark.parametrize(
    "row, name, make, problem",
    [
        ("I10", "utf16.txt", lambda p: p.write_bytes(b"\xff\xfe" + "Korea and ASEAN ".encode("utf-16-le") * 5 + b"\x00\xd8" + "trade".encode("utf-16-le")), "offset"),
        ("I11", "utf32.txt", lambda p: p.write_bytes(b"\xff\xfe\x00\x00" + "Korea and ASEAN ".encode("utf-32-le") * 5 + b"\x00\x00\x11\x00"), "offset"),
        ("I12", "broken.docx", lambda p: _docx(p, W + b"<w:p><w:r><w:t>unclosed"), "cannot be read as a DOCX file"),
        ("I13", "deflate.docx", lambda p: _corrupt_deflate(_good_docx(p)), "DOCX"),
        ("I14", "locked.docx", lambda p: p.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 4000), "encrypted"),
        ("I19", "overlay.toml", None, "nested too deeply"),
    ],
)
def test_imported_document_hostile_files_are_named(row, name, make, problem, library, data, tmp_path):
    path = tmp_path / name
    if row == "I19":
        path.write_text("[area.trade]\nterms = " + "[" * 100_000 + "]" * 100_000 + "\n", encoding="utf-8")
        with pytest.raises(DataFileError) as error:
            sources.read_toml(path)
    else:
        make(path)
        with pytest.raises(DataFileError) as error:
            library.import_file(path, data, set(), author="A. Writer")
    assert error.value.path == path and problem in error.value.problem, error.value.problem
    assert not (library.folder / "corpus").exists()  # nothing was written


def _corrupt_deflate(path: Path) -> None:
    data = bytearray(path.read_bytes())
    start = data.index(b"word/document.xml") + len(b"word/document.xml")  # the local header's name, then the deflate stream
    for i in range(start + 4, start + 40):
        data[i] ^= 0x5A
    path.write_bytes(bytes(data))


def test_imported_document_I15_a_word_bomb_is_refused_before_expansion(library, data, tmp_path):
    import resource
    import time

    path = _docx(tmp_path / "bomb.docx", W + b"<w:p><w:r><w:t>" + b"a" * 200_000_000 + b"</w:t></w:r></w:p></w:body></w:document>")
    assert path.stat().st_size < 1_000_000
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    started = time.perf_counter()
    with pytest.raises(DataFileError, match="expands to 191 MB"):
        library.import_file(path, data, set(), author="A. Writer")
    assert time.perf_counter() - started < 1.0
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - peak < 100_000  # KiB: it was never expanded


def test_imported_document_I16_a_batch_with_a_broken_file_imports_the_others(tmp_path):
    import subprocess
    import sys

    files = []
    for n, word in enumerate(("trade", "tourism")):
        path = tmp_path / f"good{n}.txt"
        path.write_text(ARTICLE.replace("trade", word), encoding="utf-8")
        files.append(path)
    broken = tmp_path / "broken.docx"
    _docx(broken, W + b"<w:p><w:r><w:t>unclosed")
    env = dict(os.environ, NSP_EXPLORER_DATA_DIR=str(tmp_path / "user"), NSP_EXPLORER_CACHE_DIR=str(tmp_path / "cache"))
    run = subprocess.run([sys.executable, "-m", "nsp_explorer.cli", "import", str(files[0]), str(broken), str(files[1]), "--author", "A. Writer"],
                         capture_output=True, text=True, env=env, timeout=300)
    assert run.returncode == 2 and "Traceback" not in run.stderr and "broken.docx" in run.stderr
    assert run.stdout.count("imported ") == 2


def test_imported_document_I17_a_pdf_dated_year_0000(library, data, tmp_path, qapp):
    import datetime
    import re

    from .benchmarks.text_pdf import make_pdf

    path = make_pdf(tmp_path / "old.pdf", [ARTICLE])
    raw = path.read_bytes()
    assert b"/CreationDate (D:" in raw
    path.write_bytes(re.sub(rb"(/CreationDate \(D:)\d{4}", rb"\g<1>0000", raw))
    doc_id = library.import_file(path, data, set(), author="A. Writer")
    (row,) = library.documents()
    assert row["published"] == "" and "not known" in row["date_basis"] and doc_id and str(datetime.date.today().year) not in doc_id


@pytest.mark.parametrize("date", ["0001", "2019-02-30", "9999"])
def test_imported_document_I18_impossible_dates_are_refused(date, library, data, tmp_path):
    path = tmp_path / "note.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    with pytest.raises(DataFileError, match="has a date") as error:
        library.import_file(path, data, set(), author="A. Writer", date=date)
    assert date in error.value.problem and not (library.folder / "corpus").exists()


# -- exports: safe for the tools that open them ------------------------------------------------


def test_export_E1_csv_is_formula_safe_whatever_the_separator():
    import pandas as pd

    passages = pd.DataFrame({
        "passage_id": ["a:1", "a:2"], "doc_id": ["a", "a"], "author": ["A", "A"], "year": [2020, 2020], "title": ["T", "T"],
        "outlet": ["O", "O"], "published": ["2020", "2020"], "position": [1, 2], "section": ["", ""],
        "text": ['Trade grew;=HYPERLINK("http://evil.example","x")', '   =1+1 and, @SUM(A1) |+cmd'],
    })
    documents = pd.DataFrame({"doc_id": ["a"], "url": [""]})
    exported = passages_csv(passages, documents).decode("utf-8")
    for separator in (",", ";", "\t", "|"):
        for row in csv.reader(io.StringIO(exported), delimiter=separator):
            for cell in row:
                assert not cell.lstrip(" \"").startswith(("=", "+", "-", "@")), (separator, cell)
        for line in exported.splitlines():  # a tool that ignores quotes and splits on the separator
            for cell in line.split(separator):
                assert not cell.lstrip(" \"").startswith(("=", "+", "@")), (separator, cell)
    body = exported.splitlines()[1]
    assert body.startswith('"') and all(part.startswith('"') for part in body.split('","')[0:1])  # every field quoted


def test_export_E2_the_seminar_pack_readme_escapes_the_users_text(qtbot, tmp_path, taxonomy):
    from nsp_explorer.core.scenario import Scenario
    from nsp_explorer.gui.app import load
    from nsp_explorer.gui.export import seminar_pack
    from nsp_explorer.gui.main_window import MainWindow

    window = MainWindow(load(None, with_library=False), remember=False, scenario_folder=tmp_path / "s")
    qtbot.addWidget(window)
    scenario = Scenario('<img src=x onerror="alert(1)">Week', note="See [this](javascript:alert(2)) and <script>x()</script>")
    target = seminar_pack(window, tmp_path / "out", scenario.to_json()).folder
    readme = (target / "README.md").read_text(encoding="utf-8")
    import re

    assert not re.search(r"(?<!\\)[<>]", readme) and not re.search(r"(?<!\\)\]\(", readme)  # every < > and ]( escaped
    assert "\\<img src=x onerror=\"alert(1)\"\\>Week" in readme  # shown as written


def test_export_E3_chart_labels_from_the_data_are_plain_text(dataset, taxonomy, qtbot, tmp_path):
    import pandas as pd

    from nsp_explorer.gui.main_window import MainWindow

    hostile = '<b style="color:red;font-size:40pt">BIG</b><a href="http://evil.example">link</a><img src="x.png">'
    facts = pd.read_csv(dataset / "facts.csv", dtype=str, keep_default_na=False)
    facts["unit"] = hostile
    facts["indicator"] = facts["indicator"] + "<i>x</i>"
    facts.to_csv(dataset / "facts.csv", index=False)
    window = MainWindow(load_coded(dataset, taxonomy), remember=False, scenario_folder=tmp_path / "s")
    qtbot.addWidget(window)
    chart = next(c for c in window.charts if c.title == "Cited figures")
    chart.refresh()
    label = chart.plot.getAxis("left").labelText
    assert "<b" not in label and "<a" not in label and "<img" not in label and "&lt;b style" in label
    assert chart.message.textFormat() == chart.message.textFormat().PlainText


def test_export_E4_files_follow_the_umask(qtbot, tmp_path, taxonomy):
    from nsp_explorer.core.scenario import Scenario
    from nsp_explorer.gui.app import load
    from nsp_explorer.gui.export import seminar_pack
    from nsp_explorer.gui.main_window import MainWindow

    old = os.umask(0o022)
    try:
        window = MainWindow(load(None, with_library=False), remember=False, scenario_folder=tmp_path / "s")
        qtbot.addWidget(window)
        target = seminar_pack(window, tmp_path / "out", Scenario("Week 1").to_json()).folder
        store = ScenarioStore.open(tmp_path / "scenarios", taxonomy, [], [])
        store.add(Scenario("Week 1"))
    finally:
        os.umask(old)
    assert target.stat().st_mode & 0o777 == 0o755
    assert {p.stat().st_mode & 0o777 for p in target.iterdir()} == {0o644}
    assert {p.stat().st_mode & 0o777 for p in (tmp_path / "scenarios").glob("*.json")} == {0o644}


def test_export_E5_an_absurd_width_is_refused_at_once(tmp_path):
    import subprocess
    import sys
    import time

    scenario = tmp_path / "s.json"
    scenario.write_text(json.dumps(Scenario("Week").to_json()), encoding="utf-8")
    started = time.perf_counter()
    run = subprocess.run([sys.executable, "-m", "nsp_explorer.cli", "export", "--scenario", str(scenario), "--out", str(tmp_path / "out"), "--width", "100000"],
                         capture_output=True, text=True, timeout=60)
    assert run.returncode == 2 and "8,000" in run.stderr and "Traceback" not in run.stderr
    assert time.perf_counter() - started < 10 and not (tmp_path / "out").exists()


def _shared_phrase(n: int) -> str:
    import random

    rnd = random.Random(3)
    words = "trade tourism security Korea ASEAN policy growth people partners region".split()
    return "\n\n".join("The New Southern Policy of Korea and ASEAN " + " ".join(rnd.choice(words) + str(rnd.randrange(10**6)) for _ in range(20)) + "."
                        for _ in range(n))


PATHOLOGICAL = {
    "email": ("token.txt", lambda: ARTICLE + "\n" + "a" * 200_000 + "@b\n"),
    "dates": ("listing.txt", lambda: ARTICLE + "\n" + "\n".join(["12 March 2020", "Korea ASEAN trade item"] * 8000) + "\n" + ARTICLE * 3 + "\n"),
    "tags": ("page.html", lambda: "<p>" + ARTICLE + "</p>" + "<a " * 33_000),
    "shared": ("shared.txt", lambda: _shared_phrase(3000)),
}


@pytest.mark.parametrize("case", sorted(PATHOLOGICAL))
def test_imported_document_I20_pathological_text_is_linear(case, library, data, tmp_path, monkeypatch):
    """Cleaning, splitting and the codebook stay linear on text built to make them backtrack. The sentence model is
    left out here (it reads each sentence once, at most 96 tokens: linear by construction, and its ~45 ms a
    sentence would make this a benchmark of it): every sentence gets no frame from it."""
    import time

    from nsp_explorer.pipeline.frame_model import FRAMES, FrameModel

    read = []
    monkeypatch.setattr(FrameModel, "probabilities", lambda self, sentences, between=None: read.append(len(sentences)) or np.full((len(sentences), len(FRAMES)), 0.3, dtype=np.float32))
    name, make = PATHOLOGICAL[case]
    path = tmp_path / name
    path.write_text(make(), encoding="utf-8")
    assert path.stat().st_size < 1_000_000
    started = time.perf_counter()
    doc_id = library.import_file(path, data, set(), author="A. Writer")
    passages = csv.DictReader(io.StringIO((library.folder / "dataset" / "passages.csv").read_text(encoding="utf-8")))
    sentences = sum(len(sentence_spans(row["text"])) for row in passages if row["doc_id"] == doc_id)
    assert read and time.perf_counter() - started < 10 + 0.001 * sentences  # the model was asked, and the rest is linear


def test_imported_document_I21_one_endless_line_becomes_passages_of_a_sane_length():
    from nsp_explorer.pipeline.clean import Block
    from nsp_explorer.pipeline.segment import MAX_PASSAGE, segment

    text = " ".join(["Korea and ASEAN expanded trade."] * 650_000)  # 20 MB, one line
    passages = segment("doc", [Block(text)])
    assert max(len(p.text) for p in passages) <= MAX_PASSAGE and len(passages) > 5000
    assert " ".join(p.text for p in passages) == text


@pytest.mark.parametrize("again, told", [("made again for the next start", False), ("it could not be made again, so the next start reads the CSVs too", True)])
def test_a_start_without_the_fast_cache_is_told_only_when_every_start_will_be_slow(again, told, qtbot, tmp_path):
    """A first start on a new account makes the cache again: nothing to act on, so nothing said (a tester read the line
    as an error). A cache that cannot be made (a read-only folder) slows every start: that is said."""
    import dataclasses

    from nsp_explorer.gui.app import load
    from nsp_explorer.gui.main_window import MainWindow

    coded = load(None, with_library=False)
    coded = dataclasses.replace(coded, cache_note=f"it was made for another account or computer; read from the CSVs, and the cache {again}")
    window = MainWindow(coded, remember=False, scenario_folder=tmp_path / "s")
    qtbot.addWidget(window)
    assert any("fast-start cache" in n for n in window.startup_notices) == told
