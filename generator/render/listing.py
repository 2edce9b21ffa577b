"""Pages that list procedures: the home page (life events, categories), one page per
category, and every procedure A-Z (where the search control leads without JavaScript).
Their markup is `templates/home.html`, `templates/category.html`, `templates/a-to-z.html`."""

from __future__ import annotations

from dataclasses import dataclass
from itertools import groupby

from generator.load.events import LifeEvent
from generator.load.strings import Text
from generator.model import Category, Procedure
from generator.render.context import Card, Listed, PageContext, RenderedPage
from generator.render.events import event_src
from generator.render.glossary_page import initial, letter_id
from generator.render.pictograms import beside_name
from generator.textsort import sort_key
from generator.urls import A_TO_Z, HOME, category_src


def render_home(categories: list[tuple[Category, list[Procedure]]],
                events: list[tuple[LifeEvent, list[Procedure]]], ctx: PageContext) -> RenderedPage:
    """The home page: who publishes this, the life events, then every category with its
    number of procedures."""
    lang = ctx.strings.lang
    event_cards = [Card(ctx.link(HOME, event_src(event.id)), event.name_in(lang), len(procs),
                        ctx.event_source_lang(event), beside_name(event.icon))
                   for event, procs in events if procs]
    category_cards = [Card(ctx.category_link(HOME, category.id), ctx.category_name(category.id),
                           len(procs), ctx.category_source_lang(category.id),
                           beside_name(category.icon))
                      for category, procs in categories]
    return ctx.page("home.html", HOME, ctx.strings.t("home_title"), name=ctx.profile.name,
                    events=event_cards, categories=category_cards,
                    meta={"description": ctx.strings.t("home_lead", office=ctx.profile.name)})


def render_category(category: Category, procedures: list[Procedure],
                    ctx: PageContext) -> RenderedPage:
    """A category page: its procedures, each with its one-line summary."""
    src = category_src(category.id)
    name = ctx.category_name(category.id)
    name_lang = ctx.category_source_lang(category.id)
    return ctx.page("category.html", src, Text(name, name_lang), name=name,
                    icon=beside_name(category.icon), name_lang=name_lang,
                    procedures=_listed(procedures, src, ctx),
                    meta={"description": ctx.strings.t("category_lead", name=name)})


def _listed(procedures: list[Procedure], src: str, ctx: PageContext) -> list[Listed]:
    return [Listed(ctx.procedure_link(src, p.id), p.title, p.summary,
                   ctx.procedure_source_lang(p.id, "title"),
                   ctx.procedure_source_lang(p.id, "summary")) for p in procedures]


@dataclass(frozen=True)
class ListedGroup:
    """The procedures whose titles start with one letter, and the anchor of its heading."""

    letter: str
    anchor: str
    procedures: tuple[Listed, ...]


def render_a_to_z(procedures: list[Procedure], ctx: PageContext) -> RenderedPage:
    """Every procedure of the language by title, A-Z in Vietnamese order, grouped by letter:
    a search that works without JavaScript (the header's search control leads here)."""
    t = ctx.strings.t
    ordered = sorted(procedures, key=lambda p: sort_key(p.title))
    groups = [ListedGroup(letter, letter_id(letter), tuple(_listed(list(items), A_TO_Z, ctx)))
              for letter, items in groupby(ordered, key=lambda p: initial(p.title))]
    lead = t("a_to_z_lead", count=len(procedures))
    return ctx.page("a-to-z.html", A_TO_Z, t("a_to_z_title"), groups=groups, lead=lead,
                    meta={"description": lead})
