"""How each author frames each cooperation area: counts of sentences, not passages.

"How author X frames area Y" = among X's sentences coded with area Y, how many
carry each frame (a sentence can carry several frames, or none); the number of
such sentences is the denominator. Filters choose which sentences count:
authors, publication years and the search words through the sentence's passage;
pillars, areas and partners through the sentence's own codes (a sentence passes
the topic filter if it is coded with a chosen pillar or a chosen area, and the
partner filter if it names a chosen partner). The frames filter chooses which
frames are shown, never which sentences count.
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np
import pandas as pd

from .coded import CodedPassages
from .filters import ExplorerState, FilterSpec

FRAME_COLUMNS = ("achievement", "opportunity", "challenge", "recommendation")
MIX_COLUMNS = ("sentences", *FRAME_COLUMNS, "unframed")  # framing_mix's columns
FEW_SENTENCES = 5  # a cell resting on fewer sentences is flagged: its mix is anecdote, not pattern
FEW_TINT = 0.5  # such a cell's colours, mixed with as much white: paler, their hues still told apart on a projector


@lru_cache(maxsize=16)
def _cells(authors: tuple[str, ...], areas: tuple[str, ...]) -> pd.MultiIndex:
    return pd.MultiIndex.from_product([authors, areas], names=["author", "area"])


def _bits(codes, order: tuple[str, ...]) -> int:
    return sum(1 << order.index(c) for c in codes if c in order)


def _specs(spec: FilterSpec | ExplorerState) -> tuple[list[FilterSpec], str]:
    if isinstance(spec, ExplorerState):
        return [spec.filters, spec.selection], spec.search.strip()
    return [spec], ""


def chosen_sentences(coded: CodedPassages, spec: FilterSpec | ExplorerState) -> np.ndarray:
    """Which of ``coded.sentences`` count under a filter spec (or a whole explorer state: filters, selection and search)."""
    sentences, ids = coded.sentences, coded.taxonomy.ids
    specs, phrase = _specs(spec)
    passages = np.ones(len(coded), dtype=bool)
    for each in specs:
        if each.authors:
            passages &= coded.authors_mask(each.authors)
        if each.years:
            passages &= coded.years_mask(each.years)
    if phrase:
        passages &= coded.containing(phrase)
    chosen = passages[sentences.row] if not passages.all() else np.ones(len(sentences), dtype=bool)
    for each in specs:
        if each.pillars or each.areas:
            pillars = sentences.pillar.dtype.type(_bits(each.pillars, ids("pillar")))
            areas = sentences.area.dtype.type(_bits(each.areas, ids("area")))
            chosen &= ((sentences.pillar & pillars) != 0) | ((sentences.area & areas) != 0)
        if each.partners:
            partners = sentences.partner.dtype.type(_bits(each.partners, ids("partner")))
            chosen &= (sentences.partner & partners) != 0
    return chosen


def shown_frames(spec: FilterSpec | ExplorerState) -> list[str]:
    """The frames a spec shows: those every frames filter allows (an empty filter allows all)."""
    specs, _ = _specs(spec)
    return [f for f in FRAME_COLUMNS if all(not s.frames or f in s.frames for s in specs)]


def unframed_label(spec: FilterSpec | ExplorerState | None) -> str:
    """What a cell whose sentences carry no frame shown means: no frame at all, or none of the frames the filter keeps."""
    return "no frame" if spec is None or len(shown_frames(spec)) == len(FRAME_COLUMNS) else "none of the frames chosen"


def _bits_matrix(values: np.ndarray, n: int) -> np.ndarray:
    """combinations × codes, 1.0 where the combination's bit set holds the code."""
    return np.array([(values >> np.uint64(i)) & np.uint64(1) for i in range(n)], dtype=np.float64).T.reshape(len(values), n)


