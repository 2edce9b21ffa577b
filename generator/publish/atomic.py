"""Write stage: a new version of a whole folder (the site), swapped in only when complete.

A build writes into a staging folder beside the target and, once it succeeded, swaps it in
with two renames on one file system; a failed build (bad catalog, a crash, Ctrl-C, SIGTERM)
removes only its staging folder, so the last good site stays byte for byte as it was. A
target that is a mount point cannot be renamed: its contents are swapped instead, one rename
per entry, with the staging folder inside it.

One build at a time writes into a target (a lock file beside it says which process); the
next build removes the staging and old copies that builds killed with kill -9 or a power cut
left behind. The new files are readable by everyone (a web server serves them), whatever the
umask.
"""

from __future__ import annotations

import atexit
import contextlib
import fcntl
import os
import shutil
import signal
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from types import FrameType

from generator.problems import ThutucError
from generator.writer import make_folder, make_readable

STAGING_MARK = ".building-"
OLD_MARK = ".old-"
LOCK_MARK = ".lock"
INNER = ".thutuc"  # names inside a mount-point target: `.thutuc.building-*`, `.thutuc.lock`


class Terminated(BaseException):
    """SIGTERM (sent by `timeout`, CI cancellation, systemd): unwinds like Ctrl-C, so every
    `finally` and cleanup runs before the process ends."""


@contextlib.contextmanager
def sigterm_unwinds() -> Iterator[None]:
    """Within the block, SIGTERM raises `Terminated` (in the main thread): staging folders,
    temporary files and locks are cleaned up as for Ctrl-C. Outside it, as before."""
    def terminate(signum: int, frame: FrameType | None) -> None:
        raise Terminated

    try:
        previous = signal.signal(signal.SIGTERM, terminate)
    except ValueError:  # not the main thread: leave signals alone
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def build_into(target: Path, build: Callable[[Path], None]) -> None:
    """Run `build` on a fresh staging folder and put the result at `target` only on success."""
    with staged(target) as staging:
        build(staging)


@contextlib.contextmanager
def staged(target: Path) -> Iterator[Path]:
    """A staging folder for the next version of `target`, swapped in when the `with` block
    ends normally and removed when it does not."""
    target = target.resolve()
    mounted = os.path.ismount(target)
    make_folder(target.parent)
    with build_lock(target, mounted):
        remove_leftovers(target, mounted)
        home, prefix = (target, f"{INNER}{STAGING_MARK}") if mounted else \
            (target.parent, f".{target.name}{STAGING_MARK}")
        staging = Path(tempfile.mkdtemp(prefix=prefix, dir=home))
        try:
            yield staging
            make_readable(staging)
            if mounted:
                swap_contents(staging, target)
            else:
                swap_in(staging, target)
        finally:
            shutil.rmtree(staging, ignore_errors=True)  # gone already after a swap


@contextlib.contextmanager
def build_lock(target: Path, inside: bool = False) -> Iterator[None]:
    """Hold the lock of builds into `target`: a file beside it (in it, for a mount point),
    removed when the build ends. Raises `ThutucError` when another build holds it."""
    path = target / f"{INNER}{LOCK_MARK}" if inside else \
        target.with_name(f".{target.name}{LOCK_MARK}")
    while True:
        handle = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.read(handle, 20).decode("ascii", "replace").strip()
            os.close(handle)
            who = f" (tiến trình {holder})" if holder.isdigit() else ""
            raise ThutucError(
                f"Một lần tạo trang web khác{who} đang ghi vào {target}. Cách sửa: chờ lần đó "
                "xong rồi chạy lại, hoặc tạo vào thư mục khác bằng -d.") from None
        except BaseException:
            os.close(handle)
            raise
        # The build that held the lock removes its file when it ends: a lock taken on a file
        # already removed guards nothing, so take the lock of the file that is there now.
        try:
            current = os.stat(path)
        except FileNotFoundError:
            current = None
        if current is not None and os.path.samestat(os.fstat(handle), current):
            break
        os.close(handle)
    try:
        os.ftruncate(handle, 0)
        os.write(handle, str(os.getpid()).encode("ascii"))
        yield
    finally:
        with contextlib.suppress(OSError):
            path.unlink()  # still locked here: the next build will take a new file's lock
        os.close(handle)


def remove_leftovers(target: Path, inside: bool = False) -> list[str]:
    """Remove staging and old copies of `target` that killed builds left behind; call it
    holding the lock, so that none of them belongs to a running build. Returns their names."""
    folder, prefixes = (target, (f"{INNER}{STAGING_MARK}", f"{INNER}{OLD_MARK}")) if inside \
        else (target.parent, (f".{target.name}{STAGING_MARK}", f".{target.name}{OLD_MARK}"))
    found = sorted(entry.name for entry in os.scandir(folder)
                   if entry.name.startswith(prefixes))
    for name in found:
        shutil.rmtree(folder / name, ignore_errors=True)
    return found


def swap_in(staging: Path, target: Path) -> None:
    """Replace `target` with `staging`; the old site is removed only once the new is in place."""
    if not target.exists():
        staging.rename(target)
        return
    old = Path(tempfile.mkdtemp(prefix=f".{target.name}{OLD_MARK}", dir=target.parent))
    old.rmdir()
    target.rename(old)
    try:
        staging.rename(target)
    except BaseException:
        old.rename(target)
        raise
    shutil.rmtree(old, ignore_errors=True)


def swap_contents(staging: Path, target: Path) -> None:
    """Replace the contents of the mount point `target` with those of `staging` (a folder in
    it): the old entries are moved aside first and put back if a move fails."""
    old = Path(tempfile.mkdtemp(prefix=f"{INNER}{OLD_MARK}", dir=target))
    keep = {staging.name, old.name, f"{INNER}{LOCK_MARK}"}
    aside = [name for name in sorted(os.listdir(target)) if name not in keep]
    moved_in: list[str] = []
    try:
        for name in aside:
            os.rename(target / name, old / name)
        for name in sorted(os.listdir(staging)):
            os.rename(staging / name, target / name)
            moved_in.append(name)
    except BaseException:
        for name in moved_in:
            os.rename(target / name, staging / name)
        for name in aside:
            if (old / name).exists() or (old / name).is_symlink():
                os.rename(old / name, target / name)
        raise
    finally:
        shutil.rmtree(old, ignore_errors=True)


def temporary_folder(prefix: str) -> Path:
    """A private folder in the system's temporary folder, removed when the process ends;
    folders of this `prefix` left by processes that no longer run are removed first."""
    base = Path(tempfile.gettempdir())
    for entry in base.glob(f"{prefix}*-*"):
        pid = entry.name.removeprefix(prefix).split("-", 1)[0]
        if pid.isdigit() and not _running(int(pid)):
            shutil.rmtree(entry, ignore_errors=True)
    folder = Path(tempfile.mkdtemp(prefix=f"{prefix}{os.getpid()}-", dir=base))
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    return folder


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # another user's process
    return True
