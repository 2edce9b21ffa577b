"""What a renderer needs to know about the site, and what it gives back."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import Any

from markupsafe import Markup

from generator.load.events import LifeEvent
from generator.load.pictograms import Pictogram
from generator.load.strings import Strings
from generator.model import Category, Procedure, SiteProfile
from generator.render.listen import Listen
from generator.render.templating import Templates, site_templates
from generator.urls import FILES_DIR, category_src, page_url, procedure_src, relative


@dataclass(frozen=True)
class TocEntry:
    id: str
    title: str


@dataclass(frozen=True)
class RenderedPage:
    """One page: where it goes, its (plain text) title, its HTML body and its contents.

    `head` is ready, safe HTML for the page's `<head>` (structured data).
    """

    src: str
    title: str
    html: str
    toc: tuple[TocEntry, ...] = ()
    meta: dict[str, str] = field(default_factory=dict)
    head: str = ""


@dataclass(frozen=True)
class Card:
    """A category or a life event on the home page: a link with its number of procedures."""

    href: str
    name: str
    count: int
    lang: str = ""  # the source language's code when `name` is not translated
    icon: Markup = Markup("")  # its Material icon, inline and hidden from screen readers


@dataclass(frozen=True)
class Listed:
    """One procedure in a list: its title (a link) and its summary, with the source
    language's code for what is shown untranslated."""

    href: str
    title: str
    summary: str
    title_lang: str = ""
    summary_lang: str = ""


@dataclass(frozen=True)
class PageContext:
    """The site as seen from one language: text, commune, titles and links."""

    strings: Strings
    profile: SiteProfile
    categories: dict[str, Category]
    titles: dict[str, str]  # procedure id -> title in this language
    directory_urls: bool = True
    shared_root: str = ""  # from this language's root to the site root ("" or "../")
    online_guide: str = ""  # the page (src) of the guide to submitting online, if the site has it
    # procedure id -> its fields shown in the source language (see `Localized.missing`)
    untranslated: dict[str, frozenset[str]] = field(default_factory=dict)
    base_url: str = ""  # the public address of this language's root: site_url + prefix
    public_directory_urls: bool = True  # the public site's URL style (not the offline edition's)
    templates: Templates = field(default_factory=site_templates)  # the site's page templates
    # (procedure id, part: "" for the whole guide, or a section) -> the recording offered
    listen: dict[tuple[str, str], Listen] = field(default_factory=dict)
    # procedure id -> the pictogram of each document, chosen from its Vietnamese name
    pictures: dict[str, tuple[Pictogram | None, ...]] = field(default_factory=dict)
    events: dict[str, LifeEvent] = field(default_factory=dict)  # the life events, by id
    # The day the pages are made: once for all of them (and their cache keys), so a build
    # across midnight says one thing of an overdue review.
    today: datetime.date = field(default_factory=datetime.date.today)

    def office(self, procedure: Procedure) -> tuple[str, str]:
        """Where the procedure is received: (office, address), local overrides first. A
        procedure carried out only at other levels than the site's (a ministry's permit on a
        commune's site) is received by its own agency, never by this office."""
        local = self.profile.overrides.get(procedure.id)
        if local and local.agency:
            return local.agency, local.address or self.profile.address
        if procedure.level and not set(procedure.level) & set(self.profile.levels) \
                and procedure.agency:
            extra = procedure.provenance.extra if procedure.provenance else {}
            return procedure.agency, (local.address if local else "") or \
                extra.get("dia_chi_tiep_nhan", "")
        address = (local.address if local and local.address else "") or self.profile.address
        return self.profile.name, address

    def absolute(self, src: str) -> str:
        """The public address of a page, as QR codes and canonical links give it."""
        return self.base_url + page_url(src, self.public_directory_urls)

    def site_link(self, from_src: str, site_path: str) -> str:
        """Relative link from a page to a file of this language's folder (a code, a poster)."""
        return relative(page_url(from_src, self.directory_urls), site_path)

    def category_name(self, category_id: str) -> str:
        category = self.categories[category_id]
        return category.names.get(self.strings.lang) or category.name

    def event_source_lang(self, event: LifeEvent) -> str:
        """The source language's code when a life event's name has no translation, else ""."""
        lang = self.strings.lang
        return "" if lang == self.profile.source_language or event.names.get(lang) \
            else self.profile.source_language

    def category_source_lang(self, category_id: str) -> str:
        """The source language's code when a category's name has no translation, else ""."""
        source = self.profile.source_language
        lang = self.strings.lang
        if lang == source or self.categories[category_id].names.get(lang):
            return ""
        return source

    def procedure_source_lang(self, procedure_id: str, field_name: str) -> str:
        """The source language's code when a procedure's field is shown in it, else ""."""
        if field_name in self.untranslated.get(procedure_id, ()):
            return self.profile.source_language
        return ""

    def link(self, from_src: str, to_src: str) -> str:
        """Relative link between two generated pages of the same language."""
        return relative(page_url(from_src, self.directory_urls),
                        page_url(to_src, self.directory_urls))

    def procedure_link(self, from_src: str, procedure_id: str) -> str:
        return self.link(from_src, procedure_src(procedure_id))

    def category_link(self, from_src: str, category_id: str) -> str:
        return self.link(from_src, category_src(category_id))

    def source_language_link(self, src: str) -> str:
        """Link from a page of this language to the same page in the source language, which
        sits at the site root."""
        url = page_url(src, self.directory_urls)
        return relative(url, self.shared_root + url)

    def root_link(self, from_src: str, site_path: str) -> str:
        """Link from a page to a file at the site root, shared by every language."""
        return relative(page_url(from_src, self.directory_urls), self.shared_root + site_path)

    def file_link(self, from_src: str, project_path: str) -> str:
        """Link to a project file (a blank form), copied once into the site root's files folder."""
        return relative(page_url(from_src, self.directory_urls),
                        f"{self.shared_root}{FILES_DIR}/{project_path}")


    @property
    def example_notice(self) -> str:
        """The sample-profile warning every page carries (printed ones too), or "" for a
        real commune."""
        return self.strings.t("example_notice") if self.profile.example else ""

    def page(self, template: str, src: str, title: str, /, meta: dict[str, str] | None = None,
             head: str = "", **data: Any) -> RenderedPage:
        """The page `src` made from `template` with `data` (and `t`); the template's
        headings and sections fill its table of contents (`toc`)."""
        toc: list[tuple[str, str]] = []
        html = self.templates.render(template, t=self.strings.t, toc=toc, **data)
        return RenderedPage(src=src, title=title, html=html,
                            toc=tuple(TocEntry(anchor, text) for anchor, text in toc),
                            meta=meta or {}, head=head)
