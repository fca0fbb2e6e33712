"""Property-based tests (hypothesis, 200 examples each): cleaning, segmentation, coding, filters, scenarios.

Generated articles mix prose built from the corpus's own vocabulary with the
debris the cleaner removes (bylines, share prompts, ad markers, page numbers)
and with arbitrary Unicode, so the properties are tried on text the rules
never saw.
"""

from __future__ import annotations

import json
import re

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nsp_explorer.core import aggregate
from nsp_explorer.core.coded import code_passages
from nsp_explorer.core.dataset import load_dataset
from nsp_explorer.core.filters import FILTER_KEYS, ExplorerState, FilterSpec
from nsp_explorer.core.scenario import Scenario, ScenarioStore, _known_values, scenario_from_json
from nsp_explorer.pipeline.clean import clean_document, normalise_characters
from nsp_explorer.pipeline.code import code_text, lexicon_codes
from nsp_explorer.pipeline.segment import segment

EXAMPLES = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])

VOCABULARY = (
    "Korea ASEAN Vietnam Indonesia trade investment people-to-people smart city infrastructure peace security "
    "the of and to in a is that for with New Southern Policy cooperation Mekong Rohingya tourism students "
    "should must will has grown challenge opportunity South China Sea North Korea 2019 2020 USD billion percent"
).split()
DEBRIS = (
    "Share this article", "By Kim Min-jun", "ADVERTISEMENT", "Photo: Yonhap", "12", "Leave a comment",
    "Related articles", "(END)", "Click here to subscribe", "Copyright 2024 Example Media",
)


def _sentence(words: list[str]) -> str:
    return " ".join(words).capitalize() + "."


sentences = st.lists(st.sampled_from(VOCABULARY), min_size=4, max_size=18).map(_sentence)
paragraphs = st.lists(sentences, min_size=1, max_size=5).map(" ".join)
lines = st.one_of(paragraphs, paragraphs, paragraphs, st.sampled_from(DEBRIS), st.text(max_size=80))
articles = st.lists(lines, min_size=1, max_size=12).map("\n\n".join)


def words(text: str) -> list[str]:
    return [w for w in re.findall(r"\w+", text) if not (w.isdigit() and len(w) <= 2)]  # footnote numbers may go


def in_order(haystack: list[str], needle: list[str]) -> bool:
    """The needle's words stand in the haystack in the same order (words may be dropped between paragraphs, never added)."""
    it = iter(haystack)
    return all(any(w == h for h in it) for w in needle)


@EXAMPLES
@given(articles)
def test_cleaning_never_crashes_and_never_invents_words(raw):
    blocks = clean_document(raw)
    source = words(normalise_characters(raw))  # invisible characters (soft hyphens, zero widths) are not words
    for block in blocks:
        assert block.text.strip() == block.text and block.text
        assert in_order(source, words(block.text)), block.text


@EXAMPLES
@given(articles)
def test_cleaning_is_idempotent(raw):
    once = [b.text for b in clean_document(raw)]
    twice = [b.text for b in clean_document("\n\n".join(once))]
    assert twice == once


@EXAMPLES
@given(articles, st.from_regex(r"[a-z]{1,8}(-[a-z0-9]{1,6}){0,2}", fullmatch=True))
def test_segmentation_numbers_every_paragraph_once(raw, doc_id):
    blocks = clean_document(raw)
    passages = segment(doc_id, blocks)
    assert [p.position for p in passages] == list(range(1, len(blocks) + 1))
    assert len({p.passage_id for p in passages}) == len(passages)
    assert all(p.passage_id == f"{doc_id}:{p.position}" for p in passages)
    assert [p.text for p in passages] == [b.text for b in blocks]


@EXAMPLES
@given(st.one_of(paragraphs, st.text(max_size=400)))
def test_coding_never_crashes_and_every_code_rests_on_words_in_the_text(codebook, taxonomy, text):
    codes = code_text(text, codebook, taxonomy)
    assert codes == code_text(text, codebook, taxonomy)  # deterministic
    for code in codes:
        assert taxonomy.is_valid(code.dimension, code.code) or (code.dimension == "year" and code.code.isdigit())
        for evidence in code.evidence:
            assert evidence in text
    areas = {c.code for c in codes if c.dimension == "area"}
    pillars = {c.code for c in codes if c.dimension == "pillar"}
    assert {taxonomy.pillar_of(a) for a in areas} <= pillars
    assert lexicon_codes(text, codebook) == [c for c in codes if c.source == "lexicon"]


@pytest.fixture(scope="module")
def coded(data, taxonomy):
    return code_passages(load_dataset(data / "dataset", taxonomy), taxonomy)


def specs(coded):
    ids = coded.taxonomy.ids
    options = {
        "pillars": list(ids("pillar")) + [""],
        "areas": list(ids("area")),
        "frames": list(ids("frame")) + [""],
        "partners": list(ids("partner")),
        "authors": list(coded.authors),
        "years": list(coded.years) + [0],
    }
    return st.builds(lambda **v: FilterSpec(**v), **{k: st.frozensets(st.sampled_from(v), max_size=4) for k, v in options.items()})


@EXAMPLES
@given(st.data())
def test_the_filter_spec_round_trips_and_a_selection_only_narrows(coded, data):
    filters, selection = data.draw(specs(coded)), data.draw(specs(coded))
    assert FilterSpec.from_dict(json.loads(json.dumps(filters.to_dict()))) == filters
    search = data.draw(st.sampled_from(["", "trade", "Korea", "zzz-not-there"]))
    state = ExplorerState(filters=filters, selection=selection, search=search)
    mask = state.mask(coded)
    assert not (mask & ~filters.mask(coded)).any() and not (mask & ~selection.mask(coded)).any()
    assert int(coded.per_author(mask).sum()) == int(mask.sum()) == int(coded.per_year(mask).sum())
    counts = aggregate.facet_counts(coded, state)
    for key in FILTER_KEYS:
        assert set(counts[key]) >= {c for c in getattr(filters, key) if c not in ("", 0) and (key not in ("authors", "years"))} - {""}
    shown = aggregate.selected_rows(coded, mask)
    assert len(shown) == mask.sum() and len(np.unique(shown)) == len(shown)


@EXAMPLES
@given(st.data())
def test_a_scenario_saved_and_loaded_is_equal(coded, tmp_path_factory, data):
    known = _known_values(coded.taxonomy, coded.authors, coded.years)
    scenario = Scenario(
        name=data.draw(st.text(min_size=1, max_size=40).filter(lambda s: s.strip())),
        note=data.draw(st.text(max_size=200)),
        filters=data.draw(specs(coded)),
        selection=data.draw(specs(coded)),
        search=data.draw(st.text(max_size=30)),
        measure=data.draw(st.sampled_from(["share", "count"])),
        indicator=data.draw(st.sampled_from([None, ("asean_korea_trade", "USD billion")])),
    )
    assert scenario_from_json(json.loads(json.dumps(scenario.to_json())), known).scenario == scenario
    folder = tmp_path_factory.mktemp("scenarios")
    store = ScenarioStore.open(folder, coded.taxonomy, coded.authors, coded.years)
    store.add(scenario)
    again = ScenarioStore.open(folder, coded.taxonomy, coded.authors, coded.years)
    assert again.scenarios == [scenario] and not again.problems
