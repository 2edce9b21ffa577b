"""Pages that help people find their way: life events, the glossary, links to the guides.

Called by `site_pages.language_pages` for one language: the life events with their
procedures (the home page's "what do I need to do when..." list), one page per life event,
the glossary page, and the glossary terms to mark on procedure pages (`term_linker`).
"""

from __future__ import annotations

from generator.load.events import LifeEvent, event_procedures
from generator.load.glossary import Glossary
from generator.model import Procedure
from generator.render import PageContext, RenderedPage
from generator.render.events import render_event
from generator.render.glossary_marks import TermLinker
from generator.render.glossary_page import render_glossary

ONLINE_GUIDE = "huong-dan/nop-ho-so-truc-tuyen.md"  # linked beside every "submit online" button


def event_lists(events: tuple[LifeEvent, ...],
                procedures: list[Procedure]) -> list[tuple[LifeEvent, list[Procedure]]]:
    """Each life event with its published procedures in order; events without any are left out."""
    return [(event, procs) for event in events
            if (procs := event_procedures(event, procedures))]


def extra_pages(events: list[tuple[LifeEvent, list[Procedure]]], glossary: Glossary,
                ctx: PageContext) -> list[RenderedPage]:
    """The life-event pages and the glossary page of one language."""
    pages = [render_event(event, procs, ctx) for event, procs in events]
    terms = glossary.in_language(ctx.strings.lang)
    if terms:
        pages.append(render_glossary(terms, ctx.strings.lang in glossary.drafts, ctx))
    return pages


def term_linker(glossary: Glossary, ctx: PageContext) -> TermLinker | None:
    """The glossary terms of `ctx`'s language, to mark on procedure pages (None: no terms)."""
    terms = glossary.in_language(ctx.strings.lang)
    return TermLinker(terms, ctx.strings.t("glossary_more")) if terms else None
