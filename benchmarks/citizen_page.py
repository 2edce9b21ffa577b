"""The citizen's page as outside tools and a cheap phone see it (issue 15's measures).

    python -m benchmarks.citizen_page SITE_DIR [SITE_DIR ...] [--pages N] [--runs N]
    python -m benchmarks.citizen_page --sample --procedures 2000 --languages 4
    python -m benchmarks.citizen_page --national --pages 0 --no-lighthouse

Builds the repository's sample (`--sample`), the 588 real records of ../shared/national
imported as an editor would (`--national`: a catalog nobody wrote the pages for), and a
benchmark catalog of N national-like procedures x L languages (`--procedures N --languages L`,
benchmarks/province_catalog.py), or takes built sites, and prints for each, side by side:
- the first view of a procedure page in KB, gzip and uncompressed, and the HTML page's part
  (benchmarks/page_weight.py);
- where what to bring, the office's address, the duration and the fee start on a 360x740
  phone screen (y in CSS pixels from the top of the page, the banner included; the largest of
  --pages procedure pages, 0 for all, with how many start below 900 px or have none);
- the Nu Html Checker's errors (every page; on a large site --nu-pages procedure and notice
  pages and every other page) and schema.org type errors of the JSON-LD (tests/checkers);
- Lighthouse 12.2.3's mobile scores (performance, accessibility, best practices, SEO) and total
  blocking time of the home page and two procedure pages, served with gzip, the median of
  --runs runs (benchmarks/lighthouse: `npm ci` there first; Debian's Chromium).

Lighthouse simulates a slow phone from the timings it measures on this machine: on a loaded
machine, blocking time and the performance score get worse. The load (`uptime`) is printed
before and after.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run as a script: make `benchmarks` and `tests` importable
    sys.path.insert(0, str(ROOT))

from benchmarks.page_weight import (  # noqa: E402
    CHROMIUM,
    CHROMIUM_ARGS,
    gzip_server,
    measure,
)
from benchmarks.province_catalog import national_folder, write_project  # noqa: E402
from tests.outside_checkers import (  # noqa: E402
    html_files,
    jsonld_blocks,
    missing_tools,
    nu_errors,
    schema_errors,
)

LIGHTHOUSE = Path(__file__).parent / "lighthouse" / "node_modules" / ".bin" / "lighthouse"
# What the first screen must answer, by the element that starts it (issue 15: within 900 px).
# The answer box's rows first; on pages built before it, the sections below.
ANSWERS = {"documents": ".tt-bring, #ho-so", "address": ".tt-facts__address, .tt-where",
           "duration": ".tt-facts__duration, #thoi-gian", "fee": ".tt-facts__fees, #le-phi",
           "result": ".tt-facts__result, #ket-qua"}
FIRST_SCREEN = 900  # CSS pixels of a 360x740 phone, scrolling a little included


def procedure_pages(site_dir: Path) -> list[str]:
    """The source language's procedure pages, as paths in the site."""
    found = sorted((site_dir / "thu-tuc").glob("*/index.html"))
    return [f"thu-tuc/{page.parent.name}/" for page in found]


def positions(page: Any) -> dict[str, float]:
    """Where each answer (ANSWERS) starts on the open page: y of its first element, in CSS
    pixels from the top of the page; -1 when the page has none."""
    found: dict[str, float] = {}
    for name, selector in ANSWERS.items():
        found[name] = float(page.evaluate(
            """(selector) => { const el = document.querySelector(selector);
                return el ? el.getBoundingClientRect().top + window.scrollY : -1; }""",
            selector))
    return found


def phone_positions(site_dir: Path, paths: list[str]) -> dict[str, dict[str, float]]:
    """`positions` of each page in a 360x740 phone viewport."""
    from playwright.sync_api import sync_playwright

    log: list[tuple[str, int]] = []
    result = {}
    with gzip_server(site_dir, log) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        context = browser.new_context(viewport={"width": 360, "height": 740}, is_mobile=True,
                                      has_touch=True, service_workers="block")
        tab = context.new_page()
        for path in paths:
            tab.goto(base + path, wait_until="load")
            result[path] = positions(tab)
        browser.close()
    return result


