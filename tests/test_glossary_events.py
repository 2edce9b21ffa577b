"""The glossary and life-event registries: reading, checking, matching and marking."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.load.events import event_procedures
from generator.load.glossary import LocalTerm
from generator.load.site import SiteSource, load_site
from generator.mkdocs.docs_pages import nav_docs
from generator.problems import CatalogError
from generator.render.glossary_marks import PageTerms, TermLinker
from generator.render.richtext import markdown_to_html
from generator.render.site_pages import language_pages
from tests.conftest import FIXTURES, ROOT, copy_project

EXPLAIN = {"ban-sao": "Bản <chụp>", "bsct": "Có dấu", "chung-thuc": "Xác nhận"}


def page_terms() -> PageTerms:
    """A page's marker for three terms, the glossary at ../../thuat-ngu/."""
    terms = tuple(LocalTerm(id=term_id, term=term, source_term=term, explain=EXPLAIN[term_id],
                            phrases=(term,), translated=True)
                  for term_id, term in (("ban-sao", "bản sao"), ("bsct", "bản sao có chứng thực"),
                                        ("chung-thuc", "chứng thực")))
    return TermLinker(terms, "Xem thêm").page("../../thuat-ngu/")


def test_longest_term_wins_and_case_is_ignored() -> None:
    assert page_terms().text("Bản sao có chứng thực") == (
        '<a class="tt-term" href="../../thuat-ngu/#bsct" title="Có dấu">'
        "Bản sao có chứng thực</a>")


def test_diacritics_must_match_exactly() -> None:
    assert page_terms().text("bàn sao, bản sáo, bản saoo") == "bàn sao, bản sáo, bản saoo"


def test_only_the_first_use_on_a_page_is_marked() -> None:
    terms = page_terms()
    assert "tt-term" in terms.text("bản sao")
    assert terms.text("bản sao") == "bản sao"  # plain text: the template escapes it


def test_markdown_text_nodes_are_marked_never_links_or_headings() -> None:
    html = markdown_to_html("## bản sao\n\n[bản sao](https://x.vn/ \"bản sao\") bản sao & "
                            "<b>chứng thực</b>", page_terms())
    assert html == (
        '<h2>bản sao</h2>\n<p><a href="https://x.vn/" rel="noopener" title="bản sao">bản sao</a> '
        '<a class="tt-term" href="../../thuat-ngu/#ban-sao" title="Bản &lt;chụp&gt;">bản sao</a>'
        ' &amp; &lt;b&gt;<a class="tt-term" href="../../thuat-ngu/#chung-thuc" title="Xác nhận">'
        "chứng thực</a>&lt;/b&gt;</p>")


def test_escaped_text_stays_escaped() -> None:
    out = page_terms().text("<script> bản sao & chứng thực")
    assert "<script>" not in out and "&lt;script&gt;" in out and "&amp;" in out
    assert out.count('class="tt-term"') == 2


def _project(tmp_path: Path, events: str | None = None, glossary: str | None = None) -> Path:
    project = copy_project(FIXTURES / "mini", tmp_path / "project")
    if events is not None:
        (project / "procedures" / "events.yml").write_text(events, encoding="utf-8")
    if glossary is not None:
        (project / "procedures" / "glossary.yml").write_text(glossary, encoding="utf-8")
    return project


def _load(project: Path):  # type: ignore[no-untyped-def]
    return load_site(SiteSource(project_root=project, catalog_dir=project / "procedures",
                                profile_file=None, profile_inline={"name": "UBND xã Thử"},
                                site_url="https://example.org/", site_name="Mini",
                                languages=()))


def test_unknown_procedure_in_events_is_reported_with_its_line(tmp_path: Path) -> None:
    project = _project(tmp_path, "- id: sinh-con\n  name: Sinh con\n  procedures:\n"
                                 "    - dang-ky-khai-sinh\n    - dang-ky-khai-snh\n")
    with pytest.raises(CatalogError) as error:
        _load(project)
    assert error.value.report().splitlines()[0] == (
        "procedures/events.yml:5: [0].procedures[1]: thủ tục `dang-ky-khai-snh` không có "
        "trong danh mục. Cách sửa: có phải ý bạn là `dang-ky-khai-sinh`?")


def test_event_named_by_a_procedure_must_be_in_the_registry(tmp_path: Path) -> None:
    project = _project(tmp_path, "- id: ket-hon\n  name: Kết hôn\n")
    with pytest.raises(CatalogError) as error:
        _load(project)
    assert "procedures/ho-tich/dang-ky-khai-sinh.yml:" in error.value.report()
    assert "events[0]: sự kiện `sinh-con` không có trong events.yml." in error.value.report()


def test_without_a_registry_there_are_no_life_event_pages(tmp_path: Path) -> None:
    site = _load(_project(tmp_path))
    assert site.events == ()
    pages = language_pages(site, "vi")
    assert not any(p.src.startswith("su-kien/") for p in pages)
    assert 'id="su-kien"' not in pages[0].html


