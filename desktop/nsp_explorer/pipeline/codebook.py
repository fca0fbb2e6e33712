"""Load the codebook (data/codebook.toml) and compile its terms to patterns.

The syntax of a term is described at the top of the codebook itself.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from ..core.errors import DataFileError
from ..core.taxonomy import Taxonomy
from .frame_rules import ANCHOR_WORDS, Anchors
from .sources import read_toml

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


LONGEST_USER_TERM = 80  # characters: a word or a short phrase, not a sentence
# English function words: in most sentences whatever their topic, so a term made of them alone signals no code
_FUNCTION_WORDS = frozenset(
    "a an the and or but nor so yet of to in on at by for with from as into onto over under about than that this these "
    "those it its is are was were be been being has have had do does did not no will would can could may might shall "
    "should must he she they we you i his her their our your them him us me which who whom whose what when where why "
    "how there here if then also all any some such very".split()
)


def user_term_problem(term: str) -> str:
    """Why a term a user typed cannot go into their codebook ('' when it can).

    A user's term is words, matched as words: no pattern (``re:``), no quotes
    or backslashes, two letters or digits at least (``.*`` would otherwise match
    every full stop), not function words or numbers alone (``with``, ``10``), a
    ``*`` only at a word's end after at least three letters (``a*`` would match
    every word beginning with a), and short. ``Library.add_term`` also refuses a
    term in more than a quarter of the bundled articles' sentences (``Korea``).
    """
    term = term.strip()
    if not term:
        return "a term needs a word"
    if term.startswith("re:"):
        return f"{term!r} is a pattern: your terms are words (end a word with * to let it go on)"
    if '"' in term or "\\" in term:
        return f"{term!r} has quotes or backslashes: a term is words"
    if sum(c.isalnum() for c in term) < 2:
        return f"{term!r} has fewer than two letters or digits: it would match almost everywhere"
    if all(word.lower().strip(".,;:!?'’") in _FUNCTION_WORDS or word.isdigit() for word in term.split()):
        return f"{term!r} is made of function words or numbers only: they are in most sentences, whatever their topic"
    if len(term) > LONGEST_USER_TERM:
        return f"a term of {len(term)} characters is a sentence: give a word or a short phrase (at most {LONGEST_USER_TERM})"
    for word in term.split():
        if "*" in word[:-1] or (word.endswith("*") and sum(c.isalnum() for c in word) < 3):
            return f"{word!r}: * goes only at the end of a word, after three letters at least"
    return ""


def compile_terms(terms: list[str]) -> re.Pattern[str] | None:
    if not terms:
        return None
    # Longer terms first, so "South China Sea" wins over "China" at the same place.
    ordered = sorted(set(terms), key=lambda t: (-len(t), t))
    return re.compile("|".join(term_pattern(t) for t in ordered))


class Term:
    """Terms of one code that start with the same word, tried together at that word."""

    __slots__ = ("_pattern", "_terms", "excludes", "owner", "plain")

    def __init__(self, terms: list[str], owner: tuple[str, str], excludes: bool, plain: bool):
        self._terms = terms
        self._pattern: re.Pattern[str] | None = None
        self.owner = owner  # (dimension, code), or ("label", "") for label exclusions
        self.excludes = excludes
        self.plain = plain  # the word itself is the whole match ("trade", "invest*")

    @property
    def pattern(self) -> re.Pattern[str]:
        """Compiled on first use: most texts need only a few of the codebook's patterns."""
        if self._pattern is None:
            self._pattern = compile_terms(self._terms)
        return self._pattern


# A "re:" pattern that starts with a literal word, or a group of literal words, then a space, a word boundary or
# "\w*" ("re:invest\w*\s+…", "re:(?-i:Disaster\s+…)", "re:(?:living|working)\s+in…"): it can only match where a
# word is one of those words (or, before "\w*", begins so).
_REGEX_HEAD = re.compile(r"re:(?:\(\?-i:)?(?:([A-Za-z]{2,})|\(\?:([A-Za-z]{2,}(?:\|[A-Za-z]{2,})*)\))(\\w\*|\\s|\\b|\[\\s)")
_PLAIN_WORD = re.compile(r"[^\W\d_][\w]*\*?")


