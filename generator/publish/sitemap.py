"""The site's sitemap with hreflang alternates: every page, in every language, linked to its
versions in the other languages.

Search engines learn the language versions of a page from here rather than from
`<link rel="alternate" hreflang>` in each page's head: Material's script fetches a
`sitemap.xml` next to every such link, which would leave the site's origin (see main.html).
`x-default` points to the source language. The sitemaps MkDocs writes in each language's
folder are removed: the root one is the site's only sitemap.
"""

from __future__ import annotations

import gzip
from pathlib import Path
from xml.etree import ElementTree
from xml.sax.saxutils import quoteattr

from generator.writer import write_file

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"


def page_paths(sitemap: Path, site_url: str) -> list[str]:
    """The pages listed in a sitemap MkDocs wrote, as paths relative to `site_url`."""
    # Written by MkDocs in this very build from our own page list: trusted input.
    locs = ElementTree.parse(sitemap).getroot().iter(f"{{{SITEMAP_NS}}}loc")  # noqa: S314
    return [loc.text.strip().removeprefix(site_url) for loc in locs if loc.text]


def render(paths: list[str], site_url: str, prefixes: dict[str, str]) -> str:
    """A sitemap listing each path in each language (`prefixes`: code -> folder such as en/,
    the source language first with folder "")."""
    entries = []
    default = [("x-default", "")] if len(prefixes) > 1 else []
    for path in paths:
        links = "".join(
            f"<xhtml:link rel=\"alternate\" hreflang={quoteattr(code)} "
            f"href={quoteattr(site_url + prefix + path)}/>"
            for code, prefix in [*prefixes.items(), *default])
        entries += [f"<url><loc>{_text(site_url + prefix + path)}</loc>{links}</url>"
                    for prefix in prefixes.values()]
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            f'<urlset xmlns="{SITEMAP_NS}" xmlns:xhtml="http://www.w3.org/1999/xhtml">\n'
            + "\n".join(entries) + "\n</urlset>\n")


def _text(value: str) -> str:
    return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def write(site_dir: Path, site_url: str, prefixes: dict[str, str]) -> None:
    """Replace the root `sitemap.xml` (and `.gz`) by one with every language's pages."""
    sitemap = site_dir / "sitemap.xml"
    if not site_url or not sitemap.is_file():
        return
    text = render(page_paths(sitemap, site_url), site_url, prefixes)
    write_file(sitemap, text, durable=False)
    # mtime=0: the same site gives the same bytes.
    write_file(site_dir / "sitemap.xml.gz", gzip.compress(text.encode("utf-8"), mtime=0),
               durable=False)
    for prefix in prefixes.values():
        if prefix:
            for name in ("sitemap.xml", "sitemap.xml.gz"):
                (site_dir / prefix / name).unlink(missing_ok=True)
