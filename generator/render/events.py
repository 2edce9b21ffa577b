"""Browsing by life event: one page each (`templates/event.html`), listed on the home page."""

from __future__ import annotations

from generator.load.events import LifeEvent
from generator.load.strings import Text
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
    listed = [Listed(ctx.procedure_link(src, p.id), p.title, p.summary,
                     ctx.procedure_source_lang(p.id, "title"),
                     ctx.procedure_source_lang(p.id, "summary")) for p in procedures]
    name_lang = ctx.event_source_lang(event)
    return ctx.page("event.html", src, Text(name, name_lang),
                    meta={"description": ctx.strings.t("event_lead")}, name=name,
                    name_lang=name_lang,
                    icon=beside_name(event.icon), procedures=listed)
