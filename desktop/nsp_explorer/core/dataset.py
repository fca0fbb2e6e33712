"""Load the four dataset CSVs and check them against the contract and the taxonomy.

Every problem is a DataFileError naming the file and what is wrong with it
(missing file or column, unknown code ID, dangling passage ID, bad number).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, replace
from pathlib import Path

import pandas as pd

from .errors import DataFileError
from .folder_lock import reading
from .taxonomy import DIMENSIONS, Taxonomy
from .validity import date_problem, year_problem

COLUMNS = {
    "documents.csv": ("doc_id", "source_file", "title", "author", "affiliation", "outlet", "published", "year", "url", "date_basis"),
    "passages.csv": ("passage_id", "doc_id", "position", "section", "text"),
    "codes.csv": ("passage_id", "dimension", "code", "source", "evidence"),
    "facts.csv": ("fact_id", "passage_id", "indicator", "value", "unit", "year", "partner", "quote"),
}
# Columns a dataset may lack (written by older builds): read as empty, which means "not recorded".
OPTIONAL = {
    "documents.csv": ("coding",),  # reviewed | machine
    "codes.csv": ("sentence",),  # 1-based sentence number; empty = the code holds for the passage as a whole
    "facts.csv": ("printed", "qualifier", "country", "check", "note"),
}
CODINGS = ("reviewed", "machine")
SOURCES = ("lexicon", "derived", "reviewed", "model", "context")  # codes.csv: where a code came from (docs/dataset-contract.md)
KEYS = {  # columns no row may leave empty
    "documents.csv": ("doc_id",),
    "passages.csv": ("passage_id", "doc_id"),
    "codes.csv": ("passage_id", "dimension", "code"),
    "facts.csv": ("fact_id", "passage_id"),
}
UNKNOWN_YEAR = 0  # in memory, the year of a document whose date is not known (its CSV cells are empty)
MAX_DATASET_BYTES = 8 * 1024**3  # per CSV: a million passages take about 1.5 GB in all; more is not a dataset


@dataclass(frozen=True)
class Dataset:
    documents: pd.DataFrame
    passages: pd.DataFrame
    codes: pd.DataFrame
    facts: pd.DataFrame
    version: str  # short content hash of the four files: names exactly what a chart was drawn from
    folder: Path


def read_text_csv(path: Path, columns: tuple[str, ...]) -> pd.DataFrame:
    """A UTF-8 CSV with every cell as text (empty, never NaN); a ``DataFileError`` naming the file if it cannot be read or lacks one of ``columns``."""
    try:
        frame = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
    except UnicodeDecodeError:
        raise DataFileError(path, "is not UTF-8 text") from None
    except (pd.errors.ParserError, pd.errors.EmptyDataError, OSError) as exc:
        raise DataFileError(path, f"cannot be read as CSV: {str(exc).strip() or 'empty file'}") from None
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise DataFileError(path, f"lacks the column(s) {', '.join(missing)}")
    return frame


def read_table(folder: Path, name: str) -> pd.DataFrame:
    """One of the four CSVs, its contract columns only, with empty keys and a cut-off end named."""
    path = folder / name
    if not path.is_file():
        raise DataFileError(path, "is missing")
    size = path.stat().st_size
    if size > MAX_DATASET_BYTES:
        raise DataFileError(path, f"is too large ({size / 1024**3:.1f} GB; at most {MAX_DATASET_BYTES / 1024**3:.0f} GB per file)")
    frame = read_text_csv(path, COLUMNS[name])
    frame = frame[list(COLUMNS[name]) + [c for c in OPTIONAL.get(name, ()) if c in frame.columns]]
    for column in OPTIONAL.get(name, ()):
        if column not in frame.columns:
            frame[column] = ""
    blank = (frame[list(KEYS[name])] == "").any(axis=1).to_numpy()
    if blank.any():
        row = int(blank.argmax())
        if row == len(frame) - 1 and not _ends_with_newline(path):
            raise DataFileError(path, "is cut short: its last row is incomplete")
        raise DataFileError(path, f"row {row + 1} (after the header) has no {' or '.join(KEYS[name])}")
    if len(frame) and not _ends_with_newline(path) and _last_row_unfinished(path):
        raise DataFileError(path, "is cut short: its last line ends inside a quoted field")
    return frame


def _ends_with_newline(path: Path) -> bool:
    with path.open("rb") as handle:
        handle.seek(-1, 2)
        return handle.read(1) == b"\n"


def _last_row_unfinished(path: Path) -> bool:
    """A file that ends without a newline inside an open quote was cut off while being written or copied."""
    with path.open("rb") as handle:
        handle.seek(max(0, path.stat().st_size - 1_000_000))
        tail = handle.read()
    return tail.count(b'"') % 2 == 1


def _unknown(path: Path, what: str, values) -> DataFileError:
    shown = ", ".join(sorted(str(v) if str(v).strip() else repr(v) for v in set(values))[:5])
    return DataFileError(path, f"has {what}: {shown}")


def file_hashes(folder: Path) -> dict[str, str]:
    """The SHA-256 of each of the four CSVs: what a cache must have been built from (read in blocks, never whole)."""
    hashes = {}
    for name in COLUMNS:
        with (folder / name).open("rb") as stream:
            hashes[name] = hashlib.file_digest(stream, "sha256").hexdigest()
    return hashes


def version_of(hashes: dict[str, str]) -> str:
    """A short name for exactly these four files' contents."""
    return hashlib.sha256("".join(hashes[name] for name in COLUMNS).encode("ascii")).hexdigest()[:12]


