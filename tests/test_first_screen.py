"""The citizen's first screen, measured in Chromium on a 360x740 phone, on the portal fixture (a
catalog the page code was not developed on), on the real national records where it is hardest,
and on every sample page, with the sample banner:
what to bring, where (with the address), how long, how much and what you get all start within
900 px; a tap on a document's name ticks it; an untranslated page says so once, in at most 40
words."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from benchmarks.citizen_page import FIRST_SCREEN, positions, procedure_pages
from generator.cli.main import main
from tests.conftest import FIXTURES, NATIONAL, build

PAGES = ("thu-tuc/tro-cap-xa-hoi/", "thu-tuc/hoa-giai-tranh-chap/", "thu-tuc/mai-tang-phi/",
         "en/thu-tuc/hoa-giai-tranh-chap/", "hre/thu-tuc/tro-cap-xa-hoi/")
SAMPLE_OTHER_LANGUAGES = ("en/thu-tuc/dang-ky-khai-sinh/", "hre/thu-tuc/dang-ky-khai-sinh/")


@pytest.fixture(scope="module")
def portal(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build(FIXTURES / "portal", tmp_path_factory.mktemp("portal-first") / "site")


@pytest.fixture(scope="module")
def national(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The 588 real commune-level records, imported as an editor would, then built."""
    root = tmp_path_factory.mktemp("national-first")
    (root / "docs").mkdir()
    (root / "mkdocs.yml").write_text(
        "site_name: Nhập thử\nsite_url: https://example.org/xa/\n"
        "theme: {name: material, language: vi, font: false}\nplugins:\n  - thutuc:\n"
        "      profile: {name: UBND xã Nhập Thử, example: true,\n"
        "                address: 'Thôn 1, xã Nhập Thử, huyện Mẫu, tỉnh Mẫu'}\n",
        encoding="utf-8")
    assert main(["import", "national", str(NATIONAL), "-o", str(root / "procedures"),
                 "--date", "2026-11-25"]) == 0
    build(root, root / "site")
    return root


def hardest(project: Path, count: int) -> list[tuple[str, dict]]:
    """The `count` imported procedures whose title, first document and duration are longest
    (some national titles and document names are whole paragraphs), with their data."""
    found = []
    for path in (project / "procedures").glob("*/*.yml"):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        if isinstance(data, dict) and "title" in data:
            first = (data.get("documents") or [{}])[0].get("name", "")
            found.append((len(data["title"]) + len(first) + len(data.get("duration", "")),
                          data["id"], data))
    return [(pid, data) for _, pid, data in sorted(found, reverse=True)[:count]]


def late_answers(phone, path: str) -> dict[str, float]:
    """The answers of the open page that do not start within the first screen. A procedure
    without fees has no fee line (-1); everything else must be there."""
    assert phone.locator(".tt-example-banner").is_visible(), f"{path}: the banner counts too"
    found = positions(phone)
    return {name: y for name, y in found.items()
            if y >= FIRST_SCREEN or (y < 0 and name != "fee")}


def small_targets(phone) -> list[str]:
    """The links of the answer box a thumb cannot hit: less than 44 px tall."""
    return phone.evaluate("""() => [...document.querySelectorAll('.tt-facts a')]
        .filter(a => a.getBoundingClientRect().height < 44).map(a => a.textContent)""")


def test_the_first_screen_answers(portal: Path, serve, phone) -> None:
    base = serve(portal)
    for path in PAGES:
        phone.goto(base + path)
        assert late_answers(phone, path) == {}, f"{path}: {positions(phone)}"


