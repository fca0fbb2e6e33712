"""A binary cache of a coded dataset beside its CSVs, so a large dataset opens in a second.

The CSVs stay the source of truth. The cache is a folder ``.nspx-cache`` of
NumPy ``.npy`` arrays (read with ``allow_pickle=False``: nothing in it can run
code), UTF-8 blocks and a JSON manifest. A cache is used only when it is
verified by content:

* the manifest records the SHA-256 of each CSV it was built from and of
  every cache file, and each file must still hold that content: either it is
  the very file that was hashed, untouched since (same size, inode,
  modification and change time; the system sets the change time at every
  write and no program can set it back), or its bytes hash to it now (size
  and modification time alone, which anyone can set, are never enough);
* the manifest is signed (HMAC-SHA-256) with a key only this user has (in the
  user cache folder), so a cache made elsewhere and shipped inside a shared
  dataset folder, or a forged manifest, is never taken for data.

Anything else (stale, damaged, forged, unsigned) is ignored: the CSVs are
loaded, checked and coded again, the cache is rewritten, and ``CodedPassages``
is returned with a ``cache_note`` saying why. A cache is written to a
temporary folder and renamed into place, so a crash never leaves half a
cache. Where the dataset folder is read-only (an installed app), the cache
goes to the user cache folder instead.
"""

from __future__ import annotations

import dataclasses
import hashlib
import hmac
import json
import secrets
import os
import shutil
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd

from .coded import FACT_NOTES, SOURCES, CodedPassages, PassageCodes, SentenceCodes, assemble, code_passages
from .dataset import COLUMNS, document_years, file_hashes, load_dataset, read_table, version_of
from .file_modes import follow_umask
from .folder_lock import reading
from .taxonomy import Taxonomy
from .texts import TextColumn

FORMAT = 5  # 5: the code source `context` (an older app must not read a cache that holds it)
KEY_NAME = "cache-key"
CACHE_NAME = ".nspx-cache"
CATEGORIES = ("doc_id", "section", "author", "title", "outlet", "published")
FACT_CATEGORIES = ("indicator", "unit", "partner", *FACT_NOTES)
TEXTS = ("ids", "texts", "folded", "evidence", "quotes", "printed")
SENTENCE_COLUMNS = ("row", "number", "area", "frame", "pillar", "partner", "key")  # one entry per sentence: mapped, read only by a search
SENTENCE_TABLES = ("combinations", "table")

NOT_MADE_AGAIN = "it could not be made again, so the next start reads the CSVs too"  # every start will be slow: worth a word


def _key() -> bytes | None:
    """This user's secret for signing caches (made once, readable by the user only); None if it cannot be kept."""
    from ..paths import user_cache_dir

    path = user_cache_dir() / KEY_NAME
    try:
        key = path.read_bytes()
        if len(key) >= 32:
            return key
    except OSError:
        pass
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temp = tempfile.mkstemp(prefix=f".{KEY_NAME}.", dir=path.parent)  # mode 600
        with os.fdopen(handle, "wb") as stream:
            stream.write(secrets.token_bytes(32))
        os.replace(temp, path)
        return path.read_bytes()
    except OSError:
        return None


def _signature(key: bytes, manifest: dict) -> str:
    body = json.dumps({k: v for k, v in manifest.items() if k != "signature"}, sort_keys=True, ensure_ascii=True)
    return hmac.new(key, body.encode("ascii"), hashlib.sha256).hexdigest()


def _file_hash(path: Path) -> str:
    with path.open("rb") as stream:
        return hashlib.file_digest(stream, "sha256").hexdigest()


def cache_folders(folder: Path) -> list[Path]:
    """Where a dataset's cache may be: beside the CSVs, else in the user cache folder."""
    from ..paths import user_cache_dir

    digest = hashlib.sha256(str(folder.resolve()).encode("utf-8")).hexdigest()[:16]
    return [folder / CACHE_NAME, user_cache_dir() / "datasets" / digest]


def load_coded(folder: Path, taxonomy: Taxonomy) -> CodedPassages:
    """The coded dataset of a folder: from its cache if the cache is verified against the CSVs, else from the CSVs (then cached)."""
    folder = Path(folder)
    key = _key()
    notes = []
    with reading(folder):  # a build in another process cannot move new CSVs in while they are checked and read
        if key is not None:
            for place in cache_folders(folder):
                coded, why = read_cache(place, key, folder, taxonomy)
                if coded is not None:
                    return coded
                if why:
                    notes.append(f"{place}: {why}")
        try:
            before = {name: _stat(folder / name) for name in COLUMNS}
            hashes = file_hashes(folder)
            csvs = {name: {"sha256": hashes[name], "stat": before[name]} for name in COLUMNS}
            if before != {name: _stat(folder / name) for name in COLUMNS}:
                csvs = None  # changed while being hashed (by a program that takes no lock): do not cache
        except OSError:
            hashes = csvs = None  # load_dataset names the missing file
        coded = code_passages(load_dataset(folder, taxonomy, hashes), taxonomy)
    cached = False
    if csvs is not None and key is not None:
        for place in cache_folders(folder):
            if write_cache(coded, place, csvs, key):
                cached = True
                break
    if notes:
        again = "made again for the next start" if cached else NOT_MADE_AGAIN
        coded = dataclasses.replace(coded, cache_note="; ".join(notes) + f"; read from the CSVs, and the cache {again}")
    return coded


