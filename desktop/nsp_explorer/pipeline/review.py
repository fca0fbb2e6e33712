"""Reviewed coding decisions (data/review.csv), applied on top of the lexicon.

Each row adds or removes one code on one passage and says why. The built
codes.csv then holds the added code with source ``reviewed`` or lacks the
removed one; the generated CSVs are never edited by hand.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

from ..core.errors import DataFileError
from ..core.taxonomy import DIMENSIONS, Taxonomy
from .code import Code, with_derived_pillars
from .sources import read_text_file

REVIEW_COLUMNS = ("passage_id", "dimension", "code", "action", "reason")


@dataclass(frozen=True)
class Decision:
    passage_id: str
    dimension: str
    code: str
    action: str  # add | remove
    reason: str
    line: int


def load_review(path: Path, taxonomy: Taxonomy) -> list[Decision]:
    """Read and check the review file; a missing file means no decisions."""
    if not path.exists():
        return []
    rows = list(csv.reader(read_text_file(path).splitlines()))
    if not rows or tuple(c.strip() for c in rows[0]) != REVIEW_COLUMNS:
        raise DataFileError(path, f"must start with the header {','.join(REVIEW_COLUMNS)}")
    decisions = []
    for line, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(REVIEW_COLUMNS):
            raise DataFileError(path, f"line {line}: expected {len(REVIEW_COLUMNS)} fields, found {len(row)}")
        passage_id, dimension, code, action, reason = (cell.strip() for cell in row)
        if dimension not in DIMENSIONS:
            raise DataFileError(path, f"line {line}: dimension {dimension!r} is not one of {', '.join(DIMENSIONS)}")
        if not taxonomy.is_valid(dimension, code):
            raise DataFileError(path, f"line {line}: {code!r} is not a {dimension} code")
        if action not in ("add", "remove"):
            raise DataFileError(path, f"line {line}: action must be add or remove, not {action!r}")
        if not reason:
            raise DataFileError(path, f"line {line}: every decision needs a reason")
        decisions.append(Decision(passage_id, dimension, code, action, reason, line))
    return decisions


def apply_review(
    lexicon: dict[str, list[Code]], decisions: list[Decision], taxonomy: Taxonomy, path: Path
) -> dict[str, list[Code]]:
    """Lexicon codes per passage -> final codes per passage, with derived pillars."""
    by_passage: dict[str, list[Decision]] = {}
    for decision in decisions:
        if decision.passage_id not in lexicon:
            raise DataFileError(path, f"line {decision.line}: passage {decision.passage_id!r} is not in the dataset")
        by_passage.setdefault(decision.passage_id, []).append(decision)
    final = {}
    for passage_id, codes in lexicon.items():
        mine = by_passage.get(passage_id, [])
        removed = {(d.dimension, d.code) for d in mine if d.action == "remove"}
        kept = [c for c in codes if (c.dimension, c.code) not in removed]
        present = {(c.dimension, c.code) for c in kept}
        added = [
            Code(d.dimension, d.code, "reviewed")
            for d in mine
            if d.action == "add" and (d.dimension, d.code) not in present and (d.dimension, d.code) not in removed
        ]
        blocked = frozenset(code for dimension, code in removed if dimension == "pillar")
        final[passage_id] = with_derived_pillars(kept + added, taxonomy, blocked)
    return final
