"""Areas a sentence takes from the sentences around it.

Readers code a sentence with the area its paragraph is about even when the sentence does not name it:
after "Thai workers on Korean farms face long hours.", the sentence "Some also complain of unwanted physical
contact by employers." is on migration and human rights to a reader, and on nothing to the codebook, which
sees only the sentence's own words. On real pages about three in four of the areas the coder missed were on
a neighbouring sentence (data/models/README.md).

A small logistic model decides, for each area that a sentence within ``WINDOW`` sentences of the same
document carries by its own words and that the sentence lacks, whether the sentence takes it: how near and
how many the carriers are, whether the sentence has areas, a frame or a partner of its own, whether it opens
with a word that points back or goes on ("This", "They", "The", "However"; a weak signal: weight near 0), and its
length. Its weights are in ``data/models/context.json``
(fitted by ``packaging/fit_context_areas.py`` on development samples of real pages). An area so added has
source ``context`` and no words of its own; it is never passed on (only areas a sentence's own words set
count as carriers), and not to a sentence that opens by turning to another story ("Separately, …", "In other
news, …").
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from pathlib import Path

from ..core.errors import DataFileError
from .code import Code

WINDOW = 3
# Each feature of a (sentence, area) candidate, in the order of the weights in context.json.
FEATURES = (
    "bias",
    "previous sentence carries it",
    "next sentence carries it",
    "second before carries it",
    "second after carries it",
    "third before carries it",
    "third after carries it",
    "share of the window carrying it",
    "sentence has areas of its own",
    "number of its own areas",
    "sentence has a frame",
    "sentence names a partner",
    "sentence opens by pointing back",
    "length in words (/40, at most 1)",
    "areas around it (/5)",
)
# A sentence that opens by turning to another story takes nothing from the one before ("Separately, the singer will …").
_TURNS_AWAY = re.compile(r"^\W*(?:separately|in other news|in unrelated news|on an? (?:separate|different|lighter|unrelated) note)\b", re.IGNORECASE)
_POINTS_BACK = re.compile(
    r"^\W*(?:this|these|that|those|it|its|they|their|them|such|he|she|his|her|the|but|however|also|in addition|meanwhile|moreover|yet|still)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class ContextModel:
    weights: tuple[float, ...]
    threshold: float


def load_context_model(folder: Path) -> ContextModel:
    """The weights and threshold in ``folder/context.json``; a file that does not match ``FEATURES`` is refused by name."""
    path = Path(folder) / "context.json"
    try:
        spec = json.loads(path.read_text(encoding="utf-8"))
        names, weights, threshold, window = spec["features"], spec["weights"], spec["threshold"], spec["window"]
    except FileNotFoundError:
        raise DataFileError(path, "is missing: the coder cannot take areas from context") from None
    except (OSError, UnicodeDecodeError, ValueError, KeyError, TypeError) as exc:
        raise DataFileError(path, f"cannot be read as the context model ({type(exc).__name__}: {exc})") from None
    if names != list(FEATURES) or window != WINDOW:
        raise DataFileError(path, "was fitted for other features or another window than this version of the app computes")

    def finite(value: object) -> bool:
        return isinstance(value, float) and math.isfinite(value) or isinstance(value, int) and not isinstance(value, bool) and abs(value) < 1e6

    if not isinstance(weights, list) or len(weights) != len(FEATURES) or not all(map(finite, [*weights, threshold])):
        raise DataFileError(path, f"needs {len(FEATURES)} finite weights and a finite threshold")
    if not 0 < threshold < 1:
        raise DataFileError(path, "needs a threshold between 0 and 1")
    return ContextModel(tuple(float(v) for v in weights), float(threshold))


@dataclass(frozen=True)
class Candidate:
    sentence: int  # index in the document's sequence of sentences
    area: str
    features: tuple[float, ...]


def candidates(own_areas: list[frozenset[str]], framed: list[bool], partnered: list[bool], texts: list[str]) -> list[Candidate]:
    """Every (sentence, area) of one document that a neighbour within ``WINDOW`` carries and the sentence lacks, with its
    features; none for a sentence that turns to another story."""
    found = []
    n = len(texts)
    for i in range(n):
        window = [j for j in range(i - WINDOW, i + WINDOW + 1) if j != i and 0 <= j < n]
        around = set().union(*(own_areas[j] for j in window)) - own_areas[i] if window and not _TURNS_AWAY.match(texts[i]) else set()
        for area in sorted(around):
            near = [1.0 if 0 <= i + d < n and area in own_areas[i + d] else 0.0 for d in (-1, 1, -2, 2, -3, 3)]
            found.append(
                Candidate(
                    i,
                    area,
                    (
                        1.0,
                        *near,
                        sum(area in own_areas[j] for j in window) / len(window),
                        1.0 if own_areas[i] else 0.0,
                        float(len(own_areas[i])),
                        1.0 if framed[i] else 0.0,
                        1.0 if partnered[i] else 0.0,
                        1.0 if _POINTS_BACK.match(texts[i]) else 0.0,
                        min(len(texts[i].split()), 40) / 40,
                        len(around) / 5,
                    ),
                )
            )
    return found


def probability(model: ContextModel, candidate: Candidate) -> float:
    z = sum(w * x for w, x in zip(model.weights, candidate.features, strict=True))
    return 1.0 / (1.0 + math.exp(-max(-60.0, min(60.0, z))))


def takes(model: ContextModel, candidate: Candidate) -> bool:
    """Whether the sentence takes the candidate's area. The probability is rounded to four places before the
    threshold, as the sentence model's are, so that another machine's last bits of arithmetic cannot tip a code."""
    return round(probability(model, candidate), 4) >= model.threshold


def context_areas(own_areas: list[frozenset[str]], framed: list[bool], partnered: list[bool], texts: list[str], model: ContextModel) -> list[tuple[int, str]]:
    """(sentence index, area) of one document's sentences that take an area from their neighbours."""
    return [(c.sentence, c.area) for c in candidates(own_areas, framed, partnered, texts) if takes(model, c)]


