"""General rules that correct the codebook's frame cues inside one sentence.

The codebook finds cue words ("progress" → achievement, "could" →
opportunity, "should" → recommendation, "threat" → challenge); these rules
read each cue in its sentence. Every rule is tested with sentences that
should and should not fire (tests/test_frame_rules.py).

| rule | what it does | fires on | does not fire on |
|---|---|---|---|
| discourse phrase (``modality``) | drops any frame cue inside it | "It should be noted that …", "One may ask whether …" | "Seoul should fund …" |
| month May (``modality``) | drops "may" as opportunity | "in May 2019", "the May summit" | "Korea may gain" |
| reported action (``modality``) | drops recommendation cues and modal opportunity cues (would, could, may, might, can) in what a reporting verb reports | "The government announced it would …", "Leaders agreed they should …" | "Korea should …", "This would boost trade" |
| a call on a party | a call itself ("urged …", "called on … to", "advised …") is advice even when reported: it prescribes what a party should do | "The minister called on ASEAN to back the talks", "Firms were urged to diversify" | "Leaders agreed they should …" (a plan) |
| conditional (``modality``) | drops achievement and recommendation cues inside an "if"/"unless"/"should he …" clause | "If trade grew, …", "should he be voted into power" | the main clause: "If talks stall, Seoul should …" |
| negation (``negation``) | a negated achievement or opportunity cue becomes challenge (evidence from the trigger to the cue); a negated challenge cue is cancelled; recommendation is kept ("should not" still advises) | "has not made much progress", "is not substantial", "no problems" | "not only a success", "not cheap, but it has grown" |
| potential harm | "potential"/"possible"/"likely" before a harm noun is challenge, not opportunity | "potential threats", "possible provocations" | "potential markets" |
| modal before a harm | a modal followed by a challenge cue or harm noun is not opportunity | "could undermine", "may face risks" | "could become a hub" |
| contrast (``negation``) | negation stops at but / although / however / yet / while …, so only the negated side flips; in "not X, but Y" a "not" reaches X up to 10 words on | "not a threat but a partner" → no challenge; "not as a periphery to be exploited, but …" → no challenge | "it is not cheap, but it has grown" → achievement |
| modal inside advice | a modal that is part of a recommendation cue is not opportunity | "it would be wise to …" | "this would help" |
| counterfactual, existence | a modal followed by "have" + participle, or by "be found / seen / observed …", is not opportunity | "could have been a burden", "students can be found in Seoul" | "could help" |
| no obligation | a negated "have to / need to" is not advice; "needs to" after a possessive or adjective is the noun | "not because they have to", "ASEAN's urgent needs to deal with …" | "Seoul needs to act", "Korea should not wait" |
| achievement under a modal | an achievement cue within 3 words after can/could/may/might/would/will/shall (same clause) is not an achievement | "can make a substantial contribution", "will have grown" | "has grown" |
| growth of a harm | a change cue (grow, increase, become, deepen, expand …) next to a challenge cue or harm noun (a dilemma, a deficit, debt, cases, deaths …) is not an achievement; when the harm is what grows (the noun just before or after the change) it is a challenge | "increasingly became secondary", "growing strategic dilemma", "increasing pressure", "the trade deficit increased", "confirmed cases increased" | "trade has grown" |
| advice sets the goal | a sentence that keeps a recommendation cue carries no achievement: its positive words describe what should be reached | "Seoul should formulate effective measures", "Korea needs to build a strong presence" | "Trade has doubled since 2010" |
| reported benefit | a modal followed by a benefit verb (help, boost, enhance …) stays opportunity inside a report: an expected benefit, not a plan — unless its subject is the speaker | "Officials said the deal could boost trade" | "Officials said they would hold talks", "… said they would help organise the summit" |
| future benefit | "will" + a benefit verb (help, boost, enable …) is opportunity and is read as a modal: a reported benefit stays, a reported plan of the speaker does not; not before a harm | "The fund will help small firms", "The ministry announced that the fund will help …" | "The ministry announced that it will help organise …", "tariffs will harm exporters" |
| forward phrase | a cue that leads into a verb ("expected to", "on track to", "promises to", "stands to") is read as a modal too: not in a reported plan, not before a harm or a decline | "Trade is expected to double" | "Exports are expected to decline" |
| growth of a harm ahead | a modal or forward phrase whose subject is a harm, followed by a change verb, is not opportunity | "the deficit is expected to widen", "risks in the strait could increase" | "trade could increase", "tourism is expected to grow as concerns fade" |
| question | a direct question asserts no achievement, opportunity or recommendation (it may name a challenge) | "What would ASEAN expect from such a strategy?", "How can the pillar be strengthened?" | "Why have the talks stalled?" → challenge |
| roadmap | a sentence about the text itself ("this article examines …", "the paper concludes with policy suggestions") carries no achievement, opportunity or recommendation (it may name a challenge) | "After reviewing this, this article examines …" | "This policy has grown …" |
"""

