"""Read the corpus: metadata.csv and the raw text files it lists, with checks.

Every problem is reported as a DataFileError naming the file and the reason
(empty, binary, not UTF-8, unreadable, too large, missing metadata).
"""

from __future__ import annotations

import csv
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

from ..core.errors import DataFileError

METADATA_COLUMNS = ("source_file", "doc_id", "title", "author", "affiliation", "outlet", "published", "url", "date_basis")
MAX_SOURCE_BYTES = 50 * 1024 * 1024
_DOC_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_PUBLISHED = re.compile(r"^(?:(\d{4})(?:-(0[1-9]|1[0-2])(?:-(0[1-9]|[12]\d|3[01]))?)?)?$")  # empty: not known


@dataclass(frozen=True)
class SourceDocument:
    doc_id: str
    source_file: str
    title: str
    author: str
    affiliation: str
    outlet: str
    published: str
    url: str
    date_basis: str
    text: str

    @property
    def year(self) -> int | None:
        """The publication year, or None while the date is not known."""
        return int(self.published[:4]) if self.published else None


def checked_size(path: Path, max_bytes: int) -> int:
    """The size of a file that exists, is a file and is not too large; else a DataFileError saying which."""
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise DataFileError(path, "is missing") from None
    except OSError as exc:
        raise DataFileError(path, f"cannot be read: {exc.strerror or exc}") from None
    if not path.is_file():
        raise DataFileError(path, "is a folder, not a file")
    if size > max_bytes:
        raise DataFileError(path, f"is too large ({size / 2**20:.0f} MB; the limit is {max_bytes / 2**20:.0f} MB)")
    return size


def decision_rows(path: Path, columns: tuple[str, ...], also_accepted: tuple[tuple[str, ...], ...] = ()) -> list[tuple[int, list[str]]]:
    """(line number, stripped cells) of every non-blank row of a reviewed-decisions CSV whose header is ``columns``.

    A header in ``also_accepted`` (an older layout) is read too; a missing file
    has no rows; a wrong header or a row of the wrong length is a DataFileError
    naming the file and the line.
    """
    if not path.exists():
        return []
    rows = list(csv.reader(read_text_file(path).splitlines()))
    header = tuple(c.strip() for c in rows[0]) if rows else ()
    if header not in (columns, *also_accepted):
        raise DataFileError(path, f"must start with the header {','.join(columns)}")
    found = []
    for line, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(header):
            raise DataFileError(path, f"line {line}: expected {len(header)} fields, found {len(row)}")
        found.append((line, [cell.strip() for cell in row]))
    return found


def read_text_file(path: Path, max_bytes: int | None = None) -> str:
    """The text of a UTF-8 file, or a DataFileError saying why it cannot be used."""
    checked_size(path, MAX_SOURCE_BYTES if max_bytes is None else max_bytes)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise DataFileError(path, "is missing") from None
    except PermissionError:
        raise DataFileError(path, "cannot be read: permission denied") from None
    except OSError as exc:
        raise DataFileError(path, f"cannot be read: {exc.strerror or exc}") from None
    if not data.strip():
        raise DataFileError(path, "is empty")
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        raise DataFileError(path, "is UTF-16 text: save it as UTF-8 and try again")
    if b"\x00" in data[:65536]:
        raise DataFileError(path, "is a binary file, not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise DataFileError(
            path, f"is not UTF-8 text (byte 0x{data[exc.start]:02x} at offset {exc.start}); save it as UTF-8 and build again"
        ) from None
    controls = sum(1 for c in text[:65536] if ord(c) < 32 and c not in "\n\r\t\f")
    if controls > 0.01 * min(len(text), 65536):
        raise DataFileError(path, "is a binary file, not text")
    return text


def read_toml(path: Path) -> dict:
    """A TOML rules file (codebook, fact rules), or a DataFileError naming it."""
    try:
        return tomllib.loads(read_text_file(path))
    except tomllib.TOMLDecodeError as exc:
        raise DataFileError(path, f"cannot be read as TOML: {exc}") from None
    except RecursionError:
        raise DataFileError(path, "cannot be read as TOML: it is nested too deeply") from None


def load_corpus(corpus_dir: Path) -> list[SourceDocument]:
    """Every document listed in ``metadata.csv`` with its raw text, in file order."""
    metadata = corpus_dir / "metadata.csv"
    text = read_text_file(metadata)
    try:
        rows = list(csv.DictReader(text.splitlines()))
    except csv.Error as exc:
        raise DataFileError(metadata, f"is not valid CSV: {exc}") from None
    header = tuple(rows[0].keys()) if rows else ()
    missing = [c for c in METADATA_COLUMNS if c not in header]
    if missing:
        raise DataFileError(metadata, f"lacks the column(s) {', '.join(missing)}")
    raw_dir = corpus_dir / "raw"
    documents = []
    seen: set[str] = set()
    for line, row in enumerate(rows, start=2):
        values = {c: (row.get(c) or "").strip() for c in METADATA_COLUMNS}
        where = f"line {line}"
        if not _DOC_ID.match(values["doc_id"]):
            raise DataFileError(metadata, f"{where}: doc_id {values['doc_id']!r} must be lowercase words joined by hyphens")
        if values["doc_id"] in seen:
            raise DataFileError(metadata, f"{where}: doc_id {values['doc_id']!r} is used twice")
        seen.add(values["doc_id"])
        if not _PUBLISHED.match(values["published"]):
            raise DataFileError(metadata, f"{where}: published {values['published']!r} is not YYYY, YYYY-MM or YYYY-MM-DD (or empty when not known)")
        name = values["source_file"]
        if not name or Path(name).name != name:
            raise DataFileError(metadata, f"{where}: source_file {name!r} must be a file name inside raw/")
        documents.append(SourceDocument(**values, text=read_text_file(raw_dir / name)))
    if not documents:
        raise DataFileError(metadata, "lists no documents")
    listed = {d.source_file for d in documents}
    unlisted = sorted(p.name for p in raw_dir.glob("*") if p.is_file() and p.name not in listed)
    if unlisted:
        raise DataFileError(raw_dir / unlisted[0], "has no row in metadata.csv (author, title, date are needed)")
    return sorted(documents, key=lambda d: d.source_file)
