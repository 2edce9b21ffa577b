"""Every language has every page, in its own language where translated, honest where not."""

from __future__ import annotations

import gzip
import html
import re
from pathlib import Path
from xml.etree import ElementTree

import pytest

from generator.cli.main import main
from generator.load.strings import load_strings
from tests.conftest import build
from tests.langproject import procedure, random_catalog, write_project

LANGUAGES = [("vi", "Tiếng Việt"), ("en", "English"), ("hre", "Hrê"), ("bdq", "Bahnar"),
             ("km", "ខ្មែរ")]
SITEMAP_NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9",
              "x": "http://www.w3.org/1999/xhtml"}


def page(site: Path, lang: str, procedure_id: str) -> str:
    prefix = "" if lang == "vi" else f"{lang}/"
    return (site / f"{prefix}thu-tuc/{procedure_id}/index.html").read_text(encoding="utf-8")


def article(text: str) -> str:
    return text[text.index("<article"):text.index("</article>")]


def words(body: str) -> str:
    """The text of `body` without its tags (glossary links split a sentence's HTML)."""
    return re.sub(r"<[^>]+>", "", body)


def page_notices(body: str) -> list[str]:
    """The translation notices of a page's article (not the Nghe player's own notes)."""
    return re.findall(r'<p class="tt-notice tt-notice--(?:untranslated|draft|stale)".*?</p>',
                      body)


@pytest.mark.parametrize("seed", [1, 2])
def test_random_catalog_every_language_every_page(tmp_path: Path, seed: int) -> None:
    codes = [code for code, _ in LANGUAGES]
    procedures, overlays = random_catalog(seed, codes[1:])
    project = write_project(tmp_path / "p", LANGUAGES, procedures, overlays)
    site = build(project, tmp_path / "site")
    for source in procedures:
        pid = source["id"]
        for lang in codes:
            text = page(site, lang, pid)
            assert f'<html lang="{lang}"' in text
            body = article(text)
            overlay = overlays.get((pid, lang), {}) if lang != "vi" else {}
            title = overlay.get("title") or source["title"]
            assert re.search(rf'<h1 id="tt-tieu-de"[^>]*>{re.escape(html.escape(title))}</h1>',
                             body)
            if lang != "vi" and "title" not in overlay:
                assert '<h1 id="tt-tieu-de" lang="vi">' in body
            summary = overlay.get("summary") or source["summary"]
            assert html.escape(summary) in words(body)
            for index, step in enumerate(source["steps"]):
                row = overlay.get("steps", [{}] * len(source["steps"]))[index]
                assert html.escape(row.get("title") or step["title"]) in words(body)
                assert html.escape(row.get("text") or step["text"]) in words(body)
            found = page_notices(body)
            if lang == "vi":
                assert found == []
                continue
            # A page not all translated and reviewed says so once, at the top; a draft says so.
            lacks = "title" not in overlay or overlay.get("status") == "draft"
            assert len(found) <= 1, (pid, lang, found)
            if lacks:
                assert len(found) == 1, (pid, lang)
                assert body.index(found[0]) < body.index('<section class="tt-section"')
            draft = html.escape(load_strings(lang).t("notice_draft"))
            assert (overlay.get("status") == "draft") == any(draft in n for n in found)

def test_partial_list_draft_and_notices_in_page_language(tmp_path: Path) -> None:
    source = procedure("mot")
    overlay = {"status": "draft", "title": "One", "summary": "One summary.",
               "steps": [{"title": "First", "text": "First text."}, {"title": "Second"}]}
    project = write_project(tmp_path / "p", LANGUAGES[:3], [source], {("mot", "en"): overlay})
    site = build(project, tmp_path / "site")
    body = article(page(site, "en", "mot"))
    # Step 2's text is not translated: it is marked Vietnamese, and no section says so again.
    assert '<div class="tt-step__text" lang="vi"><p>Nội dung bước 2 của mot.</p></div>' in body
    assert '<div class="tt-step__text"><p>First text.</p></div>' in body
    # One calm notice at the top, in English: parts untranslated, not reviewed, a way back.
    (notice,) = page_notices(body)
    assert body.index(notice) < body.index('<section class="tt-section"')
    assert notice.startswith('<p class="tt-notice tt-notice--untranslated">')
    assert "Some parts are not translated yet" in notice
    assert "This translation has not been reviewed" in notice
    link = re.search(r'<a class="tt-notice__link" href="([^"]+)" hreflang="vi">', notice)
    assert link and link.group(1) == "../../../thu-tuc/mot/"
    # hre has no interface translation: the notice is in Vietnamese and says so (lang="vi"),
    # as does the Vietnamese text shown; the notices add at most 40 words.
    text = page(site, "hre", "mot")
    assert '<html lang="hre"' in text
    hre = article(text)
    (notice,) = page_notices(hre)
    assert notice.startswith('<p class="tt-notice tt-notice--untranslated" lang="vi">'
                             "Một số phần chưa được dịch")
    assert len(re.sub(r"<[^>]+>", " ", notice).split()) <= 40
    assert '<h1 id="tt-tieu-de" lang="vi">' in hre
    assert '<p class="tt-summary" lang="vi">' in hre

