"""Counts and names written as people write them: "1 passage", "2 passages", "1,234 figures", "ASEAN–Korea trade"."""

from __future__ import annotations


def signed_points(value: float) -> str:
    """A difference in whole points with its sign ("+9", "-4"), and "0" where it rounds to nothing (never "-0")."""
    whole = round(value)
    return f"{whole:+d}" if whole else "0"


def counted(n: int, noun: str, plural: str = "") -> str:
    """``n`` and the noun, singular for exactly one (``plural`` for irregular nouns; default noun + "s")."""
    n = int(n)
    return f"{n:,} {noun if n == 1 else plural or noun + 's'}"


# how the words of an indicator's ID are written in a label (the rest in lower case)
_WRITTEN = {
    "asean": "ASEAN", "oda": "ODA", "gdp": "GDP", "gni": "GNI", "fdi": "FDI", "covid": "COVID-19", "usd": "USD", "sme": "SME", "smes": "SMEs",
    "us": "US", "eu": "EU", "un": "UN", "koica": "KOICA", "edcf": "EDCF", "rok": "ROK", "dprk": "DPRK",
}  # fmt: skip
_PLACES = frozenset(
    """asean korea china japan india us eu russia vietnam thailand indonesia philippines malaysia singapore myanmar cambodia
    laos brunei mekong""".split()
)


def indicator_label(indicator: str, unit: str = "") -> str:
    """'asean_korea_trade', 'USD billion' -> 'ASEAN–Korea trade (USD billion)'; 'korean_oda_grant' -> 'Korean ODA grant'."""
    words = [w for w in indicator.split("_") if w]
    written = [_WRITTEN.get(w, w.capitalize() if w in _PLACES or w.rstrip("n") in _PLACES or w.endswith("ese") else w) for w in words]
    label = ""
    for i, (word, text) in enumerate(zip(words, written)):
        joined = i and words[i - 1] in _PLACES and word in _PLACES  # two places side by side: "ASEAN–Korea"
        label += ("–" if joined else " " if i else "") + text
    label = label[:1].upper() + label[1:]
    return f"{label} ({unit})" if unit else label
