"""Rendered pages kept between builds, named by a hash of everything they show.

A second build of an unchanged catalog renders the same pages again: this cache keeps each
finished page under `.cache/thutuc/pages/`, one file per page, named by a key that hashes all
the page depends on (the caller's business: the MkDocs adapter hashes the procedure as
localized, the site's strings and settings, the theme, the navigation; `digest` makes such
keys). Any change to one of them gives another key, so a page is never shown stale. An entry
no build has used for a month is removed (`prune`, at the end of a build): a changed
catalog, template or version leaves entries nobody asks for again.

Entries are checked before use, as the QR codes' are (`keyed_store`): a file truncated by a
full disk, overwritten or copied from elsewhere is rendered again and rewritten, so the
output is byte for byte the same with a warm, a cold or a damaged cache.
"""

from __future__ import annotations

import dataclasses
import datetime
import functools
import hashlib
import zlib
from collections.abc import Callable
from pathlib import Path, PurePath
from typing import Any

from generator.keyed_store import KeyedStore
from generator.load.strings import Text

CACHE_DIR = Path(".cache") / "thutuc" / "pages"
_MAGIC = b"thutuc-page 3\n"
PACKAGE = Path(__file__).resolve().parent.parent  # generator/: its code and templates


class UncacheableError(TypeError):
    """A value `digest` cannot encode for certain: whatever depends on it is not cached."""


def digest(*values: Any) -> str:
    """A hash of `values` (text, bytes, numbers, dates, paths, lists, mappings, sets, frozen
    dataclasses, nested) that two equal values share in any process, whatever its hash
    seed; `UncacheableError` for anything else."""
    return hashlib.sha256(repr(_plain(values)).encode("utf-8", "surrogatepass")).hexdigest()


_FIELDS: dict[type, tuple[str, ...]] = {}  # a dataclass's field names, found once per class


def _plain(value: Any) -> Any:
    """`value` as nested tuples of text, numbers and type names, whose repr is its encoding."""
    kind = type(value)
    if kind in (str, int, float, bool) or value is None:
        return value
    if kind in (tuple, list):
        return (kind.__name__, *(_plain(item) for item in value))
    if kind is dict:  # in its order: a page may show a mapping in that order
        return ("dict", *((_plain(k), _plain(v)) for k, v in value.items()))
    if kind in (set, frozenset):  # no order of its own: sorted by encoding
        return ("set", *sorted(repr(_plain(item)) for item in value))
    if kind is bytes:
        return ("bytes", hashlib.sha256(value).hexdigest())
    if isinstance(value, Text):  # interface text: its language is printed too (`lang_attr`)
        return ("Text", str(value), value.lang)
    if isinstance(value, str):  # Markup
        return (kind.__name__, str(value))
    if isinstance(value, datetime.date):
        return (kind.__name__, value.isoformat())
    if isinstance(value, PurePath):
        return ("path", value.as_posix())
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        names = _FIELDS.get(kind)
        if names is None:
            names = _FIELDS[kind] = tuple(f.name for f in dataclasses.fields(value))
        return (kind.__qualname__, *(_plain(getattr(value, name)) for name in names))
    raise UncacheableError(f"{kind.__qualname__} has no stable encoding")


def files_digest(folder: Path) -> str:
    """A hash of every file below `folder`, names (from it) and contents, but Python's
    compiled copies of its modules."""
    found = hashlib.sha256()
    for path in sorted(p for p in folder.rglob("*") if p.is_file()
                       and "__pycache__" not in p.parts):
        content = path.read_bytes()
        found.update(f"{path.relative_to(folder).as_posix()}\0{len(content)}\0".encode())
        found.update(content)
    return found.hexdigest()


@functools.lru_cache(maxsize=1)
def code_version() -> str:
    """A hash of the generator's own code and templates: a new version renders anew."""
    return files_digest(PACKAGE)


class PageCache:
    """Finished pages by key, kept in `folder` between builds (no folder: no cache)."""

    def __init__(self, folder: Path | None) -> None:
        self.store = KeyedStore(folder, _MAGIC, "html")

    def read(self, key: str) -> str | None:
        """The page cached under `key`, or None when it is missing or does not check out."""
        body = self.store.read(key)
        return None if body is None else unpack(body)

    def write(self, key: str, page: str) -> None:
        """Keep `page` under `key`; a read-only or full disk only goes without the cache."""
        self.store.write(key, pack(page))

    def through(self, key: str, make: Callable[[], str]) -> str:
        """The page cached under `key`, else `make()`, kept under it ("": no key, made)."""
        page = self.read(key) if key else None
        if page is None:
            page = make()
            if key:
                self.write(key, page)
        return page

    def prune(self) -> None:
        """Remove the entries no build has used for `keyed_store.KEEP_DAYS`."""
        self.store.prune()


def pack(page: str) -> bytes:
    """A cache entry's body: the page, UTF-8, compressed (a finished page is mostly the same
    navigation and markup as its neighbours', and a tenth of the bytes is read back faster
    than they are decompressed)."""
    return zlib.compress(page.encode("utf-8", "surrogatepass"), 1)


def unpack(body: bytes) -> str | None:
    """The page of a cache entry's body, None when it does not decompress to UTF-8."""
    try:
        return zlib.decompress(body).decode("utf-8", "surrogatepass")
    except (zlib.error, UnicodeDecodeError):
        return None
