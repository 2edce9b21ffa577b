"""The MkDocs plugin: a thin adapter that hands the generator's pages to MkDocs + Material.

One MkDocs build per language (Material's advice for per-language search and interface), all
from one loaded catalog. The source language builds into the site root; once MkDocs has
cleaned that folder (`on_files`), every other language is started in a forked worker
(`jobs.py`) that re-enters these hooks (`self.entering` names its language) and builds into
its own folder (`en/`, `rad/`, ...), and each language's QR codes and printable notices are
written by a worker of their own, in parallel with the pages. `-j`/`jobs` sets how many run
at once.

Theme assets exist once, at the site root: a language folder's pages refer to them there
(as Material's projects plugin hoists its sub-projects' assets), and assets no page uses
(source maps; lunr and the search worker when Material's search is off) are not shipped.

Under `serve` the server serves once the source language is built; the other languages'
workers stay, to render their language's pages again when a catalog file changes
(`preview.py`).
Everything about content lives in `site.py` and below.
"""

from __future__ import annotations

import contextlib
import dataclasses
import html
import logging
import os
import posixpath
import re
from collections.abc import Iterator
from contextlib import contextmanager
from functools import partial
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from jinja2 import Environment, pass_context
from jinja2.runtime import Context
from mkdocs import utils
from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

from generator.load.catalog import CatalogMemo
from generator.load.site import Site, SiteSource, load_site, strings_for
from generator.load.strings import Strings, Text
from generator.mkdocs import shared_nav, theme_setup
from generator.mkdocs.cached_pages import CACHED_TEMPLATE, ReadyPage, build_digest, page_key
from generator.mkdocs.docs_pages import (
    is_fallback,
    language_docs,
    nav_docs,
    staff_docs,
    staff_page,
)
from generator.mkdocs.jobs import ForkedJobs, cores
from generator.mkdocs.preview import PREVIEW, LanguageState
from generator.problems import CatalogError, ThutucError
from generator.publish import opendata, service_worker, sitemap
from generator.publish.atomic import temporary_folder
from generator.publish.machine_voice import CACHE_DIR as VOICE_CACHE
from generator.publish.machine_voice import machine_voices
from generator.publish.print_files import write_language_files
from generator.render import RenderedPage
from generator.render.events import EVENT_DIR
from generator.render.listen import published_path, published_recordings
from generator.render.page_cache import CACHE_DIR as PAGES_CACHE
from generator.render.page_cache import PageCache, UncacheableError
from generator.render.qr import CACHE_DIR, QrCache
from generator.render.richtext import escape
from generator.render.site_pages import ProcedurePages, language_pages, page_sets
from generator.render.templating import lang_attr
from generator.search.index import IndexFiles
from generator.search.site_index import SEARCH_DIR, language_index, page_config, write_index
from generator.translate.resolve import localized_procedures
from generator.urls import (
    A_TO_Z,
    FILES_DIR,
    GLOSSARY_SRC,
    POSTER_DIR,
    PROCEDURE_DIR,
    QR_DIR,
    STAFF_SRC,
    language_prefix,
    page_url,
)

log = logging.getLogger("mkdocs.plugins.thutuc")

# Every reading of catalogs in this process: languages and communes share one reading, and a
# rebuild under `serve` reads again only the files that changed.
CATALOG_MEMO = CatalogMemo()
# Theme files no page loads: source maps, Material's stylesheets and script bundle (our
# base.html loads assets/material.css, the rules of them our pages use, and thutuc.js), and
# Material's own search when it is off.
UNUSED_ASSETS = (".map",)
MATERIAL_ASSETS = ("assets/stylesheets/", "assets/javascripts/bundle.")


_PARAGRAPH = re.compile(r"<p>(.*?)</p>", re.DOTALL)
_TAG = re.compile(r"<[^>]+>")
DESCRIPTION_LENGTH = 160  # characters: what search engines show of a description


def first_sentences(content: str) -> str:
    """A hand-written page's description: its first paragraph as text, cut at a word."""
    match = _PARAGRAPH.search(content)
    text = " ".join(html.unescape(_TAG.sub("", match.group(1))).split()) if match else ""
    if len(text) <= DESCRIPTION_LENGTH:
        return text
    return text[:DESCRIPTION_LENGTH].rsplit(" ", 1)[0] + "…"


