"""Code text with the codebook: which pillars, areas, frames, partners and years it speaks of."""

from __future__ import annotations

from collections.abc import Callable

import re
from bisect import bisect_right
from typing import NamedTuple

from ..core.taxonomy import Taxonomy
from .codebook import WEAK, Codebook, overlaps
from .frame_rules import apply_frame_rules
from .sentences import sentence_spans

_YEAR = re.compile(r"(?:1[89]|20)\d\d")  # starts with a digit so re can skip ahead fast
_NOT_BEFORE_YEAR = set("0123456789,.$€£₩/") | {chr(c) for c in range(ord("A"), ord("z") + 1) if chr(c).isalpha()}


class Code(NamedTuple):
    """One code on one sentence: where it came from and the words that set it (a tuple: cheap to build and to send between processes)."""

    dimension: str
    code: str
    source: str  # lexicon | model | context | derived | reviewed (docs/dataset-contract.md)
    evidence: tuple[str, ...] = ()
    sentence: int = 0  # 1-based number of the sentence in its passage (sentence_spans); 0: the passage as a whole (a passage-wide review decision)


def year_mentions(text: str) -> list[tuple[int, str]]:
    """(position, year) of every four-digit year 1800–2099 mentioned in a text.

    Not part of a longer number ("3,820.45", "20245"), an amount ("$2000"), a
    word ("G2019") or a decade ("1950s").
    """
    found = []
    for match in _YEAR.finditer(text):
        start, end = match.span()
        if start and text[start - 1] in _NOT_BEFORE_YEAR:
            continue
        after = text[end : end + 2]
        if after[:1].isalnum() or after[:1] in ",." and after[1:2].isdigit():
            continue
        found.append((start, match.group()))
    return found


def years_in(text: str) -> list[str]:
    """The years a text mentions, once each, in order."""
    return list(dict.fromkeys(year for _, year in year_mentions(text)))


def lexicon_codes(text: str, codebook: Codebook) -> list[Code]:
    """The codes each sentence of a text sets: codebook terms, frame rules, years.

    The codebook is matched once over the whole text and each match goes to
    the sentence it starts in; frame cues are then read in their sentence
    (``frame_rules``). Codes come sentence by sentence, in codebook order,
    with the years last; one code per sentence, with every word that set it.
    """
    spans = sentence_spans(text)
    if not spans:
        return []
    starts = [0] + [start for start, _ in spans[1:]]  # what comes before the first sentence belongs to it
    several = len(spans) > 1
    codes_at: list[dict[tuple[str, str], list[tuple[int, int]]]] = [{} for _ in spans]  # per sentence: code -> spans
    frames_at: list[dict[str, list[tuple[int, int]]]] = [{} for _ in spans]  # per sentence: frame -> cue spans
    matched, anchors = codebook.scan(text)
    for owner, hits in matched.items():
        for hit in hits:
            at = bisect_right(starts, hit[0]) - 1 if several else 0
            if owner[0] == "frame":
                frames_at[at].setdefault(owner[1], []).append(hit)
            else:
                codes_at[at].setdefault(owner, []).append(hit)
    years: list[list[str]] = [[] for _ in spans]
    for position, year in year_mentions(text):
        years[bisect_right(starts, position) - 1 if several else 0].append(year)
    codes = []
    rank = codebook.rank
    weak_codes = codebook.weak_codes
    for number, (first, last) in enumerate(spans, start=1):
        found = codes_at[number - 1]
        if weak_codes and found:
            _settle_weak_areas(found)
        frames = frames_at[number - 1]
        if frames:
            found.update((("frame", frame), hits) for frame, hits in apply_frame_rules(text, frames, first, last, anchors).items())
        for owner in sorted(found, key=rank.__getitem__) if len(found) > 1 else found:
            hits = found[owner]
            # the words that set it: unique, in order of appearance
            evidence = (text[hits[0][0] : hits[0][1]],) if len(hits) == 1 else tuple(dict.fromkeys([text[s:e] for s, e in hits]))
            codes.append(_new_code(Code, (owner[0], owner[1], "lexicon", evidence, number)))
        if years[number - 1]:
            codes.extend(_new_code(Code, ("year", year, "lexicon", (year,), number)) for year in dict.fromkeys(years[number - 1]))
    return codes


def _settle_weak_areas(found: dict[tuple[str, str], list[tuple[int, int]]]) -> None:
    """Turn one sentence's weak area terms into area codes, or drop them.

    A weak term names an area in a generic sense or only where something was said ("security",
    "missile", "joint statement", "business"): it sets its area when the sentence speaks of no other
    area, and adds its words to the area's evidence when a term of its own sets it anyway. A sentence
    whose other area is named by a weak term too keeps both.
    """
    weak = [owner for owner in found if owner[0] == WEAK]
    if not weak:
        return
    named = {owner[1] for owner in found if owner[0] == "area"}
    for owner in weak:
        hits = found.pop(owner)
        area = ("area", owner[1])
        if area in found:
            own = found[area]
            found[area] = sorted(own + [hit for hit in hits if not overlaps(*hit, own)])
        elif not named:
            found[area] = hits


