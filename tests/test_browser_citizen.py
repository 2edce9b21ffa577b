"""The citizen's page in Chromium on a phone, on a commune site served under a sub-path.

The site is built from tests/fixtures/portal (a catalog the page code was not developed on):
nothing is fetched from outside the site, axe-core finds no serious or critical WCAG 2.1 AA
problem, every link resolves, the steps read without JavaScript, the structured data is there,
ticks and pages stay on the phone, and the offline edition works from disk.
"""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urldefrag, urlsplit

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect

from generator.mkdocs.project import build_atomically
from generator.publish import service_worker
from tests.conftest import FIXTURES, build

PREFIX = "/xa/ea-sol/"
AXE = Path(__file__).parent / "axe" / "node_modules" / "axe-core" / "axe.min.js"
LANGUAGES = ("", "en/", "hre/")  # folders of vi, en, hre
PAGES = ("", "linh-vuc/bao-tro/", "thu-tuc/tro-cap-xa-hoi/", "thu-tuc/hoa-giai-tranh-chap/")
PROCEDURE = "thu-tuc/tro-cap-xa-hoi/"


@pytest.fixture(scope="module")
def portal_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build(FIXTURES / "portal", tmp_path_factory.mktemp("portal") / "site")


@pytest.fixture(scope="module")
def portal_url(portal_site: Path, serve) -> str:
    return serve(portal_site, PREFIX)


def _requests_of(page, url: str) -> list[str]:
    seen: list[str] = []
    page.context.on("request", lambda request: seen.append(request.url))
    page.goto(url, wait_until="networkidle")
    return seen


@pytest.mark.parametrize("lang", LANGUAGES)
def test_nothing_is_fetched_from_outside_the_site(portal_url: str, phone, lang: str) -> None:
    origin = "{0.scheme}://{0.netloc}".format(urlsplit(portal_url))
    for path in PAGES:
        requested = _requests_of(phone, portal_url + lang + path)
        assert requested, path
        outside = [url for url in requested if not url.startswith(origin + PREFIX)]
        assert outside == [], f"{lang}{path} fetched {outside}"


def _serious_violations(page: Page, url: str) -> list[tuple[str, str, list[str]]]:
    """axe-core's serious and critical WCAG 2.1 AA findings on the page at `url`."""
    page.goto(url, wait_until="networkidle")
    page.add_script_tag(path=str(AXE))
    results = page.evaluate("""() => axe.run(document, {runOnly: {type: "tag",
        values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}})""")
    assert results["passes"], "axe ran its rules"
    return [(v["id"], v["help"], [n["target"] for n in v["nodes"]][:3])
            for v in results["violations"] if v["impact"] in ("serious", "critical")]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_serious_accessibility_violations(portal_url: str, phone, lang: str) -> None:
    for path in PAGES:
        assert _serious_violations(phone, portal_url + lang + path) == [], f"{lang}{path}"


def test_a_shortened_answer_is_accessible(sample_site: Path, serve, phone) -> None:
    """The sample's answers are long enough to be shortened: they end in a "xem thêm" link
    inside the sentence, which must be told from the text by more than its colour (the
    portal's answers are short and have none)."""
    url = serve(sample_site)
    assert _serious_violations(phone, url + "thu-tuc/dang-ky-nhan-cha-me-con/") == []
    assert phone.locator(".tt-facts__more").count() > 0


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_link_on_the_page_resolves(portal_url: str, phone, lang: str) -> None:
    origin = "{0.scheme}://{0.netloc}".format(urlsplit(portal_url))
    for path in PAGES:
        phone.goto(portal_url + lang + path)
        hrefs = phone.eval_on_selector_all("a[href]", "links => links.map(a => a.href)")
        local = sorted({urldefrag(h).url for h in hrefs if h.startswith(origin)})
        assert len(local) > 5, path
        for href in local:
            assert href.startswith(portal_url), f"{path}: {href} leaves the sub-path"
            assert phone.request.get(href).status == 200, f"{lang}{path}: {href}"


def test_steps_and_checklist_read_without_javascript(portal_url: str, browser) -> None:
    context = browser.new_context(java_script_enabled=False, viewport={"width": 360,
                                                                       "height": 740})
    page = context.new_page()
    page.goto(portal_url + "thu-tuc/hoa-giai-tranh-chap/")
    steps = page.locator("ol.tt-steps > li")
    assert steps.count() == 3
    # The section is laid out when it comes near the screen (content-visibility): scroll to
    # it, as a reader does, and wait for it.
    steps.nth(2).scroll_into_view_if_needed()
    expect(steps.nth(1)).to_have_text(re.compile(r"^Cán bộ địa chính xác minh\n"),
                                      use_inner_text=True)
    assert "hai bên" in steps.nth(1).locator(".tt-step__text strong").inner_text()
    assert page.locator("ol.tt-steps > li").nth(2).locator("ol li").all_inner_texts() == [
        "Hòa giải thành", "Hòa giải không thành"]
    assert page.locator(".tt-checklist input[type=checkbox]").count() == 2
    assert page.locator(".tt-facts").inner_text().count("\n") >= 5
    assert not page.locator("button.tt-share").is_visible(), "needs JavaScript: hidden"
    assert page.locator("a.tt-button[href^='tel:']").first.is_visible()
    context.close()


