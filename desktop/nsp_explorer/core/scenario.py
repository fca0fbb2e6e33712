"""Scenarios: named views prepared for a seminar, one JSON file each.

A scenario is a filter state plus the chart selection, view options and a
short note:

    {"schema": 1, "name": …, "note": …,
     "filters": {"pillars": […], "areas": […], "frames": […], "partners": […], "authors": […], "years": […]},
     "view": {"selection": {…}, "search": "", "measure": "share", "indicator": ["asean_korea_trade", "USD billion"]}}

An empty list means "all". Files are written atomically; a file that cannot be
read is reported by name and left untouched; unknown IDs are dropped and named.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
import time
import unicodedata
from dataclasses import dataclass, field, replace
from pathlib import Path

from .errors import DataFileError
from .file_modes import follow_umask
from .filters import FILTER_KEYS, NO_YEAR, NOTHING, FilterSpec
from .taxonomy import Taxonomy

SCHEMA = 1
MAX_SCENARIO_BYTES = 1_000_000
INDEX = "order.json"


@dataclass(frozen=True)
class Scenario:
    name: str
    note: str = ""
    filters: FilterSpec = field(default_factory=FilterSpec)
    selection: FilterSpec = field(default_factory=FilterSpec)
    search: str = ""
    measure: str = "share"
    indicator: tuple[str, str] | None = None

    def __post_init__(self):
        object.__setattr__(self, "name", self.name.strip())  # as it will read back: names never keep stray spaces

    def to_json(self) -> dict:
        view: dict = {"selection": self.selection.to_dict(), "search": self.search, "measure": self.measure}
        if self.indicator:
            view["indicator"] = list(self.indicator)
        return {"schema": SCHEMA, "name": self.name, "note": self.note, "filters": self.filters.to_dict(), "view": view}


@dataclass(frozen=True)
class Loaded:
    scenario: Scenario
    ignored: tuple[str, ...] = ()  # "partners: mars" for IDs that are not in the taxonomy or the dataset


def _known_values(taxonomy: Taxonomy, authors: list[str], years: list[int]) -> dict[str, set]:
    return {
        "pillars": set(taxonomy.ids("pillar")) | {NOTHING},
        "areas": set(taxonomy.ids("area")) | {NOTHING},
        "frames": set(taxonomy.ids("frame")) | {NOTHING},
        "partners": set(taxonomy.ids("partner")) | {NOTHING},
        "authors": set(authors) | {NOTHING},
        "years": set(years) | {NO_YEAR},
    }


def _spec(raw: object, known: dict[str, set], where: str, ignored: list[str]) -> FilterSpec:
    if raw is None:
        return FilterSpec()
    if not isinstance(raw, dict):
        raise ValueError(f"{where} must be an object")
    values = {}
    for key in FILTER_KEYS:
        items = raw.get(key) or []
        if not isinstance(items, list):
            raise ValueError(f"{where}.{key} must be a list")
        kept = []
        for item in items:
            value = int(item) if key == "years" and isinstance(item, (int, str)) and str(item).lstrip("-").isdigit() else item
            if isinstance(value, (str, int)) and value in known[key]:
                kept.append(value)
            else:
                ignored.append(f"{key}: {item}")
        if items and not kept:  # "only Nobody", none of them here: nothing, not "all", which the empty list means
            kept = [NO_YEAR if key == "years" else NOTHING]
            ignored.append(f"{key}: (all of them: the scenario selects no passage)")
        values[key] = kept  # unknown IDs are dropped (and named)
    return FilterSpec(**values)


def scenario_from_json(data: object, known: dict[str, set]) -> Loaded:
    """Read a scenario object; unknown IDs are dropped and listed, anything malformed is a ValueError."""
    if not isinstance(data, dict):
        raise ValueError("a scenario must be a JSON object")
    if data.get("schema") != SCHEMA:
        raise ValueError(f"unsupported schema {data.get('schema')!r} (this version reads schema {SCHEMA})")
    name = data.get("name")
    if not isinstance(name, str) or not name.strip():
        raise ValueError("the scenario has no name")
    note = data.get("note", "")
    if not isinstance(note, str):
        raise ValueError("note must be text")
    view = data.get("view") or {}
    if not isinstance(view, dict):
        raise ValueError("view must be an object")
    ignored: list[str] = []
    filters = _spec(data.get("filters"), known, "filters", ignored)
    selection = _spec(view.get("selection"), known, "view.selection", ignored)
    search = view.get("search", "")
    measure = view.get("measure", "share")
    indicator = view.get("indicator")
    if not isinstance(search, str) or measure not in ("share", "count"):
        raise ValueError("view.search must be text and view.measure 'share' or 'count'")
    if indicator is not None and not (isinstance(indicator, list) and len(indicator) == 2 and all(isinstance(i, str) for i in indicator)):
        raise ValueError("view.indicator must be [indicator, unit]")
    scenario = Scenario(name.strip(), note, filters, selection, search, measure, tuple(indicator) if indicator else None)
    return Loaded(scenario, tuple(ignored))


def read_scenario_file(path: Path, known: dict[str, set]) -> Loaded:
    try:
        size = path.stat().st_size
        if size > MAX_SCENARIO_BYTES:
            raise DataFileError(path, f"is too large for a scenario ({size / 1e6:.1f} MB)")
        data = json.loads(path.read_text(encoding="utf-8"))
        return scenario_from_json(data, known)
    except FileNotFoundError:
        raise DataFileError(path, "is missing") from None
    except UnicodeDecodeError:
        raise DataFileError(path, "is not UTF-8 text") from None
    except json.JSONDecodeError as exc:
        raise DataFileError(path, f"is not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})") from None
    except RecursionError:
        raise DataFileError(path, "is not a usable scenario: it is nested too deeply") from None
    except (OSError, ValueError) as exc:
        raise DataFileError(path, f"is not a usable scenario: {exc}") from None


def write_json_atomically(path: Path, data: object) -> None:
    """Write JSON through a temporary file in the same folder and rename it into place."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise DataFileError(path.parent, f"cannot be written: {exc.strerror or exc}") from None
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            json.dump(data, stream, indent=2, ensure_ascii=False, sort_keys=False)
            stream.write("\n")
            stream.flush()
            os.fsync(stream.fileno())
        follow_umask(temp)
        os.replace(temp, path)
    except OSError as exc:
        Path(temp).unlink(missing_ok=True)
        raise DataFileError(path, f"cannot be written: {exc.strerror or exc}; the previous file is unchanged") from None


