"""Extract the figures authors cite (trade, investment, visitors, ODA, …) as facts.

The rules are data (data/facts.toml); this module finds numbers with units,
decides each one's indicator, year and partner, and keeps the sentence that
states it as the quote, so every fact can be traced to its passage. Each fact
also keeps the figure as printed, the qualifier before it ("about", "more
than" …) and, for a table row or a place named after the figure, the country
as written (a partner or not). ``unit_checks`` flags figures whose unit cannot
be right (see facts.toml); a reader's corrections (data/facts_review.csv,
``facts_review``) are applied after extraction, each with its reason.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ..core.errors import DataFileError
from .clean import Table
from .codebook import Codebook, compile_terms
from .code import year_mentions, years_in
from .sentences import sentence_spans
from .sources import read_toml

_NUMBER = r"(?P<number>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
_SCALE = r"(?P<scale>trillion|billion|million|thousand|bn|mn)"
# money, each currency its own: "S$271.3 billion" is Singapore's dollars, not US dollars
_OTHER_MONEY = {"S$": "SGD", "A$": "AUD", "HK$": "HKD", "NT$": "TWD", "RM": "MYR", "Rp": "IDR", "₱": "PHP", "฿": "THB", "₫": "VND"}
_OTHER_MONEY_BY_SYMBOL = {symbol.upper(): code for symbol, code in _OTHER_MONEY.items()}  # the pattern matches any case
_MONEY = r"USD|US\s?\$|SGD|AUD|HKD|MYR|IDR|PHP|THB|VND|S\$|A\$|HK\$|NT\$|(?<![A-Za-z])\$|KRW|₩|EUR|€|₱|฿|₫|(?-i:RM|Rp)(?=\s?\d)"
_CURRENCY = re.compile(rf"(?P<currency>{_MONEY})\s?{_NUMBER}(?:[\s-]?{_SCALE})?\b", re.I)  # "$220-million" as an adjective too
_PERCENT = re.compile(rf"(?<![\w.,]){_NUMBER}\s?(?:%|percent\b|per cent\b)", re.I)
_FOLD = re.compile(rf"(?<![\w.,]){_NUMBER}-fold\b", re.I)
_RATIO = re.compile(rf"\bratio\s+(?:is|was|of|stood at|reached)\s+(?:just\s+|only\s+|about\s+|around\s+)?{_NUMBER}(?![\d%])", re.I)
_YEAR_AFTER = re.compile(r"^(?:\s+(?:in|by|for|as of|during)(?:\s+the\s+year)?)?\s*\(?((?:19|20)\d\d)\b")
_PLACE_AFTER = re.compile(r"^\s+(?:in|to|from)\s+((?:the\s+)?[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*)")
_SCALE_NAMES = {"bn": "billion", "mn": "million"}
NOT_COUNTRIES = frozenset({"asean"})  # partners that are not one country
_QUALIFIER = re.compile(
    r"\b(more than|less than|fewer than|at least|at most|up to|close to|just over|just under|well over|over|under|about|around|"
    r"approximately|roughly|nearly|almost|some|an estimated|an average of|on average)\s+(?:(?:a|an|the)\s+)?(?:total\s+of\s+)?$",
    re.I,
)


@dataclass(frozen=True)
class Fact:
    passage_id: str
    indicator: str
    value: str  # as stated, without thousands separators
    unit: str
    year: str
    partner: str
    quote: str
    printed: str = ""  # the figure exactly as the text prints it ("USD 95.3 billion", "12-fold", a table cell "38.6")
    qualifier: str = ""  # "about", "more than", "almost" … before the figure, lower case; empty if the figure is stated flat
    country: str = ""  # the table row's country, or the place named right after the figure, as written (partner or not)
    check: str = ""  # why the figure's unit looks wrong (unit_checks), else empty
    note: str = ""  # a reviewed correction and its reason (facts_review), else empty


@dataclass(frozen=True)
class IndicatorRule:
    id: str
    terms: re.Pattern[str]
    units: frozenset[str]
    unit: str
    shares: bool  # a percentage of this indicator is a share of it
    at_most: tuple[float, str] | None = None  # no single figure of it can exceed this amount (value, unit)


@dataclass(frozen=True)
class FactRules:
    counts: re.Pattern[str]  # a number, words, then a count noun (group "noun")
    count_units: dict[str, re.Pattern[str]]  # unit -> its nouns
    indicators: tuple[IndicatorRule, ...]


def _count_pattern(nouns: list[str]) -> re.Pattern[str]:
    """'1.79 million ASEAN people': a number, up to three words, then a count noun."""
    alternatives = "|".join(re.escape(n) for n in sorted(nouns, key=len, reverse=True))
    return re.compile(
        rf"(?<![\w.,$]){_NUMBER}(?:[\s-]{_SCALE})?(?:\s+[\w’'-]+){{0,3}}?\s+(?P<noun>{alternatives})\b", re.I
    )


@dataclass(frozen=True)
class _Figure:
    start: int
    end: int
    value: str
    unit: str


def load_fact_rules(path: Path) -> FactRules:
    raw = read_toml(path)
    try:
        nouns = {unit: [str(n) for n in names] for unit, names in raw["count_units"].items()}
        units = {unit: compile_terms(names) for unit, names in nouns.items()}
        counts = _count_pattern([n for names in nouns.values() for n in names])
        indicators = tuple(
            IndicatorRule(
                r["id"], compile_terms(list(r["terms"])), frozenset(r.get("units", ())), r.get("unit", ""), r.get("shares", True),
                _amount(r["at_most"]) if "at_most" in r else None,
            )
            for r in raw["indicator"]
        )
    except (KeyError, TypeError, ValueError, re.error) as exc:
        raise DataFileError(path, f"has an incomplete or invalid rule ({exc})") from None
    return FactRules(counts, units, indicators)


def _amount(text: str) -> tuple[float, str]:
    """'USD 10 billion' -> (10.0, 'USD billion')."""
    match = _CURRENCY.fullmatch(text.strip())
    if not match:
        raise ValueError(f"at_most must be an amount such as 'USD 10 billion', not {text!r}")
    return float(_number(match["number"])), _unit_name(_currency_code(match["currency"]), match["scale"])


_SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}


def in_base_units(value: float, unit: str) -> tuple[float, str] | None:
    """(amount, currency) of a money figure ('USD billion' -> × 1e9, 'USD'), or None for a unit that is not money."""
    words = unit.split()
    if not words or not words[0].isupper() or len(words) > 2 or (len(words) == 2 and words[1] not in _SCALES):
        return None
    return value * (_SCALES[words[1]] if len(words) == 2 else 1.0), words[0]


def _qualifier(sentence: str, start: int) -> str:
    """'about', 'more than' … right before a figure (lower case), or ''."""
    match = _QUALIFIER.search(sentence[max(0, start - 40) : start])
    return match.group(1).lower() if match else ""


def _number(text: str) -> str:
    return text.replace(",", "")


def _currency_code(symbol: str) -> str:
    symbol = re.sub(r"\s", "", symbol)
    other = _OTHER_MONEY_BY_SYMBOL.get(symbol.upper())
    if other:
        return other
    return "USD" if "$" in symbol or symbol.upper() == "USD" else {"₩": "KRW", "€": "EUR"}.get(symbol, symbol.upper())


def _unit_name(*parts: str | None) -> str:
    """'USD' + 'Billion' -> 'USD billion'; 'mn' + 'people' -> 'million people'."""
    words = [_SCALE_NAMES.get(p.lower(), p.lower() if p.lower() in _SCALE_NAMES.values() else p) for p in parts if p]
    return " ".join(words)


def _figures(sentence: str, rules: FactRules) -> list[_Figure]:
    """Every number with a unit in a sentence, left to right, without overlaps."""
    found: list[_Figure] = []

    def add(start: int, end: int, value: str, unit: str) -> None:
        if not any(start < f.end and f.start < end for f in found):
            found.append(_Figure(start, end, _number(value), unit))

    for m in _CURRENCY.finditer(sentence):
        add(m.start(), m.end(), m["number"], _unit_name(_currency_code(m["currency"]), m["scale"]))
    for m in _PERCENT.finditer(sentence):
        add(m.start(), m.end(), m["number"], "percent")
    for m in _FOLD.finditer(sentence):
        add(m.start(), m.end(), m["number"], "fold")
    for m in _RATIO.finditer(sentence):
        add(m.start("number"), m.end("number"), m["number"], "ratio")
    for m in rules.counts.finditer(sentence):
        if re.fullmatch(r"(?:19|20)\d\d", m["number"]) and not m["scale"]:
            continue  # a year, not a count
        for unit, nouns in rules.count_units.items():
            if nouns.fullmatch(m["noun"]):
                add(m.start(), m.end(), m["number"], _unit_name(m["scale"], unit))
                break
    found.sort(key=lambda f: f.start)
    return _with_breakdowns(sentence, found)


def _with_breakdowns(sentence: str, found: list[_Figure]) -> list[_Figure]:
    """'1.1 million people … (855,000 in Bangladesh, 154,000 in Malaysia)': the parts share the noun."""
    extra = []
    for figure in found:
        noun = figure.unit.split(" ")[-1]
        if noun in ("percent", "fold", "ratio") or noun.isupper():
            continue
        opening = sentence.find("(", figure.end)
        closing = sentence.find(")", opening)
        if opening < 0 or closing < 0 or any(f.start > figure.end and f.start < opening for f in found):
            continue
        for m in re.finditer(rf"{_NUMBER}(?=\s+in\s+[A-Z])", sentence[opening:closing]):
            start, end = opening + m.start(), opening + m.end()
            if not any(start < f.end and f.start < end for f in found + extra):
                extra.append(_Figure(start, end, _number(m["number"]), noun))
    return sorted(found + extra, key=lambda f: f.start)


# "… up from US$118.8 billion last year": the year is the publication's, which the passage does not state
_RELATIVE_YEAR = re.compile(r"^\s*(?:last|this|next|the\s+previous|the\s+past)\s+year\b|^\s*(?:a|one)\s+year\s+(?:ago|earlier|before)\b", re.I)
# a figure stated as a goal: "pledged to increase trade … to US$200 billion by 2020", "a target of USD 100 billion"
_AIM = re.compile(
    r"\b(?:pledg(?:e|es|ed|ing)|aim(?:s|ed|ing)?|vow(?:s|ed|ing)?|seek(?:s|ing)?|sought|plan(?:s|ned|ning)?\s+to|hop(?:e|es|ed|ing)\s+to|"
    r"wan(?:t|ts|ted)\s+to|intend(?:s|ed)?\s+to|commit(?:s|ted)?\s+to|promis(?:e|es|ed|ing)\s+to|expect(?:s|ed)?\s+to|"
    r"target(?:s|ing)?\s+(?:to|a|an|of)\b|will|would|envisag(?:e|es|ed)|goals?)\b",
    re.I,
)
_QUALIFIED = r"(?:(?:about|around|some|over|more than|at least|nearly|almost|roughly)\s+)?"
_TO_REACH = re.compile(rf"\b(?:to|reach|reaching|hit|hitting)\s+{_QUALIFIED}$", re.I)
_TARGET_OF = re.compile(rf"\b(?:target|goal)\s+(?:of|is|was)\s+{_QUALIFIED}$", re.I)
_BY_YEAR = re.compile(r"^\s*\)?\s*(?:\([^)]*\)\s*)?(?:by|before|until)\s+(?:the\s+end\s+of\s+)?(?:19|20)\d\d\b", re.I)


def _is_target(figure: _Figure, sentence: str) -> bool:
    """Whether the sentence states the figure as a goal, not as what was reached."""
    before, after = sentence[: figure.start], sentence[figure.end :]
    if _TARGET_OF.search(before):
        return True
    clause = re.split(r"[,;:]|\s[-–—]\s", before)[-1]  # the aim must govern the figure: "…, which Seoul hopes to expand, rose to $160 billion" is reached
    return bool(_AIM.search(clause) and (_TO_REACH.search(clause) or _BY_YEAR.match(after)))


def _year_for(figure: _Figure, sentence: str, figures: list[_Figure], previous_year: str) -> str:
    if _RELATIVE_YEAR.match(sentence[figure.end :]):
        return ""
    attached = _YEAR_AFTER.match(sentence[figure.end :])
    if attached:
        return attached.group(1)
    if re.match(r"^\s+(?:in|by)\s+the\s+same\s+year", sentence[figure.end :]):
        return previous_year
    taken = set()
    for other in figures:
        match = _YEAR_AFTER.match(sentence[other.end :])
        if match:
            taken.add(other.end + match.start(1))
    free = [(pos, year) for pos, year in year_mentions(sentence) if pos not in taken]
    before = [year for pos, year in free if pos < figure.start]
    if before:
        return before[-1]
    after = [year for pos, year in free if pos > figure.end]
    if after:
        return after[0]
    return previous_year if "same year" in sentence else ""


def _partner_mentions(text: str, codebook: Codebook) -> list[tuple[int, str]]:
    """(position, partner) of every partner the codebook finds in a text."""
    found = codebook.matches(text)
    return sorted((start, code) for (dimension, code), spans in found.items() if dimension == "partner" for start, _ in spans)


def _partner_for(figure: _Figure, sentence: str, mentions: list[tuple[int, str]]) -> str:
    place = _PLACE_AFTER.match(sentence[figure.end :])
    if place:
        at = figure.end + place.start(1)
        named = [code for pos, code in mentions if at <= pos < figure.end + place.end(1)]
        if named:
            return named[0]
        if not place.group(1).startswith(("Korea", "South Korea", "the")):
            return ""  # a place that is not a partner (Bangladesh)
    inside = [code for pos, code in mentions if figure.start <= pos < figure.end]
    if inside:
        return inside[0]
    right_after = [code for pos, code in mentions if 0 <= pos - figure.end < 25]
    if right_after:
        return right_after[0]
    before = [code for pos, code in mentions if pos < figure.start]
    if before:
        return before[-1]
    after = [code for pos, code in mentions if pos >= figure.end]
    return after[0] if after else ""


def _country_after(figure: _Figure, sentence: str, mentions: list[tuple[int, str]]) -> str:
    """The country named right after a figure ("855,000 in Bangladesh", "from Myanmar"), as written; '' if none.

    A partner that is not a country (ASEAN) and a word in capitals (an acronym: "in FDI") are not countries.
    """
    place = _PLACE_AFTER.match(sentence[figure.end :])
    if not place or place.group(1).startswith(("Korea", "South Korea")):
        return ""
    at, end = figure.end + place.start(1), figure.end + place.end(1)
    named = [code for pos, code in mentions if at <= pos < end]
    text = place.group(1).removeprefix("the ")
    if named:
        return text if named[0] not in NOT_COUNTRIES else ""
    return "" if text.isupper() else text


def _indicator_name(template: str, partner: str) -> str:
    """'{partner}_korea_trade' -> 'asean_korea_trade', or 'korea_trade' without a partner."""
    if partner:
        return template.replace("{partner}", partner)
    return re.sub(r"_?(?:to_|from_)?\{partner\}_?", "_", template).strip("_")


_CLAUSE_BREAK = re.compile(r",\s|;\s|\s\(|\)\s|\sand\s|\swhich\s|\s–\s|\s—\s")


def _clause(sentence: str, figure: _Figure) -> str:
    """The stretch of the sentence between the punctuation or 'and' around a figure."""
    starts = [m.end() for m in _CLAUSE_BREAK.finditer(sentence, 0, figure.start)]
    end = _CLAUSE_BREAK.search(sentence, figure.end)
    return sentence[starts[-1] if starts else 0 : end.start() if end else len(sentence)]


def _rule_for(figure: _Figure, sentence: str, rules: FactRules) -> IndicatorRule | None:
    """The first rule whose terms are in the figure's clause, else the rule with the nearest term."""
    noun = figure.unit.split(" ")[-1]  # "million tests" counts as "tests"
    usable = [rule for rule in rules.indicators if not rule.units or figure.unit in rule.units or noun in rule.units]
    clause = _clause(sentence, figure)
    for rule in usable:
        if rule.terms.search(clause):
            return rule
    nearest: tuple[int, int, IndicatorRule] | None = None
    for order, rule in enumerate(usable):
        for m in rule.terms.finditer(sentence):
            distance = figure.start - m.end() if m.end() <= figure.start else m.start() - figure.end
            if nearest is None or (abs(distance), order) < nearest[:2]:
                nearest = (abs(distance), order, rule)
    return nearest[2] if nearest else None


