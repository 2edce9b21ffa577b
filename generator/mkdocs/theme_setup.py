"""Theme plumbing for MkDocs + Material: our templates, languages Material lacks, and the
names the theme's files are published under.

Material ships interface translations for about 60 languages, none of them Vietnam's
minority languages; with `theme.language: rad` it fails with TemplateNotFound. For such a
language we write a `partials/languages/CODE.html` that keeps Material's Vietnamese interface
(what these readers see on every other public site) but declares the page's own language;
our theme templates mark the elements showing those labels `lang="vi"` (`labels_lang`).

The stylesheets, scripts and icons that pages load by name (ours, what a commune puts in
`overrides/` or names in `extra_css`, `theme.favicon` and `theme.logo`, Material's favicon)
are published once, at the site root, under a name that holds a hash of their content
(`assets/thutuc.css` as `assets/thutuc.<hash>.css`, `generator/urls.hashed_path`): a browser,
the service worker and the deployment's cache rules keep them for ever, and a new build that
changes one changes its name. Pages name them as before (`'assets/thutuc.css' | url`); the
plugin's `url` filter gives the published name.
"""

from __future__ import annotations

import json
from pathlib import Path

from generator.load.strings import SOURCE_LANGUAGE
from generator.urls import hashed_path
from generator.writer import write_file

THEME_DIR = Path(__file__).parent / "theme"
# Material's own search (shipped only when it is on): its worker loads these by their names.
MATERIAL_SEARCH = ("assets/javascripts/lunr/", "assets/javascripts/workers/search.")

_PARTIAL = """{#- Written by thutuc: Material has no interface translation for this language. -#}
{% import "partials/languages/SOURCE.html" as base %}
{% macro t(key) %}{{ OWN.get(key) or base.t(key) }}{% endmacro %}
"""


def has_language_partial(theme_dirs: list[str], code: str) -> bool:
    return any((Path(d) / "partials" / "languages" / f"{code}.html").is_file()
               for d in theme_dirs)


def write_language_partial(folder: Path, code: str) -> None:
    """A Material language partial for `code`, falling back to Vietnamese."""
    target = folder / "partials" / "languages" / f"{code}.html"
    # Search keeps Vietnamese word rules: these languages are written in Latin letters with
    # Vietnamese-style diacritics, and lunr has no stemmer for them.
    own = {"language": code, "search.config.lang": "vi"}
    partial = _PARTIAL.replace("SOURCE", SOURCE_LANGUAGE)
    write_file(target, partial.replace("OWN", json.dumps(own, ensure_ascii=False)),
               durable=False)


def labels_lang(theme_dirs: list[str], code: str, generated_dir: Path) -> str:
    """The language of Material's interface labels (skip link, contents, back to top) on the
    pages of `code`, when it is not `code`: Vietnamese when Material, the site and its
    theme have no translation for it (our partial in `generated_dir` is used), else ""."""
    translated = [d for d in theme_dirs if Path(d) != generated_dir]
    return "" if has_language_partial(translated, code) else SOURCE_LANGUAGE


def install(theme_dirs: list[str], has_custom_dir: bool, languages: list[str],
            generated_dir: Path) -> None:
    """Put our templates after the project's overrides, and add missing language partials."""
    ours = str(THEME_DIR)
    if ours not in theme_dirs:
        theme_dirs.insert(1 if has_custom_dir else 0, ours)
    missing = [code for code in languages if not has_language_partial(theme_dirs, code)]
    for code in missing:
        write_language_partial(generated_dir, code)
    if missing and str(generated_dir) not in theme_dirs:
        theme_dirs.append(str(generated_dir))


def published_name(uri: str, content: bytes, icons: tuple[str, ...]) -> str:
    """The name a theme file `uri` (or a file of `extra_css`) is published under: with the
    hash of its `content` for stylesheets, scripts and `icons` (the favicon and logo), as it
    is for every other file (an image a stylesheet names keeps its name)."""
    if uri.startswith(MATERIAL_SEARCH) or not (uri.endswith((".css", ".js")) or uri in icons):
        return uri
    return hashed_path(uri, content)