def load_dataset(folder: Path, taxonomy: Taxonomy, hashes: dict[str, str] | None = None) -> Dataset:
    """Read and validate a dataset folder (``hashes``: its file_hashes, if already known under the same read)."""
    folder = Path(folder)
    if not folder.is_dir():
        raise DataFileError(folder, "is not a dataset folder (it does not exist)")
    with reading(folder):  # a build in another process moves its four files in before or after, never during
        documents, passages, codes, facts = (read_table(folder, name) for name in COLUMNS)
        version = version_of(hashes or file_hashes(folder))

    if documents["doc_id"].duplicated().any():
        raise _unknown(folder / "documents.csv", "duplicate doc_id", documents.loc[documents["doc_id"].duplicated(), "doc_id"])
    if not documents["year"].str.fullmatch(r"\d{4}|").all():
        bad = documents.loc[~documents["year"].str.fullmatch(r"\d{4}|"), "year"]
        raise _unknown(folder / "documents.csv", "a year that is not four digits (nor empty, for a date not known)", bad)
    if passages["passage_id"].duplicated().any():
        raise _unknown(folder / "passages.csv", "duplicate passage_id", passages.loc[passages["passage_id"].duplicated(), "passage_id"])
    stray = ~passages["doc_id"].isin(documents["doc_id"])
    if stray.any():
        raise _unknown(folder / "passages.csv", "passages of unknown documents", passages.loc[stray, "doc_id"])
    if not passages["position"].str.fullmatch(r"\d+").all():
        raise DataFileError(folder / "passages.csv", "has a position that is not a whole number")

    stray = ~codes["passage_id"].isin(passages["passage_id"])
    if stray.any():
        raise _unknown(folder / "codes.csv", "codes of unknown passages", codes.loc[stray, "passage_id"])
    bad_dimension = ~codes["dimension"].isin(DIMENSIONS)
    if bad_dimension.any():
        raise _unknown(folder / "codes.csv", "unknown dimension(s)", codes.loc[bad_dimension, "dimension"])
    known = {f"{d}:{c}" for d in DIMENSIONS for c in taxonomy.ids(d)}
    is_year = (codes["dimension"] == "year") & codes["code"].str.fullmatch(r"\d{4}")
    valid = is_year | (codes["dimension"] + ":" + codes["code"]).isin(known)
    if len(codes) and not valid.all():
        bad = codes.loc[~valid]
        raise _unknown(folder / "codes.csv", "unknown code ID(s)", bad["dimension"] + ":" + bad["code"])
    if not codes["source"].isin(SOURCES).all():
        raise _unknown(folder / "codes.csv", "unknown source(s)", codes.loc[~codes["source"].isin(SOURCES), "source"])
    bad_sentence = (codes["sentence"] != "") & ~codes["sentence"].str.fullmatch(r"[1-9]\d{0,3}")
    if bad_sentence.any():
        raise _unknown(folder / "codes.csv", "a sentence that is not a number from 1 to 9999", codes.loc[bad_sentence, "sentence"])
    bad_coding = (documents["coding"] != "") & ~documents["coding"].isin(CODINGS)
    if bad_coding.any():
        raise _unknown(folder / "documents.csv", "a coding that is neither reviewed nor machine", documents.loc[bad_coding, "coding"])

    stray = ~facts["passage_id"].isin(passages["passage_id"])
    if stray.any():
        raise _unknown(folder / "facts.csv", "facts of unknown passages", facts.loc[stray, "passage_id"])
    values = pd.to_numeric(facts["value"], errors="coerce")
    if values.isna().any():
        raise _unknown(folder / "facts.csv", "a value that is not a number", facts.loc[values.isna(), "value"])
    bad_partner = (facts["partner"] != "") & ~facts["partner"].isin(taxonomy.ids("partner"))
    if bad_partner.any():
        raise _unknown(folder / "facts.csv", "unknown partner ID(s)", facts.loc[bad_partner, "partner"])

    documents = documents.assign(year=document_years(documents["year"]))
    passages = passages.assign(position=passages["position"].astype(int))
    facts = facts.assign(value=values.astype(float))
    return Dataset(documents, passages, codes, facts, version, folder)


