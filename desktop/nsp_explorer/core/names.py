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
