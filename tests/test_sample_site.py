"""The repository's sample commune builds, and each page shows everything its file contains."""

from __future__ import annotations

import html
import re
from pathlib import Path

from generator.load.catalog import load_catalog
from generator.load.strings import load_strings
from tests.conftest import ROOT

LANGUAGES = ("", "en/", "rad/", "hre/")


def test_every_sample_procedure_has_a_page_in_every_language(sample_site: Path) -> None:
    catalog = load_catalog(ROOT / "procedures", ROOT)
    assert len(catalog.procedures) >= 25
    assert len({p.category for p in catalog.procedures}) >= 5
    for prefix in LANGUAGES:
        for procedure in catalog.procedures:
            assert (sample_site / f"{prefix}thu-tuc/{procedure.id}/index.html").is_file()
        for category in catalog.categories:
            assert (sample_site / f"{prefix}linh-vuc/{category.id}/index.html").is_file()


def test_vietnamese_pages_show_every_document_step_duration_fee_and_result(
        sample_site: Path) -> None:
    strings = load_strings("vi")
    for procedure in load_catalog(ROOT / "procedures", ROOT).procedures:
        page = (sample_site / f"thu-tuc/{procedure.id}/index.html").read_text(encoding="utf-8")
        text = html.unescape(re.sub(r"<[^>]+>", "", page))
        assert f'<h1 id="tt-tieu-de">{html.escape(procedure.title)}</h1>' in page
        for document in procedure.documents:
            assert document.name in text
        assert page.count('class="tt-step"') == len(procedure.steps)
        for step in procedure.steps:
            assert step.title in text
        assert procedure.duration in text and procedure.result in text
        for fee in procedure.fees:
            assert strings.money(fee.amount) in text
        assert strings.date(procedure.updated) in text


def test_the_sample_says_it_is_an_example_on_every_page(sample_site: Path) -> None:
    for page in sample_site.rglob("*.html"):
        if page.name != "404.html":
            assert "tt-example-banner" in page.read_text(encoding="utf-8"), page


def test_navigation_holds_categories_not_procedures(sample_site: Path) -> None:
    page = (sample_site / "thu-tuc/dang-ky-khai-sinh/index.html").read_text(encoding="utf-8")
    nav = page[page.index('<nav class="md-nav md-nav--primary"'):]
    nav = nav[:nav.index("</nav>")]
    assert "linh-vuc/ho-tich/" in nav
    assert "thu-tuc/" not in nav