def _indicator_for(rule: IndicatorRule | None, figure: _Figure, partner: str) -> tuple[str, str]:
    if rule is None:
        return "cited_figure", figure.unit
    name = _indicator_name(rule.id, partner)
    if figure.unit == "percent" and rule.shares and not rule.unit:
        name += "_share"
    elif figure.unit == "fold":
        name += "_growth"
    return name, rule.unit or figure.unit


def _dominant_partner(mentions: list[tuple[int, str]]) -> str:
    """The partner a passage is about: named at least twice as often as any other."""
    counts: dict[str, int] = {}
    for _, code in mentions:
        counts[code] = counts.get(code, 0) + 1
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    if ranked and ranked[0][1] >= 2 and (len(ranked) == 1 or ranked[0][1] >= 2 * ranked[1][1]):
        return ranked[0][0]
    return ""


def facts_in_passage(passage_id: str, text: str, codebook: Codebook, rules: FactRules) -> list[Fact]:
    """Every cited figure in one passage of prose."""
    facts: list[Fact] = []
    dominant = _dominant_partner(_partner_mentions(text, codebook))
    previous_year = ""
    for start, end in sentence_spans(text):
        sentence = text[start:end]
        figures = _figures(sentence, rules)
        mentions = _partner_mentions(sentence, codebook)
        respectively = _respectively(sentence, figures, mentions)
        for n, figure in enumerate(figures):
            year = _year_for(figure, sentence, figures, previous_year)
            rule = _rule_for(figure, sentence, rules)
            partner = respectively[n] if respectively else _partner_for(figure, sentence, mentions)
            if not partner and rule is not None and "{partner}" in rule.id:
                partner = dominant  # "Bilateral trade totaled …" in a paragraph about ASEAN
            indicator, unit = _indicator_for(rule, figure, partner)
            if _is_target(figure, sentence) and not indicator.endswith("target"):
                indicator += "_target"  # a goal is its own series, never a point among the figures reached
            country = _country_after(figure, sentence, mentions)
            facts.append(
                Fact(passage_id, indicator, figure.value, unit, year, partner, sentence,
                     sentence[figure.start : figure.end], _qualifier(sentence, figure.start), country)
            )
        if years_in(sentence):
            previous_year = years_in(sentence)[-1]
    return facts