def test_glossary_spelling_used_twice_is_reported(tmp_path: Path) -> None:
    project = _project(tmp_path, glossary=(
        "- id: ban-sao\n  term: bản sao\n  explain: Bản chụp.\n"
        "- id: ban-sao-y\n  term: bản sao y\n  variants: [Bản sao]\n  explain: Bản chụp.\n"))
    with pytest.raises(CatalogError) as error:
        _load(project)
    assert error.value.report().splitlines()[0] == (
        "procedures/glossary.yml:5: [1].term: cách viết `Bản sao` đã có ở thuật ngữ `ban-sao`. "
        "Cách sửa: mỗi cách viết chỉ thuộc về một thuật ngữ; xoá một trong hai.")


def test_guide_link_only_when_the_guide_page_exists(tmp_path: Path) -> None:
    site = _load(_project(tmp_path))
    guide = "huong-dan/nop-ho-so-truc-tuyen.md"
    for docs, expected in (((), 0), ((guide,), 1)):
        page = next(p for p in language_pages(site, "vi", True, docs)
                    if p.src == "thu-tuc/dang-ky-khai-sinh.md")
        assert page.html.count('href="../../huong-dan/nop-ho-so-truc-tuyen/"') == expected


SAMPLE = ROOT / "procedures" / "categories.yml"


@pytest.mark.skipif(not SAMPLE.exists(), reason="the sample catalog has not landed yet")
def test_sample_life_events_are_in_the_order_people_do_them() -> None:
    site = load_site(SiteSource(project_root=ROOT, catalog_dir=ROOT / "procedures",
                                profile_file=ROOT / "profiles" / "xa-mau.yml",
                                profile_inline=None, site_url="https://example.org/",
                                site_name="Xã Mẫu", languages=()))
    events = {e.id: e for e in site.events}
    assert set(events) >= {"sinh-con", "ket-hon", "qua-doi", "chuyen-noi-o", "tuoi-gia",
                           "khuyet-tat", "dat-dai-nha-o", "giay-to-ban-sao"}
    order = [p.id for p in event_procedures(events["dat-dai-nha-o"], list(site.procedures))]
    assert order.index("hoa-giai-tranh-chap-dat-dai") < order.index(
        "giai-quyet-tranh-chap-dat-dai")  # mediation comes before a dispute is decided
    assert [p.id for p in event_procedures(events["qua-doi"], list(site.procedures))][0] == \
        "dang-ky-khai-tu"


def test_copying_the_sample_glossary_keeps_it_valid(tmp_path: Path) -> None:
    project = _project(tmp_path)
    for path in (ROOT / "procedures").glob("glossary*.yml"):
        shutil.copy(path, project / "procedures" / path.name)
    site = _load(project)
    assert len(site.glossary.terms) == 60
    assert site.glossary.drafts == frozenset({"en"})
    english = {t.id: t for t in site.glossary.in_language("en")}
    assert all(t.translated for t in english.values())


def test_glossary_translation_with_an_unknown_term_is_reported(tmp_path: Path) -> None:
    project = _project(tmp_path, glossary="- id: ban-sao\n  term: bản sao\n  explain: Bản chụp.\n")
    (project / "procedures" / "glossary.en.yml").write_text(
        "status: reviewed\nterms:\n  - id: ban-sao\n    term: copy\n    explain: A copy.\n"
        "  - id: ban-soa\n    term: copi\n", encoding="utf-8")
    with pytest.raises(CatalogError) as error:
        _load(project)
    assert error.value.report().splitlines()[0] == (
        "procedures/glossary.en.yml:6: terms[1].id: thuật ngữ `ban-soa` không có trong "
        "glossary.yml hay bảng thuật ngữ mặc định. Cách sửa: có phải ý bạn là `ban-sao`?")


DEFAULT_COUNT = 60  # the terms of generator/glossary/vi.yml


def _page(site, src: str) -> str:  # type: ignore[no-untyped-def]
    return next(p for p in language_pages(site, "vi") if p.src == src).html


def test_a_catalog_without_a_glossary_gets_the_default_terms_marked_and_listed(
        tmp_path: Path) -> None:
    project = _project(tmp_path)
    assert not list((project / "procedures").glob("glossary*.yml"))
    site = _load(project)
    assert len(site.glossary.terms) == DEFAULT_COUNT
    assert {"ban-chinh", "ban-sao", "chung-thuc", "trich-luc", "ho-tich", "thuong-tru",
            "tam-tru", "to-khai", "le-phi", "phi", "uy-quyen", "khai-sinh",
            "can-cuoc"} <= {t.id for t in site.glossary.terms}
    assert site.glossary.drafts == frozenset({"en"})  # the default English is a draft
    birth = _page(site, "thu-tuc/dang-ky-khai-sinh.md")
    assert 'class="tt-term" href="../../thuat-ngu/#to-khai"' in birth
    listed = _page(site, "thuat-ngu.md")
    assert 'id="ban-chinh"' in listed and "Giấy tờ gốc do cơ quan có thẩm quyền cấp" in listed