def test_answer_first_and_big_buttons(portal_url: str, phone) -> None:
    phone.goto(portal_url + PROCEDURE)
    # What to bring and where come first, then how long, how much and what you get.
    bring, where, *facts = phone.locator(".tt-facts dd").all_inner_texts()
    assert bring.splitlines()[0] == "Tờ khai đề nghị trợ cấp (1 bản chính)"
    assert where.startswith("UBND xã Ea Sol")
    assert facts == ["15 ngày làm việc", "Miễn phí", "Quyết định trợ cấp xã hội"]
    body = phone.evaluate("parseFloat(getComputedStyle(document.querySelector("
                          "'.tt-summary')).fontSize)")
    assert body >= 16
    buttons = phone.locator("article .tt-actions").first.locator(".tt-button")
    assert buttons.all_inner_texts() == ["Gọi điện", "Chỉ đường", "Nộp trực tuyến", "Chia sẻ"]
    for index in range(buttons.count()):
        box = buttons.nth(index).bounding_box()
        assert box and box["height"] >= 44 and box["width"] >= 44
    assert buttons.nth(0).get_attribute("href") == "tel:+842623888999"
    assert buttons.nth(2).get_attribute("href") == "https://dichvucong.gov.vn/"
    phone.goto(portal_url + "thu-tuc/mai-tang-phi/")
    # The fee everyone pays first (listed second), then each one paid only in some case,
    # led by its case: no range, and no fee taken for everyone's because it comes first.
    fees = phone.locator(".tt-facts__fees dd").inner_text().splitlines()
    assert fees == ["Miễn phí", "Nếu cần bản sao giấy báo tử: 5.000 đồng",
                    "Nếu gửi hồ sơ qua bưu điện: 12.000 đồng"]
    assert phone.locator(".tt-submit").count() == 0, "not online: no online button"
    assert phone.locator(".tt-updated").inner_text().startswith("Cập nhật ngày 15/06/2026")


def test_the_drawer_is_laid_out_only_once_opened(portal_url: str, phone) -> None:
    """A phone's navigation drawer is off the screen until its button opens it: its links
    are not drawn nor in the tab order until then (thutuc.css), then a tap follows one."""
    phone.goto(portal_url + PROCEDURE)
    links = phone.locator(".md-sidebar--primary .md-nav__link")
    assert not links.first.is_visible()
    focused = "(a) => { a.focus(); return document.activeElement === a; }"
    assert not links.first.evaluate(focused)
    phone.locator("label.md-header__button[for=__drawer]").tap()
    expect(links.first).to_be_visible()
    phone.wait_for_function("document.querySelector('.md-sidebar--primary .md-nav__link')"
                            ".getBoundingClientRect().left >= 0")  # slid in
    box = links.first.bounding_box()
    assert box and box["height"] >= 40
    category = phone.locator(".md-sidebar--primary a.md-nav__link[href*='linh-vuc/']").first
    target = category.get_attribute("href")
    category.tap()
    phone.wait_for_url(re.compile(re.escape(target.strip("./")) + "/?$"))


def test_share_copies_the_link_without_web_share(portal_url: str, browser) -> None:
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(portal_url + PROCEDURE)
    assert page.evaluate("'share' in navigator") is False, "Chromium on Linux: the fallback"
    page.locator("button.tt-share").click()
    expect(page.locator(".tt-share__status")).to_have_text(
        "Đã chép liên kết. Dán vào Zalo hoặc tin nhắn để gửi cho người khác.")
    assert page.evaluate("navigator.clipboard.readText()") == portal_url + PROCEDURE
    context.close()