def _is_plain_word(term: str) -> bool:
    """One word matched case-insensitively: the token found there is the match."""
    letters = [c for c in term if c.isalpha()]
    acronym = len(letters) <= 3 and all(c.isupper() for c in letters)
    return bool(_PLAIN_WORD.fullmatch(term)) and not acronym


class TermIndex:
    """Find every codebook term in a text in one pass over its words.

    Terms are indexed by their first word (exactly, or as a prefix for "invest*"
    and for multi-word terms that PDF text may fuse); at each word only the few
    terms indexed under it are tried, and a plain one-word term needs no trying.
    """

    def __init__(self, entries: list[tuple[str, tuple[str, str], bool]]):
        exact: dict[str, dict[tuple, list[str]]] = {}
        prefix: dict[str, dict[tuple, list[str]]] = {}
        self._anywhere: list[Term] = []
        for text, owner, excludes in entries:
            if text.startswith("re:"):
                group = (owner, excludes, False)
                head = _REGEX_HEAD.match(text)
                if head is None:  # tried everywhere: slow, kept for a pattern with no literal first word
                    term = Term([text], owner, excludes, plain=False)
                    term.pattern  # noqa: B018 - a hand-written "re:" term is checked when the codebook loads
                    self._anywhere.append(term)
                else:  # tried only where a word starts with one of its literal first words
                    table = prefix if head.group(3) == "\\w*" else exact
                    for word in (head.group(1) or head.group(2)).casefold().split("|"):
                        table.setdefault(word, {}).setdefault(group, []).append(text)
                    Term([text], owner, excludes, plain=False).pattern  # noqa: B018 - checked when the codebook loads
                continue
            words = [w for w in re.split(r"[\s\-–—]+", text.strip()) if w]
            head = re.match(r"\w+", words[0].casefold())
            plain = len(words) == 1 and _is_plain_word(text)
            group = (owner, excludes, plain)
            if head is None:
                term = Term([text], owner, excludes, plain=False)
                term.pattern  # noqa: B018 - a hand-written "re:" term is checked when the codebook loads
                self._anywhere.append(term)
            elif words[0].endswith("*") or (len(words) > 1 and len(head.group()) >= 4):
                # "invest*" goes on; "Asia Pacific" may be fused in PDF text as "AsiaPacific"
                prefix.setdefault(head.group(), {}).setdefault(group, []).append(text)
            else:
                exact.setdefault(head.group(), {}).setdefault(group, []).append(text)
        # One entry per word and code: a single match call (or none) covers all of that code's terms there.
        self._exact = {key: [Term(terms, *group) for group, terms in groups.items()] for key, groups in exact.items()}
        self._prefix = {key: [Term(terms, *group) for group, terms in groups.items()] for key, groups in prefix.items()}
        self._prefix_lengths = sorted({len(k) for k in self._prefix})
        self._head = min(self._prefix_lengths, default=1)
        self._prefix_heads = {key[: self._head] for key in self._prefix}
        self._cache: dict[str, tuple] = {}  # word -> () or (terms matched by the word, (match, term) to try there, gate)

    def _terms_starting(self, token: str) -> list[Term]:
        terms = list(self._exact.get(token, ()))
        if token[: self._head] in self._prefix_heads:
            for length in self._prefix_lengths:
                if length > len(token):
                    break
                terms.extend(self._prefix.get(token[:length], ()))
        return terms

    def _at_word(self, word: str) -> tuple:
        """The plain terms that match this word outright, (match, term) for those to try here, and a gate for them."""
        terms = self._terms_starting(word)
        if not terms:
            return ()  # most words: nothing starts there
        tries = tuple((t.pattern.match, t) for t in terms if not t.plain)
        # Several patterns to try here ("ASEAN centrality", "ASEAN+3", …): one combined match first,
        # since at most places none of them matches.
        gate = re.compile("|".join(f"(?:{t.pattern.pattern})" for _, t in tries)).match if len(tries) > 1 else None
        return tuple(t for t in terms if t.plain), tries, gate

    def find(self, text: str) -> list[tuple[int, int, Term]]:
        hits = []
        cache = self._cache
        folded = text.casefold()
        words = _TOKEN.finditer(folded if len(folded) == len(text) else text)  # casefolding moved letters ("ß"): fold per word
        fold_each = len(folded) != len(text)
        for token in words:
            word = token.group().casefold() if fold_each else token.group()
            found = cache.get(word)
            if found is None:
                if len(cache) > _CACHE_WORDS:
                    cache.clear()
                found = cache[word] = self._at_word(word)
            if not found:
                continue
            plain, tries, gate = found
            start = token.start()
            for term in plain:
                hits.append((start, token.end(), term))
            if gate is not None and gate(text, start) is None:
                continue
            for match, term in tries:
                matched = match(text, start)
                if matched:
                    hits.append((start, matched.end(), term))
        for term in self._anywhere:
            hits.extend((m.start(), m.end(), term) for m in term.pattern.finditer(text))
        return hits


