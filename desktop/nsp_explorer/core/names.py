"""People's names: which word is the family name."""

from __future__ import annotations

# Family names that come first in Korean, Chinese and Vietnamese names (the common ones).
FAMILY_NAME_FIRST = frozenset(
    "Lee Kim Park Choi Choe Jung Jeong Kang Cho Yoon Yun Jang Lim Han Oh Seo Shin Kwon Hwang Ahn Song Yoo Hong Jeon Ko Moon "
    "Yang Son Bae Baek Heo Nam Sim Noh Ha Kwak Sung Cha Joo Woo Koo Min Ryu Na Jin Ji Chae Won Chun Bang Kong Hyun "
    "Wang Li Zhang Liu Chen Yang Huang Zhao Wu Zhou Xu Sun Ma Zhu Hu Guo Lin Nguyen Tran Le Pham Hoang Vu Vo Dang".split()
)


def family_name(author: str) -> str:
    """'Dira Fabrian' -> 'Fabrian'; 'Lee Jaehyon' -> 'Lee'; 'Kim Minji' -> 'Kim'."""
    words = author.split()
    if not words:
        return author
    return words[0] if words[0] in FAMILY_NAME_FIRST else words[-1]


def short_name(author: str, first_years: dict[str, int] | None = None) -> str:
    """'Dira Fabrian' -> 'Fabrian 2017'; 'Lee Jaehyon' -> 'Lee 2019' (family name, first publication year)."""
    family = family_name(author)
    if first_years and author in first_years:
        return f"{family} {first_years[author]}"
    return family
