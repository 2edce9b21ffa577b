"""Shared fixtures: build sites from test projects, serve them, look at them in Chromium."""

from __future__ import annotations

import functools
import http.server
import shutil
import socketserver
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from generator.mkdocs.project import build_atomically

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
NATIONAL = ROOT.parent / "shared" / "national"  # the national records, beside the repository
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run",
                 "--disable-quic"]


# Test modules whose tests build whole sites, import every national record, or run LibreOffice
# or the Nu checker: seconds to minutes each. `pytest -m "not browser and not site"` leaves
# them out (the inner loop: unit and golden tests); CI runs everything.
WHOLE_SITE_MODULES = {
    "test_addresses", "test_archive", "test_benchmark_smoke", "test_build_safety",
    "test_citizen_menu", "test_cli", "test_editor_tools", "test_import_national",
    "test_machine_voice", "test_multisite", "test_opendata", "test_outside_checkers",
    "test_page_extras", "test_pictograms", "test_posters", "test_qr_codes", "test_recordings",
    "test_review", "test_sample_site", "test_search_relevance", "test_templates",
    "test_translation_pages", "test_translator_files", "test_wayfinding", "test_yaml12",
    "test_search_browser", "test_yamlls", "test_builds", "test_cache", "test_writes",
}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark every test that opens Chromium (through the `browser` or `phone` fixture)
    `browser`, and every test of a whole-site module `site`."""
    for item in items:
        if {"browser", "phone"} & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.browser)
        if item.path.stem in WHOLE_SITE_MODULES or "_site" in " ".join(
                getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.site)


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
    """The small test catalog (tests/fixtures/mini), built once."""
    return build(FIXTURES / "mini", tmp_path_factory.mktemp("mini") / "site")


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
