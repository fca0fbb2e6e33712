"""People's names: which word is the family name."""

from __future__ import annotations

import re

# Family names that come first in Korean, Chinese and Vietnamese names (the common ones).
FAMILY_NAME_FIRST = frozenset(
    "Lee Kim Park Choi Choe Jung Jeong Kang Cho Yoon Yun Jang Lim Han Oh Seo Shin Kwon Hwang Ahn Song Yoo Hong Jeon Ko Moon "
    "Yang Son Bae Baek Heo Nam Sim Noh Ha Kwak Sung Cha Joo Woo Koo Min Ryu Na Jin Ji Chae Won Chun Bang Kong Hyun "
    "Wang Li Zhang Liu Chen Yang Huang Zhao Wu Zhou Xu Sun Ma Zhu Hu Guo Lin Nguyen Tran Le Pham Hoang Vu Vo Dang".split()
)


UNKNOWN_AUTHOR = "Unknown author"  # a document that names no author and was given none
UNDATED = "n.d."  # an author none of whose documents has a known date, as a citation writes it


def unsigned(source: str) -> str:
    """The author of a document that names none, by its outlet or else its title: 'Unknown author (Korea Herald)'.
    Unsigned documents of different sources are then not pooled as one author, and a chart names each as a
    citation does an unsigned article (``family_name``: 'Korea Herald')."""
    source = _cut(" ".join(source.split()).replace("(", "").replace(")", ""), 40)
    return f"{UNKNOWN_AUTHOR} ({source})" if source else UNKNOWN_AUTHOR


def _cut(text: str, limit: int) -> str:
    """At most ``limit`` characters, an ellipsis ending what was cut."""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


_LOWER_WORD = re.compile(r"(?:^|\s)(?!(?:de|van|von|der|den|bin|binti|al|da|di|le|la|du|dos|das)\b)[a-z]")  # "for", "of": an institution's name
_AUTHORS_APART = re.compile(r"\s*;\s*|\s+(?:and|&)\s+|,\s*(?:and\s+)?(?=\S+\s+\S)")  # "A; B", "A and B", "A, B and C"


def authors_of(author: str) -> list[str]:
    """The people a byline names: 'Howard Schneider; Lindsay Dunsmuir' and 'Jens Manuel Krogstad and Jeffrey S.
    Passel' name two; 'Krogstad, Jens' (family name first) and 'Dira Fabrian' one."""
    parts = [part for part in _AUTHORS_APART.split(author.strip()) if part]
    people = len(parts) > 1 and all(len(part.split()) > 1 and not _LOWER_WORD.search(part) for part in parts)
    return parts if people else [author]  # "Centre for Strategic and International Studies" is one


def _one_family_name(author: str) -> str:
    words = author.replace(",", " , ").split()
    if "," in words and len(words) > 2 and words.index(",") == 1:
        return words[0]  # "Krogstad, Jens Manuel": the family name comes first, before a comma
    words = [w for w in words if w != ","]
    return words[0] if words[0] in FAMILY_NAME_FIRST else words[-1]


def family_name(author: str) -> str:
    """'Dira Fabrian' -> 'Fabrian'; 'Lee Jaehyon' -> 'Lee'; 'Kim Minji' -> 'Kim'; two authors as a citation names them
    ('Schneider & Dunsmuir'), three or more by the first ('Lee et al.'); an unknown author stays so, and an unsigned
    document is named by its source ('Unknown author (Korea Herald)' -> 'Korea Herald', cut at 20 characters)."""
    if author.startswith(f"{UNKNOWN_AUTHOR} (") and author.endswith(")"):
        return _cut(author[len(UNKNOWN_AUTHOR) + 2 : -1], 20)
    if not author.split() or author == UNKNOWN_AUTHOR:
        return author
    people = authors_of(author)
    if len(people) == 2:
        return " & ".join(_one_family_name(person) for person in people)
    return _one_family_name(people[0]) + (" et al." if len(people) > 2 else "")


MACHINE_MARK = "†"  # beside an author whose codes no reader checked: figures and the Framing view explain it


def name_over_year(label: str) -> str:
    """'Fabrian 2017' -> 'Fabrian\\n2017' (family name over year, for narrow columns); a mark stays with the year ('Kim\\n2024 †')."""
    mark = f" {MACHINE_MARK}"
    lines = label.removesuffix(mark).rsplit(" ", 1)
    if label.endswith(mark):
        lines[-1] += mark
    return "\n".join(lines)


def marked_name(author: str, first_years: dict[str, int] | None, machine: frozenset[str]) -> str:
    """``short_name``, with MACHINE_MARK when the author is one of ``machine`` (codes no reader checked)."""
    name = short_name(author, first_years)
    return f"{name} {MACHINE_MARK}" if author in machine else name


def short_name(author: str, first_years: dict[str, int] | None = None) -> str:
    """'Dira Fabrian' -> 'Fabrian 2017'; 'Lee Jaehyon' -> 'Lee 2019' (family name, first publication year); with
    ``first_years`` given, an author with no known date 'García n.d.' (never a year that looks like data)."""
    family = family_name(author)
    if first_years is None:
        return family
    return f"{family} {first_years[author]}" if author in first_years else f"{family} {UNDATED}"
