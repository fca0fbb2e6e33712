"""The dataset as the explorer needs it: one row per passage, one flag per code.

Built once per dataset (from the CSVs, or from the binary cache beside them).
Rows are ordered by author, then publication year, so each author's passages,
and each (author, year) group, are one contiguous run: a count per author is
one ``reduceat`` over a boolean column instead of a group-by. Filters and
aggregations are then a handful of vector operations on boolean columns
(``has("area", "trade")``), whatever the size of the corpus.

Texts, evidence and quotes are kept as UTF-8 blocks (``TextColumn``), so a
million passages load without creating a million Python strings.

Frames are coded per sentence and tied to the areas of the same sentence
(``SentenceCodes``); a passage carries the union of its sentences' codes, which
is what the flags, and every passage-level view, hold.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path

import numpy as np
import pandas as pd

from .dataset import SOURCES, UNKNOWN_YEAR, Dataset
from .taxonomy import Taxonomy
from .texts import TextColumn

CODED_DIMENSIONS = ("pillar", "area", "frame", "partner")
FACT_NOTES = ("qualifier", "country", "check", "note")  # what a cited figure carries besides its number (few distinct values each)
_SOURCE_RANK = {"derived": 0, "context": 1, "model": 2, "lexicon": 3, "reviewed": 4}  # what a code set in several sentences is listed as
_DIMENSION_ORDER = {d: i for i, d in enumerate(("pillar", "area", "frame", "partner", "year"))}


@dataclass(frozen=True)
class PassageCodes:
    """Each passage's codes, as the reading pane lists and highlights them: one entry per codes.csv row."""

    offsets: np.ndarray  # codes of row i are entries offsets[i]:offsets[i + 1]
    keys: np.ndarray  # index into ``names``
    sources: np.ndarray  # index into SOURCES
    evidence: TextColumn
    names: list[tuple[str, str]]  # (dimension, code)
    sentences: np.ndarray  # int16 per entry: the sentence that sets it (1-based), 0 = the passage as a whole

    def __len__(self) -> int:
        return len(self.keys)

    def in_sentences(self, row: int) -> list[tuple[int, str, str, str, str]]:
        """(sentence, dimension, code, source, evidence) of every entry of the passage (sentence 0: passage-wide)."""
        start, end = int(self.offsets[row]), int(self.offsets[row + 1])
        return [
            (int(n), *self.names[k], SOURCES[s], self.evidence[i])
            for i, k, s, n in zip(range(start, end), self.keys[start:end], self.sources[start:end], self.sentences[start:end])
        ]

    def of(self, row: int) -> list[tuple[str, str, str, str]]:
        """(dimension, code, source, evidence) of every code on the passage: the union of its sentences.

        A code set in several sentences is listed once, with all its evidence
        words; it is ``reviewed`` if a reader added it anywhere, else ``lexicon``
        if the codebook found it anywhere, else ``model`` (a frame the sentence model
        read), else ``context`` (an area from the sentences around), else ``derived``.
        """
        merged: dict[tuple[str, str], list] = {}
        for _, dimension, code, source, evidence in self.in_sentences(row):
            entry = merged.setdefault((dimension, code), [source, []])
            if _SOURCE_RANK[source] > _SOURCE_RANK[entry[0]]:
                entry[0] = source
            entry[1].extend(w for w in evidence.split("; ") if w and w not in entry[1])
        ordered = sorted(enumerate(merged.items()), key=lambda item: (_DIMENSION_ORDER.get(item[1][0][0], 9), item[0]))
        return [(dimension, code, source, "; ".join(words)) for _, ((dimension, code), (source, words)) in ordered]


def _bit_type(n: int):
    """The smallest unsigned integer type with a bit for each of ``n`` codes."""
    return next(t for t, bits in ((np.uint8, 8), (np.uint16, 16), (np.uint32, 32), (np.uint64, 64)) if n <= bits)


