"""Run the whole pipeline and write the four dataset CSVs atomically.

Everything is computed in memory first; files are written to temporary
names beside the targets and renamed into place only when all four are
complete, so a failed build leaves the previous dataset as it was. The same
inputs always give byte-identical files.
"""

from __future__ import annotations

import csv
import io
import os
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ..core.errors import DataFileError
from ..core.folder_lock import new_staging, swap_in, writing
from ..core.taxonomy import DIMENSIONS, Taxonomy, load_taxonomy
from .clean import clean_document
from .code import Code, lexicon_codes_of_all
from .codebook import load_codebook
from .facts import facts_in_passage, facts_in_table, load_fact_rules
from .review import apply_review, load_review
from .segment import Passage, segment
from .sources import load_corpus

Progress = Callable[[str, float], None]

TABLE_COLUMNS = {
    "documents.csv": ("doc_id", "source_file", "title", "author", "affiliation", "outlet", "published", "year", "url", "date_basis"),
    "passages.csv": ("passage_id", "doc_id", "position", "section", "text"),
    "codes.csv": ("passage_id", "dimension", "code", "source", "evidence"),
    "facts.csv": ("fact_id", "passage_id", "indicator", "value", "unit", "year", "partner", "quote"),
}


@dataclass(frozen=True)
class BuiltDataset:
    tables: dict[str, list[tuple[str, ...]]]  # file name -> rows (without header)

    def count(self, name: str) -> int:
        return len(self.tables[name])


def _code_order(taxonomy: Taxonomy) -> Callable[[Code], tuple[int, int, str]]:
    rank = {(d, c): i for d in DIMENSIONS for i, c in enumerate(taxonomy.ids(d))}
    return lambda code: (DIMENSIONS.index(code.dimension), rank.get((code.dimension, code.code), 0), code.code)


def build_dataset(
    data_dir: Path,
    progress: Progress | None = None,
    corpus_dir: Path | None = None,
    review_path: Path | None = None,
    user_review: Path | None = None,
    overlay: Path | None = None,
    project_review: bool = True,
) -> BuiltDataset:
    """Clean, segment, code and extract facts for a corpus with the rules under ``data_dir``.

    The corpus and review file default to the ones in ``data_dir``; the user's
    library passes its own and is built by exactly the same code. ``user_review``
    adds the user's decisions (those about passages of this corpus; the others
    belong to the other part of the combined dataset). ``overlay`` adds the
    user's own codebook terms.
    """
    report = progress or (lambda step, fraction: None)
    report("reading the corpus and codebook", 0.0)
    taxonomy = load_taxonomy(data_dir / "taxonomy.json")
    codebook = load_codebook(data_dir / "codebook.toml", taxonomy, overlay)
    fact_rules = load_fact_rules(data_dir / "facts.toml")
    review_path = review_path or data_dir / "review.csv"
    decisions = load_review(review_path, taxonomy) if project_review else []  # the project's decisions are about its corpus
    corpus_dir = corpus_dir or data_dir / "corpus"
    documents = load_corpus(corpus_dir)
    if user_review is not None:
        mine = {d.doc_id for d in documents}
        decisions += [d for d in load_review(user_review, taxonomy) if d.passage_id.rsplit(":", 1)[0] in mine]

    passages: list[Passage] = []
    for n, document in enumerate(documents):
        report(f"cleaning {document.source_file}", 0.1 + 0.4 * n / len(documents))
        blocks = clean_document(document.text, title=document.title, author=document.author)
        if not blocks:
            raise DataFileError(corpus_dir / "raw" / document.source_file, "has no paragraphs of text after cleaning")
        passages.extend(segment(document.doc_id, blocks))

    report("coding passages", 0.5)
    coded = lexicon_codes_of_all([p.text for p in passages], codebook, lambda done: report("coding passages", 0.5 + 0.3 * done))
    lexicon = dict(zip((p.passage_id for p in passages), coded))
    codes = apply_review(lexicon, decisions, taxonomy, review_path if user_review is None else user_review)

    report("extracting cited figures", 0.8)
    order = _code_order(taxonomy)
    code_rows, fact_rows = [], []
    for i, passage in enumerate(passages):
        if i % 256 == 0:
            report("extracting cited figures", 0.8 + 0.2 * i / len(passages))
        for code in sorted(codes[passage.passage_id], key=order):
            code_rows.append((passage.passage_id, code.dimension, code.code, code.source, "; ".join(code.evidence)))
        found = (
            facts_in_table(passage.passage_id, passage.table, passage.text, codebook, fact_rules)
            if passage.table
            else facts_in_passage(passage.passage_id, passage.text, codebook, fact_rules)
        )
        for n, fact in enumerate(found, start=1):
            fact_rows.append(
                (f"{passage.passage_id}#{n}", fact.passage_id, fact.indicator, fact.value, fact.unit, fact.year, fact.partner, fact.quote)
            )

    document_rows = [
        (d.doc_id, d.source_file, d.title, d.author, d.affiliation, d.outlet, d.published, str(d.year), d.url, d.date_basis)
        for d in documents
    ]
    passage_rows = [(p.passage_id, p.doc_id, str(p.position), p.section, p.text) for p in passages]
    report("done", 1.0)
    return BuiltDataset(
        {"documents.csv": document_rows, "passages.csv": passage_rows, "codes.csv": code_rows, "facts.csv": fact_rows}
    )


def csv_bytes(columns: tuple[str, ...], rows: list[tuple[str, ...]]) -> bytes:
    """RFC 4180 CSV, UTF-8, '\\n' line ends: the same rows give the same bytes."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(columns)
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8")


def write_dataset(dataset: BuiltDataset, out_dir: Path) -> list[Path]:
    """Write the four CSVs into ``out_dir`` as one set: all of them or, on failure, none.

    One build at a time holds the folder (another gets "busy"); the files are
    written complete in a staging folder inside it and moved in through a
    journal, so readers and a kill at any moment see the old set or the new one.
    """
    with writing(out_dir, "build"):
        try:
            staging = new_staging(out_dir)
        except OSError as exc:
            raise DataFileError(out_dir, f"cannot be written: {exc.strerror or exc}; the previous dataset is unchanged") from None
        try:
            for name, columns in TABLE_COLUMNS.items():
                with open(staging / name, "wb") as stream:
                    stream.write(csv_bytes(columns, dataset.tables[name]))
                    stream.flush()
                    os.fsync(stream.fileno())
        except OSError as exc:
            shutil.rmtree(staging, ignore_errors=True)
            where = Path(exc.filename) if exc.filename else out_dir
            raise DataFileError(where, f"cannot be written: {exc.strerror or exc}; the previous dataset is unchanged") from None
        try:
            swap_in(out_dir, staging, list(TABLE_COLUMNS), [])
        except OSError as exc:
            raise DataFileError(out_dir, f"cannot be written: {exc.strerror or exc}") from None
    return [out_dir / name for name in TABLE_COLUMNS]
