"""Browsing by life event: one page each (`templates/event.html`), listed on the home page."""

from __future__ import annotations

from generator.load.events import LifeEvent
from generator.model import Procedure
from generator.render.context import Listed, PageContext, RenderedPage
from generator.render.pictograms import beside_name

EVENT_DIR = "su-kien"


def event_src(event_id: str) -> str:
    return f"{EVENT_DIR}/{event_id}.md"


def render_event(event: LifeEvent, procedures: list[Procedure],
                 ctx: PageContext) -> RenderedPage:
    """One life event: its procedures as numbered steps, in the order people do them."""
    src = event_src(event.id)
    name = event.name_in(ctx.strings.lang)
    listed = [Listed(ctx.procedure_link(src, p.id), p.title, p.summary) for p in procedures]
    return ctx.page("event.html", src, name, meta={"description": ctx.strings.t("event_lead")},
                    name=name, name_lang=ctx.event_source_lang(event),
                    icon=beside_name(event.icon), procedures=listed)
