"""What a phone downloads when it switches a procedure page to another language.

    .venv/bin/python -m benchmarks.language_switch site/

Opens the first procedure page in Vietnamese in headless Chromium, behind a local server
with the deployment guide's settings (gzip; hashed theme files cached for a year, the rest
revalidated), then follows the language switcher to the English twin (or the next language)
and counts the bytes received for it. With one set of theme assets at the site root, that
is the page alone. `measure()` returns the numbers for `benchmarks/run.py`.
"""

from __future__ import annotations

import functools
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit

from benchmarks.page_weight import (
    CHROMIUM,
    CHROMIUM_ARGS,
    _GzipHandler,
    first_procedure_page,
    serving,
)
from generator.urls import HASHED_FILE


class _DeployedHandler(_GzipHandler):
    """The gzip server with the deployment guide's cache headers (docs/mau-trien-khai/):
    files whose names carry a content hash are cached for a year, the rest revalidated."""

    def send_header(self, keyword: str, value: str) -> None:
        if keyword == "Cache-Control" and HASHED_FILE.match(urlsplit(self.path).path[1:]):
            value = "public, max-age=31536000, immutable"
        super().send_header(keyword, value)


@contextmanager
def deployed_server(site_dir: Path, log: list[tuple[str, int]]) -> Iterator[str]:
    """A local server for `site_dir` like the deployment guide's nginx; logs (path, bytes)."""
    with serving(functools.partial(_DeployedHandler, root=site_dir, log=log)) as base:
        yield base


def measure(site_dir: Path) -> dict[str, float]:
    """KB (1,000 bytes, gzip) and requests for the switch, and how many of those requests
    were for files the first page had not loaded (the new page itself is one)."""
    from playwright.sync_api import sync_playwright

    log: list[tuple[str, int]] = []
    page = first_procedure_page(site_dir)
    with deployed_server(site_dir, log) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            context = browser.new_context(viewport={"width": 360, "height": 740},
                                          is_mobile=True, has_touch=True)
            tab = context.new_page()
            tab.goto(base + page, wait_until="networkidle")
            tab.wait_for_timeout(1500)  # the service worker caches the page's files after load
            first = {path for path, _ in log}
            link = tab.locator(".md-select__link").nth(1).get_attribute("href") or ""
            log.clear()
            tab.goto(base + page + link, wait_until="networkidle")
            tab.wait_for_timeout(1500)
        finally:
            browser.close()
    new = [path for path, _ in log if path not in first]
    return {"switch_kb": round(sum(size for _, size in log) / 1000, 1),
            "switch_requests": float(len(log)), "switch_new_files": float(len(new))}


def main(argv: list[str]) -> int:
    site = Path(argv[0]) if argv else Path("site")
    for key, value in measure(site).items():
        print(f"{key:18} {value:8.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