def test_government_service_structured_data(portal_url: str, phone) -> None:
    phone.goto(portal_url + PROCEDURE)
    raw = phone.locator("head script[type='application/ld+json']").inner_html()
    assert "<" not in raw and "\\u003c/script\\u003e" in raw
    page = json.loads(raw)
    # Language and date belong to the page (a CreativeWork), the rest to the service.
    assert page["@type"] == "WebPage"
    assert (page["inLanguage"], page["dateModified"]) == ("vi", "2026-11-02")
    assert page["url"] == "https://tinh.example.vn/xa/ea-sol/thu-tuc/tro-cap-xa-hoi/"
    data = page["mainEntity"]
    assert data["@type"] == "GovernmentService"
    assert data["name"] == page["name"] == "Trợ cấp xã hội hằng tháng"
    assert data["description"].endswith("</script><script>alert(1)</script>.")
    assert data["identifier"] == "1.001776"
    assert data["serviceType"] == "Bảo trợ xã hội"
    assert data["provider"]["@type"] == "GovernmentOffice"
    assert data["provider"]["name"] == "UBND xã Ea Sol"
    assert data["areaServed"] == {"@type": "AdministrativeArea", "name": "xã Ea Sol"}
    direct, online = data["availableChannel"]
    assert direct["serviceLocation"]["address"] == "Nhà văn hóa thôn 3, xã Ea Sol"
    assert direct["servicePhone"]["telephone"] == "+84 262 3 888 999"
    assert direct["processingTime"] == online["processingTime"] == "P15D"
    assert online["serviceUrl"] == "https://dichvucong.gov.vn/"
    assert data["offers"] == [{"@type": "Offer", "name": "Lệ phí", "price": 0,
                               "priceCurrency": "VND"}]
    assert "sameAs" not in data, "no national portal page for this one"
    phone.goto(portal_url + "en/thu-tuc/hoa-giai-tranh-chap/")
    english = json.loads(phone.locator("script[type='application/ld+json']").inner_html())
    assert (english["mainEntity"]["name"], english["inLanguage"]) == (
        "Land dispute mediation", "en")
    assert english["mainEntity"]["availableChannel"][0]["processingTime"] == "P45D"


def test_checklist_ticks_survive_reload_and_language(portal_url: str, phone) -> None:
    phone.goto(portal_url + PROCEDURE)
    boxes = phone.locator(".tt-checklist input[type=checkbox]")
    boxes.nth(0).check()
    boxes.nth(2).check()
    phone.reload()
    assert [boxes.nth(i).is_checked() for i in range(3)] == [True, False, True]
    boxes.nth(0).uncheck()
    phone.goto(portal_url + "en/" + PROCEDURE)
    assert [boxes.nth(i).is_checked() for i in range(3)] == [False, False, True]
    phone.goto(portal_url + "thu-tuc/mai-tang-phi/")
    assert not phone.locator(".tt-checklist input:checked").count(), "per procedure"


def _published(site: Path, name: str) -> str:
    """Where the theme file `assets/NAME.EXT` is published: `assets/NAME.<hash>.EXT`."""
    stem, extension = name.rsplit(".", 1)
    [path] = (site / "assets").glob(f"{stem}.*.{extension}")
    return path.relative_to(site).as_posix()


def _cached(page, url: str) -> None:
    page.wait_for_function("""async (url) => {
        for (const name of await caches.keys()) {
            if (await (await caches.open(name)).match(url)) return true;
        }
        return false;
    }""", arg=url)


@dataclass
class Reader:
    """A phone that has read PROCEDURE, through the service worker, on its own copy of the
    portal site (which the test may change), served under the site's sub-path."""

    site: Path
    base: str
    context: BrowserContext
    page: Page


@pytest.fixture
def reader(portal_site: Path, serve, browser: Browser, tmp_path: Path) -> Iterator[Reader]:
    site = shutil.copytree(portal_site, tmp_path / "site", symlinks=True)
    base = serve(site, PREFIX)
    context = browser.new_context()
    page = context.new_page()
    page.goto(base + PROCEDURE)
    _cached(page, base + PROCEDURE)
    yield Reader(site, base, context, page)
    context.close()


def test_pages_already_read_open_without_signal(reader: Reader) -> None:
    site, base, context, page = reader.site, reader.base, reader.context, reader.page
    registration = page.evaluate("navigator.serviceWorker.ready.then(r => r.scope)")
    assert registration == base, "one worker for the whole site, under its sub-path"
    page.goto(base + "en/thu-tuc/hoa-giai-tranh-chap/")  # read through the worker
    _cached(page, base + "en/thu-tuc/hoa-giai-tranh-chap/")

    context.set_offline(True)
    page.reload()
    assert page.locator("h1").inner_text() == "Land dispute mediation"
    page.goto(base + PROCEDURE)
    assert page.locator("h1").inner_text() == "Trợ cấp xã hội hằng tháng"
    assert page.locator(".tt-steps > li").count() == 3
    assert page.evaluate("getComputedStyle(document.body).fontFamily") != ""

    context.set_offline(False)  # a working network never gets the stale copy
    html = site / "thu-tuc" / "tro-cap-xa-hoi" / "index.html"
    html.write_text(html.read_text(encoding="utf-8").replace(
        "Trợ cấp xã hội hằng tháng</h1>", "Trợ cấp xã hội (đã sửa)</h1>"), encoding="utf-8")
    page.reload()
    assert page.locator("h1").inner_text() == "Trợ cấp xã hội (đã sửa)"


