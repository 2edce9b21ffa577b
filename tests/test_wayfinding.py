"""Guides, glossary and life events on a built site, as a citizen sees them in Chromium."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import yaml

from generator.textsort import sort_key
from tests.conftest import FIXTURES, ROOT, build, copy_project

GUIDES = sorted(p.stem for p in (ROOT / "docs" / "huong-dan").glob("*.md") if "." not in p.stem)
LANGUAGE_NAMES = {"rad": "Êđê", "hre": "Hrê"}


def wayfinding_project(target: Path) -> Path:
    """The mini catalog with the repository's guides and glossary, a test events registry,
    and the four languages of the sample commune."""
    project = copy_project(FIXTURES / "mini", target)
    shutil.copytree(ROOT / "docs", project / "docs", dirs_exist_ok=True)
    for path in (ROOT / "procedures").glob("glossary*.yml"):
        shutil.copy(path, project / "procedures" / path.name)
    shutil.copy(FIXTURES / "wayfinding" / "events.yml", project / "procedures" / "events.yml")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "        - {code: rad, name: Êđê}\n",
        "        - {code: rad, name: Êđê}\n        - {code: hre, name: Hrê}\n"), encoding="utf-8")
    return project


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("wayfinding")
    return build(wayfinding_project(root / "project"), root / "site")


def article(site: Path, page: str) -> str:
    text = (site / page.removesuffix("index") / "index.html").read_text(encoding="utf-8")
    return text[text.index("<article"):text.index("</article>")]


def test_there_are_six_guides() -> None:
    assert GUIDES == ["chu-ky-so", "dang-nhap-cong-dvc", "index", "nop-ho-so-truc-tuyen",
                      "tai-khoan-vneid", "thanh-toan-truc-tuyen", "tra-cuu-ho-so"]


@pytest.mark.parametrize("guide", GUIDES)
def test_guides_exist_in_every_language(site: Path, guide: str) -> None:
    vi = article(site, f"huong-dan/{guide}")
    en = article(site, f"en/huong-dan/{guide}")
    assert "tt-notice--untranslated" not in vi + en
    if guide != "index":  # each guide says when it was last checked, in its language
        assert "Cập nhật lần cuối: 25/11/2026" in vi
        assert "Last updated: 25/11/2026" in en
    for lang, name in LANGUAGE_NAMES.items():
        page = article(site, f"{lang}/huong-dan/{guide}")
        # In Vietnamese (these languages lack the notice's words), and so is the page under it.
        assert (f'<p class="tt-notice tt-notice--untranslated" lang="vi">Trang này chưa được '
                f"dịch sang tiếng {name}.") in page
        assert '</p>\n  <div lang="vi">' in page
        assert vi.split("</h1>")[0].split(">")[-1] in page  # the Vietnamese text follows


def test_submit_button_links_to_the_guide(site: Path, serve, phone) -> None:
    base = serve(site)
    for prefix, guide_title in (("", "Nộp hồ sơ trực tuyến từng bước"),
                                ("en/", "Submitting a file online, step by step")):
        phone.goto(base + prefix + "thu-tuc/dang-ky-khai-sinh/")
        actions = phone.locator("#cach-nop-muc .tt-actions")
        assert actions.locator("a.tt-submit").count() == 1
        actions.locator("a.tt-guide-link").click()
        phone.wait_for_url(f"**/{prefix}huong-dan/nop-ho-so-truc-tuyen/")
        assert phone.locator("h1").inner_text() == guide_title
    # Procedures without online submission have no button and no guide link.
    assert "tt-guide-link" not in article(site, "thu-tuc/dang-ky-ket-hon")


def test_glossary_term_shows_its_explanation_with_javascript(site: Path, serve, phone) -> None:
    phone.goto(serve(site) + "thu-tuc/dang-ky-khai-sinh/")
    term = phone.locator("a.tt-term", has_text="bản chính").first
    explanation = term.get_attribute("title")
    assert explanation.startswith("Giấy tờ gốc do cơ quan có thẩm quyền cấp")
    term.click()
    tip = phone.locator(".tt-term-tip")
    assert tip.is_visible()
    assert tip.inner_text().startswith(explanation)
    assert term.get_attribute("aria-expanded") == "true"
    assert phone.url.endswith("thu-tuc/dang-ky-khai-sinh/")  # no navigation
    tip.locator("a").click()  # "see in the glossary"
    phone.wait_for_url("**/thuat-ngu/#ban-chinh")
    assert phone.locator("dt#ban-chinh").inner_text() == "bản chính"


def test_glossary_term_is_a_plain_link_without_javascript(site: Path, serve, browser) -> None:
    context = browser.new_context(java_script_enabled=False, viewport={"width": 360,
                                                                       "height": 740})
    page = context.new_page()
    try:
        page.goto(serve(site) + "en/thu-tuc/dang-ky-khai-sinh/")
        term = page.locator('a.tt-term[href$="#ban-chinh"]').first
        assert term.get_attribute("title").startswith("The real paper issued by the authority")
        term.click()
        page.wait_for_url("**/en/thuat-ngu/#ban-chinh")
        assert page.locator("dt#ban-chinh").inner_text() == "original (bản chính)"
        assert page.locator("dt#ban-chinh + dd").inner_text().startswith("The real paper")
        assert page.locator("dt#ban-chinh").is_visible()
    finally:
        context.close()


def test_terms_are_never_marked_inside_links_headings_or_attributes(site: Path) -> None:
    page = article(site, "thu-tuc/dang-ky-khai-sinh")
    assert not re.search(r"<a [^>]*>[^<]*<a ", page)  # no link inside a link
    assert not re.search(r"<h[1-6][^>]*>[^<]*<a class=\"tt-term\"", page)
    assert 'title="<a' not in page and 'content="<a' not in page
    # Longest spelling first: "bản sao trích lục" in a fee name is one term, not "bản sao".
    assert '#trich-luc" title="Giấy do cơ quan nhà nước cấp' in page
    assert ">bản sao trích lục</a>" in page


def test_glossary_page_lists_all_terms_a_to_z(site: Path) -> None:
    for prefix in ("", "en/"):
        page = article(site, f"{prefix}thuat-ngu")
        terms = re.findall(r"<dt id=\"[a-z0-9-]+\"><dfn>([^<]+)</dfn>", page)
        assert len(terms) == 60
        assert terms == sorted(terms, key=sort_key)
    vi = article(site, "thuat-ngu")
    letters = re.findall(r'<h2 id="chu-\d+">([^<]+)</h2>', vi)
    assert letters[:6] == ["B", "C", "D", "Đ", "G", "H"]  # Đ after D, as Vietnamese readers expect
    rad = article(site, "rad/thuat-ngu")  # no Ê Đê glossary yet: one notice, Vietnamese terms
    assert rad.count("tt-notice--untranslated") == 1
    assert "Trang này chưa được dịch sang tiếng Êđê." in rad
    assert '<dt id="ban-chinh"><dfn lang="vi">bản chính</dfn></dt><dd><p lang="vi">' in rad
    assert "tt-notice--draft" in article(site, "en/thuat-ngu")  # glossary.en.yml is a draft


def test_life_events_list_their_procedures_in_order(site: Path, serve, phone) -> None:
    base = serve(site)
    phone.goto(base)
    events = phone.locator("#su-kien + ul a.tt-event .tt-category__name")
    assert phone.locator("#su-kien").inner_text() == "Tôi cần làm gì khi..."
    assert events.all_inner_texts() == ["Kết hôn", "Sinh con"]  # qua-doi has no procedures
    events.nth(0).click()
    phone.wait_for_url("**/su-kien/ket-hon/")
    assert phone.locator(".tt-event-steps a").all_inner_texts() == [
        "Đăng ký kết hôn", "Chứng thực bản sao từ bản chính"]
    phone.goto(base + "en/su-kien/sinh-con/")
    assert phone.locator("h1").inner_text() == "Having a baby"
    assert phone.locator(".tt-event-steps a").all_inner_texts() == [
        "Chứng thực bản sao từ bản chính", "Birth registration"]


@pytest.mark.parametrize("prefix", ["", "en/", "rad/", "hre/"])
def test_how_to_sheet_prints_on_one_a4_page(site: Path, serve, browser, prefix: str) -> None:
    page = browser.new_page()
    try:
        page.goto(serve(site) + prefix + "cach-dung-trang-nay/")
        assert page.locator(".tt-sheet h1").count() == 1
        pdf = page.pdf(format="A4", prefer_css_page_size=True)
        assert len(re.findall(rb"/Type\s*/Page[^s]", pdf)) == 1
        box = re.search(rb"/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]", pdf)
        assert box and (round(float(box[1])), round(float(box[2]))) == (595, 842)  # A4 in pt
    finally:
        page.close()


def test_nav_shows_the_guides_index_and_the_glossary(site: Path) -> None:
    page = (site / "thu-tuc/dang-ky-khai-sinh/index.html").read_text(encoding="utf-8")
    nav = page[page.index('<nav class="md-nav md-nav--primary"'):]
    nav = nav[:nav.index('<div class="md-content"')]  # nav sections nest their own <nav>s
    assert 'href="../../huong-dan/"' in nav and 'href="../../thuat-ngu/"' in nav
    assert "huong-dan/tai-khoan-vneid/" not in nav  # reached from the guides index, in order
    guides = article(site, "huong-dan/index")
    assert re.findall(r'href="([a-z-]+)/"', guides) == [
        "tai-khoan-vneid", "dang-nhap-cong-dvc", "nop-ho-so-truc-tuyen", "thanh-toan-truc-tuyen",
        "tra-cuu-ho-so", "chu-ky-so"]


def test_sample_life_event_pages_list_the_registry_order(sample_site: Path) -> None:
    registry = yaml.safe_load((ROOT / "procedures" / "events.yml").read_text(encoding="utf-8"))
    home = article(sample_site, "index")
    assert [e["name"] for e in registry] == re.findall(
        r'<a class="tt-category tt-event" href="su-kien/[a-z-]+/"><span class="tt-category__name">'
        r'<svg [^>]*class="tt-icon"[^>]*aria-hidden="true">.*?</svg>([^<]+)</span>', home)
    for event in registry:
        page = article(sample_site, f"su-kien/{event['id']}")
        listed = re.findall(r'<li class="tt-listing__item"><a href="../../thu-tuc/([a-z0-9-]+)/"',
                            page)
        assert listed[:len(event["procedures"])] == event["procedures"], event["id"]
        english = article(sample_site, f"en/su-kien/{event['id']}")
        assert re.search(f'<h1 id="tt-tieu-de"><svg [^>]*>.*?</svg>{event["names"]["en"]}</h1>',
                         english), event["id"]
