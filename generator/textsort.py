"""Vietnamese alphabetical order: a ă â b c d đ e ê ..., tones only breaking ties."""

from __future__ import annotations

import functools
import unicodedata

ALPHABET = "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz"
TONES = ("", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323")  # ngang huyền sắc hỏi ngã nặng


# Titles are sorted again on every save under `thutuc serve` (the A-Z page, each category):
# keys are kept, as a title's key never changes.
@functools.lru_cache(maxsize=1 << 16)
def sort_key(text: str) -> tuple[tuple[int, ...], tuple[int, ...], str]:
    """A key that sorts Vietnamese text the way a Vietnamese reader expects."""
    letters, tones = [], []
    for char in unicodedata.normalize("NFC", text.lower()):
        letter, tone = _char_key(char)
        letters.append(letter)
        tones.append(tone)
    return tuple(letters), tuple(tones), text


@functools.cache
def _char_key(char: str) -> tuple[int, int]:
    """One letter's place in the alphabet and its tone's: the same for every title, and
    three Unicode normalizations to find, so each character is worked out once."""
    decomposed = unicodedata.normalize("NFD", char)
    tone = next((t for t in TONES[1:] if t in decomposed), "")
    base = unicodedata.normalize("NFC", decomposed.replace(tone, "")) if tone else char
    position = ALPHABET.find(base)
    return position if position >= 0 else 100 + ord(base), TONES.index(tone)
