"""Pages that list procedures: the home page (categories) and one page per category."""

from __future__ import annotations

from generator.model import Category, Procedure
from generator.render.context import PageContext, RenderedPage, TocEntry
from generator.render.richtext import escape
from generator.urls import HOME, category_src


def render_home(categories: list[tuple[Category, list[Procedure]]], ctx: PageContext,
                sections: tuple[TocEntry, ...] = (), bodies: tuple[str, ...] = ()) -> RenderedPage:
    """The home page: who publishes this, then `sections` (life events...), then every
    category with its number of procedures."""
    t = ctx.strings.t
    cards = "".join(
        f'<li><a class="tt-category" href="{ctx.category_link(HOME, category.id)}">'
        f'<span class="tt-category__name"{ctx.category_lang(category.id)}>'
        f"{escape(ctx.category_name(category.id))}</span>"
        f'<span class="tt-category__count">{escape(t("procedures_count", count=len(procs)))}'
        f"</span></a></li>"
        for category, procs in categories)
    html = (f'<h1 id="tt-tieu-de">{escape(ctx.profile.name)}</h1>'
            f'<p class="tt-summary">{escape(t("home_lead", office=ctx.profile.name))}</p>'
            + "".join(f'<h2 id="{s.id}">{escape(s.title)}</h2>{body}'
                      for s, body in zip(sections, bodies, strict=True))
            + f'<h2 id="linh-vuc">{escape(t("categories"))}</h2>'
            f'<ul class="tt-categories">{"".join(cards)}</ul>')
    return RenderedPage(src=HOME, title=t("home_title"), html=html,
                        toc=(*sections, TocEntry("linh-vuc", t("categories"))))


def render_category(category: Category, procedures: list[Procedure],
                    ctx: PageContext) -> RenderedPage:
    """A category page: its procedures, each with its one-line summary."""
    src = category_src(category.id)
    name = ctx.category_name(category.id)
    items = "".join(
        f'<li class="tt-listing__item"><a href="{ctx.procedure_link(src, p.id)}"'
        f'{ctx.procedure_lang(p.id, "title")}>{escape(p.title)}</a>'
        f'<p{ctx.procedure_lang(p.id, "summary")}>{escape(p.summary)}</p></li>'
        for p in procedures)
    html = (f'<h1 id="tt-tieu-de"{ctx.category_lang(category.id)}>{escape(name)}</h1>'
            f'<p class="tt-summary">{escape(ctx.strings.t("category_lead", name=name))}</p>'
            f'<ul class="tt-listing">{items}</ul>')
    return RenderedPage(src=src, title=name, html=html)