@pytest.mark.skipif(not NATIONAL.is_dir(), reason="national records not present")
def test_real_records_answer_on_the_first_screen(national: Path, serve, phone) -> None:
    """The 40 imported records hardest to fit (titles of 900 letters, a paragraph as a
    document's name): what to bring, where, how long and how much start on the first screen
    (the heading and the first document are cut with "…", the rest below; the result may
    come just after it on a few of them); a record that gives its fee only per way of
    applying ("Miễn phí") shows it too."""
    base = serve(national / "site")
    chosen = hardest(national, 40)
    late = {}
    for pid, data in chosen:
        path = f"thu-tuc/{pid}/"
        phone.goto(base + path)
        if found := {k: y for k, y in late_answers(phone, path).items() if k != "result"}:
            late[path] = found
        said = data.get("fees") or any(c.get("fee") for c in data.get("channels", []))
        assert (positions(phone)["fee"] >= 0) == bool(said), path
    assert late == {}
    # What the heading and the first screen leave out is on the page, whole.
    pid, data = max(chosen, key=lambda item: len(item[1]["title"]))
    phone.goto(base + f"thu-tuc/{pid}/")
    assert phone.locator("h1").inner_text().endswith("…")
    assert phone.locator(".tt-full-title span").inner_text() == data["title"]
    pid, data = max(chosen, key=lambda item: len(item[1]["documents"][0]["name"]))
    phone.goto(base + f"thu-tuc/{pid}/")
    first = data["documents"][0]["name"]
    shown = phone.locator(".tt-bring li").first.inner_text()
    assert shown.startswith(first[:40]) and "…" in shown and len(shown) < len(first)
    assert phone.locator(".tt-doc__name").first.inner_text().startswith(first[:200])


def test_every_sample_page_answers_on_the_first_screen(sample_site: Path, serve,
                                                       phone) -> None:
    """Every sample procedure, and the birth page in English and Hrê: long lists of papers,
    several named fees, long notes and long titles are laid out, not cut, so that what to
    bring, the address, how long, how much and the result all start within 900 px."""
    base = serve(sample_site)
    paths = [*procedure_pages(sample_site), *SAMPLE_OTHER_LANGUAGES]
    assert len(paths) >= 36
    late = {}
    for path in paths:
        phone.goto(base + path)
        if found := late_answers(phone, path):
            late[path] = found
        assert small_targets(phone) == [], path
    assert late == {}


def test_the_sample_birth_page_answers_on_the_first_screen(sample_site: Path, serve,
                                                           phone) -> None:
    """The sample's own birth page: its papers for some cases (`when`) and its fee for copies
    (`fees[].when`) no longer push the answer below the first screen; what the first screen
    shortens (the duration's second sentence, the free fee's note) is one tap away."""
    phone.goto(serve(sample_site) + "thu-tuc/dang-ky-khai-sinh/")
    found = positions(phone)
    found["office"] = phone.evaluate("document.querySelector('.tt-facts__where')"
                                     ".getBoundingClientRect().top + window.scrollY")
    assert all(0 <= y < FIRST_SCREEN for y in found.values()), found
    assert phone.locator(".tt-bring li").count() == 3, "the papers for some cases wait below"
    assert phone.locator(".tt-facts__duration dd").inner_text() == (
        "Ngay trong ngày làm việc (xem thêm)")
    assert phone.locator(".tt-facts__fees dd").inner_text().splitlines() == [
        "Miễn phí", "Nếu bạn xin thêm bản sao: 8.000 đồng (mỗi bản sao) (xem thêm)"]
    more = phone.locator(".tt-facts__more")
    assert [more.nth(i).get_attribute("href") for i in range(more.count())] == [
        "#thoi-gian", "#le-phi"]
    # Label and value share a line: the duration's label is not alone on its line.
    label, value = (phone.locator(f".tt-facts__duration {tag}").bounding_box()
                    for tag in ("dt", "dd"))
    assert label and value and abs(label["y"] - value["y"]) < 5


def test_a_long_list_of_papers_names_the_first_and_links_to_the_rest(
        sample_site: Path, serve, phone) -> None:
    """The land registration's eleven papers: the first few on the first screen, then a link
    to the full checklist right below, which has every one of them."""
    phone.goto(serve(sample_site) + "thu-tuc/dang-ky-cap-giay-chung-nhan-lan-dau/")
    shown = phone.locator(".tt-bring li").count()
    everyone = phone.locator(".tt-checklist:not(.tt-checklist--when) .tt-doc").count()
    assert 1 <= shown < everyone
    link = phone.locator(".tt-bring__more[href='#ho-so']")
    assert link.inner_text() == f"Xem thêm {everyone - shown} giấy tờ"


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
