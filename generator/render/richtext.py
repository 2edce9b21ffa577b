"""Catalog text to HTML: plain text escaped, Markdown fields rendered without raw HTML.

Catalog text comes from many hands; it must never become markup or script on a citizen's
phone. Raw HTML in Markdown is shown as text, links keep only safe schemes, and images
become their description (they would fetch from outside the site and cost bandwidth).
"""

from __future__ import annotations

import html
from functools import lru_cache
from xml.etree import ElementTree

import markdown
from markdown.treeprocessors import Treeprocessor

SAFE_SCHEMES = ("http:", "https:", "mailto:", "tel:")


def escape(text: str) -> str:
    """Plain catalog text as HTML text."""
    return html.escape(text, quote=True)


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


class _NoRawHtml(markdown.Extension):
    def extendMarkdown(self, md: markdown.Markdown) -> None:  # noqa: N802 - Markdown's API
        # Without these, `<b>` or `<script>` in the text reaches the page as markup; removed,
        # Markdown escapes them like any other text.
        md.preprocessors.deregister("html_block")
        md.inlinePatterns.deregister("html")
        md.treeprocessors.register(_SafeLinks(md), "thutuc_safe_links", 0)


@lru_cache(maxsize=1)
def _converter() -> markdown.Markdown:
    return markdown.Markdown(extensions=[_NoRawHtml(), "sane_lists", "nl2br"],
                             output_format="html")


@lru_cache(maxsize=4096)
def markdown_to_html(text: str) -> str:
    """A Markdown field as safe HTML (block level)."""
    converter = _converter()
    converter.reset()
    return str(converter.convert(text))