STALE_AFTER_SECONDS = 60


def clear_stale_temporaries(folder: Path) -> None:
    """Remove what a save killed mid-write left behind (``.name.json.XXXX.tmp``, never a user's file).

    Only files older than a minute: a save in progress in another window is not disturbed.
    """
    if not folder.is_dir():
        return
    now = time.time()
    for temp in folder.glob(".*.tmp"):
        try:
            if temp.is_file() and now - temp.stat().st_mtime > STALE_AFTER_SECONDS:
                temp.unlink()
        except OSError:
            pass  # left for next time


def file_stem(name: str) -> str:
    """A safe file name for a scenario name: no path separators, no dots first, plain letters."""
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    stem = re.sub(r"[^A-Za-z0-9]+", "-", text).strip("-").lower()[:60]
    return stem or "scenario"


@dataclass
class ScenarioStore:
    """The user's scenarios: one JSON file each in a folder, in an order kept in order.json."""

    folder: Path
    known: dict[str, set]
    files: list[Path] = field(default_factory=list)
    scenarios: list[Scenario] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # files that could not be read, IDs that were ignored

    @classmethod
    def open(cls, folder: Path, taxonomy: Taxonomy, authors: list[str], years: list[int]) -> ScenarioStore:
        store = cls(Path(folder), _known_values(taxonomy, authors, years))
        clear_stale_temporaries(store.folder)
        store.reload()
        return store

    def reload(self) -> None:
        self.files, self.scenarios, self.problems = [], [], []
        if not self.folder.is_dir():
            return
        order: list[str] = []
        index = self.folder / INDEX
        if index.exists():
            try:
                order = [n for n in json.loads(index.read_text(encoding="utf-8")) if isinstance(n, str)]
            except (OSError, ValueError, TypeError, RecursionError):
                self.problems.append(f"{index}: unreadable, scenarios are listed by name instead")
        present = sorted(p.name for p in self.folder.glob("*.json") if p.name != INDEX)
        names = [n for n in order if n in present] + [n for n in present if n not in order]
        for name in names:
            path = self.folder / name
            try:
                loaded = read_scenario_file(path, self.known)
            except DataFileError as error:
                self.problems.append(str(error) + " (left as it is)")
                continue
            if loaded.ignored:
                self.problems.append(f"{path}: ignored unknown IDs: {', '.join(loaded.ignored)}")
            self.files.append(path)
            self.scenarios.append(loaded.scenario)

    def _write_index(self) -> None:
        write_json_atomically(self.folder / INDEX, [p.name for p in self.files])

    def _free_path(self, name: str) -> Path:
        stem, n = file_stem(name), 1
        path = self.folder / f"{stem}.json"
        while path.exists() or path in self.files:
            n += 1
            path = self.folder / f"{stem}-{n}.json"
        return path

    def add(self, scenario: Scenario, index: int | None = None) -> int:
        path = self._free_path(scenario.name)
        write_json_atomically(path, scenario.to_json())
        index = len(self.files) if index is None else index
        self.files.insert(index, path)
        self.scenarios.insert(index, scenario)
        self._write_index()
        return index

    def update(self, index: int, scenario: Scenario) -> None:
        write_json_atomically(self.files[index], scenario.to_json())
        self.scenarios[index] = scenario

    def rename(self, index: int, name: str) -> None:
        self.update(index, replace(self.scenarios[index], name=name.strip() or self.scenarios[index].name))

    def duplicate(self, index: int) -> int:
        original = self.scenarios[index]
        return self.add(replace(original, name=f"{original.name} (copy)"), index + 1)

    def delete(self, index: int) -> tuple[int, Scenario]:
        """Remove a scenario; returns what ``restore`` needs to undo it."""
        path, scenario = self.files.pop(index), self.scenarios.pop(index)
        path.unlink(missing_ok=True)
        self._write_index()
        return index, scenario

    def restore(self, index: int, scenario: Scenario) -> int:
        return self.add(scenario, min(index, len(self.files)))

    def move(self, index: int, to: int) -> None:
        to = max(0, min(to, len(self.files) - 1))
        self.files.insert(to, self.files.pop(index))
        self.scenarios.insert(to, self.scenarios.pop(index))
        self._write_index()

    def import_file(self, path: Path) -> tuple[int, tuple[str, ...]]:
        """Add a shared scenario; one whose name is taken already gets " (2)", " (3)"… so that every name says which."""
        loaded = read_scenario_file(path, self.known)
        names = {s.name for s in self.scenarios}
        name, n = loaded.scenario.name, 1
        while name in names:
            n += 1
            name = f"{loaded.scenario.name} ({n})"
        return self.add(replace(loaded.scenario, name=name)), loaded.ignored

    def export_file(self, index: int, path: Path) -> None:
        write_json_atomically(path, self.scenarios[index].to_json())