def _stat(path: Path) -> list[int]:
    stat = path.stat()
    return [stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns, stat.st_ino]


def _verified(path: Path, record: object) -> bool:
    """Whether a file still holds the content a record names.

    Either it is the very file that was hashed, unchanged since (same size,
    inode, modification time and change time: the system sets the change time
    at every write, and no program can set it back), so it is not read again;
    or its bytes hash to the recorded SHA-256 now (a copied folder).
    """
    if not isinstance(record, dict):
        return False
    try:
        return _stat(path) == record.get("stat") or _file_hash(path) == record.get("sha256")
    except OSError:
        return False


def read_cache(place: Path, key: bytes, folder: Path, taxonomy: Taxonomy) -> tuple[CodedPassages | None, str]:
    """The cached dataset if it is verified, else None and why it was not used ("" if there is none)."""
    try:
        text = (place / "manifest.json").read_text(encoding="utf-8")
    except FileNotFoundError:
        return None, ""
    except (OSError, UnicodeDecodeError):
        return None, "the cache cannot be read"
    try:
        manifest = json.loads(text)
        if not isinstance(manifest, dict) or manifest.get("format") != FORMAT or manifest.get("sources") != list(SOURCES):
            return None, "the cache is of another format"
        if not hmac.compare_digest(str(manifest.get("signature", "")), _signature(key, manifest)):
            return None, "it was made for another account or computer (or changed since), so it was set aside"
        csvs = manifest["csvs"]
        if set(csvs) != set(COLUMNS) or not all(_verified(folder / name, csvs[name]) for name in COLUMNS):
            return None, "the CSVs changed since the cache was made"
        files = manifest["files"]
        present = {p.name for p in place.iterdir()} - {"manifest.json"}
        if set(files) != present or not all(_verified(place / name, record) for name, record in files.items()):
            return None, "the cache's files are not those it was made with"
        if manifest.get("version") != version_of({name: csvs[name]["sha256"] for name in COLUMNS}):
            return None, "the cache names another dataset version"
        return _assemble(place, manifest, folder, taxonomy), ""
    except (OSError, ValueError, KeyError, TypeError, IndexError, AttributeError, RecursionError):
        return None, "the cache is damaged"


def _array(place: Path, name: str, mmap: bool = False) -> np.ndarray:
    path = place / f"{name}.npy"
    if mmap and path.stat().st_size > 4096:  # an empty or tiny array is read (an empty one cannot be mapped)
        return np.load(path, allow_pickle=False, mmap_mode="r")
    return np.load(path, allow_pickle=False)


def _assemble(place: Path, manifest: dict, folder: Path, taxonomy: Taxonomy) -> CodedPassages:
    n = manifest["passages"]
    texts = {name: TextColumn.open(place / f"{name}.bin", _array(place, f"{name}.offsets")) for name in TEXTS}
    meta = pd.DataFrame({
        column: pd.Categorical.from_codes(_array(place, f"meta.{column}"), categories=manifest["categories"][column])
        for column in CATEGORIES
    })
    meta["position"] = _array(place, "meta.position")
    meta["year"] = _array(place, "meta.year")
    meta["user"] = _array(place, "meta.user")
    meta = meta[["doc_id", "position", "section", "author", "year", "title", "outlet", "published", "user"]]
    packed = _array(place, "flags")
    names = [tuple(name) for name in manifest["names"]]
    flags = {tuple(name): np.unpackbits(packed[i], count=n).astype(bool) for i, name in enumerate(manifest["flags"])}
    codes = PassageCodes(_array(place, "codes.offsets", mmap=True), _array(place, "codes.keys", mmap=True),
                         _array(place, "codes.sources", mmap=True), texts["evidence"], names, _array(place, "codes.sentences", mmap=True))
    sentences = SentenceCodes(*(_array(place, f"sentences.{column}", mmap=True) for column in SENTENCE_COLUMNS),
                              *(_array(place, f"sentences.{name}") for name in SENTENCE_TABLES))
    mentioned = pd.DataFrame({"row": _array(place, "mentioned.row"), "year": _array(place, "mentioned.year")})
    facts = pd.DataFrame({"row": _array(place, "facts.row")})
    for column in FACT_CATEGORIES:
        categories, numbers = manifest["fact_categories"][column], _array(place, f"facts.{column}")
        if column in FACT_NOTES:  # few values, rarely read: kept as categories
            facts[column] = pd.Categorical.from_codes(numbers, categories=categories) if len(facts) else pd.Categorical([])
        else:
            facts[column] = np.array(categories, dtype=object)[numbers] if len(facts) else []
    facts["value"] = _array(place, "facts.value")
    facts["year_number"] = _array(place, "facts.year_number")
    facts = facts[["row", "indicator", "unit", "value", "year_number", "partner", *FACT_NOTES]]
    documents = read_table(folder, "documents.csv")  # small, and the source of truth: read as load_dataset reads it
    documents = documents.assign(year=document_years(documents["year"]), user=False)
    if len(meta) != n or any(len(texts[name]) != size or len(texts[name].block) != texts[name].offsets[-1] for name, size in manifest["texts"].items()):
        raise ValueError("the cache does not hold what its manifest says")
    if len(sentences.row) != manifest["sentences"]:
        raise ValueError("the cache does not hold what its manifest says")
    return assemble(meta, texts["ids"], texts["texts"], texts["folded"], codes, sentences, flags, mentioned, facts, texts["quotes"], texts["printed"],
                    documents, taxonomy, manifest["version"], folder)


