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
| conditional (``modality``) | drops achievement and recommendation cues inside an "if"/"unless"/"should he …" clause | "If trade grew, …", "should he be voted into power" | the main clause: "If talks stall, Seoul should …" |
| negation (``negation``) | a negated achievement or opportunity cue becomes challenge (evidence from the trigger to the cue); a negated challenge cue is cancelled; recommendation is kept ("should not" still advises) | "has not made much progress", "is not substantial", "no problems" | "not only a success", "not cheap, but it has grown" |
| potential harm | "potential"/"possible"/"likely" before a harm noun is challenge, not opportunity | "potential threats", "possible provocations" | "potential markets" |
| modal before a harm | a modal followed by a challenge cue or harm noun is not opportunity | "could undermine", "may face risks" | "could become a hub" |
| contrast (``negation``) | negation stops at but / although / however / yet / while …, so only the negated side flips | "not a threat but a partner" → no challenge | — |
"""

from __future__ import annotations

import re

from .modality import conditional_spans, discourse_spans, is_month, reported_spans
from .negation import negation_before

Cues = dict[str, list[tuple[int, int]]]  # frame -> spans of its cues in the sentence

_MODALS = frozenset({"could", "may", "might", "would", "can"})
_POSSIBLE = re.compile(r"(?:potential(?:ly)?|possible|possibly|likely|probable|looming)", re.IGNORECASE)
_HARM_AFTER = re.compile(
    r"(?:\s+[\w-]+){0,2}?\s+(?:threat|risk|danger|provocation|conflict|crisis|crises|problem|harm|instability|backlash|"
    r"disruption|war|tension|loss|losses|pitfall|downside|escalation|clash|confrontation|attack|retaliation|shock|fallout|"
    r"collapse|violence|abuse|exploitation|obstacle|hurdle|setback|damage)(?:s|es)?(?!\w)",
    re.IGNORECASE,
)
_NEXT_WORDS = re.compile(r"(?:\s+[\w'’-]+){1,2}")


def _inside(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(s <= start and end <= e for s, e in spans)


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for s, e in sorted(spans):
        if out and s < out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    return out


def apply_frame_rules(sentence: str, cues: Cues) -> Cues:
    """The frame cues of one sentence after the rules above (frames left without a cue are dropped)."""
    discourse = discourse_spans(sentence)
    conditional = conditional_spans(sentence)
    reported = reported_spans(sentence)
    challenge_starts = [s for s, _ in cues.get("challenge", ())]
    out: Cues = {}

    def keep(frame: str, span: tuple[int, int]) -> None:
        out.setdefault(frame, []).append(span)

    for frame, spans in cues.items():
        for start, end in spans:
            if _inside(start, end, discourse):
                continue
            if frame == "opportunity":
                word = sentence[start:end].casefold()
                if word == "may" and is_month(sentence, start, end):
                    continue
                if _POSSIBLE.fullmatch(word):
                    harm = _HARM_AFTER.match(sentence, end)
                    if harm:
                        keep("challenge", (start, harm.end()))
                        continue
                if word in _MODALS:
                    if _inside(start, end, reported):
                        continue
                    following = _NEXT_WORDS.match(sentence, end)
                    reach = following.end() if following else end
                    if any(end < s < reach for s in challenge_starts) or _HARM_AFTER.match(sentence, end):
                        continue
            if frame == "recommendation" and (_inside(start, end, reported) or _inside(start, end, conditional)):
                continue
            if frame == "achievement" and _inside(start, end, conditional):
                continue
            if frame != "recommendation":
                trigger = negation_before(sentence, start)
                if trigger is not None:
                    if frame != "challenge":
                        keep("challenge", (trigger[0], end))
                    continue
            keep(frame, (start, end))
    return {frame: _merged(spans) for frame, spans in out.items()}
