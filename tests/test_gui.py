"""The window opens on the bundled dataset and reports a broken one by name."""

from __future__ import annotations

import shutil

from PySide6.QtWidgets import QMessageBox

from nsp_explorer.core.dataset import load_dataset
from nsp_explorer.gui import app as gui_app
from nsp_explorer.gui.app import MainWindow


def test_window_lists_every_document_with_its_counts(qtbot, data, taxonomy):
    dataset = load_dataset(data / "dataset", taxonomy)
    window = MainWindow(dataset)
    qtbot.addWidget(window)
    table = window.documents
    assert table.rowCount() == 5
    lee = next(r for r in range(5) if table.item(r, 0).text() == "Lee Jaehyon")
    expected = (dataset.passages["doc_id"] == "lee-2019-asan").sum()
    assert table.item(lee, 4).text() == str(expected)
    assert table.item(lee, 1).text() == "2019"


def test_an_invalid_dataset_opens_an_error_dialog(qtbot, tmp_path, data, monkeypatch):
    broken = tmp_path / "dataset"
    shutil.copytree(data / "dataset", broken)
    (broken / "facts.csv").unlink()
    shown = []
    monkeypatch.setattr(QMessageBox, "critical", lambda parent, title, text: shown.append((title, text)))
    assert gui_app.main(["--dataset", str(broken)]) == 2
    assert shown and "facts.csv" in shown[0][1] and "is missing" in shown[0][1]