def framing_mix(coded: CodedPassages, spec: FilterSpec | ExplorerState) -> pd.DataFrame:
    """Authors × areas (every pair, in author and taxonomy order): the sentences on the area and how many carry each frame.

    Indexed by (author, area); integer columns ``sentences, achievement,
    opportunity, challenge, recommendation, unframed``. A frame the frames
    filter leaves out counts 0; the sentences are counted all the same, and
    ``unframed`` counts those that carry none of the frames shown.
    """
    sentences, ids = coded.sentences, coded.taxonomy.ids
    authors, areas = tuple(coded.authors), ids("area")
    specs, phrase = _specs(spec)
    combinations = sentences.combinations
    area_bits, frame_bits, pillar_bits, partner_bits = (combinations[:, i] for i in range(4))
    if phrase:  # a search picks passages one by one: count the sentences of those passages again
        found = coded.containing(phrase)[sentences.row]
        counts = np.bincount(sentences.key[found], minlength=sentences.table.size).reshape(sentences.table.shape)
    else:
        counts = sentences.table
    groups = np.ones(len(counts), dtype=bool)
    group_author, group_year = coded.author_index[coded.group_starts], coded.group_year
    columns = np.ones(len(combinations), dtype=bool)
    for each in specs:
        if each.authors:
            groups &= np.array([a in each.authors for a in coded.authors], dtype=bool)[group_author]
        if each.years:
            groups &= np.array([y in each.years for y in coded.years] + [False], dtype=bool)[group_year]  # undated: in no year
        if each.pillars or each.areas:
            pillars, chosen_areas = np.uint64(_bits(each.pillars, ids("pillar"))), np.uint64(_bits(each.areas, areas))
            columns &= ((pillar_bits & pillars) != 0) | ((area_bits & chosen_areas) != 0)
        if each.partners:
            columns &= (partner_bits & np.uint64(_bits(each.partners, ids("partner")))) != 0
    chosen = counts * groups[:, None] * columns[None, :]
    author_starts = np.searchsorted(coded.group_starts, coded.author_starts)
    per_combination = np.add.reduceat(chosen, author_starts, axis=0).astype(np.float64) if len(chosen) else np.zeros((len(authors), 0))
    on_area = _bits_matrix(area_bits, len(areas))
    table = {"sentences": per_combination @ on_area} | {frame: np.zeros((len(authors), len(areas))) for frame in FRAME_COLUMNS}
    shown = shown_frames(spec)
    for j, frame in enumerate(ids("frame")):
        if frame in shown:
            table[frame] = per_combination @ (on_area * ((frame_bits >> np.uint64(j)) & np.uint64(1)).astype(np.float64)[:, None])
    none_shown = (frame_bits & np.uint64(_bits(shown, ids("frame")))) == 0
    table["unframed"] = per_combination @ (on_area * none_shown.astype(np.float64)[:, None])
    return pd.DataFrame({c: np.rint(table[c]).astype(np.int64).reshape(-1) for c in MIX_COLUMNS}, index=_cells(authors, areas))


def framing_sentences(coded: CodedPassages, state: FilterSpec | ExplorerState, author: str, area: str) -> list[tuple[int, int]]:
    """(passage row, sentence number) of an author's sentences on an area under a state, in reading order."""
    sentences = coded.sentences
    if author not in coded.authors or area not in coded.taxonomy.ids("area"):
        return []
    bit = sentences.area.dtype.type(1 << coded.taxonomy.ids("area").index(area))
    chosen = chosen_sentences(coded, state) & ((sentences.area & bit) != 0)
    chosen &= coded.author_index[sentences.row] == coded.authors.index(author)
    picked = np.flatnonzero(chosen)
    rank = np.empty(len(coded), dtype=np.int64)
    rank[coded.reading_order] = np.arange(len(coded))
    picked = picked[np.lexsort((sentences.number[picked], rank[sentences.row[picked]]))]
    return [(int(sentences.row[i]), int(sentences.number[i])) for i in picked]
