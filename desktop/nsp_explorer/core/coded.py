"""The dataset as the explorer needs it: one row per passage, one flag per code.

Built once per dataset. Filters and aggregations then work on numpy boolean
columns (``has("area", "trade")``), so a filter change is a few vector
operations rather than a pass over the codes table.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from .dataset import Dataset
from .taxonomy import Taxonomy

CODED_DIMENSIONS = ("pillar", "area", "frame", "partner")


@dataclass(frozen=True)
class CodedPassages:
    passages: pd.DataFrame  # passage_id, doc_id, position, section, text, author, year, title, outlet, lowered
    flags: dict[tuple[str, str], np.ndarray]  # (dimension, code) -> bool per passage
    mentioned_years: pd.DataFrame  # passage row number, year mentioned (int)
    facts: pd.DataFrame  # facts with the passage's row number, author and publication year
    taxonomy: Taxonomy
    dataset: Dataset
    authors: list[str]  # in order of first publication, then name
    first_years: dict[str, int]  # each author's first publication year
    years: list[int]  # publication years, ascending
    author_index: np.ndarray  # per passage: its author's position in ``authors``
    year_index: np.ndarray  # per passage: its publication year's position in ``years``
    reading_order: np.ndarray  # row numbers by publication date, document and position
    fact_keys: list[tuple[str, str]]  # every (indicator, unit) cited; facts["key"] indexes it
    _search_cache: dict[str, np.ndarray]

    def __len__(self) -> int:
        return len(self.passages)

    def has(self, dimension: str, code: str) -> np.ndarray:
        flag = self.flags.get((dimension, code))
        return flag if flag is not None else np.zeros(len(self), dtype=bool)

    def has_any(self, dimension: str, codes) -> np.ndarray:
        result = np.zeros(len(self), dtype=bool)
        for code in codes:
            flag = self.flags.get((dimension, code))
            if flag is not None:
                result |= flag
        return result

    def authors_mask(self, authors) -> np.ndarray:
        wanted = [i for i, a in enumerate(self.authors) if a in authors]
        return np.isin(self.author_index, wanted)

    def years_mask(self, years) -> np.ndarray:
        wanted = [i for i, y in enumerate(self.years) if y in years]
        return np.isin(self.year_index, wanted)

    def forget_searches(self) -> None:
        self._search_cache.clear()

    def containing(self, phrase: str) -> np.ndarray:
        """Passages whose text contains the phrase, ignoring case (remembered per phrase)."""
        key = phrase.casefold()
        found = self._search_cache.get(key)
        if found is None:
            if len(self._search_cache) > 256:
                self._search_cache.clear()
            found = self._search_cache[key] = self.passages["lowered"].str.contains(key, regex=False).to_numpy()
        return found


def code_passages(dataset: Dataset, taxonomy: Taxonomy) -> CodedPassages:
    documents = dataset.documents.set_index("doc_id")
    passages = dataset.passages.copy()
    for column in ("author", "year", "title", "outlet", "published"):
        passages[column] = passages["doc_id"].map(documents[column])
    passages["user"] = passages["doc_id"].map(documents["user"]).fillna(False).astype(bool) if "user" in documents else False
    passages["lowered"] = passages["text"].str.casefold()
    passages = passages.reset_index(drop=True)
    row_of = pd.Series(np.arange(len(passages)), index=passages["passage_id"])

    codes = dataset.codes
    rows = codes["passage_id"].map(row_of).to_numpy()
    flags: dict[tuple[str, str], np.ndarray] = {}
    for (dimension, code), group in codes.groupby(["dimension", "code"], sort=False):
        if dimension in CODED_DIMENSIONS:
            flag = np.zeros(len(passages), dtype=bool)
            flag[rows[group.index.to_numpy()]] = True
            flags[(dimension, code)] = flag
    years = codes[codes["dimension"] == "year"]
    mentioned = pd.DataFrame({"row": rows[years.index.to_numpy()], "year": years["code"].astype(int).to_numpy()})

    facts = dataset.facts.copy()
    facts["row"] = facts["passage_id"].map(row_of).to_numpy()
    facts["author"] = passages["author"].to_numpy()[facts["row"].to_numpy()] if len(facts) else []
    facts["published_year"] = passages["year"].to_numpy()[facts["row"].to_numpy()] if len(facts) else []
    first = passages.groupby("author")["year"].min()
    authors = sorted(first.index, key=lambda a: (first[a], a))
    fact_keys = sorted(set(zip(facts["indicator"], facts["unit"])))
    key_of = {key: i for i, key in enumerate(fact_keys)}
    facts["key"] = np.array([key_of[key] for key in zip(facts["indicator"], facts["unit"])], dtype=int)
    facts["author_index"] = facts["author"].map({a: i for i, a in enumerate(authors)}).to_numpy(dtype=int) if len(facts) else np.zeros(0, dtype=int)
    facts["year_number"] = np.array([int(y) if y else -1 for y in facts["year"]], dtype=int)
    years = sorted(int(y) for y in passages["year"].unique())
    author_index = passages["author"].map({a: i for i, a in enumerate(authors)}).to_numpy()
    year_index = passages["year"].map({y: i for i, y in enumerate(years)}).to_numpy()
    order = np.lexsort((passages["position"].to_numpy(), passages["doc_id"].to_numpy(), passages["published"].to_numpy()))
    first_years = {a: int(first[a]) for a in authors}
    return CodedPassages(passages, flags, mentioned, facts, taxonomy, dataset, authors, first_years, years, author_index, year_index, order, fact_keys, {})
