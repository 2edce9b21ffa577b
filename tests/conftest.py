"""Shared fixtures: build sites from test projects, serve them, look at them in Chromium."""

from __future__ import annotations

import functools
import http.server
import shutil
import socketserver
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from generator.mkdocs.project import build_atomically

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
NATIONAL = ROOT.parent / "shared" / "national"  # the national records, beside the repository
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run",
                 "--disable-quic"]


# The fast loop, `pytest -m "not browser and not site"`: unit and golden tests, and tests that
# read the session's mini site (built once, in a few seconds). A test is `site` when it builds
# any other site, imports every national record, or runs LibreOffice, the Nu checker or the
# command in a subprocess: seconds to minutes each. That is the test's own
# `@pytest.mark.site`, a fixture of its named `..._site` (but `mini_site`), or its module's name
# here when most of its tests are. A fast-loop test that builds another site fails (see
# `_refuse_unmarked_builds`), so the marker cannot fall behind. CI runs everything.
WHOLE_SITE_MODULES = {
    "test_addresses", "test_archive", "test_benchmark_smoke", "test_build_safety",
    "test_citizen_menu", "test_cli", "test_import_national", "test_machine_voice",
    "test_multisite", "test_outside_checkers", "test_sample_site", "test_search_relevance",
    "test_serve_preview", "test_translation_pages", "test_translator_files", "test_wayfinding",
    "test_yaml12", "test_search_browser", "test_yamlls", "test_builds", "test_cache",
    "test_writes",
}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark every test that opens Chromium (through the `browser` or `phone` fixture)
    `browser`, and `site` every test of a whole-site module or using a built site other than
    the mini site (a fixture named `..._site`)."""
    for item in items:
        if {"browser", "phone"} & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.browser)
        built = {name for name in getattr(item, "fixturenames", ()) if name.endswith("_site")}
        if item.path.stem in WHOLE_SITE_MODULES or built - {"mini_site"}:
            item.add_marker(pytest.mark.site)


# The test being run, while it is in the fast loop (marked neither `site` nor `browser`; see
# `_refuse_unmarked_builds`), and whether the session's mini site is being built for it.
_UNMARKED: list[str] = []
_SHARED_BUILD: list[bool] = []


@pytest.hookimpl(wrapper=True)
def pytest_runtest_protocol(item: pytest.Item, nextitem: pytest.Item | None) -> object:
    """Run a test knowing whether it may build a site (its fixtures' set-up included)."""
    if not any(item.get_closest_marker(name) for name in ("site", "browser")):
        _UNMARKED.append(item.nodeid)
    try:
        return (yield)
    finally:
        _UNMARKED.clear()


def pytest_configure(config: pytest.Config) -> None:
    _refuse_unmarked_builds()


def _refuse_unmarked_builds() -> None:
    """Make the `site` marker honest: a fast-loop test that builds a site in this process
    (MkDocs, through the thutuc plugin), other than the session's mini site, fails at once, so
    the fast loop stays fast. `Failed` is not an `Exception`, so no build error handler can
    swallow it."""
    from generator.mkdocs.plugin import ThutucPlugin

    original = ThutucPlugin.on_config
    if getattr(original, "refuses_unmarked", False):
        return

    def on_config(self: ThutucPlugin, config: Any) -> Any:
        if _UNMARKED and not _SHARED_BUILD:
            pytest.fail(f"{_UNMARKED[0]} builds a whole site: mark it `site` (its module in "
                        "WHOLE_SITE_MODULES of tests/conftest.py, or @pytest.mark.site), so "
                        "that the fast loop leaves it out", pytrace=False)
        return original(self, config)

    on_config.refuses_unmarked = True  # type: ignore[attr-defined]
    ThutucPlugin.on_config = on_config  # type: ignore[method-assign]


def build(project: Path, out: Path, offline: bool = False) -> Path:
    """Build the site of `project` (a folder with mkdocs.yml) into `out` (`offline`: the
    offline edition)."""
    build_atomically(project / "mkdocs.yml", out, offline=offline)
    return out


def write_files(root: Path, files: dict[str, str | bytes]) -> None:
    """Write files under `root` (text as UTF-8, or bytes as they are), making folders."""
    for name, content in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")


def copy_project(source: Path, target: Path) -> Path:
    """A writable copy of a test project, to break or edit in a test."""
    shutil.copytree(source, target, ignore=shutil.ignore_patterns("site", ".venv"))
    return target


@pytest.fixture(scope="session")
def mini_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The small test catalog (tests/fixtures/mini), built once (in the fast loop too)."""
    _SHARED_BUILD.append(True)
    try:
        return build(FIXTURES / "mini", tmp_path_factory.mktemp("mini") / "site")
    finally:
        _SHARED_BUILD.clear()


def printing_project(target: Path) -> Path:
    """The mini project with tests/fixtures/printing on top, plus small procedures that fill
    `ho-tich` beyond one counter sheet page; and an alias on `dang-ky-khai-sinh`."""
    project = copy_project(FIXTURES / "mini", target)
    shutil.copytree(FIXTURES / "printing", project, dirs_exist_ok=True)
    khai_sinh = project / "procedures" / "ho-tich" / "dang-ky-khai-sinh.yml"
    khai_sinh.write_text(khai_sinh.read_text(encoding="utf-8") + "aliases: [khai-sinh]\n",
                         encoding="utf-8")
    for number in range(1, 6):
        (project / "procedures" / "ho-tich" / f"thu-tuc-mau-{number}.yml").write_text(
            f"id: thu-tuc-mau-{number}\ntitle: Thủ tục mẫu số {number}\ncategory: ho-tich\n"
            "summary: Thủ tục để thử trang niêm yết.\ndocuments: [Tờ khai]\n"
            "steps: [{title: Nộp hồ sơ}]\nduration: Trong ngày\nresult: Giấy xác nhận\n"
            "updated: 2026-08-01\n", encoding="utf-8")
    return project


@pytest.fixture(scope="session")
def printing_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """`printing_project`, built once (its project folder is the site's parent)."""
    project = printing_project(tmp_path_factory.mktemp("printing") / "project")
    return build(project, project / "site")


@pytest.fixture(scope="session")
def sample_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample commune of the repository, built once."""
    return build(ROOT, tmp_path_factory.mktemp("sample") / "site")


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - stdlib name
        pass


def lay_out_every_section(page: object) -> None:
    """Lay out the whole page at once, as a reader scrolling through it sees it section by
    section: thutuc.css leaves sections off the screen to be laid out when they come near
    (content-visibility), and the browser's text of a section not laid out yet is empty."""
    page.add_style_tag(content=".tt-section{content-visibility:visible!important}")  # type: ignore[attr-defined]


@pytest.fixture(scope="session")
def serve() -> Iterator[object]:
    """`serve(folder, prefix="/")` -> base URL of a local web server for a built site.

    With a prefix such as "/xa/ten-xa/", the site is served under that sub-path, as on a
    provincial portal.
    """
    servers: list[socketserver.TCPServer] = []

    def start(folder: Path, prefix: str = "/") -> str:
        root = folder
        if prefix != "/":
            root = folder.parent / f"{folder.name}-served"
            if not root.exists():
                mount = root / prefix.strip("/")
                mount.parent.mkdir(parents=True, exist_ok=True)
                mount.symlink_to(folder, target_is_directory=True)
        handler = functools.partial(_QuietHandler, directory=str(root))
        server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), handler)
        server.daemon_threads = True
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        return f"http://127.0.0.1:{server.server_address[1]}{prefix}"

    yield start
    for server in servers:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    """Headless Debian Chromium driven by Playwright (browsers cannot be downloaded here)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def phone(browser: object) -> Iterator[object]:
    """A page in a small-phone viewport; closed after the test."""
    context = browser.new_context(viewport={"width": 360, "height": 740},  # type: ignore[attr-defined]
                                  device_scale_factor=2, is_mobile=True, has_touch=True)
    page = context.new_page()
    yield page
    context.close()
