"""Golden tests: the mini catalog's pages (HTML bodies) and the whole built site's file tree."""

from __future__ import annotations

from pathlib import Path

import pytest
from mkdocs.config import load_config

from generator.load.site import Site, load_site
from generator.mkdocs.plugin import ThutucConfig, site_source
from generator.render.site_pages import language_pages
from tests.conftest import FIXTURES
from tests.golden import check_golden, theme_hashes_hidden

MINI = FIXTURES / "mini"


@pytest.fixture(scope="module")
def mini() -> Site:
    config = load_config(str(MINI / "mkdocs.yml"))
    options: ThutucConfig = config.plugins["thutuc"].config  # type: ignore[attr-defined]
    return load_site(site_source(config, options))


@pytest.mark.parametrize("lang", ["vi", "en", "rad"])
def test_pages_match_golden_files(mini: Site, lang: str) -> None:
    pages = language_pages(mini, lang)
    assert [p.src for p in pages] == [
        "index.md", "linh-vuc/ho-tich.md", "linh-vuc/chung-thuc.md", "tat-ca-thu-tuc.md",
        "thu-tuc/chung-thuc-ban-sao.md", "thu-tuc/dang-ky-ket-hon.md",
        "thu-tuc/dang-ky-khai-sinh.md", "thuat-ngu.md"]  # the default glossary's page
    for page in pages:
        toc = "".join(f"<!-- toc: {e.id} | {e.title} -->\n" for e in page.toc)
        check_golden(f"mini/{lang}/{page.src.removesuffix('.md')}.html",
                     f"<!-- title: {page.title} -->\n{toc}{page.html}\n")


def test_built_site_tree_matches_control(mini_site: Path) -> None:
    """Every page in every language exists, and nothing unexpected is written."""
    # Sorted once the hashes are hidden: a changed stylesheet changes no name's place.
    ours = sorted(theme_hashes_hidden(p.relative_to(mini_site).as_posix())
                  for p in mini_site.rglob("*")
                  if p.is_file() and "/assets/javascripts/" not in f"/{p.relative_to(mini_site)}"
                  and "assets/stylesheets/" not in p.as_posix())
    check_golden("mini-site-files.txt", "\n".join(ours) + "\n")
