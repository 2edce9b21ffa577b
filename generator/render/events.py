"""Browsing by life event: the home page's "what do I need to do when..." list, one page each."""

from __future__ import annotations

from generator.load.events import LifeEvent
from generator.model import Procedure
from generator.render.context import PageContext, RenderedPage
from generator.render.richtext import escape
from generator.urls import HOME

EVENT_DIR = "su-kien"


def event_src(event_id: str) -> str:
    return f"{EVENT_DIR}/{event_id}.md"


def events_section(events: list[tuple[LifeEvent, list[Procedure]]], ctx: PageContext) -> str:
    """The list of life events for the home page (HTML), or "" when there are none."""
    t = ctx.strings.t
    cards = "".join(
        f'<li><a class="tt-category tt-event" href="{ctx.link(HOME, event_src(event.id))}">'
        f'<span class="tt-category__name">{escape(event.name_in(ctx.strings.lang))}</span>'
        f'<span class="tt-category__count">{escape(t("procedures_count", count=len(procs)))}'
        f"</span></a></li>"
        for event, procs in events if procs)
    return f'<ul class="tt-categories tt-events">{cards}</ul>' if cards else ""


def render_event(event: LifeEvent, procedures: list[Procedure],
                 ctx: PageContext) -> RenderedPage:
    """One life event: its procedures as numbered steps, in the order people do them."""
    src = event_src(event.id)
    name = event.name_in(ctx.strings.lang)
    items = "".join(
        f'<li class="tt-listing__item"><a href="{ctx.procedure_link(src, p.id)}">'
        f"{escape(p.title)}</a><p>{escape(p.summary)}</p></li>"
        for p in procedures)
    html = (f'<h1 id="tt-tieu-de">{escape(name)}</h1>'
            f'<p class="tt-summary">{escape(ctx.strings.t("event_lead"))}</p>'
            f'<ol class="tt-listing tt-event-steps">{items}</ol>')
    return RenderedPage(src=src, title=name, html=html,
                        meta={"description": ctx.strings.t("event_lead")})
