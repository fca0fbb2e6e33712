"""Number a document's clean paragraphs as passages with stable IDs."""

from __future__ import annotations

from dataclasses import dataclass

from .clean import Block, Table


@dataclass(frozen=True)
class Passage:
    passage_id: str  # <doc_id>:<position>
    doc_id: str
    position: int
    section: str
    text: str
    table: Table | None = None


def segment(doc_id: str, blocks: list[Block]) -> list[Passage]:
    """One passage per clean paragraph, numbered from 1 in reading order.

    The same input always gives the same IDs, so review decisions and saved
    selections that name a passage keep pointing at it across rebuilds.
    """
    return [
        Passage(f"{doc_id}:{position}", doc_id, position, block.section, block.text, block.table)
        for position, block in enumerate(blocks, start=1)
    ]
