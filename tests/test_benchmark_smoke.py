"""The benchmark runs end to end on a tiny catalog (numbers are not checked: tests don't time)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml

from generator.load.catalog import load_catalog
from tests.conftest import ROOT

# A hang guard, not a time limit: the benchmark is stopped only when none of its processes
# has run on a CPU for this long. A loaded machine gives them less CPU, never none for
# minutes; a deadlock (a worker waiting for a pipe nobody writes) gives them none.
IDLE_LIMIT = 300  # seconds without any CPU time in the whole process tree
POLL = 5  # seconds between two looks at the process tree


def _cpu_ticks(root: int) -> dict[int, int]:
    """CPU time so far (clock ticks, user + system) of `root` and every process below it."""
    stats: dict[int, tuple[int, int]] = {}  # pid: (parent, ticks)
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                # The command name (field 2) may hold spaces: the fields after it are split.
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue  # ended meanwhile
            stats[int(entry.name)] = (int(fields[1]), int(fields[11]) + int(fields[12]))
    tree, found = {root}, True
    while found:
        below = {pid for pid, (parent, _) in stats.items() if parent in tree} - tree
        tree |= below
        found = bool(below)
    return {pid: stats[pid][1] for pid in tree if pid in stats}


def run_unless_stuck(command: list[str], log: Path, idle_limit: float = IDLE_LIMIT,
                     poll: float = POLL, **options: object) -> subprocess.CompletedProcess[str]:
    """`subprocess.run(command)`, stopped (and failed) only if its processes stop running.
    Its output goes to files under `log` (a full pipe would stop it)."""
    out_path, err_path = log.with_suffix(".out"), log.with_suffix(".err")
    with out_path.open("w") as out, err_path.open("w") as err, subprocess.Popen(
            command, stdout=out, stderr=err, start_new_session=True,
            **options) as process:  # type: ignore[call-overload]
        before, idle = _cpu_ticks(process.pid), 0.0
        while process.poll() is None:
            time.sleep(poll)
            now = _cpu_ticks(process.pid)
            # New processes, or any of them on a CPU since the last look: it is working.
            working = any(ticks > before.get(pid, -1) for pid, ticks in now.items())
            idle, before = (0.0 if working else idle + poll), now
            if idle >= idle_limit:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()
                raise AssertionError(f"{command[0]} has not run for {idle_limit} s: stuck\n"
                                     + err_path.read_text())
    return subprocess.CompletedProcess(command, process.returncode, out_path.read_text(),
                                       err_path.read_text())


def test_benchmark_runs_on_a_tiny_catalog(tmp_path: Path) -> None:
    result = run_unless_stuck(
        [sys.executable, str(ROOT / "benchmarks" / "run.py"), "--procedures", "20",
         "--languages", "2", "--skip-serve", "--work-dir", str(tmp_path)],
        tmp_path / "benchmark", cwd=tmp_path, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    assert result.returncode == 0, result.stderr
    for row in ("thutuc build: wall time", "plain MkDocs + Material: wall time",
                "ratio wall time, first build (ours / plain; target <= 0.8)"):
        assert row in result.stdout
    # 20 procedures x 2 languages on both sides, and the pseudo-translations are drafts.
    assert len(list((tmp_path / "site" / "thu-tuc").glob("*/index.html"))) == 20
    assert len(list((tmp_path / "reference" / "en" / "site" / "thu-tuc").glob("*/"))) == 20
    catalog = load_catalog(tmp_path / "project" / "procedures", tmp_path / "project")
    assert {overlay.status for overlay in catalog.overlays} == {"draft"}
    overlay = yaml.safe_load(next((tmp_path / "project").rglob("*.en.yml")).read_text("utf-8"))
    assert overlay["translator"] == "benchmark pseudo-translation"
    assert overlay["title"].startswith("[PSEUDO-en] ")


def test_the_guard_stops_only_what_does_not_run(tmp_path: Path) -> None:
    # Busy for longer than the idle limit, in a child process: finishes.
    busy = run_unless_stuck(
        [sys.executable, "-c", "import subprocess, sys\nsubprocess.run([sys.executable, '-c', "
         "'import time\\nend = time.process_time() + 8\\nwhile time.process_time() < end: "
         "pass'])"], tmp_path / "busy", idle_limit=4, poll=0.5)
    assert busy.returncode == 0, busy.stderr
    # Waiting on nothing, as a deadlock does: stopped (`sleep` alone would end with 0).
    with pytest.raises(AssertionError, match="stuck"):
        run_unless_stuck(["sleep", "600"], tmp_path / "stuck", idle_limit=1, poll=0.2)
