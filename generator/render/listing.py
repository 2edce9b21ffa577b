"""Pages that list procedures: the home page (life events, categories) and one page per
category. Their markup is `templates/home.html` and `templates/category.html`."""

from __future__ import annotations

from generator.load.events import LifeEvent
from generator.model import Category, Procedure
from generator.render.context import Card, Listed, PageContext, RenderedPage
from generator.render.events import event_src
from generator.urls import HOME, category_src


def render_home(categories: list[tuple[Category, list[Procedure]]],
                events: list[tuple[LifeEvent, list[Procedure]]], ctx: PageContext) -> RenderedPage:
    """The home page: who publishes this, the life events, then every category with its
    number of procedures."""
    lang = ctx.strings.lang
    event_cards = [Card(ctx.link(HOME, event_src(event.id)), event.name_in(lang), len(procs))
                   for event, procs in events if procs]
    category_cards = [Card(ctx.category_link(HOME, category.id), ctx.category_name(category.id),
                           len(procs), ctx.category_source_lang(category.id))
                      for category, procs in categories]
    return ctx.page("home.html", HOME, ctx.strings.t("home_title"), name=ctx.profile.name,
                    events=event_cards, categories=category_cards)


def render_category(category: Category, procedures: list[Procedure],
                    ctx: PageContext) -> RenderedPage:
    """A category page: its procedures, each with its one-line summary."""
    src = category_src(category.id)
    name = ctx.category_name(category.id)
    listed = [Listed(ctx.procedure_link(src, p.id), p.title, p.summary,
                     ctx.procedure_source_lang(p.id, "title"),
                     ctx.procedure_source_lang(p.id, "summary")) for p in procedures]
    return ctx.page("category.html", src, name, name=name,
                    name_lang=ctx.category_source_lang(category.id), procedures=listed)
