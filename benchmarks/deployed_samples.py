"""What a phone downloads from the deployment samples themselves: Debian's nginx and Apache
serving a built site under /xa-mau/ with docs/mau-trien-khai/nginx.conf and apache.htaccess.

    apt-get install nginx-light apache2      # once; neither is needed by the build or the tests
    .venv/bin/python -m benchmarks.deployed_samples site/

Headless Chromium in a phone viewport opens the first procedure page (a first view), its
twin in the next language (the language switch), then each of them again (pages read again);
after each, the KB (1,000 bytes) the server sent for it are read from the server's own access
log: compressed bodies, a "304 Not Modified" counts 0. `page_weight.py` and
`language_switch.py` measure the same with a small Python server that imitates the samples;
this checks the samples as a commune's server runs them (gzip, cache rules, revalidation).
"""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from benchmarks.page_weight import CHROMIUM, CHROMIUM_ARGS, first_procedure_page

SAMPLES = Path(__file__).resolve().parent.parent / "docs" / "mau-trien-khai"
MOUNT = "xa-mau"  # the samples' sub-path
STEPS = ("first view", "language switch", "page again", "its twin again")

NGINX = """daemon off;
pid {work}/nginx.pid;
error_log {work}/error.log;
events {{}}
http {{
  include /etc/nginx/mime.types;
  log_format sent '$status $body_bytes_sent';
  access_log {work}/sent.log sent;
  client_body_temp_path {work}/tmp;
  proxy_temp_path {work}/tmp;
  fastcgi_temp_path {work}/tmp;
  uwsgi_temp_path {work}/tmp;
  scgi_temp_path {work}/tmp;
  server {{
    listen 127.0.0.1:{port};
    include {work}/sample.conf;
  }}
}}
"""

# The sample .htaccess applies to the site's folder; here it is that folder's <Directory>.
APACHE = """ServerRoot {work}
PidFile {work}/httpd.pid
Listen 127.0.0.1:{port}
ServerName localhost
User www-data
Group www-data
{modules}
TypesConfig /etc/mime.types
ErrorLog {work}/error.log
LogFormat "%>s %B" sent
CustomLog {work}/sent.log sent
DocumentRoot {work}/www
<Directory {work}/www/{mount}>
  Options FollowSymLinks
  Require all granted
{htaccess}
</Directory>
"""
APACHE_MODULES = ("mpm_event", "authz_core", "mime", "filter", "deflate", "headers", "dir")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _nginx(work: Path, port: int) -> list[str]:
    sample = (SAMPLES / "nginx.conf").read_text(encoding="utf-8")
    (work / "sample.conf").write_text(
        sample.replace("root /var/www/thutuc;", f"root {work / 'www'};"), encoding="utf-8")
    (work / "tmp").mkdir()
    (work / "nginx.conf").write_text(NGINX.format(work=work, port=port), encoding="utf-8")
    return ["nginx", "-c", str(work / "nginx.conf")]


def _apache(work: Path, port: int) -> list[str]:
    modules = "\n".join(f"LoadModule {name}_module /usr/lib/apache2/modules/mod_{name}.so"
                        for name in APACHE_MODULES)
    htaccess = (SAMPLES / "apache.htaccess").read_text(encoding="utf-8")
    (work / "httpd.conf").write_text(APACHE.format(
        work=work, port=port, modules=modules, mount=MOUNT, htaccess=htaccess),
        encoding="utf-8")
    return ["apache2", "-X", "-f", str(work / "httpd.conf")]


SERVERS: dict[str, tuple[str, Callable[[Path, int], list[str]]]] = {
    "nginx (nginx.conf)": ("nginx", _nginx), "Apache (apache.htaccess)": ("apache2", _apache)}


@contextmanager
def _running(command: Callable[[Path, int], list[str]], site_dir: Path) -> Iterator[
        tuple[str, Path]]:
    """The server of `command` serving `site_dir` under /xa-mau/: (base address, its log)."""
    work = Path(tempfile.mkdtemp(prefix="thutuc-deployed-"))
    work.chmod(0o755)  # Apache's worker runs as www-data
    (work / "www").mkdir()
    (work / "www" / MOUNT).symlink_to(site_dir.resolve(), target_is_directory=True)
    port = _free_port()
    server = subprocess.Popen(command(work, port), stdout=subprocess.DEVNULL,  # noqa: S603 - nginx or apache2
                              stderr=subprocess.PIPE)
    try:
        for _ in range(100):
            if server.poll() is not None:
                raise SystemExit(f"{command.__name__}: {server.stderr.read().decode()}"
                                 if server.stderr else "the server stopped")
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.1).close()
                break
            except OSError:
                time.sleep(0.1)
        yield f"http://127.0.0.1:{port}/{MOUNT}/", work / "sent.log"
    finally:
        server.terminate()
        server.wait(timeout=10)
        shutil.rmtree(work, ignore_errors=True)


def _sent(log: Path) -> list[int]:
    """Body bytes of each response logged so far."""
    lines = log.read_text(encoding="utf-8").splitlines() if log.exists() else []
    return [int(size) if size.isdigit() else 0 for _, size in (line.split() for line in lines)]


def measure(site_dir: Path, command: Callable[[Path, int], list[str]]) -> dict[str, float]:
    """KB sent by the server for each of STEPS."""
    from playwright.sync_api import sync_playwright

    page = first_procedure_page(site_dir)
    result = {}
    with _running(command, site_dir) as (base, log), sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            tab = browser.new_context(viewport={"width": 360, "height": 740}, is_mobile=True,
                                      has_touch=True).new_page()
            tab.goto(base + page, wait_until="networkidle")
            twin = page + (tab.locator(".md-select__link").nth(1).get_attribute("href") or "")
            before = 0
            for step, address in zip(STEPS, ("", twin, page, twin), strict=True):
                if address:  # the first view is open already
                    tab.goto(base + address, wait_until="networkidle")
                tab.wait_for_timeout(2500)  # the worker saves the page's files after load
                sent = _sent(log)
                result[step] = round(sum(sent[before:]) / 1000, 1)
                before = len(sent)
        finally:
            browser.close()
    return result


def main(argv: list[str]) -> int:
    site = Path(argv[0]) if argv else Path("site")
    print(f"KB sent by the server (gzip), {first_procedure_page(site)} and its twin:")
    print(f"  {'server':26}" + "".join(f"{step:>17}" for step in STEPS))
    for name, (program, command) in SERVERS.items():
        if shutil.which(program) is None:
            print(f"  {name:26} not installed ({program})")
            continue
        numbers = measure(site, command)
        print(f"  {name:26}" + "".join(f"{numbers[step]:>17}" for step in STEPS))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
