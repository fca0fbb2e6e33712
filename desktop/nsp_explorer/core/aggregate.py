"""What every chart and count shows, as pure functions of the passages and a mask.

The Qt views draw exactly these numbers, so tests can check a chart against
the function that feeds it without a display.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import pandas as pd

from .coded import CodedPassages
from .filters import ExplorerState


@lru_cache(maxsize=64)
def _index(labels: tuple) -> pd.Index:
    """Row or column labels, made once: pandas infers the type of a list of labels at every call."""
    return pd.Index(labels)


FEW_PASSAGES = 5  # a share of an author's passages resting on fewer is starred: one passage makes a 100 %
FEW_PASSAGES_NOTE = f"* fewer than {FEW_PASSAGES} of the author's passages: a share of few"


def passages_per_author(coded: CodedPassages, mask: np.ndarray) -> pd.Series:
    return pd.Series(coded.per_author(mask), index=_index(tuple(coded.authors)))


def _per_author(coded: CodedPassages, mask: np.ndarray, dimension: str, codes, measure: str) -> pd.DataFrame:
    n = len(coded.authors)
    counts = np.zeros((n, len(codes)), dtype=np.int64)
    for j, code in enumerate(codes):
        counts[:, j] = coded.per_author(mask & coded.has(dimension, code))
    index, columns = _index(tuple(coded.authors)), _index(tuple(codes))
    if measure == "count":
        return pd.DataFrame(counts, index=index, columns=columns)
    totals = coded.per_author(mask).astype(float)
    totals[totals == 0] = np.nan
    return pd.DataFrame(counts / totals[:, None], index=index, columns=columns)


def frame_matrix(coded: CodedPassages, mask: np.ndarray, measure: str = "share") -> pd.DataFrame:
    """Authors × cooperation areas: the share (or count) of each author's passages coded with the area.

    An author with no passages under the mask has NaN shares (nothing to divide).
    """
    return _per_author(coded, mask, "area", coded.taxonomy.ids("area"), measure)


def pillar_profile(coded: CodedPassages, mask: np.ndarray, measure: str = "share") -> pd.DataFrame:
    """Authors × pillars: the share (or count) of each author's passages coded with the pillar."""
    return _per_author(coded, mask, "pillar", coded.taxonomy.ids("pillar"), measure)


def frame_mix(coded: CodedPassages, mask: np.ndarray, measure: str = "share") -> pd.DataFrame:
    """Authors × frames: how each author frames what the selection holds (share or count)."""
    return _per_author(coded, mask, "frame", coded.taxonomy.ids("frame"), measure)


def publication_timeline(coded: CodedPassages, mask: np.ndarray) -> pd.DataFrame:
    """Publication years × pillars: passages per year coded with each pillar, and the total."""
    table = {p: coded.per_year(mask & coded.has("pillar", p)) for p in coded.taxonomy.ids("pillar")}
    table["passages"] = coded.per_year(mask)
    return pd.DataFrame(table, index=_index(tuple(coded.years)))


def years_mentioned(coded: CodedPassages, mask: np.ndarray) -> pd.Series:
    """Years the selected passages talk about: how many passages mention each."""
    rows = coded.mentioned_years
    if not len(rows):
        return pd.Series(dtype=np.int64, name="count")
    years = rows["year"].to_numpy()[mask[rows["row"].to_numpy()]]
    found, counts = np.unique(years, return_counts=True)
    return pd.Series(counts, index=pd.Index(found, name="year"), name="count")


def partner_mentions(coded: CodedPassages, mask: np.ndarray) -> pd.Series:
    """Partners in taxonomy order: how many selected passages speak of each."""
    partners = tuple(coded.taxonomy.ids("partner"))
    return pd.Series([int(np.count_nonzero(mask & coded.has("partner", p))) for p in partners], index=_index(partners), dtype=np.int64)


def selected_rows(coded: CodedPassages, mask: np.ndarray) -> np.ndarray:
    """Row numbers of the selected passages in reading order: by publication date, document, position."""
    order = coded.reading_order
    return order[mask[order]]


