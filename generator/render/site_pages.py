"""Every generated page of one language: home, categories, every procedure A-Z, procedures,
life events, glossary."""

from __future__ import annotations

from collections.abc import Collection

from generator.load.pictograms import pictogram_for
from generator.load.site import Site, strings_for
from generator.render import PageContext, RenderedPage
from generator.render.listen import offered
from generator.render.listing import render_a_to_z, render_category, render_home
from generator.render.procedure import render_procedure
from generator.render.templating import site_templates
from generator.render.wayfinding import (
    ONLINE_GUIDE,
    event_lists,
    extra_pages,
    term_linker,
)
from generator.translate.resolve import Localized, localized_procedures
from generator.urls import A_TO_Z, HOME, category_src, language_prefix, procedure_src


def page_context(site: Site, lang: str, localized: list[Localized], directory_urls: bool = True,
                 docs: tuple[str, ...] = ()) -> PageContext:
    """What renderers of one language need to know about the site; `docs` are the
    hand-written pages of the site (to link the guides)."""
    return PageContext(strings=strings_for(site, lang), profile=site.profile,
                       categories={c.id: c for c in site.catalog.categories},
                       titles={loc.procedure.id: loc.procedure.title for loc in localized},
                       untranslated={loc.procedure.id: loc.missing for loc in localized},
                       directory_urls=directory_urls,
                       shared_root="" if lang == site.profile.source_language else "../",
                       online_guide=ONLINE_GUIDE if ONLINE_GUIDE in docs else "",
                       base_url=site.profile.site_url
                       + language_prefix(lang, site.profile.source_language),
                       public_directory_urls=site.public_directory_urls,
                       templates=site_templates(site.template_dirs),
                       listen=offered(site, lang), events={e.id: e for e in site.events},
                       pictures={p.id: tuple(pictogram_for(d.name, site.pictograms)
                                             for d in p.documents) for p in site.procedures})


def language_pages(site: Site, lang: str, directory_urls: bool = True,
                   docs: tuple[str, ...] = (),
                   only: Collection[str] | None = None) -> list[RenderedPage]:
    """Every generated page of one language: home, categories, every procedure A-Z, procedures,
    life events, glossary. `docs` are the hand-written pages of the site (to link the guides);
    with `only`, just the pages of those sources (a preview re-rendering what an edit touched)."""
    localized = localized_procedures(site, lang)
    by_id = {loc.procedure.id: loc.procedure for loc in localized}
    ctx = page_context(site, lang, localized, directory_urls, docs)
    listed = [(category, [by_id[p.id] for p in procs]) for category, procs in site.categories()]
    events = event_lists(site.events, list(by_id.values()))
    pages = [render_home(listed, events, ctx)] if only is None or HOME in only else []
    pages += [render_category(category, procs, ctx) for category, procs in listed
              if only is None or category_src(category.id) in only]
    if only is None or A_TO_Z in only:
        pages.append(render_a_to_z(list(by_id.values()), ctx))
    terms = term_linker(site.glossary, ctx)
    pages += [render_procedure(loc, ctx, terms) for loc in localized
              if only is None or procedure_src(loc.procedure.id) in only]
    pages += [page for page in extra_pages(events, site.glossary, ctx)
              if only is None or page.src in only]
    return pages
