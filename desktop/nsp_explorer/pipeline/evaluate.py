"""Compare the coder with a hand-coded sample: precision, recall and F1 per dimension."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

from ..core.errors import DataFileError
from ..core.taxonomy import Taxonomy
from .code import code_text
from .codebook import Codebook

EVALUATED = ("pillar", "area", "frame", "partner")


@dataclass(frozen=True)
class GoldSentence:
    doc_id: str
    sentence: str
    codes: dict[str, frozenset[str]]


@dataclass(frozen=True)
class Score:
    precision: float
    recall: float
    f1: float
    support: int


def load_gold(path: Path, taxonomy: Taxonomy) -> list[GoldSentence]:
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            rows = list(csv.DictReader(handle))
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise DataFileError(path, f"cannot be read: {exc}") from None
    gold = []
    for line, row in enumerate(rows, start=2):
        codes = {}
        for dimension in EVALUATED:
            values = frozenset(v.strip() for v in (row.get(dimension) or "").split(";") if v.strip())
            bad = [v for v in values if not taxonomy.is_valid(dimension, v)]
            if bad:
                raise DataFileError(path, f"line {line}: unknown {dimension} code(s) {', '.join(sorted(bad))}")
            codes[dimension] = values
        gold.append(GoldSentence(row["doc_id"], row["sentence"], codes))
    return gold


def _score(tp: int, fp: int, fn: int) -> Score:
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return Score(precision, recall, f1, tp + fn)


def evaluate(gold: list[GoldSentence], codebook: Codebook, taxonomy: Taxonomy) -> dict[str, object]:
    """Micro scores per dimension, per-code scores, and the macro F1 over areas."""
    counts = {d: [0, 0, 0] for d in EVALUATED}
    per_code: dict[tuple[str, str], list[int]] = {}
    for sentence in gold:
        predicted = {d: set() for d in EVALUATED}
        for code in code_text(sentence.sentence, codebook, taxonomy):
            if code.dimension in predicted:
                predicted[code.dimension].add(code.code)
        for dimension in EVALUATED:
            truth, guess = sentence.codes[dimension], predicted[dimension]
            for code in truth | guess:
                cell = per_code.setdefault((dimension, code), [0, 0, 0])
                index = 0 if code in truth and code in guess else 1 if code in guess else 2
                cell[index] += 1
                counts[dimension][index] += 1
    micro = {d: _score(*counts[d]) for d in EVALUATED}
    codes = {key: _score(*value) for key, value in sorted(per_code.items())}
    areas = [score.f1 for (dimension, _), score in codes.items() if dimension == "area"]
    return {"micro": micro, "codes": codes, "area_macro_f1": sum(areas) / len(areas) if areas else 0.0}


def format_report(result: dict[str, object], sentences: int, detail: bool = False) -> str:
    lines = [f"Coding quality against {sentences} hand-coded sentences", "",
             f"{'dimension':<12}{'precision':>10}{'recall':>8}{'F1':>7}{'support':>9}"]
    for dimension, score in result["micro"].items():
        lines.append(f"{dimension:<12}{score.precision:>10.3f}{score.recall:>8.3f}{score.f1:>7.3f}{score.support:>9}")
    lines.append(f"{'area (macro F1 over codes)':<30}{result['area_macro_f1']:>7.3f}")
    if detail:
        lines += ["", f"{'code':<36}{'precision':>10}{'recall':>8}{'F1':>7}{'support':>9}"]
        for (dimension, code), score in result["codes"].items():
            lines.append(f"{dimension + ':' + code:<36}{score.precision:>10.3f}{score.recall:>8.3f}{score.f1:>7.3f}{score.support:>9}")
    return "\n".join(lines)
