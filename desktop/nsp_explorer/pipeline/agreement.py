"""Agreement between two codings of the same units: precision, recall, F1 and Krippendorff's alpha.

A coding maps each unit (a sentence or a passage) to the set of codes given
to it. The automatic coder is read as the prediction and the other coding as
the truth. Alpha is Krippendorff's nominal alpha for two coders with the
presence or absence of a code as the value: per code over the units, and per
dimension pooled over every (unit, code) pair of that dimension's codes in
the taxonomy. A figure that cannot be computed (no code present in either
coding, or no variation for alpha) is None, never a number made up for it.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from dataclasses import dataclass

Coding = dict[Hashable, frozenset[str]]  # unit -> codes of one dimension


@dataclass(frozen=True)
class Agreement:
    units: int
    precision: float | None
    recall: float | None
    f1: float | None
    alpha: float | None
    support: int  # code assignments in the truth


def binary_alpha(pairs: Iterable[tuple[bool, bool]]) -> float | None:
    """Krippendorff's alpha (nominal) for two coders and a present/absent value per unit.

    With n = 2·units pairable values, n1 and n0 the values "present" and
    "absent" over both coders and D the units they disagree on:
    alpha = 1 − (n − 1)·D / (n0·n1). None when every value is the same.
    """
    units = disagree = present = 0
    for a, b in pairs:
        units += 1
        disagree += a != b
        present += a + b
    n = 2 * units
    absent = n - present
    if present == 0 or absent == 0:
        return None
    return 1.0 - (n - 1) * disagree / (absent * present)


def _ratio(numerator: int, denominator: int) -> float | None:
    return numerator / denominator if denominator else None


def agreement(machine: Coding, truth: Coding, codes: Iterable[str]) -> Agreement:
    """Agreement of ``machine`` with ``truth`` over the units of ``truth`` and the given codes."""
    codes = tuple(codes)
    tp = fp = fn = 0
    for unit, right in truth.items():
        guess = machine.get(unit, frozenset())
        tp += len(right & guess)
        fp += len(guess - right)
        fn += len(right - guess)
    precision, recall = _ratio(tp, tp + fp), _ratio(tp, tp + fn)
    f1 = 2 * precision * recall / (precision + recall) if precision and recall else (0.0 if precision == 0 or recall == 0 else None)
    alpha = binary_alpha(
        (code in machine.get(unit, frozenset()), code in right) for unit, right in truth.items() for code in codes
    )
    return Agreement(len(truth), precision, recall, f1, alpha, tp + fn)


def per_code(machine: Coding, truth: Coding, codes: Iterable[str]) -> dict[str, Agreement]:
    """Agreement on each code by itself (alpha over the units, present or absent)."""
    result = {}
    for code in codes:
        only = frozenset((code,))
        result[code] = agreement(
            {u: guess & only for u, guess in machine.items()}, {u: right & only for u, right in truth.items()}, (code,)
        )
    return result


def figure(value: float | None) -> str:
    """A figure as written in agreement.csv: three decimals, empty when unknown."""
    return "" if value is None else f"{value:.3f}"
