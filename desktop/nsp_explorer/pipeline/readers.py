"""How closely two careful readers agree when each codes the same sentences alone: the yardstick for the coder's figures.

Both files are hand-coded samples (``doc_id,sentence,pillar,area,frame,partner``, as ``nspx eval --gold`` reads) with
the same sentences in the same order. The second reader is scored against the first, as the coder is against a
reader: precision is the share of the second reader's codes the first also gave, recall the share of the first
reader's codes the second found; Krippendorff's alpha does not depend on which comes first.
"""

from __future__ import annotations

from pathlib import Path

from ..core.errors import DataFileError
from ..core.taxonomy import Taxonomy
from .agreement import Agreement, agreement, per_code
from .evaluate import EVALUATED, GoldSentence


def _clipped(sentence: str, most: int = 160) -> str:
    return sentence if len(sentence) <= most else sentence[: most - 1] + "…"


def _same_words(a: str, b: str) -> bool:
    return a.split() == b.split()


def check_same_sentences(first: list[GoldSentence], second: list[GoldSentence], first_path: Path, second_path: Path) -> None:
    """Refuse, by file and line, two samples that are not the same sentences in the same order (spacing aside)."""
    for line, (a, b) in enumerate(zip(first, second), start=2):
        if not _same_words(a.sentence, b.sentence):
            raise DataFileError(
                second_path,
                f"line {line}: the sentence is not the one on line {line} of {first_path.name}: both readers must code the same "
                f"sentences in the same order\n  {first_path.name}: {_clipped(a.sentence)}\n  {second_path.name}: {_clipped(b.sentence)}",
            )
    if len(first) != len(second):
        raise DataFileError(second_path, f"has {len(second):,} sentences where {first_path.name} has {len(first):,}: both readers must code the same sentences")


def reader_agreement(first: list[GoldSentence], second: list[GoldSentence], taxonomy: Taxonomy) -> dict[str, tuple[Agreement, dict[str, Agreement]]]:
    """Per dimension: the second reader's agreement with the first, and each code's (as ``evaluate`` gives the coder's)."""
    result = {}
    for dimension in EVALUATED:
        truth = {i: s.codes[dimension] for i, s in enumerate(first)}
        other = {i: s.codes[dimension] for i, s in enumerate(second)}
        codes = taxonomy.ids(dimension)
        result[dimension] = (agreement(other, truth, codes), per_code(other, truth, codes))
    return result


def disagreements(first: list[GoldSentence], second: list[GoldSentence]) -> list[tuple[int, str, dict[str, tuple[frozenset[str], frozenset[str]]]]]:
    """Where the readers differ, to talk over: (line in the files, sentence, {dimension: (first's codes, second's)})
    for every sentence on which they gave different codes in some dimension."""
    found = []
    for line, (a, b) in enumerate(zip(first, second), start=2):
        differ = {d: (a.codes[d], b.codes[d]) for d in EVALUATED if a.codes[d] != b.codes[d]}
        if differ:
            found.append((line, a.sentence, differ))
    return found


def format_disagreements(found, first_name: str, second_name: str) -> str:
    """The disagreements as text: each sentence once, then per dimension what each reader gave ("–" for nothing)."""
    if not found:
        return "The two readers gave the same codes to every sentence."
    lines = [f"{len(found):,} sentence{'s' if len(found) != 1 else ''} coded differently (line: {first_name} | {second_name})"]
    for line, sentence, differ in found:
        lines += ["", f"line {line}: {sentence}"]
        for dimension, (a, b) in differ.items():
            lines.append(f"  {dimension:<8} {', '.join(sorted(a)) or '–'} | {', '.join(sorted(b)) or '–'}")
    return "\n".join(lines)
