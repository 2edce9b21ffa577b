"""Find glossary terms in text: longest spelling first, any letter case, exact diacritics.

Vietnamese words differ only by their marks ("bản sao" and "bàn sao" are not the same),
so matching ignores case but never diacritics. A match must stand as whole words.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator


class TermMatcher:
    """Finds every occurrence of a set of phrases, each phrase belonging to one term id."""

    def __init__(self, phrases: Iterable[tuple[str, str]]) -> None:
        self.owner: dict[str, str] = {}
        for phrase, term_id in phrases:
            key = unicodedata.normalize("NFC", phrase).strip().casefold()
            if key:
                self.owner.setdefault(key, term_id)
        # Longest first: the regex engine takes the first alternative that matches.
        ordered = sorted(self.owner, key=lambda p: (-len(p), p))
        body = "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in ordered)
        self.pattern = re.compile(rf"(?<!\w)(?:{body})(?!\w)", re.IGNORECASE) if body else None

    def finditer(self, text: str) -> Iterator[tuple[int, int, str]]:
        """(start, end, term id) of every match in `text`, left to right, never overlapping."""
        if self.pattern is None:
            return
        for match in self.pattern.finditer(text):
            key = re.sub(r"\s+", " ", match.group(0)).casefold()
            yield match.start(), match.end(), self.owner[key]
