"""Importing from the window: the form, the worker thread, Cancel, drag and drop, a broken library."""

from __future__ import annotations

from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QApplication, QMessageBox

from nsp_explorer.core.errors import BadValue
from nsp_explorer.gui.app import load
from nsp_explorer.gui.import_dialog import ImportWorker
from nsp_explorer.gui.main_window import MainWindow
from nsp_explorer.paths import data_dir
from nsp_explorer.pipeline.library import Library, library_dir

from .test_import import ARTICLE, CHROME_HTML


@pytest.fixture
def user_dirs(tmp_path, monkeypatch):
    monkeypatch.setenv("NSP_EXPLORER_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("NSP_EXPLORER_CONFIG_DIR", str(tmp_path / "config"))
    return tmp_path


@pytest.fixture
def page(tmp_path) -> Path:
    path = tmp_path / "news.html"
    path.write_text(CHROME_HTML.format(*ARTICLE), encoding="utf-8")
    return path


OPENED: list[MainWindow] = []


@pytest.fixture(autouse=True)
def close_windows():
    """Close the windows a test opened; a window replaced by a reload is already deleted by Qt."""
    yield
    while OPENED:
        window = OPENED.pop()
        if shiboken6.isValid(window):
            window.close()
            window.deleteLater()


def keep(window: MainWindow) -> MainWindow:
    OPENED.append(window)
    return window


def open_window(qtbot) -> MainWindow:
    window = keep(MainWindow(load(None), remember=False))
    window.show()
    return window


def test_the_import_dialog_prefills_imports_off_the_ui_thread_and_the_window_follows(qtbot, user_dirs, page):
    window = open_window(qtbot)
    assert len(window.coded.documents) == 5
    dialog = window.import_files([page])
    assert dialog.fields["author"].text() == "Kim Minji" and dialog.fields["outlet"].text() == "Example Times"
    dialog.fields["outlet"].setText("Example Times (English edition)")
    with qtbot.waitSignal(dialog.imported, timeout=30000) as signal:
        dialog.start.click()
    assert signal.args[0] == ["kim-2024-korea"]
    qtbot.waitUntil(lambda: not shiboken6.isValid(window) or window.isHidden())  # the window reopened on the new dataset (the old one is deleted)
    current = MainWindow.latest
    keep(current)
    assert len(current.coded.documents) == 6
    item = current.filter_panel.items[("author", "Kim Minji")]
    assert item.text(0).startswith("★ ") and "your library" in item.text(0)
    assert Library(library_dir()).documents()[0]["outlet"] == "Example Times (English edition)"


def test_an_open_comparison_follows_the_window_onto_the_new_dataset(qtbot, user_dirs, page):
    window = open_window(qtbot)
    window.scenarios.save_current("All")
    window.scenarios.save_current("All again")
    old = window.open_comparison()
    qtbot.waitExposed(old)
    Library(library_dir()).import_file(page, data_dir(), set())
    fresh = keep(window.reload_data())
    assert not shiboken6.isValid(old) or not old.isVisible()  # no window left on the dataset as it was
    assert fresh.compare_window is not None and fresh.compare_window.isVisible()
    assert "Kim Minji" in fresh.compare_window.coded.authors and "Kim Minji" in fresh.compare_window.matrices[0].authors


def test_a_reload_after_a_review_keeps_the_place_the_reader_was_at(qtbot, user_dirs):
    window = open_window(qtbot)
    window.resize(1280, 720)
    window.state.narrow(source="FramingView", authors={"Lee Jaehyon"}, areas={"investment"})  # a Framing cell's sentences
    window.set_one_view(True)
    window.show_view(2)
    window.set_type_scale(1.3)
    qtbot.waitUntil(lambda: window.reading.browser.verticalScrollBar().maximum() > 150)
    window.reading.browser.verticalScrollBar().setValue(150)
    fresh = keep(window.reload_data())  # as after a review or an edit
    assert fresh.reading.listing == ("Lee Jaehyon", "investment") and "review…" in fresh.reading.browser.toHtml()
    assert fresh.reading.browser.verticalScrollBar().value() == 150
    assert fresh.one_view and fresh.view_index == 2 and fresh.type_scale == pytest.approx(1.3)
    fresh.set_one_view(False)
    fresh.toggle_seminar_mode()  # an import finishing in the room: the new window is the one from before the room
    again = keep(fresh.reload_data())
    assert not again.seminar and again.type_scale == pytest.approx(1.3) and not again.one_view
    assert all(sum(s.sizes()) and min(s.sizes()) > 0 for s in again.splitters.values())  # no pane left hidden
    assert QApplication.font().pointSizeF() == pytest.approx(window.base_font.pointSizeF() * 1.3)  # scaled once, not twice
    again.set_type_scale(1.0)  # the application's font is shared by the tests that follow


def test_cancel_stops_before_the_next_file(user_dirs, page, tmp_path):
    other = tmp_path / "other.txt"
    other.write_text(" ".join(ARTICLE), encoding="utf-8")
    worker = ImportWorker(Library(library_dir()), [page, other], {}, set())
    results = []
    worker.finished.connect(lambda imported, problems: results.append((imported, problems)))
    worker.cancelled = True
    worker.run()
    assert results == [([], [f"cancelled before {page.name}: not imported", f"cancelled before {other.name}: not imported"])]
    assert Library(library_dir()).documents() == []


def test_dropping_files_on_the_window_opens_the_import(qtbot, user_dirs, page, tmp_path):
    window = open_window(qtbot)
    (tmp_path / "notes.xyz").write_text("not importable", encoding="utf-8")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(page)), QUrl.fromLocalFile(str(tmp_path / "notes.xyz"))])
    event = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    window.dropEvent(event)
    assert window.import_dialog.paths == [page]
    window.import_dialog.reject()


