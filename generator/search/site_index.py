"""The search index of one language of a site: which text goes in, and where it is written."""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from pathlib import Path

from generator import registry
from generator.load.site import Site, strings_for
from generator.model import Procedure
from generator.search.index import (
    PHRASE_FIELDS,
    WEIGHTS,
    IndexFiles,
    SearchDoc,
    build_index,
    code_words,
    content_name,
)
from generator.translate.resolve import localized_procedures
from generator.urls import A_TO_Z, PROCEDURE_DIR, page_url
from generator.writer import write_file

# The search script: the engine, then the search box, as one file. Here, not in theme/assets:
# MkDocs would copy them there under fixed names; pages load them under a content-hashed one.
SCRIPTS = [Path(__file__).with_name(name) for name in ("engine.js", "box.js")]
SEARCH_DIR = "search"  # the indexes' folder, at the site root, shared by every language
UI_STRINGS = ("search_placeholder", "search_loading", "search_none", "search_failed",
              "search_incomplete", "search_results", "a_to_z_title")


def language_docs(site: Site, lang: str) -> list[SearchDoc]:
    """Every published procedure of `lang` as the index sees it (translated where it is)."""
    categories = {c.id: c.names.get(lang) or c.name for c in site.catalog.categories}
    docs = []
    for localized, source in zip(localized_procedures(site, lang), site.procedures,
                                 strict=True):
        p = localized.procedure
        texts = searched_texts(p, categories)
        # Readers of a translation may still type the official Vietnamese name.
        official = searched_texts(source, categories)["title"]
        texts["source_title"] = [] if official == texts["title"] else official
        docs.append(SearchDoc(
            id=p.id, title=p.title, code=p.code, teaser=p.summary,
            fields=tuple((name, " ; ".join(texts[name])) for name in WEIGHTS),
            phrases=tuple(text for name in PHRASE_FIELDS for text in texts[name])))
    return docs


def searched_texts(proc: Procedure, categories: dict[str, str]) -> defaultdict[str, list[str]]:
    """The texts of `proc` by the index field that holds them (`Field.search` of the field or
    of an item field), in the registry's order: a category as its name, a code as its words."""
    texts: defaultdict[str, list[str]] = defaultdict(list)

    def add(name: str, value: object) -> None:
        if name == "category":
            value = categories.get(str(value), "")
        elif name == "code":
            value = code_words(str(value))
        texts[name] += [text for text in (value if isinstance(value, tuple) else (value,))
                        if text]

    for field in registry.fields():
        value = proc.value(field.key)
        if field.search:
            add(field.search, value)
        items = value if field.kind == "items" else (value,) if value else ()
        for sub in field.fields:
            for item in items if sub.search else ():
                add(sub.search, item.value(sub.key))
    return texts


def language_index(site: Site, lang: str) -> IndexFiles:
    """The index of `lang` and, under a content-hashed name, the script that searches it."""
    index = build_index(language_docs(site, lang))
    script = "".join(path.read_text(encoding="utf-8") for path in SCRIPTS)
    name = content_name("ui", script)
    return dataclasses.replace(index, files={**index.files, f"{name}.js": script}, script=name)


def page_config(index: IndexFiles, site: Site, lang: str, directory_urls: bool) -> dict[str, str]:
    """What the search box of every page of `lang` needs: the manifest and its strings."""
    strings = strings_for(site, lang)
    config: dict[str, str] = {key: strings.t(key) for key in UI_STRINGS}
    config["manifest"] = f"{SEARCH_DIR}/{index.manifest}.js"
    config["script"] = f"{SEARCH_DIR}/{index.script}.js"
    config["pages"] = PROCEDURE_DIR + "/{id}" + ("/" if directory_urls else ".html")
    # Without JavaScript the search control and the form lead to every procedure A-Z.
    config["a_to_z"] = page_url(A_TO_Z, directory_urls)
    return config


def write_index(index: IndexFiles, site_dir: Path) -> None:
    """Write the index files into `site_dir/search/`, beside other languages' files.

    Names are content hashes: a file two languages share (the script, parts of an index
    that falls back to Vietnamese) is written once; the writer's temporary name and rename
    mean that a language built at the same time never reads half of it.
    """
    folder = site_dir / SEARCH_DIR
    for name, text in index.files.items():
        if not (folder / name).exists():  # written by another language already
            write_file(folder / name, text, durable=False)
