"""The glossary page (`templates/glossary.html`): every term A-Z (Vietnamese alphabet),
explained in plain words."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from itertools import groupby

from generator.load.glossary import LocalTerm
from generator.render.context import PageContext, RenderedPage
from generator.textsort import ALPHABET, TONES, sort_key
from generator.urls import GLOSSARY_SRC


def initial(text: str) -> str:
    """The letter a term is filed under: its first letter without tone mark ("Ủy" -> "U")."""
    first = unicodedata.normalize("NFD", text.strip()[:1].lower())
    bare = unicodedata.normalize("NFC", "".join(c for c in first if c not in TONES[1:]))
    return bare.upper()


def letter_id(letter: str) -> str:
    """The anchor of a letter's group (ASCII, the same in every language)."""
    position = ALPHABET.find(letter.lower())
    return f"chu-{position if position >= 0 else ord(letter)}"


@dataclass(frozen=True)
class LetterGroup:
    """The terms filed under one letter, and the anchor of its heading."""

    letter: str
    anchor: str
    terms: tuple[LocalTerm, ...]


def render_glossary(terms: tuple[LocalTerm, ...], draft: bool, ctx: PageContext) -> RenderedPage:
    """All terms of one language, grouped by initial letter, each with an anchor `#ID`."""
    t = ctx.strings.t
    source = ctx.strings.lang == ctx.profile.source_language
    ordered = sorted(terms, key=lambda term: sort_key(term.term))
    groups = [LetterGroup(letter, letter_id(letter), tuple(items)) for letter, items in
              groupby(ordered, key=lambda term: initial(term.term))]
    # A language with no term translated gets one notice for the page, not one per term.
    untranslated = not source and not any(term.translated for term in terms)
    return ctx.page("glossary.html", GLOSSARY_SRC, t("glossary_title"),
                    meta={"description": t("glossary_lead")}, groups=groups,
                    untranslated=untranslated, per_term=not source and not untranslated,
                    draft=draft, is_source=source, source_lang=ctx.profile.source_language,
                    language=_language_name(ctx))


def _language_name(ctx: PageContext) -> str:
    lang = ctx.strings.lang
    return next((x.name for x in ctx.profile.languages if x.code == lang), lang)