def lighthouse(site_dir: Path, paths: list[str], runs: int) -> dict[str, list[dict[str, float]]]:
    """Lighthouse's mobile category scores (0-100) and total blocking time (ms) of each page,
    served with gzip, `runs` times each."""
    log: list[tuple[str, int]] = []
    found: dict[str, list[dict[str, float]]] = {path: [] for path in paths}
    env = {**os.environ, "CHROME_PATH": CHROMIUM}
    with gzip_server(site_dir, log) as base, tempfile.TemporaryDirectory() as folder:
        for _ in range(runs):
            for path in paths:
                report = Path(folder) / "report.json"
                subprocess.run(  # noqa: S603 - the pinned Lighthouse of benchmarks/lighthouse
                    [str(LIGHTHOUSE), base + path, "--quiet", "--form-factor=mobile",
                     "--output=json", f"--output-path={report}",
                     "--chrome-flags=--headless --no-sandbox --disable-gpu"],
                    env=env, check=True, timeout=600, capture_output=True)
                result = json.loads(report.read_text(encoding="utf-8"))
                scores: dict[str, float] = {name: round(100 * (c["score"] or 0))
                          for name, c in result["categories"].items()}
                scores["tbt"] = round(result["audits"]["total-blocking-time"]["numericValue"])
                found[path].append(scores)
    return found


def median_scores(runs: list[dict[str, float]]) -> dict[str, float]:
    """The median of each score over runs."""
    return {key: statistics.median(run[key] for run in runs) for key in runs[0]}


def load() -> str:
    """The machine's load averages (1, 5, 15 minutes) and its number of CPUs."""
    one, five, fifteen = os.getloadavg()
    return f"load average {one:.2f}, {five:.2f}, {fifteen:.2f} on {os.cpu_count()} CPUs"


