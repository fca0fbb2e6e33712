"""Drop paragraphs that repeat an earlier one, exactly or nearly.

Scraped pages repeat a standfirst, or the whole article a second time with a
paragraph missing and a caption in its place. A paragraph is a near-duplicate
when most of its word 5-grams already occurred in one earlier paragraph.
"""

from __future__ import annotations

import re
from typing import TypeVar

NEAR_DUPLICATE = 0.8
_SHINGLE = 5
_WORD = re.compile(r"[0-9a-z]+")

T = TypeVar("T")


def _shingles(text: str) -> set[tuple[str, ...]]:
    words = _WORD.findall(text.casefold())
    if len(words) < _SHINGLE:
        return {tuple(words)} if words else set()
    return {tuple(words[i : i + _SHINGLE]) for i in range(len(words) - _SHINGLE + 1)}


def drop_duplicate_paragraphs(blocks: list[T], text_of=lambda block: block.text) -> list[T]:
    """Keep the first copy of every paragraph; later exact or near copies go."""
    kept: list[T] = []
    kept_shingles: list[set[tuple[str, ...]]] = []
    index: dict[tuple[str, ...], list[int]] = {}
    for block in blocks:
        shingles = _shingles(text_of(block))
        if not shingles:
            continue
        overlap: dict[int, int] = {}
        for shingle in shingles:
            for k in index.get(shingle, ()):
                overlap[k] = overlap.get(k, 0) + 1
        if any(n / min(len(shingles), len(kept_shingles[k])) >= NEAR_DUPLICATE for k, n in overlap.items()):
            continue
        for shingle in shingles:
            index.setdefault(shingle, []).append(len(kept))
        kept.append(block)
        kept_shingles.append(shingles)
    return kept