@dataclass(frozen=True)
class DocumentSentences:
    """One document's sentences in reading order, as the context model reads them."""

    place: list[tuple[int, int]]  # (text index, 1-based sentence number in that text)
    own_areas: list[frozenset[str]]  # the areas each sentence's own words set
    framed: list[bool]
    partnered: list[bool]
    texts: list[str]


def document_sentences(coded: list[list[Code]], sentences: list[list[str]], documents: list[str]) -> list[DocumentSentences]:
    """The documents of a run of texts: ``coded`` holds each text's codes (sentence numbers within the text),
    ``sentences`` its sentences and ``documents`` the document it belongs to; a document's texts are consecutive
    and in reading order."""
    found = []
    start = 0
    while start < len(coded):
        end = start
        while end < len(coded) and documents[end] == documents[start]:
            end += 1
        place = [(t, n) for t in range(start, end) for n in range(1, len(sentences[t]) + 1)]
        of: dict[tuple[int, int], set[str]] = {key: set() for key in place}
        framed, partnered = set(), set()
        for t in range(start, end):
            for code in coded[t]:
                if (t, code.sentence) not in of:
                    continue  # a passage-wide code (sentence 0) speaks for no one sentence
                if code.dimension == "area" and code.source == "lexicon":
                    of[(t, code.sentence)].add(code.code)
                elif code.dimension == "frame":
                    framed.add((t, code.sentence))
                elif code.dimension == "partner":
                    partnered.add((t, code.sentence))
        found.append(
            DocumentSentences(
                place,
                [frozenset(of[key]) for key in place],
                [key in framed for key in place],
                [key in partnered for key in place],
                [sentences[t][n - 1] for t, n in place],
            )
        )
        start = end
    return found


@dataclass(frozen=True)
class TakenArea:
    """An area a sentence takes from the sentences around it, and those of them whose own words set it."""

    place: tuple[int, int]  # (text index, 1-based sentence number in that text)
    area: str
    carriers: tuple[tuple[int, int], ...]


def areas_from_context(coded: list[list[Code]], sentences: list[list[str]], documents: list[str], model: ContextModel) -> list[TakenArea]:
    """The context model's decisions for a run of texts (arguments as ``document_sentences``), in reading order."""
    taken = []
    for document in document_sentences(coded, sentences, documents):
        for i, area in context_areas(document.own_areas, document.framed, document.partnered, document.texts, model):
            near = range(max(0, i - WINDOW), min(len(document.place), i + WINDOW + 1))
            carriers = tuple(document.place[j] for j in near if j != i and area in document.own_areas[j])
            taken.append(TakenArea(document.place[i], area, carriers))
    return taken


def with_taken_areas(coded: list[list[Code]], taken: list[TakenArea], removed: frozenset[tuple[int, int, str]] = frozenset()) -> list[list[Code]]:
    """Every text's codes with the areas its sentences take from context (source ``context``). Their pillars are
    derived where every area's are (``with_derived_pillars``).

    ``removed`` holds (text, sentence, area) that a reader took off (sentence 0: off the whole text): an area taken
    from context is kept only while a sentence around it still carries it. The model's decisions are the machine's
    and do not change with review; a removal can only take a context area away, never add one."""
    result = [list(codes) for codes in coded]
    for one in taken:
        if any((t, n, one.area) not in removed and (t, 0, one.area) not in removed for t, n in one.carriers):
            t, n = one.place
            result[t].append(Code("area", one.area, "context", (), n))  # a candidate is an area the sentence lacks
    return result


def with_context_areas(
    coded: list[list[Code]], sentences: list[list[str]], documents: list[str], model: ContextModel, removed: frozenset[tuple[int, int, str]] = frozenset()
) -> list[list[Code]]:
    """``areas_from_context`` applied at once (``with_taken_areas``)."""
    return with_taken_areas(coded, areas_from_context(coded, sentences, documents, model), removed)
