"""Where a sentence does not speak in its own voice: discourse phrases, the month May, conditionals, reported actions.

Each function returns spans (offsets in the sentence) or answers for one
cue; ``frame_rules`` decides what they do to the frames.

| rule | fires on | does not fire on |
|---|---|---|
| discourse phrase | "it should be noted", "it must be said", "needless to say", "one may ask", "one has to start from", "it would arguably be", "it is worth noting", "so to speak" | "Korea should note the risks", "one has to invest more" |
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
    r")(?!\w)",
    re.IGNORECASE,
)

_CLAUSE_END = re.compile(r"[;:]|,\s+(?:and|but|while|whereas)\b|\s(?:but|however|whereas)\b|[,–—]")
_CLAUSE_END_REPORTED = re.compile(r"[;:]|,?\s+(?:but|however|whereas|while)\b|\s[–—]\s")

_CONDITIONAL = re.compile(
    r"(?<!\w)(?:if|unless|in\s+case|provided\s+that|as\s+long\s+as)(?!\w)"
    r"|(?<!\w)should\s+(?:he|she|it|they|you)\s"  # inverted: "… should he be elected"; "he should" is advice
    r"|(?:^|(?<=[,;:]\s))(?-i:[Ss]hould\s+(?:we|I|this|that|these|those|the|a|an|[A-Z]\w+)\s)",
    re.IGNORECASE,
)
_REPORTED = re.compile(
    r"(?<!\w)(?:announced|agreed|pledged|promised|vowed|decided|declared|said|stated|committed|reaffirmed|urged|insisted|"
    r"called\s+(?:for|on|upon)|proposed|planned|expressed\s+(?:hope|its\s+hope|the\s+hope)|told|claimed|warned)(?!\w)",
    re.IGNORECASE,
)


def discourse_spans(sentence: str) -> list[tuple[int, int]]:
    """Spans of phrases that organise the text (not advice, not a possibility)."""
    return [m.span() for m in _DISCOURSE.finditer(sentence)]


def is_month(sentence: str, start: int, end: int) -> bool:
    """Whether the word at ``start:end`` is the month May rather than the modal verb.

    A capital "May" anywhere but at the sentence's start is the month; so is
    any "may" next to a day number or a year.
    """
    word = sentence[start:end]
    if word.casefold() != "may":
        return False
    near_number = re.search(r"\d\s*$", sentence[max(0, start - 6) : start]) or re.match(r"\s*\d", sentence[end : end + 4])
    return bool(near_number) or (word == "May" and sentence[:start].strip(" \"“‘'(") != "")


def _clauses_from(pattern: re.Pattern[str], sentence: str, ends: re.Pattern[str]) -> list[tuple[int, int]]:
    spans = []
    for match in pattern.finditer(sentence):
        stop = ends.search(sentence, match.end())
        spans.append((match.start(), stop.start() if stop else len(sentence)))
    return spans


def conditional_spans(sentence: str) -> list[tuple[int, int]]:
    """Spans of conditional clauses: from "if" (or an inverted "should he …") to the clause's end."""
    return _clauses_from(_CONDITIONAL, sentence, _CLAUSE_END)


def reported_spans(sentence: str) -> list[tuple[int, int]]:
    """Spans of what a reporting verb reports ("agreed to …", "announced it would …"), to the clause's end."""
    return _clauses_from(_REPORTED, sentence, _CLAUSE_END_REPORTED)