def test_a_broken_library_never_stops_the_app(qtbot, user_dirs, page):
    library = Library(library_dir())
    library.import_file(page, data_dir(), set())
    (library.folder / "dataset" / "passages.csv").write_text("garbage,\n", encoding="utf-8")
    window = open_window(qtbot)
    assert len(window.coded.documents) == 5
    assert window.coded.library_notes and "passages.csv" in window.coded.library_notes[0]
    assert "could not be opened" in window.statusBar().currentMessage()


def current_window():
    return MainWindow.latest


def test_reviewing_a_passage_in_the_viewer_is_kept_and_shown(qtbot, user_dirs):
    window = open_window(qtbot)
    window.state.set_focus("lee-2019-asan:1")
    dialog = window.review_passage()
    dialog.action.setCurrentIndex(dialog.action.findData("remove"))
    dialog.dimension.setCurrentIndex(dialog.dimension.findData("area"))
    dialog.code.setCurrentIndex(dialog.code.findData("korean_peninsula"))
    dialog.save()
    assert "reason" in dialog.problem.text()  # a decision needs a reason
    dialog.reason.setText("the passage is about the policy, not the peninsula")
    before = current_window()
    dialog.save()
    qtbot.waitUntil(lambda: current_window() is not None and current_window() is not before, timeout=30000)  # re-coded in a worker thread
    fresh = current_window()
    keep(fresh)
    codes = {c for d, c, _, _ in fresh.coded.codes_of(fresh.coded.row_of("lee-2019-asan:1")) if d == "area"}
    assert "korean_peninsula" not in codes
    assert "korean_peninsula" in (data_dir() / "dataset" / "codes.csv").read_text(encoding="utf-8")  # bundled files untouched


def test_reviewing_one_sentence_shows_it_and_changes_only_it(qtbot, user_dirs):
    window = open_window(qtbot)
    window.state.set_focus("lee-2019-asan:1")
    dialog = window.review_passage("lee-2019-asan:1", 2)
    assert dialog.where.currentData() == 2
    sentence = dialog.sentences[1]
    assert sentence.split()[0] in dialog.shown.text() and "Korean Peninsula" in dialog.shown.text()  # the words and their codes now
    dialog.action.setCurrentIndex(dialog.action.findData("remove"))
    dialog.dimension.setCurrentIndex(dialog.dimension.findData("area"))
    assert [dialog.code.itemData(i) for i in range(dialog.code.count())] == ["korean_peninsula"]  # only what sentence 2 has
    dialog.where.setCurrentIndex(dialog.where.findData(4))
    assert dialog.code.count() == 0  # sentence 4 has no area to remove
    dialog.where.setCurrentIndex(dialog.where.findData(2))
    dialog.code.setCurrentIndex(dialog.code.findData("korean_peninsula"))
    dialog.reason.setText("the peninsula is named as a place here")
    before = current_window()
    dialog.save()
    qtbot.waitUntil(lambda: current_window() is not None and current_window() is not before, timeout=30000)
    fresh = keep(current_window())
    row = fresh.coded.row_of("lee-2019-asan:1")
    where = {n for n, d, c, _, _ in fresh.coded.codes.in_sentences(row) if c == "korean_peninsula"}
    assert where == {1, 5}


