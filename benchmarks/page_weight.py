"""What a phone downloads for a first view of a procedure page, gzip-compressed and not.

A local web server compresses every response with gzip (level 6, as nginx and Apache do by
default), or not at all (`--raw`: many commune servers and `python3 -m http.server` do not),
and counts the bytes it sends; headless Chromium in a phone viewport, with an empty
cache, opens one procedure page and waits until the network is quiet (the search index, the
service worker and what it caches included). Every byte the phone received is counted, whoever
asked for it.

    python -m benchmarks.page_weight SITE_DIR [PAGE] [--raw]

PAGE is a path in the site (default: the first procedure page, `thu-tuc/<id>/`).
"""

from __future__ import annotations

import functools
import gzip
import hashlib
import http.server
import mimetypes
import socketserver
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import unquote, urlsplit

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
KINDS = {".html": "html", ".css": "css", ".js": "js", ".json": "json", ".svg": "image",
         ".png": "image", ".ico": "image", ".jpg": "image", ".webp": "image"}


class _GzipHandler(http.server.BaseHTTPRequestHandler):
    """Serves a folder like a web server with gzip on; records (path, bytes sent)."""

    def __init__(self, *args: object, root: Path, log: list[tuple[str, int]],
                 compress: bool = True, **kwargs: object) -> None:
        self.root, self.log, self.compress = root, log, compress
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]

    def do_GET(self) -> None:  # noqa: N802 - http.server's API
        path = unquote(urlsplit(self.path).path)
        file = (self.root / path.lstrip("/")).resolve()
        if file.is_dir():
            file = file / "index.html"
        if not file.is_file() or self.root.resolve() not in file.parents:
            self.send_error(404)
            self.log.append((path, 0))
            return
        body = file.read_bytes()
        etag = '"' + hashlib.sha1(body).hexdigest() + '"'  # noqa: S324 - a cache tag, not security
        if self.headers.get("If-None-Match") == etag:
            self.send_response(304)
            self.end_headers()
            self.log.append((path, 0))
            return
        gzipped = self.compress and "gzip" in self.headers.get("Accept-Encoding", "")
        if gzipped:
            body = gzip.compress(body, compresslevel=6, mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", mimetypes.guess_type(file.name)[0] or "text/html")
        if gzipped:
            self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("ETag", etag)
        self.send_header("Cache-Control", "no-cache")  # revalidate: never a stale page
        self.end_headers()
        try:
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            return  # the browser went on to the next page before this file arrived
        self.log.append((path, len(body)))

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - stdlib name
        pass


@contextmanager
def gzip_server(site_dir: Path, log: list[tuple[str, int]],
                compress: bool = True) -> Iterator[str]:
    """A local web server for `site_dir` that gzips (unless not `compress`) and logs
    (path, bytes sent) in `log`."""
    with serving(functools.partial(_GzipHandler, root=site_dir, log=log,
                                   compress=compress)) as base:
        yield base


@contextmanager
def serving(handler: Callable[..., socketserver.BaseRequestHandler]) -> Iterator[str]:
    """Serve with `handler` on a free local port, in a thread; yields the base address."""
    server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def first_procedure_page(site_dir: Path) -> str:
    """The first procedure page of the source language, as a path in the site."""
    pages = sorted((site_dir / "thu-tuc").glob("*/index.html"))
    if pages:
        return f"thu-tuc/{pages[0].parent.name}/"
    return f"thu-tuc/{sorted((site_dir / 'thu-tuc').glob('*.html'))[0].name}"


def _kind(path: str) -> str:
    suffix = Path(path).suffix
    return KINDS.get(suffix, "html" if path.endswith("/") or not suffix else "other")


def measure(site_dir: Path, page: str | None = None, compress: bool = True) -> dict[str, float]:
    """KB (1,000 bytes) received for a first view of `page`, by kind and in total, from a
    server that gzips (or not, `compress=False`)."""
    from playwright.sync_api import sync_playwright

    log: list[tuple[str, int]] = []
    with gzip_server(site_dir, log, compress) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        context = browser.new_context(viewport={"width": 360, "height": 740},
                                      is_mobile=True, has_touch=True)
        tab = context.new_page()
        tab.goto(base + (page or first_procedure_page(site_dir)), wait_until="networkidle")
        tab.wait_for_timeout(1500)  # the service worker caches the page's files after load
        browser.close()
    result: dict[str, float] = {"requests": float(len(log))}
    for path, size in log:
        key = f"{_kind(path)}_kb"
        result[key] = result.get(key, 0.0) + size / 1000
    result["total_kb"] = sum(size for _, size in log) / 1000
    return {key: round(value, 1) for key, value in sorted(result.items())}


def main(argv: list[str]) -> int:
    if not argv:
        print(__doc__, file=sys.stderr)
        return 2
    raw = "--raw" in argv
    args = [arg for arg in argv if arg != "--raw"]
    site_dir = Path(args[0])
    page = args[1] if len(args) > 1 else first_procedure_page(site_dir)
    numbers = measure(site_dir, page, compress=not raw)
    print(f"First view of {page} ({'uncompressed' if raw else 'gzip'}, KB = 1,000 bytes):")
    for key, value in numbers.items():
        print(f"  {key:10} {value:>8}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
