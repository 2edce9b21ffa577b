"""The date of each page, taken from the catalog, never from the clock.

MkDocs stamps every page with the day of the build; that date goes into `sitemap.xml` and the
gzip header of `sitemap.xml.gz`, so two builds of the same catalog on different days differ.
A page's date here is when its content was last checked: a procedure's `updated`, and for a
page listing procedures (home, category pages, hand-written pages) the latest of those.
"""

from __future__ import annotations

import datetime

from .site import Site
from .urls import HOME, category_src, procedure_src


def page_dates(site: Site) -> tuple[dict[str, str], str]:
    """(ISO date of each generated page by its source path, the date of any other page)."""
    site_date = max((p.updated for p in site.procedures), default=datetime.date(2000, 1, 1))
    dates = {procedure_src(p.id): p.updated.isoformat() for p in site.procedures}
    for category, procedures in site.categories():
        dates[category_src(category.id)] = max(p.updated for p in procedures).isoformat()
    dates[HOME] = site_date.isoformat()
    return dates, site_date.isoformat()
