"""Vietnamese alphabetical order: a ă â b c d đ e ê ..., tones only breaking ties."""

from __future__ import annotations

import unicodedata

ALPHABET = "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz"
TONES = ("", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323")  # ngang huyền sắc hỏi ngã nặng


def sort_key(text: str) -> tuple[tuple[int, ...], tuple[int, ...], str]:
    """A key that sorts Vietnamese text the way a Vietnamese reader expects."""
    letters, tones = [], []
    for char in unicodedata.normalize("NFC", text.lower()):
        decomposed = unicodedata.normalize("NFD", char)
        tone = next((t for t in TONES[1:] if t in decomposed), "")
        base = unicodedata.normalize("NFC", decomposed.replace(tone, "")) if tone else char
        position = ALPHABET.find(base)
        letters.append(position if position >= 0 else 100 + ord(base))
        tones.append(TONES.index(tone))
    return tuple(letters), tuple(tones), text
