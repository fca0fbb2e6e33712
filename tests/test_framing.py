"""Sentence-level framing: the data model keeps each code's sentence, and framing_mix counts sentences per author and area.

The fixture (tests/fixtures/sentences) is small enough to count by hand; every
expected number below is read off its codes.csv.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
import pytest

from nsp_explorer.core.cache import load_coded
from nsp_explorer.core.coded import code_passages
from nsp_explorer.core.dataset import load_dataset
from nsp_explorer.core.errors import DataFileError
from nsp_explorer.core.filters import ExplorerState, FilterSpec
from nsp_explorer.core.framing import framing_mix, framing_sentences

FIXTURE = Path(__file__).parent / "fixtures" / "sentences"
ANN, BO = "Ann Author", "Bo Writer"
COLUMNS = ["sentences", "achievement", "opportunity", "challenge", "recommendation", "unframed"]


@pytest.fixture
def coded(taxonomy):
    return code_passages(load_dataset(FIXTURE, taxonomy), taxonomy)


def nonzero(mix: pd.DataFrame) -> dict[tuple[str, str], list[int]]:
    """The cells with any sentence, as {(author, area): [sentences, achievement, opportunity, challenge, recommendation, unframed]}."""
    kept = mix[mix["sentences"] > 0]
    return {cell: [int(v) for v in row] for cell, row in zip(kept.index, kept[COLUMNS].to_numpy())}


def test_framing_mix_counts_sentences_per_author_and_area(coded):
    mix = framing_mix(coded, FilterSpec())
    assert list(mix.columns) == COLUMNS and mix.index.names == ["author", "area"]
    assert len(mix) == 2 * 16 and all(str(t) == "int64" for t in mix.dtypes)
    assert nonzero(mix) == {
        (ANN, "trade"): [3, 1, 0, 0, 1, 1],  # ann-2019:1 sentences 1 and 3, ann-2019:3 sentence 1 (no frame)
        (ANN, "investment"): [1, 0, 0, 0, 1, 0],
        (ANN, "tourism_mobility"): [1, 1, 0, 0, 0, 0],
        (ANN, "culture"): [1, 0, 0, 0, 0, 1],  # a sentence with no frame: counted, and counted as unframed
        (ANN, "strategic_security"): [1, 0, 0, 1, 0, 0],  # the worry is tied to security, not to trade
        (BO, "trade"): [2, 0, 1, 1, 0, 0],
    }


def test_a_passage_wide_code_is_in_the_union_but_frames_no_sentence(coded):
    row = coded.row_of("ann-2019:2")
    assert ("frame", "opportunity", "reviewed", "") in coded.codes_of(row)
    assert coded.has("frame", "opportunity")[row]
    assert nonzero(framing_mix(coded, FilterSpec(frames={"opportunity"}))) == {
        (ANN, "trade"): [3, 0, 0, 0, 0, 3],
        (ANN, "investment"): [1, 0, 0, 0, 0, 1],
        (ANN, "tourism_mobility"): [1, 0, 0, 0, 0, 1],
        (ANN, "culture"): [1, 0, 0, 0, 0, 1],
        (ANN, "strategic_security"): [1, 0, 0, 0, 0, 1],
        (BO, "trade"): [2, 0, 1, 0, 0, 1],
    }


def test_filters_choose_sentences_by_their_own_codes(coded):
    assert nonzero(framing_mix(coded, FilterSpec(partners={"vietnam"}))) == {(ANN, "trade"): [1, 1, 0, 0, 0, 0]}
    assert nonzero(framing_mix(coded, FilterSpec(pillars={"peace"}))) == {(ANN, "strategic_security"): [1, 0, 0, 1, 0, 0]}
    assert nonzero(framing_mix(coded, FilterSpec(areas={"investment"}))) == {
        (ANN, "trade"): [1, 0, 0, 0, 1, 0],  # the sentence on investment also speaks of trade
        (ANN, "investment"): [1, 0, 0, 0, 1, 0],
    }
    assert nonzero(framing_mix(coded, FilterSpec(authors={BO}))) == {(BO, "trade"): [2, 0, 1, 1, 0, 0]}
    assert set(nonzero(framing_mix(coded, FilterSpec(years={2019})))) == {(ANN, a) for a in ("trade", "investment", "tourism_mobility", "culture", "strategic_security")}
    assert nonzero(framing_mix(coded, FilterSpec(areas={""}))) == {}  # every area unchecked


def test_the_frames_filter_chooses_frames_shown_not_sentences(coded):
    mix = nonzero(framing_mix(coded, FilterSpec(frames={"challenge"})))
    assert mix[(ANN, "trade")] == [3, 0, 0, 0, 0, 3]  # none of its sentences carries the frame shown
    assert mix[(ANN, "strategic_security")] == [1, 0, 0, 1, 0, 0]
    assert mix[(BO, "trade")] == [2, 0, 0, 1, 0, 1]


def test_an_explorer_state_applies_filters_selection_and_search(coded):
    state = ExplorerState(filters=FilterSpec(pillars={"prosperity"}), selection=FilterSpec(areas={"trade"}))
    assert nonzero(framing_mix(coded, state)) == {
        (ANN, "trade"): [3, 1, 0, 0, 1, 1],
        (ANN, "investment"): [1, 0, 0, 0, 1, 0],
        (BO, "trade"): [2, 0, 1, 1, 0, 0],
    }
    searched = nonzero(framing_mix(coded, ExplorerState(search="vietnam")))
    assert searched == {(ANN, "trade"): [2, 1, 0, 0, 1, 0], (ANN, "investment"): [1, 0, 0, 0, 1, 0], (ANN, "strategic_security"): [1, 0, 0, 1, 0, 0]}


def test_framing_sentences_lists_a_cell_in_reading_order(coded):
    rows = framing_sentences(coded, ExplorerState(), ANN, "trade")
    assert [(coded.passage_id(r), n) for r, n in rows] == [("ann-2019:1", 1), ("ann-2019:1", 3), ("ann-2019:3", 1)]
    assert framing_sentences(coded, ExplorerState(filters=FilterSpec(partners={"vietnam"})), ANN, "trade") == [(coded.row_of("ann-2019:1"), 1)]
    assert framing_sentences(coded, ExplorerState(), BO, "culture") == []


def test_codes_keep_their_sentence_and_the_passage_lists_the_union(coded):
    row = coded.row_of("ann-2019:1")
    entries = coded.codes.in_sentences(row)
    assert (3, "area", "trade", "lexicon", "trade") in entries and (1, "area", "trade", "lexicon", "Trade") in entries
    union = coded.codes_of(row)
    assert [c for c in union if c[:2] == ("area", "trade")] == [("area", "trade", "lexicon", "Trade; trade")]
    assert [c[:2] for c in union if c[0] == "pillar"] == [("pillar", "prosperity"), ("pillar", "peace")]
    assert coded.documents.set_index("doc_id")["coding"].to_dict() == {"ann-2019": "reviewed", "bo-2021": "machine"}


def test_the_cache_keeps_sentences(coded, taxonomy, tmp_path):
    folder = tmp_path / "data"
    shutil.copytree(FIXTURE, folder)
    load_coded(folder, taxonomy)  # writes the cache
    cached = load_coded(folder, taxonomy)
    assert (folder / ".nspx-cache" / "sentences.row.npy").is_file()
    pd.testing.assert_frame_equal(framing_mix(cached, FilterSpec()), framing_mix(coded, FilterSpec()))
    for row in range(len(coded)):
        assert cached.codes.in_sentences(row) == coded.codes.in_sentences(row)


def test_a_dataset_without_the_sentence_column_reads_every_code_as_passage_wide(taxonomy, tmp_path):
    folder = tmp_path / "old"
    shutil.copytree(FIXTURE, folder)
    codes = pd.read_csv(folder / "codes.csv", dtype=str, keep_default_na=False).drop(columns="sentence").drop_duplicates()
    codes.to_csv(folder / "codes.csv", index=False)
    documents = pd.read_csv(folder / "documents.csv", dtype=str, keep_default_na=False).drop(columns="coding")
    documents.to_csv(folder / "documents.csv", index=False)
    old = code_passages(load_dataset(folder, taxonomy), taxonomy)
    assert old.has("area", "trade")[old.row_of("ann-2019:1")]
    assert {n for r in range(len(old)) for n, *_ in old.codes.in_sentences(r)} == {0}
    assert framing_mix(old, FilterSpec())["sentences"].sum() == 0  # no sentence is known to carry anything
    assert set(old.documents["coding"]) == {""}  # not recorded, never guessed


def test_a_bad_sentence_number_is_named(taxonomy, tmp_path):
    folder = tmp_path / "bad"
    shutil.copytree(FIXTURE, folder)
    text = (folder / "codes.csv").read_text(encoding="utf-8").replace("ann-2019:1,2,pillar", "ann-2019:1,two,pillar")
    (folder / "codes.csv").write_text(text, encoding="utf-8")
    with pytest.raises(DataFileError, match="sentence.*two"):
        load_dataset(folder, taxonomy)
