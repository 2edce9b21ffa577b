"""The province-scale benchmark: our build against plain MkDocs + Material, side by side.

    .venv/bin/python benchmarks/run.py                       # 2,000 procedures x 4 languages
    .venv/bin/python benchmarks/run.py --procedures 200      # a quick run
    .venv/bin/python benchmarks/run.py --procedures 20 --languages 2 --skip-serve
    .venv/bin/python benchmarks/run.py --serve-only --project /tmp/big   # serve alone

Measures, from the national records (see province_catalog.py): our full build (`thutuc
build`, wall time and peak memory of its process), the reference build of the same content,
the time until `thutuc serve` serves and shows an edit to one YAML file (`--serve-only`:
that alone, on a project written before), and, when their modules exist,
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


def _retitled(path: Path, marker: str) -> str:
    """Append `marker` to the title of the catalog file `path`; its text before."""
    text = path.read_text("utf-8")
    data = yaml.safe_load(text)
    data["title"] = f"{data['title']} {marker}"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100),
                    "utf-8")
    return text


def _edit_shown(server: subprocess.Popen[bytes], path: Path, marker: str, url: str,
                timeout: float) -> tuple[float, float]:
    """Seconds until the edit of `path`'s title shows at `url`, and the CPU seconds the
    server process spent meanwhile (its workers' not counted)."""
    assert marker not in _page(url), f"{marker!r} is already on {url}"
    cpu = _cpu_seconds(server.pid)
    _retitled(path, marker)
    return _wait_for(url, marker, timeout), _cpu_seconds(server.pid) - cpu


def _tree_cpu(pid: int) -> float:
    """CPU seconds used so far by `pid` and the processes below it that are still running."""
    total = _cpu_seconds(pid)
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            children = (task / "children").read_text().split()
        except OSError:
            continue
        total += sum(_tree_cpu(int(child)) for child in children
                     if Path(f"/proc/{child}").exists())
    return total


def _settle(pid: int, timeout: float) -> float:
    """Wait until `pid` and its workers are idle (under 5 % of a core for a second), as an
    editor's save finds them when the last one is done; seconds waited."""
    start = time.perf_counter()
    before = _tree_cpu(pid)
    while time.perf_counter() - start < timeout:
        time.sleep(1)
        now = _tree_cpu(pid)
        if now - before < 0.05:
            break
        before = now
    return time.perf_counter() - start


def serve_rebuild(project: Path, timeout: float) -> list[tuple[str, str]]:
    """`thutuc serve` on `project` (a benchmark project, see province_catalog.py): until it
    first serves, until every language is served, and how long three edits take to show: one
    right away (the other languages may still be building), one once all are built and the
    server and its workers idle, and one of a translation on its own page, once idle again.
    The catalog's files are put back afterwards."""
    config = yaml.safe_load((project / "mkdocs.yml").read_text("utf-8"))
    codes = [language["code"] for language in config["plugins"][0]["thutuc"]["languages"]]
    source = next(path for path in sorted((project / "procedures").glob("*/*.yml"))
                  if "." not in path.stem)
    procedure_id = yaml.safe_load(source.read_text("utf-8"))["id"]
    url = "http://127.0.0.1:{port}/{prefix}thu-tuc/" + procedure_id + "/"
    edited = [source, *(source.with_name(f"{source.stem}.{code}.yml") for code in codes[1:2])]
    texts = {path: path.read_text("utf-8") for path in edited}
    port = _free_port()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    server = subprocess.Popen([*THUTUC, "serve", "-a", f"127.0.0.1:{port}"],  # noqa: S603
                              cwd=project,
                              env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                              start_new_session=True)
    start = time.perf_counter()
    rows = []
    try:
        home = url.format(port=port, prefix="")
        first = _wait_for(home, "<h1", timeout)
        rows.append(("thutuc serve: first page served", f"{first:.1f} s"))
        run = time.strftime("%H%M%S")  # the page must not show a marker before its edit
        edit, cpu = _edit_shown(server, source, f"Bản sửa {run} A", home, timeout)
        rows += [("thutuc serve: edit of one YAML file shown, right after (target <= 1 s)",
                  f"{edit:.2f} s"),
                 ("thutuc serve: CPU time of the server process on that edit", f"{cpu:.2f} s")]
        for code in codes[1:]:
            _wait_for(url.format(port=port, prefix=f"{code}/"), "<h1", timeout)
        rows.append(("thutuc serve: every language served",
                     f"{time.perf_counter() - start:.1f} s"))
        _settle(server.pid, timeout)
        edit, cpu = _edit_shown(server, source, f"Bản sửa {run} B", home, timeout)
        rows += [("thutuc serve: edit shown, every language built and idle (target <= 1 s)",
                  f"{edit:.2f} s"),
                 ("thutuc serve: CPU time of the server process on that edit", f"{cpu:.2f} s")]
        if len(edited) > 1:
            translated = url.format(port=port, prefix=f"{codes[1]}/")
            _page(translated)  # the language being previewed: the one its worker renders
            _settle(server.pid, timeout)
            edit, cpu = _edit_shown(server, edited[1], f"Edit {run} C", translated, timeout)
            rows += [(f"thutuc serve: edit of a translation shown on its page ({codes[1]}, "
                      "rendered by its worker)", f"{edit:.2f} s"),
                     ("thutuc serve: CPU time of the server process on that edit",
                      f"{cpu:.2f} s")]
    finally:
        rows.append(("thutuc serve: stopped after SIGTERM (site folder removed)",
                     f"{_stop(server):.1f} s"))
        for path, text in texts.items():
            path.write_text(text, "utf-8")
    return rows


def _stop(server: subprocess.Popen[bytes]) -> float:
    """SIGTERM to the server's process group; seconds until it has ended (SIGKILL after
    two minutes)."""
    start = time.perf_counter()
    os.killpg(server.pid, signal.SIGTERM)
    try:
        server.wait(timeout=120)
    except subprocess.TimeoutExpired:
        os.killpg(server.pid, signal.SIGKILL)
        server.wait()
    return time.perf_counter() - start


def serve_measures(project: Path, timeout: float) -> list[tuple[str, str]]:
    """`serve_rebuild`'s rows, or one that says why the server could not be measured."""
    try:
        return serve_rebuild(project, timeout)
    except SystemExit as stopped:  # the server was too slow: say so in the table
        return [("thutuc serve: not measured", str(stopped))]


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
    parser.add_argument("--serve-only", action="store_true",
                        help="measure only `thutuc serve`, on the project of an earlier run")
    parser.add_argument("--project", type=Path,
                        help="with --serve-only: that project (default: WORK_DIR/project)")
    parser.add_argument("--serve-timeout", type=float, default=900)
    parser.add_argument("--work-dir", type=Path, help="keep the projects here (default: temp)")
    args = parser.parse_args(argv)
    if args.serve_only:
        return serve_only(args.project or (args.work_dir or Path()) / "project",
                          args.serve_timeout)

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
        rows += serve_measures(project, args.serve_timeout)
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


def serve_only(project: Path, timeout: float) -> int:
    """`--serve-only`: the serve measurements alone, on an existing benchmark project."""
    if not (project / "mkdocs.yml").is_file():
        raise SystemExit(f"no benchmark project in {project}: write one with "
                         "`python -m benchmarks.province_catalog DIR 2000 4`, or run this "
                         "benchmark once with --work-dir")
    print(f"Machine: {machine()}")
    print(f"Serving {project} (load average before: {_load()}) ...")
    rows = serve_measures(project, timeout)
    rows.append(("load average after (1, 5, 15 min)", _load()))
    _print(rows)
    return 0


def _load() -> str:
    return " ".join(Path("/proc/loadavg").read_text().split()[:3])


def _print(rows: list[tuple[str, str]]) -> None:
    width = max(len(name) for name, _ in rows)
    print(f"\n{'measure'.ljust(width)}  value", flush=True)
    for name, value in rows:
        print(f"{name.ljust(width)}  {value}", flush=True)


if __name__ == "__main__":
    sys.exit(main())
