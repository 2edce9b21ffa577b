"""The "Nghe" player in headless Chromium: first on the page, no audio bytes on first view,
plays with JavaScript on and off, and again without signal after one play.

The recording is a generated test tone (tests/fixtures/audio/tone.opus), never speech.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.conftest import build
from tests.langproject import procedure, write_project

pytestmark = pytest.mark.browser
AUDIO = Path(__file__).parent / "fixtures" / "audio"
PLAY = """() => new Promise((done, fail) => {
  const audio = document.querySelector("audio.tt-listen__audio");
  audio.addEventListener("ended", () => done(audio.duration), {once: true});
  audio.addEventListener("error", () => fail("error " + (audio.error && audio.error.code)));
  audio.play().catch((error) => fail(String(error)));
})"""


@pytest.fixture(scope="module")
def listen_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Vietnamese and English; `mot` has a Vietnamese recording, `hai` none."""
    root = tmp_path_factory.mktemp("listen")
    project = write_project(root / "p", [("vi", "Tiếng Việt"), ("en", "English")],
                            [procedure("mot"), procedure("hai")], {})
    shutil.copyfile(AUDIO / "tone.opus", project / "procedures/ho-tich/mot.vi.opus")
    return build(project, root / "site")


def test_the_player_comes_first_and_downloads_nothing_before_play(listen_site: Path, serve,
                                                                   browser) -> None:
    base = serve(listen_site)
    context = browser.new_context()
    page = context.new_page()
    audio_requests: list[str] = []
    page.on("request", lambda request: audio_requests.append(request.url)
            if "/nghe/" in request.url else None)
    page.goto(base + "thu-tuc/mot/")
    page.wait_for_load_state("networkidle")
    assert audio_requests == []
    # Right under the title, before the summary and everything else of the page.
    first = page.evaluate("""() => {
      const h1 = document.querySelector("article h1");
      return h1.nextElementSibling.className;
    }""")
    assert first == "tt-listen"
    assert page.locator(".tt-listen__label").inner_text() == "Nghe 0:02"
    assert page.locator("audio.tt-listen__audio").get_attribute("preload") == "none"
    page.wait_for_function("navigator.serviceWorker.controller !== null")
    assert page.evaluate(PLAY) == pytest.approx(2.0, abs=0.05)
    assert any("/nghe/mot.vi." in url for url in audio_requests)
    # Without signal: the page and its recording come from the service worker.
    context.set_offline(True)
    page.reload()
    assert page.evaluate(PLAY) == pytest.approx(2.0, abs=0.05)
    context.close()


def test_the_player_works_without_javascript(listen_site: Path, serve, browser) -> None:
    base = serve(listen_site)
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(base + "en/thu-tuc/mot/")
    audio = page.locator("audio.tt-listen__audio")
    assert audio.get_attribute("lang") == "vi"
    assert "This recording is in Vietnamese." in page.locator(".tt-listen").inner_text()
    box = audio.bounding_box()
    assert box is not None and box["width"] > 250 and box["height"] >= 40
    # The native player's own play button, at its left end.
    page.mouse.click(box["x"] + 20, box["y"] + box["height"] / 2)
    # (wait_for_function runs in the page, where scripts are off: poll from here instead.)
    for _ in range(100):
        if page.evaluate("document.querySelector('audio').currentTime") > 0.5:
            break
        page.wait_for_timeout(100)
    assert page.evaluate("document.querySelector('audio').currentTime") > 0.5
    assert page.evaluate("document.querySelector('audio').duration") == \
        pytest.approx(2.0, abs=0.05)
    assert page.locator(".tt-listen").count() == 1
    page.goto(base + "en/thu-tuc/hai/")
    assert page.locator(".tt-listen").count() == 0
    context.close()
