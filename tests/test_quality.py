"""Coding quality: agreement.csv read with validation, and the dialog that shows it (or says it was not measured)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from nsp_explorer.core.agreement import headline, load_agreement
from nsp_explorer.core.errors import DataFileError
from nsp_explorer.gui.quality import CodingQualityDialog

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
