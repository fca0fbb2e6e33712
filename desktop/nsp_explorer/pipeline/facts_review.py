"""A reader's corrections of cited figures (data/facts_review.csv), applied at build, each with its reason.

One row per correction: ``fact,field,was,value,reason``. ``fact`` is a fact ID
(``<passage_id>#<n>``) or a passage ID (every fact of that passage); ``field``
is the column corrected (unit, value, year, partner, indicator, qualifier);
``was`` is what the extraction gives there (the correction is refused if it
gives something else, so a changed extraction never receives a correction meant
for another figure); ``value`` replaces it; ``reason`` is required. The
corrected fact's ``note`` says what was changed and why; the printed figure and
the quote stay as the text has them.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from ..core.errors import DataFileError
from .facts import Fact
from .sources import decision_rows

FACTS_REVIEW_COLUMNS = ("fact", "field", "was", "value", "reason")
FIELDS = ("unit", "value", "year", "partner", "indicator", "qualifier")


@dataclass(frozen=True)
class FactCorrection:
    fact: str
    field: str
    was: str
    value: str
    reason: str
    line: int


def load_facts_review(path: Path) -> list[FactCorrection]:
    """Read and check the corrections; a missing file means none."""
    corrections = []
    for line, (fact, field, was, value, reason) in decision_rows(path, FACTS_REVIEW_COLUMNS):
        if field not in FIELDS:
            raise DataFileError(path, f"line {line}: field {field!r} is not one of {', '.join(FIELDS)}")
        if not reason:
            raise DataFileError(path, f"line {line}: every correction needs a reason")
        corrections.append(FactCorrection(fact, field, was, value, reason, line))
    return corrections


def apply_facts_review(facts: list[tuple[str, Fact]], corrections: list[FactCorrection], path: Path) -> list[tuple[str, Fact]]:
    """(fact_id, fact) pairs with the corrections applied and noted; a correction that fits no fact is an error."""
    out = []
    used = set()
    for fact_id, fact in facts:
        for correction in corrections:
            if correction.fact not in (fact_id, fact.passage_id):
                continue
            current = getattr(fact, correction.field)
            if current != correction.was:
                if correction.fact == fact_id:
                    raise DataFileError(path, f"line {correction.line}: {fact_id} has {correction.field} {current!r}, not {correction.was!r}")
                continue  # a passage-wide correction of, say, one unit leaves that passage's other figures alone
            note = f"corrected by a reader: {correction.field} {current} → {correction.value} ({correction.reason})"
            fact = replace(fact, **{correction.field: correction.value}, note="; ".join(n for n in (fact.note, note) if n))
            used.add(correction.line)
        out.append((fact_id, fact))
    unused = [c.line for c in corrections if c.line not in used]
    if unused:
        raise DataFileError(path, f"line {unused[0]}: the correction fits no figure of the dataset")
    return out