def write_cache(coded: CodedPassages, place: Path, csvs: dict, key: bytes) -> bool:
    """Write the cache into ``place`` (all of it, or nothing); False if the folder cannot be written."""
    try:
        place.parent.mkdir(parents=True, exist_ok=True)
        for stale in place.parent.glob(f".{place.name}.*.tmp"):  # a cache write that was killed
            if time.time() - stale.stat().st_mtime > 600:
                shutil.rmtree(stale, ignore_errors=True)
        staging = Path(tempfile.mkdtemp(prefix=f".{place.name}.", suffix=".tmp", dir=place.parent))
    except OSError:
        return False
    try:
        _write(coded, staging, csvs, key)
        follow_umask(staging, directory=True)  # a cache beside a shared dataset is readable where the dataset is
        old = place.with_name(place.name + ".old")
        shutil.rmtree(old, ignore_errors=True)
        if place.exists():
            os.replace(place, old)
        os.replace(staging, place)
        shutil.rmtree(old, ignore_errors=True)
        return True
    except OSError:
        shutil.rmtree(staging, ignore_errors=True)
        return False


def _write(coded: CodedPassages, out: Path, csvs: dict, key: bytes) -> None:
    def save(name: str, array) -> None:
        np.save(out / f"{name}.npy", np.ascontiguousarray(array), allow_pickle=False)

    meta = coded.passages
    for column in CATEGORIES:
        save(f"meta.{column}", meta[column].cat.codes.to_numpy())
    save("meta.position", meta["position"].to_numpy(dtype=np.int32))
    save("meta.year", meta["year"].to_numpy(dtype=np.int32))
    save("meta.user", meta["user"].to_numpy(dtype=bool))
    columns = {"ids": coded.ids, "texts": coded.texts, "folded": coded.folded, "evidence": coded.codes.evidence, "quotes": coded.quotes, "printed": coded.printed}
    for name, column in columns.items():
        save(f"{name}.offsets", column.save(out / f"{name}.bin"))
    flag_names = sorted(coded.flags)
    packed = np.array([np.packbits(coded.flags[name]) for name in flag_names], dtype=np.uint8).reshape(len(flag_names), -1)
    save("flags", packed)
    save("codes.offsets", coded.codes.offsets)
    save("codes.keys", coded.codes.keys)
    save("codes.sources", coded.codes.sources)
    save("codes.sentences", coded.codes.sentences)
    for name in (*SENTENCE_COLUMNS, *SENTENCE_TABLES):
        save(f"sentences.{name}", getattr(coded.sentences, name))
    save("mentioned.row", coded.mentioned_years["row"].to_numpy(dtype=np.int64))
    save("mentioned.year", coded.mentioned_years["year"].to_numpy(dtype=np.int64))
    facts = coded.facts
    save("facts.row", facts["row"].to_numpy(dtype=np.int64))
    save("facts.value", facts["value"].to_numpy(dtype=float))
    save("facts.year_number", facts["year_number"].to_numpy(dtype=np.int32))
    fact_categories = {}
    for column in FACT_CATEGORIES:
        values = pd.Categorical(facts[column].astype(str))
        fact_categories[column] = [str(c) for c in values.categories]
        save(f"facts.{column}", values.codes)
    manifest = {
        "format": FORMAT,
        "csvs": csvs,
        "version": coded.version,
        "passages": len(coded),
        "sentences": len(coded.sentences),
        "categories": {c: [str(v) for v in meta[c].cat.categories] for c in CATEGORIES},
        "fact_categories": fact_categories,
        "names": [list(n) for n in coded.codes.names],
        "flags": [list(n) for n in flag_names],
        "sources": list(SOURCES),
        "texts": {name: len(column) for name, column in columns.items()},
        "files": {p.name: {"sha256": _file_hash(p), "stat": _stat(p)} for p in sorted(out.iterdir())},
    }
    manifest["signature"] = _signature(key, manifest)
    (out / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False), encoding="utf-8")
