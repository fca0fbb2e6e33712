"""Negation scope for frame cues, after NegEx (Chapman et al., 2001).

A frame cue is *negated* when a negation trigger stands before it in the same
clause, with at most ``WINDOW`` words between them. The clause ends at
punctuation (, ; : brackets, dashes) and at contrast and subordinating words,
so "not X but Y" negates X only and "although it is not easy, progress was
made" leaves "progress" alone. Pseudo-triggers look like negation but are
not ("not only", "no doubt").

| kind | words | example (cue in capitals) |
|---|---|---|
| trigger | not, n't, cannot, no, never, hardly, barely, scarcely, neither, nor, without, lack(s/ed/ing) of, absence of, little, few, far from, fail(s/ed) to, unable to, no longer, none of, nothing, prevent(s/ed), hinder(s/ed), erode(s/d), undermine(s/d), weaken(s/ed) | "has not made much PROGRESS", "prevents EFFECTIVE cooperation", "erode the country's ADVANTAGE" |
| pseudo-trigger | not only, not just, not merely, not least, not to mention, no doubt, no matter, if not, not unlike, nothing but, no less, a little, a few | "not only a SUCCESS but …": not negated |
| contrast | "not … but …": a "not" up to 10 words back negates a cue that a "but" follows | "not as a periphery to be EXPLOITED, but as a centre" |
| terminator | , ; : ( ) – — and but, however, although, though, yet, while, whereas, which, who, because (but "not because …" stays negated), despite | "not cheap, but it has GROWN": not negated |

A library such as negspacy does the same with spaCy's parser and models
(hundreds of MB, seconds to load); a trigger window of this kind is what NegEx
itself is and is fast enough to run on every sentence of a build.
"""

from __future__ import annotations

import re

WINDOW = 4  # words between a trigger and the cue it negates (NegEx uses 5 tokens; 4 words keeps it inside short clauses)

_TRIGGER = re.compile(
    r"(?<![\w'’])(?:"
    r"not|cannot|no|never|hardly|barely|scarcely|neither|nor|without|none\s+of|nothing|no\s+longer"
    r"|lack(?:s|ed|ing)?(?:\s+of)?|absence\s+of|far\s+from|fail(?:s|ed|ing)?\s+to|unable\s+to|prevent(?:s|ed|ing)?|hinder(?:s|ed|ing)?|erod(?:e|es|ed|ing)|undermin(?:e|es|ed|ing)|weaken(?:s|ed|ing)?"
    r"|(?<!\ba\s)(?<!\ba\s\s)little|(?<!\ba\s)(?<!\bquite\sa\s)few"
    r")(?![\w'’])|n['’]t(?!\w)",
    re.IGNORECASE,
)
_PSEUDO = re.compile(
    r"(?<!\w)(?:not\s+only|not\s+just|not\s+merely|not\s+least|not\s+to\s+mention|no\s+doubt|no\s+matter|if\s+not"
    r"|not\s+unlike|nothing\s+but|no\s+less|no\s+fewer|no\s+sooner)(?!\w)",
    re.IGNORECASE,
)
_TERMINATOR = re.compile(
    r"[,;:()\[\]–—]|(?<!\w)(?:and|but|however|although|though|yet|while|whereas|which|who|(?<!not\s)because|despite|instead)(?!\w)",
    re.IGNORECASE,
)
ANCHORS = (  # a word that every trigger starts with ("t" as in "n't"): the coder notes where they stand in one pass
    "not", "no", "none", "nothing", "nor", "cannot", "t", "never", "hardly", "barely", "scarcely", "neither", "without",
    "lack*", "absence", "far", "fail*", "unable", "little", "few", "prevent*", "hinder*", "erod*", "undermin*", "weaken*",
)
_WORD = re.compile(r"\w+")
LOOK_BACK = 90  # characters before a cue that can hold its trigger (WINDOW words and the trigger)


def negation_before(text: str, start: int, first: int = 0, end: int | None = None, last: int | None = None) -> tuple[int, int] | None:
    """The span of the trigger that negates the cue at ``start:end``, or None.

    The cue's sentence is ``text[first:last]``: a trigger before it does not
    count. A "not" farther back than ``WINDOW`` words still negates the cue
    when a "but" follows it in the same clause ("not as a periphery to be
    exploited, but as a centre": contrast).
    """
    origin = max(first, start - LOOK_BACK)
    clause = origin
    for clause_end in _TERMINATOR.finditer(text, origin, start):
        clause = clause_end.end()
    found = None
    for found in _TRIGGER.finditer(text, clause, start):
        pass
    if found is None:
        return None
    if any(s <= found.start() < e for s, e in (m.span() for m in _PSEUDO.finditer(text, clause, start))):
        return None
    between = len(_WORD.findall(text, found.end(), start))
    if between > WINDOW:
        contrast = (
            between <= CONTRAST_WINDOW
            and end is not None
            and found.group().casefold() in ("not", "n't", "n’t", "never")
            and _BUT_AFTER.match(text, end, len(text) if last is None else last)
        )
        if not contrast:
            return None
    return found.span()


CONTRAST_WINDOW = 10  # words between "not" and a cue that a following "but" puts in its scope
_BUT_AFTER = re.compile(r"[^.;:()\[\]–—]{0,80}?,?\s+but(?!\w)", re.IGNORECASE)
