"""The coder's agreement figures written beside the dataset (agreement.csv) and shown by ``nspx eval``.

Rows: ``sample,level,dimension,units,precision,recall,f1,alpha``.

- ``corpus``: the automatic coder (codebook and rules, no review) against the
  reviewed coding of the corpus (the same plus review.csv), over every
  sentence (``level=sentence``) and every passage (``level=passage``, the
  union of its sentences' codes and any passage-wide decision).
- ``heldout``: the automatic coder against the hand-coded sample
  ``gold/heldout_2026b.csv`` under the data folder, sentence by sentence; no
  rows while that file does not exist.
- ``pages``: the automatic coder against the held-out samples of real web pages,
  whose text belongs to its publishers and is kept outside the repository: the
  figures are recorded in ``gold/heldout_pages.csv`` by ``nspx eval --gold FILE
  --record`` with the fingerprint of the coder that was measured, and copied here
  only while the coder is that one (the same terms with the user's, taxonomy,
  sentence model and vocabulary, context model of the areas, and coding code); a changed coder has no such
  rows until it is measured again.
- ``readers``: the yardstick: a second careful reader of some of the same real-page sentences
  against the first (``nspx agree FIRST SECOND --record`` writes ``gold/readers_pages.csv``);
  it measures the readers, not the coder, so it stays whatever the coder is.
"""

from __future__ import annotations

import csv
import hashlib
import json
from pathlib import Path
from typing import TYPE_CHECKING

from ..core.errors import DataFileError
from .agreement import Agreement, agreement, figure
from .evaluate import EVALUATED, evaluate, load_gold

if TYPE_CHECKING:
    from ..core.taxonomy import Taxonomy
    from .build import CorpusCoding
    from .codebook import Codebook
    from .frame_model import FrameModel

AGREEMENT_COLUMNS = ("sample", "level", "dimension", "units", "precision", "recall", "f1", "alpha")
HELDOUT = Path("gold") / "heldout_2026b.csv"
PAGES = Path("gold") / "heldout_pages.csv"
PAGES_COLUMNS = (*AGREEMENT_COLUMNS, "coder")
READERS = Path("gold") / "readers_pages.csv"
FIGURE_FILES = (PAGES.name, READERS.name)  # files in gold/ that hold figures, not hand-coded sentences
# The code that turns a sentence into codes and scores them. An installed app may carry it compiled only, so
# the fingerprint names its version instead of reading it: raise CODER_VERSION with any change that can change
# a sentence's codes or its scores, and set CODER_SOURCES_SHA to coder_sources_sha() (tests/test_quality.py
# fails until both are looked at).
CODER_SOURCES = (
    "code.py", "codebook.py", "frame_rules.py", "frame_model.py", "modality.py", "negation.py", "sentences.py",
    "wordpiece.py", "evaluate.py", "agreement.py", "context_areas.py",
)
CODER_VERSION = 6
CODER_SOURCES_SHA = "73cec2471c031b174b2140900f4680bb0c7c8f0b9e7dbe63f940f12c59b3faf8"
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


def _text(path: Path) -> bytes:
    """A text file's bytes with Unix line ends (a Windows checkout must not make another coder)."""
    return Path(path).read_bytes().replace(b"\r\n", b"\n") if Path(path).is_file() else b""


def coder_sources_sha() -> str:
    """SHA-256 of the coding code, from the source files (in a checkout; see CODER_VERSION)."""
    return hashlib.sha256(b"".join(_text(Path(__file__).with_name(name)) for name in CODER_SOURCES)).hexdigest()


def coder_fingerprint(codebook: Codebook, taxonomy: Taxonomy, data_dir: Path) -> str:
    """What the automatic coder is made of, as 16 hex digits: its terms as merged with the user's, the taxonomy,
    the sentence model's manifest (it names the weights' SHA-256) and vocabulary, the context model of the areas,
    and the coding code's version."""
    parts = [
        codebook.digest,
        json.dumps([taxonomy.pillars, taxonomy.areas, taxonomy.frames, taxonomy.partners], sort_keys=True, ensure_ascii=False),
        hashlib.sha256(_text(data_dir / "models" / "frames.json")).hexdigest(),
        hashlib.sha256(_text(data_dir / "models" / "vocab.txt")).hexdigest(),
        hashlib.sha256(_text(data_dir / "models" / "context.json")).hexdigest(),
        f"coder {CODER_VERSION}",
    ]
    return hashlib.sha256("\n".join(parts).encode("utf-8")).hexdigest()[:16]


def _recorded(path: Path, columns: tuple[str, ...]) -> list[dict[str, str]]:
    """The rows of a file of recorded figures (none if there is no such file); a file without ``columns`` is refused."""
    if not path.is_file():
        return []
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        missing = [c for c in columns if c not in (reader.fieldnames or ())]
        if missing:
            raise DataFileError(path, f"lacks the column(s) {', '.join(missing)}")
        return list(reader)


def recorded_pages(data_dir: Path, fingerprint: str) -> list[tuple[str, ...]]:
    """The real pages' recorded rows measured with this coder (none if they were measured with another)."""
    return [tuple(row[c] for c in AGREEMENT_COLUMNS) for row in _recorded(data_dir / PAGES, PAGES_COLUMNS) if row["coder"] == fingerprint]


def recorded_readers(data_dir: Path) -> list[tuple[str, ...]]:
    """The two readers' recorded rows (none if they were not measured)."""
    rows = [tuple(row[c] for c in AGREEMENT_COLUMNS) for row in _recorded(data_dir / READERS, AGREEMENT_COLUMNS)]
    if any(row[0] != "readers" for row in rows):
        raise DataFileError(data_dir / READERS, "has a row whose sample is not 'readers'")
    return rows


def record_readers(data_dir: Path, result: dict[str, Agreement]) -> Path:
    """Write the two readers' figures (atomically)."""
    from .review_from_gold import write_csv

    path = data_dir / READERS
    write_csv(path, [list(AGREEMENT_COLUMNS), *(list(_row("readers", "sentence", d, score)) for d, score in result.items())])
    return path


def record_pages(data_dir: Path, result: dict[str, Agreement], fingerprint: str) -> Path:
    """Write the real pages' figures with the fingerprint of the coder measured (atomically)."""
    from .review_from_gold import write_csv

    path = data_dir / PAGES
    write_csv(path, [list(PAGES_COLUMNS), *([*_row("pages", "sentence", d, score), fingerprint] for d, score in result.items())])
    return path


def _row(sample: str, level: str, dimension: str, score: Agreement) -> tuple[str, ...]:
    return (sample, level, dimension, str(score.units), *(figure(v) for v in (score.precision, score.recall, score.f1, score.alpha)))


def agreement_rows(coding: CorpusCoding, data_dir: Path, codebook: Codebook, taxonomy: Taxonomy) -> list[tuple[str, ...]]:
    rows = []
    for level in ("sentence", "passage"):
        rows += [_row("corpus", level, d, score) for d, score in corpus_agreement(coding, level).items()]
    rows += [_row("heldout", "sentence", d, score) for d, score in heldout_agreement(data_dir, codebook, taxonomy, coding.model).items()]
    rows += recorded_pages(data_dir, coder_fingerprint(codebook, taxonomy, data_dir))
    rows += recorded_readers(data_dir)
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