_new_code = tuple.__new__  # builds a Code without NamedTuple's keyword handling: most of a build's time is spent making codes


PARALLEL_FROM_BYTES = 4_000_000  # below this, starting workers costs more than it saves
_WORKER_CODEBOOK: Codebook | None = None  # what forked workers code with (inherited, never pickled)
_WORKER_TEXTS: list[str] = []  # and the texts: a worker is told only which of them to code


def _code_range(bounds: tuple[int, int]) -> list[list[Code]]:
    """Code texts ``start:stop``; equal codes come back as one object, which pickle sends once.

    Most codes recur ("partner asean", a year): sent back one by one, they
    cost the parent more time to unpickle than the workers saved.
    """
    import gc

    start, stop = bounds
    same: dict[Code, Code] = {}
    gc.disable()  # a worker makes only acyclic tuples and lists: the cycle collector would walk them for nothing
    try:
        return [[same.setdefault(c, c) for c in lexicon_codes(text, _WORKER_CODEBOOK)] for text in _WORKER_TEXTS[start:stop]]
    finally:
        gc.enable()


def _one_after_another(texts: list[str], codebook: Codebook, between: Callable[[float], None] | None) -> list[list[Code]]:
    coded = []
    for n, text in enumerate(texts):
        if between is not None and n % 256 == 0:
            between(n / len(texts))  # may raise to stop (Cancel)
        coded.append(lexicon_codes(text, codebook))
    return coded


def lexicon_codes_of_all(texts: list[str], codebook: Codebook, between: Callable[[float], None] | None = None) -> list[list[Code]]:
    """``lexicon_codes`` of every text, in order; a large corpus is coded on every core.

    Workers are forked (they inherit the codebook and the texts), and only from the main
    thread of a process that can fork and runs no Qt application (a forked
    copy of Qt's threads can deadlock): ``nspx build`` and ``nspx import``,
    never the app. The result is the same as coding one text after another.
    Coded one after another, ``between(fraction done)`` is called every few
    hundred texts (it may raise to stop: Cancel in the app).
    There, too, the cycle collector pauses while the codes (acyclic tuples) are
    made and gathered: walking them cost a tenth of the time.
    """
    import gc
    import multiprocessing
    import os
    import sys
    import threading

    size = sum(len(t) for t in texts)
    cores = os.cpu_count() or 1
    qt = sys.modules.get("PySide6.QtCore")
    alone = threading.current_thread() is threading.main_thread() and (qt is None or qt.QCoreApplication.instance() is None)
    if not alone:  # the app: its own thread, its own garbage collection settings
        return _one_after_another(texts, codebook, between)
    paused = gc.isenabled()
    gc.disable()
    try:
        if size < PARALLEL_FROM_BYTES or cores < 2 or "fork" not in multiprocessing.get_all_start_methods():
            return _one_after_another(texts, codebook, between)
        global _WORKER_CODEBOOK, _WORKER_TEXTS
        _WORKER_CODEBOOK, _WORKER_TEXTS = codebook, texts
        step = max(1, len(texts) // (cores * 8))
        ranges = [(i, min(i + step, len(texts))) for i in range(0, len(texts), step)]
        try:
            with multiprocessing.get_context("fork").Pool(cores) as pool:
                return [codes for chunk in pool.map(_code_range, ranges) for codes in chunk]
        finally:
            _WORKER_CODEBOOK, _WORKER_TEXTS = None, []
    finally:
        if paused:
            gc.enable()


def code_text(text: str, codebook: Codebook, taxonomy: Taxonomy) -> list[Code]:
    """Lexicon codes for a text, plus each coded area's pillar (derived)."""
    return with_derived_pillars(lexicon_codes(text, codebook), taxonomy)


def with_derived_pillars(codes: list[Code], taxonomy: Taxonomy, blocked: frozenset[tuple[int, str]] = frozenset()) -> list[Code]:
    """Add, in every sentence, the pillar of each area coded there (unless that sentence already has it, or review blocked it).

    ``blocked`` holds (sentence, pillar) pairs a review removed; sentence 0 blocks the pillar in every sentence.
    """
    have = {(c.sentence, c.code) for c in codes if c.dimension == "pillar"}
    derived = []
    for c in codes:
        if c.dimension == "area":
            pillar = taxonomy.pillar_of(c.code)
            key = (c.sentence, pillar)
            if key not in have and key not in blocked and (0, pillar) not in blocked:
                have.add(key)
                derived.append(Code("pillar", pillar, "derived", (), c.sentence))
    return codes + derived
