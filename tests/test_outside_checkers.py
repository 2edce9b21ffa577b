"""What checkers the project did not write say about every page the sites build: the Nu Html
Checker finds no error, every JSON-LD block type-checks against schema.org (schema-dts), every
page has a meta description, and the 404 page finds its way home under any sub-path.

The checkers come from tests/checkers (npm, pinned) and need Java; .ci/setup installs both.
Where they are missing these tests are skipped, except in CI (`CI` set), where they fail.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest

from tests.conftest import FIXTURES, build
from tests.outside_checkers import (
    html_files,
    jsonld_blocks,
    missing_tools,
    nu_errors,
    schema_errors,
)

_missing = missing_tools()
if _missing and os.environ.get("CI"):
    raise RuntimeError(f"outside checkers cannot run: {_missing}")
pytestmark = pytest.mark.skipif(bool(_missing), reason=_missing)


@pytest.fixture(scope="module")
def portal_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A catalog the page code was not developed on, with three languages."""
    return build(FIXTURES / "portal", tmp_path_factory.mktemp("portal-checked") / "site")


def test_the_nu_html_checker_finds_no_error_on_any_page(sample_site: Path,
                                                         portal_site: Path) -> None:
    for site in (sample_site, portal_site):
        files = html_files(site)
        assert len(files) > 30
        errors = nu_errors(site, files)
        assert errors == [], "\n".join(map(str, errors[:20]))


def test_the_nu_checker_is_really_checking(tmp_path: Path) -> None:
    page = tmp_path / "bad.html"
    page.write_text('<!doctype html><html lang="vi"><title>x</title>'
                    '<input type="checkbox" autocomplete="off"><form action=""></form>',
                    encoding="utf-8")
    messages = [error.message for error in nu_errors(tmp_path, [page])]
    assert len(messages) == 2 and "autocomplete" in messages[0]


def test_structured_data_type_checks_against_schema_org(sample_site: Path,
                                                         portal_site: Path) -> None:
    for site in (sample_site, portal_site):
        blocks = jsonld_blocks(site)
        procedure_pages = [f for f in site.rglob("thu-tuc/*/index.html")]
        assert len(blocks) == len(procedure_pages) > 0
        assert schema_errors(blocks) == []
        page = json.loads(blocks[0][1])
        assert page["@type"] == "WebPage" and page["mainEntity"]["@type"] == "GovernmentService"


def test_the_schema_check_refuses_what_schema_org_does_not_define() -> None:
    wrong = json.dumps({"@context": "https://schema.org", "@type": "WebPage",
                        "mainEntity": {"@type": "GovernmentService", "name": "x",
                                       "inLanguage": "vi"}})
    errors = schema_errors([("a.html", wrong), ("b.html", '{"@type": "Not a type"}')])
    assert [e.file for e in errors] == ["b.html", "a.html"]
    assert "inLanguage" in errors[1].message


def test_every_page_has_a_meta_description(sample_site: Path) -> None:
    missing = [f.relative_to(sample_site).as_posix() for f in html_files(sample_site)
               if not re.search(r'<meta name="description" content="[^"]{10,}"',
                                f.read_text(encoding="utf-8"))]
    assert missing == []


@pytest.mark.parametrize("prefix", ["/xa/ea-sol/", "/", "/another/place/"])
def test_the_not_found_page_finds_home_under_any_sub_path(portal_site: Path, serve, browser,
                                                           prefix: str, tmp_path: Path) -> None:
    # Built for /xa/ea-sol/ (site_url); served there, at the root, or elsewhere.
    page = (portal_site / "404.html").read_text(encoding="utf-8")
    assert 'rel="stylesheet"' not in page and "<style>" in page, "no stylesheet to miss"
    alias = tmp_path / "site"  # `serve` mounts one folder under one prefix only
    alias.symlink_to(portal_site, target_is_directory=True)
    base = serve(alias, prefix)
    missing = base + "en/thu-tuc/khong-co-trang-nay/"
    # A web server answers any unknown address with this file, as nginx's error_page does.
    # (Without the service worker, which would answer from the test server instead.)
    context = browser.new_context(service_workers="block")
    phone = context.new_page()
    phone.route(missing, lambda route: route.fulfill(status=404, body=page,
                                                     content_type="text/html; charset=utf-8"))
    phone.goto(missing)
    assert phone.locator("h1").inner_text() == "Không tìm thấy trang"
    phone.locator("#tt-home").click()
    phone.wait_for_load_state()
    assert phone.url == base
    assert phone.locator(".tt-categories a").count() > 0, "the home page, with its styles"
    phone.goto(missing)
    phone.locator("#tt-all").click()
    phone.wait_for_load_state()
    assert phone.url == base + "tat-ca-thu-tuc/"
    assert phone.locator(".tt-listing a").count() == 3
    context.close()
