"""Coding quality: agreement.csv read with validation, and the dialog that shows it (or says it was not measured)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from nsp_explorer.core.agreement import headline, load_agreement
from nsp_explorer.core.errors import DataFileError
from nsp_explorer.gui.quality import CodingQualityDialog
from PySide6.QtWidgets import QLabel

FIXTURE = Path(__file__).parent / "fixtures" / "agreement.csv"


def test_the_agreement_table_is_read_as_written_and_unknowns_stay_unknown():
    table = load_agreement(FIXTURE)
    assert list(table["sample"]) == ["corpus", "corpus", "heldout", "heldout"]
    frame = table[(table["sample"] == "heldout") & (table["dimension"] == "frame")].iloc[0]
    assert (frame["units"], frame["precision"], frame["recall"], frame["alpha"]) == (240, 0.78, 0.76, 0.71)
    assert table["alpha"].isna().tolist() == [False, False, False, True]
    sentence = headline(table)
    assert "F1 0.77" in sentence and "precision 0.78" in sentence and "240 sentences" in sentence


def test_a_missing_file_is_not_measured_and_a_bad_one_is_named(tmp_path):
    assert load_agreement(tmp_path / "agreement.csv") is None
    assert "not measured" in headline(None)
    bad = tmp_path / "agreement.csv"
    bad.write_text(FIXTURE.read_text().replace("0.78,0.76", "1.78,0.76"), encoding="utf-8")
    with pytest.raises(DataFileError, match="precision"):
        load_agreement(bad)
    bad.write_text(FIXTURE.read_text().replace("heldout,sentence,area", "gold,sentence,area"), encoding="utf-8")
    with pytest.raises(DataFileError, match="sample 'gold'"):
        load_agreement(bad)


def test_the_dialog_shows_the_figures_of_the_dataset_folder(qtbot, tmp_path):
    shutil.copy(FIXTURE, tmp_path / "agreement.csv")
    dialog = CodingQualityDialog(tmp_path)
    qtbot.addWidget(dialog)
    assert dialog.measured
    assert dialog.figures()[0] == ["held-out sentences", "sentence", "frame", "240", "0.78", "0.76", "0.77", "0.71"]  # unseen first
    assert dialog.figures()[1][-1] == "–"  # alpha not known: never a number made up
    assert "F1 0.77" in dialog.summary.text() and "78% of the frames" in dialog.summary.text()


def test_your_own_decisions_do_not_move_the_figures_to_quote(qtbot, tmp_path, monkeypatch):
    """The library's rebuilt copy of the bundled corpus (library/bundled, with the user's decisions) has an agreement
    file of its own; the dialog shows the project's, which compares the coder with the project's reviewed coding.
    Another folder of that name shows its own."""
    from nsp_explorer.paths import dataset_dir
    from nsp_explorer.pipeline.library import library_dir

    monkeypatch.setenv("NSP_EXPLORER_DATA_DIR", str(tmp_path / "user"))
    rebuilt = library_dir() / "bundled"
    elsewhere = tmp_path / "bundled"
    for folder in (rebuilt, elsewhere):
        folder.mkdir(parents=True)
        shutil.copy(FIXTURE, folder / "agreement.csv")
    dialog = CodingQualityDialog(rebuilt)
    qtbot.addWidget(dialog)
    assert dialog.path == dataset_dir() / "agreement.csv"
    assert dialog.measured and "240" not in [row[3] for row in dialog.figures()]  # not the rebuilt copy's figures
    assert "your own review decisions do not change these figures" in dialog.explanation.text()
    other = CodingQualityDialog(elsewhere)
    qtbot.addWidget(other)
    assert other.path == elsewhere / "agreement.csv"


def test_the_dialog_without_a_file_says_not_measured(qtbot, tmp_path):
    dialog = CodingQualityDialog(tmp_path)
    qtbot.addWidget(dialog)
    assert not dialog.measured and dialog.figures() == []
    assert dialog.summary.text().startswith("Not measured")


def test_the_headline_leads_with_real_pages_and_the_dialog_says_what_the_charts_rest_on(qtbot, tmp_path):
    """A lecturer quotes the first figure: it is the weakest honest one (real pages), frames and areas both."""
    rows = FIXTURE.read_text(encoding="utf-8") + "pages,sentence,frame,921,0.66,0.72,0.69,0.64\npages,sentence,area,921,0.78,0.76,0.77,0.75\n"
    (tmp_path / "agreement.csv").write_text(rows, encoding="utf-8")
    dialog = CodingQualityDialog(tmp_path)
    qtbot.addWidget(dialog)
    assert dialog.summary.text() == (
        "On real web pages it was never tuned on (921 sentences), 66% of the frames the automatic coder gives are ones "
        "careful readers give too, and it finds 72% of theirs (F1 0.69); of its areas 78% are readers' too, and it finds "
        "76% of theirs (F1 0.77). The bundled articles' charts do not rest on it: every code there was checked by readers."
    )
    details = dialog.details.text()
    assert details.index("real web pages") < details.index("new sentences") < details.index("bundled articles")
    assert "921 sentences): frames F1 0.69 (precision 0.66, recall 0.72), areas F1 0.77" in details
    assert dialog.figures()[0][:3] == ["held-out real pages", "sentence", "frame"]  # the unseen pages first in the table
    assert ["held-out real pages", "sentence", "frame", "921", "0.66", "0.72", "0.69", "0.64"] in dialog.figures()
    words = " ".join(label.text() for label in dialog.findChildren(QLabel))
    assert "checked by readers" in words and "coded by the machine alone" in words and "Held-out real pages:" in words
    shutil.copy(FIXTURE, tmp_path / "agreement.csv")  # no real pages measured: nothing said of them
    dialog.show_table()
    assert "Held-out real pages:" not in dialog.explanation.text()


def test_the_real_pages_figures_reach_the_dataset_only_with_the_coder_they_measured(tmp_path):
    from nsp_explorer.paths import data_dir
    from nsp_explorer.pipeline.agreement_table import CODER_SOURCES_SHA, PAGES, coder_fingerprint, coder_sources_sha, recorded_pages
    from nsp_explorer.pipeline.codebook import load_codebook
    from nsp_explorer.core.taxonomy import load_taxonomy

    assert coder_sources_sha() == CODER_SOURCES_SHA, (
        "the coding code changed: if a sentence's codes can change, raise CODER_VERSION and measure the real pages again "
        "(nspx eval --gold FILE --record); then set CODER_SOURCES_SHA to coder_sources_sha()"
    )
    shipped = data_dir()
    taxonomy = load_taxonomy(shipped / "taxonomy.json")
    fingerprint = coder_fingerprint(load_codebook(shipped / "codebook.toml", taxonomy), taxonomy, shipped)
    assert len(recorded_pages(shipped, fingerprint)) == 4, "the coder changed: measure the real pages again (nspx eval --gold FILE --record)"
    # a copy with Windows line ends and no terms of the user's (the library passes an overlay that does not exist) is the same coder
    for name in ("codebook.toml", "taxonomy.json", PAGES, Path("models") / "frames.json", Path("models") / "vocab.txt", Path("models") / "context.json"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_bytes((shipped / name).read_bytes().replace(b"\n", b"\r\n"))
    same = load_codebook(tmp_path / "codebook.toml", taxonomy, tmp_path / "codebook-overlay.toml")
    assert coder_fingerprint(same, taxonomy, tmp_path) == fingerprint
    with (tmp_path / "codebook.toml").open("a", encoding="utf-8") as handle:
        handle.write("\n# a comment is not another coder\n")
    assert coder_fingerprint(load_codebook(tmp_path / "codebook.toml", taxonomy), taxonomy, tmp_path) == fingerprint
    overlay = tmp_path / "codebook-overlay.toml"
    overlay.write_text('[areas.trade]\nterms = ["tariff line"]\n', encoding="utf-8")
    with_terms = load_codebook(shipped / "codebook.toml", taxonomy, overlay)
    assert recorded_pages(shipped, coder_fingerprint(with_terms, taxonomy, shipped)) == []  # the user's own terms: not the coder measured
    context = tmp_path / "models" / "context.json"
    spec = json.loads(context.read_text(encoding="utf-8"))
    context.write_text(json.dumps({**spec, "threshold": spec["threshold"] / 2}), encoding="utf-8")
    assert recorded_pages(shipped, coder_fingerprint(same, taxonomy, tmp_path)) == []  # another context model: another coder
    context.write_bytes((shipped / "models" / "context.json").read_bytes())
    assert coder_fingerprint(same, taxonomy, tmp_path) == fingerprint  # put back: the same coder again
    (tmp_path / "models" / "vocab.txt").write_text("[PAD]\n", encoding="utf-8")
    assert recorded_pages(shipped, coder_fingerprint(same, taxonomy, tmp_path)) == []  # another tokenizer: another coder
    broken = tmp_path / "broken"
    (broken / "gold").mkdir(parents=True)
    (broken / PAGES).write_text("sample,level\npages,sentence\n", encoding="utf-8")
    with pytest.raises(DataFileError, match="lacks the column"):
        recorded_pages(broken, fingerprint)


def test_a_share_in_the_headline_is_rounded_as_the_figure_beside_it(qtbot, tmp_path):
    """Recall 0.765 reads "0.77" in the table: the headline says 77%, not 76% (a lecturer saw both)."""
    rows = FIXTURE.read_text(encoding="utf-8") + "pages,sentence,frame,921,0.665,0.72,0.69,0.64\npages,sentence,area,921,0.78,0.765,0.77,0.75\n"
    (tmp_path / "agreement.csv").write_text(rows, encoding="utf-8")
    dialog = CodingQualityDialog(tmp_path)
    qtbot.addWidget(dialog)
    assert "it finds 77% of theirs (F1 0.77)" in dialog.summary.text()
    assert "67% of the frames" in dialog.summary.text()  # 0.665 reads "0.67"
