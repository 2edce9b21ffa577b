"""Glossary terms marked while a page is rendered: a term's first use links to its explanation.

Only the first occurrence of each term on a page is marked: a page full of dotted underlines
is hard to read for the people who need the glossary most.

Marking happens on text before it becomes HTML: templates pass the text they want marked
through the `terms` filter, and Markdown fields are marked on their element tree (text nodes
only), so nothing is ever looked for inside a tag or an attribute. Templates leave headings,
links, buttons, notices, the answer box and the legal basis unmarked by not using the filter
there. Each mark is a plain link to the glossary entry, with the explanation in `title`, so it
works without JavaScript; `thutuc-glossary.js` turns a tap into a bubble.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from xml.etree import ElementTree

from markupsafe import Markup

from generator.load.glossary import LocalTerm
from generator.render.term_matcher import TermMatcher

# Text inside these elements of a Markdown field is never marked: links cannot nest,
# headings stay plain.
SKIP_TAGS = frozenset({"a", "button", "dt", "h1", "h2", "h3", "h4", "h5", "h6", "script",
                       "select", "style", "summary", "textarea", "title"})


class TermLinker:
    """The glossary terms of one language, ready to mark pages (one `PageTerms` per page)."""

    def __init__(self, terms: tuple[LocalTerm, ...], more_label: str) -> None:
        self.terms = terms
        self.matcher = TermMatcher((phrase, term.id) for term in terms for phrase in term.phrases)
        self.explanations = {term.id: term.explain for term in terms}
        self.more_label = more_label  # the bubble's "more" link text, in the page's language

    def page(self, href: str) -> PageTerms:
        """A fresh marker for one page whose glossary is at `href` (relative to the page)."""
        return PageTerms(self, href)


class PageTerms:
    """Marks terms in the text of one page, in the order the page is rendered."""

    def __init__(self, linker: TermLinker, href: str) -> None:
        self.linker = linker
        self.href = href
        self.marked: set[str] = set()

    @property
    def more_label(self) -> str:
        return self.linker.more_label

    def links(self, text: str) -> list[tuple[int, int, str]]:
        """(start, end, link HTML) of each term in `text` not yet marked on this page;
        those terms count as marked from now on."""
        found = []
        for start, end, term_id in self.linker.matcher.finditer(text):
            if term_id in self.marked:
                continue
            self.marked.add(term_id)
            title = html.escape(self.linker.explanations[term_id], quote=True)
            found.append((start, end, f'<a class="tt-term" href="{self.href}#{term_id}" '
                                      f'title="{title}">{html.escape(text[start:end], quote=False)}'
                                      "</a>"))
        return found

    def controls(self, text: str) -> str | Markup:
        """The terms of `text` not yet marked, as links of their own, for text that must not
        hold a link (a checklist label: a tap on it ticks the box). "" when there are none."""
        found = self.links(text)
        # noqa below: each link is made of escaped parts (see `links`).
        return Markup(", ".join(link for _, _, link in found)) if found else ""  # noqa: S704

    def text(self, text: str) -> str | Markup:
        """Plain `text` with its terms linked (HTML), or `text` itself when it has none."""
        if not text.strip():
            return text
        found = self.links(text)
        if not found:
            return text  # still plain text: the template escapes it as any other
        escaped = _joined(text, found, lambda piece: html.escape(piece, quote=False))
        return Markup(escaped)  # noqa: S704 - text escaped as joined, links made of escaped parts

    def tree(self, root: ElementTree.Element, store: Callable[[str], str]) -> None:
        """Mark the text nodes of a Markdown element tree, in document order; `store` turns
        a link's HTML into a placeholder the Markdown serializer puts back unchanged."""
        for child in root:
            if child.tag not in SKIP_TAGS:
                child.text = self._placed(child.text, store)
                self.tree(child, store)
            child.tail = self._placed(child.tail, store)

    def _placed(self, text: str | None, store: Callable[[str], str]) -> str | None:
        if not text or not text.strip():
            return text
        found = [(start, end, store(link)) for start, end, link in self.links(text)]
        return _joined(text, found, str) if found else text


def _joined(text: str, found: list[tuple[int, int, str]], plain: Callable[[str], str]) -> str:
    """`text` with each found span replaced by its link, the rest passed through `plain`."""
    parts, position = [], 0
    for start, end, link in found:
        parts += [plain(text[position:start]), link]
        position = end
    parts.append(plain(text[position:]))
    return "".join(parts)
