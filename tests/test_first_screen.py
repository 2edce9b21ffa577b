"""The citizen's first screen, measured in Chromium on a 360x740 phone, on the portal fixture (a
catalog the page code was not developed on) with the sample banner: what to bring, where (with
the address), how long, how much and what you get all start within 900 px; a tap on a
document's name ticks it; an untranslated page says so once, in at most 40 words."""

from __future__ import annotations

from pathlib import Path

import pytest

from benchmarks.citizen_page import FIRST_SCREEN, positions
from tests.conftest import FIXTURES, build

PAGES = ("thu-tuc/tro-cap-xa-hoi/", "thu-tuc/hoa-giai-tranh-chap/", "thu-tuc/mai-tang-phi/",
         "en/thu-tuc/hoa-giai-tranh-chap/", "hre/thu-tuc/tro-cap-xa-hoi/")


@pytest.fixture(scope="module")
def portal(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build(FIXTURES / "portal", tmp_path_factory.mktemp("portal-first") / "site")


def test_the_first_screen_answers(portal: Path, serve, phone) -> None:
    base = serve(portal)
    for path in PAGES:
        phone.goto(base + path)
        assert phone.locator(".tt-example-banner").is_visible(), "the banner counts too"
        found = positions(phone)
        # A procedure without fees has no fee line (-1); everything else must be there.
        late = {name: y for name, y in found.items()
                if y >= FIRST_SCREEN or (y < 0 and name != "fee")}
        assert late == {}, f"{path}: {found}"


def test_the_sample_birth_page_answers_on_the_first_screen(sample_site: Path, serve,
                                                           phone) -> None:
    """The sample's own birth page: its papers for some cases (`when`) and its fee for copies
    (`fees[].when`) no longer push the answer below the first screen."""
    phone.goto(serve(sample_site) + "thu-tuc/dang-ky-khai-sinh/")
    found = positions(phone)
    found["office"] = phone.evaluate("document.querySelector('.tt-facts__where')"
                                     ".getBoundingClientRect().top + window.scrollY")
    assert all(0 <= y < FIRST_SCREEN for y in found.values()), found
    assert phone.locator(".tt-bring li").count() == 3, "the papers for some cases wait below"
    assert phone.locator(".tt-facts__fees dd").inner_text().splitlines() == [
        "Miễn phí", "Nếu bạn xin thêm bản sao: 8.000 đồng (mỗi bản sao)"]


def test_a_tap_on_a_documents_name_ticks_it(portal: Path, serve, phone) -> None:
    phone.goto(serve(portal) + "thu-tuc/tro-cap-xa-hoi/")
    rows = phone.locator(".tt-doc__row")
    assert rows.count() >= 2
    for i in range(rows.count()):
        assert rows.nth(i).bounding_box()["height"] >= 44
    phone.locator(".tt-doc__name").first.tap()
    assert phone.locator(".tt-checklist input").first.is_checked()
    assert phone.locator(".tt-checklist label a").count() == 0, "no link inside a label"


def test_without_javascript_the_whole_row_still_ticks(portal: Path, serve, browser) -> None:
    context = browser.new_context(java_script_enabled=False, viewport={"width": 360,
                                                                        "height": 740})
    page = context.new_page()
    page.goto(serve(portal) + "thu-tuc/tro-cap-xa-hoi/")
    page.locator(".tt-doc__count, .tt-doc__name").last.click()
    assert page.locator(".tt-checklist input").last.is_checked()
    context.close()


def test_an_untranslated_page_says_so_once_in_few_words(portal: Path, serve, phone) -> None:
    phone.goto(serve(portal) + "hre/thu-tuc/tro-cap-xa-hoi/")
    notices = phone.locator("article .tt-notice:not(.tt-notice--local)")
    assert notices.count() == 1
    words = notices.first.inner_text().split()
    assert len(words) <= 40, words
    link = notices.first.locator("a")
    assert link.get_attribute("hreflang") == "vi"
    assert link.get_attribute("href").endswith("thu-tuc/tro-cap-xa-hoi/")
    # The Vietnamese text on the page says it is Vietnamese.
    assert phone.locator(".tt-summary").get_attribute("lang") == "vi"
