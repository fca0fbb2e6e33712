"""Number a document's clean paragraphs as passages with stable IDs."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from .clean import Block, Table

MAX_PASSAGE = 4000  # characters; the longest paragraph of the bundled corpus has 2,871
_SENTENCE_END = re.compile(r"[.!?…][\"”’')\]]*\s+")


@dataclass(frozen=True)
class Passage:
    passage_id: str  # <doc_id>:<position>
    doc_id: str
    position: int
    section: str
    text: str
    table: Table | None = None


def pieces(text: str, limit: int = MAX_PASSAGE) -> Iterator[str]:
    """A paragraph as pieces of at most ``limit`` characters: cut after the last sentence in each stretch,
    else at the last space, else (one endless word) at the limit. Every word is kept, in order.

    One pass over the text: each stretch is searched where it lies, never copied off the rest.
    """
    start = 0
    while len(text) - start > limit:
        end = start + limit
        cut = None
        for match in _SENTENCE_END.finditer(text, start + limit // 2, end):
            cut = match.end()
        if cut is None:
            space = text.rfind(" ", start + limit // 2, end)
            cut = space + 1 if space > start else end
        piece = text[start:cut].strip()
        if piece:
            yield piece
        start = cut
    rest = text[start:].strip()
    if rest:
        yield rest


def segment(doc_id: str, blocks: list[Block]) -> list[Passage]:
    """One passage per clean paragraph (a very long one in pieces), numbered from 1 in reading order.

    The same input always gives the same IDs, so review decisions and saved
    selections that name a passage keep pointing at it across rebuilds.
    """
    units = [
        (block.section, text, block.table)
        for block in blocks
        for text in ([block.text] if block.table is not None else pieces(block.text))
    ]
    return [Passage(f"{doc_id}:{position}", doc_id, position, section, text, table) for position, (section, text, table) in enumerate(units, start=1)]
