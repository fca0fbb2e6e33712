"""The coder's agreement figures written beside the dataset (agreement.csv) and shown by ``nspx eval``.

Rows: ``sample,level,dimension,units,precision,recall,f1,alpha``.

- ``corpus``: the automatic coder (codebook and rules, no review) against the
  reviewed coding of the corpus (the same plus review.csv), over every
  sentence (``level=sentence``) and every passage (``level=passage``, the
  union of its sentences' codes and any passage-wide decision).
- ``heldout``: the automatic coder against the hand-coded sample
  ``gold/heldout_2026b.csv`` under the data folder, sentence by sentence; no
  rows while that file does not exist.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from .agreement import Agreement, agreement, figure
from .evaluate import EVALUATED, evaluate, load_gold

if TYPE_CHECKING:
    from ..core.taxonomy import Taxonomy
    from .build import CorpusCoding
    from .codebook import Codebook
    from .frame_model import FrameModel

AGREEMENT_COLUMNS = ("sample", "level", "dimension", "units", "precision", "recall", "f1", "alpha")
HELDOUT = Path("gold") / "heldout_2026b.csv"
FRAMES = ("achievement", "opportunity", "challenge", "recommendation")


def corpus_codings(coding: CorpusCoding, level: str) -> dict[str, tuple[dict, dict]]:
    """Per dimension: (machine, reviewed) codes of every unit of the corpus at ``level`` (sentence or passage)."""
    result = {}
    for dimension in EVALUATED:
        machine: dict = {}
        truth: dict = {}
        for passage in coding.passages:
            pid = passage.passage_id
            units = [pid] if level == "passage" else [(pid, n) for n in range(1, len(coding.sentences[pid]) + 1)]
            for unit in units:
                machine[unit], truth[unit] = set(), set()
            for target, codes in ((machine, coding.machine[pid]), (truth, coding.final[pid])):
                for code in codes:
                    if code.dimension != dimension:
                        continue
                    unit = pid if level == "passage" else (pid, code.sentence)
                    if unit in target:  # a passage-wide decision has no sentence
                        target[unit].add(code.code)
        result[dimension] = ({u: frozenset(v) for u, v in machine.items()}, {u: frozenset(v) for u, v in truth.items()})
    return result


def corpus_agreement(coding: CorpusCoding, level: str) -> dict[str, Agreement]:
    return {
        dimension: agreement(machine, truth, coding.taxonomy.ids(dimension))
        for dimension, (machine, truth) in corpus_codings(coding, level).items()
    }


def heldout_agreement(data_dir: Path, codebook: Codebook, taxonomy: Taxonomy, model: FrameModel) -> dict[str, Agreement]:
    path = data_dir / HELDOUT
    if not path.exists():
        return {}
    return {dimension: scores[0] for dimension, scores in evaluate(load_gold(path, taxonomy), codebook, taxonomy, model).items()}


def _row(sample: str, level: str, dimension: str, score: Agreement) -> tuple[str, ...]:
    return (sample, level, dimension, str(score.units), *(figure(v) for v in (score.precision, score.recall, score.f1, score.alpha)))


def agreement_rows(coding: CorpusCoding, data_dir: Path, codebook: Codebook, taxonomy: Taxonomy) -> list[tuple[str, ...]]:
    rows = []
    for level in ("sentence", "passage"):
        rows += [_row("corpus", level, d, score) for d, score in corpus_agreement(coding, level).items()]
    rows += [_row("heldout", "sentence", d, score) for d, score in heldout_agreement(data_dir, codebook, taxonomy, coding.model).items()]
    return rows


def frame_shares(coding: CorpusCoding) -> list[tuple[str, str, float, float]]:
    """(author, frame, % of the author's passages with it by machine, % after review), authors in corpus order."""
    author_of = {d.doc_id: d.author for d in coding.documents}
    passages: dict[str, list[str]] = {}
    for passage in coding.passages:
        passages.setdefault(author_of[passage.doc_id], []).append(passage.passage_id)
    rows = []
    for author, ids in passages.items():
        for frame in FRAMES:
            shares = [
                100 * sum(any(c.dimension == "frame" and c.code == frame for c in codes[p]) for p in ids) / len(ids)
                for codes in (coding.machine, coding.final)
            ]
            rows.append((author, frame, *shares))
    return rows
