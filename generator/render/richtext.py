"""Catalog text to HTML: plain text escaped, Markdown fields rendered without raw HTML.

Catalog text comes from many hands; it must never become markup or script on a citizen's
phone. Raw HTML in Markdown is shown as text, links keep only safe schemes, and images
become their description (they would fetch from outside the site and cost bandwidth).

Both functions return `Markup`: HTML that templates output as it is. `escape` is the one
escaping of text (templates call it on everything they print), `markdown_to_html` the one
place where rendered Markdown is declared safe.
"""

from __future__ import annotations

import html
from functools import lru_cache
from typing import TYPE_CHECKING
from xml.etree import ElementTree

import markdown
from markdown.treeprocessors import Treeprocessor
from markupsafe import Markup

if TYPE_CHECKING:
    from generator.render.glossary_marks import PageTerms

SAFE_SCHEMES = ("http:", "https:", "mailto:", "tel:")


def escape(text: str) -> Markup:
    """Plain catalog text as HTML text (with `html.escape`'s entities, as pages always had);
    `Markup` is HTML already and stays as it is."""
    if isinstance(text, Markup):
        return text
    return Markup(html.escape(text, quote=True))  # noqa: S704 - escaped right here


class _SafeLinks(Treeprocessor):
    """Drop links with unsafe schemes and turn images into their alt text."""

    def run(self, root: ElementTree.Element) -> None:
        for parent in root.iter():
            for index, child in enumerate(list(parent)):
                if child.tag == "img":
                    span = ElementTree.Element("span")
                    span.text, span.tail = child.get("alt", ""), child.tail
                    parent.remove(child)
                    parent.insert(index, span)
                elif child.tag == "a":
                    href = (child.get("href") or "").strip()
                    if not href.lower().startswith(SAFE_SCHEMES):
                        child.attrib.pop("href", None)
                        child.tag = "span"
                    else:
                        child.set("rel", "noopener")


class _Terms(Treeprocessor):
    """Glossary terms of the page being rendered, marked in the finished element tree."""

    terms: PageTerms | None = None

    def run(self, root: ElementTree.Element) -> None:
        if self.terms is not None:
            self.terms.tree(root, self.md.htmlStash.store)


class _NoRawHtml(markdown.Extension):
    def extendMarkdown(self, md: markdown.Markdown) -> None:  # noqa: N802 - Markdown's API
        # Without these, `<b>` or `<script>` in the text reaches the page as markup; removed,
        # Markdown escapes them like any other text.
        md.preprocessors.deregister("html_block")
        md.inlinePatterns.deregister("html")
        md.treeprocessors.register(_SafeLinks(md), "thutuc_safe_links", 0)
        # Last: the text is final (unescaped, unsafe links gone) when terms are looked for.
        md.treeprocessors.register(_Terms(md), "thutuc_terms", -1)


@lru_cache(maxsize=1)
def _converter() -> markdown.Markdown:
    return markdown.Markdown(extensions=[_NoRawHtml(), "sane_lists", "nl2br"],
                             output_format="html")


def markdown_to_html(text: str, terms: PageTerms | None = None) -> Markup:
    """A Markdown field as safe HTML (block level), with glossary `terms` marked if given."""
    if terms is None:
        return _plain_markdown(text)
    return _converted(text, terms)


@lru_cache(maxsize=4096)
def _plain_markdown(text: str) -> Markup:
    return _converted(text, None)


def _converted(text: str, terms: PageTerms | None) -> Markup:
    converter = _converter()
    converter.reset()
    marker = converter.treeprocessors["thutuc_terms"]
    assert isinstance(marker, _Terms)
    marker.terms = terms
    try:
        # Raw HTML is off and links are checked (above): the one place Markdown becomes HTML.
        return Markup(converter.convert(text))  # noqa: S704
    finally:
        marker.terms = None