from __future__ import annotations

import re
from bisect import bisect_left
from typing import NamedTuple

from .modality import (
    REACH, CONDITIONAL_ANCHORS, REPORTED_ANCHORS, in_conditional, in_discourse_phrase, in_reported, is_month,
)
from .negation import LOOK_BACK, negation_before
from .sentences import FOOTNOTE_MARK
from .negation import ANCHORS as NEGATION_ANCHORS

Cues = dict[str, list[tuple[int, int]]]  # frame -> spans of its cues in the sentence

_MODALS = frozenset({"could", "may", "might", "would", "can"})
_POSSIBLE = re.compile(r"(?:potential(?:ly)?|possible|possibly|likely|probable|looming)", re.IGNORECASE)
_HARM_AFTER = re.compile(
    r"(?:\s+[\w-]+){0,2}?\s+(?:threat|risk|danger|provocation|conflict|crisis|crises|problem|harm|instability|backlash|"
    r"disruption|war|tension|loss|losses|pitfall|downside|escalation|clash|confrontation|attack|retaliation|shock|fallout|"
    r"collapse|violence|abuse|exploitation|obstacle|hurdle|setback|damage)(?:s|es)?(?!\w)",
    re.IGNORECASE,
)
_PERFECT = re.compile(r"\s+(?:not\s+)?have\s+\w+(?:ed|en|wn|ne|un)\b", re.IGNORECASE)
_MODAL_BEFORE = re.compile(r"(?<!\w)(?:can|could|may|might|would|will|shall)(?:\s+[\w-]+){0,3}\s+$", re.IGNORECASE)
_CHANGE = re.compile(
    r"(?:(?:has|have|had|is|are|was|were|been)\s+)?(?:increas|grow|grew|rose|ris|deepen|expand|bec[oa]m|emerg|surg|jump|climb|soar|doubl|tripl|exponential|steadily|boost|intensif|widen|broaden)\w*",
    re.IGNORECASE,
)
_CHANGE_NEXT = re.compile(r"\s+(?:\w+ly\s+)?(?:be\s+|have\s+|further\s+)?" + _CHANGE.pattern, re.IGNORECASE)
_HARM_WORDS = (
    r"(?:threat|risk|danger|conflict|crisis|crises|problem|harm|instability|tension|dilemma|pressure|rivalry|"
    r"competition|assertive|secondary|uncertainty|burden|concern|cases|deaths|infection|deficit|debt|unemployment|inflation|casualt|"
    r"violence|polari[sz]|division|extremis|protectionis)\w*"
)
_HARM_SUBJECT = re.compile(  # a harm noun right before the change: "cases have", "the deficit is expected to", "risks could"
    r"(?<!\w)" + _HARM_WORDS + r"(?:\s+(?:in|of|on|at|from|across|over|with)(?:\s+[\w-]+){1,3})?"  # "risks in the strait"
    r"(?:\s+(?:has|have|had|is|are|was|were|been|also|further|continued?|continues|to|sharply|steadily|rapidly))*\s+$",
    re.IGNORECASE,
)
_HARM_OBJECT = re.compile(  # right after, not behind a preposition: "growing tension", "increasingly facing contradicting pressures"
    r"(?:\s+(?!(?:against|with|from|to|despite|amid|over|in|on|at|by|for|of)\b)[\w-]+){0,2}\s+" + _HARM_WORDS, re.IGNORECASE
)
_ROADMAP = re.compile(
    r"(?<!\w)(?:(?:this|the\s+present|the\s+following|the\s+next)\s+(?:article|paper|brief|essay|chapter|section|study|report|piece|analysis)"
    r"|the\s+(?:article|paper|brief|essay|chapter|section))"
    r"\s+(?:\w+ly\s+|then\s+|first\s+|also\s+|further\s+|next\s+|briefly\s+)?"
    r"(?:examines|looks|reviews|discusses|describes|explores|analy[sz]es|outlines|begins|proceeds|considers|turns|is\s+organi[sz]ed|"
    r"is\s+structured|presents|traces|addresses|focuses|surveys|summari[sz]es|concludes|argues|asks)(?!\w)",
    re.IGNORECASE,
)
_BENEFIT = r"(?:help|boost|enhance|promote|strengthen|benefit|improve|contribute|enable|facilitate|deepen|spur)\w*"
_BENEFIT_NEXT = re.compile(r"(?:\s+(?:\w+ly|also|further|greatly|significantly)){0,2}\s+" + _BENEFIT, re.IGNORECASE)
_WILL_BENEFIT = re.compile(r"will\s+" + _BENEFIT, re.IGNORECASE)
_SPEAKER_BEFORE = re.compile(r"(?<!\w)(?:they|we|it|he|she|I)\s+$", re.IGNORECASE)  # "said they would help organise …": their own plan
_CALL = re.compile(
    r"(?:urg(?:e|es|ed|ing)|calls?|called|calling|advis(?:e|es|ed|ing)|press(?:es|ed)?|pitch(?:es|ed)?|appeal(?:s|ed)?)(?!\w)",
    re.IGNORECASE,
)  # the verb of a call on a party: "urged …", "called on/for …", "advised …", "pressed for …"
_OBLIGATION = re.compile(r"(?:ha(?:s|ve|d)|needs?)\s+to", re.IGNORECASE)  # not advice when negated: "do not have to"
_NOUN_NEEDS_BEFORE = re.compile(r"(?:['’]s|\b(?:the|its|their|his|her|our|your|urgent|basic|specific|immediate|pressing|real|own))\s+$", re.IGNORECASE)
_EXISTENCE_AFTER = re.compile(r"\s+be\s+(?:found|seen|observed|noticed|traced|explained|attributed|heard|felt|witnessed)(?!\w)", re.IGNORECASE)
_QUESTION_END = re.compile(r"\?[\"'”’)\]]*(?:" + FOOTNOTE_MARK + r")*\s*$")  # a question mark, its closing quotes and footnote marks
_NEXT_WORDS = re.compile(r"(?:\s+[\w'’-]+){1,2}")


