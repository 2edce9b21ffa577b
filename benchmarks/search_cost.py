"""What search costs a phone, measured in headless Chromium over HTTP.

`measure(site_dir)` serves a built site with page_weight.py's gzip server (which counts the
bytes it sends), opens a procedure page in a 360x740 phone viewport with an empty cache, then
searches from the header's search box:

- `page_open_search_bytes`: bytes for search while a page opens (must be 0),
- `search_<name>_bytes` / `_requests`: one search (the query pasted in at once),
- `typed_<name>_bytes`: the same query typed letter by letter at phone speed (the words on
  the way are searched too),
- `search_<name>_first_is_expected`: 1.0 when the expected page came first.

    python -m benchmarks.search_cost SITE_DIR   # e.g. a 2,000 x 4 site, see province_catalog.py
    python -m benchmarks.search_cost site --queries  # the sample site: also the hit rate
"""

from __future__ import annotations

import argparse
import re
from itertools import groupby
from pathlib import Path
from typing import Any

from benchmarks.page_weight import CHROMIUM, CHROMIUM_ARGS, first_procedure_page, gzip_server
from benchmarks.search_queries import QUERIES

# (name, query, a pattern of the address that must come first: the sample's ids, or
# province_catalog.py's "thu-tuc-dang-ky-khai-sinh-1-001193-ban-2")
KHAI_SINH = r"/(thu-tuc-)?dang-k[iy]-khai-sinh(-[0-9][a-z0-9-]*)?/$"
COST_QUERIES = [("khai_sinh", "dang ky khai sinh", KHAI_SINH),
                ("code", "1.001193", KHAI_SINH),
                ("accented", "đăng kí kết hôn",
                 r"/(thu-tuc-)?dang-k[iy]-ket-hon(-[0-9][a-z0-9-]*)?/$")]
TYPING_DELAY = 250  # milliseconds between letters: a person typing on a phone
SEARCH_PATHS = ("/search/", "search_index")


def run_search(page: Any, query: str, typed: bool = False) -> list[str]:
    """Search from the header's search box of the open page, as a person does (open the box,
    then paste or type); the addresses of the results, best first."""
    box = page.locator(".md-search__input")
    opener = page.locator("label.md-header__button[for=__search]")
    if not page.evaluate("() => document.getElementById('__search').checked"):
        (opener if opener.is_visible() else box).click()  # the magnifier on phones
    box.fill("")
    page.evaluate("() => document.querySelector('.tt-search').removeAttribute('data-tt-shown')")
    if typed:
        box.press_sequentially(query, delay=TYPING_DELAY)
    else:
        box.fill(query)
    page.wait_for_function("q => document.querySelector('.tt-search')"
                           ".getAttribute('data-tt-shown') === q", arg=query)
    return [a.get_attribute("href") or "" for a in page.locator(".md-search-result__link").all()]


def suite_failures(page: Any, base: str) -> list[str]:
    """Run the query suite (search_queries.py) in `page` against the sample site at `base`;
    one line per query whose expected procedure did not come first."""
    failures = []
    for folder, queries in groupby(sorted(QUERIES, key=lambda q: q[0]), key=lambda q: q[0]):
        page.goto(f"{base}{folder}thu-tuc/dang-ky-tam-tru/")
        for _, query, expected in queries:
            links = run_search(page, query)
            first = page.evaluate("href => new URL(href, location.href).href",
                                  links[0]) if links else "(nothing)"
            if first != f"{base}{folder}thu-tuc/{expected}/":
                failures.append(f"{folder}{query!r}: {first} instead of {expected}")
    return failures


def _phone(browser: Any) -> Any:
    return browser.new_context(viewport={"width": 360, "height": 740}, is_mobile=True,
                               has_touch=True)


def hit_rate(site_dir: Path) -> float:
    """Share of the query suite whose procedure comes first (a build of the sample site)."""
    from playwright.sync_api import sync_playwright

    log: list[tuple[str, int]] = []
    with gzip_server(site_dir, log) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            failures = suite_failures(_phone(browser).new_page(), base)
        finally:
            browser.close()
    for failure in failures:
        print("miss:", failure)
    return 1 - len(failures) / len(QUERIES)


def _bytes(log: list[tuple[str, int]], start: int, search_only: bool) -> float:
    return float(sum(size for path, size in log[start:]
                     if not search_only or any(p in path for p in SEARCH_PATHS)))


def measure(site_dir: Path) -> dict[str, float]:
    """Bytes (gzip) and requests for search: on page open, and per search (see module doc)."""
    from playwright.sync_api import sync_playwright

    results: dict[str, float] = {"page_open_search_bytes": 0, "page_open_search_requests": 0}
    log: list[tuple[str, int]] = []
    page_path = first_procedure_page(site_dir)
    with gzip_server(site_dir, log) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            for typed in (False, True):
                for name, query, expected in COST_QUERIES:
                    context = _phone(browser)  # an empty cache for every search
                    page = context.new_page()
                    page.goto(base + page_path, wait_until="networkidle")
                    opened = [path for path, _ in log if any(p in path for p in SEARCH_PATHS)]
                    results["page_open_search_requests"] += len(opened)
                    results["page_open_search_bytes"] += _bytes(log, 0, search_only=True)
                    log.clear()
                    links = run_search(page, query, typed)
                    page.wait_for_load_state("networkidle")
                    key = f"{'typed' if typed else 'search'}_{name}"
                    results[f"{key}_bytes"] = _bytes(log, 0, search_only=False)
                    results[f"{key}_requests"] = float(len(log))
                    if not typed:
                        first = links[0] if links else ""
                        results[f"{key}_first_is_expected"] = float(bool(
                            re.search(expected, first)))
                    context.close()
                    log.clear()
        finally:
            browser.close()
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("site", type=Path, help="a built site folder")
    parser.add_argument("--queries", action="store_true",
                        help="also run the query suite (the site must be the sample's)")
    options = parser.parse_args()
    for key, value in measure(options.site).items():
        print(f"{key:40} {value:>10,.0f}")
    if options.queries:
        print(f"{'query_suite_hit_rate':40} {hit_rate(options.site):>10.2f}")


if __name__ == "__main__":
    main()
