"""Material's navigation rendered once per folder for the pages outside it: the same HTML as
rendering it on every page (generator/mkdocs/shared_nav.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import get_navigation
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import url_filter

from generator.mkdocs.shared_nav import GLOBAL, shared_nav

# Links to every item, and which one is the page: what Material's partial depends on.
NAV = ("{% for item in nav.pages %}<a href=\"{{ item.url | url }}\""
       "{% if item == page %} class=active{% endif %}>{{ item.title }}</a>{% endfor %}")
IN_NAV = ["index.md", "linh-vuc/ho-tich.md", "thu-tuc/b/chi-tiet.md"]
OUTSIDE = ["thu-tuc/a.md", "thu-tuc/b.md", "thu-tuc/c.md", "a-z.md", "su-kien/sinh-con.md"]


@pytest.mark.parametrize("directory_urls", [True, False])
def test_shared_navigation_is_the_navigation_of_each_page(tmp_path: Path,
                                                           directory_urls: bool) -> None:
    (tmp_path / "docs").mkdir()
    config = MkDocsConfig()
    config.load_dict({"site_name": "x", "docs_dir": str(tmp_path / "docs"),
                      "site_dir": str(tmp_path / "site"),
                      "use_directory_urls": directory_urls, "nav": IN_NAV})
    assert config.validate() == ([], [])
    files = Files([File(src, src_dir=config.docs_dir, dest_dir=config.site_dir,
                        use_directory_urls=directory_urls,
                        inclusion=InclusionLevel.NOT_IN_NAV if src in OUTSIDE
                        else InclusionLevel.UNDEFINED) for src in IN_NAV + OUTSIDE])
    nav = get_navigation(files, config)
    pages = [file.page or Page(None, file, config) for file in files.documentation_pages()]
    env = Environment()
    env.filters["url"] = url_filter
    env.globals[GLOBAL] = shared_nav(nav)
    renders: list[str] = []
    env.globals["counted"] = lambda: renders.append("") or ""
    alone = env.from_string(NAV)
    shared = env.from_string("{% call tt_shared_nav() %}{{ counted() }}" + NAV + "{% endcall %}")
    for page in pages:
        page.active = True
        depth = page.url.rstrip("/").count("/") + (directory_urls and page.url != "")
        context = {"nav": nav, "page": page, "base_url": "/".join([".."] * depth) or "."}
        assert shared.render(context) == alone.render(context), page.url
        page.active = False
    # Rendered on their own: the pages in the navigation, and thu-tuc/b/ (a link of the
    # navigation is in its folder); once for all: each other folder's pages outside it.
    assert len(renders) == len(IN_NAV) + (4 if directory_urls else 3)
