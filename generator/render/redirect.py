"""Small static pages at old addresses: a redirect for an alias, a notice for a retired id.

Plain HTML with no script (`templates/redirect.html`, `templates/retired.html`), so they work
with JavaScript off and from file://: a meta refresh (relative link), a canonical link
(absolute address) and a visible link for browsers that do not follow refreshes.
"""

from __future__ import annotations

from generator.render.context import PageContext
from generator.urls import HOME, page_url


def static_page_path(src: str, directory_urls: bool) -> str:
    """The file that serves the address of page `src`."""
    url = page_url(src, directory_urls)
    return url + "index.html" if url.endswith("/") or not url else url


def render_redirect(old_src: str, new_src: str, title: str, ctx: PageContext) -> str:
    """The page at `old_src`'s address that sends visitors on to `new_src` (titled `title`)."""
    return ctx.templates.render(
        "redirect.html", **_frame(ctx, "moved_title"), target=ctx.link(old_src, new_src),
        canonical=ctx.absolute(new_src), procedure=title)


def render_retired(old_src: str, ctx: PageContext) -> str:
    """The page at an abolished procedure's address: it says so and links to the home page."""
    return ctx.templates.render("retired.html", **_frame(ctx, "retired_title"),
                                home=ctx.link(old_src, HOME))


def _frame(ctx: PageContext, title_key: str) -> dict[str, object]:
    """What standalone.html needs: language, title, commune, the sample banner, strings."""
    return {"lang": ctx.strings.lang, "title": ctx.strings.t(title_key),
            "office": ctx.profile.name, "banner": ctx.example_notice, "t": ctx.strings.t}
