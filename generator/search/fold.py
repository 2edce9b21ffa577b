"""How search text is cut into words and folded, so that people find what they mean.

People type "dang ky", "đăng kí", "đăng ký" or decomposed Unicode for the same words; Ê Đê
and other minority languages add letters such as Ƀ, Č, ŏ, ŭ. Every word gets two forms:

- `fold`: no diacritics at all, lower case, đ->d, ƀ->b, and a final `y` after a consonant
  written `i` (kí/ký, lí/lý, mĩ/mỹ are both correct spellings). Matching uses this form.
- `keep`: lower case NFC with diacritics kept, and the same i/y rule. When a query word has
  diacritics, results with exactly that spelling rank first.

`generator/search/engine.js` mirrors this module line for line; `tests/test_search_fold.py`
checks that both give the same words for a list of tricky strings. Change both together.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

# Letters that are not a base letter plus combining marks, so NFD cannot strip them.
LETTERS = {"đ": "d", "ƀ": "b", "ɓ": "b", "ɗ": "d", "ø": "o", "ł": "l", "ħ": "h", "ŧ": "t"}
VOWELS = frozenset("aeiouy")
APOSTROPHES = frozenset("'\u2019")


@lru_cache(maxsize=4096)
def _is_word_char(ch: str) -> bool:
    return unicodedata.category(ch)[0] in "LMN"


def _is_digit(ch: str) -> bool:
    return unicodedata.category(ch) == "Nd"


def words(text: str) -> list[str]:
    """The words of `text` in NFD, lower case. A dotted number (`1.001193`) is one word."""
    text = unicodedata.normalize("NFD", text).lower()
    result: list[str] = []
    current = ""
    for i, ch in enumerate(text):
        if _is_word_char(ch):
            current += ch
        elif (ch == "." and current and _is_digit(current[-1])
              and i + 1 < len(text) and _is_digit(text[i + 1])):
            current += ch  # a procedure code such as 1.001193 stays whole
        elif ch in APOSTROPHES and current and i + 1 < len(text) and _is_word_char(text[i + 1]):
            continue  # place names such as M'Drắk, Ea H'leo: one word, typed with or without
        elif current:
            result.append(current)
            current = ""
    if current:
        result.append(current)
    return result


def _base(word: str) -> str:
    """`word` (NFD, lower case) without combining marks, with LETTERS replaced."""
    return "".join(LETTERS.get(ch, ch) for ch in word if unicodedata.category(ch) != "Mn")


def _final_y_is_i(base: str) -> bool:
    """A final `y` after a consonant sounds and may be written as `i` (ký = kí)."""
    return len(base) >= 2 and base[-1] == "y" and base[-2] not in VOWELS \
        and unicodedata.category(base[-2])[0] == "L"


# Cached: a catalog repeats the same few thousand words (building 2,000 procedures: 10 s -> 2 s).
@lru_cache(maxsize=1 << 16)
def fold(word: str) -> str:
    """The matching form of one word from `words()`: no diacritics, final y->i."""
    base = _base(word)
    return base[:-1] + "i" if _final_y_is_i(base) else base


@lru_cache(maxsize=1 << 16)
def keep(word: str) -> str:
    """The exact form of one word from `words()`: diacritics kept (NFC), final y->i."""
    if _final_y_is_i(_base(word)):
        # The last `y` and the marks after it: swap the letter, keep the marks (ý -> í).
        cut = word.rindex("y")
        word = word[:cut] + "i" + word[cut + 1:]
    return unicodedata.normalize("NFC", word)
