"""Drop paragraphs that repeat an earlier one, exactly or nearly; tell a document that is another's copy.

Scraped pages repeat a standfirst, or the whole article a second time with a
paragraph missing and a caption in its place. A paragraph is a near-duplicate
when most of its word 5-grams already occurred in one earlier paragraph. The
same test on whole texts finds one article saved twice (a web page, its text
copied out of the browser, a Word file made from it), whose chrome differs.
"""

from __future__ import annotations

import re
from typing import TypeVar

NEAR_DUPLICATE = 0.8
SAME_ARTICLE_WORDS = 50  # a text shorter than this is too short to call a copy of another
_SHINGLE = 5
_WORD = re.compile(r"[0-9a-z]+")
_ANY_WORD = re.compile(r"\w+")  # whole texts in any script, as the library's content hash reads them
POSTINGS = 64

T = TypeVar("T")


def _shingles(text: str) -> set[tuple[str, ...]]:
    words = tuple(_WORD.findall(text.casefold()))
    return _shingles_of(words) if words else set()


def _shingles_of(words: tuple[str, ...]) -> set[tuple[str, ...]]:
    if len(words) < _SHINGLE:
        return {words}
    return {words[i : i + _SHINGLE] for i in range(len(words) - _SHINGLE + 1)}


def drop_duplicate_paragraphs(blocks: list[T], text_of=lambda block: block.text) -> list[T]:
    """Keep the first copy of every paragraph; later exact or near copies go.

    Time is linear in the text: each 5-gram remembers at most POSTINGS kept
    paragraphs (a phrase that thousands of paragraphs share, such as a
    policy's name, is not looked up in all of them), and shared 5-grams
    beyond that are counted only for the paragraphs found through the
    others. Exact copies are found by their words alone.
    """
    kept: list[T] = []
    kept_shingles: list[set[tuple[str, ...]]] = []
    exact: set[tuple[str, ...]] = set()
    index: dict[tuple[str, ...], list[int]] = {}
    for block in blocks:
        words = tuple(_WORD.findall(text_of(block).casefold()))
        if not words or words in exact:
            continue
        shingles = _shingles_of(words)
        overlap: dict[int, int] = {}
        common: set[tuple[str, ...]] = set()  # 5-grams whose postings are full
        for shingle in shingles:
            postings = index.get(shingle)
            if postings is None:
                continue
            if len(postings) >= POSTINGS:
                common.add(shingle)
                continue
            for k in postings:
                overlap[k] = overlap.get(k, 0) + 1
        if any(_near_copy(n, shingles, kept_shingles[k], common) for k, n in overlap.items()):
            continue
        for shingle in shingles:
            postings = index.setdefault(shingle, [])
            if len(postings) < POSTINGS:
                postings.append(len(kept))
        kept.append(block)
        kept_shingles.append(shingles)
        exact.add(words)
    return kept


def _near_copy(found: int, shingles: set, earlier: set, common: set) -> bool:
    """Whether most 5-grams of the shorter of two paragraphs occur in the other (``found`` counted already, ``common`` not)."""
    needed = NEAR_DUPLICATE * min(len(shingles), len(earlier))
    if found >= needed:
        return True
    if found + len(common) < needed:
        return False
    smaller, larger = (common, earlier) if len(common) <= len(earlier) else (earlier, common)
    return found + sum(1 for shingle in smaller if shingle in larger) >= needed


def copy_of(text: str, others) -> tuple[str, float] | None:
    """The first of ``others`` (name, text) that may be the same article as ``text``: most word 5-grams of the shorter
    of the two occur in the other. (name, that share), or None. A page's menus, a related-articles box or a cookie
    notice around one of them leave it the same article; so does a new version, and a text quoted whole in another
    or on another's template shares most of its wording too: the caller says so, the user decides."""
    words = tuple(_ANY_WORD.findall(text.casefold()))
    if len(words) < SAME_ARTICLE_WORDS:
        return None
    shingles = _shingles_of(words)
    probes = [" ".join(words[i : i + _SHINGLE]) for i in range(0, len(words) - _SHINGLE + 1, max(1, len(words) // 20))]
    for name, other in others:
        other_words = tuple(_ANY_WORD.findall(other.casefold()))
        if len(other_words) < SAME_ARTICLE_WORDS:
            continue
        joined = f" {' '.join(other_words)} "  # a first look, in C: few of the text's 5-grams in the other, no copy
        if sum(f" {probe} " in joined for probe in probes) < NEAR_DUPLICATE * len(probes) / 2:
            continue
        theirs = _shingles_of(other_words)
        share = len(shingles & theirs) / min(len(shingles), len(theirs))
        if share >= NEAR_DUPLICATE:
            return name, share
    return None
