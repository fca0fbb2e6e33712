"""The Framing view and the reading pane's sentence list, driven through real widgets on the sentence-level fixture."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import Qt

from nsp_explorer.core.aggregate import frame_matrix
from nsp_explorer.core.coded import code_passages
from nsp_explorer.core.dataset import load_dataset
from nsp_explorer.core.filters import FilterSpec
from nsp_explorer.core.framing import framing_mix
from nsp_explorer.gui.charts.framing_matrix import FramingMatrix
from nsp_explorer.gui.charts.framing_view import BAR_WIDTH, FramingView
from nsp_explorer.gui.main_window import MainWindow
from nsp_explorer.gui.passages import ReadingPane
from nsp_explorer.gui.state import FilterState

FIXTURE = Path(__file__).parent / "fixtures" / "sentences"


@pytest.fixture
def coded(taxonomy):
    return code_passages(load_dataset(FIXTURE, taxonomy), taxonomy)


@pytest.fixture
def views(qtbot, coded):
    state = FilterState()
    framing, attention, reading = FramingView(coded, state), FramingMatrix(coded, state), ReadingPane(coded, state)
    for widget in (framing, attention, reading):
        qtbot.addWidget(widget)
        widget.resize(700, 450)
        widget.show()
    for chart in (framing, attention):
        chart.refresh()
    qtbot.waitExposed(framing)
    return state, framing, attention, reading


def test_the_framing_view_draws_framing_mix_and_flags_thin_cells(views, coded):
    state, framing, _, _ = views
    mix = framing_mix(coded, state.state)
    trade, ann = framing.areas.index("trade"), framing.authors.index("Ann Author")
    assert framing.counts[trade, ann].tolist() == mix.loc[("Ann Author", "trade")].tolist() == [3, 1, 0, 0, 1, 1]
    assert framing.cell_labels.texts[trade * len(framing.authors) + ann] == "3*"  # fewer than 5 sentences: flagged
    cells = list(zip(*np.nonzero(framing.counts[:, :, 0])))  # bars are drawn for the cells with sentences; here all are thin
    assert all(len(framing.segments[f].opts["width"]) == 0 for f in framing.segments)  # so none is drawn at full colour
    cell = cells.index((trade, ann))
    widths = {f: float(framing.faded_segments[f].opts["width"][cell]) for f in ("achievement", "opportunity", "challenge", "recommendation", "none")}
    third = pytest.approx(BAR_WIDTH / 3)
    assert widths == {"achievement": third, "opportunity": 0.0, "challenge": 0.0, "recommendation": third, "none": third}  # one sentence of three has no frame: a third is grey
    assert framing.faded_segments["none"].opts["width"][cells.index((framing.areas.index("culture"), ann))] == BAR_WIDTH  # no frame: grey


def test_clicking_a_framing_cell_narrows_every_view_and_lists_its_sentences(views, qtbot, coded):
    state, framing, attention, reading = views
    column, row = framing.authors.index("Ann Author"), framing.areas.index("trade")
    qtbot.mouseClick(framing.graphics.viewport(), Qt.MouseButton.LeftButton, pos=framing.scene_point(framing.plot, column, row))
    assert state.state.selection == FilterSpec(authors={"Ann Author"}, areas={"trade"})
    expected = frame_matrix(coded, state.state.mask(coded)).to_numpy().T
    assert np.allclose(attention.values, expected, equal_nan=True)  # the other view drew the narrower selection
    assert reading.listing == ("Ann Author", "trade")
    assert [(coded.passage_id(r), n) for r, n in reading.listed] == [("ann-2019:1", 1), ("ann-2019:1", 3), ("ann-2019:3", 1)]
    text = reading.browser.toPlainText()
    assert "Korea should expand trade and investment." in text and "Trade with Vietnam has grown fast." in text
    assert "Yet security worries remain" not in text  # sentence 2 speaks of security, not trade
    assert "background-color:#" in reading.browser.toHtml().split(">should<")[0][-120:]  # the word that set the recommendation is highlighted

    reading._anchor_clicked(type("Url", (), {"toString": lambda self: "passage:ann-2019:3"})())
    assert state.state.focus == "ann-2019:3" and reading.listing is None
    assert "Codes checked by a reader" in reading.browser.toPlainText()


def test_a_click_on_an_empty_cell_selects_nothing(views, qtbot):
    state, framing, attention, _ = views
    empty = framing.authors.index("Bo Writer"), framing.areas.index("culture")  # Bo writes nothing on culture
    for view in (framing, attention):
        qtbot.mouseClick(view.graphics.viewport(), Qt.MouseButton.LeftButton, pos=view.scene_point(view.plot, *empty))
        assert state.state.selection == FilterSpec()  # the views stay as they were, not emptied by a selection of nothing


def test_a_share_of_an_authors_few_passages_is_starred_in_the_attention_and_frame_mix_charts(views, qtbot, coded):
    from nsp_explorer.gui.charts.bars import FrameMix

    state, _, attention, _ = views
    bo, trade = attention.authors.index("Bo Writer"), attention.areas.index("trade")
    assert attention.cell_labels.texts[trade * len(attention.authors) + bo] == "50%*"  # one passage of two
    tips = [t.tip for t in attention.targets(attention.plot)]
    assert "fewer than 5 of the author's passages" in tips[trade * len(attention.authors) + bo]  # the cell says what * means
    bars = FrameMix(coded, state)
    qtbot.addWidget(bars)
    bars.refresh()
    assert bars.author_labels == [f"{name} *" for name in bars.names]  # both authors of the fixture have fewer than five
    assert "fewer than 5 of the author" in bars.caption_label.text()


def test_a_listed_sentence_opens_its_review(qtbot, coded, tmp_path):
    window = MainWindow(coded, remember=False, scenario_folder=tmp_path / "scenarios")
    qtbot.addWidget(window)
    window.state.narrow("FramingView", authors={"Ann Author"}, areas={"trade"})
    assert "review:ann-2019:1.3" in window.reading.browser.toHtml()  # each listed sentence has its review link
    window.reading._anchor_clicked(type("Url", (), {"toString": lambda self: "review:ann-2019:1.3"})())
    dialog = window.review_dialog
    assert dialog.passage_id == "ann-2019:1" and dialog.where.currentData() == 3
    assert "Korea should expand trade and investment." in dialog.shown.text() and "Recommendation" in dialog.shown.text()
    dialog.reject()
    stale = window.review_passage("ann-2019:1", 9)  # a sentence the passage does not have: said, not silently the whole passage
    assert stale.where.currentData() == 0 and "has 3 sentences, not 9" in stale.problem.text()
    stale.reject()
    window.review_dialog = None
    window.reading._anchor_clicked(type("Url", (), {"toString": lambda self: "review:7"})())  # no passage named: nothing opens
    assert window.review_dialog is None


def test_the_framing_view_marks_an_author_no_reader_checked(views, coded):
    _, framing, attention, _ = views
    labels = dict(zip(framing.authors, framing.plot.getAxis("bottom").labels))
    assert labels["Bo Writer"].endswith("†") and "†" not in labels["Ann Author"]  # Bo's document is machine-coded
    assert dict(zip(attention.authors, attention.plot.getAxis("bottom").labels)) == labels  # and the attention chart beside it
    assert "† has documents coded by the machine, not checked by a reader" in framing.caption_label.text()


def test_a_machine_coded_document_says_so(views, coded):
    state, _, _, reading = views
    state.set_focus("bo-2021:1")
    assert "made by the machine" in reading.browser.toPlainText()


def test_the_window_shows_the_framing_view_and_names_the_heatmap_for_attention(qtbot, coded, tmp_path):
    window = MainWindow(coded, remember=False, scenario_folder=tmp_path / "scenarios")
    qtbot.addWidget(window)
    assert window.charts[0] is window.framing and window.matrix.title.startswith("Attention")
    assert not window.framing.showing_message
    window.state.set_filters(FilterSpec(partners={"vietnam"}))
    assert window.framing.counts[:, :, 0].sum() == 1  # one sentence names Vietnam and an area
    menu = [a.text() for a in window.actions()]
    assert not any("Framing matrix" in t for t in menu) and any("Attention" in t for t in menu)


def test_the_view_draws_any_framing_table_it_is_given(qtbot, coded):
    """Another window (a comparison) can embed the view and hand it its own numbers."""
    view = FramingView(coded, FilterState())
    qtbot.addWidget(view)
    view.show_mix(framing_mix(coded, FilterSpec(authors={"Bo Writer"})))
    assert not view.showing_message
    drawn = {(view.areas[r], view.authors[c]): view.counts[r, c].tolist() for r, c in zip(*view.counts[:, :, 0].nonzero())}
    assert drawn == {("trade", "Bo Writer"): [2, 0, 1, 1, 0, 0]}
    view.show_mix(framing_mix(coded, FilterSpec(areas={""})))
    assert view.showing_message and "None of the selected sentences" in view.message.text()


def test_the_grey_key_says_none_of_the_frames_chosen_under_a_frames_filter(views, qtbot):
    state, framing, _, _ = views
    assert "no frame" in framing.caption_label.text() and "none of the frames chosen" not in framing.caption_label.text()
    state.set_filters(FilterSpec(frames={"challenge"}))
    qtbot.waitUntil(lambda: "none of the frames chosen" in framing.caption_label.text())
    state.set_filters(FilterSpec())
    qtbot.waitUntil(lambda: "none of the frames chosen" not in framing.caption_label.text())


def test_a_framing_cells_sentences_show_why_they_are_on_the_area(views, coded):
    """Clicking a cell lists the sentences with the frame words on their tints and the area's words underlined."""
    state, framing, _, reading = views
    reading.show_sentences(state.state, "Ann Author", "trade")
    html_text = reading.browser.toHtml()
    assert "underlined" in reading.browser.toPlainText()
    assert reading.listed  # sentences to read
    marks = html_text.replace("text-decoration: underline", "text-decoration:underline").count("text-decoration:underline")
    assert marks > 1  # the key's example, and the area's words in the sentences