def test_review_from_a_framing_cell_opens_on_the_frames_with_the_schemes_definitions(qtbot, user_dirs):
    window = open_window(qtbot)
    window.state.narrow(source="FramingView", authors={"Lee Jaehyon"}, areas={"investment"})
    row, number = window.reading.listed[0]
    dialog = window.review_passage(window.coded.passage_id(row), number)  # the list's "review…" link
    assert dialog.dimension.currentData() == "frame" and dialog.where.currentData() == number
    dialog.action.setCurrentIndex(dialog.action.findData("add"))
    dialog.code.setCurrentIndex(dialog.code.findData("challenge"))
    assert dialog.meaning.text() == "Challenge: names a gap, shortfall, risk, obstacle or criticism"
    dialog.save()
    assert dialog.problem.text()  # no reason given
    dialog.reason.setText("an obstacle")
    assert not dialog.problem.text()  # the complaint goes once it is answered
    dialog.reject()
    window.state.clear_selection()
    assert window.review_passage("lee-2019-asan:1").dimension.currentData() == "pillar"  # from the reading pane: all dimensions, pillars first
    item = window.filter_panel.items[("frame", "opportunity")]
    assert "Opportunity: points to potential, promise or advantage not yet realised" in item.toolTip(0)


def test_your_decisions_are_shown_apart_from_the_machines_and_the_readers(qtbot, user_dirs):
    coded = load(None)
    row = coded.row_of("lee-2019-asan:11")
    frames = {c for n, d, c, _, _ in coded.codes.in_sentences(row) if n == 2 and d == "frame"}
    assert frames == {"achievement"}  # a reader's code on sentence 2
    known = {"lee-2019-asan:11": coded.text(row)}
    library = Library(library_dir())
    library.decide("lee-2019-asan:11", "frame", "achievement", "remove", "a plain report of a count", data_dir(), known, sentence=2)
    library.decide("lee-2019-asan:11", "frame", "recommendation", "add", "advice <to> Seoul", data_dir(), known, sentence=2)
    window = open_window(qtbot)
    window.state.narrow(source="FramingView", authors={"Lee Jaehyon"}, areas={"investment"})
    listed = window.reading.browser.toHtml()
    assert "Recommendation ✓ you" in window.reading.browser.toPlainText()
    assert "line-through" in listed  # the frame taken away is struck through, not a plain "no frame"
    assert "removed frame Achievement — a plain report of a count" in window.reading.browser.toPlainText()
    assert "advice &lt;to&gt; Seoul" in listed  # a reason is text, never markup
    window.state.clear_selection()
    window.state.set_focus("lee-2019-asan:11")
    shown = window.reading.browser.toPlainText()
    assert "Recommendation ✓ added by you" in shown
    assert "Your decisions on this passage: sentence 2: removed frame Achievement — a plain report of a count" in shown
    dialog = window.review_passage("lee-2019-asan:11", 2)  # take the removal back: the reader's code returns
    dialog.action.setCurrentIndex(dialog.action.findData("withdraw"))
    dialog.dimension.setCurrentIndex(dialog.dimension.findData("frame"))
    offered = [dialog.code.itemText(i) for i in range(dialog.code.count())]
    assert offered == ["Achievement (removed by you: a plain report of a count)", "Recommendation (added by you: advice <to> Seoul)"]
    assert not dialog.reason.isEnabled()
    before = current_window()
    dialog.save()
    qtbot.waitUntil(lambda: current_window() is not None and current_window() is not before, timeout=30000)
    fresh = keep(current_window())
    row = fresh.coded.row_of("lee-2019-asan:11")
    assert {c for n, d, c, _, _ in fresh.coded.codes.in_sentences(row) if n == 2 and d == "frame"} == {"achievement", "recommendation"}
    assert fresh.coded.decisions_on("lee-2019-asan:11") == ((2, "frame", "recommendation", "add", "advice <to> Seoul"),)
    with pytest.raises(BadValue, match="no decision"):
        library.withdraw("lee-2019-asan:11", "frame", "achievement", data_dir(), sentence=2)


