"""The language of interface text in Chromium, on the sample's Ê Đê and Hrê pages.

An interface string these languages lack is shown in Vietnamese (generator/strings/vi.yml):
the element showing it says `lang="vi"`, so a screen reader reads it with a Vietnamese voice
and a browser offers no wrong translation; the strings a language has keep the page's own
language. The Vietnamese texts looked for are worked out from the strings files (the keys
missing from rad.yml and hre.yml), with `{count}` and the like matching any text, and from
Material's Vietnamese labels (skip link, contents, back to top), which Material has in no
language of Vietnam's minorities.
"""

from __future__ import annotations

import re
from pathlib import Path

import material
import pytest

from benchmarks.search_cost import run_search
from generator.load.strings import load_strings
from tests.conftest import lay_out_every_section

LANGUAGES = ("rad", "hre")
PAGES = {  # page type -> its address under a language's folder
    "procedure": "thu-tuc/dang-ky-khai-sinh/",
    "home": "",
    "category": "linh-vuc/ho-tich/",
    "event": "su-kien/sinh-con/",
    "a-to-z": "tat-ca-thu-tuc/",
    "glossary": "thuat-ngu/",
    "notice": "niem-yet/dang-ky-khai-sinh.html",  # printed
    "counter sheet": "niem-yet/linh-vuc/ho-tich.html",
    "not found": "404.html",
}
PLACEHOLDER = re.compile(r"\{[a-z_]+\}")
MATERIAL_VI = Path(material.__file__).parent / "templates/partials/languages/vi.html"
MATERIAL_LABEL = re.compile(r'^\s*"([a-z.]+)": "([^"]+)"', re.MULTILINE)

# Every visible text node with its closest `[lang]`, and the text of the attributes people
# hear or read (placeholder, alt) with the language of their element.
SHOWN = """() => {
  const found = [], walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.textContent.replace(/\\s+/g, " ").trim(), element = node.parentElement;
    if (!text || !element.checkVisibility({visibilityProperty: true})) continue;
    found.push([text, element.closest("[lang]").lang, element.outerHTML.slice(0, 120)]);
  }
  for (const element of document.querySelectorAll("[placeholder], img[alt]")) {
    const text = element.getAttribute("placeholder") || element.getAttribute("alt");
    found.push([text, element.closest("[lang]").lang, element.outerHTML.slice(0, 120)]);
  }
  return found;
}"""


def _pattern(text: str) -> re.Pattern[str]:
    """A strings file's text as a pattern of what a page shows: `{count}` is any text."""
    pieces = PLACEHOLDER.split(" ".join(text.split()))
    return re.compile(".+?".join(re.escape(piece) for piece in pieces))


def _patterns(lang: str) -> tuple[list[re.Pattern[str]], list[re.Pattern[str]]]:
    """The texts `lang` shows in Vietnamese (its missing keys) and those it has of its own."""
    strings = load_strings(lang)
    labels = [text for key, text in MATERIAL_LABEL.findall(MATERIAL_VI.read_text("utf-8"))
              if key not in ("language", "direction") and not key.startswith("search.config")]
    fallback = [_pattern(strings.fallback[key]) for key in strings.missing]
    fallback += [re.compile(re.escape(text)) for text in labels]
    own = [_pattern(text) for key, text in strings.own.items() if text != strings.fallback[key]]
    return fallback, own


def _pieces(text: str) -> set[str]:
    """A text node and the parts the generator joins interface strings into it with
    (`Cập nhật ngày 25/11/2026 · Mã thủ tục: 1.001193`, `Nộp trực tiếp: Ngay trong ngày`)."""
    return {text, *text.split(" · "), *(p for s in text.split(" · ") for p in s.split(": "))}


def _wrong(shown: list[list[str]], lang: str) -> tuple[list[str], list[str], int]:
    """Interface text in the wrong language: (Vietnamese fallbacks not marked `vi`, the
    language's own strings not in `lang`, how many fallbacks were seen)."""
    fallback, own = _patterns(lang)
    unmarked, mislabelled, seen = [], [], 0
    for text, closest, html in shown:
        pieces = _pieces(text)
        if any(p.fullmatch(piece) for p in fallback for piece in pieces):
            seen += 1
            if closest != "vi":
                unmarked.append(f"{text!r} in {closest!r}: {html}")
        elif any(p.fullmatch(text) for p in own) and closest != lang:
            mislabelled.append(f"{text!r} in {closest!r}: {html}")
    return unmarked, mislabelled, seen


@pytest.fixture(scope="module")
def sample_url(sample_site: Path, serve) -> str:
    return serve(sample_site)


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("page_type", PAGES)
def test_vietnamese_interface_text_says_it_is_vietnamese(sample_url: str, phone, lang: str,
                                                          page_type: str) -> None:
    phone.goto(f"{sample_url}{lang}/{PAGES[page_type]}", wait_until="networkidle")
    lay_out_every_section(phone)
    assert phone.evaluate("document.documentElement.lang") == lang, phone.content()[:300]
    unmarked, mislabelled, seen = _wrong(phone.evaluate(SHOWN), lang)
    assert seen >= 3, "the page shows Vietnamese interface text"
    assert unmarked == [], f"{len(unmarked)} of {seen}:\n" + "\n".join(unmarked)
    assert mislabelled == []


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_search_box_says_its_vietnamese_texts_are_vietnamese(sample_url: str, phone,
                                                                  lang: str) -> None:
    phone.goto(f"{sample_url}{lang}/{PAGES['procedure']}", wait_until="networkidle")
    for query in ("khai sinh", "zzzz"):  # results, then none
        run_search(phone, query)
        unmarked, mislabelled, seen = _wrong(phone.evaluate(SHOWN), lang)
        meta = phone.locator(".md-search-result__meta")
        assert meta.is_visible() and meta.inner_text()
        assert seen >= 3 and unmarked == [] and mislabelled == [], "\n".join(unmarked)
        assert meta.evaluate("e => e.closest('[lang]').lang") == "vi", query


@pytest.mark.parametrize("lang", ("en", "rad"))
def test_the_communes_own_words_say_they_are_vietnamese(sample_url: str, phone,
                                                         lang: str) -> None:
    """The office's name, its address and hours come from the commune's profile, written in
    Vietnamese whatever the page's language; the procedure's own agency says its language
    (translated on the English page, not on the Ê Đê one)."""
    phone.goto(f"{sample_url}{lang}/{PAGES['procedure']}")
    office, address = phone.locator(".tt-facts__where dd > span").all()
    where = phone.locator(".tt-where dd").all()  # office (and agency), address, hours, phone
    hours = where[2].locator("span").first
    for element in (office, address, where[0].locator("span").first, where[1], hours):
        assert element.evaluate("e => e.closest('[lang]').lang") == "vi", element.inner_html()
    agency = where[0].evaluate("""dd => { const text = [...dd.childNodes].at(-1);
        return (text.nodeType === 1 ? text : dd).closest('[lang]').lang; }""")
    assert agency == ("en" if lang == "en" else "vi")