def test_a_page_never_read_answers_offline_with_the_pages_saved(reader: Reader) -> None:
    base, context, page = reader.base, reader.context, reader.page
    # Its files are saved beside it, a moment apart.
    _cached(page, base + _published(reader.site, "thutuc.css"))
    page.goto(base + "en/thu-tuc/hoa-giai-tranh-chap/")
    _cached(page, base + "en/thu-tuc/hoa-giai-tranh-chap/")
    names = page.evaluate("caches.keys()")
    assert len(names) == 2, names
    assert any(n.endswith(":pages") for n in names) and any(":files:" in n for n in names)

    context.set_offline(True)
    page.goto(base + "thu-tuc/mai-tang-phi/")  # never opened
    assert page.locator("h1").inner_text() == "Không có mạng"
    assert page.locator("html").get_attribute("lang") == "vi"
    links = page.locator("li a")
    assert links.all_inner_texts()[0].startswith("Trợ cấp xã hội hằng tháng"), "own language first"
    assert links.count() == 2
    page.goto(base + "en/thu-tuc/mai-tang-phi/")
    assert page.locator("h1").inner_text() == "No connection"
    page.locator("li a").first.click()
    page.wait_for_url(base + "en/thu-tuc/hoa-giai-tranh-chap/")
    assert page.locator("h1").inner_text() == "Land dispute mediation"


def test_a_new_build_drops_the_files_of_the_old_one(reader: Reader) -> None:
    site, base, page = reader.site, reader.base, reader.page
    stylesheet = _published(site, "thutuc.css")
    _cached(page, base + stylesheet)  # its files are saved beside it, a moment apart
    old = [n for n in page.evaluate("caches.keys()") if ":files:" in n]
    css = site / stylesheet
    css.write_text(css.read_text(encoding="utf-8") + "/* changed */\n", encoding="utf-8")
    service_worker.write(site, json.loads(re.search(
        r"const TEXTS = (.*);  //", (site / "sw.js").read_text(encoding="utf-8")).group(1)))
    page.evaluate("navigator.serviceWorker.getRegistration().then(r => r.update())")
    page.wait_for_function("async (old) => !(await caches.keys()).includes(old)", arg=old[0])
    # The new worker fills a cache of its own with the files the page asks for next (until
    # then nothing may have asked: waiting for its cache before the reload was a race).
    page.reload()
    _cached(page, base + stylesheet)
    assert [n for n in page.evaluate("caches.keys()") if ":files:" in n] not in ([], old)
    _cached(page, base + PROCEDURE)  # the pages saved before stay


@pytest.fixture(scope="module")
def offline_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("portal-offline") / "site"
    build_atomically(FIXTURES / "portal" / "mkdocs.yml", out, offline=True)
    return out


def test_offline_edition_opens_from_disk(offline_site: Path, phone) -> None:
    assert not (offline_site / "sw.js").exists()
    requested: list[str] = []
    phone.context.on("request", lambda request: requested.append(request.url))
    phone.goto((offline_site / "index.html").as_uri())
    phone.locator(".tt-categories a").first.click()
    phone.wait_for_url("**/linh-vuc/dat-dai.html")
    phone.locator(".tt-listing a").first.click()
    phone.wait_for_url("**/thu-tuc/hoa-giai-tranh-chap.html")
    phone.wait_for_load_state()
    assert phone.locator("ol.tt-steps > li").count() == 3
    phone.locator("a.md-select__link[hreflang=en]").dispatch_event("click")
    phone.wait_for_url("**/en/thu-tuc/hoa-giai-tranh-chap.html")
    assert phone.locator("h1").inner_text() == "Land dispute mediation"
    phone.locator("a.md-select__link[hreflang=vi]").dispatch_event("click")
    phone.wait_for_url("**/site/thu-tuc/hoa-giai-tranh-chap.html")
    assert [url for url in requested if not url.startswith("file://")] == []
    for lang in LANGUAGES:
        for path in PAGES:
            file = offline_site / lang / (path.rstrip("/") + ".html" if path else "index.html")
            phone.goto(file.as_uri())
            # Links, and the theme's files at the site root under their hashed names.
            hrefs = [h for h in phone.eval_on_selector_all(
                "a[href], link[href], script[src]", "a => a.map(x => x.href || x.src)")
                if h.startswith("file:")]
            missing = [h for h in hrefs
                       if not Path(urlsplit(urldefrag(h).url).path).is_file()]
            assert hrefs and missing == [], f"{file}: {missing}"