def _respectively(sentence: str, figures: list[_Figure], mentions: list[tuple[int, str]]) -> list[str]:
    """'51.5% and 50.6% … cannot trust China and the US, respectively' pairs them in order."""
    if "respectively" not in sentence or len(figures) < 2:
        return []
    after = [code for pos, code in mentions if pos > figures[-1].end]
    return after[: len(figures)] if len(after) >= len(figures) else []


def facts_in_table(passage_id: str, table: Table, text: str, codebook: Codebook, rules: FactRules) -> list[Fact]:
    """A rebuilt table: one fact per numeric cell, the column naming the measure."""
    year = (years_in(table.caption) or [""])[0]
    scale = re.search(_SCALE, table.caption, re.I)
    currency = re.search(_MONEY, table.caption)
    unit = _unit_name(_currency_code(currency.group()) if currency else None, scale.group() if scale else None)
    base = next((r.id for r in rules.indicators if "{partner}" not in r.id and r.terms.search(table.caption)), "cited_figure")
    facts = []
    for row in table.rows:
        quote = " | ".join(row)
        if quote not in text:
            continue
        mentions = _partner_mentions(row[0], codebook)
        partner = mentions[0][1] if mentions else ""
        for column, cell in zip(table.header[1:], row[1:]):
            measure = column.strip().lower()
            indicator = base if measure in ("sum", "total", "all") else f"{base}_{re.sub(r'[^a-z0-9]+', '_', measure).strip('_')}"
            facts.append(Fact(passage_id, indicator, _number(cell), unit, year, partner, quote, cell, "", row[0].strip()))
    return facts


