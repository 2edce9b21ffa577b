"""The glossary page: every term A-Z (Vietnamese alphabet), explained in plain words."""

from __future__ import annotations

import unicodedata
from itertools import groupby

from generator.load.glossary import LocalTerm
from generator.render.context import PageContext, RenderedPage, TocEntry, notice
from generator.render.richtext import escape
from generator.textsort import ALPHABET, TONES, sort_key
from generator.urls import GLOSSARY_SRC


def initial(text: str) -> str:
    """The letter a term is filed under: its first letter without tone mark ("Ủy" -> "U")."""
    first = unicodedata.normalize("NFD", text.strip()[:1].lower())
    bare = unicodedata.normalize("NFC", "".join(c for c in first if c not in TONES[1:]))
    return bare.upper()


def _letter_id(letter: str) -> str:
    position = ALPHABET.find(letter.lower())
    return f"chu-{position if position >= 0 else ord(letter)}"


def render_glossary(terms: tuple[LocalTerm, ...], draft: bool, ctx: PageContext) -> RenderedPage:
    """All terms of one language, grouped by initial letter, each with an anchor `#ID`."""
    t = ctx.strings.t
    source = ctx.strings.lang == ctx.profile.source_language
    ordered = sorted(terms, key=lambda term: sort_key(term.term))
    groups = [(letter, list(items)) for letter, items in
              groupby(ordered, key=lambda term: initial(term.term))]
    index = "".join(f'<li><a href="#{_letter_id(letter)}">{escape(letter)}</a></li>'
                    for letter, _ in groups)
    # A language with no term translated gets one notice for the page, not one per term.
    untranslated = not source and not any(term.translated for term in terms)
    per_term = not source and not untranslated
    body = "".join(
        f'<h2 id="{_letter_id(letter)}">{escape(letter)}</h2>'
        f'<dl class="tt-glossary">{"".join(_entry(term, per_term, ctx) for term in items)}</dl>'
        for letter, items in groups)
    html = (f'<h1 id="tt-tieu-de">{escape(t("glossary_title"))}</h1>'
            f'<p class="tt-summary">{escape(t("glossary_lead"))}</p>'
            + (notice("untranslated", t("page_not_translated", language=_language_name(ctx)))
               if untranslated else "")
            + (notice("draft", t("draft_translation")) if draft and per_term else "")
            + f'<ul class="tt-letters">{index}</ul>{body}')
    toc = tuple(TocEntry(_letter_id(letter), letter) for letter, _ in groups)
    return RenderedPage(src=GLOSSARY_SRC, title=t("glossary_title"), html=html, toc=toc,
                        meta={"description": t("glossary_lead")})


def _language_name(ctx: PageContext) -> str:
    lang = ctx.strings.lang
    return next((x.name for x in ctx.profile.languages if x.code == lang), lang)


def _entry(term: LocalTerm, per_term: bool, ctx: PageContext) -> str:
    """One term; `per_term`: say under each untranslated term that it is in Vietnamese."""
    original = "" if term.term == term.source_term else \
        f' <span class="tt-glossary__vi" lang="vi">({escape(term.source_term)})</span>'
    in_vietnamese = not term.translated and ctx.strings.lang != ctx.profile.source_language
    lang = ' lang="vi"' if in_vietnamese else ""
    untranslated = notice("untranslated", ctx.strings.t("not_translated")) \
        if in_vietnamese and per_term else ""
    return (f'<dt id="{term.id}"><dfn>{escape(term.term)}</dfn>{original}</dt>'
            f'<dd>{untranslated}<p{lang}>{escape(term.explain)}</p></dd>')
