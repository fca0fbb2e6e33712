"""Run the whole pipeline and write the dataset CSVs atomically.

Everything is computed in memory first; files are written to temporary
names beside the targets and renamed into place only when all of them are
complete (the four contract tables and agreement.csv), so a failed build leaves the previous dataset as it was. The same
inputs always give byte-identical files.
"""

from __future__ import annotations

import csv
import io
import os
import shutil
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from ..core.errors import DataFileError
from ..core.folder_lock import new_staging, swap_in, writing
from ..core.taxonomy import DIMENSIONS, Taxonomy, load_taxonomy
from .clean import clean_document
from .agreement_table import AGREEMENT_COLUMNS, agreement_rows
from .checked import load_checked
from .code import Code, lexicon_codes_of_all
from .context_areas import ContextModel, areas_from_context, load_context_model, with_taken_areas
from .frame_model import FrameModel, load_frame_model, weighed_codes
from .codebook import Codebook, load_codebook
from .facts import facts_in_passage, facts_in_table, load_fact_rules, unit_checks
from .facts_review import apply_facts_review, load_facts_review
from .review import Decision, anchored, apply_review, load_review
from .segment import Passage, segment
from .sentences import sentence_texts
from .sources import SourceDocument, load_corpus

Progress = Callable[[str, float], None]

TABLE_COLUMNS = {
    "documents.csv": (
        "doc_id", "source_file", "title", "author", "affiliation", "outlet", "published", "year", "url", "date_basis", "coding",
    ),
    "passages.csv": ("passage_id", "doc_id", "position", "section", "text"),
    "codes.csv": ("passage_id", "sentence", "dimension", "code", "source", "evidence"),
    "facts.csv": ("fact_id", "passage_id", "indicator", "value", "unit", "year", "partner", "quote", "printed", "qualifier", "country", "check", "note"),
    "agreement.csv": AGREEMENT_COLUMNS,
}


@dataclass(frozen=True)
class BuiltDataset:
    tables: dict[str, list[tuple[str, ...]]]  # file name -> rows (without header)
    set_aside: tuple[str, ...] = ()  # the user's decisions not applied because their words are gone, and why

    def count(self, name: str) -> int:
        return len(self.tables[name])


@dataclass(frozen=True)
class CorpusCoding:
    """A corpus cleaned, split into passages and sentences, and coded by machine and after review."""

    documents: list[SourceDocument]
    passages: list[Passage]
    sentences: dict[str, list[str]]  # passage_id -> the words of its sentences, in order
    machine: dict[str, list[Code]]  # passage_id -> the automatic coder's codes (no review), with derived pillars
    final: dict[str, list[Code]]  # passage_id -> codes after review
    checked: frozenset[str]  # passages a human checked in full
    taxonomy: Taxonomy
    codebook: Codebook
    model: FrameModel  # the sentence model that weighed the rules' frames
    context: ContextModel  # the model that gave sentences areas from their neighbours
    set_aside: tuple[str, ...] = ()  # the user's decisions whose words are no longer in their document: not applied, why


def _code_order(taxonomy: Taxonomy) -> Callable[[Code], tuple[int, int, int, str]]:
    rank = {(d, c): i for d in DIMENSIONS for i, c in enumerate(taxonomy.ids(d))}
    return lambda code: (code.sentence, DIMENSIONS.index(code.dimension), rank.get((code.dimension, code.code), 0), code.code)


