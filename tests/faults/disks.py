"""File-system faults for tests: a small disk that fills up, a read-only disk, another user.

They need root (a tmpfs is mounted for each); a test that cannot have one is skipped with
the reason, so the suite still runs on a developer's machine without root.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@contextlib.contextmanager
def tmpfs(where: Path, size_kb: int, read_only: bool = False) -> Iterator[Path]:
    """A tmpfs of `size_kb` KB mounted at `where` (skips the test where mounting fails)."""
    where.mkdir(parents=True, exist_ok=True)
    if os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("mounting a small disk needs root")
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size_kb}k,mode=0755", "tmpfs",
                           str(where)], capture_output=True, text=True, check=False)
    if done.returncode:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.strip()}")
    try:
        yield where
    finally:
        subprocess.run(["umount", "-l", str(where)], capture_output=True, check=False)


def remount_read_only(where: Path) -> None:
    subprocess.run(["mount", "-o", "remount,ro", str(where)], check=True, capture_output=True)


def fill(disk: Path, leave_bytes: int = 0) -> None:
    """Fill `disk` until at most `leave_bytes` are free."""
    with open(disk / ".filler", "wb") as filler:
        chunk = b"\0" * 4096
        try:
            while shutil.disk_usage(disk).free > leave_bytes:
                filler.write(chunk)
                filler.flush()
        except OSError:
            pass


def thutuc(*args: str, cwd: Path | None = None, user: int | None = None,
           timeout: float = 300, env: dict[str, str] | None = None
           ) -> subprocess.CompletedProcess[str]:
    """Run the real command line in a new process (as user id `user` when given)."""
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(ROOT),
                   **(env or {})}

    def drop() -> None:  # runs in the child, before the command
        if user is not None:
            os.setgid(user)
            os.setuid(user)

    return subprocess.run([sys.executable, "-m", "generator", *args], cwd=cwd,
                          capture_output=True, text=True, timeout=timeout, env=environment,
                          preexec_fn=drop if user is not None else None, check=False)


NOBODY = 65534


def can_run_as_nobody() -> bool:
    """True when the tool runs as user `nobody` here (root, and the code readable by all)."""
    if os.geteuid() != 0:
        return False
    try:
        done = subprocess.run([sys.executable, "-c", "import generator"], cwd=ROOT,
                              env={**os.environ, "PYTHONPATH": str(ROOT)}, capture_output=True,
                              preexec_fn=lambda: (os.setgid(NOBODY), os.setuid(NOBODY)),
                              check=False)
    except OSError:  # the interpreter itself is not readable by that user
        return False
    return done.returncode == 0
