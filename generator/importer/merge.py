"""Re-import without losing editors' work: per-field fingerprints decide who owns a value.

At each import the file records, per imported field, the fingerprint of the value the import
wrote (`provenance.fingerprints`). At the next import a field whose current value still has
that fingerprint was not touched by anyone, so it takes the new national value; a field whose
value differs was changed by an editor and is kept (it keeps differing from the recorded
national value, so it stays the editor's at every later import). When the national value of
such a field changed too, the report says so once, the new national value's fingerprint is
recorded, and the procedure is marked `review: needed`.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import Any

from generator import registry
from generator.fingerprints import fingerprint


@dataclass
class Merged:
    data: dict[str, Any]
    updated: list[str] = field(default_factory=list)  # fields that took a new national value
    kept: list[str] = field(default_factory=list)  # editors' changes kept
    conflicts: list[str] = field(default_factory=list)  # kept, but the national value changed


def recorded_fingerprints(data: dict[str, Any]) -> dict[str, str]:
    provenance = data.get("provenance")
    prints = provenance.get("fingerprints") if isinstance(provenance, dict) else None
    return {str(k): str(v) for k, v in prints.items()} if isinstance(prints, dict) else {}


def merge(existing: dict[str, Any] | None, fresh: dict[str, Any], provenance: dict[str, Any],
          today: datetime.date) -> Merged:
    """The file content after importing `fresh` over `existing` (None: a new file).

    `provenance` is the new provenance without fingerprints; `fresh` has every imported
    field it could fill (absent keys mean "no value").
    """
    imported = registry.imported_keys()  # an editor's change to one of them survives
    if existing is None:
        prints = {key: fingerprint(fresh.get(key)) for key in imported}
        data = {**fresh, "updated": today, "review": "needed",
                "provenance": {**provenance, "fingerprints": prints}}
        return Merged(data, updated=[key for key in imported if key in fresh])
    recorded = recorded_fingerprints(existing)
    data = dict(existing)
    merged = Merged(data)
    prints = {}
    for key in imported:
        # A field never imported into this file counts as imported empty: a value there now
        # was written by a person (for example in a hand-written file with the same code).
        last = recorded.get(key, fingerprint(None))
        new = fingerprint(fresh.get(key))
        prints[key] = new  # the national value last seen, whoever owns the field
        if fingerprint(existing.get(key)) != last:
            merged.kept.append(key)
            if new != last and recorded:  # a hand-written file adopted now has no history
                merged.conflicts.append(key)
            continue
        if new != last:
            merged.updated.append(key)
            if key in fresh:
                data[key] = fresh[key]
            else:
                data.pop(key, None)
    if not (merged.updated or merged.conflicts or not recorded):
        merged.data = existing  # nothing to write: the same object tells the caller so
        return merged
    data["updated"] = today
    data["review"] = "needed"
    data["provenance"] = {**provenance, "fingerprints": prints}
    return merged