_TOKEN = re.compile(r"\w+")
_CACHE_WORDS = 200_000
_LABEL = ("label", "")
_ANCHOR = "anchor"  # owner of the frame rules' anchor words
WEAK = "weak"  # owner ("weak", area) of an area's weak terms: they set it only where no other area is found (pipeline/code.py)


def overlaps(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(start < e and s < end for s, e in spans)


@dataclass(frozen=True)
class Codebook:
    path: Path
    codes: tuple[tuple[str, str], ...]  # (dimension, code) in taxonomy order
    index: TermIndex
    weak_codes: tuple[tuple[str, str], ...] = ()  # ("weak", area) of the areas that have weak terms, in taxonomy order
    digest: str = ""  # SHA-256 of the terms as merged with the user's (not of the files: comments and line ends do not count)

    @cached_property
    def rank(self) -> dict[tuple[str, str], int]:
        """Each code's place in taxonomy order."""
        return {owner: i for i, owner in enumerate(self.codes)}

    def matches(self, text: str) -> dict[tuple[str, str], list[tuple[int, int]]]:
        """Spans of every code's terms in a text, after exclusions and label vetoes.

        A term match is dropped when it overlaps an exclusion of its own code, or
        (for pillars) a pillar name used as a label. Overlapping matches of one
        code keep the earliest, longest one.
        """
        return self.scan(text)[0]

    def scan(self, text: str) -> tuple[dict[tuple[str, str], list[tuple[int, int]]], Anchors]:
        """``matches`` and, from the same pass over the words, where the frame rules' anchor words stand."""
        hits = self.index.find(text)
        anchors: dict[str, list[int]] = {kind: [] for kind in ANCHOR_WORDS}
        vetoes: dict[tuple[str, str], list[tuple[int, int]]] = {}
        for start, end, term in hits:
            if term.excludes:
                vetoes.setdefault(term.owner, []).append((start, end))
        labels = vetoes.get(_LABEL)
        found: dict[tuple[str, str], list[tuple[int, int]]] = {}
        for start, end, term in sorted(hits, key=lambda hit: (hit[0], hit[0] - hit[1])):
            owner = term.owner
            if term.excludes:
                continue
            if owner[0] == _ANCHOR:
                anchors[owner[1]].append(start)
                continue
            vetoed = vetoes.get(("area", owner[1]) if owner[0] == WEAK else owner)
            if vetoed and overlaps(start, end, vetoed):
                continue
            if labels and owner[0] == "pillar" and overlaps(start, end, labels):
                continue
            kept = found.get(owner)
            if kept is None:
                found[owner] = [(start, end)]
            elif kept[-1][1] <= start:  # hits come in text order: only the last kept one can overlap
                kept.append((start, end))
        coded = {owner: found[owner] for owner in self.codes if owner in found}
        if len(coded) < len(found):  # weak terms last, in taxonomy order
            coded.update((owner, found[owner]) for owner in self.weak_codes if owner in found)
        return coded, Anchors(**anchors)


def _string_list(path: Path, where: str, value: object) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise DataFileError(path, f"{where} must be a list of non-empty strings")
    return value


def load_codebook(path: Path, taxonomy: Taxonomy, overlay: Path | None = None) -> Codebook:
    """Read and check the codebook: every taxonomy code has terms, no unknown codes.

    An overlay (the user's own terms, same layout, only additions) is merged in;
    the codebook file itself is never changed.
    """
    raw = read_toml(path)
    if overlay is not None and overlay.exists():
        extra = read_toml(overlay)
        for section, table in extra.items():
            if section not in _SECTIONS.values() or not isinstance(table, dict):
                raise DataFileError(overlay, f"has a section [{section}] that is not one of {', '.join(_SECTIONS.values())}")
            for code, entry in table.items():
                if code not in raw.get(section, {}):
                    raise DataFileError(overlay, f"[{section}.{code}] names a code that is not in the taxonomy")
                terms = _string_list(overlay, f"[{section}.{code}] terms", (entry or {}).get("terms", []) if isinstance(entry, dict) else None)
                raw[section][code] = {**raw[section][code], "terms": list(raw[section][code]["terms"]) + terms}
                if "weak" in raw[section][code]:  # a word the user adds is a full term of the code, even if the codebook has it weak
                    raw[section][code]["weak"] = [w for w in raw[section][code]["weak"] if w not in terms]

    entries: list[tuple[str, tuple[str, str], bool]] = []
    codes: list[tuple[str, str]] = []
    weak_codes: list[tuple[str, str]] = []
    for dimension, section in _SECTIONS.items():
        table = raw.get(section)
        if not isinstance(table, dict):
            raise DataFileError(path, f"has no [{section}] tables")
        unknown = sorted(set(table) - set(taxonomy.ids(dimension)))
        if unknown:
            raise DataFileError(path, f"[{section}] names codes that are not in the taxonomy: {', '.join(unknown)}")
        missing = [code for code in taxonomy.ids(dimension) if code not in table]
        if missing:
            raise DataFileError(path, f"[{section}] has no terms for: {', '.join(missing)}")
        for code in taxonomy.ids(dimension):
            where = f"[{section}.{code}]"
            entry = table[code] if isinstance(table[code], dict) else {}
            codes.append((dimension, code))
            entries += [(t, (dimension, code), False) for t in _string_list(path, f"{where} terms", entry.get("terms"))]
            entries += [(t, (dimension, code), True) for t in _string_list(path, f"{where} exclude", entry.get("exclude", []))]
            if dimension == "area" and "weak" in entry:
                weak = _string_list(path, f"{where} weak", entry["weak"])
                both = sorted(set(weak) & set(entry.get("terms") or ()))
                if both:
                    raise DataFileError(path, f"{where} has terms that are both weak and not: {', '.join(both)}")
                entries += [(t, (WEAK, code), False) for t in weak]
                weak_codes.append((WEAK, code))
    entries += [(word, (_ANCHOR, kind), False) for kind, words in ANCHOR_WORDS.items() for word in words]
    labels = raw.get("label_exclusions", {})
    entries += [(t, _LABEL, True) for t in _string_list(path, "[label_exclusions] terms", labels.get("terms", []))]
    try:
        index = TermIndex(entries)
    except re.error as exc:
        raise DataFileError(path, f"has a term that is not a valid pattern: {exc}") from None
    digest = hashlib.sha256(json.dumps(raw, sort_keys=True, ensure_ascii=False).encode("utf-8")).hexdigest()
    return Codebook(path, tuple(codes), index, tuple(weak_codes), digest)
