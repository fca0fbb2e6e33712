"""The coding scheme: pillars, areas, frames and partners with fixed IDs."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from .errors import DataFileError

DIMENSIONS = ("pillar", "area", "frame", "partner", "year")


@dataclass(frozen=True)
class Taxonomy:
    pillars: dict[str, str]  # id -> label
    areas: dict[str, dict[str, str]]  # id -> {pillar, label, scope}
    frames: dict[str, str]
    partners: dict[str, str]

    def ids(self, dimension: str) -> tuple[str, ...]:
        """The IDs of a dimension in taxonomy order (``year`` has none)."""
        return tuple(
            {"pillar": self.pillars, "area": self.areas, "frame": self.frames, "partner": self.partners}.get(dimension, {})
        )

    def pillar_of(self, area: str) -> str:
        return self.areas[area]["pillar"]

    def is_valid(self, dimension: str, code: str) -> bool:
        if dimension == "year":
            return len(code) == 4 and code.isdigit()
        return code in self.ids(dimension)

    def label(self, dimension: str, code: str) -> str:
        if dimension == "area":
            return self.areas[code]["label"]
        if dimension == "pillar":
            return self.pillars[code].split(":")[0]
        if dimension == "frame":
            return code.capitalize()
        if dimension == "partner":
            return self.partners[code]
        return code

    def definition(self, dimension: str, code: str) -> str:
        """What a code means, as the coding scheme defines it ('' for a partner or a year)."""
        if dimension == "area":
            return self.areas[code].get("scope", "")
        if dimension == "pillar":
            return self.pillars[code].partition(":")[2].strip()
        if dimension == "frame":
            return self.frames[code]
        return ""


def load_taxonomy(path: Path) -> Taxonomy:
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError, RecursionError) as exc:
        raise DataFileError(path, f"cannot be read as JSON: {exc}") from None
    try:
        taxonomy = Taxonomy(dict(raw["pillars"]), dict(raw["areas"]), dict(raw["frames"]), dict(raw["partners"]))
    except (KeyError, TypeError, ValueError) as exc:
        raise DataFileError(path, f"lacks the part {exc}") from None
    for area, spec in taxonomy.areas.items():
        if not isinstance(spec, dict) or spec.get("pillar") not in taxonomy.pillars:
            raise DataFileError(path, f"area {area!r} names no known pillar")
    return taxonomy
