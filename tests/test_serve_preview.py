"""`thutuc serve` as an editor uses it: a saved procedure shows in the open browser tab by
itself, a broken save shows the problem there (file, line, fix), and fixing it brings the
page back, without restarting the server."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import FIXTURES, copy_project

PAGE = "xa-thu/thu-tuc/dang-ky-ket-hon/"
A_TO_Z = "xa-thu/tat-ca-thu-tuc/"
SOURCE = Path("procedures") / "ho-tich" / "dang-ky-ket-hon.yml"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture
def preview(tmp_path: Path) -> Iterator[tuple[Path, str]]:
    """A copy of the mini project served by `thutuc serve`; (project, base URL)."""
    project = copy_project(FIXTURES / "mini", tmp_path / "project")
    # A guide for staff: re-rendered pages must keep the footer's link to it.
    (project / "docs" / "bien-tap.md").write_text(
        "---\naudience: staff\n---\n# Biên tập\n\nCách sửa danh mục.\n", encoding="utf-8")
    port = _free_port()
    server = subprocess.Popen(  # noqa: S603 - our own command
        [sys.executable, "-m", "generator", "serve", "-a", f"127.0.0.1:{port}"], cwd=project,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"}, stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL, start_new_session=True)
    base = f"http://127.0.0.1:{port}/"
    try:
        deadline = time.monotonic() + 180
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(base + PAGE, timeout=5) as response:  # noqa: S310
                    if response.status == 200:
                        break
            except OSError:
                time.sleep(0.2)
        else:
            pytest.fail("thutuc serve did not serve the page within 3 minutes")
        yield project, base
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)


def test_a_save_shows_in_the_open_page_and_a_broken_save_shows_the_problem(
        preview: tuple[Path, str], browser) -> None:
    project, base = preview
    source = project / SOURCE
    text = source.read_text(encoding="utf-8")
    tab = browser.new_page()
    try:
        tab.goto(base + PAGE)
        heading = tab.locator("h1#tt-tieu-de")
        assert heading.inner_text() == "Đăng ký kết hôn"

        source.write_text(text.replace("title: Đăng ký kết hôn", "title: Đăng ký kết hôn mới", 1),
                          encoding="utf-8")
        # Live reload: the tab reloads by itself.
        tab.wait_for_function("document.querySelector('h1#tt-tieu-de')?.textContent"
                              " === 'Đăng ký kết hôn mới'", timeout=10_000)
        # The page is whole: its footer still links the staff guides; the A-Z list follows.
        assert tab.locator(".tt-footer-links a").inner_text() == "Dành cho cán bộ"
        tab.goto(base + A_TO_Z)
        assert tab.get_by_text("Đăng ký kết hôn mới").count() == 1
        tab.goto(base + PAGE)

        source.write_text(text.replace("title: Đăng ký kết hôn", "title: [Đăng ký kết hôn", 1),
                          encoding="utf-8")
        tab.wait_for_selector("h1.tt-preview-error", timeout=10_000)
        problem = tab.locator("li").first.inner_text()
        assert problem.startswith("procedures/ho-tich/dang-ky-ket-hon.yml:3 ")
        assert "Cách sửa:" in problem

        source.write_text(text, encoding="utf-8")
        tab.wait_for_selector("h1#tt-tieu-de", timeout=10_000)
        assert tab.locator("h1#tt-tieu-de").inner_text() == "Đăng ký kết hôn"
    finally:
        tab.close()