@dataclass(frozen=True)
class SentenceCodes:
    """The sentences that speak of at least one area, with their codes as bit sets (bit i = i-th code in taxonomy order).

    Ordered by passage row, then sentence number. Sentences that share an
    (author, publication year) group of passages and a combination of areas,
    frames, pillars and partners are counted once in ``table`` (groups ×
    combinations): a filter on authors, years, pillars, areas or partners then
    picks rows and columns of that small table, whatever the number of
    sentences. Only a search, which picks passages one by one, counts the
    sentences again (``key`` numbers each one's cell of the table).
    """

    row: np.ndarray  # int32: the passage
    number: np.ndarray  # int16: 1-based sentence number in the passage
    area: np.ndarray
    frame: np.ndarray
    pillar: np.ndarray
    partner: np.ndarray
    key: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int32))  # group * combinations + combination
    combinations: np.ndarray = field(default_factory=lambda: np.zeros((0, 4), dtype=np.uint64))  # area, frame, pillar, partner bits
    table: np.ndarray = field(default_factory=lambda: np.zeros((0, 0), dtype=np.int64))  # sentences per group and combination

    def __len__(self) -> int:
        return len(self.row)

    def is_indexed(self, groups: int) -> bool:
        return len(self.key) == len(self.row) and self.table.shape == (groups, len(self.combinations))

    def indexed(self, group_of_row: np.ndarray, groups: int) -> SentenceCodes:
        """The same sentences with their combinations, their group's cell and the table of counts."""
        columns = [self.area, self.frame, self.pillar, self.partner]
        widths = [c.dtype.itemsize * 8 for c in columns]
        if sum(widths) <= 64:  # one number per sentence: a sort of numbers, not of rows
            shifts = np.cumsum([0, *widths[:-1]]).astype(np.uint64)
            packed = np.zeros(len(self.row), dtype=np.uint64)
            for column, shift in zip(columns, shifts):
                packed |= column.astype(np.uint64) << shift
            uniques, inverse = np.unique(packed, return_inverse=True)
            masks = [np.uint64((1 << w) - 1) if w < 64 else np.uint64(-1) for w in widths]
            combinations = np.stack([(uniques >> shift) & mask for shift, mask in zip(shifts, masks)], axis=1).reshape(-1, 4)
        else:
            combinations, inverse = np.unique(np.stack([c.astype(np.uint64) for c in columns], axis=1), axis=0, return_inverse=True)
        k = max(1, len(combinations))
        key = (group_of_row[self.row].astype(np.int64) * k + inverse.reshape(-1)).astype(np.int32)
        table = np.bincount(key, minlength=groups * k).reshape(groups, k)[:, : len(combinations)].astype(np.int64)
        return replace(self, key=key, combinations=combinations.astype(np.uint64), table=table)


