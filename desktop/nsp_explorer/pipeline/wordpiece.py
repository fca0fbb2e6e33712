"""BERT's uncased WordPiece tokenizer, as the sentence model (MPNet, whose tokenizer is BERT's with ``<s>`` and
``</s>`` round a sentence) was trained with it.

The published algorithm (Devlin et al. 2019; Hugging Face's ``BertTokenizer``): clean
the text, put spaces round CJK characters, lower-case and strip accents, split on
white space and punctuation, then cut each word into the longest pieces the
vocabulary has ("##" marks a piece inside a word); a word that cannot be cut is
``[UNK]``. Written out here (60 lines) rather than taken from ``tokenizers``
(12 MB) because the model needs nothing else from it.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

MAX_WORD = 100  # longer words are [UNK], as in BERT


def _is_punctuation(char: str) -> bool:
    code = ord(char)
    if 33 <= code <= 47 or 58 <= code <= 64 or 91 <= code <= 96 or 123 <= code <= 126:
        return True
    return unicodedata.category(char).startswith("P")


def _is_cjk(code: int) -> bool:
    return (
        0x4E00 <= code <= 0x9FFF or 0x3400 <= code <= 0x4DBF or 0x20000 <= code <= 0x2A6DF or 0x2A700 <= code <= 0x2B73F
        or 0x2B740 <= code <= 0x2B81F or 0x2B820 <= code <= 0x2CEAF or 0xF900 <= code <= 0xFAFF or 0x2F800 <= code <= 0x2FA1F
    )


def _words(text: str) -> list[str]:
    """BERT's basic tokenizer: the words and punctuation marks of a text, lower-cased, without accents."""
    cleaned = []
    for char in text:
        code = ord(char)
        if code == 0 or code == 0xFFFD:
            continue
        if char in "\t\n\r" or unicodedata.category(char) == "Zs":
            cleaned.append(" ")
        elif unicodedata.category(char) in ("Cc", "Cf"):
            continue
        elif _is_cjk(code):
            cleaned.append(f" {char} ")
        else:
            cleaned.append(char)
    words = []
    for token in "".join(cleaned).split():
        token = "".join(c for c in unicodedata.normalize("NFD", token.lower()) if unicodedata.category(c) != "Mn")
        current = ""
        for char in token:
            if _is_punctuation(char):
                if current:
                    words.append(current)
                words.append(char)
                current = ""
            else:
                current += char
        if current:
            words.append(current)
    return words


class WordPiece:
    def __init__(self, vocab_path: Path):
        pieces = Path(vocab_path).read_text(encoding="utf-8").split("\n")
        self.ids = {piece: n for n, piece in enumerate(pieces) if piece}
        self.unknown, self.first, self.last = self.ids["[UNK]"], self.ids["<s>"], self.ids["</s>"]  # MPNet's

    def encode(self, text: str, most: int) -> list[int]:
        """<s>, the pieces of the text, </s>: at most ``most`` ids in all."""
        ids = [self.first]
        for word in _words(text):
            ids.extend(self._pieces(word))
            if len(ids) >= most - 1:
                break
        return ids[: most - 1] + [self.last]

    def _pieces(self, word: str) -> list[int]:
        if len(word) > MAX_WORD:
            return [self.unknown]
        pieces, start = [], 0
        while start < len(word):
            end = len(word)
            while end > start:
                piece = word[start:end] if start == 0 else "##" + word[start:end]
                if piece in self.ids:
                    pieces.append(self.ids[piece])
                    break
                end -= 1
            else:
                return [self.unknown]
            start = end
        return pieces
