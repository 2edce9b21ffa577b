"""Files kept between builds under `.cache/thutuc/`, one per key, each checked before use.

The QR codes (`render/qr.py`) and the finished pages (`render/page_cache.py`) are made again
only when what they depend on changes: each is kept under a key that hashes all of it. An
entry holds a header naming its kind, the key and the SHA-256 of its body, all checked when
it is read: a file truncated by a full disk, overwritten or copied from elsewhere counts as
missing, is made again and rewritten, so the output is byte for byte the same with a warm,
a cold or a damaged cache. Reading an entry marks it used; `prune` removes those no build
has used for a while (a changed catalog, template or version leaves entries nobody asks for).
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import time
from pathlib import Path

from generator.writer import WriteError, write_file

KEEP_DAYS = 30  # an entry no build has used for this long is removed by `prune`


class KeyedStore:
    """Byte strings by key in `folder` (no folder: nothing is kept), in files named
    `KEY[:2]/KEY.SUFFIX` whose header line is `MAGIC`."""

    def __init__(self, folder: Path | None, magic: bytes, suffix: str) -> None:
        self.folder, self.magic, self.suffix = folder, magic, suffix

    def _path(self, key: str) -> Path | None:
        return None if self.folder is None else self.folder / key[:2] / f"{key}.{self.suffix}"

    def read(self, key: str) -> bytes | None:
        """The body kept under `key`, or None when it is missing or does not check out."""
        path = self._path(key)
        if path is None:
            return None
        try:
            entry = path.read_bytes()
        except OSError:
            return None
        if not entry.startswith(self.magic):
            return None
        parts = entry[len(self.magic):].split(b"\n", 2)
        if len(parts) != 3 or parts[0] != key.encode() \
                or hashlib.sha256(parts[2]).hexdigest().encode() != parts[1]:
            return None
        with contextlib.suppress(OSError):  # used now: `prune` keeps it
            os.utime(path)
        return parts[2]

    def write(self, key: str, body: bytes) -> None:
        """Keep `body` under `key`; a read-only or full disk only goes without the cache."""
        path = self._path(key)
        if path is not None:
            entry = self.magic + f"{key}\n{hashlib.sha256(body).hexdigest()}\n".encode() + body
            with contextlib.suppress(WriteError):
                write_file(path, entry, durable=False)

    def prune(self, days: float = KEEP_DAYS) -> None:
        """Remove the entries no build has read or written for `days`."""
        if self.folder is None or not self.folder.is_dir():
            return
        oldest = time.time() - days * 86400
        for path in self.folder.glob(f"*/*.{self.suffix}"):
            with contextlib.suppress(OSError):  # another build may be removing it too
                if path.stat().st_mtime < oldest:
                    path.unlink()