class ThutucConfig(base.Config):
    enabled = c.Type(bool, default=True)
    catalog = c.Type(str, default="procedures")
    profile = c.Optional(c.Type((str, dict)))  # a profile file, or the profile itself
    languages = c.Type(list, default=[])
    strings = c.Optional(c.Type(str))
    # The offline edition (kiosk, USB stick): opens from file://, links end in .html.
    offline = c.Type(bool, default=False)
    # espeak-ng reads the Vietnamese guide of procedures nobody recorded (labelled on the page).
    machine_voice = c.Type(bool, default=False)
    # Processes building languages (and their QR codes) at once; 0: one per core.
    jobs = c.Type(int, default=0)
    # Finished procedure pages kept in .cache/thutuc/pages/ for the next build (off for
    # `build --all`).
    page_cache = c.Type(bool, default=True)


def site_source(config: MkDocsConfig, options: ThutucConfig) -> SiteSource:
    """Where the site's inputs are, from mkdocs.yml and the plugin's options."""
    root = Path(config.config_file_path).parent
    profile = options.profile
    return SiteSource(
        project_root=root, catalog_dir=root / options.catalog,
        profile_file=root / profile if isinstance(profile, str) else None,
        profile_inline=profile if isinstance(profile, dict) else None,
        site_url=config.site_url or "", site_name=config.site_name,
        languages=tuple(options.languages),
        strings_dir=root / options.strings if options.strings else None,
        directory_urls=config.use_directory_urls,
        # The site's own page templates (procedure.html...) sit beside its Material overrides.
        template_dirs=(Path(config.theme.custom_dir),) if config.theme.custom_dir else ())


def use_profile(config: MkDocsConfig, profile: Path) -> None:
    """Build `config` for the commune described in the file `profile`, instead of the profile
    named in mkdocs.yml (`thutuc build --profile`, `--all`): one catalog, many communes."""
    plugin = config.plugins.get("thutuc")
    if plugin is None:
        raise PluginError("mkdocs.yml chưa bật plugin `thutuc` (mục `plugins:`).")
    plugin.config.profile = str(profile.resolve())  # an absolute path stays itself under root


@contextmanager
def _plugin_errors() -> Iterator[None]:
    """The core's `ThutucError` as MkDocs' `PluginError`: MkDocs prints it without a traceback."""
    try:
        yield
    except ThutucError as error:
        raise PluginError(error.report()) from None


