"""Material's navigation, rendered once for all the pages of a folder that are not in it.

Material renders `partials/nav.html`, the whole navigation tree, into every page: a seventh
of a build's work when most pages are procedures. On a page that is not in the navigation
(procedures, life events, the A-Z page) no item is active and no item is the page, so what
the partial prints differs between two such pages only through its links, which are relative
to the page: the same for every page of one folder, unless a link leads into the page's own
folder. base.html renders the partial through `tt_shared_nav`, which keeps the first
rendering of each folder for the folder's other pages.
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable

from jinja2 import pass_context
from jinja2.runtime import Context
from mkdocs.structure import StructureItem
from mkdocs.structure.nav import Link, Navigation, Section
from mkdocs.structure.pages import Page

GLOBAL = "tt_shared_nav"  # the name base.html calls


def _items(items: list[StructureItem]) -> list[Page | Link]:
    """Every page and link of the navigation, at any depth."""
    found: list[Page | Link] = []
    for item in items:
        if isinstance(item, Section):
            found += _items(item.children)
        elif isinstance(item, Page | Link):
            found.append(item)
    return found


def shared_nav(nav: Navigation) -> Callable[..., str]:
    """The `tt_shared_nav` global of one build's environment (one language, one navigation):
    `{% call tt_shared_nav() %}{% include "partials/nav.html" %}{% endcall %}`."""
    items = _items(nav.items)
    in_nav = {item.file.src_uri for item in items if isinstance(item, Page)}
    urls = [item.url for item in items]
    rendered: dict[tuple[str, str], str] = {}

    @pass_context
    def render_once(context: Context, caller: Callable[[], str]) -> str:
        page = context.get("page")
        if not isinstance(page, Page) or page.file.src_uri in in_nav or any(
                url.startswith(page.url) for url in urls):
            return caller()  # a page in the navigation, a theme page (404), or a link below it
        key = (posixpath.dirname(page.url.rstrip("/")), str(context.get("base_url")))
        if key not in rendered:
            rendered[key] = caller()
        return rendered[key]

    return render_once
