"""The mark beside a code that says who made it (the dataset's ``source``), one table for every view that shows it."""

from __future__ import annotations

MARKS = {"reviewed": "✓", "model": "◇", "context": "↕"}  # not "*": the charts star a cell of few sentences
MEANINGS = {"reviewed": "added by a reader", "model": "read by the sentence model", "context": "taken from the sentences around"}


def mark(source: str) -> str:
    """`` ✓``, `` ◇`` or `` ↕`` for a code a reader added, the sentence model read or the sentences around gave; else ``""``."""
    return f" {MARKS[source]}" if source in MARKS else ""


def key(sources) -> str:
    """What the marks among ``sources`` mean, in the table's order: ``"✓ added by a reader, ↕ taken from …"``."""
    present = set(sources)
    return ", ".join(f"{MARKS[s]} {MEANINGS[s]}" for s in MARKS if s in present)
