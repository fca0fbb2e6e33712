"""The user's own documents: imported, cleaned, coded and stored beside the bundled corpus.

The library is a folder shaped like the bundled data (``corpus/metadata.csv``,
``corpus/raw/``, ``review.csv``, ``dataset/``), so the same pipeline builds it.
Every change is a transaction: the folder is copied, changed and rebuilt as a
copy, and only a complete copy replaces it (two renames; a crash between
them is repaired the next time the library is opened). A failed import
leaves the library exactly as it was.
"""

from __future__ import annotations

import csv
import datetime
import io
import os
import re
import shutil
import unicodedata
from pathlib import Path

from typing import TYPE_CHECKING

from ..core.errors import DataFileError
from ..core.names import family_name
from .sources import METADATA_COLUMNS, read_text_file, read_toml

if TYPE_CHECKING:  # the pipeline is imported when the library changes, not when the app opens it
    from .build import BuiltDataset

    from .importers import ImportedDocument

LIBRARY_COLUMNS = (*METADATA_COLUMNS, "content_hash", "kind", "imported_from")


def library_dir() -> Path:
    import appdirs

    root = os.environ.get("NSP_EXPLORER_DATA_DIR") or appdirs.user_data_dir("nsp-explorer", appauthor=False)
    return Path(root) / "library"


def set_aside(folder: Path) -> Path | None:
    """Rename a library that cannot be opened, so the app can start afresh and nothing in it is lost.

    Returns the new name, or None if it could not be renamed (it is then left as it is).
    """
    import time

    aside = folder.with_name(f"{folder.name}.unreadable-{time.strftime('%Y%m%d-%H%M%S')}")
    try:
        os.rename(folder, aside)
    except OSError:
        return None
    return aside


def _slug(text: str) -> str:
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