def without_bad_documents(dataset: Dataset) -> tuple[Dataset, list[str]]:
    """The dataset without documents whose date cannot be shown (year 0000, a 13th month), and a line naming each.

    For the user's library: one bad record (imported by an older version, or
    edited by hand) is left out and named; the rest of the library opens.
    """
    documents = dataset.documents
    problems = {}
    for doc_id, published, year in zip(documents["doc_id"], documents["published"], documents["year"]):
        if not published and int(year) == UNKNOWN_YEAR:
            continue  # a date not known stays unknown: shown as such, not a bad record
        problem = date_problem(str(published)) or year_problem(int(year))
        if problem:
            problems[doc_id] = f"{published!r} {problem}"
    bad = set(problems)
    if not bad:
        return dataset, []
    passages = dataset.passages[~dataset.passages["doc_id"].isin(bad)]
    kept_ids = passages["passage_id"]
    lines = [f"{dataset.folder / 'documents.csv'}: document {doc_id!r} was left out: its date {problems[doc_id]}" for doc_id in sorted(bad)]
    return replace(
        dataset,
        documents=documents[~documents["doc_id"].isin(bad)].reset_index(drop=True),
        passages=passages.reset_index(drop=True),
        codes=dataset.codes[dataset.codes["passage_id"].isin(kept_ids)].reset_index(drop=True),
        facts=dataset.facts[dataset.facts["passage_id"].isin(kept_ids)].reset_index(drop=True),
    ), lines


def document_years(column: pd.Series) -> pd.Series:
    """documents.csv's year column as numbers, UNKNOWN_YEAR where the date is not known."""
    return column.replace("", str(UNKNOWN_YEAR)).astype(int)


def year_label(year) -> str:
    """A publication year as shown: the year, or 'date unknown'."""
    return "date unknown" if int(year) == UNKNOWN_YEAR else str(int(year))


def merge_datasets(bundled: Dataset, library: Dataset) -> Dataset:
    """The bundled corpus and the user's library as one dataset; user documents are marked ``user``."""
    clash = set(bundled.documents["doc_id"]) & set(library.documents["doc_id"])
    if clash:
        raise DataFileError(library.folder, f"uses document IDs the bundled corpus has: {', '.join(sorted(clash))}")
    documents = pd.concat([bundled.documents.assign(user=False), library.documents.assign(user=True)], ignore_index=True)
    tables = {name: pd.concat([getattr(bundled, name), getattr(library, name)], ignore_index=True) for name in ("passages", "codes", "facts")}
    version = hashlib.sha256((bundled.version + library.version).encode()).hexdigest()[:12]
    return replace(bundled, documents=documents, version=version, **tables)
