"""Reviewed coding decisions (data/review.csv), applied on top of the lexicon.

Each row adds or removes one code on one unit and says why. The unit is a
sentence (``<passage_id>.<n>``, n as numbered by ``sentence_spans``) or a
whole passage (``<passage_id>``: the code goes for every sentence of it, or
is added to the passage as a whole); for one sentence, a decision on the sentence
overrides one on the whole passage. The built codes.csv then holds the added
code with source ``reviewed`` or lacks the removed one; the generated CSVs
are never edited by hand. A file with the older header ``passage_id,…`` is
read as passage-wide decisions, one without ``words`` as decisions unchecked
against the text.

``words`` holds the unit's text as it read when the decision was taken. A
sentence is found by its number; when a later splitter or cleaner numbers the
document otherwise, the decision follows its words to where they are now (in
the same document, ``anchored``). A decision whose words are gone never lands
on another sentence: the project's own file then fails the build, and a user's
decision is set aside (kept in the file, not applied, and reported).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from ..core.errors import DataFileError
from ..core.taxonomy import DIMENSIONS, Taxonomy
from .code import Code, with_derived_pillars
from .sources import decision_rows

REVIEW_COLUMNS = ("unit", "dimension", "code", "action", "reason", "words")
_OLDER_COLUMNS = (
    ("unit", "dimension", "code", "action", "reason"),  # before decisions kept their words
    ("passage_id", "dimension", "code", "action", "reason"),  # before decisions could name a sentence
)
_SENTENCE_UNIT = re.compile(r"(.+:\d+)\.(\d+)")


def sentence_id(passage_id: str, sentence: int) -> str:
    """The unit naming one sentence of a passage: ``<passage_id>.<n>``."""
    return f"{passage_id}.{sentence}"


@dataclass(frozen=True)
class Decision:
    passage_id: str
    sentence: int  # 1-based; 0 for a decision about the whole passage
    dimension: str
    code: str
    action: str  # add | remove
    reason: str
    line: int
    words: str = ""  # the unit's text when the decision was taken; empty if unrecorded


def load_review(path: Path, taxonomy: Taxonomy) -> list[Decision]:
    """Read and check the review file; a missing file means no decisions."""
    decisions = []
    for line, (unit, dimension, code, action, reason, *words) in decision_rows(path, REVIEW_COLUMNS, _OLDER_COLUMNS):
        sentence = _SENTENCE_UNIT.fullmatch(unit)
        passage_id, number = (sentence.group(1), int(sentence.group(2))) if sentence else (unit, 0)
        if sentence and number < 1:
            raise DataFileError(path, f"line {line}: {unit!r} names sentence 0; sentences are numbered from 1")
        if dimension not in DIMENSIONS:
            raise DataFileError(path, f"line {line}: dimension {dimension!r} is not one of {', '.join(DIMENSIONS)}")
        if not taxonomy.is_valid(dimension, code):
            raise DataFileError(path, f"line {line}: {code!r} is not a {dimension} code")
        if action not in ("add", "remove"):
            raise DataFileError(path, f"line {line}: action must be add or remove, not {action!r}")
        if not reason:
            raise DataFileError(path, f"line {line}: every decision needs a reason")
        decisions.append(Decision(passage_id, number, dimension, code, action, reason, line, same_words("".join(words))))
    return decisions


def same_words(text: str) -> str:
    """Text as compared for anchoring: runs of white space as one space."""
    return " ".join(text.split())


def anchored(decisions: list[Decision], sentences: dict[str, list[str]]) -> tuple[list[Decision], list[tuple[Decision, str]]]:
    """Each decision on the unit that reads its words now: its own unit if unchanged, else the one place in its
    document that does. Returns the decisions that can be applied, and those that cannot with the reason."""
    usable, lost = [], []
    for decision in decisions:
        found = _place_of(decision, sentences)
        if isinstance(found, str):
            lost.append((decision, found))
        else:
            usable.append(found)
    return usable, lost


def _place_of(decision: Decision, sentences: dict[str, list[str]]) -> Decision | str:
    passage = sentences.get(decision.passage_id)
    if not decision.words:
        return decision  # written before decisions kept their words: taken as it names its unit
    if passage is not None and decision.sentence <= len(passage):
        now = passage[decision.sentence - 1] if decision.sentence else " ".join(passage)
        if same_words(now) == decision.words:
            return decision
    document = decision.passage_id.rsplit(":", 1)[0]
    places = [
        (passage_id, number)
        for passage_id, parts in sentences.items()
        if passage_id.rsplit(":", 1)[0] == document
        for number, words in ([(0, " ".join(parts))] if not decision.sentence else enumerate(parts, start=1))
        if same_words(words) == decision.words
    ]
    if len(places) != 1:
        where = "is no longer in" if not places else f"is in {len(places)} places of"
        return f"line {decision.line}: the text this decision is about (“{decision.words[:80]}”) {where} {document}"
    passage_id, number = places[0]
    return replace(decision, passage_id=passage_id, sentence=number)


def apply_review(
    lexicon: dict[str, list[Code]], decisions: list[Decision], taxonomy: Taxonomy, path: Path, sentences: dict[str, list[str]]
) -> dict[str, list[Code]]:
    """Lexicon codes per passage -> final codes per passage, with derived pillars.

    ``sentences`` gives the sentences of every passage, to find and check the
    units the decisions name.
    """
    by_passage: dict[str, list[Decision]] = {}
    for decision in decisions:
        if decision.passage_id not in lexicon:
            raise DataFileError(path, f"line {decision.line}: passage {decision.passage_id!r} is not in the dataset")
        if decision.sentence > len(sentences[decision.passage_id]):
            raise DataFileError(
                path,
                f"line {decision.line}: passage {decision.passage_id!r} has {len(sentences[decision.passage_id])} sentences, not {decision.sentence}",
            )
        by_passage.setdefault(decision.passage_id, []).append(decision)
    final = {}
    for passage_id, codes in lexicon.items():
        mine = by_passage.get(passage_id)
        if not mine:
            final[passage_id] = with_derived_pillars(codes, taxonomy)
            continue
        removed = {(d.sentence, d.dimension, d.code) for d in mine if d.action == "remove"}
        kept = [
            c for c in codes if (c.sentence, c.dimension, c.code) not in removed and (0, c.dimension, c.code) not in removed
        ]
        present = {(c.sentence, c.dimension, c.code) for c in kept}
        anywhere = {(c.dimension, c.code) for c in kept}
        added = []
        for d in mine:
            key = (d.sentence, d.dimension, d.code)
            if d.action != "add" or key in removed or key in present:
                continue  # a decision on a sentence overrides one on the whole passage for that sentence
            if d.sentence == 0 and (d.dimension, d.code) in anywhere:
                continue  # the passage has it already
            present.add(key)
            added.append(Code(d.dimension, d.code, "reviewed", (), d.sentence))
        blocked = frozenset((sentence, code) for sentence, dimension, code in removed if dimension == "pillar")
        final[passage_id] = with_derived_pillars(kept + added, taxonomy, blocked)
    return final


def applied_decisions(
    path: Path, taxonomy: Taxonomy, passages_of: Callable[[str], list[tuple[str, str]]]
) -> dict[str, tuple[tuple[int, str, str, str, str], ...]]:
    """The decisions of a review file that apply to the text as it reads now, by passage, where they apply:
    ``(sentence, dimension, code, action, reason)``, sentence 0 for the whole passage. ``passages_of(doc_id)`` gives a
    document's passages (ID, text); a decision whose words are gone (set aside) is not among them."""
    from .sentences import sentence_texts

    decisions = load_review(path, taxonomy)
    sentences = {
        passage_id: sentence_texts(text)
        for doc in {d.passage_id.rsplit(":", 1)[0] for d in decisions}
        for passage_id, text in passages_of(doc)
    }
    usable, _ = anchored(decisions, sentences)
    found: dict[str, list[tuple[int, str, str, str, str]]] = {}
    for d in usable:
        found.setdefault(d.passage_id, []).append((d.sentence, d.dimension, d.code, d.action, d.reason))
    return {passage_id: tuple(sorted(listed)) for passage_id, listed in found.items()}


def review_safe_to_open(path: Path) -> bytes | None:
    """A review file as a copy for people to open: a ' before a formula start at the beginning of a reason or of the
    words; None when it holds no decision."""
    import csv
    import io

    from ..core.report import neutralise_start as neutralise

    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8")))) if path.is_file() else []
    if len(rows) < 2:
        return None
    words = {"reason", "words"}
    at = {i for i, column in enumerate(rows[0]) if column in words}
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows([rows[0], *([neutralise(c) if i in at else c for i, c in enumerate(r)] for r in rows[1:])])
    return buffer.getvalue().encode("utf-8")
