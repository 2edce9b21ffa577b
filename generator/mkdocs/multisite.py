"""`thutuc build --all PROFILES/`: one site per commune profile, built in parallel.

The shared catalog is read and checked once, by the calling process; each commune is then
built in a process forked from it (MkDocs keeps state in module globals, so builds cannot
share one), which starts with that reading in memory (`CATALOG_MEMO`: no file is parsed
again) and the QR-code cache on disk; atomically into `OUT/<profile name>/`. A commune whose
profile or build fails is reported with its message; the others are built all the same.
`--shard K/N` builds every N-th profile from the K-th, so that N CI jobs share a province or
the whole country (docs/mau-trien-khai/).
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from generator.mkdocs.jobs import cores, run_pool
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


def shard(text: str) -> tuple[int, int]:
    """`K/N` (the K-th of N slices, from 1) as numbers; ValueError with a message if not."""
    k, _, n = text.partition("/")
    if not (k.isdigit() and n.isdigit() and 1 <= int(k) <= int(n)):
        raise ValueError(f"`{text}` không phải dạng K/N với 1 ≤ K ≤ N, ví dụ `--shard 2/8` "
                         "(phần thứ 2 trong 8 phần).")
    return int(k), int(n)


def shard_of(profiles: list[Path], part: tuple[int, int] | None) -> list[Path]:
    """The profiles of slice K of N: every N-th, from the K-th (communes of every size are
    spread over the slices, so slices take about as long)."""
    if part is None:
        return profiles
    k, n = part
    return profiles[k - 1::n]


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
        # One process per commune already keeps the cores busy: its languages go in turn.
        # No page cache: every commune's pages differ (its name, address), and thousands of
        # communes' would fill a disk.
        build_atomically(config_file, target, offline=offline, profile=profile, jobs=1,
                         page_cache=False)
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
              offline: bool = False, part: tuple[int, int] | None = None) -> list[CommuneBuild]:
    """Build every profile of `folder` (of slice `part`, K of N) into `out/<name>/`, `jobs` at
    a time (0: one per core); `offline`: the editions that open from disk."""
    profiles = shard_of(profiles_in(folder) if folder.is_dir() else [], part)
    if not profiles:
        raise ThutucError(f"Không có tệp hồ sơ đơn vị (.yml) nào trong {folder}"
                          + (f" thuộc phần {part[0]}/{part[1]}." if part else "."))
    outcomes = run_pool([(profile.stem, partial(build_commune, config_file.resolve(),
                                                profile.resolve(), (out / profile.stem).resolve(),
                                                offline))
                         for profile in profiles], jobs or cores())
    return [value if kind == "done" else CommuneBuild(name, False, f"lỗi không lường trước: "
                                                      f"{value}")
            for name, (kind, value) in outcomes.items()]


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