def passages_for(coded: CodedPassages, mask: np.ndarray) -> pd.DataFrame:
    """The selected passages in reading order, with their ID, text and document details."""
    return coded.rows(selected_rows(coded, mask))


@dataclass(frozen=True)
class CitedFigures:
    """What the cited-figures chart shows: the indicators to choose from and the figures of one."""

    choices: list[tuple[tuple[str, str], int, int]]  # ((indicator, unit), figures, authors citing it), most-cited first
    key: tuple[str, str] | None  # the indicator shown
    shown: np.ndarray  # fact numbers (rows of coded.facts) of that indicator with a year
    undated: int  # figures of that indicator that give no year


def cited_figures(coded: CodedPassages, mask: np.ndarray, key: tuple[str, str] | None = None) -> CitedFigures:
    """The figures the selected passages cite: ``key`` if they cite it, else what most authors cite.

    Indicators cited by several authors come first: that is where authors can be compared.
    """
    facts = coded.facts
    selected = mask[facts["row"].to_numpy()] if len(facts) else np.zeros(0, dtype=bool)
    fact_key, fact_author = facts["key"].to_numpy(), facts["author_index"].to_numpy()
    n_keys, n_authors = len(coded.fact_keys), len(coded.authors)
    figures = np.bincount(fact_key[selected], minlength=n_keys)
    pairs = np.unique(fact_key[selected] * n_authors + fact_author[selected])
    authors = np.bincount(pairs // n_authors, minlength=n_keys)
    order = sorted((i for i in range(n_keys) if figures[i]), key=lambda i: (-authors[i], -figures[i], coded.fact_keys[i]))
    choices = [(coded.fact_keys[i], int(figures[i]), int(authors[i])) for i in order]
    if not choices:
        return CitedFigures([], None, np.zeros(0, dtype=int), 0)
    if key not in [c[0] for c in choices]:
        key = choices[0][0]
    in_key = selected & (fact_key == coded.fact_keys.index(key))
    shown = np.flatnonzero(in_key & (facts["year_number"].to_numpy() >= 0))
    return CitedFigures(choices, key, shown, int(in_key.sum()) - len(shown))


def facet_counts(coded: CodedPassages, state: ExplorerState) -> dict[str, dict]:
    """For every option, how many passages it would give under all the other current choices."""
    ids = coded.taxonomy.ids

    def counts(base: np.ndarray, dimension: str) -> dict[str, int]:
        return {c: int(np.count_nonzero(base & coded.has(dimension, c))) for c in ids(dimension)}

    topic = state.mask(coded, skip="topic")
    return {
        "pillars": counts(topic, "pillar"),
        "areas": counts(topic, "area"),
        "frames": counts(state.mask(coded, skip="frames"), "frame"),
        "partners": counts(state.mask(coded, skip="partners"), "partner"),
        "authors": dict(zip(coded.authors, coded.per_author(state.mask(coded, skip="authors")).tolist())),
        "years": dict(zip(coded.years, coded.per_year(state.mask(coded, skip="years")).tolist())),
    }


def keyword_in_context(text: str, phrase: str, width: int = 45, before: int | None = None) -> str:
    """The first occurrence of a phrase with some words either side ("… before PHRASE after …").

    ``width`` characters follow the phrase and ``before`` (default: as many) lead to it:
    a list column cut at its right edge shows the phrase when little leads to it.
    """
    phrase = phrase.strip()
    if not phrase:
        return text[: 2 * width].rstrip() + ("…" if len(text) > 2 * width else "")
    match = re.search(re.escape(phrase), text, re.IGNORECASE)
    if not match:
        return ""
    start, end = max(0, match.start() - (width if before is None else before)), min(len(text), match.end() + width)
    if start:  # begin and end on whole words
        start = text.find(" ", start, match.start()) + 1 or start
    if end < len(text):
        cut = text.rfind(" ", match.end(), end)
        end = cut if cut > 0 else end
    return ("…" if start else "") + text[start:end].strip() + ("…" if end < len(text) else "")
