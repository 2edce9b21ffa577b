"""Faults around a whole build: where it writes, who else writes, and how it is stopped.

Read-only and full output disks, a mount point as the output folder, two builds into one
folder, kill -9 and SIGTERM at several moments, umask 077, a symlink loop, a name too long.
Each case names what the person sees; none may leave a traceback, a half-built site or a
staging copy behind.
"""

from __future__ import annotations

import os
import signal
import stat
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

from generator.cli.main import main as cli
from generator.publish.atomic import build_lock, temporary_folder
from generator.urls import SITE_ROOT_NAMES
from tests.bad_catalogs.base import Case
from tests.faults.disks import ROOT, fill, remount_read_only, thutuc, tmpfs
from tests.test_build_safety import tree


def project(root: Path) -> Path:
    return Case("base", {}, []).write(root / "project")


def stray(folder: Path) -> list[str]:
    """Staging, old and lock files of builds in `folder`."""
    return sorted(name for name in os.listdir(folder)
                  if ".building-" in name or ".old-" in name or name.endswith(".lock"))


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, dict[str, str]]:
    """The base project and a site built from it (copied by tests that change it)."""
    root = tmp_path_factory.mktemp("built")
    config = project(root)
    assert cli(["build", "-f", str(config), "-d", str(root / "site")]) == 0
    return config, root / "site", tree(root / "site")


def test_read_only_output_disk_says_so(tmp_path: Path) -> None:
    config = project(tmp_path)
    with tmpfs(tmp_path / "disk", 256) as disk:
        remount_read_only(disk)
        done = thutuc("build", "-f", str(config), "-d", str(disk / "site"))
    assert done.returncode == 1
    assert "ổ đĩa chỉ cho phép đọc" in done.stderr and "Cách sửa:" in done.stderr
    assert "Traceback" not in done.stderr


def test_full_output_disk_keeps_the_old_site(tmp_path: Path) -> None:
    config = project(tmp_path)
    with tmpfs(tmp_path / "disk", 65536) as disk:
        assert thutuc("build", "-f", str(config), "-d", str(disk / "site")).returncode == 0
        before = tree(disk / "site")
        fill(disk, leave_bytes=64 * 1024)
        done = thutuc("build", "-f", str(config), "-d", str(disk / "site"))
        assert tree(disk / "site") == before
        assert stray(disk) == []
    assert done.returncode == 1
    assert "ổ đĩa đã đầy" in done.stderr and "Traceback" not in done.stderr


def test_output_folder_that_is_a_mount_point_is_swapped_inside(tmp_path: Path) -> None:
    config = project(tmp_path)
    with tmpfs(tmp_path / "site", 65536) as site:
        (site / "cu.html").write_text("trang cũ", encoding="utf-8")
        first = thutuc("build", "-f", str(config), "-d", str(site))
        assert first.returncode == 0, first.stderr
        assert (site / "index.html").is_file() and not (site / "cu.html").exists()
        again = thutuc("build", "-f", str(config), "-d", str(site))
        assert again.returncode == 0, again.stderr
        assert stray(site) == [] and stray(site.parent) == []
        assert os.path.ismount(site)


def test_second_build_into_the_same_folder_is_refused(tmp_path: Path,
                                                      capsys: pytest.CaptureFixture[str]
                                                      ) -> None:
    config = project(tmp_path)
    site = tmp_path / "site"
    with build_lock(site):
        assert cli(["build", "-f", str(config), "-d", str(site)]) == 1
    message = capsys.readouterr().err
    assert f"Một lần tạo trang web khác (tiến trình {os.getpid()}) đang ghi vào {site}" in message
    assert not site.exists()
    assert cli(["build", "-f", str(config), "-d", str(site)]) == 0  # the lock is gone
    assert stray(tmp_path) == []


def test_two_concurrent_builds_leave_one_whole_site(tmp_path: Path) -> None:
    config = project(tmp_path)
    site = tmp_path / "site"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(ROOT)}
    runs = [subprocess.Popen([sys.executable, "-m", "generator", "build", "-f", str(config),
                              "-d", str(site)], stderr=subprocess.PIPE, text=True, env=env)
            for _ in range(2)]
    results = [(run.wait(timeout=300), run.stderr.read() if run.stderr else "") for run in runs]
    assert sorted(code for code, _ in results) in ([0, 0], [0, 1])
    for code, err in results:
        assert "Traceback" not in err
        if code == 1:
            assert "Một lần tạo trang web khác" in err
    assert (site / "index.html").is_file() and stray(tmp_path) == []