def checked_files(site_dir: Path, nu_pages: int) -> list[Path]:
    """The pages to check: all, or with `nu_pages`, that many procedure pages and printed
    notices (spread over the catalog) and every other page."""
    files = html_files(site_dir)
    if not nu_pages:
        return files
    many = [f for f in files if {"thu-tuc", "niem-yet"} & set(f.relative_to(site_dir).parts)]
    step = max(1, len(many) // nu_pages)
    chosen = set(many[::step][:nu_pages])
    return [f for f in files if f in chosen or f not in many]


def measure_site(site_dir: Path, args: argparse.Namespace) -> tuple[dict[str, str], list[str]]:
    """(row -> value, notes) of one built site."""
    rows: dict[str, str] = {}
    notes: list[str] = []
    procedures = procedure_pages(site_dir)
    rows["HTML files / procedure pages (vi)"] = (
        f"{len(html_files(site_dir)):,} / {len(procedures):,}")
    for compress, name in ((True, "gzip"), (False, "raw")):
        weight = measure(site_dir, procedures[0], compress=compress)
        rows[f"first view KB, {name} (HTML page)"] = (
            f"{weight['total_kb']} ({weight.get('html_kb', 0)})")
        notes.append(f"first view of {procedures[0]}, {name}: "
                     + ", ".join(f"{k} {v}" for k, v in weight.items()))
    count = args.pages or len(procedures)
    step = max(1, len(procedures) // count)
    placed = phone_positions(site_dir, procedures[::step][:count])
    rows["procedure pages placed at 360x740"] = f"{len(placed):,}"
    for answer in ("documents", "address", "duration", "fee"):
        ys = [found[answer] for found in placed.values()]
        shown = [y for y in ys if y >= 0]
        late = sum(1 for y in shown if y >= FIRST_SCREEN)
        rows[f"y of {answer} (largest)"] = ", ".join(
            [f"{max(shown, default=-1):.0f}",
             *([f"{late} below {FIRST_SCREEN}"] if late else []),
             *([f"none on {len(ys) - len(shown)}"] if len(shown) < len(ys) else [])])
    for path, found in list(placed.items())[:10]:
        notes.append(f"y at 360x740 of {path}: "
                     + ", ".join(f"{k} {v:.0f}" for k, v in found.items()))

    why = missing_tools()
    if why:
        rows["Nu Html Checker errors"] = rows["schema.org type errors"] = "skipped"
        notes.append(f"outside checkers skipped: {why}")
    else:
        files = checked_files(site_dir, args.nu_pages if len(procedures) > 100 else 0)
        errors = nu_errors(site_dir, files)
        rows["Nu Html Checker errors"] = f"{len(errors)} in {len(files):,} pages"
        notes += [f"Nu: {error}" for error in errors[:10]]
        blocks = jsonld_blocks(site_dir, files)
        wrong = schema_errors(blocks)
        rows["schema.org type errors"] = f"{len(wrong)} in {len(blocks):,} blocks"
        notes += [f"schema.org: {error}" for error in wrong[:10]]

    if args.no_lighthouse or not LIGHTHOUSE.exists():
        if not args.no_lighthouse:
            notes.append("Lighthouse skipped: run `npm ci` in benchmarks/lighthouse")
        return rows, notes
    pages = ["", *procedures[:1], *procedures[len(procedures) // 2:][:1]]
    for label, (path, runs) in zip(("home", "procedure 1", "procedure 2"),
                                   lighthouse(site_dir, pages, args.runs).items(), strict=False):
        middle = median_scores(runs)
        rows[f"Lighthouse {label}: perf a11y bp seo (TBT ms)"] = (
            f"{middle['performance']:.0f} {middle['accessibility']:.0f} "
            f"{middle['best-practices']:.0f} {middle['seo']:.0f} ({middle['tbt']:.0f})")
        notes.append(f"Lighthouse /{path}, {len(runs)} runs: " + "; ".join(
            " ".join(f"{value:.0f}" for value in run.values()) for run in runs))
    return rows, notes


def national_project(project: Path) -> Path:
    """A project of the real commune-level records (../shared/national), imported as an
    editor would, in Vietnamese, for a commune with an address."""
    (project / "docs").mkdir(parents=True)
    (project / "mkdocs.yml").write_text(
        "site_name: Xã Mẫu (hồ sơ thật)\nsite_url: https://xa-mau.example.org/\n"
        "theme: {name: material, language: vi, font: false}\nplugins:\n  - thutuc:\n"
        "      profile: {name: UBND xã Mẫu, example: true, phone: 0123 456 789,\n"
        "                address: 'Thôn 1, xã Mẫu, huyện Mẫu, tỉnh Mẫu'}\n", encoding="utf-8")
    subprocess.run(  # noqa: S603 - our own command
        [sys.executable, "-m", "generator", "import", "national", str(national_folder()), "-o",
         str(project / "procedures")], cwd=project, check=True, capture_output=True)
    return project


def build_sites(args: argparse.Namespace, work: Path) -> list[Path]:
    """Build the sites `--sample`, `--national` and `--procedures` ask for into `work`."""
    projects = []
    if args.sample:
        projects.append((ROOT, work / "sample"))
    if args.national:
        projects.append((national_project(work / "national"), work / "national-588"))
    if args.procedures:
        project = work / f"catalog-{args.procedures}x{args.languages}"
        write_project(project, args.procedures, args.languages)
        projects.append((project, work / f"site-{args.procedures}x{args.languages}"))
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    for project, site in projects:
        print(f"building {site.name} ...", flush=True)
        subprocess.run(  # noqa: S603 - our own command
            [sys.executable, "-m", "generator", "build", "-f", str(project / "mkdocs.yml"),
             "-d", str(site)], cwd=project, env=env, check=True, capture_output=True)
    return [site for _, site in projects]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("sites", type=Path, nargs="*", help="built sites")
    parser.add_argument("--sample", action="store_true", help="build the repository's sample")
    parser.add_argument("--procedures", type=int, default=0,
                        help="build a benchmark catalog of this many procedures")
    parser.add_argument("--languages", type=int, default=4, help="its languages (4)")
    parser.add_argument("--national", action="store_true",
                        help="import and build the 588 real records of ../shared/national")
    parser.add_argument("--pages", type=int, default=5,
                        help="procedure pages to place on the phone screen (5; 0: all)")
    parser.add_argument("--runs", type=int, default=3, help="Lighthouse runs of each page (3)")
    parser.add_argument("--nu-pages", type=int, default=40,
                        help="on a site of more than 100 procedures, check this many procedure "
                             "and notice pages with vnu, and every other page (40)")
    parser.add_argument("--no-lighthouse", action="store_true")
    args = parser.parse_args(argv)
    print(f"before: {load()}")
    with tempfile.TemporaryDirectory(prefix="thutuc-citizen-") as work:
        sites = [*args.sites, *build_sites(args, Path(work))]
        if not sites:
            parser.error("give built sites, --sample, --national or --procedures N")
        table: dict[str, dict[str, str]] = {}
        for site in sites:
            rows, notes = measure_site(site, args)
            for row, value in rows.items():
                table.setdefault(row, {})[site.name] = value
            print(f"\n{site}:")
            for note in notes:
                print(f"  {note}")
    names = [site.name for site in sites]
    width = max(len(row) for row in table)
    columns = [max(len(name), *(len(table[row].get(name, "")) for row in table)) for name in names]
    print()
    widths = list(zip(names, columns, strict=True))
    for row, values in {" ": dict(zip(names, names, strict=True)), **table}.items():
        print(" | ".join([row.ljust(width), *(values.get(n, "").ljust(c) for n, c in widths)]))
    print(f"after: {load()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
