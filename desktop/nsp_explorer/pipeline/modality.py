"""Where a sentence does not speak in its own voice: discourse phrases, the month May, conditionals, reported actions.

Each function returns spans (offsets in the sentence) or answers for one
cue; ``frame_rules`` decides what they do to the frames.

| rule | fires on | does not fire on |
|---|---|---|
| discourse phrase | "it should be noted", "it must be said", "needless to say", "one may ask", "one has to start from", "it would arguably be", "it is worth noting", "so to speak", "it would be useful to start by looking at", "should not be underestimated" | "Korea should note the risks", "one has to invest more", "should not be ignored" |
| month | "in May 2019", "on 12 May", "since May", "May's summit" — a capital May inside a sentence | "Korea may gain" ; "May Korea prosper" (first word) |
| conditional clause | "if …", "unless …", "should he be elected …", up to the next comma or clause end | the main clause after the comma |
| reported action | what follows announced / agreed / pledged / promised / vowed / decided / declared / said / stated / committed / urged / called for … up to the end of the clause | the author's own "Korea should …" |
"""

from __future__ import annotations

import re

_DISCOURSE = re.compile(
    r"(?<!\w)(?:"
    r"it\s+(?:should|must|may|might|can|could|has\s+to|needs\s+to)\s+be\s+(?:\w+ly\s+)?"
    r"(?:noted|said|mentioned|recalled|remembered|emphasi[sz]ed|stressed|underlined|highlighted|acknowledged|admitted|"
    r"argued|added|observed|pointed\s+out|borne\s+in\s+mind|recogni[sz]ed|understood|conceded)"
    r"|needless\s+to\s+say|(?:one|we|you)\s+(?:may|might|could|can|must)\s+(?:well\s+)?(?:ask|wonder|argue|say|recall|note|question)"
    r"|(?:one|we)\s+(?:has|have|needs?|must)\s+to\s+(?:start|begin)\s+(?:from|with|by)|(?:one|we)\s+must\s+(?:start|begin)\s+(?:from|with|by)"
    r"|it\s+would\s+(?:arguably|perhaps|probably|certainly|surely)\s+be"
    r"|it\s+(?:is|was)\s+worth\s+(?:noting|mentioning|recalling|remembering)|so\s+to\s+speak|as\s+it\s+were|that\s+is\s+to\s+say"
    r"|it\s+goes\s+without\s+saying|to\s+be\s+sure|it\s+has\s+to\s+be\s+(?:said|noted|admitted)"
    r"|(?:it\s+(?:would|will|may|might)\s+be\s+\w+\s+to\s+)?(?:start|begin)\s+(?:off\s+)?(?:by|with)\s+(?:looking|examining|reviewing|discussing|considering|recalling|a\s+look)"
    r"|(?:should|must|cannot|can['’]t)\s+(?:not\s+)?be\s+(?:underestimated|overstated|overemphasi[sz]ed|exaggerated)"
    r")(?!\w)",
    re.IGNORECASE,
)

_CLAUSE_END = re.compile(r"[;:]|,\s+(?:and|but|while|whereas)\b|\s(?:but|however|whereas)\b|[,–—]")
_CLAUSE_END_REPORTED = re.compile(r"[;:]|,?\s+(?:but|however|whereas|while)\b|\s[–—]\s")

_CONDITIONAL = re.compile(
    r"(?<!\w)(?:if|unless|in\s+case|provided\s+that|as\s+long\s+as)(?!\w)"
    r"|(?<!\w)should\s+(?:he|she|it|they|you)\s"  # inverted: "… should he be elected"; "he should" is advice
    r"|(?:^|(?<=[.!?,;:]\s))(?-i:[Ss]hould\s+(?:we|I|this|that|these|those|the|a|an|[A-Z]\w+)\s)",
    re.IGNORECASE,
)
_REPORTED = re.compile(
    r"(?<!\w)(?:announced|agreed|pledged|promised|vowed|decided|declared|said|stated|committed|reaffirmed|urged|insisted|"
    r"called\s+(?:for|on|upon)|proposed|planned|expressed\s+(?:hope|its\s+hope|the\s+hope)|told|claimed|warned)(?!\w)",
    re.IGNORECASE,
)


REACH = 160  # characters before a cue in which its clause's conditional or reporting word is looked for


def in_discourse_phrase(text: str, start: int, end: int, first: int = 0, last: int | None = None) -> bool:
    """Whether the cue at ``start:end`` sits inside a discourse phrase of its sentence ``text[first:last]``."""
    last = len(text) if last is None else last
    for match in _DISCOURSE.finditer(text, max(first, start - 40), min(last, end + 60)):
        if match.start() <= start and end <= match.end():
            return True
    return False


def is_month(text: str, start: int, end: int, first: int = 0) -> bool:
    """Whether the word at ``start:end`` is the month May rather than the modal verb.

    A capital "May" anywhere but at the start of its sentence (which starts at
    ``first``) is the month; so is any "may" next to a day number or a year.
    """
    word = text[start:end]
    if word.casefold() != "may":
        return False
    near_number = _NUMBER_BEFORE.search(text, max(first, start - 6), start) or _NUMBER_AFTER.match(text, end, end + 4)
    return bool(near_number) or (word == "May" and text[first:start].strip(" \"“‘'(") != "")


_NUMBER_BEFORE = re.compile(r"\d\s*$")
_NUMBER_AFTER = re.compile(r"\s*\d")


def _in_clause_after(pattern: re.Pattern[str], ends: re.Pattern[str], text: str, start: int, first: int) -> bool:
    """Whether a match of ``pattern`` opens, earlier in the sentence (or at the cue itself), the clause the cue at ``start`` sits in."""
    opener = None
    for match in pattern.finditer(text, max(first, start - REACH), start + _OPENER):
        if match.start() <= start:
            opener = match
    return opener is not None and ends.search(text, opener.end(), start) is None


_OPENER = 14  # an opener may start at the cue itself ("should he …")


# Words that open a conditional or a reported clause (the first word of each opener): the coder notes where they stand.
CONDITIONAL_ANCHORS = ("if", "unless", "case", "provided", "long", "should")
REPORTED_ANCHORS = (
    "announced", "agreed", "pledged", "promised", "vowed", "decided", "declared", "said", "stated", "committed",
    "reaffirmed", "urged", "insisted", "called", "proposed", "planned", "expressed", "told", "claimed", "warned",
)


def in_conditional(text: str, start: int, first: int = 0) -> bool:
    """Whether the cue at ``start`` is inside a conditional clause ("if …", "unless …", "should he …") of its sentence."""
    return _in_clause_after(_CONDITIONAL, _CLAUSE_END, text, start, first)


def in_reported(text: str, start: int, first: int = 0) -> bool:
    """Whether the cue at ``start`` is inside what a reporting verb reports ("agreed to …", "announced it would …")."""
    return _in_clause_after(_REPORTED, _CLAUSE_END_REPORTED, text, start, first)
