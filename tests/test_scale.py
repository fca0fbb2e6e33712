"""Scale: the synthetic corpus, the binary cache and the indexes that keep a filter a few vector operations.

Speed itself is measured by ``nspx bench`` (see README), not asserted here;
these tests check that the fast paths give exactly the answers of the plain ones.
"""

from __future__ import annotations

import json
import mmap
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nsp_explorer.core import aggregate
from nsp_explorer.core.cache import CACHE_NAME, load_coded
from nsp_explorer.core.coded import code_passages
from nsp_explorer.core.dataset import load_dataset
from nsp_explorer.core.filters import ExplorerState, FilterSpec
from nsp_explorer.core.texts import TextColumn
from nsp_explorer.pipeline.synthetic import write_synthetic


@pytest.fixture(scope="module")
def seed(data, taxonomy):
    return load_dataset(data / "dataset", taxonomy)


@pytest.fixture(scope="module")
def synthetic(seed, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("synthetic") / "d"
    write_synthetic(seed, 3000, 11, out)
    return out


def test_the_generator_is_deterministic_and_as_dense_as_the_real_corpus(seed, synthetic, tmp_path):
    again = tmp_path / "again"
    write_synthetic(seed, 3000, 11, again)
    for name in ("documents.csv", "passages.csv", "codes.csv", "facts.csv"):
        assert (again / name).read_bytes() == (synthetic / name).read_bytes()
    other = tmp_path / "other"
    write_synthetic(seed, 3000, 12, other)
    assert (other / "passages.csv").read_bytes() != (synthetic / "passages.csv").read_bytes()

    made = pd.read_csv(synthetic / "passages.csv", dtype=str, keep_default_na=False)
    codes = pd.read_csv(synthetic / "codes.csv", dtype=str, keep_default_na=False)
    assert len(made) == 3000
    union = codes.drop_duplicates(["passage_id", "dimension", "code"])  # the passage-level codes every view uses
    seed_union = seed.codes.drop_duplicates(["passage_id", "dimension", "code"])
    assert len(union) / len(made) == pytest.approx(len(seed_union) / len(seed.passages), rel=0.15)
    assert made["text"].str.len().mean() == pytest.approx(seed.passages["text"].str.len().mean(), rel=0.15)
    for dimension in ("pillar", "area", "frame", "partner"):
        real = (seed_union["dimension"] == dimension).sum() / len(seed.passages)
        assert (union["dimension"] == dimension).sum() / len(made) == pytest.approx(real, rel=0.2)
    # codes are written per sentence: frames and areas name the sentence that sets them
    framing = codes[codes["dimension"].isin(["area", "frame"])]
    assert (framing["sentence"] != "").mean() > 0.95 and len(codes) > len(union)


def _same(a, b) -> None:
    """Two coded datasets answer every question the same way."""
    assert len(a) == len(b) and a.authors == b.authors and a.years == b.years and a.version == b.version
    for state in (ExplorerState(), ExplorerState(filters=FilterSpec(pillars={"peace"}, years={2019, 2020})), ExplorerState(search="smart city")):
        ma, mb = state.mask(a), state.mask(b)
        assert (ma == mb).all()
        pd.testing.assert_frame_equal(aggregate.frame_matrix(a, ma), aggregate.frame_matrix(b, mb))
        pd.testing.assert_frame_equal(aggregate.publication_timeline(a, ma), aggregate.publication_timeline(b, mb))
        pd.testing.assert_series_equal(aggregate.years_mentioned(a, ma), aggregate.years_mentioned(b, mb))
        assert aggregate.facet_counts(a, state) == aggregate.facet_counts(b, state)
        fa, fb = aggregate.cited_figures(a, ma), aggregate.cited_figures(b, mb)
        assert fa.choices == fb.choices and (fa.shown == fb.shown).all()
    for row in (0, len(a) // 2, len(a) - 1):
        assert a.text(row) == b.text(row) and a.passage_id(row) == b.passage_id(row) and a.codes_of(row) == b.codes_of(row)


def test_the_cache_answers_exactly_like_the_csvs(synthetic, taxonomy):
    from_csv = code_passages(load_dataset(synthetic, taxonomy), taxonomy)
    first = load_coded(synthetic, taxonomy)  # writes the cache
    assert isinstance(first.texts.block, bytes)
    assert (synthetic / CACHE_NAME / "manifest.json").is_file()
    cached = load_coded(synthetic, taxonomy)
    assert isinstance(cached.texts.block, mmap.mmap)  # mapped from the cache file, not read
    _same(from_csv, cached)


def test_a_changed_csv_makes_the_cache_stale(synthetic, taxonomy, tmp_path):
    folder = tmp_path / "d"
    folder.mkdir()
    for name in ("documents.csv", "passages.csv", "codes.csv", "facts.csv"):
        (folder / name).write_bytes((synthetic / name).read_bytes())
    before = load_coded(folder, taxonomy)
    passages = (folder / "passages.csv").read_text(encoding="utf-8")
    (folder / "passages.csv").write_text(passages.replace("ASEAN", "Asean", 1), encoding="utf-8")
    after = load_coded(folder, taxonomy)
    assert after.version != before.version
    assert len(after.containing("Asean")) and after.containing("asean").sum() == before.containing("asean").sum()
    _same(after, code_passages(load_dataset(folder, taxonomy), taxonomy))


@pytest.mark.parametrize("damage", ["manifest", "array", "block"])
def test_a_damaged_cache_is_ignored_and_rebuilt(synthetic, taxonomy, tmp_path, damage):
    folder = tmp_path / "d"
    folder.mkdir()
    for name in ("documents.csv", "passages.csv", "codes.csv", "facts.csv"):
        (folder / name).write_bytes((synthetic / name).read_bytes())
    load_coded(folder, taxonomy)
    cache = folder / CACHE_NAME
    target = {"manifest": cache / "manifest.json", "array": cache / "flags.npy", "block": cache / "texts.bin"}[damage]
    target.write_bytes(target.read_bytes()[: len(target.read_bytes()) // 2])
    rebuilt = load_coded(folder, taxonomy)
    _same(rebuilt, code_passages(load_dataset(folder, taxonomy), taxonomy))
    assert json.loads((cache / "manifest.json").read_text(encoding="utf-8"))["passages"] == 3000  # rewritten whole


def test_a_read_only_dataset_is_cached_in_the_user_cache_folder(synthetic, taxonomy, tmp_path, monkeypatch):
    import nsp_explorer.core.cache as cache

    blocked = tmp_path / "blocked"
    blocked.write_text("a file where the cache folder would go")
    monkeypatch.setattr(cache, "cache_folders", lambda folder: [blocked / CACHE_NAME, tmp_path / "user-cache" / "x"])
    load_coded(synthetic, taxonomy)
    assert (tmp_path / "user-cache" / "x" / "manifest.json").is_file()


def test_search_finds_phrases_within_passages_only():
    column = TextColumn.of(["Trade in the Mekong", "ÉCOLE and more trade", "ends with tra", "de novo"])
    folded = TextColumn.of(t.casefold() for t in column.take(range(4)))
    assert folded.rows_containing("trade").tolist() == [True, True, False, False]
    assert folded.rows_containing("école").tolist() == [False, True, False, False]
    assert not folded.rows_containing("trade novo").any()
    assert not folded.rows_containing("trade").tolist()[2]  # "tra" + "de" across two passages is no match


@settings(max_examples=200, deadline=None)
@given(st.lists(st.booleans(), min_size=105, max_size=105))
def test_counts_per_author_and_year_equal_a_plain_group_by(coded_seed, chosen):
    mask = np.array(chosen, dtype=bool)
    table = coded_seed.passages.assign(chosen=mask)
    by_author = table.groupby("author", observed=True)["chosen"].sum()
    assert coded_seed.per_author(mask).tolist() == [int(by_author[a]) for a in coded_seed.authors]
    by_year = table.groupby("year")["chosen"].sum()
    assert coded_seed.per_year(mask).tolist() == [int(by_year[y]) for y in coded_seed.years]


@pytest.fixture(scope="module")
def coded_seed(seed, taxonomy):
    return code_passages(seed, taxonomy)


def test_nspx_bench_prints_every_figure(tmp_path):
    env = {**os.environ, "NSP_EXPLORER_CACHE_DIR": str(tmp_path / "cache")}
    done = subprocess.run(
        [sys.executable, "-m", "nsp_explorer.cli", "bench", "--sizes", "400", "--runs", "1", "--toggles", "3", "--json", "--work", str(tmp_path)],
        capture_output=True, text=True, timeout=600, env=env,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    results = json.loads(done.stdout)
    assert set(results["sizes"]) == {"seed", "400"} and results["sizes"]["400"]["passages"] == 400
    for size in results["sizes"].values():
        for step in ("load", "recompute", "redraw", "search", "export"):
            assert size[step]["median"] > 0 and size[step]["p95"] >= size[step]["median"]
        assert size["peak_mb"] > 50
    assert results["cold_start"]["ratio"] > 0 and results["coding"]["median"] > 0 and results["sentence_model"]["median"] > 0
