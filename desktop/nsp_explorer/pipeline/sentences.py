"""Split a passage into sentences without breaking at abbreviations or decimals."""

from __future__ import annotations

import re

FOOTNOTE_MARK = r"\[\w{1,4}\]"  # "[1]", "[ii]" after a sentence's final mark
# A sentence ends at . ! ? with its closing quotes or brackets and any footnote marks ("2015.[1]", ".[i]").
_BOUNDARY = re.compile(r"(?<=[.!?])(?:[\"”’)\]]|" + FOOTNOTE_MARK + r")*\s+(?=[\"“‘(\[]?[A-Z0-9])")
_ABBREVIATION = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|Prof|St|Jr|Sr|No|Nos|Vol|vs|etc|e\.g|i\.e|cf|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Gov|Gen|Sen|Rep"
    r"|Adm|Lt|Col|Capt|Maj|Sgt|Cmdr|Amb|Hon|Rev|Co|Corp|Inc|Ltd|Fig|Figs|p|pp|para|ch|Ch|Sec|Pres)"
    r"|\b[A-Z](?:\.[A-Z])*)\.$"
)


def ends_in_abbreviation(text: str) -> bool:
    """Whether the last word of a text is an abbreviation with its full stop ("Pres.", "Dr.", "U.S.")."""
    return bool(_ABBREVIATION.search(text[text.rfind(" ") + 1 :]))


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every sentence; the spans cover the text's words exactly."""
    spans = []
    start = 0
    other_spaces = "\n" in text or "\t" in text  # passages have single spaces: one search finds a word's start
    for match in _BOUNDARY.finditer(text):
        # An abbreviation holds no whitespace: its last word is all of the head the pattern needs to see.
        word = text.rfind(" ", start, match.start())
        if other_spaces:
            word = max(word, text.rfind("\n", start, match.start()), text.rfind("\t", start, match.start()))
        if _ABBREVIATION.search(text[max(start, word + 1) : match.start()]):
            continue
        end = match.start()
        while end < match.end() and not text[end].isspace():
            end += 1  # keep closing quotes with their sentence
        spans.append((start, end))
        start = match.end()
    if text[start:].strip():
        spans.append((start, len(text.rstrip())))
    return spans


def sentence_texts(text: str) -> list[str]:
    """The words of every sentence, in order (``sentence_spans`` cut out of the text)."""
    return [text[start:end] for start, end in sentence_spans(text)]
