"""Counts written as people write them: "1 passage", "2 passages", "1,234 figures"."""

from __future__ import annotations


def counted(n: int, noun: str, plural: str = "") -> str:
    """``n`` and the noun, singular for exactly one (``plural`` for irregular nouns; default noun + "s")."""
    n = int(n)
    return f"{n:,} {noun if n == 1 else plural or noun + 's'}"
