"""Resolve stage: a procedure as a reader of one language sees it.

An overlay is merged field by field over the Vietnamese source. Each translatable field ends
up `translated`, `missing` (the Vietnamese text is shown, with a notice) or `stale` (the
source changed since the translation was stamped).
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from dataclasses import dataclass
from typing import Any

from .model import Catalog, Overlay, Procedure
from .overlay import ITEM_FIELDS, TEXT_FIELDS, TEXT_LIST_FIELDS

TRANSLATABLE = TEXT_FIELDS + TEXT_LIST_FIELDS + tuple(ITEM_FIELDS)


@dataclass(frozen=True)
class Localized:
    """A procedure in one language, with what is not (or no longer) translated."""

    procedure: Procedure
    lang: str
    source_lang: str
    missing: frozenset[str] = frozenset()  # fields shown in the source language
    stale: frozenset[str] = frozenset()  # translated from an older source text
    draft: bool = False  # the translation has not been reviewed
    translator: str = ""

    @property
    def is_source(self) -> bool:
        return self.lang == self.source_lang


def source_text(procedure: Procedure, field: str) -> object:
    """The translatable text of one field, in the shape an overlay gives it."""
    value = getattr(procedure, field)
    if field in ITEM_FIELDS:
        return [{sub: getattr(item, sub) for sub in ITEM_FIELDS[field] if getattr(item, sub)}
                for item in value]
    return list(value) if isinstance(value, tuple) else value


def fingerprints(procedure: Procedure) -> dict[str, str]:
    """A short hash of the source text of each non-empty translatable field."""
    result = {}
    for field in TRANSLATABLE:
        text = source_text(procedure, field)
        if text:
            encoded = json.dumps(text, ensure_ascii=False, sort_keys=True).encode()
            result[field] = hashlib.sha256(encoded).hexdigest()[:8]
    return result


def whole_fingerprint(procedure: Procedure) -> str:
    """One hash over all translatable text (the contract's single `source` value)."""
    joined = json.dumps(fingerprints(procedure), sort_keys=True).encode()
    return hashlib.sha256(joined).hexdigest()[:8]


def stale_fields(procedure: Procedure, overlay: Overlay) -> frozenset[str]:
    """Translated fields whose source text changed since the overlay was stamped."""
    translated = {f for f in overlay.fields if f in TRANSLATABLE}
    if not overlay.source:
        return frozenset()
    if isinstance(overlay.source, str):
        return frozenset(translated) if overlay.source != whole_fingerprint(procedure) \
            else frozenset()
    current = fingerprints(procedure)
    return frozenset(f for f in translated if overlay.source.get(f) != current.get(f))


def localize(procedure: Procedure, overlay: Overlay | None, lang: str,
             source_lang: str = "vi") -> Localized:
    """Merge `overlay` (a translation into `lang`, or None) over the source procedure."""
    if lang == source_lang:
        return Localized(procedure, lang, source_lang)
    present = [f for f in TRANSLATABLE if source_text(procedure, f)]
    if overlay is None:
        return Localized(procedure, lang, source_lang, missing=frozenset(present))
    changes: dict[str, object] = {}
    missing = set()
    for field in present:
        value = overlay.fields.get(field)
        if field in ITEM_FIELDS:
            merged, complete = _merge_items(getattr(procedure, field), value, ITEM_FIELDS[field])
            changes[field] = merged
            if not complete:
                missing.add(field)
        elif value:
            changes[field] = value
        else:
            missing.add(field)
    return Localized(dataclasses.replace(procedure, **changes), lang, source_lang,  # type: ignore
                     missing=frozenset(missing), stale=stale_fields(procedure, overlay),
                     draft=overlay.status != "reviewed", translator=overlay.translator)


def _merge_items(items: tuple[Any, ...], translated: object,
                 subfields: tuple[str, ...]) -> tuple[tuple[Any, ...], bool]:
    """Items with translated sub-fields replaced; False when any source text stays."""
    rows = translated if isinstance(translated, tuple) and len(translated) == len(items) else ()
    merged, complete = [], bool(rows)
    for index, item in enumerate(items):
        row = rows[index] if rows else {}
        changes = {sub: row[sub] for sub in subfields if row.get(sub)}
        complete = complete and all(sub in changes for sub in subfields if getattr(item, sub))
        merged.append(dataclasses.replace(item, **changes))
    return tuple(merged), complete


def overlays_for(catalog: Catalog, lang: str) -> dict[str, Overlay]:
    """The overlays of one language, by procedure id."""
    return {o.procedure_id: o for o in catalog.overlays if o.lang == lang}