def start_build(config: Path, site: Path) -> subprocess.Popen[str]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(ROOT)}
    return subprocess.Popen([sys.executable, "-m", "generator", "build", "-f", str(config),
                             "-d", str(site)], stderr=subprocess.PIPE, stdout=subprocess.PIPE,
                            text=True, env=env)


def wait_for_staging(parent: Path, run: subprocess.Popen[str], seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and run.poll() is None:
        if any(".building-" in name for name in os.listdir(parent)):
            return
        time.sleep(0.05)


@pytest.mark.parametrize("delay", [0.0, 0.5, 2.0], ids=["at-staging", "early", "later"])
def test_sigterm_cleans_up_like_ctrl_c(built: tuple[Path, Path, dict[str, str]],
                                       tmp_path: Path, delay: float) -> None:
    config, site_built, before = built
    site = tmp_path / "site"
    os.system(f"cp -a {site_built} {site}")  # noqa: S605 - a test copying its own files
    run = start_build(config, site)
    wait_for_staging(tmp_path, run)
    time.sleep(delay)
    run.send_signal(signal.SIGTERM)
    code = run.wait(timeout=120)
    err = run.stderr.read() if run.stderr else ""
    assert code in (143, 0), err  # 0: the build had already finished
    assert "Traceback" not in err
    assert stray(tmp_path) == []
    assert tree(site) == before  # the same catalog: old or new, the same bytes


def test_kill_9_leftovers_are_removed_by_the_next_build(built: tuple[Path, Path, dict[str, str]],
                                                        tmp_path: Path) -> None:
    config, _, before = built
    site = tmp_path / "site"
    run = start_build(config, site)
    wait_for_staging(tmp_path, run)
    run.kill()
    run.wait(timeout=60)
    assert any(".building-" in name for name in os.listdir(tmp_path)) or site.exists()
    assert cli(["build", "-f", str(config), "-d", str(site)]) == 0
    assert stray(tmp_path) == []
    assert tree(site) == before


def test_theme_folders_of_killed_builds_are_removed() -> None:
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True).stdout.strip()
    left = Path(tempfile.mkdtemp(prefix=f"thutuc-theme-{dead}-"))
    mine = temporary_folder("thutuc-theme-")
    assert not left.exists() and mine.is_dir()


def test_built_files_are_readable_whatever_the_umask(tmp_path: Path) -> None:
    config = project(tmp_path)
    previous = os.umask(0o077)
    try:
        assert cli(["build", "-f", str(config), "-d", str(tmp_path / "site")]) == 0
    finally:
        os.umask(previous)
    modes = {stat.S_IMODE(p.stat().st_mode) for p in (tmp_path / "site").rglob("*")
             if p.is_file()}
    folders = {stat.S_IMODE(p.stat().st_mode) for p in (tmp_path / "site").rglob("*")
               if p.is_dir()} | {stat.S_IMODE((tmp_path / "site").stat().st_mode)}
    assert modes == {0o644} and folders == {0o755}


def test_symlink_loop_in_docs_is_a_message(tmp_path: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    config = project(tmp_path)
    (config.parent / "docs" / "vong").symlink_to(config.parent / "docs" / "vong")
    code = cli(["build", "-f", str(config), "-d", str(tmp_path / "site")])
    err = capsys.readouterr().err
    assert code == 1 and "Traceback" not in err
    assert "vong" in err and "Cách sửa:" in err
    assert stray(tmp_path) == []


def test_output_name_too_long_is_a_message(tmp_path: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    config = project(tmp_path)
    code = cli(["build", "-f", str(config), "-d", str(tmp_path / ("s" * 300))])
    err = capsys.readouterr().err
    assert code == 1
    assert "tên tệp hoặc đường dẫn quá dài" in err and "Traceback" not in err


def test_output_path_through_a_file_is_a_message(tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    config = project(tmp_path)
    (tmp_path / "tep").write_text("x", encoding="utf-8")
    code = cli(["build", "-f", str(config), "-d", str(tmp_path / "tep" / "site")])
    err = capsys.readouterr().err
    assert code == 1
    assert "một phần của đường dẫn là tệp chứ không phải thư mục" in err


def test_site_root_names_are_all_reserved_from_language_codes(
        built: tuple[Path, Path, dict[str, str]]) -> None:
    """A language code may take no name the site uses at its root (`urls.SITE_ROOT_NAMES`):
    this build's root holds nothing else besides the languages and hand-written pages."""
    config, site, _ = built
    docs = {p.stem for p in (config.parent / "docs").iterdir() if not p.name.startswith(".")}
    assert set(os.listdir(site)) - {"en"} - docs <= SITE_ROOT_NAMES
