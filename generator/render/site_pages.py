"""Every generated page of one language: home, categories, every procedure A-Z, procedures,
life events, glossary."""

from __future__ import annotations

from collections.abc import Collection

from generator.load.pictograms import pictogram_for
from generator.load.site import Site, strings_for
from generator.render import PageContext, RenderedPage
from generator.render.glossary_marks import TermLinker
from generator.render.listen import offered
from generator.render.listing import render_a_to_z, render_category, render_home
from generator.render.page_cache import code_version, digest, files_digest
from generator.render.procedure import SECTION_PARTS, render_procedure
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


def language_inputs(ctx: PageContext) -> str:
    """A digest of what every page of one language shows or is made with: strings, commune,
    categories, life events, addresses, the site's template overrides (files) and this code.
    Raises `UncacheableError` for a value it cannot hash for certain."""
    return digest(code_version(), ctx.strings, ctx.profile, ctx.categories, ctx.events,
                  ctx.directory_urls, ctx.shared_root, ctx.online_guide, ctx.base_url,
                  ctx.public_directory_urls,
                  [(str(d), files_digest(d)) for d in ctx.templates.overrides if d.is_dir()])


class ProcedurePages:
    """The procedure pages of one language, each rendered when asked for, and what each of
    them shows (`inputs`): a page cache's key needs it before the page is rendered."""

    def __init__(self, localized: list[Localized], ctx: PageContext,
                 terms: TermLinker | None) -> None:
        self.ctx, self.terms = ctx, terms
        self.by_src = {procedure_src(loc.procedure.id): loc for loc in localized}
        self._shared: str | None = None

    def render(self, src: str) -> RenderedPage:
        """The page of the procedure whose page is `src`."""
        return render_procedure(self.by_src[src], self.ctx, self.terms)

    def inputs(self, src: str) -> str:
        """A digest of all that the page `src` shows, rendered on the context's day: the procedure
        as localized, the titles of its related procedures, its recordings and pictograms,
        and what every page of the language shares (strings, commune, categories, life
        events, glossary, addresses, this code). Raises `UncacheableError` for a value it
        cannot hash for certain."""
        ctx, loc = self.ctx, self.by_src[src]
        pid = loc.procedure.id
        if self._shared is None:
            self._shared = digest(language_inputs(ctx), self.terms.terms if self.terms else None)
        related = [(other, ctx.titles[other], ctx.procedure_source_lang(other, "title"))
                   for other in loc.procedure.related if other in ctx.titles]
        listen = [ctx.listen.get((pid, part)) for part in ("", *SECTION_PARTS.values())]
        return digest(self._shared, loc, related, listen, ctx.pictures.get(pid, ()),
                      loc.procedure.review_overdue(ctx.today))  # the notice says it is late


def language_pages(site: Site, lang: str, directory_urls: bool = True,
                   docs: tuple[str, ...] = (),
                   only: Collection[str] | None = None) -> list[RenderedPage]:
    """Every generated page of one language: home, categories, every procedure A-Z, procedures,
    life events, glossary. `docs` are the hand-written pages of the site (to link the guides);
    with `only`, just the pages of those sources (a preview re-rendering what an edit touched)."""
    others, procedures = page_sets(site, lang, directory_urls, docs, only)
    return [page if isinstance(page, RenderedPage) else procedures.render(page)
            for page in others]


def page_sets(site: Site, lang: str, directory_urls: bool = True, docs: tuple[str, ...] = (),
              only: Collection[str] | None = None,
              ) -> tuple[list[RenderedPage | str], ProcedurePages]:
    """The pages of `language_pages` in its order, each procedure page by its source only
    (`src`), and the procedure pages, to render when needed."""
    localized = localized_procedures(site, lang)
    by_id = {loc.procedure.id: loc.procedure for loc in localized}
    ctx = page_context(site, lang, localized, directory_urls, docs)
    listed = [(category, [by_id[p.id] for p in procs]) for category, procs in site.categories()]
    events = event_lists(site.events, list(by_id.values()))
    pages: list[RenderedPage | str] = \
        [render_home(listed, events, ctx)] if only is None or HOME in only else []
    pages += [render_category(category, procs, ctx) for category, procs in listed
              if only is None or category_src(category.id) in only]
    if only is None or A_TO_Z in only:
        pages.append(render_a_to_z(list(by_id.values()), ctx))
    procedures = ProcedurePages(localized, ctx, term_linker(site.glossary, ctx))
    pages += [src for src in procedures.by_src if only is None or src in only]
    pages += [page for page in extra_pages(events, site.glossary, ctx)
              if only is None or page.src in only]
    return pages, procedures
