"""Translatable text addressed by field paths, and the fingerprints that tell stale from fresh.

A *leaf* is the smallest piece a translator translates: a text field (`summary`), a list of
text taken as one piece (`applicants`, `keywords`: a translation may have more or fewer items),
or one text of one list item (`steps[2].text`). Paths are the ones `thutuc translations --json`
reports, and the keys of an overlay's per-field `source:` stamp.

An overlay's `source:` is either one fingerprint for all the text (the contract's form) or a
mapping path -> fingerprint written by `thutuc translations stamp`. Older mappings keyed by
top-level field (`steps: 1a2b3c4d`) keep working: a leaf without its own entry is checked
against its field's entry.
"""

from __future__ import annotations

from typing import Any

from generator import registry
from generator.fingerprints import fingerprint
from generator.model import Overlay, Procedure

Leaf = str | tuple[str, ...]


def order() -> tuple[str, ...]:
    """The translatable fields in the registry's (the page's) order, so that reports and
    exported files read like the page."""
    return tuple(f.key for f in registry.translatable())


def item_path(field: str, index: int, sub: str) -> str:
    return f"{field}[{index}].{sub}"


def field_of(path: str) -> str:
    """The top-level field of a path: `steps[2].text` -> `steps`."""
    return path.split("[", 1)[0]


def source_leaves(procedure: Procedure) -> dict[str, Leaf]:
    """Every non-empty translatable text of the source, by path, in page order."""
    leaves: dict[str, Leaf] = {}
    item_fields = registry.item_fields()
    for field in order():
        value: Any = procedure.value(field)
        if field in item_fields:
            for index, item in enumerate(value):
                for sub in item_fields[field]:
                    if item.value(sub):
                        leaves[item_path(field, index, sub)] = item.value(sub)
        elif value:
            leaves[field] = value
    return leaves


def overlay_leaves(overlay: Overlay) -> dict[str, Leaf]:
    """Every non-empty translated text of an overlay, by path, in page order."""
    leaves: dict[str, Leaf] = {}
    item_fields = registry.item_fields()
    for field in order():
        value: Any = overlay.fields.get(field)
        if field in item_fields:
            for index, row in enumerate(value or ()):
                for sub in item_fields[field]:
                    if row.get(sub):
                        leaves[item_path(field, index, sub)] = row[sub]
        elif value:
            leaves[field] = value
    return leaves


def leaves_to_fields(leaves: dict[str, Leaf], procedure: Procedure) -> dict[str, object]:
    """Overlay fields from translated leaves: item lists as long as the source's, in order."""
    fields: dict[str, object] = {}
    item_fields = registry.item_fields()
    for field in order():
        if field in item_fields:
            rows = [{sub: leaves[item_path(field, index, sub)] for sub in item_fields[field]
                     if item_path(field, index, sub) in leaves}
                    for index in range(len(procedure.value(field)))]
            if any(rows):
                fields[field] = tuple(rows)
        elif field in leaves:
            fields[field] = leaves[field]
    return fields


def leaf_fingerprints(procedure: Procedure) -> dict[str, str]:
    """The fingerprint of every source leaf: what `stamp` writes."""
    return {path: fingerprint(text) for path, text in source_leaves(procedure).items()}


def field_fingerprints(procedure: Procedure) -> dict[str, str]:
    """One fingerprint per top-level field (the older per-field stamp form)."""
    result = {}
    item_fields = registry.item_fields()
    for field in order():
        value: Any = procedure.value(field)
        if field in item_fields:
            text: object = [{sub: item.value(sub) for sub in item_fields[field]
                             if item.value(sub)} for item in value]
        else:
            text = value
        if text:
            result[field] = fingerprint(text)
    return result


def whole_fingerprint(procedure: Procedure) -> str:
    """One fingerprint over all translatable text (the contract's single `source` value)."""
    return fingerprint(field_fingerprints(procedure))


def translated_paths(procedure: Procedure, overlay: Overlay | None) -> list[str]:
    """Source leaves the overlay translates, in page order."""
    if overlay is None:
        return []
    have = overlay_leaves(overlay)
    return [path for path in source_leaves(procedure) if path in have]


def missing_paths(procedure: Procedure, overlay: Overlay | None) -> list[str]:
    """Source leaves shown in the source language, in page order."""
    done = set(translated_paths(procedure, overlay))
    return [path for path in source_leaves(procedure) if path not in done]


def stale_paths(procedure: Procedure, overlay: Overlay | None) -> list[str]:
    """Translated leaves whose source text changed since the overlay was stamped.

    A leaf the stamp does not mention (translated after the last stamp) is not known to be
    stale and is not reported.
    """
    if overlay is None or not overlay.source:
        return []
    translated = translated_paths(procedure, overlay)
    if isinstance(overlay.source, str):
        return translated if overlay.source != whole_fingerprint(procedure) else []
    stamp, current, per_field = overlay.source, leaf_fingerprints(procedure), None
    stale = []
    for path in translated:
        if path in stamp:
            if stamp[path] != current[path]:
                stale.append(path)
        elif field_of(path) in stamp:
            per_field = per_field or field_fingerprints(procedure)
            if stamp[field_of(path)] != per_field[field_of(path)]:
                stale.append(path)
    return stale


def collapse(paths: list[str], procedure: Procedure) -> list[str]:
    """Paths for people: an item list whose every leaf is listed is named once (`steps`)."""
    chosen = set(paths)
    by_field: dict[str, list[str]] = {}
    for path in source_leaves(procedure):
        by_field.setdefault(field_of(path), []).append(path)
    result: list[str] = []
    for path in paths:
        field = field_of(path)
        if field in registry.item_fields() and all(p in chosen for p in by_field.get(field, ())):
            if field not in result:
                result.append(field)
        else:
            result.append(path)
    return result


def current_stamp(procedure: Procedure, overlay: Overlay) -> dict[str, str]:
    """What `stamp` writes: the current fingerprint of every translated leaf."""
    current = leaf_fingerprints(procedure)
    return {path: current[path] for path in translated_paths(procedure, overlay)}


def normalized_stamp(procedure: Procedure, overlay: Overlay | None) -> dict[str, str]:
    """An overlay's stamp in per-leaf form, saying exactly what its `source:` says now:
    fresh leaves get their current fingerprint, stale ones an old one, unknown ones none."""
    if overlay is None or not overlay.source:
        return {}
    fresh = current_stamp(procedure, overlay)
    stale = set(stale_paths(procedure, overlay))
    stamp = overlay.source
    known = translated_paths(procedure, overlay) if isinstance(stamp, str) else \
        [p for p in translated_paths(procedure, overlay) if p in stamp or field_of(p) in stamp]
    result = {}
    for path in known:
        if path not in stale:
            result[path] = fresh[path]
        else:
            result[path] = stamp if isinstance(stamp, str) else \
                stamp.get(path, stamp.get(field_of(path), ""))
    return result
