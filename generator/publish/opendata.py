"""Open data: the commune's published catalog as one JSON file, for other portals and apps.

Written once per site, at `data/catalog.json` from the site root (not per language). Each
procedure carries its language-independent fields (ids, code, amounts, dates, URLs) once, and
its translatable text per language under `text`, item lists aligned with the source's by
position. A language's text holds only what is translated into it: what `translation.LANG.missing`
lists is left out (take it from the source language), so no Vietnamese text is ever labelled
as another language. Output is deterministic: sorted keys, no time of build.
"""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import Any

from generator import __version__, registry
from generator.load.site import Site
from generator.model import Procedure, SiteProfile
from generator.registry import Field
from generator.render.site_pages import page_context
from generator.safe_text import json_text
from generator.translate.field_paths import field_of, leaves_to_fields, source_leaves
from generator.translate.resolve import Localized, localized_procedures
from generator.urls import FILES_DIR, procedure_src
from generator.writer import write_file

PATH = "data/catalog.json"  # from the site's root
FORMAT = {"name": "thutuc-catalog", "version": 1}  # bump the version on incompatible changes


def catalog_document(site: Site) -> dict[str, Any]:
    """The open-data document of a site: publisher, categories, published procedures."""
    profile = site.profile
    codes = [language.code for language in profile.languages]
    per_language = {lang: _language_view(site, lang) for lang in codes}
    return {
        "format": FORMAT,
        "generator": f"thutuc {__version__}",
        "publisher": _publisher(profile),
        "categories": [
            {"id": category.id, "icon": category.icon,
             "name": {profile.source_language: category.name,
                      **{lang: name for lang, name in category.names.items() if lang in codes}}}
            for category, _ in site.categories()],
        "procedures": [_procedure(proc, site, {lang: view[index]
                                               for lang, view in per_language.items()})
                       for index, proc in enumerate(site.procedures)],
    }


def render(site: Site) -> str:
    """The document as JSON text (UTF-8 characters kept as they are, one trailing newline)."""
    return json_text(catalog_document(site), sort_keys=True, indent=2) + "\n"


def write(site_dir: Path, site: Site) -> Path:
    """Write `data/catalog.json` into the root of the built site and return its path."""
    target = site_dir / PATH
    write_file(target, render(site), durable=False)
    return target


def _publisher(profile: SiteProfile) -> dict[str, Any]:
    return {"name": profile.name, "address": profile.address, "hours": list(profile.hours),
            "phone": profile.phone, "email": profile.email, "map_url": profile.map_url,
            "portal_url": profile.portal_url, "site_url": profile.site_url,
            "example": profile.example,  # a sample profile: the commune's details are made up
            "source_language": profile.source_language,
            "languages": [{"code": x.code, "name": x.name} for x in profile.languages]}


def _language_view(site: Site, lang: str) -> list[tuple[Localized, str]]:
    """Each published procedure in one language, with its page's public address."""
    localized = localized_procedures(site, lang)
    ctx = page_context(site, lang, localized)
    return [(loc, ctx.absolute(procedure_src(loc.procedure.id))) for loc in localized]


def _procedure(proc: Procedure, site: Site,
               languages: dict[str, tuple[Localized, str]]) -> dict[str, Any]:
    """One procedure: every non-translatable field of the registry, then text per language."""
    local = site.profile.overrides.get(proc.id)
    fields = {}
    for field in registry.fields():
        value = _plain(field, proc.value(field.key), site.profile)
        if value is not _LEFT_OUT and (value or field.open_data == "always"):
            fields[field.key] = value
    return {
        **fields,
        "local": {"agency": local.agency, "address": local.address, "note": local.note,
                  "fee_note": local.fee_note} if local else None,
        "url": {lang: url for lang, (_, url) in languages.items()},
        "text": {lang: _text(loc, proc) for lang, (loc, _) in languages.items()},
        "translation": {lang: {"draft": loc.draft, "translator": loc.translator,
                               "missing": sorted(loc.missing), "stale": sorted(loc.stale)}
                        for lang, (loc, _) in languages.items()},
    }


_LEFT_OUT = object()  # a field open data does not carry here (text, tool-internal data)


def _plain(field: Field, value: Any, profile: SiteProfile) -> Any:
    """A field's language-independent part as JSON data, or `_LEFT_OUT`."""
    if field.translatable or field.open_data == "never":
        return _LEFT_OUT
    if field.kind in ("items", "mapping"):
        subs = [sub for sub in field.fields if not sub.translatable and sub.open_data != "never"]
        if not subs:
            return _LEFT_OUT  # all text (`steps`, `faq`): under `text`
        rows = [{sub.key: _plain(sub, item.value(sub.key), profile) for sub in subs
                 if item.value(sub.key) or sub.open_data == "always"}
                for item in (value if field.kind == "items" else (value,) if value else ())]
        return rows if field.kind == "items" else (rows[0] if rows else None)
    if field.kind == "form" and value and "://" not in value:
        return f"{profile.site_url}{FILES_DIR}/{value}"  # a form in the project is copied
    if isinstance(value, datetime.date):
        return value.isoformat()
    return list(value) if isinstance(value, tuple) else value


def _text(loc: Localized, source: Procedure) -> dict[str, Any]:
    """The translatable text of one language, without what is shown in the source language."""
    leaves = {path: text for path, text in source_leaves(loc.procedure).items()
              if path not in loc.missing and field_of(path) not in loc.missing}
    return {field: list(value) if isinstance(value, tuple) else value
            for field, value in leaves_to_fields(leaves, source).items()}
