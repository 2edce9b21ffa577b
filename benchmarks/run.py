"""The province-scale benchmark: our build against plain MkDocs + Material, side by side.

    .venv/bin/python benchmarks/run.py                       # 2,000 procedures x 4 languages
    .venv/bin/python benchmarks/run.py --procedures 200      # a quick run
    .venv/bin/python benchmarks/run.py --procedures 20 --languages 2 --skip-serve

Measures, from the national records (see province_catalog.py): our full build (`thutuc
build`, wall time and peak memory of its process), the reference build of the same content,
the time until `thutuc serve` shows an edit to one YAML file, and, when their modules exist,
page weight, the language switch, search cost and QR speed. Prints a table and the ratios
against the targets of issue 16. Wall time on a shared machine depends on its load: the CPU
time beside it does much less.
"""

from __future__ import annotations

import argparse
import importlib
import os
import platform
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run as a script: make `benchmarks` and `generator` importable
    sys.path.insert(0, str(ROOT))

from benchmarks.province_catalog import LANGUAGES, national_folder, write_project  # noqa: E402
from benchmarks.reference import write_reference  # noqa: E402

PYTHON = sys.executable
THUTUC = [PYTHON, "-m", "generator"]


def timed_process(command: list[str], cwd: Path) -> tuple[float, float, float]:
    """Run `command`; return (wall seconds, CPU seconds, peak resident memory in MB).

    CPU time is shown beside wall time because a shared machine slows wall time down.

    `os.wait4` gives the resource usage of this one child (RUSAGE_CHILDREN would mix runs).
    """
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, env=env,  # noqa: S603 - our own commands
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    assert process.stderr is not None
    errors = process.stderr.read()
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{errors.decode(errors='replace')}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024  # maxrss is in KB


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _page(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310 - local server
            return str(response.read().decode("utf-8"))
    except OSError:
        return ""


def _cpu_seconds(pid: int) -> float:
    """CPU time used so far by a running process (Linux /proc)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _wait_for(url: str, text: str, timeout: float) -> float:
    start = time.perf_counter()
    while time.perf_counter() - start < timeout:
        if text in _page(url):
            return time.perf_counter() - start
        time.sleep(0.1)
    raise SystemExit(f"{url} did not show {text!r} within {timeout:.0f} s")


def serve_rebuild(project: Path, procedure: dict[str, Any],
                  timeout: float) -> tuple[float, float, float]:
    """Seconds until `thutuc serve` first serves, until an edit is served, and the CPU
    seconds the server spent on that edit."""
    port = _free_port()
    url = f"http://127.0.0.1:{port}/thu-tuc/{procedure['id']}/"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    server = subprocess.Popen([*THUTUC, "serve", "-a", f"127.0.0.1:{port}"],  # noqa: S603
                              cwd=project,
                              env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                              start_new_session=True)
    try:
        first = _wait_for(url, "<h1", timeout)
        source = project / "procedures" / procedure["category"] / f"{procedure['id']}.yml"
        marker = "Bản sửa thử nghiệm 7"
        text = source.read_text("utf-8").replace(f"title: {procedure['title']}",
                                                 f"title: {procedure['title']} {marker}", 1)
        assert marker in text, "the title line of the edited procedure was not found"
        cpu = _cpu_seconds(server.pid)
        source.write_text(text, "utf-8")
        edit = _wait_for(url, marker, timeout)
        return first, edit, _cpu_seconds(server.pid) - cpu
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)


def optional_measure(module: str, *args: Any) -> Any:
    """`benchmarks.<module>.measure(*args)`, or None when another issue has not landed it."""
    try:
        measure = importlib.import_module(f"benchmarks.{module}").measure
    except (ImportError, AttributeError):
        print(f"  (benchmarks/{module}.py with measure() not present: skipped)")
        return None
    return measure(*args)


def _shown(value: Any) -> str:
    """A measurement from another module: numbers by name (`total_kb 79.1, ...`) or as is."""
    if isinstance(value, dict):
        return ", ".join(f"{key} {number}" for key, number in value.items())
    return str(value)


def machine() -> str:
    cpu = next((line.split(":", 1)[1].strip() for line in
                Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor())
    ram = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return (f"{os.cpu_count()} CPUs (nproc), {cpu}, {ram:.1f} GB RAM, "
            f"Python {platform.python_version()}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--procedures", type=int, default=2000)
    parser.add_argument("--languages", type=int, default=4, choices=range(1, len(LANGUAGES) + 1),
                        help="languages including Vietnamese (default: 4)")
    parser.add_argument("--skip-serve", action="store_true", help="skip the serve measurement")
    parser.add_argument("--serve-timeout", type=float, default=900)
    parser.add_argument("--work-dir", type=Path, help="keep the projects here (default: temp)")
    args = parser.parse_args(argv)

    work = args.work_dir or Path(tempfile.mkdtemp(prefix="thutuc-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    project, reference = work / "project", work / "reference"
    print(f"Machine: {machine()}")
    print(f"Writing {args.procedures} procedures x {args.languages} languages into {work} ...")
    procedures = write_project(project, args.procedures, args.languages, national_folder())
    categories = {c["id"]: c["name"] for c in yaml.safe_load(
        (project / "procedures" / "categories.yml").read_text("utf-8"))}
    write_reference(reference, procedures, LANGUAGES[:args.languages], categories)

    rows: list[tuple[str, str]] = []
    ours_s, ours_cpu, ours_mb = timed_process([*THUTUC, "build", "-d", str(work / "site")],
                                              project)
    pages = sum(1 for _ in (work / "site").rglob("*.html"))
    # A second build of the same catalog: what a province's regular rebuild costs, with the
    # QR codes from the first build's cache (.cache/thutuc/qr/ in the project).
    warm_s, warm_cpu, warm_mb = timed_process([*THUTUC, "build", "-d", str(work / "site")],
                                              project)
    ref_s, ref_cpu, ref_mb = timed_process([PYTHON, "-m", "benchmarks.reference",
                                            str(reference)], ROOT)
    rows += [("pages built (HTML files)", f"{pages}"),
             ("thutuc build: wall time", f"{ours_s:.1f} s"),
             ("thutuc build: CPU time", f"{ours_cpu:.1f} s"),
             ("thutuc build: peak memory", f"{ours_mb:.0f} MB"),
             ("thutuc build again (QR codes cached): wall time", f"{warm_s:.1f} s"),
             ("thutuc build again (QR codes cached): CPU time", f"{warm_cpu:.1f} s"),
             ("thutuc build again (QR codes cached): peak memory", f"{warm_mb:.0f} MB"),
             ("plain MkDocs + Material: wall time", f"{ref_s:.1f} s"),
             ("plain MkDocs + Material: CPU time", f"{ref_cpu:.1f} s"),
             ("plain MkDocs + Material: peak memory", f"{ref_mb:.0f} MB"),
             ("ratio wall time, first build (ours / plain; target <= 0.8)",
              f"{ours_s / ref_s:.2f}"),
             ("ratio CPU time, first build (ours / plain)", f"{ours_cpu / ref_cpu:.2f}"),
             ("ratio wall time, build again (ours / plain; target <= 0.5)",
              f"{warm_s / ref_s:.2f}"),
             ("ratio CPU time, build again (ours / plain)", f"{warm_cpu / ref_cpu:.2f}"),
             ("peak memory, largest process (target < 1024 MB)", f"{max(ours_mb, warm_mb):.0f} MB"),
             ("ratio peak memory (ours / plain)", f"{ours_mb / ref_mb:.2f}")]
    if not args.skip_serve:
        _print(rows)  # the builds' numbers, whatever happens to the serve measurement
        try:
            first, edit, edit_cpu = serve_rebuild(project, procedures[0], args.serve_timeout)
        except SystemExit as stopped:  # the server was too slow: say so in the table
            rows.append(("thutuc serve: not measured", str(stopped)))
        else:
            rows += [("thutuc serve: first page served", f"{first:.1f} s"),
                     ("thutuc serve: edit of one YAML file shown (target <= 1 s)",
                      f"{edit:.2f} s"),
                     ("thutuc serve: CPU time spent on that edit", f"{edit_cpu:.1f} s")]
    for name, module, args_ in (("phone, first procedure page", "page_weight", (work / "site",)),
                                ("phone, switching the page's language (target <= 20 KB)",
                                 "language_switch", (work / "site",)),
                                ("phone, one search", "search_cost", (work / "site",)),
                                ("QR generation per code", "qr_speed", (50,))):
        value = optional_measure(module, *args_)
        if value is not None:
            rows.append((name, _shown(value)))

    _print(rows)
    print(f"\nreference and project kept in {work}")
    return 0


def _print(rows: list[tuple[str, str]]) -> None:
    width = max(len(name) for name, _ in rows)
    print(f"\n{'measure'.ljust(width)}  value", flush=True)
    for name, value in rows:
        print(f"{name.ljust(width)}  {value}", flush=True)


if __name__ == "__main__":
    sys.exit(main())
