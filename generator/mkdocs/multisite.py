"""`thutuc build --all PROFILES/`: one site per commune profile, built in parallel.

Each commune is built in its own process (MkDocs keeps state in module globals, so builds
cannot share one), atomically into `OUT/<profile name>/`. A commune whose profile or build
fails is reported with its message; the others are built all the same.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from generator.mkdocs.project import build_atomically
from generator.problems import ThutucError
from generator.urls import PROCEDURE_DIR
from generator.writer import os_error_message


@dataclass(frozen=True)
class CommuneBuild:
    """How one commune's build went."""

    name: str
    ok: bool
    message: str = ""
    procedures: int = 0
    pages: int = 0
    seconds: float = 0.0


def profiles_in(folder: Path) -> list[Path]:
    """The profile files of a folder, by name; `_` and `.` names are skipped like drafts."""
    return sorted(p for p in folder.iterdir() if p.is_file() and p.suffix in (".yml", ".yaml")
                  and not p.name.startswith(("_", ".")))


class _Errors(logging.Handler):
    """Keeps MkDocs' error messages: it logs a plugin's error, then raises a bare Abort."""

    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def build_commune(config_file: Path, profile: Path, target: Path,
                  offline: bool = False) -> CommuneBuild:
    """Build one commune's site; never raises for a problem of that commune."""
    start = time.monotonic()
    errors = _Errors()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(errors)
    try:
        build_atomically(config_file, target, offline=offline, profile=profile)
    except ThutucError as error:
        return CommuneBuild(profile.stem, False, "\n".join(errors.messages) or error.report(),
                            seconds=time.monotonic() - start)
    except OSError as error:  # a full or read-only disk: said as the command line says it
        return CommuneBuild(profile.stem, False, os_error_message(error, "đọc hoặc ghi"),
                            seconds=time.monotonic() - start)
    except Exception as error:  # noqa: BLE001 - one commune's crash must not stop the others
        return CommuneBuild(profile.stem, False, f"lỗi không lường trước: "
                            f"{type(error).__name__}: {error}", seconds=time.monotonic() - start)
    finally:
        logger.removeHandler(errors)
    procedures = target / PROCEDURE_DIR.strip("/")
    return CommuneBuild(profile.stem, True,
                        procedures=sum(1 for _ in procedures.iterdir()) if procedures.is_dir()
                        else 0,
                        pages=sum(1 for _ in target.rglob("*.html")),
                        seconds=time.monotonic() - start)


def build_all(config_file: Path, folder: Path, out: Path, jobs: int = 0,
              offline: bool = False) -> list[CommuneBuild]:
    """Build every profile of `folder` into `out/<name>/`, `jobs` at a time (0: one per core);
    `offline`: the editions that open from disk."""
    profiles = profiles_in(folder) if folder.is_dir() else []
    if not profiles:
        raise ThutucError(f"Không có tệp hồ sơ đơn vị (.yml) nào trong {folder}.")
    workers = min(jobs or os.cpu_count() or 1, len(profiles))
    # "spawn": a fresh interpreter per worker, so no MkDocs state is inherited, and exit
    # handlers (the plugin's temporary theme folder) run when a worker ends.
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        futures = [pool.submit(build_commune, config_file.resolve(), profile.resolve(),
                               (out / profile.stem).resolve(), offline)
                   for profile in profiles]
        return [future.result() for future in futures]


def summary(results: list[CommuneBuild], out: Path) -> str:
    """A table of the builds, then each failure's message."""
    width = max(len("Đơn vị"), *(len(r.name) for r in results))
    lines = [f"{'Đơn vị':<{width}}  Kết quả  Thủ tục  Trang HTML  Giây"]
    for r in results:
        state = "xong" if r.ok else "LỖI"
        counts = f"{r.procedures:>7}  {r.pages:>10}" if r.ok else f"{'-':>7}  {'-':>10}"
        lines.append(f"{r.name:<{width}}  {state:<7}  {counts}  {r.seconds:>4.1f}")
    failed = [r for r in results if not r.ok]
    lines.append(f"{len(results) - len(failed)}/{len(results)} trang web đã tạo trong {out}/.")
    for r in failed:
        lines.append(f"\n{r.name}: không tạo được trang web, trang cũ (nếu có) giữ nguyên.\n"
                     f"{r.message}")
    return "\n".join(lines)
