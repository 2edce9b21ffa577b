"""`thutuc serve` as an editor uses it: a saved procedure shows in the open browser tab by
itself, a broken save shows the problem there (file, line, fix), and fixing it brings the
page back, without restarting the server; the languages built by workers follow edits too,
and SIGTERM stops the server and its workers."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path
from types import SimpleNamespace

import pytest

from generator.mkdocs.preview import Preview, WorkerLanguages
from tests.conftest import FIXTURES, copy_project

PAGE = "xa-thu/thu-tuc/dang-ky-ket-hon/"
A_TO_Z = "xa-thu/tat-ca-thu-tuc/"
SOURCE = Path("procedures") / "ho-tich" / "dang-ky-ket-hon.yml"
TRANSLATION = Path("procedures") / "ho-tich" / "dang-ky-khai-sinh.en.yml"
WAIT = 30  # seconds: generous for a loaded machine; an edit takes well under one


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _page(url: str) -> str:
    """The page at `url` ("" while it cannot be had: a language still being built is 503)."""
    try:
        with urllib.request.urlopen(url, timeout=WAIT) as response:  # noqa: S310 - ours
            return str(response.read().decode("utf-8"))
    except OSError:
        return ""


def _wait_for(url: str, text: str) -> None:
    deadline = time.monotonic() + WAIT
    while text not in _page(url):
        if time.monotonic() > deadline:
            pytest.fail(f"{url} did not show {text!r} within {WAIT} s")
        time.sleep(0.1)


def _serve(project: Path, stderr: int = subprocess.DEVNULL) -> tuple[subprocess.Popen[bytes], str]:
    """`thutuc serve` on a free port, once it serves `PAGE`; (server, base URL)."""
    port = _free_port()
    server = subprocess.Popen(  # noqa: S603 - our own command
        [sys.executable, "-m", "generator", "serve", "-a", f"127.0.0.1:{port}"], cwd=project,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"}, stdout=subprocess.DEVNULL,
        stderr=stderr, start_new_session=True)
    base = f"http://127.0.0.1:{port}/"
    deadline = time.monotonic() + 180
    while "<h1" not in _page(base + PAGE):
        if time.monotonic() > deadline:
            os.killpg(server.pid, signal.SIGKILL)
            pytest.fail("thutuc serve did not serve the page within 3 minutes")
        time.sleep(0.2)
    return server, base


@pytest.fixture
def preview(tmp_path: Path) -> Iterator[tuple[Path, str]]:
    """A copy of the mini project served by `thutuc serve`; (project, base URL)."""
    project = copy_project(FIXTURES / "mini", tmp_path / "project")
    # A guide for staff: re-rendered pages must keep the footer's link to it.
    (project / "docs" / "bien-tap.md").write_text(
        "---\naudience: staff\n---\n# Biên tập\n\nCách sửa danh mục.\n", encoding="utf-8")
    server, base = _serve(project)
    try:
        yield project, base
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)


def _replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_the_languages_built_by_workers_follow_an_edit(preview: tuple[Path, str]) -> None:
    project, base = preview
    # The English page first: the language being previewed is one a worker renders.
    english = base + "xa-thu/en/thu-tuc/dang-ky-khai-sinh/"
    _wait_for(english, "Birth registration")
    _replace(project / TRANSLATION, "title: Birth registration", "title: Birth registration 2")
    _wait_for(english, "Birth registration 2")
    # Back to Vietnamese: an edit of the source shows there and in the Êđê worker's pages
    # (no translation: they show the Vietnamese), once that language is built (until then,
    # its pages say it is being prepared: "" here), even if it was still building.
    _wait_for(base + PAGE, "Đăng ký kết hôn")
    _replace(project / SOURCE, "title: Đăng ký kết hôn", "title: Đăng ký kết hôn mới")
    _wait_for(base + PAGE, "Đăng ký kết hôn mới")
    _wait_for(base + "xa-thu/rad/thu-tuc/dang-ky-ket-hon/", "Đăng ký kết hôn mới")
    assert "Birth registration 2" in _page(base + "xa-thu/en/tat-ca-thu-tuc/")


def _descendants(pid: int) -> set[int]:
    """The processes started by `pid`, and theirs (Linux /proc)."""
    found: set[int] = set()
    for task in Path(f"/proc/{pid}/task").glob("*"):
        children = (task / "children").read_text().split() if task.exists() else []
        for child in map(int, children):
            found |= {child, *_descendants(child)}
    return found


def _alive(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def test_sigterm_stops_the_server_and_its_workers(tmp_path: Path) -> None:
    project = copy_project(FIXTURES / "mini", tmp_path / "project")
    server, base = _serve(project, stderr=subprocess.PIPE)
    try:
        workers = _descendants(server.pid)
        assert workers, "the other languages are built by workers"
        # As `timeout` does: the server, then its whole process group (the server again,
        # while it is stopping its serving thread, which polls every 0.25 s).
        server.send_signal(signal.SIGTERM)
        time.sleep(0.1)
        os.killpg(server.pid, signal.SIGTERM)
        _, errors = server.communicate(timeout=30)
    finally:
        if server.poll() is None:
            os.killpg(server.pid, signal.SIGKILL)
    assert server.returncode == 0
    assert b"Traceback" not in errors, errors.decode()
    deadline = time.monotonic() + 10
    while any(map(_alive, workers)) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not [pid for pid in workers if _alive(pid)], "a worker outlived the server"


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


class _Asked:
    """Stands in for the workers' jobs: what the preview asks them; with `answer`, each
    request is answered at once."""

    def __init__(self, answer: Callable[[str], None] | None = None) -> None:
        self.asked: list[tuple[str, object]] = []
        self.answer = answer

    def ask(self, name: str, request: object) -> bool:
        self.asked.append((name, request))
        if self.answer is not None:
            self.answer(name)
        return True

    def cancel(self) -> None:
        pass


def _languages(codes: list[str], answering: bool = False) -> WorkerLanguages:
    remote = WorkerLanguages(1, codes, threading.Condition(threading.RLock()))
    remote.jobs.cancel()
    answer = (lambda name: remote.heard(name, "answer", 0)) if answering else None
    remote.jobs = _Asked(answer)  # type: ignore[assignment]
    return remote


def test_an_edit_made_while_a_language_builds_is_rendered_once_it_is_ready() -> None:
    remote = _languages(["en"])
    remote.tell("en")  # still building: from the catalog as it was before the edit
    assert remote.jobs.asked == []  # type: ignore[attr-defined]
    remote.heard("en", "ready", "search/manifest.abc.js")
    assert remote.jobs.asked == [("en", ("update", None))]  # type: ignore[attr-defined]
    assert not remote.caught_up("en")
    remote.heard("en", "answer", 3)
    assert remote.caught_up("en")


def test_a_language_not_built_yet_is_a_page_that_reloads_itself() -> None:
    preview = Preview()
    preview.server = SimpleNamespace(mount_path="/xa-thu/", _visible_epoch=0,
                                     _inject_js_into_html=lambda page, epoch: page)
    preview.plugin = SimpleNamespace(site=SimpleNamespace(
        profile=SimpleNamespace(source_language="vi")))
    preview.remote = _languages(["en"], answering=True)
    answered: list[str] = []
    page = b"".join(preview._app(lambda environ, start: [b"built"],
                                 {"PATH_INFO": "/xa-thu/en/thu-tuc/x/"},
                                 lambda status, headers: answered.append(status)))
    assert answered == ["503 Service Unavailable"]
    assert b'<meta http-equiv="refresh"' in page and b"tt-preview-wait" in page
    preview.remote.heard("en", "ready", "search/manifest.abc.js")
    assert b"".join(preview._app(lambda environ, start: [b"built"],
                                 {"PATH_INFO": "/xa-thu/en/thu-tuc/x/"},
                                 lambda status, headers: None)) == b"built"
    # Its worker was asked for that page first (it renders it if an edit touched it).
    assert preview.remote.jobs.asked == [("en", ("page", "thu-tuc/x/"))]  # type: ignore[attr-defined]