def _rule_of(indicator: str, rules: FactRules) -> IndicatorRule | None:
    """The rule an indicator name comes from ('korean_oda_grant' -> korean_oda), partner templates aside."""
    for rule in rules.indicators:
        if "{partner}" not in rule.id and (indicator == rule.id or indicator.startswith(rule.id + "_")):
            return rule
    return None


FAR_APART = 100.0  # figures of one indicator this many times apart in one text cannot share a unit


def unit_checks(facts: list[Fact], rules: FactRules, in_table: list[bool]) -> list[str]:
    """Per fact, why its unit looks wrong ('' if it looks right). Two general rules, documented in facts.toml:

    - a money figure above its indicator's ``at_most`` (no single figure of it can be that large);
    - a table's money figure at least ``FAR_APART`` times larger or smaller than every figure of the
      same indicator (same rule, same currency) that the same text states in prose.
    """
    checks = [""] * len(facts)
    prose: dict[tuple[str, str, str], list[float]] = {}
    for fact, table in zip(facts, in_table):
        rule, money = _rule_of(fact.indicator, rules), in_base_units(float(fact.value), fact.unit)
        if rule is not None and money is not None and not table:
            prose.setdefault((fact.passage_id.rsplit(":", 1)[0], rule.id, money[1]), []).append(money[0])
    for i, (fact, table) in enumerate(zip(facts, in_table)):
        rule, money = _rule_of(fact.indicator, rules), in_base_units(float(fact.value), fact.unit)
        if rule is None or money is None:
            continue
        if rule.at_most is not None:
            bound = in_base_units(*rule.at_most)
            if bound is not None and bound[1] == money[1] and money[0] > bound[0]:
                checks[i] = f"unit implausible: {fact.value} {fact.unit} is more than any {rule.id.replace('_', ' ')} figure can be ({rule.at_most[0]:g} {rule.at_most[1]} at most)"
                continue
        others = prose.get((fact.passage_id.rsplit(":", 1)[0], rule.id, money[1]), [])
        if table and others and all(money[0] >= FAR_APART * o or money[0] * FAR_APART <= o for o in others):
            checks[i] = f"unit implausible: {fact.value} {fact.unit} is {FAR_APART:g} times or more away from the text's other {rule.id.replace('_', ' ')} figures"
    return checks
