"""The user's own documents: imported, cleaned, coded and stored beside the bundled corpus.

The library is a folder shaped like the bundled data (``corpus/metadata.csv``,
``corpus/raw/``, ``review.csv``, ``dataset/``), so the same pipeline builds it.
Every change is a transaction (``Library.transaction``): one process at a
time holds the library's lock; the library is copied into a staging folder
inside it, changed and rebuilt there, and the new files then replace the old
ones as one set, through a journal that the next process finishes if this one
is killed (core.folder_lock). Readers see the library before or after a
change, never half of one; a failed or cancelled change leaves it exactly as
it was; the folder itself is never replaced (a symbolic link stays a link).
"""

from __future__ import annotations

import csv
import io
import os
import re
import shutil
import unicodedata
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path

from typing import TYPE_CHECKING

from ..core.errors import BadValue, DataFileError
from ..core.folder_lock import JOURNAL_NAME, STAGING_PREFIX, FolderBusy, new_staging, reading, swap_in
from ..core.folder_lock import writing as locked
from ..core.validity import date_problem
from .validate import MAX_URL, checked_date, checked_metadata, plain_text, typed_text
from ..core.names import UNKNOWN_AUTHOR, family_name, unsigned
from .sources import METADATA_COLUMNS, read_text_file, read_toml

if TYPE_CHECKING:  # the pipeline is imported when the library changes, not when the app opens it
    from .build import BuiltDataset

    from .importers import ImportedDocument

LIBRARY_COLUMNS = (*METADATA_COLUMNS, "content_hash", "kind", "imported_from", "metadata_sources")
EDITABLE = ("title", "author", "outlet", "date", "url")  # what a user can correct after import
Progress = Callable[[str, float], None]  # may raise Cancelled to stop: the change is then undone


BUILT_WITH = "built-with.txt"  # the fingerprint of the app's coding inputs the library's datasets were built from
SET_ASIDE = "set-aside-decisions.txt"  # the user's decisions the last build could not place, one a line
_CODING_INPUTS = ("codebook.toml", "taxonomy.json", "review.csv", "checked.csv", "facts.toml", "facts_review.csv", "models/frames.json", "models/context.json")


def _decision_rows(path: Path) -> list[list[str]]:
    """The rows of a review file under its header, as written; none when there is no file."""
    return list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"))))[1:] if path.exists() else []


def _write_decisions(path: Path, header: list[str], rows: list[list[str]]) -> None:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows([header, *rows])
    path.write_text(buffer.getvalue(), encoding="utf-8")


MOST_COMMON_TERM = 0.25  # a user's term in more of the bundled articles' sentences than this marks no one code


def _too_common(term: str, data_dir: Path) -> str:
    """Why a term is too common to signal one code ('the', 'Korea'): the share of the bundled articles' sentences it
    is in; '' when it is not."""
    from .codebook import term_pattern
    from .sentences import sentence_texts

    pattern = re.compile(term_pattern(term.strip()))
    rows = csv.DictReader(io.StringIO(read_text_file(data_dir / "dataset" / "passages.csv")))
    sentences = [s for row in rows for s in sentence_texts(row["text"])]
    share = sum(1 for s in sentences if pattern.search(s)) / max(1, len(sentences))
    if share <= MOST_COMMON_TERM:
        return ""
    return f"{term.strip()!r} is in {share:.0%} of the bundled articles' sentences: too common to signal one code (at most {MOST_COMMON_TERM:.0%})"


def coding_fingerprint(data_dir: Path) -> str:
    """What a library's datasets depend on in the app: its version, its bundled coding files (codebook, taxonomy,
    reviewed decisions) and the bundled dataset's version (which a new coder changes). A new version of the app
    changes it, and the library is coded again."""
    import hashlib

    from .. import __version__
    from ..core.dataset import file_hashes, version_of

    digest = hashlib.sha256(__version__.encode() + b"\0" + version_of(file_hashes(data_dir / "dataset")).encode())
    for name in _CODING_INPUTS:
        path = data_dir / name
        digest.update(name.encode() + b"\0" + (path.read_bytes() if path.is_file() else b"-") + b"\0")
    return digest.hexdigest()[:16]


class Cancelled(Exception):
    """Raised by a progress callback to stop a change in progress (Cancel, quitting)."""


def library_dir() -> Path:
    import appdirs

    root = os.environ.get("NSP_EXPLORER_DATA_DIR") or appdirs.user_data_dir("nsp-explorer", appauthor=False)
    return Path(root) / "library"