_FORWARD = frozenset({"expected to", "on track to", "promises to", "stands to"})  # the codebook's opportunity phrases that lead into a verb


def _looks_ahead(cue: str) -> bool:
    """Whether an opportunity cue speaks of what may come: a modal, "will" + a benefit verb, or a forward phrase ("expected to")."""
    return cue in _MODALS or cue.split(None, 1)[0] == "will" or cue in _FORWARD


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for s, e in sorted(spans):
        if out and s < out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    return out


class Anchors(NamedTuple):
    """Where a text has words that can open a negation, a conditional or a reported clause (sorted offsets).

    The codebook notes them in its one pass over the words (``Codebook.scan``);
    a rule runs its pattern only where an anchor stands shortly before the
    cue, since a pattern run around every cue costs more than the rest of coding.
    """

    negation: list[int]
    conditional: list[int]
    reported: list[int]
    modal: list[int]
    roadmap: list[int]


ANCHOR_WORDS = {
    "negation": NEGATION_ANCHORS,
    "conditional": CONDITIONAL_ANCHORS,
    "reported": REPORTED_ANCHORS,
    "modal": ("can", "could", "may", "might", "would", "will", "shall"),
    "roadmap": ("article", "paper", "brief", "essay", "chapter", "section", "study", "report", "piece", "analysis"),
}


def _near(anchors: list[int], low: int, high: int) -> bool:
    """Whether an anchor lies in ``low:high``."""
    i = bisect_left(anchors, low)
    return i < len(anchors) and anchors[i] < high


