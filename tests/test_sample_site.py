"""The repository's sample commune builds, and each page shows everything its file contains."""

from __future__ import annotations

import html
import re
from pathlib import Path

from generator.first_screen import WHOLE_TITLE
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
        # A long title is set smaller (its class); the sample's are not long enough to be cut
        # (first_screen.WHOLE_TITLE).
        assert len(procedure.title) <= WHOLE_TITLE
        assert re.search(r'<h1 id="tt-tieu-de"( class="tt-title--long")?>'
                         + re.escape(html.escape(procedure.title)) + "</h1>", page)
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


# How a note says that its paper is needed only in some case: that case belongs in `when`.
ONLY_SOMETIMES = re.compile(r"^(?:Chỉ (?:cần |nộp lại )?(?:khi|với|cho trường hợp)|Chỉ dành cho"
                            r"|Nếu [^.]*:|Only (?:if|when|for|needed))", re.IGNORECASE)


def test_sample_papers_needed_only_sometimes_say_when_in_their_own_field(
        sample_site: Path) -> None:
    catalog = load_catalog(ROOT / "procedures", ROOT)
    notes = [(p.id, d.name, d.note) for p in catalog.procedures for d in p.documents]
    notes += [(o.procedure_id, str(d.get("name")), str(d.get("note", "")))
              for o in catalog.overlays for d in o.fields.get("documents", ())]  # type: ignore[attr-defined]
    assert [n for n in notes if ONLY_SOMETIMES.match(n[2])] == []
    sometimes = [(p.id, d) for p in catalog.procedures for d in p.documents if d.when]
    assert len(sometimes) >= 28 and all(d.when[0].islower() for _, d in sometimes)
    # On the page, under "Chỉ cần khi…", with the case; on the printed notice, the case too.
    page = (sample_site / "thu-tuc/dang-ky-khai-sinh/index.html").read_text(encoding="utf-8")
    when = page[page.index('<h3 id="ho-so-khi">Chỉ cần khi…</h3>'):]
    when = when[:when.index("</ul>")]
    assert '<span class="tt-doc__when">Nếu đăng ký khai sinh cho trẻ bị bỏ rơi</span>' in when
    assert "Văn bản ủy quyền" in when and "Giấy chứng sinh" not in when
    notice = (sample_site / "niem-yet/dang-ky-khai-sinh.html").read_text(encoding="utf-8")
    assert "Biên bản về việc trẻ bị bỏ rơi" in notice
    assert "(nếu đăng ký khai sinh cho trẻ bị bỏ rơi)" in notice
