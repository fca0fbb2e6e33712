"""Shared fixtures. Qt runs offscreen; core and pipeline tests need no display."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import csv
import gc
from pathlib import Path

import pytest

from nsp_explorer.core.coded import code_passages
from nsp_explorer.core.dataset import load_dataset
from nsp_explorer.core.taxonomy import load_taxonomy
from nsp_explorer.paths import data_dir
from nsp_explorer.pipeline.codebook import load_codebook
from nsp_explorer.pipeline.facts import load_fact_rules

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "data" / "gold"
FACTS_GOLD = ROOT / "tests" / "gold" / "facts.csv"


@pytest.fixture(autouse=True)
def collect_garbage_between_tests():
    """Free the windows a test dropped between tests, never in the middle of one.

    Python's cycle collector may otherwise destroy a dropped Qt window in the
    middle of a later Qt call that holds Qt's signal lock; the window's
    destructor then waits for that lock forever (seen: the suite hung). Or it
    destroys a chart the test made on its own (no parent: Python owns it) while
    the events after the test paint it: a segmentation fault (seen). So the
    collector waits for the end of the test (the app, too, runs without it while
    it starts), and then frees what was dropped, once pytest-qt has closed the
    test's widgets.
    """
    gc.disable()
    yield
    gc.enable()
    gc.collect()


@pytest.fixture(scope="session")
def data() -> Path:
    return data_dir()


@pytest.fixture(scope="session")
def taxonomy(data):
    return load_taxonomy(data / "taxonomy.json")


@pytest.fixture(scope="session")
def codebook(data, taxonomy):
    return load_codebook(data / "codebook.toml", taxonomy)


@pytest.fixture(scope="session")
def model(data):
    """The sentence model of the frames (data/models), as the build loads it."""
    from nsp_explorer.pipeline.frame_model import load_frame_model

    return load_frame_model(data / "models")


@pytest.fixture(scope="session")
def fact_rules(data):
    return load_fact_rules(data / "facts.toml")


def read_rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@pytest.fixture(scope="session")
def passages(data) -> list[dict[str, str]]:
    return read_rows(data / "dataset" / "passages.csv")


@pytest.fixture(scope="session")
def codes(data) -> list[dict[str, str]]:
    return read_rows(data / "dataset" / "codes.csv")


@pytest.fixture(scope="session")
def facts(data) -> list[dict[str, str]]:
    return read_rows(data / "dataset" / "facts.csv")


@pytest.fixture
def coded(data, taxonomy):
    """The bundled dataset as the app holds it (a test module may narrow the scope with its own)."""
    return code_passages(load_dataset(data / "dataset", taxonomy), taxonomy)


@pytest.fixture
def dirs(tmp_path, monkeypatch):
    """A fresh settings and data folder for the app under test."""
    monkeypatch.setenv("NSP_EXPLORER_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.setenv("NSP_EXPLORER_DATA_DIR", str(tmp_path / "data"))
    return tmp_path
