"""Compare the coder with a hand-coded sample of sentences: precision, recall, F1 and alpha per dimension.

A sample is a CSV ``doc_id,sentence,pillar,area,frame,partner`` (several codes
in a cell joined by ``;``), coded by hand before the coder ran on it.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from pathlib import Path

from ..core.errors import DataFileError
from ..core.taxonomy import Taxonomy
from .agreement import Agreement, agreement, figure, per_code
from .code import code_text, with_derived_pillars
from .context_areas import ContextModel, with_context_areas
from .frame_model import FrameModel, weighed_codes
from .sentences import sentence_texts
from .codebook import Codebook

EVALUATED = ("pillar", "area", "frame", "partner")


@dataclass(frozen=True)
class GoldSentence:
    doc_id: str
    sentence: str
    codes: dict[str, frozenset[str]]


def load_gold(path: Path, taxonomy: Taxonomy) -> list[GoldSentence]:
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:  # a spreadsheet's "CSV UTF-8" starts with a BOM
            rows = list(csv.DictReader(handle))
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise DataFileError(path, f"cannot be read: {exc}") from None
    if not rows:
        raise DataFileError(path, "has no hand-coded sentences (a header line, then one sentence a line)")
    missing = [c for c in ("doc_id", "sentence", *EVALUATED) if c not in rows[0]]
    if missing:
        raise DataFileError(path, f"lacks the column(s) {', '.join(missing)}: it must have doc_id,sentence,pillar,area,frame,partner")
    known = {d: _codes_as_typed(taxonomy, d) for d in EVALUATED}
    gold = []
    for line, row in enumerate(rows, start=2):
        if not (row["sentence"] or "").strip():
            raise DataFileError(path, f"line {line}: the sentence is empty")
        if "\n" in row["sentence"] or "\r" in row["sentence"]:
            raise DataFileError(path, f"line {line}: a sentence runs over several lines (a quote that is not closed?)")
        codes = {}
        for dimension in EVALUATED:
            written = [v.strip() for v in re.split(r"[;,]", row.get(dimension) or "") if v.strip()]  # no code has a comma
            bad = [v for v in written if _code_id(v) not in known[dimension]]
            if bad:
                raise DataFileError(
                    path, f"line {line}: unknown {dimension} code(s) {', '.join(sorted(bad))} (the {dimension} IDs are {', '.join(taxonomy.ids(dimension))})"
                )
            codes[dimension] = frozenset(known[dimension][_code_id(v)] for v in written)
        gold.append(GoldSentence(row["doc_id"], row["sentence"], codes))
    return gold


def _code_id(written: str) -> str:
    """A code as a person may type it ("Achievement", "North Korea", "human-rights"), in one spelling to look up."""
    return "_".join(written.lower().replace("-", " ").split())


def _codes_as_typed(taxonomy: Taxonomy, dimension: str) -> dict[str, str]:
    """Each code of a dimension by its ID and by its label as the app shows it ("Viet Nam", "Climate and green
    growth"), in the spelling of ``_code_id``."""
    return {_code_id(text): code for code in taxonomy.ids(dimension) for text in (taxonomy.label(dimension, code), code)}


def check_runs(gold: list[GoldSentence], path: Path) -> None:
    """Refuse, by file and line, a sample to be read in context whose document's rows are not one run: a doc_id that
    comes back after another's would be read as a new document, and two runs of a page as one."""
    ended: set[str] = set()
    for line, (before, row) in enumerate(zip([None, *gold], gold), start=2):
        if not row.doc_id.strip():
            raise DataFileError(path, f"line {line}: no doc_id: to be read in context, every sentence must name its document")
        if before is not None and before.doc_id != row.doc_id:
            ended.add(before.doc_id)
        if row.doc_id in ended:
            raise DataFileError(path, f"line {line}: {row.doc_id!r} comes again after other documents; to be read in context, a document's rows must follow each other")


def machine_coding(
    sentences: list[str], codebook: Codebook, taxonomy: Taxonomy, model: FrameModel, in_context: tuple[ContextModel, list[str]] | None = None
) -> dict[str, dict[int, frozenset[str]]]:
    """The automatic coder's codes of each sentence (all of its sentences, if the splitter finds several), per dimension.

    ``in_context``: the context model and each sentence's document, when the sentences are runs of consecutive
    sentences of their documents (a reader read them there): each then also takes areas from its neighbours, as
    in an imported document. Without it every sentence is read on its own."""
    found: dict[str, dict[int, set[str]]] = {d: {i: set() for i in range(len(sentences))} for d in EVALUATED}
    parts = [sentence_texts(text) for text in sentences]
    coded = weighed_codes(parts, [code_text(text, codebook, taxonomy) for text in sentences], model)
    if in_context is not None:
        context, documents = in_context
        coded = [with_derived_pillars(codes, taxonomy) for codes in with_context_areas(coded, parts, documents, context)]
    for i, codes in enumerate(coded):
        for code in codes:
            if code.dimension in found:
                found[code.dimension][i].add(code.code)
    return {d: {i: frozenset(v) for i, v in units.items()} for d, units in found.items()}


def evaluate(
    gold: list[GoldSentence], codebook: Codebook, taxonomy: Taxonomy, model: FrameModel, context: ContextModel | None = None
) -> dict[str, tuple[Agreement, dict[str, Agreement]]]:
    """Per dimension: the coder's agreement with the hand coding, and each code's. With ``context``, the sample's
    rows are read as runs of their documents (``machine_coding``)."""
    sentences = [g.sentence for g in gold]
    machine = machine_coding(sentences, codebook, taxonomy, model, (context, [g.doc_id for g in gold]) if context else None)
    result = {}
    for dimension in EVALUATED:
        truth = {i: g.codes[dimension] for i, g in enumerate(gold)}
        codes = taxonomy.ids(dimension)
        result[dimension] = (agreement(machine[dimension], truth, codes), per_code(machine[dimension], truth, codes))
    return result


def _cells(score: Agreement) -> str:
    shown = [figure(v) or "–" for v in (score.precision, score.recall, score.f1, score.alpha)]
    return f"{shown[0]:>10}{shown[1]:>8}{shown[2]:>7}{shown[3]:>7}{score.support:>9}"


def format_report(result: dict[str, tuple[Agreement, dict[str, Agreement]]], title: str, detail: bool = False) -> str:
    lines = [title, "", f"{'dimension':<12}{'precision':>10}{'recall':>8}{'F1':>7}{'alpha':>7}{'support':>9}"]
    for dimension, (score, _) in result.items():
        lines.append(f"{dimension:<12}{_cells(score)}")
    if detail:
        lines += ["", f"{'code':<36}{'precision':>10}{'recall':>8}{'F1':>7}{'alpha':>7}{'support':>9}"]
        for dimension, (_, codes) in result.items():
            for code, score in codes.items():
                if score.support or score.precision is not None:
                    lines.append(f"{dimension + ':' + code:<36}{_cells(score)}")
    return "\n".join(lines)
