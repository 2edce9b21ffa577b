"""Resolve stage: a procedure as a reader of one language sees it.

An overlay is merged field by field (item by item in lists) over the Vietnamese source. Each
piece of text ends up translated, `missing` (the Vietnamese text is shown, with a notice) or
`stale` (the source changed since the translation was stamped); see `field_paths`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from generator import registry
from generator.load.site import Site
from generator.model import Catalog, Fields, Overlay, Procedure
from generator.translate.field_paths import collapse, missing_paths, stale_paths


@dataclass(frozen=True)
class Localized:
    """A procedure in one language, with what is not (or no longer) translated.

    `missing` and `stale` hold field paths as reports show them: a field name when the whole
    field is affected (`summary`, `steps`), an item path otherwise (`steps[2].text`).
    """

    procedure: Procedure
    lang: str
    source_lang: str
    missing: frozenset[str] = frozenset()  # shown in the source language
    stale: frozenset[str] = frozenset()  # translated from an older source text
    draft: bool = False  # the translation has not been reviewed
    translator: str = ""

    @property
    def is_source(self) -> bool:
        return self.lang == self.source_lang

    def untranslated(self, field: str, index: int, sub: str) -> bool:
        """One text of one list item is shown in the source language."""
        return field in self.missing or f"{field}[{index}].{sub}" in self.missing


def localize(procedure: Procedure, overlay: Overlay | None, lang: str,
             source_lang: str = "vi") -> Localized:
    """Merge `overlay` (a translation into `lang`, or None) over the source procedure."""
    if lang == source_lang:
        return Localized(procedure, lang, source_lang)
    missing = frozenset(collapse(missing_paths(procedure, overlay), procedure))
    if overlay is None:
        return Localized(procedure, lang, source_lang, missing=missing)
    changes: dict[str, Any] = {}
    item_fields = registry.item_fields()
    for field in registry.translatable():
        key, value = field.key, overlay.fields.get(field.key)
        if key in item_fields:
            value = _merge_items(procedure.value(key), value, item_fields[key])
        if value:
            changes[key] = value
    stale = frozenset(collapse(stale_paths(procedure, overlay), procedure))
    return Localized(procedure.replaced(changes), lang, source_lang,
                     missing=missing, stale=stale,
                     draft=overlay.status != "reviewed", translator=overlay.translator)


def _merge_items(items: tuple[Fields, ...], translated: object,
                 subfields: tuple[str, ...]) -> tuple[Fields, ...]:
    """Items with their translated sub-fields replaced (lists are matched by order)."""
    rows = translated if isinstance(translated, tuple) and len(translated) == len(items) else ()
    if not rows:
        return items
    return tuple(item.replaced({sub: row[sub] for sub in subfields if row.get(sub)})
                 for item, row in zip(items, rows, strict=True))


def overlays_for(catalog: Catalog, lang: str) -> dict[str, Overlay]:
    """The overlays of one language, by procedure id."""
    return {o.procedure_id: o for o in catalog.overlays if o.lang == lang}


def localized_procedures(site: Site, lang: str) -> list[Localized]:
    """The published procedures in one language (catalog order)."""
    if _LOCALIZED.site is not site:
        _LOCALIZED.site, _LOCALIZED.languages = site, {}
    if lang not in _LOCALIZED.languages:
        overlays = overlays_for(site.catalog, lang)
        source_lang = site.profile.source_language
        _LOCALIZED.languages[lang] = tuple(localize(p, overlays.get(p.id), lang, source_lang)
                                           for p in site.procedures)
    return list(_LOCALIZED.languages[lang])


class _Memo:
    """The last site's procedures in each language. A build's pages, search index, notices
    and open data each ask for them in the same process (and a forked worker inherits what
    was asked before the fork): merged once per reading of the catalog, not once for each."""

    def __init__(self) -> None:
        self.site: Site | None = None
        self.languages: dict[str, tuple[Localized, ...]] = {}


_LOCALIZED = _Memo()
