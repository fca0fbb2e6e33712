"""Turn an adjudicated human coding of the corpus's sentences into review decisions.

The gold file is a CSV ``sentence_id,frames,areas,partners,note`` (several
codes in a cell joined by ``;``; an empty cell means none). For every sentence
it names, the review file gets the rows that turn the automatic coder's codes
of that sentence into the gold codes: ``remove`` for a machine code the gold
lacks, ``add`` for a gold code the machine lacks, the note as the reason.

Pillars are not in the gold: they follow from its areas. A pillar the
codebook matched by itself in a sentence ("economic", "security") is removed
when no gold area of that sentence belongs to it; derived pillars follow the
areas anyway. Years are not reviewed.

Decisions already in the review file about sentences (or whole passages) that
the gold covers are replaced by it; the others are kept. Every passage whose
sentences the gold covers in full is listed in checked.csv, so its document
is marked ``reviewed`` once all of its passages are.
"""

from __future__ import annotations

import csv
import io
import os
import re
import tempfile
from pathlib import Path

from ..core.errors import DataFileError
from .build import code_corpus
from .checked import CHECKED_COLUMNS
from .review import REVIEW_COLUMNS, load_review, same_words, sentence_id
from .sources import read_text_file

GOLD_COLUMNS = ("sentence_id", "frames", "areas", "partners", "note")
REVIEWED = {"frames": "frame", "areas": "area", "partners": "partner"}
_SENTENCE = re.compile(r"(.+:\d+)\.(\d+)")


def load_gold_sentences(path: Path, taxonomy) -> dict[tuple[str, int], tuple[dict[str, frozenset[str]], str]]:
    """(passage_id, sentence) -> (codes per dimension, note)."""
    rows = list(csv.reader(read_text_file(path).splitlines()))
    if not rows or tuple(c.strip() for c in rows[0]) != GOLD_COLUMNS:
        raise DataFileError(path, f"must start with the header {','.join(GOLD_COLUMNS)}")
    gold = {}
    for line, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(GOLD_COLUMNS):
            raise DataFileError(path, f"line {line}: expected {len(GOLD_COLUMNS)} fields, found {len(row)}")
        unit = _SENTENCE.fullmatch(row[0].strip())
        if unit is None:
            raise DataFileError(path, f"line {line}: {row[0]!r} is not a sentence ID (<passage_id>.<n>)")
        codes = {}
        for column, dimension in REVIEWED.items():
            values = frozenset(v.strip() for v in row[GOLD_COLUMNS.index(column)].split(";") if v.strip())
            bad = sorted(v for v in values if not taxonomy.is_valid(dimension, v))
            if bad:
                raise DataFileError(path, f"line {line}: unknown {dimension} code(s) {', '.join(bad)}")
            codes[dimension] = values
        key = (unit.group(1), int(unit.group(2)))
        if key in gold:
            raise DataFileError(path, f"line {line}: {row[0]} is coded twice")
        gold[key] = (codes, row[4].strip())
    return gold


def review_rows(data_dir: Path, gold_path: Path) -> tuple[list[list[str]], list[list[str]]]:
    """The review file's rows (header first) and checked.csv's rows (header first) that the gold implies."""
    coding = code_corpus(data_dir)
    taxonomy = coding.taxonomy
    gold = load_gold_sentences(gold_path, taxonomy)
    for passage_id, number in gold:
        if not 1 <= number <= len(coding.sentences.get(passage_id, ())):
            raise DataFileError(gold_path, f"{sentence_id(passage_id, number)} is not a sentence of the corpus")
    default_reason = f"adjudicated human coding ({gold_path.name})"
    decisions: list[list[str]] = []
    for passage in coding.passages:
        pid = passage.passage_id
        for number, words in enumerate(coding.sentences[pid], start=1):
            if (pid, number) not in gold:
                continue
            wanted, note = gold[(pid, number)]
            reason = note or default_reason
            unit, words = sentence_id(pid, number), same_words(words)
            mine = [c for c in coding.machine[pid] if c.sentence == number]
            for dimension in ("area", "frame", "partner"):
                have = {c.code for c in mine if c.dimension == dimension}
                order = taxonomy.ids(dimension)
                decisions += [[unit, dimension, code, "remove", reason, words] for code in order if code in have - wanted[dimension]]
                decisions += [[unit, dimension, code, "add", reason, words] for code in order if code in wanted[dimension] - have]
            supported = {taxonomy.pillar_of(area) for area in wanted["area"]}
            for code in mine:
                if code.dimension == "pillar" and code.source == "lexicon" and code.code not in supported:
                    decisions.append([unit, "pillar", code.code, "remove", f"no area of this sentence is in the {code.code} pillar ({reason})", words])
    covered = {p.passage_id for p in coding.passages if all((p.passage_id, n) in gold for n in range(1, len(coding.sentences[p.passage_id]) + 1))}
    gold_units = {sentence_id(pid, n) for pid, n in gold}
    kept = [
        [sentence_id(d.passage_id, d.sentence) if d.sentence else d.passage_id, d.dimension, d.code, d.action, d.reason, d.words]
        for d in load_review(data_dir / "review.csv", taxonomy)
        if not (d.sentence and sentence_id(d.passage_id, d.sentence) in gold_units) and not (not d.sentence and d.passage_id in covered)
    ]
    checked = [[p.passage_id, f"every sentence coded by hand and adjudicated ({gold_path.name})"] for p in coding.passages if p.passage_id in covered]
    review = [list(REVIEW_COLUMNS), *kept, *decisions]
    return review + _areas_lost_with_their_carriers(data_dir, review, gold, default_reason), [list(CHECKED_COLUMNS), *checked]


def _areas_lost_with_their_carriers(data_dir: Path, review: list[list[str]], gold: dict, default_reason: str) -> list[list[str]]:
    """``add`` rows for the gold areas that the review's removals take away: an area a sentence took from its
    neighbours goes when a reader takes it off every neighbour that carried it (context_areas.with_taken_areas)."""
    with tempfile.TemporaryDirectory() as folder:
        trial = Path(folder) / "review.csv"
        write_csv(trial, review)
        coding = code_corpus(data_dir, review_path=trial)
    rows = []
    order = coding.taxonomy.ids("area")
    for (passage_id, number), (wanted, note) in gold.items():
        have = {c.code for c in coding.final[passage_id] if c.sentence == number and c.dimension == "area"}
        words = same_words(coding.sentences[passage_id][number - 1])
        rows += [[sentence_id(passage_id, number), "area", code, "add", note or default_reason, words] for code in order if code in wanted["area"] - have]
    return rows


def write_csv(path: Path, rows: list[list[str]]) -> None:
    """Rows as CSV, atomically: the old file stays whole until the new one is complete."""
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(rows)
    temp = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)  # a data folder without gold/ yet
        handle, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as stream:
            stream.write(buffer.getvalue())
        os.replace(temp, path)
    except OSError as exc:
        if temp is not None:
            Path(temp).unlink(missing_ok=True)
        raise DataFileError(path, f"cannot be written: {exc.strerror or exc}") from None


def write_review_from_gold(data_dir: Path, gold_path: Path) -> tuple[int, int]:
    """Write review.csv and checked.csv under ``data_dir``; returns (decisions, checked passages)."""
    review, checked = review_rows(data_dir, gold_path)
    write_csv(data_dir / "review.csv", review)
    write_csv(data_dir / "checked.csv", checked)
    return len(review) - 1, len(checked) - 1
