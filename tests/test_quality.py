"""Coding quality: agreement.csv read with validation, and the dialog that shows it (or says it was not measured)."""

from __future__ import annotations

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
    assert dialog.figures()[2] == ["held-out sentences", "sentence", "frame", "240", "0.78", "0.76", "0.77", "0.71"]
    assert dialog.figures()[3][-1] == "–"  # alpha not known: never a number made up
    assert "F1 0.77" in dialog.summary.text()


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
    summary = dialog.summary.text()
    assert summary.index("real web pages") < summary.index("new sentences") < summary.index("bundled articles")
    assert "921 sentences): frames F1 0.69 (precision 0.66, recall 0.72), areas F1 0.77" in summary
    assert ["held-out real pages", "sentence", "frame", "921", "0.66", "0.72", "0.69", "0.64"] in dialog.figures()
    words = " ".join(label.text() for label in dialog.findChildren(QLabel))
    assert "checked by readers" in words and "coded by the machine alone" in words


def test_the_real_pages_figures_reach_the_dataset_only_with_the_coder_they_measured(tmp_path):
    from nsp_explorer.paths import data_dir
    from nsp_explorer.pipeline.agreement_table import PAGES, coder_fingerprint, recorded_pages
    from nsp_explorer.pipeline.codebook import load_codebook
    from nsp_explorer.core.taxonomy import load_taxonomy

    shipped = data_dir()
    taxonomy = load_taxonomy(shipped / "taxonomy.json")
    fingerprint = coder_fingerprint(load_codebook(shipped / "codebook.toml", taxonomy), shipped)
    assert len(recorded_pages(shipped, fingerprint)) == 4, "the coder changed: measure the real pages again (nspx eval --gold FILE --record)"
    for name in ("codebook.toml", "taxonomy.json"):
        shutil.copy(shipped / name, tmp_path / name)
    (tmp_path / "gold").mkdir()
    shutil.copy(shipped / PAGES, tmp_path / PAGES)
    (tmp_path / "models").mkdir()
    shutil.copy(shipped / "models" / "frames.json", tmp_path / "models" / "frames.json")
    same = load_codebook(tmp_path / "codebook.toml", taxonomy)
    assert recorded_pages(tmp_path, coder_fingerprint(same, tmp_path)) == recorded_pages(shipped, fingerprint)
    with (tmp_path / "codebook.toml").open("a", encoding="utf-8") as handle:
        handle.write("\n# a changed codebook is another coder\n")
    changed = load_codebook(tmp_path / "codebook.toml", taxonomy)
    assert recorded_pages(tmp_path, coder_fingerprint(changed, tmp_path)) == []
    overlay = tmp_path / "my_terms.toml"
    overlay.write_text('[areas.trade]\nterms = ["tariff line"]\n', encoding="utf-8")
    with_terms = load_codebook(shipped / "codebook.toml", taxonomy, overlay)
    assert recorded_pages(shipped, coder_fingerprint(with_terms, shipped)) == []  # the user's own terms: not the coder measured
