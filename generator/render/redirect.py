"""Small static pages at old addresses: a redirect for an alias, a notice for a retired id.

Plain HTML with no script, so they work with JavaScript off and from file://: a meta refresh
(relative link), a canonical link (absolute address) and a visible link for browsers that
do not follow refreshes.
"""

from __future__ import annotations

from generator.render.context import PageContext, example_banner
from generator.render.richtext import escape
from generator.urls import HOME, page_url


def static_page_path(src: str, directory_urls: bool) -> str:
    """The file that serves the address of page `src`."""
    url = page_url(src, directory_urls)
    return url + "index.html" if url.endswith("/") or not url else url


def render_redirect(old_src: str, new_src: str, title: str, ctx: PageContext) -> str:
    """The page at `old_src`'s address that sends visitors on to `new_src`."""
    t = ctx.strings.t
    target = escape(ctx.link(old_src, new_src))
    head = (f'<meta http-equiv="refresh" content="0; url={target}">'
            f'<link rel="canonical" href="{escape(ctx.absolute(new_src))}">')
    body = f'<p>{escape(t("moved_text"))} <a href="{target}">{escape(title)}</a></p>'
    return _page(ctx, t("moved_title"), head, body)


def render_retired(old_src: str, ctx: PageContext) -> str:
    """The page at an abolished procedure's address: it says so and links to the home page."""
    t = ctx.strings.t
    home = escape(ctx.link(old_src, HOME))
    body = (f'<p>{escape(t("retired_text"))}</p>'
            f'<p><a href="{home}">{escape(t("home_title"))}</a></p>')
    return _page(ctx, t("retired_title"), "", body)


def _page(ctx: PageContext, title: str, head: str, body: str) -> str:
    return (f'<!doctype html>\n<html lang="{escape(ctx.strings.lang)}"><head>'
            f'<meta charset="utf-8"><meta name="viewport" content="width=device-width">'
            f'<meta name="robots" content="noindex">{head}'
            f"<title>{escape(title)} — {escape(ctx.profile.name)}</title></head>"
            f'<body style="font-family:sans-serif;font-size:1.2rem;margin:1rem">'
            f"{example_banner(ctx)}<h1>{escape(title)}</h1>{body}</body></html>\n")
