"""Stable ids for imported procedures: the title as a slug, made unique deterministically.

An id is a page address printed in QR codes, so once a procedure has a file its id is kept
(re-imports reuse it). New ids: the title without the leading "Thủ tục", as a slug of at most
`MAX_LENGTH` characters cut at a word; when two procedures would get the same slug, every one
of them gets its national code appended (`dang-ky-khai-sinh-1-001193`), so the result does not
depend on the order in which records are read.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from generator.load.field_reader import suggest_slug

MAX_LENGTH = 60
_PREFIX = re.compile(r"^\s*thủ tục\s*[:\-–]?\s*", re.I)


def strip_prefix(title: str) -> str:
    """A title without its leading "Thủ tục" (`Thủ tục đăng ký...` -> `đăng ký...`)."""
    return _PREFIX.sub("", title) or title


def base_id(title: str, code: str) -> str:
    """The slug of a title, without "Thủ tục", at most MAX_LENGTH characters."""
    slug = suggest_slug(strip_prefix(title))
    if slug == "ma-thu-tuc":  # nothing usable in the title
        return "thu-tuc-" + code_slug(code)
    if len(slug) > MAX_LENGTH:
        slug = slug[:MAX_LENGTH + 1].rsplit("-", 1)[0]
    return slug


def code_slug(code: str) -> str:
    return suggest_slug(code)


def assign_ids(new: dict[str, str], taken: Iterable[str]) -> dict[str, str]:
    """Ids for new procedures: national code -> title, given ids already in use."""
    bases = {code: base_id(title, code) for code, title in new.items()}
    counts = Counter([*bases.values(), *taken])
    return {code: base if counts[base] == 1 else f"{base}-{code_slug(code)}"
            for code, base in bases.items()}
