"""Write stage: build a whole site into a staging folder, then swap it in.

A failed build (bad catalog, a crash, Ctrl-C) removes only its staging folder: the last good
site stays byte for byte as it was. The staging folder sits beside the target so the swap is
two renames on one file system.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config

from .plugin import use_profile


def build_atomically(config_file: Path, target: Path, offline: bool = False,
                     profile: Path | None = None) -> int:
    """Build the site of `config_file` into `target`, replacing it only on success.

    `offline` builds the edition that opens from disk (the plugin's `offline` option);
    `profile` builds for the commune that profile file describes.
    """
    target = target.resolve()
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.building-", dir=target.parent))
    try:
        os.chmod(staging, 0o755)  # noqa: S103 - mkdtemp makes it private; web servers must read it
        config = load_config(config_file=str(config_file), site_dir=str(staging))
        if offline and "thutuc" in config.plugins:
            config.plugins["thutuc"].config["offline"] = True
        if profile is not None:
            use_profile(config, profile)
        mkdocs_build(config)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    swap_in(staging, target)
    return 0


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
