"""Loading and validating a dataset folder (core, no Qt)."""

from __future__ import annotations

import shutil

import pytest

from nsp_explorer.core.dataset import load_dataset
from nsp_explorer.core.errors import DataFileError


def test_the_bundled_dataset_loads(data, taxonomy):
    dataset = load_dataset(data / "dataset", taxonomy)
    assert len(dataset.documents) == 5 and len(dataset.passages) > 90
    assert set(dataset.codes["dimension"]) == {"pillar", "area", "frame", "partner", "year"}
    assert dataset.documents["year"].tolist() == [2020, 2025, 2021, 2017, 2019]
    assert len(dataset.version) == 12


@pytest.fixture
def copy(tmp_path, data):
    target = tmp_path / "dataset"
    shutil.copytree(data / "dataset", target, ignore=shutil.ignore_patterns("__init__.py"))
    return target


@pytest.mark.parametrize(
    "file, edit, problem",
    [
        ("codes.csv", None, "is missing"),
        ("passages.csv", lambda s: s.replace("passage_id,doc_id,position,section,text", "passage_id,doc_id,position,text", 1), "lacks the column(s) section"),
        ("codes.csv", lambda s: s.replace(",area,trade,", ",area,trading,", 1), "unknown code ID(s): area:trading"),
        ("facts.csv", lambda s: s.replace(",asean_korea_trade,206,", ",asean_korea_trade,lots,", 1), "not a number"),
        ("documents.csv", lambda s: s.replace(",2017,", ",17,", 1), "four digits"),
        ("codes.csv", lambda s: s + "ghost:1,area,trade,lexicon,trade\n", "codes of unknown passages: ghost:1"),
    ],
)
def test_an_invalid_dataset_names_the_file_and_problem(copy, taxonomy, file, edit, problem):
    path = copy / file
    if edit is None:
        path.unlink()
    else:
        path.write_text(edit(path.read_text(encoding="utf-8")), encoding="utf-8")
    with pytest.raises(DataFileError) as error:
        load_dataset(copy, taxonomy)
    assert error.value.path == path and problem in error.value.problem


def test_a_non_utf8_dataset_file_is_named(copy, taxonomy):
    (copy / "documents.csv").write_bytes("doc_id,title\nx,Caf\u00e9\n".encode("latin-1"))
    with pytest.raises(DataFileError) as error:
        load_dataset(copy, taxonomy)
    assert error.value.path.name == "documents.csv"