class ThutucPlugin(BasePlugin[ThutucConfig]):
    """Generates the procedure site from the catalog, one language per build."""

    supports_multiple_instances = False

    def __init__(self) -> None:
        self.site: Site | None = None
        self.lang = ""  # the language being built
        # The language the next `on_config` builds when this process re-enters MkDocs' build for
        # another language of the same build; "" for a new build. Set just before it and read
        # at once, so that a build that failed leaves nothing to the next one.
        self.entering = ""
        self.pages: dict[str, RenderedPage] = {}  # rendered in on_config
        self.srcs: list[str] = []  # every generated page of this language, in order
        # A build's procedure pages, rendered (or taken from the page cache) in on_env.
        self.procedures: ProcedurePages | None = None
        self.cached: dict[str, str] = {}  # src -> the finished page, from the cache
        self.storing: dict[str, str] = {}  # src -> the key its finished page is stored under
        self.page_cache = PageCache(None)
        self.root_site_dir = ""
        self.root_site_url = ""
        self.untranslated_docs: set[str] = set()  # hand-written pages shown in Vietnamese
        self.search = IndexFiles(files={}, manifest="")  # this language's, from on_config
        self.jobs: ForkedJobs | None = None  # the other languages' workers, while they run
        # Theme files by the name pages use: the name they are published under at the root.
        self.hoisted: dict[str, str] = {}
        self.source: SiteSource | None = None  # where the catalog was read from
        self.docs: tuple[str, ...] = ()  # this language's hand-written pages
        self.built: tuple[Files, Navigation] | None = None  # this language's, for the preview
        self.env: Environment | None = None
        # Removed at exit; one left by a killed build is removed by the next build.
        self._generated_theme = temporary_folder("thutuc-theme-")

    # Runs before other plugins (search) read the theme language it sets.
    @event_priority(100)
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        if not self.config.enabled:
            return config
        # MkDocs keeps this plugin object for every build of the process (it has `on_startup`):
        # all that a new build needs is set here, never taken from an earlier build.
        self.lang, self.entering = self.entering, ""
        self.procedures, self.cached, self.storing = None, {}, {}
        if not self.lang:
            if "material/search" in config.plugins:
                # Its index is never used (our search replaces it) but costs build time.
                log.warning("Bỏ `- search` khỏi `plugins:` trong mkdocs.yml: thutuc có tìm kiếm "
                            "riêng, nhẹ hơn cho điện thoại.")
            self.site, self.jobs = None, None  # an earlier build's, if it failed
            self.site = self._load(config)
            self.lang = self.site.profile.source_language
            self.root_site_dir, self.root_site_url = config.site_dir, self.site.profile.site_url
        site = self._site()
        self._configure(config)
        written = language_docs(Path(config.docs_dir), self.lang, self._codes())
        docs = tuple(src for src, _ in written)
        self.docs = docs
        self.search = language_index(site, self.lang)
        config.extra["thutuc"]["search"] = page_config(self.search, site, self.lang,
                                                       config.use_directory_urls)
        with _plugin_errors():  # a site's own page template may be wrong
            self._render_pages(config, docs)
        strings = strings_for(site, self.lang)
        prefix = language_prefix(self.lang, site.profile.source_language)
        config.extra["thutuc"].update(self._not_found(strings, prefix, docs,
                                                      config.use_directory_urls))
        config.extra["thutuc"]["staff"] = {
            "title": strings.t("staff_title"),
            "url": page_url(STAFF_SRC, config.use_directory_urls)} if staff_docs(written) else {}
        config.nav = self._nav(config)
        return config

    def _render_pages(self, config: MkDocsConfig, docs: tuple[str, ...]) -> None:
        """This language's generated pages: rendered now under `serve` (the preview keeps
        them); in a build, procedure pages only once `on_env` knows whether the page cache
        has them (`_finish_procedure_pages`)."""
        site = self._site()
        if _SERVING:
            self.pages = {page.src: page for page in
                          language_pages(site, self.lang, config.use_directory_urls, docs)}
            self.srcs, self.procedures = list(self.pages), None
            return
        listed, self.procedures = page_sets(site, self.lang, config.use_directory_urls, docs)
        self.pages = {page.src: page for page in listed if isinstance(page, RenderedPage)}
        self.srcs = [page if isinstance(page, str) else page.src for page in listed]

    def _configure(self, config: MkDocsConfig) -> None:
        """Set `config` for building `self.lang` (its folder, address, interface language);
        the search box, the 404 page and the staff link are set by the caller."""
        site, codes = self._site(), self._codes()
        theme_setup.install(config.theme.dirs, bool(config.theme.custom_dir), codes,
                            self._generated_theme)
        prefix = language_prefix(self.lang, site.profile.source_language)
        if self.config.offline:
            config.use_directory_urls = False  # file:// shows folders, not their index.html
        config.theme["language"] = self.lang
        config.site_dir = str(Path(self.root_site_dir) / prefix) if prefix else self.root_site_dir
        config.site_url = self.root_site_url + prefix
        strings = strings_for(site, self.lang)
        # MkDocs' templates do not autoescape, and Material prints the name both as it is and
        # through `| e`: as Markup (escaped once, here) it is right in both.
        config.site_name = escape(site.profile.name)
        config.extra["alternate"] = [
            {"name": language.name, "lang": language.code,
             "link": ("../" if prefix else "") + language_prefix(language.code, codes[0])}
            for language in site.profile.languages] if len(codes) > 1 else []
        config.extra["thutuc"] = {
            "lang": self.lang, "root_url": self.root_site_url,
            "notice": strings.t("example_notice") if site.profile.example else "",
            # From a language's root to the site's root, where the service worker lives.
            "site_root": "../" if prefix else "", "offline": self.config.offline,
        }

    def _not_found(self, strings: Strings, prefix: str, docs: tuple[str, ...],
                   directory_urls: bool) -> dict[str, Any]:
        """What the 404 page (theme/404.html) needs to find the site's home from any address:
        the configured root, this language's folder, the site's own top folders."""
        tops = {src.split("/")[0].removesuffix(".md") for src in (*self.srcs, *docs)}
        tops |= {QR_DIR, POSTER_DIR, FILES_DIR, SEARCH_DIR, "assets", "data", *self._codes()}
        return {
            "not_found": {key: strings.t(f"not_found_{key}")
                          for key in ("title", "text", "home", "all")},
            "base_path": urlsplit(self.root_site_url).path or "/",
            "language_folder": prefix,
            "top_folders": sorted(tops - {"index"}),
            "a_to_z_path": page_url(A_TO_Z, directory_urls),
        }

    def _load(self, config: MkDocsConfig) -> Site:
        self.source = site_source(config, self.config)
        try:
            site = self._read_site(config)
        except CatalogError as error:
            if _SERVING:
                PREVIEW.failed(list(error.problems))
            # MkDocs prints a PluginError's message and exits 1, without a traceback.
            raise PluginError("Danh mục thủ tục có lỗi:\n" + error.report()) from None
        except ThutucError as error:
            if _SERVING:
                PREVIEW.failed([], error.report())
            raise PluginError(error.report()) from None
        for warning in site.warnings:  # `thutuc check` prints them too
            log.warning(str(warning))
        return site

    def _read_site(self, config: MkDocsConfig) -> Site:
        """The site from `self.source` (raises `CatalogError`), with machine voices if asked."""
        assert self.source is not None
        site = load_site(self.source, CATALOG_MEMO)
        if self.config.machine_voice:
            cache = Path(config.config_file_path).parent / VOICE_CACHE
            site = dataclasses.replace(site, recordings=site.recordings
                                       + machine_voices(site, cache))
        return site

    def _site(self) -> Site:
        assert self.site is not None, "on_config loads the site first"
        return self.site

    def _codes(self) -> list[str]:
        return [language.code for language in self._site().profile.languages]

    def _nav(self, config: MkDocsConfig) -> list[Any]:
        """Home, the categories (never every procedure), then the hand-written pages."""
        site = self._site()
        strings = strings_for(site, self.lang)
        categories = [self.pages[f"linh-vuc/{category.id}.md"].src
                      for category, _ in site.categories()]
        written = language_docs(Path(config.docs_dir), self.lang, self._codes())
        staff = {src for src, _ in staff_docs(written)}
        docs = nav_docs([src for src, _ in written if src not in staff])
        glossary = [{strings.t("glossary_title"): GLOSSARY_SRC}] \
            if GLOSSARY_SRC in self.pages else []
        return [{strings.t("home_title"): "index.md"}, {strings.t("categories"): categories},
                *glossary, *docs]

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        if not self.config.enabled:
            return files
        site = self._site()
        for file in list(files.documentation_pages()):
            files.remove(file)  # replaced below by this language's version
        self.untranslated_docs.clear()
        docs = language_docs(Path(config.docs_dir), self.lang, self._codes())
        staff = staff_docs(docs)
        staff_srcs = {src for src, _ in staff}
        in_nav = set(nav_docs([src for src, _ in docs if src not in staff_srcs]))
        for src, path in docs:
            # Pages of a folder with an index are reached from that index, not the nav.
            inclusion = InclusionLevel.UNDEFINED if src in in_nav else InclusionLevel.NOT_IN_NAV
            files.append(File.generated(config, src, abs_src_path=str(path), inclusion=inclusion))
            if is_fallback(path, self.lang, site.profile.source_language):
                self.untranslated_docs.add(src)
        if staff:  # the footer links it (theme/partials/footer.html)
            strings = strings_for(site, self.lang)
            files.append(File.generated(
                config, STAFF_SRC, inclusion=InclusionLevel.NOT_IN_NAV,
                content=staff_page(staff, strings.t("staff_title"), strings.t("staff_lead"))))
        for src in self.srcs:
            # Procedures and life events are reached from category pages and the home page,
            # the A-Z page from the search control, not the nav: no "not in nav" notice.
            hidden = src.startswith((PROCEDURE_DIR, EVENT_DIR)) or src == A_TO_Z
            inclusion = InclusionLevel.NOT_IN_NAV if hidden else InclusionLevel.UNDEFINED
            files.append(File.generated(config, src, content="", inclusion=inclusion))
        project_root = Path(config.config_file_path).parent
        forms = {d.form for p in site.procedures for d in p.documents
                 if d.form and "://" not in d.form}
        for form in sorted(forms) if self.lang == site.profile.source_language else ():
            # Forms are the same in every language: copied once, at the site root.
            files.append(File.generated(config, f"{FILES_DIR}/{form}",
                                        abs_src_path=str(project_root / form)))
        for recording in published_recordings(site) \
                if self.lang == site.profile.source_language else ():
            # So are recordings: a page without one in its language offers the Vietnamese.
            files.append(File.generated(config, published_path(recording),
                                        abs_src_path=str(recording.path)))
        self.hoisted = self._theme_files(files, config)
        if self.lang == site.profile.source_language:
            # MkDocs has just emptied the site folder: the other languages may start.
            self.jobs = self._start_languages(config)
        return files

    def _theme_files(self, files: Files, config: MkDocsConfig) -> dict[str, str]:
        """Drop the theme files no page uses; publish the others, and the site's own files
        named by `extra_css`, `theme.favicon` and `theme.logo`, under their names or hashed
        ones (`theme_setup.published_name`) at the site root only: a language folder's pages
        load them from there. Returns, for the `url` filter (`on_env`), each name pages use
        that is published under another name or, in a language folder, at the root."""
        theme_dirs = tuple(os.path.join(os.path.abspath(d), "") for d in config.theme.dirs)
        search_on = "material/search" in config.plugins or "search" in config.plugins
        icons = tuple(str(config.theme.get(key)) for key in ("favicon", "logo")
                      if config.theme.get(key))
        named = {*config.extra_css, *icons}  # what the site's configuration names is kept
        source = self.lang == self._site().profile.source_language
        published = {}
        for file in list(files):
            uri = file.src_uri
            if file.is_documentation_page() or not (
                    (file.abs_src_path or "").startswith(theme_dirs) or uri in named):
                continue
            unused = uri.endswith(UNUSED_ASSETS) or uri.startswith(MATERIAL_ASSETS) or (
                not search_on and uri.startswith(theme_setup.MATERIAL_SEARCH))
            if unused and uri not in named:
                files.remove(file)
                continue
            name = theme_setup.published_name(uri, file.content_bytes, icons)
            if source:
                file.dest_uri = name
            else:
                files.remove(file)
            if name != uri or not source:
                published[uri] = name
        return published

    def _start_languages(self, config: MkDocsConfig) -> ForkedJobs:
        """Fork the workers of every language's QR codes and notices, of every language but
        the source's pages (built by this process meanwhile) and, in a build, of the open
        data; under `serve`, those of pages stay, to render their language again after an
        edit (`preview.py`)."""
        site = self._site()
        slots = self.config.jobs or cores()
        others = [code for code in self._codes() if code != site.profile.source_language]
        jobs = PREVIEW.fork_languages(slots, others) if _SERVING else ForkedJobs(slots)
        answer = PREVIEW.answer if _SERVING else None
        cache = QrCache(Path(config.config_file_path).parent / CACHE_DIR)
        pages = PageCache(self._page_cache_dir(config))
        for code in self._codes():
            # Merged once, here: every worker forked below reads them (copy-on-write), where
            # each would otherwise merge its languages again.
            localized_procedures(site, code)
        for language in site.profile.languages:
            code = language.code
            if code != site.profile.source_language:
                jobs.start(code, partial(self._build_language, config, code), answer)
            folder = Path(self.root_site_dir) / language_prefix(code, site.profile.source_language)
            jobs.start(f"{code} (mã QR, tờ niêm yết)",
                       partial(write_language_files, site, code, config.use_directory_urls,
                               cache, pages, folder))
        if not _SERVING:  # open data localizes every language once more: a worker of its own
            jobs.start("dữ liệu mở", partial(opendata.write, Path(self.root_site_dir), site))
        jobs.begin_reading()
        return jobs

    def _build_language(self, config: MkDocsConfig, code: str) -> str:
        """A worker's build of one language into its folder; the search manifest its pages
        refer to (which the preview's search indexes keep)."""
        # The source language's build emptied the whole site folder already, and this
        # language's folder may hold its QR codes by now: MkDocs must not empty it again.
        utils.clean_directory = lambda directory: None
        self.entering = code
        mkdocs_build(config)
        return str(config.extra["thutuc"]["search"]["manifest"])

    def on_nav(self, nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
        self.built = (files, nav)
        if self.procedures is not None:  # not in the navigation: no page of theirs yet
            for file in files.documentation_pages():
                if file.page is None and file.src_uri in self.procedures.by_src:
                    ReadyPage(None, file, config)
        return nav

    # Runs after other plugins, so that what the preview keeps is the environment as used.
    @event_priority(-100)
    def on_env(self, env: Environment, config: MkDocsConfig, files: Files) -> Environment:
        if not self.config.enabled:
            return env
        depth = language_prefix(self.lang, self._site().profile.source_language).count("/")
        env.filters["url"] = _root_url_filter(env.filters["url"], self.hoisted, depth)
        assert self.built is not None, "on_nav keeps this build's navigation"
        env.globals[shared_nav.GLOBAL] = shared_nav.shared_nav(self.built[1])
        # Interface text in Vietnamese on another language's page says so (` lang="vi"`):
        # ours (`Text`, from the strings files) and Material's labels (`tt_label`).
        env.filters["lang_attr"] = lang_attr
        env.globals["tt_label"] = partial(Text, lang=theme_setup.labels_lang(
            config.theme.dirs, self.lang, self._generated_theme))
        self.env = env
        if self.procedures is not None:
            self._finish_procedure_pages(config, files)
        return env

    def on_build_error(self, error: Exception) -> None:
        if self.jobs is not None:
            self.jobs.cancel()
            self.jobs = None

    def on_page_markdown(self, markdown: str, page: Page, **kwargs: Any) -> str | None:
        if self._later(page):
            return ""
        rendered = self.pages.get(page.file.src_uri)
        if rendered is None:
            if page.file.src_uri in self.untranslated_docs:  # main.html shows this notice
                page.meta["tt_untranslated"] = self._untranslated_notice()
                page.meta["tt_content_lang"] = self._site().profile.source_language
            return markdown
        _set_meta(page, rendered)
        return ""  # the body comes ready-made in on_page_content

    def _later(self, page: Page) -> bool:
        """Whether `page` is a procedure page `on_env` finishes (from the cache or not)."""
        return self.procedures is not None and page.file.src_uri in self.procedures.by_src

    def _untranslated_notice(self) -> Text:
        """The notice on a hand-written page shown in Vietnamese, in the page's language."""
        language = next(x.name for x in self._site().profile.languages if x.code == self.lang)
        text = strings_for(self._site(), self.lang).t("page_not_translated", language=language)
        return Text(escape(text), text.lang)  # MkDocs' templates print it as it is

    def on_page_content(self, content: str, page: Page, **kwargs: Any) -> str | None:
        if self._later(page):
            return ""
        rendered = self.pages.get(page.file.src_uri)
        if rendered is None:
            if not page.meta.get("description"):  # search engines show it under the title
                page.meta["description"] = escape(first_sentences(content))
            return content
        page.toc = _toc(rendered)
        return rendered.html

    def _finish_procedure_pages(self, config: MkDocsConfig, files: Files) -> None:
        """Each procedure page of this build: its finished HTML from the page cache when the
        cache has it under the page's key (Material's rendering is then skipped,
        `on_post_page` gives it), else rendered now and stored once Material has wrapped it."""
        procedures = self.procedures
        assert procedures is not None and self.built is not None
        self.cached, self.storing = {}, {}
        cache = PageCache(self._page_cache_dir(config))
        try:
            build = build_digest(config, self.built[1], self.hoisted, self.lang)
        except UncacheableError as why:
            log.debug("Trang thủ tục không lưu đệm được: %s", why)
            build = ""
        for file in files.documentation_pages():
            page, src = file.page, file.src_uri
            if page is None or src not in procedures.by_src:
                continue
            key = ""
            with contextlib.suppress(UncacheableError):
                key = page_key(build, procedures.inputs(src), page) if build else ""
            html = cache.read(key) if key else None
            if html is not None:
                page.meta["template"] = CACHED_TEMPLATE
                self.cached[src] = html
                continue
            with _plugin_errors():  # a site's own page template may be wrong
                rendered = procedures.render(src)
            _set_meta(page, rendered)
            page.toc, page.content = _toc(rendered), rendered.html
            if key:
                self.storing[src] = key
        self.page_cache = cache

    def _page_cache_dir(self, config: MkDocsConfig) -> Path | None:
        if not self.config.page_cache:
            return None
        return Path(config.config_file_path).parent / PAGES_CACHE

    # Runs after other plugins: what it stores and gives is the page as they left it.
    @event_priority(-100)
    def on_post_page(self, output: str, page: Page, config: MkDocsConfig) -> str | None:
        src = page.file.src_uri
        if src in self.cached:
            return self.cached.pop(src)
        key = self.storing.pop(src, "")
        if key:
            self.page_cache.write(key, output)
        return output

    def on_post_build(self, config: MkDocsConfig) -> None:
        if not self.config.enabled:
            return
        site = self._site()
        write_index(self.search, Path(self.root_site_dir))  # one folder for every language
        if _SERVING and self.built is not None and self.env is not None:
            files, nav = self.built
            PREVIEW.record(self, config, self.lang, LanguageState(
                files, nav, self.env, dict(self.pages), dict(config.extra["thutuc"]),
                self.docs, set(self.untranslated_docs)), partial(self._read_site, config))
        source_lang = site.profile.source_language
        if self.lang != source_lang:
            return  # only the source language's build starts the others
        if not self.config.offline:
            service_worker.write(Path(self.root_site_dir), self._offline_texts())
        if _SERVING or self.jobs is None:  # else written by a worker (`_start_languages`)
            opendata.write(Path(self.root_site_dir), site)
        try:
            if self.jobs is not None and _SERVING:
                self.jobs.give_up_slot()  # the server serves while the others build
            elif self.jobs is not None:
                self._finish_languages(self.jobs)
        finally:
            self.jobs = None
            config.site_dir, config.site_url = self.root_site_dir, self.root_site_url
        sitemap.write(Path(self.root_site_dir), self.root_site_url,
                      {code: language_prefix(code, source_lang) for code in self._codes()})
        PageCache(self._page_cache_dir(config)).prune()
        QrCache(Path(config.config_file_path).parent / CACHE_DIR).prune()

    def _offline_texts(self) -> dict[str, dict[str, str]]:
        """The service worker's "no signal" page, in each language's folder."""
        site, texts = self._site(), {}
        for code in self._codes():
            strings = strings_for(site, code)
            lang = strings.lang_of(*service_worker.OFFLINE_KEYS) or code
            texts[language_prefix(code, site.profile.source_language)] = \
                service_worker.offline_texts(lang, strings.t)
        return texts

    def _finish_languages(self, jobs: ForkedJobs) -> None:
        """Wait for the workers; raise once, with every language that failed."""
        failed = [f"Ngôn ngữ {name}: {message}" for name, (outcome, message)
                  in jobs.finish().items() if outcome == "failed"]
        if failed:
            raise PluginError("\n".join(failed))

    def on_startup(self, *, command: str, dirty: bool) -> None:
        global _SERVING
        _SERVING = command == "serve"

    def on_shutdown(self) -> None:
        global _SERVING
        _SERVING = False
        PREVIEW.stop_workers()

    def on_serve(self, server: Any, config: MkDocsConfig, builder: Any) -> Any:
        site = self._site() if self.site else None
        if site is not None:  # catalog files: re-rendered page by page (preview.py)
            PREVIEW.attach(server, site.catalog.root)
        if isinstance(self.config.profile, str):
            server.watch(str(Path(config.config_file_path).parent / self.config.profile))
        return server


def _set_meta(page: Page, rendered: RenderedPage) -> None:
    """What Material's templates read of a generated page: title, description, head."""
    # Catalog text must stay text: escaped once, as Markup, which Material's `| e` keeps.
    page.meta["title"] = escape(rendered.title)
    page.meta["tt_title"] = rendered.title  # its language, for the header (`lang_attr`)
    page.meta.update({k: escape(v) for k, v in rendered.meta.items()})
    page.meta["thutuc_head"] = rendered.head  # already safe HTML (JSON-LD)


def _toc(rendered: RenderedPage) -> Any:
    return get_toc([{"level": 2, "id": e.id, "name": escape(e.title), "children": []}
                    for e in rendered.toc])


# Under `mkdocs serve` (set by `on_startup`, which MkDocs calls once per command, not per
# rebuild): the languages' workers stay, for the preview.
_SERVING = False


def _root_url_filter(url_filter: Any, hoisted: dict[str, str], depth: int) -> Any:
    """MkDocs' `url` filter for a language folder `depth` levels below the site root (0: the
    source language): the theme files in `hoisted` are addressed under their published name,
    and they and the search files at the root."""
    up = "../" * depth

    @pass_context
    def url(context: Context, value: str) -> str:
        name = str(value)
        if name not in hoisted and not name.startswith(SEARCH_DIR + "/"):
            return str(url_filter(context, value))
        path = hoisted.get(name, name)
        result = str(url_filter(context, path))
        if result.startswith("/"):  # the 404 page's addresses start at the site's path
            return posixpath.normpath(posixpath.join(context["base_url"], up + path))
        return up + result

    return url
