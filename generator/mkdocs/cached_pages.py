"""Procedure pages as MkDocs + Material finished them, kept between builds.

Most of a build's pages are procedure pages, and most of a page's cost is rendering it twice:
our template (`render/procedure.py`), then Material's around it. A procedure page is not in
the navigation, so what Material adds around it is the same for every such page of a build
but for its address and what our template gave it (title, description, head, contents): its
key (`page_key`) is a hash of the page's own inputs (`ProcedurePages.inputs`) and of
everything Material's templates read (`build_digest`): the MkDocs configuration as the plugin
set it for the language (site name, `extra`, the navigation's definition, the theme's
options), the navigation as built (titles and addresses), the theme's template folders, the
published names of theme files, the plugins and their options, and the versions of the
libraries that render. A page found under its key is written as it was (`CACHED_TEMPLATE`
renders nothing, `on_post_page` gives the stored page); another is rendered and stored.
"""

from __future__ import annotations

import functools
import importlib.metadata
import sysconfig
from pathlib import Path
from typing import Any

from mkdocs.config import base
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure import StructureItem
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Link, Navigation, Section
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

from generator.render.page_cache import digest, files_digest

# The template of a page taken from the cache: renders nothing (theme/thutuc-cached.html).
CACHED_TEMPLATE = "thutuc-cached.html"
# Libraries whose version changes what a page looks like.
RENDERERS = ("mkdocs", "mkdocs-material", "jinja2", "markdown", "pymdown-extensions",
             "markupsafe", "babel")
# Configuration entries no page shows: where files go, what the server watches, which
# files are pages at all (the navigation and the pages' own keys say what came of that).
# The theme and the plugins (hooks among them) are hashed on their own (their objects have
# no stable encoding).
_UNSHOWN = frozenset({"site_dir", "watch", "dev_addr", "exclude_docs", "not_in_nav",
                      "draft_docs", "theme", "plugins", "hooks", "strict", "validation",
                      "remote_branch", "remote_name", "config_file_path"})
_LIBRARIES = Path(sysconfig.get_paths()["purelib"]).resolve()
# Our plugin's options that change no page: how many processes build, whether pages are kept.
_OUR_UNSHOWN = frozenset({"jobs", "page_cache"})


def build_digest(config: MkDocsConfig, nav: Navigation, hoisted: dict[str, str],
                 lang: str) -> str:
    """What every procedure page of one language's build shares in Material's rendering.
    Raises `UncacheableError` when a value of the configuration has no stable encoding (a
    plugin's option holding an object): that build's pages are then not cached."""
    theme = config.theme
    return digest(
        lang, sorted((key, _options(value)) for key, value in config.items()
                     if key not in _UNSHOWN),
        theme.name, [(key, str(theme[key]) if key == "locale" else theme[key]) for key in theme],
        [_folder(Path(folder)) for folder in theme.dirs],
        [_plugin(name, plugin) for name, plugin in config.plugins.items()],
        _navigation(nav.items), sorted(hoisted.items()), _versions())


class ReadyPage(Page):
    """A procedure page, whose HTML the plugin gives: no Markdown to convert (MkDocs sets up
    a Markdown converter with every extension for each page, a few milliseconds each)."""

    def render(self, config: MkDocsConfig, files: Files) -> None:
        """What MkDocs' rendering of the page's empty Markdown gives."""
        self.content = ""
        self.toc = get_toc([])
        self.present_anchor_ids = set()
        self.links_to_anchors = {}


def _options(value: Any) -> Any:
    """A configuration's value with MkDocs' option groups (`extra`) as plain mappings."""
    if isinstance(value, base.Config):
        return {key: _options(item) for key, item in value.items()}
    return value


def _plugin(name: str, plugin: Any) -> Any:
    """A plugin by its module, its library's version and its options (ours without those
    that change no page); a hook (a module of the site's) by its source."""
    options = getattr(plugin, "config", None)
    if options is not None:
        module = type(plugin).__module__
        shown = {key: value for key, value in _options(options).items()
                 if not (module == __package__ + ".plugin" and key in _OUR_UNSHOWN)}
        return (name, module, _distributions(module), shown)
    source = Path(getattr(plugin, "__file__", "") or "")
    return (name, "hook", source.read_bytes() if source.is_file() else str(plugin))


def page_key(build: str, inputs: str, page: Page) -> str:
    """The cache key of one procedure page: the build's digest, the page's inputs, address."""
    return digest(build, inputs, page.url, page.file.dest_uri)


def _folder(folder: Path) -> Any:
    """A theme folder: an installed library's by its name and version, another by its files
    (the site's overrides, ours, the language partials written for this build)."""
    resolved = folder.resolve()
    if resolved.is_relative_to(_LIBRARIES):
        inside = resolved.relative_to(_LIBRARIES)
        return ("installed", inside.as_posix(), _distributions(inside.parts[0]))
    return ("files", files_digest(resolved)) if resolved.is_dir() else ("none", str(folder))


@functools.cache
def _distributions(module: str) -> tuple[tuple[str, str], ...]:
    """The installed libraries that provide `module`'s top-level package, with their
    versions: upgrading a plugin or a theme renders its pages anew."""
    names = _installed().get(module.split(".")[0], [])
    return tuple(sorted((name, importlib.metadata.version(name)) for name in set(names)))


@functools.cache
def _installed() -> dict[str, list[str]]:
    return dict(importlib.metadata.packages_distributions())


def _versions() -> list[tuple[str, str]]:
    found = []
    for name in RENDERERS:
        try:
            found.append((name, importlib.metadata.version(name)))
        except importlib.metadata.PackageNotFoundError:
            found.append((name, ""))
    return found


def _navigation(items: list[StructureItem]) -> list[Any]:
    """The navigation as Material prints it: each item's kind, title and address."""
    shown: list[Any] = []
    for item in items:
        if isinstance(item, Section):
            shown.append(("section", item.title, _navigation(item.children)))
        elif isinstance(item, Page):
            shown.append(("page", item.title, item.url, item.file.src_uri))
        elif isinstance(item, Link):
            shown.append(("link", item.title, item.url))
        else:
            shown.append(("other", type(item).__qualname__, str(item.title)))
    return shown
