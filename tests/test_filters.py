"""The filter spec and the aggregations behind every chart (core, no display)."""

from __future__ import annotations

import numpy as np
import pytest

from nsp_explorer.core import aggregate as agg
from nsp_explorer.core.coded import code_passages
from nsp_explorer.core.dataset import load_dataset
from nsp_explorer.core.filters import NO_YEAR, NOTHING, ExplorerState, FilterSpec


@pytest.fixture(scope="module")
def coded(data, taxonomy):
    return code_passages(load_dataset(data / "dataset", taxonomy), taxonomy)


def ids(coded, mask) -> set[str]:
    return set(coded.ids.take(np.flatnonzero(mask)))


def by_author(coded, author: str) -> set[str]:
    return ids(coded, (coded.passages["author"] == author).to_numpy())


def by_codes(codes, dimension: str, wanted: set[str]) -> set[str]:
    return {r["passage_id"] for r in codes if r["dimension"] == dimension and r["code"] in wanted}


def test_empty_spec_means_everything(coded):
    assert ExplorerState().mask(coded).all()


def test_each_dimension_filters_like_the_codes_table(coded, codes):
    assert ids(coded, FilterSpec(frames={"challenge"}).mask(coded)) == by_codes(codes, "frame", {"challenge"})
    assert ids(coded, FilterSpec(partners={"china", "japan"}).mask(coded)) == by_codes(codes, "partner", {"china", "japan"})
    topic = by_codes(codes, "pillar", {"peace"}) | by_codes(codes, "area", {"trade"})
    assert ids(coded, FilterSpec(pillars={"peace"}, areas={"trade"}).mask(coded)) == topic
    lee = by_author(coded, "Lee Jaehyon")
    assert ids(coded, FilterSpec(authors={"Lee Jaehyon"}, years={2019}).mask(coded)) == lee


def test_nothing_chosen_matches_nothing(coded):
    assert not FilterSpec(frames={NOTHING}).mask(coded).any()
    assert not FilterSpec(years={NO_YEAR}).mask(coded).any()


def test_a_chart_selection_always_narrows(coded):
    filters = FilterSpec(pillars={"people"}, areas={"trade"})
    state = ExplorerState(filters=filters, selection=FilterSpec(pillars={"peace"}))
    assert ids(coded, state.mask(coded)) == ids(coded, filters.mask(coded)) & ids(coded, FilterSpec(pillars={"peace"}).mask(coded))


def test_search_is_a_case_insensitive_phrase(coded):
    mask = ExplorerState(search="rohingya crisis").mask(coded)
    assert mask.sum() >= 1
    assert all("rohingya crisis" in t.lower() for t in coded.texts.take(np.flatnonzero(mask)))


def test_spec_round_trips_through_a_dict(coded):
    spec = FilterSpec(pillars={"peace"}, areas={"trade", "culture"}, years={2019, 2021}, authors={"Lee Jaehyon"})
    assert FilterSpec.from_dict(spec.to_dict()) == spec
    assert FilterSpec.from_dict({"years": ["2019"]}) == FilterSpec(years={2019})


def test_frame_matrix_is_share_of_each_authors_passages(coded, codes):
    mask = FilterSpec(frames={"challenge"}).mask(coded)
    shares = agg.frame_matrix(coded, mask)
    counts = agg.frame_matrix(coded, mask, "count")
    chosen = ids(coded, mask)
    for author in coded.authors:
        mine = chosen & by_author(coded, author)
        trade = mine & by_codes(codes, "area", {"trade"})
        assert counts.at[author, "trade"] == len(trade)
        assert shares.at[author, "trade"] == pytest.approx(len(trade) / len(mine))


def test_an_author_without_passages_has_no_share(coded):
    mask = FilterSpec(authors={"Lee Jaehyon"}).mask(coded)
    shares = agg.frame_matrix(coded, mask)
    assert np.isnan(shares.loc["Dira Fabrian"]).all() and not np.isnan(shares.loc["Lee Jaehyon"]).any()


def test_facet_counts_are_what_each_option_would_give(coded):
    state = ExplorerState(filters=FilterSpec(authors={"Choe Won-gi"}, frames={"challenge"}))
    counts = agg.facet_counts(coded, state)
    for frame, n in counts["frames"].items():
        alone = ExplorerState(filters=FilterSpec(authors={"Choe Won-gi"}, frames={frame}))
        assert n == alone.mask(coded).sum()
    for author, n in counts["authors"].items():
        alone = ExplorerState(filters=FilterSpec(authors={author}, frames={"challenge"}))
        assert n == alone.mask(coded).sum()


def test_timeline_and_partners_count_passages(coded):
    mask = FilterSpec(pillars={"prosperity"}).mask(coded)
    timeline = agg.publication_timeline(coded, mask)
    assert timeline["passages"].sum() == mask.sum()
    assert timeline.loc[2019, "prosperity"] == (mask & (coded.passages["year"] == 2019).to_numpy()).sum()
    partners = agg.partner_mentions(coded, mask)
    assert partners["china"] == (mask & coded.has("partner", "china")).sum()


def test_keyword_in_context():
    text = "Korea's policy toward ASEAN has been inconsistent over the decades, says the brief."
    assert agg.keyword_in_context(text, "INCONSISTENT", width=12) == "…has been inconsistent over the…"
    assert agg.keyword_in_context(text, "absent") == ""
