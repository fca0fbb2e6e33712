"""A binary cache of a coded dataset beside its CSVs, so a large dataset opens in a second.

The CSVs stay the source of truth. The cache is a folder ``.nspx-cache`` of
NumPy ``.npy`` arrays (read with ``allow_pickle=False``: nothing in it can run
code), UTF-8 blocks and a JSON manifest. The manifest records the size and
modification time of each CSV; if any differs, or anything in the cache cannot
be read, the CSVs are loaded, checked and coded again and the cache is
rewritten. A cache is written to a temporary folder and renamed into place,
so a crash never leaves half a cache. Where the dataset folder is read-only
(an installed app), the cache goes to the user cache folder instead.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd

from .coded import SOURCES, CodedPassages, PassageCodes, assemble, code_passages
from .dataset import COLUMNS, document_years, load_dataset, read_table
from .taxonomy import Taxonomy
from .texts import TextColumn

FORMAT = 2
CACHE_NAME = ".nspx-cache"
CATEGORIES = ("doc_id", "section", "author", "title", "outlet", "published")
FACT_CATEGORIES = ("indicator", "unit", "partner")
TEXTS = ("ids", "texts", "folded", "evidence", "quotes")


def _fingerprint(folder: Path) -> dict[str, list[int]]:
    out = {}
    for name in COLUMNS:
        stat = (folder / name).stat()
        out[name] = [stat.st_size, stat.st_mtime_ns]
    return out


def cache_folders(folder: Path) -> list[Path]:
    """Where a dataset's cache may be: beside the CSVs, else in the user cache folder."""
    from ..paths import user_cache_dir

    digest = hashlib.sha256(str(folder.resolve()).encode("utf-8")).hexdigest()[:16]
    return [folder / CACHE_NAME, user_cache_dir() / "datasets" / digest]


def load_coded(folder: Path, taxonomy: Taxonomy) -> CodedPassages:
    """The coded dataset of a folder: from its cache if the cache matches the CSVs, else from the CSVs (then cached)."""
    folder = Path(folder)
    try:
        fingerprint = _fingerprint(folder)
    except OSError:
        fingerprint = None  # load_dataset names the missing file
    if fingerprint is not None:
        for place in cache_folders(folder):
            coded = read_cache(place, fingerprint, folder, taxonomy)
            if coded is not None:
                return coded
    coded = code_passages(load_dataset(folder, taxonomy), taxonomy)
    if fingerprint is not None and fingerprint == _fingerprint(folder):
        for place in cache_folders(folder):
            if write_cache(coded, place, fingerprint):
                break
    return coded


def read_cache(place: Path, fingerprint: dict, folder: Path, taxonomy: Taxonomy) -> CodedPassages | None:
    """The cached dataset, or None if there is no cache, it is stale, or any part of it is unreadable."""
    try:
        manifest = json.loads((place / "manifest.json").read_text(encoding="utf-8"))
        if manifest.get("format") != FORMAT or manifest.get("fingerprint") != fingerprint:
            return None
        return _assemble(place, manifest, folder, taxonomy)
    except (OSError, ValueError, KeyError, TypeError, IndexError):
        return None


def _array(place: Path, name: str, mmap: bool = False) -> np.ndarray:
    return np.load(place / f"{name}.npy", allow_pickle=False, mmap_mode="r" if mmap else None)


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
                         _array(place, "codes.sources", mmap=True), texts["evidence"], names)
    mentioned = pd.DataFrame({"row": _array(place, "mentioned.row"), "year": _array(place, "mentioned.year")})
    facts = pd.DataFrame({"row": _array(place, "facts.row")})
    for column in FACT_CATEGORIES:
        facts[column] = np.array(manifest["fact_categories"][column], dtype=object)[_array(place, f"facts.{column}")] if len(facts) else []
    facts["value"] = _array(place, "facts.value")
    facts["year_number"] = _array(place, "facts.year_number")
    facts = facts[["row", "indicator", "unit", "value", "year_number", "partner"]]
    documents = read_table(folder, "documents.csv")  # small, and the source of truth: read as load_dataset reads it
    documents = documents.assign(year=document_years(documents["year"]), user=False)
    if len(meta) != n or any(len(texts[name]) != size or len(texts[name].block) != texts[name].offsets[-1] for name, size in manifest["texts"].items()):
        raise ValueError("the cache does not hold what its manifest says")
    return assemble(meta, texts["ids"], texts["texts"], texts["folded"], codes, flags, mentioned, facts, texts["quotes"],
                    documents, taxonomy, manifest["version"], folder)


def write_cache(coded: CodedPassages, place: Path, fingerprint: dict) -> bool:
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
        _write(coded, staging, fingerprint)
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


def _write(coded: CodedPassages, out: Path, fingerprint: dict) -> None:
    def save(name: str, array) -> None:
        np.save(out / f"{name}.npy", np.ascontiguousarray(array), allow_pickle=False)

    meta = coded.passages
    for column in CATEGORIES:
        save(f"meta.{column}", meta[column].cat.codes.to_numpy())
    save("meta.position", meta["position"].to_numpy(dtype=np.int32))
    save("meta.year", meta["year"].to_numpy(dtype=np.int32))
    save("meta.user", meta["user"].to_numpy(dtype=bool))
    columns = {"ids": coded.ids, "texts": coded.texts, "folded": coded.folded, "evidence": coded.codes.evidence, "quotes": coded.quotes}
    for name, column in columns.items():
        save(f"{name}.offsets", column.save(out / f"{name}.bin"))
    flag_names = sorted(coded.flags)
    packed = np.array([np.packbits(coded.flags[name]) for name in flag_names], dtype=np.uint8).reshape(len(flag_names), -1)
    save("flags", packed)
    save("codes.offsets", coded.codes.offsets)
    save("codes.keys", coded.codes.keys)
    save("codes.sources", coded.codes.sources)
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
        "fingerprint": fingerprint,
        "version": coded.version,
        "passages": len(coded),
        "categories": {c: [str(v) for v in meta[c].cat.categories] for c in CATEGORIES},
        "fact_categories": fact_categories,
        "names": [list(n) for n in coded.codes.names],
        "flags": [list(n) for n in flag_names],
        "sources": list(SOURCES),
        "texts": {name: len(column) for name, column in columns.items()},
    }
    (out / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False), encoding="utf-8")