def sentence_codes(code_rows: np.ndarray, numbers: np.ndarray, keys: np.ndarray, names: list[tuple[str, str]], taxonomy: Taxonomy) -> SentenceCodes:
    """Gather the codes set per sentence (rows of codes.csv with a sentence number) into one bit set per dimension."""
    bit_of = np.full(len(names) + 1, -1, dtype=np.int64)
    dimension_of = np.full(len(names) + 1, -1, dtype=np.int64)
    for i, (dimension, code) in enumerate(names):
        if dimension in CODED_DIMENSIONS and code in taxonomy.ids(dimension):
            bit_of[i] = taxonomy.ids(dimension).index(code)
            dimension_of[i] = CODED_DIMENSIONS.index(dimension)
    keep = (numbers > 0) & (dimension_of[keys] >= 0)
    rows, sentence, key = code_rows[keep], numbers[keep].astype(np.int64), keys[keep]
    unit = rows * 65536 + sentence
    order = np.argsort(unit, kind="stable")
    unit, key = unit[order], key[order]
    starts = np.flatnonzero(np.r_[True, unit[1:] != unit[:-1]]) if len(unit) else np.zeros(0, dtype=np.int64)
    bits = {}
    for d, dimension in enumerate(CODED_DIMENSIONS):
        values = np.where(dimension_of[key] == d, np.left_shift(np.uint64(1), np.maximum(bit_of[key], 0).astype(np.uint64)), np.uint64(0))
        merged = np.bitwise_or.reduceat(values, starts) if len(starts) else np.zeros(0, dtype=np.uint64)
        bits[dimension] = merged.astype(_bit_type(len(taxonomy.ids(dimension))))
    spoken = bits["area"] != 0
    units = unit[starts][spoken]
    return SentenceCodes(
        (units // 65536).astype(np.int32), (units % 65536).astype(np.int16),
        bits["area"][spoken], bits["frame"][spoken], bits["pillar"][spoken], bits["partner"][spoken],
    )


@dataclass(frozen=True)
class CodedPassages:
    passages: pd.DataFrame  # per row: doc_id, position, section, author, year, title, outlet, published, user (categorical where repeated)
    ids: TextColumn  # passage_id per row
    texts: TextColumn  # passage text per row
    folded: TextColumn  # casefolded text per row, for searching
    codes: PassageCodes
    sentences: SentenceCodes  # the sentences that speak of an area, with their codes
    flags: dict[tuple[str, str], np.ndarray]  # (dimension, code) -> bool per passage (the union of its sentences)
    mentioned_years: pd.DataFrame  # row, year mentioned (int)
    facts: pd.DataFrame  # row, indicator, unit, value, year_number (-1: none), partner, qualifier, country, check, note, author, published_year, key, author_index
    quotes: TextColumn  # per fact, the words that state it
    printed: TextColumn  # per fact, the figure as the text prints it (empty where the dataset does not record it)
    documents: pd.DataFrame  # the documents table (with ``user``, and ``coding``: reviewed | machine | empty = not recorded)
    taxonomy: Taxonomy
    version: str
    folder: Path
    authors: list[str]  # in order of first publication, then name
    first_years: dict[str, int]  # each author's first publication year
    years: list[int]  # publication years, ascending
    author_index: np.ndarray  # per passage: its author's position in ``authors``
    year_index: np.ndarray  # per passage: its publication year's position in ``years``
    author_starts: np.ndarray  # first row of each author's run
    group_starts: np.ndarray  # first row of each (author, year) run
    group_year: np.ndarray  # the year index of each (author, year) run
    reading_order: np.ndarray  # row numbers by publication date, document and position
    fact_keys: list[tuple[str, str]]  # every (indicator, unit) cited; facts["key"] indexes it
    cache_note: str = ""  # why a binary cache beside the CSVs was not used (stale, damaged, not made here), if one was there
    library_notes: tuple[str, ...] = ()  # what went wrong opening the user's library (shown in the window, never fatal)
    # the user's review decisions that apply, by passage: (sentence, 0 for the whole passage; dimension, code, action, reason)
    your_decisions: dict[str, tuple[tuple[int, str, str, str, str], ...]] = field(default_factory=dict)
    _search_cache: dict[str, np.ndarray] = field(default_factory=dict)
    _mask_cache: dict[tuple, np.ndarray] = field(default_factory=dict)
    _lookup: dict[str, dict] = field(default_factory=dict)  # "spans": doc_id -> (first row, end); "ids": passage_id -> row

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
        wanted = np.array([a in authors for a in self.authors], dtype=bool)
        return wanted[self.author_index]

    def years_mask(self, years) -> np.ndarray:
        """Passages of the chosen publication years (a passage whose date is not known is in none)."""
        wanted = np.array([y in years for y in self.years] + [False], dtype=bool)
        return wanted[self.year_index]

    def per_author(self, chosen: np.ndarray) -> np.ndarray:
        """How many chosen passages each author has (one pass over the author runs)."""
        if not len(self):
            return np.zeros(len(self.authors), dtype=np.int64)
        return np.add.reduceat(chosen.view(np.uint8), self.author_starts, dtype=np.int64)

    def per_year(self, chosen: np.ndarray) -> np.ndarray:
        """How many chosen passages each publication year has (passages whose date is not known are in no year)."""
        if not len(self):
            return np.zeros(len(self.years), dtype=np.int64)
        runs = np.add.reduceat(chosen.view(np.uint8), self.group_starts, dtype=np.int64)
        return np.bincount(self.group_year, weights=runs, minlength=len(self.years) + 1)[: len(self.years)].astype(np.int64)

    def forget_searches(self) -> None:
        self._search_cache.clear()
        self._mask_cache.clear()

    def containing(self, phrase: str) -> np.ndarray:
        """Passages whose text contains the phrase, ignoring case (remembered per phrase)."""
        key = phrase.casefold()
        found = self._search_cache.get(key)
        if found is None:
            if len(self._search_cache) > 64:
                self._search_cache.clear()
            found = self._search_cache[key] = self.folded.rows_containing(key)
        return found

    def remembered_mask(self, key: tuple, compute) -> np.ndarray:
        """A mask computed once per state: every view asks for the same one after a change."""
        mask = self._mask_cache.get(key)
        if mask is None:
            if len(self._mask_cache) > 32:
                self._mask_cache.clear()
            mask = self._mask_cache[key] = compute()
        return mask

    def machine_coded_authors(self, mask: np.ndarray | None = None) -> list[str]:
        """The authors (dataset order) with passages — those in ``mask``, or any — from a document no reader checked
        (``coding`` is ``machine``): the Framing view marks them, and a figure the authors it shows."""
        machine = self._lookup.get("machine")
        if machine is None:  # each passage: from a machine-coded document? (by the categorical codes: no string per passage)
            documents = self.documents
            doc = self.passages["doc_id"]
            unchecked = documents.loc[documents["coding"] == "machine", "doc_id"].astype(str)
            machine = self._lookup["machine"] = np.asarray(doc.cat.categories.isin(unchecked))[doc.cat.codes.to_numpy()]
        shown = machine if mask is None else machine & mask
        if not shown.any():
            return []
        author = self.passages["author"]
        found = set(author.cat.categories[np.unique(author.cat.codes.to_numpy()[shown])])
        return [a for a in self.authors if a in found]

    def text(self, row: int) -> str:
        return self.texts[row]

    def passage_id(self, row: int) -> str:
        return self.ids[row]

    def decisions_on(self, passage_id: str) -> tuple[tuple[int, str, str, str, str], ...]:
        """The user's decisions on a passage: (sentence, 0 for the whole passage; dimension, code, action, reason)."""
        return self.your_decisions.get(passage_id, ())

    def row_of(self, passage_id: str) -> int | None:
        """The row of a passage ID, or None (IDs are ``doc:position``; others are looked up once)."""
        doc_id, _, position = passage_id.rpartition(":")
        span = self._document_spans().get(doc_id)
        if span is not None and position.isdigit():
            row = span[0] + int(position) - 1
            if span[0] <= row < span[1] and self.ids[row] == passage_id:
                return row
        if "ids" not in self._lookup:
            self._lookup["ids"] = {self.ids[i]: i for i in range(len(self))}
        return self._lookup["ids"].get(passage_id)

    def document_rows(self, doc_id: str) -> tuple[int, int]:
        """First row and end row of a document's passages (they are consecutive, by position)."""
        return self._document_spans()[doc_id]

    def _document_spans(self) -> dict[str, tuple[int, int]]:
        spans = self._lookup.get("spans")
        if spans is None:
            doc = self.passages["doc_id"]
            codes = doc.cat.codes.to_numpy()
            edges = np.flatnonzero(np.diff(codes)) + 1
            starts = np.concatenate(([0], edges)) if len(codes) else np.zeros(0, dtype=int)
            ends = np.concatenate((edges, [len(codes)])) if len(codes) else np.zeros(0, dtype=int)
            spans = {doc.cat.categories[codes[s]]: (int(s), int(e)) for s, e in zip(starts, ends)}
            self._lookup["spans"] = spans
        return spans

    def codes_of(self, row: int) -> list[tuple[str, str, str, str]]:
        return self.codes.of(row)

    def rows(self, rows: np.ndarray) -> pd.DataFrame:
        """These passages as a table with their ID and text (for lists and exports of a selection)."""
        table = self.passages.iloc[rows].reset_index(drop=True)
        table.insert(0, "passage_id", self.ids.take(rows))
        table["text"] = self.texts.take(rows)
        for column in ("doc_id", "section", "author", "title", "outlet", "published"):
            table[column] = table[column].astype(object)
        table.index = rows
        return table

    def fact_quote(self, i: int) -> str:
        return self.quotes[i]

    def fact_printed(self, i: int) -> str:
        return self.printed[i]


def _rank(column: pd.Series) -> np.ndarray:
    """Per row, the rank of its value among the column's categories (sorts like the strings, at integer speed)."""
    categories = np.asarray(column.cat.categories, dtype=str)
    rank = np.empty(len(categories), dtype=np.int64)
    rank[np.argsort(categories, kind="stable")] = np.arange(len(categories))
    return rank[column.cat.codes.to_numpy()]


def _pair_keys(first: pd.Series, second: pd.Series) -> tuple[list[tuple[str, str]], np.ndarray]:
    """Every (first, second) pair present, sorted, and each row's number in that list (hashing, not a Python loop per row)."""
    firsts, first_names = pd.factorize(first)
    seconds, second_names = pd.factorize(second)
    width = max(1, len(second_names))
    present, inverse = np.unique(firsts.astype(np.int64) * width + seconds, return_inverse=True)
    pairs = [(str(first_names[p // width]), str(second_names[p % width])) for p in present]
    order = sorted(range(len(pairs)), key=pairs.__getitem__)
    rank = np.empty(len(order), dtype=np.int32)
    rank[order] = np.arange(len(order))
    return [pairs[i] for i in order], rank[inverse.reshape(-1)] if len(pairs) else np.zeros(0, dtype=np.int32)


def _fact_keys(facts: pd.DataFrame) -> tuple[list[tuple[str, str]], np.ndarray]:
    """Every (indicator, unit) cited, sorted, and each fact's number in that list."""
    return _pair_keys(facts["indicator"], facts["unit"])


def _code_keys(codes: pd.DataFrame) -> tuple[list[tuple[str, str]], np.ndarray]:
    """Every (dimension, code) present, sorted, and each row's number in that list."""
    return _pair_keys(codes["dimension"], codes["code"])


def code_passages(dataset: Dataset, taxonomy: Taxonomy) -> CodedPassages:
    """Index a loaded dataset for the explorer."""
    documents = dataset.documents if "user" in dataset.documents else dataset.documents.assign(user=False)
    by_doc = documents.set_index("doc_id")
    passages = dataset.passages.reset_index(drop=True)
    meta = pd.DataFrame({"doc_id": passages["doc_id"], "position": passages["position"].astype(np.int32), "section": passages["section"]})
    for column in ("author", "year", "title", "outlet", "published", "user"):
        meta[column] = meta["doc_id"].map(by_doc[column]).to_numpy()
    meta["user"] = meta["user"].fillna(False).astype(bool)
    known_year = meta["year"].where(meta["year"] != UNKNOWN_YEAR, 9999)  # an author known only undated comes last
    first = known_year.groupby(meta["author"]).min() if len(meta) else pd.Series(dtype=int)
    authors = sorted(first.index, key=lambda a: (first[a], a))
    author_rank = meta["author"].map({a: i for i, a in enumerate(authors)}).to_numpy(dtype=np.int64)
    order = np.lexsort((meta["position"].to_numpy(), meta["doc_id"].to_numpy(), meta["published"].astype(str).to_numpy(), meta["year"].to_numpy(), author_rank))
    meta = meta.iloc[order].reset_index(drop=True)
    old_to_new = np.empty(len(order), dtype=np.int64)
    old_to_new[order] = np.arange(len(order))
    row_of = pd.Series(old_to_new, index=passages["passage_id"].to_numpy())

    codes = dataset.codes
    code_rows = codes["passage_id"].map(row_of).to_numpy(dtype=np.int64)
    by_row = np.argsort(code_rows, kind="stable")
    names, keys = _code_keys(codes)
    name_index = {name: i for i, name in enumerate(names)}
    sources = codes["source"].map({s: i for i, s in enumerate(SOURCES)}).to_numpy(dtype=np.int8)
    counts = np.bincount(code_rows, minlength=len(meta))
    offsets = np.zeros(len(meta) + 1, dtype=np.int64)
    np.cumsum(counts, out=offsets[1:])
    written = codes["sentence"] if "sentence" in codes else pd.Series("", index=codes.index)
    numbers = pd.to_numeric(written.where(written != "", "0")).to_numpy(dtype=np.int16)
    passage_codes = PassageCodes(offsets, keys[by_row], sources[by_row], TextColumn.of(codes["evidence"].to_numpy()[by_row]), names, numbers[by_row])
    sentences = sentence_codes(code_rows, numbers, keys, names, taxonomy)

    is_year = (codes["dimension"] == "year").to_numpy()
    mentioned = pd.DataFrame({"row": code_rows[is_year], "year": codes.loc[is_year, "code"].astype(int).to_numpy()})
    mentioned = mentioned.drop_duplicates(ignore_index=True)  # a year mentioned in several sentences counts once per passage
    texts = TextColumn.of(passages["text"].to_numpy()[order])
    folded = TextColumn.of(t.casefold() for t in passages["text"].to_numpy()[order])
    ids = TextColumn.of(passages["passage_id"].to_numpy()[order])

    fact_rows = dataset.facts["passage_id"].map(row_of).to_numpy(dtype=np.int64)
    facts = pd.DataFrame({
        "row": fact_rows,
        "indicator": dataset.facts["indicator"].to_numpy(),
        "unit": dataset.facts["unit"].to_numpy(),
        "value": dataset.facts["value"].to_numpy(dtype=float),
        "year_number": np.array([int(y) if y else -1 for y in dataset.facts["year"]], dtype=np.int32),
        "partner": dataset.facts["partner"].to_numpy(),
    })
    for column in FACT_NOTES:
        facts[column] = pd.Categorical(dataset.facts[column].to_numpy() if column in dataset.facts else [""] * len(facts))
    quotes = TextColumn.of(dataset.facts["quote"].to_numpy())
    printed = TextColumn.of(dataset.facts["printed"].to_numpy() if "printed" in dataset.facts else [""] * len(facts))
    flags = {}
    for name, i in name_index.items():
        if name[0] in CODED_DIMENSIONS:
            flags[name] = np.zeros(len(meta), dtype=bool)
            flags[name][code_rows[keys == i]] = True
    return assemble(meta, ids, texts, folded, passage_codes, sentences, flags, mentioned, facts, quotes, printed, documents, taxonomy, dataset.version, dataset.folder)


def assemble(meta, ids, texts, folded, passage_codes, sentences, flags, mentioned, facts, quotes, printed, documents, taxonomy, version, folder) -> CodedPassages:
    """The derived indexes, from the stored columns (shared by the CSV and cache paths)."""
    n = len(meta)
    for column in ("doc_id", "section", "author", "title", "outlet", "published"):
        if not isinstance(meta[column].dtype, pd.CategoricalDtype):
            meta[column] = pd.Categorical(meta[column].astype(str))
    meta["year"] = meta["year"].astype(np.int32)
    author_codes = meta["author"].cat.codes.to_numpy()
    firsts = np.flatnonzero(np.diff(author_codes)) + 1
    author_starts = np.concatenate(([0], firsts)).astype(np.int64) if n else np.zeros(0, dtype=np.int64)
    authors = [str(meta["author"].cat.categories[author_codes[s]]) for s in author_starts]
    years = sorted(int(y) for y in np.unique(meta["year"].to_numpy()) if y != UNKNOWN_YEAR)
    # a passage whose date is not known sits in an extra slot after the years, which no year chart or filter shows
    year_index = np.where(meta["year"].to_numpy() == UNKNOWN_YEAR, len(years), np.searchsorted(np.array(years, dtype=np.int32), meta["year"].to_numpy())).astype(np.int32)
    author_index = np.repeat(np.arange(len(authors), dtype=np.int32), np.diff(np.append(author_starts, n)))
    group_edges = np.flatnonzero((np.diff(author_index) != 0) | (np.diff(year_index) != 0)) + 1
    group_starts = np.concatenate(([0], group_edges)).astype(np.int64) if n else np.zeros(0, dtype=np.int64)
    first_years = {}  # each author's first known publication year (none while all their dates are unknown)
    all_years = meta["year"].to_numpy()
    for author, start, end in zip(authors, author_starts, np.append(author_starts[1:], n)):
        known = all_years[start:end][all_years[start:end] != UNKNOWN_YEAR]
        if len(known):
            first_years[author] = int(known.min())
    reading_order = np.lexsort((meta["position"].to_numpy(), _rank(meta["doc_id"]), _rank(meta["published"])))
    fact_keys, fact_key = _fact_keys(facts)
    facts = facts.assign(
        key=fact_key,
        author_index=author_index[facts["row"].to_numpy()],
        author=np.array(authors, dtype=object)[author_index[facts["row"].to_numpy()]] if len(facts) else [],
        published_year=meta["year"].to_numpy()[facts["row"].to_numpy()],
    )
    if not sentences.is_indexed(len(group_starts)):
        group_of_row = np.repeat(np.arange(len(group_starts), dtype=np.int64), np.diff(np.append(group_starts, n)))
        sentences = sentences.indexed(group_of_row, len(group_starts))
    return CodedPassages(
        meta, ids, texts, folded, passage_codes, sentences, flags, mentioned, facts, quotes, printed, documents, taxonomy, version, Path(folder),
        authors, first_years, years, author_index, year_index, author_starts, group_starts, year_index[group_starts], reading_order, fact_keys,
    )
