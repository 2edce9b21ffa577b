"""Files beside the pages of one language: QR codes, printable notices and counter sheets,
and the small pages that keep old addresses working.

Returned as (path within the language's folder, bytes) so that the MkDocs plugin hands them
to MkDocs, and `thutuc posters` writes them to any folder, with the same content. Notices and
counter sheets are kept in the page cache, under a key hashing all that each one shows.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path

from generator.load.site import Site
from generator.render import PageContext
from generator.render.page_cache import PageCache, UncacheableError, digest
from generator.render.poster import PrintItem, render_poster, render_sheet
from generator.render.qr import QrCache
from generator.render.redirect import render_redirect, render_retired, static_page_path
from generator.render.site_pages import language_inputs, page_context
from generator.translate.resolve import localized_procedures
from generator.urls import poster_path, procedure_src, qr_path, sheet_path
from generator.writer import write_file

SiteFile = tuple[str, bytes]


def language_files(site: Site, lang: str, directory_urls: bool, cache: QrCache,
                   pages: PageCache) -> list[SiteFile]:
    """Everything one language's folder needs besides the pages: codes, print, redirects."""
    ctx, items = _print_items(site, lang, directory_urls, cache)
    files: list[SiteFile] = []
    for item in items:
        files += [(qr_path(item.id, "svg"), item.qr.svg), (qr_path(item.id, "png"), item.qr.png)]
    return files + _print_files(site, ctx, items, pages) + _address_files(site, ctx)


def write_language_files(site: Site, lang: str, directory_urls: bool, cache: QrCache,
                         pages: PageCache, folder: Path) -> int:
    """Write `language_files` into the language's `folder` of a site; return how many."""
    files = language_files(site, lang, directory_urls, cache, pages)
    for path, content in files:
        write_file(folder / path, content, durable=False)  # a staging copy, like MkDocs'
    return len(files)


def print_files(site: Site, lang: str, directory_urls: bool, cache: QrCache,
                pages: PageCache) -> list[SiteFile]:
    """The notices and counter sheets of one language."""
    ctx, items = _print_items(site, lang, directory_urls, cache)
    return _print_files(site, ctx, items, pages)


def _print_items(site: Site, lang: str, directory_urls: bool,
                 cache: QrCache) -> tuple[PageContext, list[PrintItem]]:
    localized = localized_procedures(site, lang)
    ctx = page_context(site, lang, localized, directory_urls)
    items = [PrintItem(loc, source, cache.images(ctx.absolute(procedure_src(source.id))))
             for loc, source in zip(localized, site.procedures, strict=True)]
    return ctx, items


def _print_files(site: Site, ctx: PageContext, items: list[PrintItem],
                 pages: PageCache) -> list[SiteFile]:
    """The notices and counter sheets, each from `pages` when it holds it under its key."""
    try:
        shared = language_inputs(ctx)
    except UncacheableError:
        shared = ""
    files = []
    # What a notice and a sheet show of each procedure (no more: hashing costs about what
    # rendering does), hashed once: sheets list them too.
    shown = {item.id: _key(shared, item.loc, item.source.title, item.qr.svg) for item in items}
    for item in items:
        key = _key(shown[item.id], "notice", (item.id, "") in ctx.listen,
                   ctx.pictures.get(item.id, ()))
        notice = pages.through(key, partial(render_poster, item, ctx))
        files.append((poster_path(item.id), notice.encode()))
    by_id = {item.id: item for item in items}
    for category, procedures in site.categories():
        listed = [by_id[p.id] for p in procedures]
        keys = [shown[p.id] for p in procedures]
        sheet = pages.through(_key(shared, "sheet", category, keys) if all(keys) else "",
                              partial(render_sheet, category, listed, ctx))
        files.append((sheet_path(category.id), sheet.encode()))
    return files


def _key(shared: str, *shown: object) -> str:
    """A digest of `shown` and of what it is shown with (`shared`, a digest: "" when that
    has none, and then nor has this)."""
    try:
        return digest(shared, *shown) if shared else ""
    except UncacheableError:
        return ""


def _address_files(site: Site, ctx: PageContext) -> list[SiteFile]:
    """Redirects from every alias of a published procedure; notices at retired addresses."""
    files = []
    for procedure in site.procedures:
        new_src = procedure_src(procedure.id)
        for alias in procedure.aliases:
            old_src = procedure_src(alias)
            page = render_redirect(old_src, new_src, ctx.titles[procedure.id], ctx)
            files.append((static_page_path(old_src, ctx.directory_urls), page.encode()))
    live = {a for p in site.catalog.procedures for a in (p.id, *p.aliases)}
    for pid in site.retired:
        if pid not in live:
            old_src = procedure_src(pid)
            files.append((static_page_path(old_src, ctx.directory_urls),
                          render_retired(old_src, ctx).encode()))
    return files
