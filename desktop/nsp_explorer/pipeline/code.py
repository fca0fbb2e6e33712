"""Code text with the codebook: which pillars, areas, frames, partners and years it speaks of."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..core.taxonomy import Taxonomy
from .codebook import Codebook, CodeRule

_YEAR = re.compile(r"(?<![\d,.$€£₩/])(?:1[89]\d\d|20\d\d)(?![\d]|s\b|,\d|\.\d)")


@dataclass(frozen=True)
class Code:
    """One code on one text: where it came from and the words that triggered it."""

    dimension: str
    code: str
    source: str  # lexicon | derived | reviewed
    evidence: tuple[str, ...] = ()


def _spans(pattern: re.Pattern[str] | None, text: str) -> list[tuple[int, int]]:
    return [m.span() for m in pattern.finditer(text)] if pattern is not None else []


def _matches(rule: CodeRule, text: str, vetoes: list[tuple[int, int]]) -> list[str]:
    excluded = vetoes + _spans(rule.exclude, text)
    found = []
    for match in rule.terms.finditer(text):
        start, end = match.span()
        if not any(start < e and s < end for s, e in excluded):
            found.append(match.group())
    return list(dict.fromkeys(found))  # unique, in order of appearance


def years_in(text: str) -> list[str]:
    return list(dict.fromkeys(_YEAR.findall(text)))


def code_text(text: str, codebook: Codebook, taxonomy: Taxonomy) -> list[Code]:
    """Lexicon codes for a text, plus each coded area's pillar (derived)."""
    codes: list[Code] = []
    labels = _spans(codebook.label_exclusions, text)
    for rule in codebook.rules:
        evidence = _matches(rule, text, labels if rule.dimension == "pillar" else [])
        if evidence:
            codes.append(Code(rule.dimension, rule.code, "lexicon", tuple(evidence)))
    codes.extend(Code("year", year, "lexicon", (year,)) for year in years_in(text))
    return with_derived_pillars(codes, taxonomy)


def with_derived_pillars(codes: list[Code], taxonomy: Taxonomy, blocked: frozenset[str] = frozenset()) -> list[Code]:
    """Add the pillar of every coded area that is not already coded (or blocked by review)."""
    have = {c.code for c in codes if c.dimension == "pillar"}
    derived = []
    for c in codes:
        if c.dimension == "area":
            pillar = taxonomy.pillar_of(c.code)
            if pillar not in have and pillar not in blocked:
                have.add(pillar)
                derived.append(Code("pillar", pillar, "derived"))
    return codes + derived
