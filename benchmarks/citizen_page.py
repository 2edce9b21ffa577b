"""The citizen's page as outside tools and a cheap phone see it (issue 15's measures).

    python -m benchmarks.citizen_page SITE_DIR [--pages N] [--nu-pages N] [--no-lighthouse]

For a built site, prints:
- the first view of a procedure page in KB, gzip and uncompressed (benchmarks/page_weight.py);
- where the documents list, the address, the duration, the fee and the result start on a
  360x740 phone screen (y in CSS pixels from the top of the page, the banner included);
- the Nu Html Checker's errors (on every page, or on N procedure pages and every other
  page with --nu-pages N) and schema.org type errors of the JSON-LD blocks (tests/checkers);
- Lighthouse 12.2.3's mobile scores for the home page and two procedure pages, served with
  gzip (benchmarks/lighthouse: `npm ci` there first; Debian's Chromium).

Scores and positions vary a little between runs on a shared machine: Lighthouse simulates a
slow phone from the timings it measures here.
"""

from __future__ import annotations

import argparse
import json
import os
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


def lighthouse_scores(site_dir: Path, paths: list[str]) -> dict[str, dict[str, float]]:
    """Lighthouse's mobile category scores (0-100) of each page, served with gzip."""
    log: list[tuple[str, int]] = []
    scores = {}
    env = {**os.environ, "CHROME_PATH": CHROMIUM}
    with gzip_server(site_dir, log) as base, tempfile.TemporaryDirectory() as folder:
        for path in paths:
            report = Path(folder) / "report.json"
            subprocess.run(  # noqa: S603 - the pinned Lighthouse of benchmarks/lighthouse
                [str(LIGHTHOUSE), base + path, "--quiet", "--form-factor=mobile",
                 "--output=json", f"--output-path={report}",
                 "--chrome-flags=--headless --no-sandbox --disable-gpu"],
                env=env, check=True, timeout=600, capture_output=True)
            categories = json.loads(report.read_text(encoding="utf-8"))["categories"]
            scores[path] = {name: round(100 * (c["score"] or 0)) for name, c in categories.items()}
    return scores


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("site", type=Path)
    parser.add_argument("--pages", type=int, default=5, help="procedure pages to place (5)")
    parser.add_argument("--nu-pages", type=int, default=0,
                        help="check only this many procedure pages with vnu (0: all pages)")
    parser.add_argument("--no-lighthouse", action="store_true")
    args = parser.parse_args(argv)
    site: Path = args.site
    procedures = procedure_pages(site)
    print(f"Site: {site} ({len(html_files(site))} HTML files, "
          f"{len(procedures)} procedure pages in the source language)")

    for compress in (True, False):
        weight = measure(site, procedures[0], compress=compress)
        print(f"first view of {procedures[0]} ({'gzip' if compress else 'uncompressed'}): "
              f"{weight['total_kb']} KB ({', '.join(f'{k} {v}' for k, v in weight.items())})")

    step = max(1, len(procedures) // args.pages)
    placed = phone_positions(site, procedures[::step][:args.pages])
    print(f"y on a 360x740 screen (CSS px; first screen = {FIRST_SCREEN}):")
    for path, found in placed.items():
        late = [name for name, y in found.items() if not 0 <= y < FIRST_SCREEN]
        print(f"  {path}: " + ", ".join(f"{k} {v:.0f}" for k, v in found.items())
              + (f"  (below the first screen: {', '.join(late)})" if late else ""))

    why = missing_tools()
    if why:
        print(f"outside checkers skipped: {why}")
    else:
        files = html_files(site)
        if args.nu_pages:
            chosen = {site / p / "index.html" for p in procedures[::step][:args.nu_pages]}
            files = [f for f in files if "thu-tuc" not in f.parts or f in chosen]
        errors = nu_errors(site, files)
        print(f"Nu Html Checker: {len(errors)} errors on {len(files)} pages")
        for error in errors[:10]:
            print(f"  {error}")
        blocks = jsonld_blocks(site, files)
        wrong = schema_errors(blocks)
        print(f"schema.org (schema-dts): {len(wrong)} type errors in {len(blocks)} JSON-LD blocks")
        for error in wrong[:10]:
            print(f"  {error}")

    if args.no_lighthouse:
        return 0
    if not LIGHTHOUSE.exists():
        print("Lighthouse skipped: run `npm ci` in benchmarks/lighthouse")
        return 0
    pages = ["", *procedures[:1], *procedures[len(procedures) // 2:][:1]]
    print("Lighthouse 12.2.3, mobile (performance, accessibility, best practices, SEO):")
    for path, scores in lighthouse_scores(site, pages).items():
        print(f"  /{path}: " + ", ".join(f"{k} {v}" for k, v in scores.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