def keys_on(chart) -> tuple:
    """The cell the keys are on, as (column, row) of the chart: its centre in data coordinates."""
    centre = chart.keys.current[1].rect.center()
    return round(centre.x()), round(centre.y())


def test_the_keyboard_reaches_a_framing_cell_and_opens_its_sentences(views, qtbot, coded):
    state, framing, attention, reading = views
    framing.activateWindow()
    qtbot.waitUntil(framing.isActiveWindow)
    framing.clearFocus()
    framing.setFocus(Qt.FocusReason.TabFocusReason)  # as Tab brings it
    qtbot.waitUntil(framing.hasFocus)
    outline = framing.keys.outlines[1]
    assert outline.isVisible() and keys_on(framing) == (0, 0)  # the first cell with sentences, top left, outlined
    row, column = framing.areas.index("trade"), framing.authors.index("Ann Author")
    for _ in range(row):
        qtbot.keyClick(framing, Qt.Key.Key_Down)
    assert keys_on(framing) == (column, row) and outline.rect() == framing.keys.current[1].rect
    qtbot.keyClick(framing, Qt.Key.Key_Right)  # the next author's cell on the same area
    assert keys_on(framing) == (framing.authors.index("Bo Writer"), row)
    qtbot.keyClick(framing, Qt.Key.Key_Left)
    qtbot.keyClick(framing, Qt.Key.Key_Return)  # what a click on the cell does
    assert state.state.selection == FilterSpec(authors={"Ann Author"}, areas={"trade"})
    assert reading.listing == ("Ann Author", "trade")
    qtbot.waitUntil(lambda: outline.isVisible())  # redrawn: the keys stay on the same cell
    assert keys_on(framing) == (column, row)
    framing.clearFocus()
    assert not outline.isVisible()