def code_corpus(
    data_dir: Path,
    progress: Progress | None = None,
    corpus_dir: Path | None = None,
    review_path: Path | None = None,
    user_review: Path | None = None,
    overlay: Path | None = None,
    project_review: bool = True,
) -> CorpusCoding:
    """Clean, segment and code a corpus with the rules under ``data_dir``, before and after review.

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
    review_path = review_path or data_dir / "review.csv"
    project = load_review(review_path, taxonomy) if project_review else []  # the project's decisions are about its corpus
    checked = load_checked(data_dir / "checked.csv") if project_review else frozenset()
    corpus_dir = corpus_dir or data_dir / "corpus"
    documents = load_corpus(corpus_dir)
    users: list[Decision] = []
    if user_review is not None:
        mine = {d.doc_id for d in documents}
        users = [d for d in load_review(user_review, taxonomy) if d.passage_id.rsplit(":", 1)[0] in mine]

    passages: list[Passage] = []
    for n, document in enumerate(documents):
        report(f"cleaning {document.source_file}", 0.1 + 0.4 * n / len(documents))
        blocks = clean_document(document.text, title=document.title, author=document.author)
        if not blocks:
            raise DataFileError(corpus_dir / "raw" / document.source_file, "has no paragraphs of text after cleaning")
        passages.extend(segment(document.doc_id, blocks))

    report("coding passages", 0.5)
    coded = lexicon_codes_of_all([p.text for p in passages], codebook, lambda done: report("coding passages", 0.5 + 0.1 * done))
    sentences = {p.passage_id: sentence_texts(p.text) for p in passages}
    model = load_frame_model(data_dir / "models")
    coded = weighed_codes(list(sentences.values()), coded, model, lambda done: report("weighing frames with the sentence model", 0.6 + 0.2 * done))
    report("taking areas from the sentences around", 0.8)
    context = load_context_model(data_dir / "models")
    ids = [p.passage_id for p in passages]
    taken = areas_from_context(coded, list(sentences.values()), [p.doc_id for p in passages], context)

    def with_context(removed: frozenset[tuple[int, int, str]] = frozenset()) -> dict[str, list[Code]]:
        return dict(zip(ids, with_taken_areas(coded, taken, removed)))

    project, lost = anchored(project, sentences)
    if lost:
        raise DataFileError(review_path, f"{lost[0][1]}: the corpus is divided differently now; run nspx review-from-gold again")
    users, set_aside = anchored(users, sentences)
    where = review_path if user_review is None else user_review
    machine = apply_review(with_context(), [], taxonomy, where, sentences)
    decisions = project + users
    # an area a reader took off a sentence no longer reaches its neighbours either
    final = apply_review(with_context(removed_areas(decisions, ids)), decisions, taxonomy, where, sentences) if decisions else machine
    aside = tuple(f"{reason} ({d.dimension} {d.code}, {d.action}: {d.reason})" for d, reason in set_aside)
    return CorpusCoding(documents, passages, sentences, machine, final, checked, taxonomy, codebook, model, context, aside)


def removed_areas(decisions: list[Decision], passage_ids: list[str]) -> frozenset[tuple[int, int, str]]:
    """(passage index, sentence, area) of every area a decision removes (sentence 0: from the whole passage)."""
    index = {passage_id: i for i, passage_id in enumerate(passage_ids)}
    return frozenset(
        (index[d.passage_id], d.sentence, d.code) for d in decisions if d.dimension == "area" and d.action == "remove" and d.passage_id in index
    )


def build_dataset(data_dir: Path, progress: Progress | None = None, **corpus: object) -> BuiltDataset:
    """The dataset's tables for a corpus (arguments as ``code_corpus``), with the coder's agreement figures."""
    report = progress or (lambda step, fraction: None)
    coding = code_corpus(data_dir, progress, **corpus)
    taxonomy, codebook = coding.taxonomy, coding.codebook
    fact_rules = load_fact_rules(data_dir / "facts.toml")
    facts_review_path = data_dir / "facts_review.csv"
    project_review = corpus.get("project_review", True)
    corrections = load_facts_review(facts_review_path) if project_review else []  # about the project's corpus only

    report("extracting cited figures", 0.8)
    order = _code_order(taxonomy)
    code_rows, found_facts, in_table = [], [], []
    for i, passage in enumerate(coding.passages):
        if i % 256 == 0:  # a chance to Cancel: the callback may raise
            report("extracting cited figures", 0.8 + 0.1 * i / len(coding.passages))
        for code in sorted(coding.final[passage.passage_id], key=order):
            code_rows.append(
                (passage.passage_id, str(code.sentence or ""), code.dimension, code.code, code.source, "; ".join(code.evidence))
            )
        found = (
            facts_in_table(passage.passage_id, passage.table, passage.text, codebook, fact_rules)
            if passage.table
            else facts_in_passage(passage.passage_id, passage.text, codebook, fact_rules)
        )
        found_facts += [(f"{passage.passage_id}#{n}", fact) for n, fact in enumerate(found, start=1)]
        in_table += [passage.table is not None] * len(found)
    found_facts = apply_facts_review(found_facts, corrections, facts_review_path)
    checks = unit_checks([fact for _, fact in found_facts], fact_rules, in_table)
    fact_rows = [
        (fact_id, f.passage_id, f.indicator, f.value, f.unit, f.year, f.partner, f.quote, f.printed, f.qualifier, f.country, check, f.note)
        for (fact_id, f), check in zip(found_facts, checks)
    ]

    passages_of: dict[str, list[str]] = {}
    for passage in coding.passages:
        passages_of.setdefault(passage.doc_id, []).append(passage.passage_id)
    document_rows = [
        (
            d.doc_id, d.source_file, d.title, d.author, d.affiliation, d.outlet, d.published, str(d.year or ""), d.url, d.date_basis,
            "reviewed" if all(p in coding.checked for p in passages_of.get(d.doc_id, ())) and d.doc_id in passages_of else "machine",
        )
        for d in coding.documents
    ]
    passage_rows = [(p.passage_id, p.doc_id, str(p.position), p.section, p.text) for p in coding.passages]
    report("measuring the coder's agreement", 0.9)
    agreement = agreement_rows(coding, data_dir, codebook, taxonomy)
    report("done", 1.0)
    return BuiltDataset(
        {
            "documents.csv": document_rows,
            "passages.csv": passage_rows,
            "codes.csv": code_rows,
            "facts.csv": fact_rows,
            "agreement.csv": agreement,
        },
        coding.set_aside,
    )


# the columns that hold words from documents or readers (not IDs, codes, numbers or addresses): where a copy for
# people to open (nspx dataset) neutralises what a spreadsheet would run as a formula
WORDS_COLUMNS = {
    "documents.csv": ("title", "author", "affiliation", "outlet", "date_basis"),
    "passages.csv": ("section", "text"),
    "codes.csv": ("evidence",),
    "facts.csv": ("quote", "printed", "note"),
}


def safe_to_open(dataset: BuiltDataset) -> BuiltDataset:
    """The dataset with a ' before a formula start at the beginning of a cell of words (``core.report.neutralise_start``),
    for a copy a user opens in a spreadsheet; the built dataset itself keeps the words as they read."""
    from ..core.report import neutralise_start as neutralise

    tables = dict(dataset.tables)
    for name, words in WORDS_COLUMNS.items():
        at = [TABLE_COLUMNS[name].index(column) for column in words]
        tables[name] = [tuple(neutralise(cell) if i in at else cell for i, cell in enumerate(row)) for row in dataset.tables[name]]
    return replace(dataset, tables=tables)


def csv_bytes(columns: tuple[str, ...], rows: list[tuple[str, ...]]) -> bytes:
    """RFC 4180 CSV, UTF-8, '\\n' line ends: the same rows give the same bytes."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(columns)
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8")


def write_dataset(dataset: BuiltDataset, out_dir: Path, beside: dict[str, bytes | None] | None = None) -> list[Path]:
    """Write the dataset's CSVs into ``out_dir`` as one set: all of them or, on failure, none. ``beside`` names
    files that go in the same set (bytes) or are deleted with it (None).

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
            contents = {name: csv_bytes(columns, dataset.tables[name]) for name, columns in TABLE_COLUMNS.items()}
            contents.update({name: data for name, data in (beside or {}).items() if data is not None})
            for name, data in contents.items():
                with open(staging / name, "wb") as stream:
                    stream.write(data)
                    stream.flush()
                    os.fsync(stream.fileno())
        except OSError as exc:
            shutil.rmtree(staging, ignore_errors=True)
            where = Path(exc.filename) if exc.filename else out_dir
            raise DataFileError(where, f"cannot be written: {exc.strerror or exc}; the previous dataset is unchanged") from None
        try:
            swap_in(out_dir, staging, list(contents), [name for name, data in (beside or {}).items() if data is None and (out_dir / name).exists()])
        except OSError as exc:
            raise DataFileError(out_dir, f"cannot be written: {exc.strerror or exc}") from None
    return [out_dir / name for name in contents]