def apply_frame_rules(text: str, cues: Cues, first: int = 0, last: int | None = None, anchors: Anchors | None = None) -> Cues:
    """The frame cues of the sentence ``text[first:last]`` after the rules; frames left without a cue are dropped.

    Spans are offsets in ``text`` (a passage, or the sentence itself);
    ``anchors`` (from ``Codebook.scan``) spare the rules their patterns where no anchor is near.
    Every rule looks only at a few words around the cue it judges.
    """
    last = len(text) if last is None else last
    challenge_starts = [s for s, _ in cues.get("challenge", ())]

    def conditional(start: int) -> bool:
        return (anchors is None or _near(anchors.conditional, max(first, start - REACH), start + 1)) and in_conditional(text, start, first)

    def reported(start: int) -> bool:
        return (anchors is None or _near(anchors.reported, max(first, start - REACH), start)) and in_reported(text, start, first)

    def negated(start: int, end: int) -> tuple[int, int] | None:
        if anchors is not None and not _near(anchors.negation, max(first, start - LOOK_BACK), start):
            return None
        return negation_before(text, start, first, end, last)

    def under_modal(start: int) -> bool:
        low = max(first, start - 40)
        return (anchors is None or _near(anchors.modal, low, start)) and _MODAL_BEFORE.search(text[low:start]) is not None

    def harm_grows(start: int, end: int) -> bool:
        """Whether the harm is what changes: a harm noun just before the cue ("the deficit has increased", "risks could
        increase") or just after it ("growing tension", "increasingly facing pressure")."""
        return _HARM_SUBJECT.search(text, max(first, start - 40), start) is not None or _HARM_OBJECT.match(text, end, last) is not None

    def reported_benefit(start: int, end: int, word: str) -> bool:
        """A modal + benefit verb whose subject is not the speaker: "said the deal could boost trade" (not "said they would help …")."""
        benefit = _BENEFIT_NEXT.match(text, end, last) is not None or _WILL_BENEFIT.fullmatch(word) is not None
        return benefit and _SPEAKER_BEFORE.search(text, max(first, start - 12), start) is None

    roadmap = (anchors is None or _near(anchors.roadmap, first, last)) and _ROADMAP.search(text, first, last) is not None
    question = _QUESTION_END.search(text, first, last) is not None
    out: Cues = {}

    def keep(frame: str, span: tuple[int, int]) -> None:
        out.setdefault(frame, []).append(span)

    for frame, spans in cues.items():
        for start, end in spans:
            if (roadmap or question) and frame != "challenge":
                continue
            if frame == "opportunity":
                word = text[start:end].casefold()
                if word == "may" and is_month(text, start, end, first):
                    continue
                if _POSSIBLE.fullmatch(word):
                    harm = _HARM_AFTER.match(text, end, last)
                    if harm:
                        keep("challenge", (start, harm.end()))
                        continue
                if _looks_ahead(word):
                    if any(s <= start and end <= e for s, e in cues.get("recommendation", ())):
                        continue  # part of advice: "it would be wise to …"
                    if in_discourse_phrase(text, start, end, first, last):
                        continue
                    if reported(start) and not reported_benefit(start, end, word):
                        continue  # a reported plan; a reported benefit ("said the deal would boost trade") stays
                    following = _NEXT_WORDS.match(text, end, last)
                    reach = following.end() if following else end
                    if any(end < s < reach for s in challenge_starts) or _HARM_AFTER.match(text, end, last):
                        continue
                    if _CHANGE_NEXT.match(text, end, last) and _HARM_SUBJECT.search(text, max(first, start - 40), start):
                        continue  # a harm that may grow: "the deficit is expected to widen", "risks could increase"
                    if _PERFECT.match(text, end, last) or _EXISTENCE_AFTER.match(text, end, last):
                        continue
            elif frame == "recommendation":
                call = _CALL.match(text, start, end) is not None  # a party's call on another is advice, reported or not
                if in_discourse_phrase(text, start, end, first, last) or (not call and reported(start)) or conditional(start):
                    continue
                if _OBLIGATION.fullmatch(text, start, end):
                    if text[start] in "nN" and _NOUN_NEEDS_BEFORE.search(text[max(first, start - 12) : start]):
                        continue  # "ASEAN's urgent needs to deal with …": the noun
                    if negated(start, end) is not None:
                        continue  # "not because they have to": no obligation, no advice
            elif frame == "achievement":
                if conditional(start) or under_modal(start):
                    continue
                if _CHANGE.match(text, start, end) and harm_grows(start, end):
                    keep("challenge", (start, end))  # a harm that grows: "confirmed cases have increased"
                    continue
            if frame != "recommendation":
                trigger = negated(start, end)
                if trigger is not None:
                    if frame != "challenge":
                        keep("challenge", (trigger[0], end))
                    continue
            keep(frame, (start, end))
    if "recommendation" in out:
        out.pop("achievement", None)  # advice: its positive words describe the goal ("build stronger ties", "formulate effective measures")
    return {frame: _merged(spans) for frame, spans in out.items()}
