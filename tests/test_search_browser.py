"""Search as a citizen uses it in Chromium on a phone: nothing loads until the box is used,
the right page comes first and opens, each language finds its own pages, from http and from a
file:// copy, and a second search works without a connection."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from benchmarks.search_cost import run_search
from tests.conftest import FIXTURES, build, copy_project


def titles(phone) -> list[str]:
    return phone.locator(".md-search-result__list h1").all_inner_texts()


def test_opening_a_page_downloads_nothing_for_search(mini_site: Path, serve, phone) -> None:
    requests: list[str] = []
    errors: list[str] = []
    phone.on("request", lambda request: requests.append(request.url))
    phone.on("pageerror", lambda error: errors.append(str(error)))
    phone.goto(serve(mini_site) + "thu-tuc/dang-ky-ket-hon/", wait_until="networkidle")
    assert requests and not [url for url in requests if "search" in url]
    assert phone.locator("form[name=search], #search").count() == 0  # Material's would fetch
    run_search(phone, "khai sinh")
    loaded = [url for url in requests if "/search/" in url]
    assert loaded and all(url.rsplit("/", 1)[1][-3:] == ".js" for url in loaded)
    assert not [url for url in requests if "search_index" in url]
    assert errors == []


def test_typing_finds_the_procedure_and_the_result_opens_it(mini_site: Path, serve,
                                                             phone) -> None:
    phone.goto(serve(mini_site) + "thu-tuc/dang-ky-ket-hon/")
    run_search(phone, "dang ki khai sinh", typed=True)
    assert titles(phone)[0] == "Đăng ký khai sinh"
    assert phone.locator(".md-search-result__meta").inner_text() == "2 thủ tục phù hợp"
    phone.locator(".md-search-result__link").first.click()
    phone.wait_for_url("**/thu-tuc/dang-ky-khai-sinh/")
    assert phone.locator("h1").inner_text() == "Đăng ký khai sinh"


def test_each_language_finds_only_its_own_pages(mini_site: Path, serve, phone) -> None:
    base = serve(mini_site)
    phone.goto(base + "en/thu-tuc/dang-ky-ket-hon/")
    links = run_search(phone, "birth")
    assert titles(phone)[0] == "Birth registration"
    # Pages without a translation are still found by their Vietnamese words, in English.
    links += run_search(phone, "dang ky")
    assert len(links) >= 2
    assert all(phone.evaluate("href => new URL(href, location.href).href", href).startswith(
        base + "en/thu-tuc/") for href in links)
    run_search(phone, "zzzz")
    assert phone.locator(".md-search-result__meta").inner_text().startswith(
        "No procedure found.")
    assert phone.locator(".md-search-result__link").count() == 0


def test_a_second_search_works_without_a_connection(mini_site: Path, serve, phone) -> None:
    phone.goto(serve(mini_site) + "thu-tuc/dang-ky-ket-hon/")
    run_search(phone, "khai sinh")
    phone.context.set_offline(True)
    run_search(phone, "giay khai sinh")
    assert titles(phone)[0] == "Đăng ký khai sinh"


def test_a_failed_download_says_so_and_the_next_search_tries_again(mini_site: Path, serve,
                                                                    phone) -> None:
    phone.goto(serve(mini_site) + "thu-tuc/dang-ky-ket-hon/", wait_until="networkidle")
    phone.context.set_offline(True)
    run_search(phone, "khai sinh")
    assert phone.locator(".md-search-result__meta").inner_text().startswith(
        "Không tải được dữ liệu tìm kiếm")
    phone.context.set_offline(False)
    run_search(phone, "khai sinh")
    assert titles(phone)[0] == "Đăng ký khai sinh"


@pytest.fixture(scope="module")
def file_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The mini site's offline edition (`use_directory_urls: false`), as on a USB stick."""
    return build(FIXTURES / "mini", tmp_path_factory.mktemp("file") / "site", offline=True)


def test_search_works_from_a_file_copy(file_site: Path, phone) -> None:
    phone.goto((file_site / "thu-tuc" / "dang-ky-ket-hon.html").as_uri())
    run_search(phone, "khai sinh")
    assert titles(phone)[0] == "Đăng ký khai sinh"
    phone.locator(".md-search-result__link").first.click()
    phone.wait_for_url("**/thu-tuc/dang-ky-khai-sinh.html")
    assert phone.locator("h1").inner_text() == "Đăng ký khai sinh"
    phone.goto((file_site / "en" / "index.html").as_uri())
    run_search(phone, "birth")
    phone.locator(".md-search-result__link").first.click()
    phone.wait_for_url("**/en/thu-tuc/dang-ky-khai-sinh.html")
    assert phone.locator("h1").inner_text() == "Birth registration"


def test_materials_own_search_is_left_out_with_a_warning(tmp_path: Path, caplog) -> None:
    project = copy_project(FIXTURES / "mini", tmp_path / "project")
    config = yaml.safe_load((project / "mkdocs.yml").read_text(encoding="utf-8"))
    config["plugins"].insert(0, "search")
    (project / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True),
                                        encoding="utf-8")
    site = build(project, project / "site")
    assert "Bỏ `- search` khỏi `plugins:`" in caplog.text
    page = (site / "thu-tuc" / "dang-ky-khai-sinh" / "index.html").read_text(encoding="utf-8")
    # Material's bundle downloads its whole index when a page has a form named "search".
    assert 'name="search"' not in page and 'class="md-search tt-search"' in page


def test_offline_a_new_word_gets_what_was_loaded_and_says_it_may_be_incomplete(
        sample_site: Path, serve, phone) -> None:
    phone.goto(serve(sample_site) + "thu-tuc/dang-ky-tam-tru/")
    run_search(phone, "khai sinh")
    phone.context.set_offline(True)
    run_search(phone, "khai sinh cho con")
    assert titles(phone)[0] == "Đăng ký khai sinh"
    assert phone.locator(".md-search-result__meta").inner_text().startswith(
        "Mất kết nối, chưa tải được hết")
