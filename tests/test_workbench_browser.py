"""The recording workbench in headless Chromium with a fake microphone.

The take is Chromium's fake microphone (beeps): test data in a temporary project, never a
guide in any language.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from generator.cli.workbench import Workbench, make_server
from generator.load.audio import read_audio_info
from generator.mkdocs.project import load_project
from tests.conftest import CHROMIUM, CHROMIUM_ARGS, build
from tests.langproject import procedure, write_project

pytestmark = pytest.mark.browser
FOLDER = "procedures/ho-tich"
MEDIA_ARGS = ["--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream",
              "--autoplay-policy=no-user-gesture-required"]


@pytest.fixture(scope="module")
def media_browser(browser) -> Iterator[object]:
    """Chromium with a fake microphone that needs no permission prompt (started by the same
    Playwright as the session's browser: one Playwright per process)."""
    chromium = browser.browser_type.launch(executable_path=CHROMIUM,
                                           args=CHROMIUM_ARGS + MEDIA_ARGS)
    yield chromium
    chromium.close()


def start(project: Path, lang: str) -> tuple[str, Workbench, object]:
    bench = Workbench(load_project(project / "mkdocs.yml").site, project, lang)
    server = make_server(bench, "127.0.0.1", 0)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_port}/", bench, server


def test_a_take_is_recorded_kept_and_saved_under_its_name(tmp_path: Path, media_browser,
                                                          serve) -> None:
    project = write_project(tmp_path / "p", [("vi", "Tiếng Việt"), ("hre", "Hrê")],
                            [procedure("mot"), procedure("hai")], {})
    url, bench, server = start(project, "hre")
    try:
        page = media_browser.new_page()
        page.goto(url)
        part = page.locator('.part[data-id="mot"][data-section=""]')
        part.wait_for()
        assert part.get_attribute("data-state") == "missing"
        # The text to read: Hrê has no translation, so the Vietnamese text, marked as such.
        assert "Tóm tắt của mot. (tiếng Việt)" in part.locator(".script").inner_text()
        part.get_by_role("button", name="Ghi", exact=True).click()
        page.wait_for_timeout(2200)
        part.get_by_role("button", name="Dừng").click()
        part.get_by_role("button", name="Giữ bản này").click()
        saved = page.locator('.part[data-id="mot"][data-section=""]')
        saved.locator(".message").filter(has_text="Đã lưu mot.hre.webm").wait_for()
        assert saved.get_attribute("data-state") == "fresh"
        # The kept take plays in the page, from the workbench's server.
        assert saved.locator("audio.kept").get_attribute("preload") == "none"
    finally:
        server.shutdown()
        server.server_close()
    take = project / FOLDER / "mot.hre.webm"
    info = read_audio_info(take.read_bytes(), "webm")
    assert (info.codec, info.channels) == ("opus", 1)
    assert 1.5 < info.duration < 4
    stamp = (project / FOLDER / "mot.hre.webm.yml").read_text(encoding="utf-8")
    assert '"title": ' in stamp and '"documents[0].count": ' in stamp
    # The next build puts it on the Hrê page, where Chromium plays it to its end.
    site = load_project(project / "mkdocs.yml").site
    assert [(r.procedure_id, r.lang, r.section) for r in site.recordings] == [("mot", "hre", "")]
    page = media_browser.new_page()
    page.goto(serve(build(project, tmp_path / "site")) + "hre/thu-tuc/mot/")
    audio = page.locator("audio.tt-listen__audio")
    assert "/nghe/mot.hre." in str(audio.get_attribute("src"))
    assert audio.get_attribute("lang") is None  # the page's own language
    played = page.evaluate("""() => new Promise((done, fail) => {
      const audio = document.querySelector("audio.tt-listen__audio");
      audio.addEventListener("ended", () => done(audio.duration), {once: true});
      audio.addEventListener("error", () => fail(String(audio.error && audio.error.code)));
      audio.play().catch((error) => fail(String(error)));
    })""")
    assert played == pytest.approx(info.duration, abs=0.1)
