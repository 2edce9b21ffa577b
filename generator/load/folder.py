"""The files of a catalog folder, as every reader of the catalog sees them.

A folder's listing is kept with the modification time of each of its folders (which changes
when a name in it is added, removed or renamed, not when a file's content does): reading the
catalog again (`thutuc serve`, on every save) looks at those few folders, not at every file.
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass
from pathlib import Path

HIDDEN = ("_", ".")  # names the tools skip: drafts, backups, editors' and systems' files
# A folder changed this recently may change again within the same tick of its clock: a
# listing made then is not kept.
SETTLED = 2.0  # seconds


@dataclass(frozen=True)
class _Listing:
    folders: tuple[tuple[str, int], ...]  # every folder walked, with its modification time
    files: tuple[Path, ...]


_LISTINGS: dict[str, _Listing] = {}


def visible_files(folder: Path) -> list[Path]:
    """Every file under `folder` whose path has no part starting with `_` or `.`, in path
    order; links to files count, links to folders are not followed."""
    known = _LISTINGS.get(str(folder))
    if known is not None and all(_modified(path) == mtime for path, mtime in known.folders):
        return list(known.files)
    listing = _walk(folder)
    newest = max((mtime for _, mtime in listing.folders), default=0)
    if time.time_ns() - newest > SETTLED * 1e9:
        _LISTINGS[str(folder)] = listing
    else:
        _LISTINGS.pop(str(folder), None)
    return list(listing.files)


def _modified(path: str) -> int:
    try:
        return os.stat(path).st_mtime_ns
    except OSError:
        return -1


def _walk(folder: Path) -> _Listing:
    """One `scandir` walk, with the kinds of entries it reports."""
    folders: list[tuple[str, int]] = []
    found: list[tuple[tuple[str, ...], str]] = []

    def walk(path: str, parts: tuple[str, ...]) -> None:
        folders.append((path, _modified(path)))  # before listing: a change after it shows
        try:
            with os.scandir(path) as entries:
                listed = list(entries)
        except OSError:  # a folder removed while being read, or not one
            return
        for entry in listed:
            if entry.name.startswith(HIDDEN):
                continue
            if entry.is_dir(follow_symlinks=False):
                walk(entry.path, (*parts, entry.name))
            elif entry.is_file():
                found.append(((*parts, entry.name), entry.path))

    walk(str(folder), ())
    return _Listing(tuple(folders), tuple(Path(path) for _, path in sorted(found)))
