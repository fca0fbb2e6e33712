"""Load the codebook (data/codebook.toml) and compile its terms to patterns.

The syntax of a term is described at the top of the codebook itself.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

from ..core.errors import DataFileError
from ..core.taxonomy import Taxonomy

_SEPARATOR = r"[\s\-–—‐]*"
_SECTIONS = {"pillar": "pillars", "area": "areas", "frame": "frames", "partner": "partners"}


def term_pattern(term: str) -> str:
    """The regular expression for one codebook term (see the codebook's header)."""
    if term.startswith("re:"):
        return f"(?i:{term[3:]})"
    letters = [c for c in term if c.isalpha()]
    case_sensitive = bool(letters) and len(letters) <= 3 and all(c.isupper() for c in letters)
    words = [w for w in re.split(r"[\s\-–—]+", term.strip()) if w]
    parts = []
    for word in words:
        star = word.endswith("*")
        piece = re.sub(r"['’]", "['’]", re.escape(word.rstrip("*")))
        parts.append(piece + (r"\w*" if star else ""))
    body = _SEPARATOR.join(parts)
    start = r"(?<!\w)" if words[0][0].isalnum() else ""
    end = r"(?!\w)" if words[-1][-1].isalnum() else ""
    pattern = f"{start}{body}{end}"
    return pattern if case_sensitive else f"(?i:{pattern})"


def compile_terms(terms: list[str]) -> re.Pattern[str] | None:
    if not terms:
        return None
    # Longer terms first, so "South China Sea" wins over "China" at the same place.
    ordered = sorted(set(terms), key=lambda t: (-len(t), t))
    return re.compile("|".join(term_pattern(t) for t in ordered))


@dataclass(frozen=True)
class CodeRule:
    dimension: str
    code: str
    terms: re.Pattern[str]
    exclude: re.Pattern[str] | None


@dataclass(frozen=True)
class Codebook:
    path: Path
    rules: tuple[CodeRule, ...]
    label_exclusions: re.Pattern[str] | None

    def rules_for(self, dimension: str) -> tuple[CodeRule, ...]:
        return tuple(rule for rule in self.rules if rule.dimension == dimension)


def _string_list(path: Path, where: str, value: object) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise DataFileError(path, f"{where} must be a list of non-empty strings")
    return value


def load_codebook(path: Path, taxonomy: Taxonomy) -> Codebook:
    """Read and check the codebook: every taxonomy code has terms, no unknown codes."""
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise DataFileError(path, "is missing") from None
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise DataFileError(path, f"cannot be read as TOML: {exc}") from None

    rules = []
    for dimension, section in _SECTIONS.items():
        entries = raw.get(section)
        if not isinstance(entries, dict):
            raise DataFileError(path, f"has no [{section}] tables")
        known = set(taxonomy.ids(dimension))
        unknown = sorted(set(entries) - known)
        if unknown:
            raise DataFileError(path, f"[{section}] names codes that are not in the taxonomy: {', '.join(unknown)}")
        missing = [code for code in taxonomy.ids(dimension) if code not in entries]
        if missing:
            raise DataFileError(path, f"[{section}] has no terms for: {', '.join(missing)}")
        for code in taxonomy.ids(dimension):
            entry = entries[code]
            where = f"[{section}.{code}]"
            terms = _string_list(path, f"{where} terms", entry.get("terms"))
            exclude = _string_list(path, f"{where} exclude", entry.get("exclude", []))
            try:
                rules.append(CodeRule(dimension, code, compile_terms(terms), compile_terms(exclude)))
            except re.error as exc:
                raise DataFileError(path, f"{where} has a term that is not a valid pattern: {exc}") from None
    labels = _string_list(path, "[label_exclusions] terms", raw.get("label_exclusions", {}).get("terms", []))
    return Codebook(path, tuple(rules), compile_terms(labels))