def test_category_names_and_home_per_language(tmp_path: Path) -> None:
    categories = [{"id": "ho-tich", "name": "Hộ tịch", "names": {"en": "Civil status"}}]
    project = write_project(tmp_path / "p", LANGUAGES[:3], [procedure("mot")], {},
                            categories=categories)
    site = build(project, tmp_path / "site")
    home_en = (site / "en/index.html").read_text(encoding="utf-8")
    assert '<html lang="en"' in home_en and "Civil status" in home_en
    assert "Fields" in article(home_en)
    home_hre = (site / "hre/index.html").read_text(encoding="utf-8")
    assert '<span class="tt-category__name" lang="vi">Hộ tịch</span>' in home_hre


def test_one_sitemap_with_alternates_for_every_page(tmp_path: Path) -> None:
    project = write_project(tmp_path / "p", LANGUAGES[:3],
                            [procedure("mot"), procedure("hai")], {})
    site = build(project, tmp_path / "site")
    assert sorted(p.relative_to(site).as_posix() for p in site.rglob("sitemap*")) == \
        ["sitemap.xml", "sitemap.xml.gz"]
    raw = (site / "sitemap.xml").read_bytes()
    assert gzip.decompress((site / "sitemap.xml.gz").read_bytes()) == raw
    assert (site / "sitemap.xml.gz").read_bytes()[4:8] == b"\0\0\0\0"  # mtime 0
    urls = ElementTree.fromstring(raw).findall("s:url", SITEMAP_NS)
    locs = [u.findtext("s:loc", namespaces=SITEMAP_NS) for u in urls]
    base = "https://example.org/xa/"
    # The glossary page: the tool ships a default glossary of official terms.
    pages = ["", "linh-vuc/ho-tich/", "tat-ca-thu-tuc/", "thuat-ngu/", "thu-tuc/hai/",
             "thu-tuc/mot/"]
    assert sorted(locs) == sorted(base + prefix + p for p in pages
                                  for prefix in ("", "en/", "hre/"))
    for url in urls:
        loc = url.findtext("s:loc", namespaces=SITEMAP_NS)
        path = loc.removeprefix(base).removeprefix("en/").removeprefix("hre/")
        alternates = {a.get("hreflang"): a.get("href")
                      for a in url.findall("x:link", SITEMAP_NS)}
        assert alternates == {"vi": base + path, "en": base + "en/" + path,
                              "hre": base + "hre/" + path, "x-default": base + path}
    # Deterministic: a second build writes the same bytes.
    again = build(project, tmp_path / "again")
    assert (again / "sitemap.xml.gz").read_bytes() == (site / "sitemap.xml.gz").read_bytes()


def test_stale_field_is_said_once_at_the_top(tmp_path: Path) -> None:
    overlay = {"status": "reviewed", "title": "One", "summary": "One summary.",
               "documents": [{"name": "Paper 1"}, {"name": "Paper 2"}],
               "steps": [{"title": "S1", "text": "T1"}, {"title": "S2", "text": "T2"}],
               "duration": "Same day", "result": "A result"}
    project = write_project(tmp_path / "p", LANGUAGES[:2], [procedure("mot")],
                            {("mot", "en"): overlay})
    assert main(["translations", "-f", str(project / "mkdocs.yml"), "stamp"]) == 0
    source = project / "procedures/ho-tich/mot.yml"
    source.write_text(source.read_text(encoding="utf-8").replace(
        "Kết quả của mot", "Kết quả mới"), encoding="utf-8")
    body = article(page(build(project, tmp_path / "site"), "en", "mot"))
    # A reviewed, complete translation whose source changed: one notice, at the top, that
    # says so in English; no section repeats it.
    (notice,) = page_notices(body)
    assert notice.startswith('<p class="tt-notice tt-notice--stale">'
                             "The Vietnamese text has changed since it was translated.")
    assert body.index(notice) < body.index('<section class="tt-section"')
    assert 'hreflang="vi"' in notice


