"""Split a passage into sentences without breaking at abbreviations or decimals."""

from __future__ import annotations

import re

_BOUNDARY = re.compile(r"(?<=[.!?])[\"”’)\]]*\s+(?=[\"“‘(\[]?[A-Z0-9])")
_ABBREVIATION = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|Prof|St|Jr|Sr|No|Nos|Vol|vs|etc|e\.g|i\.e|cf|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Gov|Gen|Sen|Rep)"
    r"|\b[A-Z](?:\.[A-Z])*)\.$"
)


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every sentence; the spans cover the text's words exactly."""
    spans = []
    start = 0
    for match in _BOUNDARY.finditer(text):
        head = text[start : match.start()]
        if _ABBREVIATION.search(head):
            continue
        end = match.start()
        while end < match.end() and not text[end].isspace():
            end += 1  # keep closing quotes with their sentence
        spans.append((start, end))
        start = match.end()
    if text[start:].strip():
        spans.append((start, len(text.rstrip())))
    return spans