def set_aside(folder: Path) -> Path | None:
    """Rename a library that cannot be opened, so the app can start afresh and nothing in it is lost.

    Returns the new name, or None if it was left as it is: another process is
    changing it (its lock is held), or it is a symbolic link (a synced folder is
    never replaced by a folder of ours), or it cannot be renamed.
    """
    import time

    if folder.is_symlink():
        return None
    aside = folder.with_name(f"{folder.name}.unreadable-{time.strftime('%Y%m%d-%H%M%S')}")
    try:
        with locked(folder, "repair"):
            os.rename(folder, aside)
    except (DataFileError, OSError):
        return None
    return aside


def _slug(text: str) -> str:
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def _usable_url(url: str) -> str:
    """A file's own address if it is an http(s) URL, else none (a relative or script link is not an address)."""
    url = plain_text(url, MAX_URL)
    return url if re.match(r"(?i)https?://\S+$", url) else ""


class Library:
    def __init__(self, folder: Path):
        self.folder = Path(folder)
        self._recover()

    # -- reading ---------------------------------------------------------------------------

    @property
    def metadata_path(self) -> Path:
        return self.folder / "corpus" / "metadata.csv"

    def documents(self) -> list[dict[str, str]]:
        with reading(self.folder):
            if not self.metadata_path.exists():
                return []
            return list(csv.DictReader(io.StringIO(read_text_file(self.metadata_path))))

    @property
    def review_path(self) -> Path:
        return self.folder / "review.csv"

    @property
    def overlay_path(self) -> Path:
        return self.folder / "codebook-overlay.toml"

    def is_current(self, data_dir: Path) -> bool:
        """Whether the library's datasets were built from this app's coder and bundled data (an upgrade makes them stale).

        A library with nothing built (no documents, no decisions) is current.
        """
        with reading(self.folder):
            if not (self.folder / "bundled").is_dir() and not (self.folder / "dataset").is_dir():
                return True
            stamp = self.folder / BUILT_WITH
            return stamp.is_file() and stamp.read_text(encoding="utf-8").strip() == coding_fingerprint(data_dir)

    def recode(self, data_dir: Path, progress: Progress | None = None) -> None:
        """Build the library's datasets again with this app's coder and bundled data; documents, terms and decisions are kept.

        A transaction like every change: if a decision no longer fits (a sentence the new splitter numbers otherwise),
        the library stays as it was and the DataFileError says why.
        """
        with self.transaction(data_dir, self.folder, "re-coding", progress):
            pass

    def build(self, data_dir: Path, folder: Path | None = None, progress: Progress | None = None) -> BuiltDataset | None:
        """The library's dataset (None while it holds no document): its own documents, the user's terms and decisions."""
        from .build import build_dataset

        folder = folder or self.folder
        if not self._rows(folder):
            return None
        return build_dataset(
            data_dir,
            progress=progress,
            corpus_dir=folder / "corpus",
            project_review=False,
            user_review=folder / "review.csv",
            overlay=folder / "codebook-overlay.toml",
        )

    def bundled(self, data_dir: Path) -> BuiltDataset:
        """The bundled corpus with the user's decisions about its passages (its codebook untouched)."""
        from .build import build_dataset

        return build_dataset(data_dir, user_review=self.review_path)

    def decide(
        self, passage_id: str, dimension: str, code: str, action: str, reason: str, data_dir: Path, known_passages: Mapping[str, str], sentence: int = 0
    ) -> None:
        """Add or remove one code on one sentence of a passage (``sentence`` ≥ 1) or on the whole passage (0), with a reason.

        ``known_passages`` maps each passage ID the user can see to its text. The
        decision keeps the words of its unit, so a re-coding that numbers the
        sentences otherwise moves it with them; a later decision on the same
        unit and code replaces it. A sentence the passage does not have fails
        the rebuild, and the library stays as it was. A review file in an older
        layout gets the current header.
        """
        from .review import REVIEW_COLUMNS, same_words, sentence_id
        from .sentences import sentence_texts

        if passage_id not in known_passages:
            raise BadValue(f"cannot take a decision about {passage_id!r}: no such passage")
        if action not in ("add", "remove") or not reason.strip():
            raise BadValue("a decision is add or remove, with a reason")
        if sentence < 0:
            raise BadValue(f"sentence {sentence} of {passage_id!r}: sentences are numbered from 1")
        unit = sentence_id(passage_id, sentence) if sentence else passage_id
        sentences = sentence_texts(known_passages[passage_id])
        if sentence > len(sentences):
            raise BadValue(f"passage {passage_id!r} has {len(sentences)} sentences, not {sentence} (the library is unchanged)")
        words = same_words(sentences[sentence - 1] if sentence else " ".join(sentences))

        def record(staging: Path) -> None:
            path = staging / "review.csv"
            rows = _decision_rows(path)
            earlier = [r + [""] * (len(REVIEW_COLUMNS) - len(r)) for r in rows if r[:3] != [unit, dimension, code]]
            _write_decisions(path, list(REVIEW_COLUMNS), [*earlier, [unit, dimension, code, action, reason.strip(), words]])

        self._change(record, data_dir, self.review_path, "review")

    def withdraw(self, passage_id: str, dimension: str, code: str, data_dir: Path, sentence: int = 0, words: str = "") -> None:
        """Take back the user's decision on one code of a sentence (or of the whole passage): the code is then the
        coder's (and the project reader's) again. ``words``, the unit's text as it reads now, finds a decision that a
        re-coding moved there from the place the file names."""
        from .review import same_words, sentence_id

        unit = sentence_id(passage_id, sentence) if sentence else passage_id
        document = passage_id.rsplit(":", 1)[0]

        def taken_here(row: list[str]) -> bool:
            if row[1:3] != [dimension, code]:
                return False
            moved = bool(words) and len(row) > 5 and row[0].startswith(f"{document}:") and same_words(row[5]) == same_words(words)
            return row[0] == unit or moved

        with reading(self.folder):
            taken = any(taken_here(r) for r in _decision_rows(self.review_path))
        if not taken:
            raise BadValue(f"you have taken no decision on {dimension} {code!r} of {unit} (the library is unchanged)")

        def forget(staging: Path) -> None:
            path = staging / "review.csv"
            header = next(csv.reader(io.StringIO(path.read_text(encoding="utf-8"))))
            _write_decisions(path, header, [r for r in _decision_rows(path) if not taken_here(r)])

        self._change(forget, data_dir, self.review_path, "review")

    def add_term(self, section: str, code: str, term: str, data_dir: Path) -> None:
        """Teach the library's coder a term for a code (the bundled codebook stays as it is)."""
        from .codebook import user_term_problem

        problem = user_term_problem(term) or _too_common(term, data_dir)
        if problem:
            raise BadValue(f"{problem} (the codebook is unchanged)")

        def extend(terms: list[str]) -> None:
            if term.strip() not in terms:
                terms.append(term.strip())

        self._change_terms(section, code, extend, data_dir)

    def user_terms(self, section: str, code: str) -> list[str]:
        """The terms the user added to a code."""
        with reading(self.folder):
            current = read_toml(self.overlay_path) if self.overlay_path.exists() else {}
        return list(current.get(section, {}).get(code, {}).get("terms", []))

    def remove_term(self, section: str, code: str, term: str, data_dir: Path) -> None:
        """Take back a term the user added; the library is coded again without it."""
        if term not in self.user_terms(section, code):
            raise BadValue(f"{term!r} is not one of your terms for {section}.{code} (the bundled codebook's terms stay)")
        self._change_terms(section, code, lambda terms: terms.remove(term), data_dir)

    def _change_terms(self, section: str, code: str, change: Callable[[list[str]], None], data_dir: Path) -> None:
        """Change one code's list of the user's terms and code the library again, as one transaction."""

        def rewrite(staging: Path) -> None:
            path = staging / "codebook-overlay.toml"
            current = read_toml(path) if path.exists() else {}
            change(current.setdefault(section, {}).setdefault(code, {}).setdefault("terms", []))
            lines = ["# Your own codebook terms: they add to the bundled codebook for your library only.", ""]
            for sec, codes in current.items():
                for name, entry in codes.items():
                    if entry["terms"]:
                        lines += [f"[{sec}.{name}]", "terms = [" + ", ".join(f'"{t}"' for t in entry["terms"]) + "]", ""]
            path.write_text("\n".join(lines), encoding="utf-8")

        self._change(rewrite, data_dir, self.overlay_path, "codebook change")

    # -- changing (each one a transaction) -----------------------------------------------------

    def import_file(self, path: Path, data_dir: Path, taken_ids: set[str], progress: Progress | None = None, **given: str) -> str:
        """Import one document; returns its doc_id. Raises DataFileError naming the file; the library is unchanged then.

        ``progress(step, fraction)`` is called as the work goes on; if it raises, the import stops and is undone.
        """
        from .dedupe import copy_of
        from .importers import read_document

        document = read_document(path)
        documents = self.documents()
        existing = {row["content_hash"]: row["doc_id"] for row in documents}
        if document.content_hash in existing:
            raise DataFileError(path, f"is already in the library as {existing[document.content_hash]} (the same text); not imported again")
        row = self._metadata(document, given, taken_ids | {r["doc_id"] for r in documents})
        twin = copy_of(document.text, self._texts(documents, data_dir))
        if twin is not None:  # said, not refused: a new version, or a release on a shared template, may be wanted beside it
            where, share = twin
            sources = parse_sources(row["metadata_sources"]) | {
                "copy": f"much of it is {where} ({share:.0%} of the shorter text's wording is in the other); if it is the same "
                "article, remove one of the two so that its passages are not counted twice"
            }
            row["metadata_sources"] = format_sources(sources)

        def add(staging: Path) -> None:
            raw = staging / "corpus" / "raw"
            raw.mkdir(parents=True, exist_ok=True)
            (raw / row["source_file"]).write_text(document.text, encoding="utf-8")
            rows = self._rows(staging) + [row]
            self._write_metadata(staging, rows)

        self._change(add, data_dir, path, "import", progress)
        return row["doc_id"]

    def _texts(self, documents: list[dict[str, str]], data_dir: Path) -> Iterator[tuple[str, str]]:
        """(what to call it, its text) for each of the library's ``documents`` and the bundled corpus's, read as asked for."""
        sources = (("your library's", self.folder, documents), ("the bundled corpus's", Path(data_dir), self._rows(Path(data_dir))))
        for whose, folder, rows in sources:
            raw = folder / "corpus" / "raw"
            for row in rows:
                try:
                    text = (raw / row["source_file"]).read_text(encoding="utf-8", errors="replace")
                except OSError:
                    continue  # removed meanwhile: no copy of it to name
                yield f"{whose} {row['doc_id']}", text

    def edit(self, doc_id: str, data_dir: Path, **changes: str) -> None:
        """Correct a document's title, author, outlet, date or address; the library rebuilds as one transaction.

        An empty date makes the date unknown again, and an empty author the author
        (the document is then named by its outlet or title, as an unsigned import
        is). The document keeps its ID, so decisions about its passages still apply.
        """
        unknown = set(changes) - set(EDITABLE)
        if unknown:
            raise BadValue(f"cannot edit {', '.join(sorted(unknown))}: only {', '.join(EDITABLE)}")
        if doc_id not in {r["doc_id"] for r in self.documents()}:
            raise BadValue(f"your library has no document {doc_id!r} (nspx library lists them)")
        changes = {name: value.strip() for name, value in changes.items()}
        if changes.get("date") and date_problem(changes["date"]):
            raise BadValue(f"cannot take the date {changes['date']!r}: {date_problem(changes['date'])} (give YYYY, YYYY-MM or YYYY-MM-DD, or nothing for unknown)")
        if "title" in changes and not changes["title"]:
            raise BadValue("cannot take an empty title")
        for name in ("title", "author", "outlet"):
            if name in changes:
                changes[name] = typed_text(name, changes[name])
        if changes.get("url") and len(changes["url"]) > MAX_URL:
            raise BadValue(f"cannot take an address of more than {MAX_URL} characters")

        def change(staging: Path) -> None:
            rows = self._rows(staging)
            row = next((r for r in rows if r["doc_id"] == doc_id), None)
            if row is None:
                raise DataFileError(self.metadata_path, f"has no document {doc_id!r}")  # removed by another process meanwhile
            sources = parse_sources(row.get("metadata_sources", ""))
            for name, value in changes.items():
                row["published" if name == "date" else name] = value
                sources[name] = "given by you after import" if value else "cleared by you: not known"
            cleared = "author" in changes and not changes["author"]
            if cleared or ("author" not in changes and row["author"].startswith(UNKNOWN_AUTHOR)):  # named by its outlet or title: a new outlet or title names it anew
                row["author"] = unsigned(row.get("outlet") or row.get("title") or "")
            if "date" in changes:
                row["date_basis"] = "given by you after import" if changes["date"] else "not known: cleared by you"
            row["metadata_sources"] = format_sources(sources)
            self._write_metadata(staging, rows)

        self._change(change, data_dir, self.metadata_path, "edit")

    def decision_count(self, doc_id: str) -> int:
        """How many of the user's review decisions are about the document's passages (they go with it)."""
        with reading(self.folder):
            return sum(1 for row in _decision_rows(self.review_path) if row and row[0].startswith(f"{doc_id}:"))

    def remove(self, doc_id: str, data_dir: Path) -> None:
        if doc_id not in {r["doc_id"] for r in self.documents()}:
            raise BadValue(f"your library has no document {doc_id!r} (nspx library lists them)")

        def drop(staging: Path) -> None:
            rows = self._rows(staging)
            gone = next(r for r in rows if r["doc_id"] == doc_id)
            (staging / "corpus" / "raw" / gone["source_file"]).unlink(missing_ok=True)
            self._write_metadata(staging, [r for r in rows if r["doc_id"] != doc_id])
            review = staging / "review.csv"
            if review.exists():
                kept = [line for line in review.read_text(encoding="utf-8").splitlines(keepends=True) if not line.startswith(f"{doc_id}:")]
                review.write_text("".join(kept), encoding="utf-8")

        self._change(drop, data_dir, self.metadata_path, "removal")

    # -- internals ---------------------------------------------------------------------------

    def _change(self, change: Callable[[Path], None], data_dir: Path, source: Path, purpose: str, progress: Progress | None = None) -> None:
        with self.transaction(data_dir, source, purpose, progress) as staging:
            change(staging)

    def _metadata(self, document: ImportedDocument, given: dict[str, str], taken: set[str]) -> dict[str, str]:
        """The library row: what the user gave, else what the file states; a date neither gives stays unknown."""
        sources = {}
        for name in EDITABLE:
            if given.get(name):
                sources[name] = "given at import"
            elif getattr(document, name):
                sources[name] = document.where.get(name, f"the {document.kind.upper()} file")
        if document.encoding not in ("", "utf-8", "utf-8-sig", "utf-16", "utf-32"):
            sources["text"] = f"read as {document.encoding}"  # said at import: the file was not clean UTF-8
        # no headline: the file's name as it is, so that a chart's "koreapro_2023.txt" is read as a file, not "koreapro 2023" as a year
        title = given.get("title") or plain_text(document.title) or plain_text(document.path.name)
        if not (given.get("title") or document.title):
            sources["title"] = "the file's name (no headline found)"
        outlet = given.get("outlet") or plain_text(document.outlet)
        author = given.get("author") or plain_text(document.author) or unsigned(outlet or title)
        date = given.get("date") or document.date
        if date and not given.get("date") and date_problem(date):
            date = ""  # the file's own date is impossible (a PDF dated year 0000): not a date to keep
            sources.pop("date", None)
        basis = sources.get("date", "not known: no date in the file, none given")
        if "date" not in sources and document.where.get("updated"):
            basis = f"not known: the file states only when it was updated ({document.where['updated']}); give the date if that is when it was published"
        date = checked_date(date, document.path) if date else ""
        surname = _slug(family_name(author)) or "unknown"
        words = [w for w in _slug(title).split("-") if len(w) > 3] or ["document"]
        base = f"{surname}-{date[:4] or 'undated'}-{words[0]}"[:60].strip("-")
        doc_id, n = base, 1
        while doc_id in taken:
            n += 1
            doc_id = f"{base}-{n}"
        return checked_metadata({
            "source_file": f"{doc_id}.txt",
            "doc_id": doc_id,
            "title": title,
            "author": author,
            "affiliation": given.get("affiliation", ""),
            "outlet": outlet,
            "published": date,
            "url": given.get("url") or _usable_url(document.url),
            "date_basis": basis,
            "content_hash": document.content_hash,
            "kind": document.kind,
            "imported_from": plain_text(document.path.name),
            "metadata_sources": format_sources(sources),
        }, document.path)

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

    @contextmanager
    def transaction(self, data_dir: Path, source: Path, purpose: str = "import", progress: Progress | None = None) -> Iterator[Path]:
        """Change the library as one transaction: ``with library.transaction(...) as staging: change(staging)``.

        Holds the library's lock for the whole change (a second writer, in this
        or another process, gets FolderBusy: "busy: another import is running").
        The body changes a complete copy of the library (``staging``); when it
        returns, the copy's datasets are rebuilt and its files replace the
        library's as one set (see core.folder_lock). If the body or the rebuild
        fails, or ``progress`` raises (Cancel), the library is exactly as it was
        and a DataFileError names ``source``.
        """
        with locked(self.folder, purpose):
            staging = new_staging(self.folder)
            try:
                for entry in self.folder.iterdir():
                    if not entry.name.startswith("."):  # the library's files; hidden ones are locks, journals, caches
                        if entry.is_dir():
                            shutil.copytree(entry, staging / entry.name, ignore=shutil.ignore_patterns(".*"))
                        else:
                            shutil.copy2(entry, staging / entry.name)
                yield staging
                self._rebuild(staging, data_dir, progress)
                installs, deletions = self._changes(staging)
            except DataFileError as error:
                shutil.rmtree(staging, ignore_errors=True)
                if isinstance(error, FolderBusy):
                    raise
                where = source if error.path.is_relative_to(staging) else error.path
                raise DataFileError(where, f"{error.problem} (the library is unchanged)") from None
            except OSError as exc:
                shutil.rmtree(staging, ignore_errors=True)
                raise DataFileError(self.folder, f"cannot be changed: {exc.strerror or exc}; the library is unchanged") from None
            except BaseException:
                shutil.rmtree(staging, ignore_errors=True)
                raise
            try:
                swap_in(self.folder, staging, installs, deletions)
            except OSError as exc:
                raise DataFileError(self.folder, f"cannot be changed: {exc.strerror or exc}") from None
            for emptied in {(self.folder / relative).parent for relative in deletions} - {self.folder}:
                if emptied.is_dir() and not any(not p.name.startswith(".") for p in emptied.rglob("*") if p.is_file()):
                    shutil.rmtree(emptied, ignore_errors=True)  # a folder whose files all went (the dataset of an emptied library)

    def _rebuild(self, staging: Path, data_dir: Path, progress: Progress | None) -> None:
        from .build import build_dataset, write_dataset

        dataset = self.build(data_dir, staging, progress)
        if dataset is not None:
            write_dataset(dataset, staging / "dataset")
        else:
            shutil.rmtree(staging / "dataset", ignore_errors=True)
        # the bundled corpus with the user's decisions about its passages, for the app to show
        bundled = build_dataset(data_dir, progress=progress, user_review=staging / "review.csv")
        write_dataset(bundled, staging / "bundled")
        aside = (dataset.set_aside if dataset else ()) + bundled.set_aside
        notice = staging / SET_ASIDE
        if aside:
            notice.write_text("".join(f"{line}\n" for line in aside), encoding="utf-8")
        else:
            notice.unlink(missing_ok=True)
        (staging / BUILT_WITH).write_text(coding_fingerprint(data_dir) + "\n", encoding="utf-8")

    def set_aside_decisions(self) -> list[str]:
        """The user's decisions the last build could not place (their words are no longer in their document), and why.

        They stay in review.csv; a decision taken again on the sentence as it reads now applies."""
        with reading(self.folder):
            path = self.folder / SET_ASIDE
            return path.read_text(encoding="utf-8").splitlines() if path.is_file() else []

    def _changes(self, staging: Path) -> tuple[list[str], list[str]]:
        """The files of the staging copy (to move in) and the library's files it no longer has (to delete)."""
        def files(root: Path) -> set[str]:
            found = set()
            for path in root.rglob("*"):
                relative = path.relative_to(root)
                if path.is_file() and not any(part.startswith(".") for part in relative.parts):
                    found.add(relative.as_posix())
            return found

        new = files(staging)
        return sorted(new), sorted(files(self.folder) - new)

    def _recover(self) -> None:
        """Finish a change a killed process was moving in, and remove what killed processes left; never a live one's work."""
        legacy = self.folder.with_name(self.folder.name + ".old")  # from versions that swapped the whole folder
        if not self.folder.exists() and legacy.is_dir():
            try:
                legacy.rename(self.folder)
            except OSError:
                return
        if not self.folder.is_dir() or not any(self.folder.glob(f"{STAGING_PREFIX}*")) and not (self.folder / JOURNAL_NAME).exists():
            return
        try:
            with locked(self.folder, "repair"):
                pass  # taking the lock finishes and clears what a dead writer left
        except DataFileError:
            pass  # a live process is changing it: its work is left alone


def format_sources(sources: dict[str, str]) -> str:
    """'title: the text, line 5 …; date: given at import': one line saying where every value came from."""
    return " | ".join(f"{name}: {where}" for name, where in sources.items())


def parse_sources(text: str) -> dict[str, str]:
    pairs = (part.split(": ", 1) for part in text.split(" | ") if ": " in part)
    return {name: where for name, where in pairs}


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