def test_the_keyboard_stops_at_the_last_column_and_space_narrows_as_a_click_does(views, qtbot):
    state, framing, attention, _ = views
    attention.activateWindow()
    qtbot.waitUntil(attention.isActiveWindow)
    attention.clearFocus()
    attention.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(attention.hasFocus)
    last, trade = len(attention.authors) - 1, attention.areas.index("trade")
    for _ in range(len(attention.authors) + 2):  # past the last column: the keys stay on it
        qtbot.keyClick(attention, Qt.Key.Key_Right)
    for _ in range(trade):
        qtbot.keyClick(attention, Qt.Key.Key_Down)
    assert keys_on(attention) == (last, trade)
    qtbot.keyClick(attention, Qt.Key.Key_Space)
    assert state.state.selection == FilterSpec(authors={attention.authors[last]}, areas={"trade"})


def test_a_document_with_no_outlet_shows_no_dangling_separator(qtbot, data, taxonomy, tmp_path):
    """An imported page whose outlet is unknown: the reading pane's byline is the author and date, not "… · "."""
    import csv
    import shutil

    folder = tmp_path / "dataset"
    shutil.copytree(data / "dataset", folder, ignore=shutil.ignore_patterns(".nspx-cache*"))
    with (folder / "documents.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    for row in rows:
        row["outlet"] = ""
    with (folder / "documents.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    coded = code_passages(load_dataset(folder, taxonomy), taxonomy)
    pane = ReadingPane(coded, FilterState())
    qtbot.addWidget(pane)
    pane.show_passage(coded.passage_id(0))
    byline = pane.browser.toPlainText().splitlines()[0]
    assert byline.endswith(")") and "·" not in byline  # "Author (date)"


def test_when_the_counts_do_not_fit_their_cells_the_caption_says_where_they_are(views, qtbot):
    """Labels too wide for their cells (many authors, a narrow window) are left out, and the caption no longer speaks
    of them as shown (a tester saw "the number is how many sentences" above cells with no numbers)."""
    _, framing, _, _ = views
    labels = framing.cell_labels
    shown, colours = list(labels.texts), [c.name() for c in labels.colours]
    assert "the number is how many sentences" in framing.caption_label.text() and not labels.hidden
    labels.set_labels(["1234567890123456789*" if t else "" for t in shown], colours)  # wider than any cell here
    qtbot.waitUntil(lambda: labels.hidden and "do not fit this width: hover a cell" in framing.caption_label.text(), timeout=3000)
    labels.set_labels(shown, colours)
    qtbot.waitUntil(lambda: not labels.hidden and "the number is how many sentences" in framing.caption_label.text(), timeout=3000)


def test_a_cells_tooltip_says_that_its_bar_splits_frames_given_when_they_are_more_than_its_sentences(views):
    """Two sentences, both achievement and one also opportunity: the tooltip's shares are of sentences (100%, 50%), the
    bar's of the three frames given (2/3, 1/3); a lecturer quoting one while pointing at the other must be told."""
    _, framing, _, _ = views
    counts = np.zeros((len(framing.areas), len(framing.authors), 6), dtype=np.int64)
    counts[0, 0] = [2, 2, 1, 0, 0, 0]
    counts[1, 0] = [2, 1, 0, 0, 0, 1]  # one frame each: the bar's shares are the sentences'
    tips = [t.tip for t in framing._cell_targets(counts)]
    first, second = tips[0], tips[len(framing.authors)]
    assert "Achievement: 2 (100%)" in first and "Opportunity: 1 (50%)" in first
    assert "The bar splits 3, the frames given and the sentences with none" in first
    assert "The bar splits" not in second


def test_the_reading_panes_marks_are_not_the_charts_star_for_few_sentences():
    """"3*" in a cell means fewer than five sentences; the mark of a frame read by the sentence model must not be a star too."""
    from nsp_explorer.gui.source_marks import MARKS, key, mark

    assert "*" not in "".join(MARKS.values()) and len(set(MARKS.values())) == len(MARKS)
    assert mark("model") == " ◇" and key(["model"]) == "◇ read by the sentence model"
