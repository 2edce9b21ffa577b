"""Mark glossary terms in a rendered page: a term's first use becomes a link to its explanation.

Only the first occurrence of each term on a page is marked: a page full of dotted underlines
is hard to read for the people who need the glossary most.

Works on the HTML our renderers produce (well formed, attribute values escaped), one text
node at a time: never inside a tag or an attribute, never inside an existing link, a heading,
a button, a notice or the legal basis. Each mark is a plain link to the glossary entry, with
the explanation in `title`, so it works without JavaScript; `thutuc-glossary.js` turns a tap
into a bubble.
"""

from __future__ import annotations

import html
import re
from dataclasses import replace

from generator.load.glossary import LocalTerm
from generator.render.context import RenderedPage
from generator.render.term_matcher import TermMatcher

TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9]*)([^>]*)>")
VOID = frozenset({"area", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
                  "track", "wbr"})
# Text inside these is never marked: links cannot nest, headings and controls stay plain.
SKIP_TAGS = frozenset({"a", "button", "dt", "h1", "h2", "h3", "h4", "h5", "h6", "script",
                       "select", "style", "summary", "textarea", "title"})
# Notices and the date line are interface text; law titles ("Luật Cư trú") are names, not terms;
# the answer box under the title is read at a glance: terms are explained where they recur.
SKIP_CLASSES = frozenset({"tt-notice", "tt-updated", "tt-legal", "tt-facts"})


def mark_terms(page_html: str, matcher: TermMatcher, href: str,
               explanations: dict[str, str]) -> str:
    """`page_html` with each term's first occurrence linked to `href#ID`, explained in `title`."""
    marked: set[str] = set()
    out: list[str] = []
    stack: list[tuple[str, bool]] = []  # open elements and whether text inside is skipped
    position = 0
    for tag in TAG.finditer(page_html):
        text = page_html[position:tag.start()]
        skipped = bool(stack) and stack[-1][1]
        out.append(text if skipped else _mark_text(text, matcher, href, explanations, marked))
        out.append(tag.group(0))
        position = tag.end()
        closing, name, attributes = tag.group(1), tag.group(2).lower(), tag.group(3)
        if closing:
            _close(stack, name)
        elif name not in VOID and not attributes.rstrip().endswith("/"):
            stack.append((name, skipped or name in SKIP_TAGS or _skipped_class(attributes)))
    tail = page_html[position:]
    out.append(tail if stack and stack[-1][1]
               else _mark_text(tail, matcher, href, explanations, marked))
    return "".join(out)


def _close(stack: list[tuple[str, bool]], name: str) -> None:
    """Pop up to the matching open element (HTML allows some end tags to be left out)."""
    for index in range(len(stack) - 1, -1, -1):
        if stack[index][0] == name:
            del stack[index:]
            return


def _skipped_class(attributes: str) -> bool:
    found = re.search(r'class="([^"]*)"', attributes)
    return found is not None and any(name.split("--")[0] in SKIP_CLASSES
                                     for name in found.group(1).split())


def _mark_text(text: str, matcher: TermMatcher, href: str, explanations: dict[str, str],
               marked: set[str]) -> str:
    """One escaped text node with its terms not yet `marked` linked (and added to `marked`).

    Matching runs on the unescaped text."""
    if not text.strip():
        return text
    plain = html.unescape(text)
    parts, position = [], 0
    for start, end, term_id in matcher.finditer(plain):
        if term_id in marked:
            continue
        marked.add(term_id)
        parts.append(html.escape(plain[position:start], quote=False))
        title = html.escape(explanations[term_id], quote=True)
        parts.append(f'<a class="tt-term" href="{href}#{term_id}" title="{title}">'
                     f"{html.escape(plain[start:end], quote=False)}</a>")
        position = end
    if not parts:
        return text  # untouched: keep the renderer's exact escaping
    parts.append(html.escape(plain[position:], quote=False))
    return "".join(parts)


class TermLinker:
    """Links the terms of one language in whole pages."""

    def __init__(self, terms: tuple[LocalTerm, ...], more_label: str) -> None:
        self.matcher = TermMatcher((phrase, term.id) for term in terms for phrase in term.phrases)
        self.explanations = {term.id: term.explain for term in terms}
        self.more_label = more_label

    def page(self, page: RenderedPage, href: str) -> RenderedPage:
        """`page` with its terms linked to the glossary at `href` (relative to the page)."""
        marked = mark_terms(page.html, self.matcher, href, self.explanations)
        if marked == page.html:
            return page
        # The bubble script reads its "more" link text from here, in the page's language.
        label = f'<span id="tt-term-more" hidden>{html.escape(self.more_label)}</span>'
        return replace(page, html=marked + label)
