"""Write stage: build a whole site into a staging folder, then swap it in.

A failed build (bad catalog, a crash, Ctrl-C) removes only its staging folder: the last good
site stays byte for byte as it was. The staging folder sits beside the target so the swap is
two renames on one file system.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path


def build_into(target: Path, build: Callable[[Path], None]) -> None:
    """Run `build` on a fresh staging folder and put the result at `target` only on success."""
    target = target.resolve()
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.building-", dir=target.parent))
    try:
        os.chmod(staging, 0o755)  # noqa: S103 - mkdtemp makes it private; web servers must read it
        build(staging)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    swap_in(staging, target)


def swap_in(staging: Path, target: Path) -> None:
    """Replace `target` with `staging`; the old site is removed only once the new is in place."""
    if not target.exists():
        staging.rename(target)
        return
    old = Path(tempfile.mkdtemp(prefix=f".{target.name}.old-", dir=target.parent))
    old.rmdir()
    target.rename(old)
    try:
        staging.rename(target)
    except BaseException:
        old.rename(target)
        raise
    shutil.rmtree(old, ignore_errors=True)
