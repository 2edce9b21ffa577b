"""Script and HTML written into every text field stay text: shown literally, never run.

tests/fixtures/hostile puts `<script>alert('FIELD')</script><img onerror>...<svg onload>` into
every text field of a procedure, its English overlay, its category, the commune profile and the
language names, plus `javascript:` links in the Markdown fields.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.conftest import FIXTURES, build, lay_out_every_section

SHOWN = {
    "": {"profile.name", "category.name", "language.name"},
    "linh-vuc/ho-tich/": {"title", "summary", "category.name"},
    "thu-tuc/doc-hai/": {
        "title", "summary", "code", "applicants", "agency", "conditions", "documents.name",
        "documents.note", "steps.title", "steps.text", "channels.duration", "channels.fee",
        "channels.note", "duration", "fees.name", "fees.note", "result", "faq.q", "faq.a",
        "profile.name", "profile.address", "profile.hours", "category.name", "language.name"},
    "en/thu-tuc/doc-hai/": {
        "en.title", "en.summary", "en.documents.name", "en.steps.title", "en.steps.text",
        "en.faq.q", "en.faq.a", "category.en", "language.name"},
}
# Elements that could run or fetch something; the page's own JSON-LD and QR code are expected.
ACTIVE = ("[onerror], [onload], [onclick], a[href^='javascript:' i], "
          "article script:not([type='application/ld+json']), article img:not(.tt-qr__code)")


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build(FIXTURES / "hostile", tmp_path_factory.mktemp("hostile") / "site")


@pytest.mark.parametrize("path", sorted(SHOWN))
def test_hostile_text_is_visible_and_inert(hostile_site: Path, serve, phone, path: str) -> None:
    dialogs: list[str] = []
    phone.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    phone.goto(serve(hostile_site) + path)
    lay_out_every_section(phone)
    text = phone.locator("body").inner_text()
    shown = set(re.findall(r"<script>alert\('([^']+)'\)</script><img src=x onerror=", text))
    assert SHOWN[path] <= shown
    assert phone.locator(ACTIVE).count() == 0
    assert phone.locator("svg[onload]").count() == 0
    assert dialogs == []


def test_hostile_titles_in_search_results_stay_text(hostile_site: Path, serve, phone) -> None:
    dialogs: list[str] = []
    phone.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    phone.goto(serve(hostile_site) + "thu-tuc/doc-hai/")
    phone.locator("label.md-header__button[for='__search']").click()
    # Typed key by key: Material's search listens to key presses.
    phone.locator("input.md-search__input").press_sequentially("title")
    results = phone.locator(".md-search-result__item")
    results.first.wait_for(timeout=15000)
    titles = " ".join(results.all_inner_texts())
    assert "<script>alert('title')</script>" in titles
    assert phone.locator(".md-search-result " + ACTIVE.replace(", ", ", .md-search-result "))\
        .count() == 0
    assert dialogs == []