def test_a_library_from_an_earlier_version_is_coded_again_when_the_app_opens(qtbot, user_dirs, page):
    library = Library(library_dir())
    library.import_file(page, data_dir(), set())
    stamp = library.folder / "built-with.txt"
    stamp.unlink()  # as an earlier version left it
    window = open_window(qtbot)
    assert stamp.is_file() and library.is_current(data_dir()) and not window.coded.library_notes
    assert "kim-2024-korea" in set(window.coded.documents["doc_id"])
    # a decision the new coding cannot apply: the library is shown as it was, and the user is told
    review = library.folder / "review.csv"
    review.write_text("unit,dimension,code,action,reason\nlee-2019-asan:1.40,frame,challenge,add,a sentence that is gone\n", encoding="utf-8")
    stamp.unlink()
    again = open_window(qtbot)
    notes = again.coded.library_notes
    assert notes and "could not be coded again" in notes[0] and "sentences, not 40" in notes[0]
    assert "kim-2024-korea" in set(again.coded.documents["doc_id"]) and not stamp.exists()


def test_the_codebook_shows_what_fired_and_takes_your_terms(qtbot, user_dirs, page):
    Library(library_dir()).import_file(page, data_dir(), set())
    window = open_window(qtbot)
    window.state.set_focus("kim-2024-korea:1")
    dialog = window.show_codebook()
    fired = [dialog.tree.topLevelItem(1).child(i).text(0) for i in range(16) if "fired here" in dialog.tree.topLevelItem(1).child(i).text(0)]
    assert any("Technology and digital" in text and "artificial intelligence" in text for text in fired)
    security = next(dialog.tree.topLevelItem(1).child(i).text(1) for i in range(16) if dialog.tree.topLevelItem(1).child(i).text(0).startswith("Strategic"))
    assert "only where no other area is named: security" in security  # the weak terms are listed too
    before = current_window()
    dialog.add_term("areas", "education", "engineers")
    qtbot.waitUntil(lambda: current_window() is not None and current_window() is not before, timeout=30000)
    fresh = current_window()
    keep(fresh)
    codes = {c for d, c, _, _ in fresh.coded.codes_of(fresh.coded.row_of("kim-2024-korea:2")) if d == "area"}
    assert "education" in codes


def test_the_codebook_dialog_refuses_a_term_that_matches_everything_and_removes_yours(qtbot, user_dirs, page, monkeypatch):
    library = Library(library_dir())
    library.import_file(page, data_dir(), set())
    library.add_term("areas", "education", "engineers", data_dir())
    window = open_window(qtbot)
    dialog = window.show_codebook()
    education = next(
        dialog.tree.topLevelItem(1).child(i) for i in range(16) if dialog.tree.topLevelItem(1).child(i).text(0).startswith("Education")
    )
    dialog.tree.setCurrentItem(education)
    monkeypatch.setattr("nsp_explorer.gui.library_dialogs.QInputDialog.getText", lambda *a, **k: (".*", True))
    dialog.ask_and_add()
    assert dialog.problem.text().startswith("Not added: '.*' has fewer than two letters or digits")
    assert library.user_terms("areas", "education") == ["engineers"]
    offered = []
    monkeypatch.setattr(
        "nsp_explorer.gui.library_dialogs.QInputDialog.getItem", lambda _parent, _title, _label, items, *a: (offered.extend(items) or items[0], True)
    )
    before = current_window()
    dialog.ask_and_remove()
    qtbot.waitUntil(lambda: current_window() is not None and current_window() is not before, timeout=30000)
    keep(current_window())
    assert offered == ["engineers"] and library.user_terms("areas", "education") == []


def test_removing_your_document_from_the_window_asks_and_names_its_decisions(qtbot, user_dirs, page, monkeypatch):
    library = Library(library_dir())
    doc_id = library.import_file(page, data_dir(), set())
    passage = f"{doc_id}:1"
    window = open_window(qtbot)
    library.decide(passage, "area", "trade", "add", "about trade", data_dir(), {passage: window.coded.text(window.coded.row_of(passage))})
    window = keep(window.reload_data())
    assert len(window.coded.documents) == 6
    dialog = window.show_documents()
    dialog.list.setCurrentRow(0)
    asked = []
    answers = iter([QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes])
    monkeypatch.setattr("nsp_explorer.gui.library_dialogs.QMessageBox.question", lambda _parent, _title, text: (asked.append(text), next(answers))[1])
    dialog.remove_current()  # No: nothing happens
    assert "Your 1 review decision(s) on its passages go with it" in asked[0] and len(library.documents()) == 1
    before = current_window()
    dialog.remove_current()
    qtbot.waitUntil(lambda: current_window() is not None and current_window() is not before, timeout=30000)
    fresh = current_window()
    keep(fresh)
    assert len(fresh.coded.documents) == 5 and Library(library_dir()).documents() == []