def test_a_catalog_term_with_a_default_id_replaces_that_term_only(tmp_path: Path) -> None:
    project = _project(tmp_path, glossary=(
        "- id: to-khai\n  term: tờ khai\n  explain: Tờ giấy xã phát để mình điền.\n"
        "- id: dong-dau\n  term: đóng dấu\n  explain: In con dấu của cơ quan lên giấy.\n"))
    site = _load(project)
    terms = {t.id: t for t in site.glossary.terms}
    assert len(terms) == DEFAULT_COUNT + 1 and list(terms)[-1] == "dong-dau"
    assert terms["to-khai"].explain == "Tờ giấy xã phát để mình điền."
    assert terms["ban-chinh"].explain.startswith("Giấy tờ gốc")
    english = {t.id: t for t in site.glossary.in_language("en")}
    # the default English explained the default's words: a replaced term shows the catalog's
    assert not english["to-khai"].translated and english["ban-chinh"].translated
    assert 'title="Tờ giấy xã phát để mình điền."' in _page(site, "thu-tuc/dang-ky-khai-sinh.md")


def test_a_catalog_term_spelt_like_a_default_term_replaces_it(tmp_path: Path) -> None:
    """A glossary.yml written before the default existed keeps its meaning."""
    site = _load(_project(tmp_path, glossary=(
        "- id: ngay\n  term: ngày làm việc\n  explain: Trừ thứ Bảy, Chủ nhật.\n")))
    ids = [t.id for t in site.glossary.terms]
    assert "ngay" in ids and "ngay-lam-viec" not in ids and len(ids) == DEFAULT_COUNT


def test_a_hidden_entry_drops_a_default_term(tmp_path: Path) -> None:
    site = _load(_project(tmp_path, glossary="- id: to-khai\n  hidden: true\n"))
    assert "to-khai" not in {t.id for t in site.glossary.terms}
    assert len(site.glossary.terms) == DEFAULT_COUNT - 1
    assert "#to-khai" not in _page(site, "thu-tuc/dang-ky-khai-sinh.md")
    assert 'id="to-khai"' not in _page(site, "thuat-ngu.md")


def test_hiding_a_term_the_default_lacks_is_reported(tmp_path: Path) -> None:
    with pytest.raises(CatalogError) as error:
        _load(_project(tmp_path, glossary="- id: ban-chinh\n  hidden: true\n"
                                          "- id: to-khia\n  hidden: true\n"))
    assert error.value.report().splitlines()[0] == (
        "procedures/glossary.yml:3: [1].id: thuật ngữ `to-khia` không có trong bảng thuật ngữ "
        "mặc định. Cách sửa: có phải ý bạn là `to-khai`?")


def test_legal_basis_headings_and_facts_are_not_marked(tmp_path: Path) -> None:
    """"hộ tịch" is in the legal basis, "ngày" in the answer box and headings, "nhắc nhở" in
    a Markdown answer: only text outside those is marked, once, on the rendered page."""
    site = _load(_project(tmp_path, glossary=(
        "- id: ho-tich\n  term: hộ tịch\n  explain: Giấy tờ về khai sinh, kết hôn.\n"
        "- id: ngay\n  term: ngày làm việc\n  explain: Trừ thứ Bảy, Chủ nhật.\n"
        "- id: nhac-nho\n  term: nhắc nhở\n  explain: Nói cho biết.\n")))
    pages = language_pages(site, "vi")
    page = next(p for p in pages if p.src == "thu-tuc/dang-ky-khai-sinh.md")
    legal = page.html[page.html.index('<details class="tt-legal">'):]
    assert "tt-term" not in legal.split("</details>")[0]
    facts = page.html[page.html.index('<dl class="tt-facts">'):page.html.index("</dl>")]
    assert "tt-term" not in facts
    assert page.html.count('href="../../thuat-ngu/#ngay"') == 1  # the duration section
    assert '<p class="tt-duration">Ngay trong <a class="tt-term" href="../../thuat-ngu/#ngay"' \
        in page.html
    assert ('<strong><a class="tt-term" href="../../thuat-ngu/#nhac-nho" '
            'title="Nói cho biết.">nhắc nhở</a></strong>') in page.html
    assert page.html.endswith('<span id="tt-term-more" hidden>Xem trong trang Giải thích từ '
                              'ngữ</span>')


def test_a_folder_with_an_index_shows_only_its_index_in_the_nav() -> None:
    srcs = ["cach-dung.md", "huong-dan/a.md", "huong-dan/index.md", "khac/b.md", "khac/c.md"]
    assert nav_docs(srcs) == ["cach-dung.md", "huong-dan/index.md", "khac/b.md", "khac/c.md"]