def fee_lines(body: str) -> list[str]:
    """The first screen's fee lines, as read."""
    box = re.search(r'<div class="tt-facts__fees[^"]*"><dt>[^<]*</dt><dd[^>]*>(.*?)</dd>', body)
    assert box, "no fee line"
    lines = re.split(r'<span class="tt-facts__line[^"]*">', box[1])
    return [text for line in lines if (text := html.unescape(words(line)).strip())]


def test_fees_say_what_everyone_pays_first_and_when_the_others_are_paid(
        tmp_path: Path) -> None:
    copies = procedure("ban-sao", fees=[
        {"name": "Phí cấp bản sao", "amount": 8000, "when": "nếu cần bản sao",
         "note": "Mỗi bản."},
        {"name": "Lệ phí", "amount": 0}])
    unsaid = procedure("khong-noi", fees=[  # nothing says which is everyone's: each is named
        {"name": "Phí sao y", "amount": 5000}, {"name": "Lệ phí", "amount": 0}])
    by_channel = procedure("theo-cach-nop", fees=[  # one or the other: no "Miễn phí" first
        {"name": "Lệ phí", "amount": 7000, "when": "nếu nộp trực tuyến"},
        {"name": "Lệ phí", "amount": 10000, "when": "nếu nộp trực tiếp"}])
    overlay = {"status": "reviewed", "title": "Copies",
               "fees": [{"when": "if you need copies", "note": "Per copy."}, {}]}
    project = write_project(tmp_path / "p", LANGUAGES[:3], [copies, unsaid, by_channel],
                            {("ban-sao", "en"): overlay})
    site = build(project, tmp_path / "site")
    assert fee_lines(page(site, "vi", "ban-sao")) == ["Miễn phí",
                                                      "Nếu cần bản sao: 8.000 đồng (mỗi bản)"]
    assert fee_lines(page(site, "vi", "khong-noi")) == ["Phí sao y: 5.000 đồng",
                                                        "Lệ phí: Miễn phí"]
    assert fee_lines(page(site, "vi", "theo-cach-nop")) == [
        "Nếu nộp trực tuyến: 7.000 đồng", "Nếu nộp trực tiếp: 10.000 đồng"]
    assert fee_lines(page(site, "en", "ban-sao")) == [
        "Free of charge", "If you need copies: 8,000 đồng (per copy)"]
    # Untranslated on an English page: each piece says its own language, the amounts are
    # English; on a Hrê page (no words of its own for amounts) all of it is Vietnamese, said once.
    english = page(site, "en", "khong-noi")
    assert ('<dd><span lang="vi">Phí sao y</span>: 5,000 đồng <span class="tt-facts__line">'
            '<span lang="vi">Lệ phí</span>: Free of charge</span></dd>') in english
    assert '<strong class="tt-fee__amount">5,000 đồng</strong>' in english
    assert ('<span class="tt-facts__case"><span lang="vi">Nếu nộp trực tuyến</span>: 7,000 đồng'
            '</span>') in page(site, "en", "theo-cach-nop")
    assert ('<dd>Free of charge <span class="tt-facts__line tt-facts__case">If you need copies'
            in page(site, "en", "ban-sao"))
    hre = page(site, "hre", "khong-noi")
    assert ('<dd lang="vi">Phí sao y: 5.000 đồng <span class="tt-facts__line">Lệ phí: Miễn phí'
            '</span></dd>') in hre
    assert '<strong class="tt-fee__amount" lang="vi">5.000 đồng</strong>' in hre
    # The fees section too: everyone's first, then each other with its case.
    section = page(site, "vi", "ban-sao")
    section = words(section[section.index('<ul class="tt-fees">'):])
    assert section.index("Lệ phí: Miễn phí") < section.index("Phí cấp bản sao: 8.000 đồng")
    assert "8.000 đồngNếu cần bản saoMỗi bản." in section
    notice = (site / "niem-yet/ban-sao.html").read_text(encoding="utf-8")
    assert re.search(r"Lệ phí: <strong>Miễn phí</strong></li><li>Phí cấp bản sao: "
                     r"<strong>8.000 đồng</strong> \(nếu cần bản sao\)</li>", notice)