def test_cancel_stops_the_file_in_progress(user_dirs, page):
    worker = ImportWorker(Library(library_dir()), [page], {}, set())
    results = []
    worker.finished.connect(lambda imported, problems: results.append((imported, problems)))
    worker.progress.connect(lambda done, total, name: setattr(worker, "cancelled", bool(name)))  # Cancel once the file has started
    worker.run()
    assert results == [([], [f"cancelled while importing {page.name}: not imported (your library is unchanged)"])]
    assert Library(library_dir()).documents() == [] and not [p for p in (user_dirs / "data" / "library").iterdir() if p.name.startswith(".nspx-staging")]


def test_the_import_dialog_never_hangs_on_a_hostile_file_and_imports_the_others(qtbot, user_dirs, page, tmp_path, monkeypatch):
    from nsp_explorer.pipeline import importers

    broken, strange = tmp_path / "broken.docx", tmp_path / "strange.txt"
    broken.write_bytes(b"PK\x03\x04" + b"\x00" * 200)
    strange.write_text(" ".join(ARTICLE), encoding="utf-8")
    real = importers._read_text

    def crash(path):  # a reader library's own error, as on a hostile file
        if path.name == "strange.txt":
            raise RuntimeError("deflate stream corrupt")
        return real(path)

    monkeypatch.setattr(importers, "_read_text", crash)
    window = open_window(qtbot)
    dialog = window.import_files([broken, strange, page])
    with qtbot.waitSignal(dialog.imported, timeout=30000) as signal:
        dialog.start.click()
    assert signal.args[0] == ["kim-2024-korea"]  # the good file after two bad ones is imported
    report = dialog.report.toPlainText()
    assert "broken.docx" in report and "strange.txt" in report and "deflate stream corrupt" in report and "Traceback" not in report
    title = Library(library_dir()).documents()[0]["title"]
    assert f"Imported “{title}”" in report and "kim-2024-korea" not in report  # named as the user knows it, not by its ID


def test_quitting_during_an_import_stops_it_cleanly(qtbot, user_dirs, page, monkeypatch):
    from nsp_explorer.pipeline import build

    real = build.build_dataset
    started = []

    def slow(*args, **kwargs):  # a long import: it reports progress while it works
        report = kwargs.get("progress") or (lambda *a: None)
        started.append(True)
        for _ in range(400):
            report("coding passages", 0.5)
            import time

            time.sleep(0.01)
        return real(*args, **kwargs)

    monkeypatch.setattr(build, "build_dataset", slow)
    window = open_window(qtbot)
    dialog = window.import_files([page])
    dialog.start.click()
    qtbot.waitUntil(lambda: bool(started), timeout=10000)
    window.close()  # quitting while the import runs
    assert not dialog.running()  # its thread ended before the window went: no thread destroyed while running
    assert Library(library_dir()).documents() == []
    assert "cancelled while importing" in dialog.report.toPlainText() or not dialog.report.isVisible()


def test_a_set_aside_decision_is_told_in_full_when_the_app_opens(qtbot, tmp_path, monkeypatch, data):
    """After an upgrade, a decision whose sentence no longer reads the same is set aside and the window says so."""
    import csv

    from nsp_explorer.gui import app
    from nsp_explorer.gui.main_window import MainWindow
    from nsp_explorer.pipeline.library import Library, library_dir

    monkeypatch.setenv("NSP_EXPLORER_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("NSP_EXPLORER_CACHE_DIR", str(tmp_path / "cache"))
    library = Library(library_dir())
    texts = {r["passage_id"]: r["text"] for r in csv.DictReader(open(data / "dataset" / "passages.csv", encoding="utf-8"))}
    library.decide("lee-2019-asan:1", "frame", "challenge", "add", "a gap the brief names", data, texts, sentence=3)
    library.review_path.write_text(library.review_path.read_text(encoding="utf-8").replace("The NNP intends", "The plan intends"), encoding="utf-8")
    (library.folder / "built-with.txt").write_text("an earlier version\n", encoding="utf-8")
    window = MainWindow(app.load(None), remember=False, scenario_folder=tmp_path / "scenarios")
    qtbot.addWidget(window)
    told = window.statusBar().toolTip()
    assert "1 of your review decisions" in told and "The plan intends" in told and "a gap the brief names" in told