class Library:
    def __init__(self, folder: Path):
        self.folder = Path(folder)
        self._recover()

    # -- reading ---------------------------------------------------------------------------

    @property
    def metadata_path(self) -> Path:
        return self.folder / "corpus" / "metadata.csv"

    def documents(self) -> list[dict[str, str]]:
        if not self.metadata_path.exists():
            return []
        return list(csv.DictReader(io.StringIO(read_text_file(self.metadata_path))))

    @property
    def review_path(self) -> Path:
        return self.folder / "review.csv"

    @property
    def overlay_path(self) -> Path:
        return self.folder / "codebook-overlay.toml"

    def build(self, data_dir: Path, folder: Path | None = None) -> BuiltDataset | None:
        """The library's dataset (None while it holds no document): its own documents, the user's terms and decisions."""
        from .build import build_dataset

        folder = folder or self.folder
        if not self._rows(folder):
            return None
        return build_dataset(
            data_dir,
            corpus_dir=folder / "corpus",
            project_review=False,
            user_review=folder / "review.csv",
            overlay=folder / "codebook-overlay.toml",
        )

    def bundled(self, data_dir: Path) -> BuiltDataset:
        """The bundled corpus with the user's decisions about its passages (its codebook untouched)."""
        from .build import build_dataset

        return build_dataset(data_dir, user_review=self.review_path)

    def decide(self, passage_id: str, dimension: str, code: str, action: str, reason: str, data_dir: Path, known_passages: set[str]) -> None:
        """Add or remove one code on one passage (every sentence of it), with a reason; kept through every re-coding.

        A review file written before decisions could name a sentence gets the current header.
        """
        from .review import REVIEW_COLUMNS

        if passage_id not in known_passages:
            raise DataFileError(self.review_path, f"cannot take a decision about {passage_id!r}: no such passage")
        if action not in ("add", "remove") or not reason.strip():
            raise DataFileError(self.review_path, "a decision is add or remove, with a reason")

        def record(staging: Path) -> None:
            path = staging / "review.csv"
            rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"))))[1:] if path.exists() else []
            rows = [list(REVIEW_COLUMNS)] + [r for r in rows if r[:3] != [passage_id, dimension, code]] + [[passage_id, dimension, code, action, reason.strip()]]
            buffer = io.StringIO()
            csv.writer(buffer, lineterminator="\n").writerows(rows)
            path.write_text(buffer.getvalue(), encoding="utf-8")

        self._transaction(record, data_dir, source=self.review_path)

    def add_term(self, section: str, code: str, term: str, data_dir: Path) -> None:
        """Teach the library's coder a term for a code (the bundled codebook stays as it is)."""
        if not term.strip() or '"' in term or "\\" in term:
            raise DataFileError(self.overlay_path, f"{term!r} is not a usable term")

        def extend(staging: Path) -> None:
            path = staging / "codebook-overlay.toml"
            current = read_toml(path) if path.exists() else {}
            terms = current.setdefault(section, {}).setdefault(code, {}).setdefault("terms", [])
            if term.strip() not in terms:
                terms.append(term.strip())
            lines = ["# Your own codebook terms: they add to the bundled codebook for your library only.", ""]
            for sec, codes in current.items():
                for name, entry in codes.items():
                    lines += [f"[{sec}.{name}]", "terms = [" + ", ".join(f'"{t}"' for t in entry["terms"]) + "]", ""]
            path.write_text("\n".join(lines), encoding="utf-8")

        self._transaction(extend, data_dir, source=self.overlay_path)

    # -- changing (each one a transaction) -----------------------------------------------------

    def import_file(self, path: Path, data_dir: Path, taken_ids: set[str], **given: str) -> str:
        """Import one document; returns its doc_id. Raises DataFileError naming the file; the library is unchanged then."""
        from .importers import read_document

        document = read_document(path)
        existing = {row["content_hash"]: row["doc_id"] for row in self.documents()}
        if document.content_hash in existing:
            raise DataFileError(path, f"is already in the library as {existing[document.content_hash]} (the same text); not imported again")
        row = self._metadata(document, given, taken_ids | {r["doc_id"] for r in self.documents()})

        def add(staging: Path) -> None:
            raw = staging / "corpus" / "raw"
            raw.mkdir(parents=True, exist_ok=True)
            (raw / row["source_file"]).write_text(document.text, encoding="utf-8")
            rows = self._rows(staging) + [row]
            self._write_metadata(staging, rows)

        self._transaction(add, data_dir, source=path)
        return row["doc_id"]

    def remove(self, doc_id: str, data_dir: Path) -> None:
        if doc_id not in {r["doc_id"] for r in self.documents()}:
            raise DataFileError(self.metadata_path, f"has no document {doc_id!r}")

        def drop(staging: Path) -> None:
            rows = self._rows(staging)
            gone = next(r for r in rows if r["doc_id"] == doc_id)
            (staging / "corpus" / "raw" / gone["source_file"]).unlink(missing_ok=True)
            self._write_metadata(staging, [r for r in rows if r["doc_id"] != doc_id])
            review = staging / "review.csv"
            if review.exists():
                kept = [line for line in review.read_text(encoding="utf-8").splitlines(keepends=True) if not line.startswith(f"{doc_id}:")]
                review.write_text("".join(kept), encoding="utf-8")

        self._transaction(drop, data_dir, source=self.metadata_path)

    # -- internals ---------------------------------------------------------------------------

    def _metadata(self, document: ImportedDocument, given: dict[str, str], taken: set[str]) -> dict[str, str]:
        title = given.get("title") or document.title or document.path.stem.replace("_", " ")
        author = given.get("author") or document.author or "Unknown author"
        date = given.get("date") or document.date
        basis = "given at import" if given.get("date") else f"from the {document.kind.upper()} file's own metadata" if date else ""
        if not date:
            date, basis = str(datetime.date.today().year), "no date in the file or at import: the year of import"
        if not re.fullmatch(r"\d{4}(?:-\d{2}(?:-\d{2})?)?", date):
            raise DataFileError(document.path, f"has a date {date!r} that is not YYYY, YYYY-MM or YYYY-MM-DD")
        surname = _slug(family_name(author)) or "unknown"
        words = [w for w in _slug(title).split("-") if len(w) > 3] or ["document"]
        base = f"{surname}-{date[:4]}-{words[0]}"[:60].strip("-")
        doc_id, n = base, 1
        while doc_id in taken:
            n += 1
            doc_id = f"{base}-{n}"
        return {
            "source_file": f"{doc_id}.txt",
            "doc_id": doc_id,
            "title": title,
            "author": author,
            "affiliation": given.get("affiliation", ""),
            "outlet": given.get("outlet") or document.outlet or "",
            "published": date,
            "url": given.get("url") or document.url or "",
            "date_basis": basis,
            "content_hash": document.content_hash,
            "kind": document.kind,
            "imported_from": document.path.name,
        }

    @staticmethod
    def _rows(folder: Path) -> list[dict[str, str]]:
        path = folder / "corpus" / "metadata.csv"
        return list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8")))) if path.exists() else []

    @staticmethod
    def _write_metadata(folder: Path, rows: list[dict[str, str]]) -> None:
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=LIBRARY_COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
        (folder / "corpus").mkdir(parents=True, exist_ok=True)
        (folder / "corpus" / "metadata.csv").write_text(buffer.getvalue(), encoding="utf-8")

    def _transaction(self, change, data_dir: Path, source: Path) -> None:
        from .build import build_dataset, write_dataset

        staging = self.folder.with_name(self.folder.name + ".new")
        backup = self.folder.with_name(self.folder.name + ".old")
        shutil.rmtree(staging, ignore_errors=True)
        try:
            if self.folder.exists():
                shutil.copytree(self.folder, staging)
            else:
                staging.mkdir(parents=True)
            change(staging)
            dataset = self.build(data_dir, staging)
            if dataset is not None:
                write_dataset(dataset, staging / "dataset")
            else:
                shutil.rmtree(staging / "dataset", ignore_errors=True)
            # the bundled corpus with the user's decisions about its passages, for the app to show
            write_dataset(build_dataset(data_dir, user_review=staging / "review.csv"), staging / "bundled")
        except DataFileError as error:
            shutil.rmtree(staging, ignore_errors=True)
            where = source if error.path.is_relative_to(staging) else error.path
            raise DataFileError(where, f"{error.problem} (the library is unchanged)") from None
        except OSError as exc:
            shutil.rmtree(staging, ignore_errors=True)
            raise DataFileError(self.folder, f"cannot be changed: {exc.strerror or exc}; the library is unchanged") from None
        if self.folder.exists():
            self.folder.rename(backup)
        staging.rename(self.folder)
        shutil.rmtree(backup, ignore_errors=True)

    def _recover(self) -> None:
        """Finish or undo a change that a crash interrupted between its two renames."""
        backup = self.folder.with_name(self.folder.name + ".old")
        staging = self.folder.with_name(self.folder.name + ".new")
        if not self.folder.exists() and backup.exists():
            backup.rename(self.folder)
        shutil.rmtree(backup, ignore_errors=True)
        shutil.rmtree(staging, ignore_errors=True)


def combined(bundled: BuiltDataset, library: BuiltDataset | None) -> BuiltDataset:
    from .build import BuiltDataset


    """The bundled corpus and the user's library as one dataset (bundled first).

    The agreement figures stay those of the bundled corpus: they describe the
    coder against its reviewed coding, which a library does not have.
    """
    if library is None:
        return bundled
    return BuiltDataset(
        {name: bundled.tables[name] + (library.tables[name] if name != "agreement.csv" else []) for name in bundled.tables}
    )
