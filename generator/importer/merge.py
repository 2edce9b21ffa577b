"""Re-import without losing editors' work and without false claims: a three-way comparison.

For every imported field three values meet: the one the last import wrote (known by its
fingerprint in `provenance.fingerprints`), the national one read now, and the file's own.

- The file's value still has the recorded fingerprint: nobody touched it, so it takes the
  national value.
- It differs: an editor changed it, and it is kept at this and every later import.
- The national value differs from the recorded one *and the national record itself changed*
  (its fingerprint, `provenance.record`, differs): the field changed upstream. Then, and only
  then, the procedure goes back to `review: needed`, and `provenance.changed` lists the
  fields, for `thutuc review` and the report.

A record that did not change upstream keeps its review state and its `updated` date; if the
importer now reads it better, untouched fields take the better reading (the report lists
them) but nothing says the national text changed. The importer never moves `updated`: that
date says when a person last checked the text.
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
    updated: list[str] = field(default_factory=list)  # fields that took the national value
    kept: list[str] = field(default_factory=list)  # editors' changes kept
    changed: list[str] = field(default_factory=list)  # changed upstream (taken or kept)
    conflicts: list[str] = field(default_factory=list)  # kept, but changed upstream too
    reread: bool = False  # values changed only because the importer reads the record better


def recorded_fingerprints(data: dict[str, Any]) -> dict[str, str]:
    provenance = data.get("provenance")
    prints = provenance.get("fingerprints") if isinstance(provenance, dict) else None
    return {str(k): str(v) for k, v in prints.items()} if isinstance(prints, dict) else {}


def _recorded_record(data: dict[str, Any]) -> str:
    provenance = data.get("provenance")
    value = provenance.get("record") if isinstance(provenance, dict) else None
    return str(value) if value else ""


def merge(existing: dict[str, Any] | None, fresh: dict[str, Any], provenance: dict[str, Any],
          today: datetime.date) -> Merged:
    """The file content after importing `fresh` over `existing` (None: a new file).

    `provenance` is the new provenance without fingerprints, with `record` (the national
    record's fingerprint); `fresh` has every imported field it could fill (absent keys mean
    "no value").
    """
    imported = registry.imported_keys()  # an editor's change to one of them survives
    if existing is None:
        prints = {key: fingerprint(fresh.get(key)) for key in imported}
        data = {**fresh, "updated": today, "review": "needed",
                "provenance": {**provenance, "fingerprints": prints}}
        return Merged(data, updated=[key for key in imported if key in fresh])
    recorded = recorded_fingerprints(existing)
    # Without a recorded record fingerprint (a file of an older import, or a hand-written
    # file adopted now) any difference may be upstream: count it as such.
    upstream = _recorded_record(existing) != provenance.get("record")
    data = dict(existing)
    merged = Merged(data)
    prints = {}
    for key in imported:
        # A field never imported into this file counts as imported empty: a value there now
        # was written by a person (for example in a hand-written file with the same code).
        last = recorded.get(key, fingerprint(None))
        new = fingerprint(fresh.get(key))
        prints[key] = new  # the national value last seen, whoever owns the field
        national_changed = new != last and bool(recorded)  # adopted files have no history
        if national_changed and upstream:
            merged.changed.append(key)
        if fingerprint(existing.get(key)) != last:
            merged.kept.append(key)
            if national_changed and upstream:
                merged.conflicts.append(key)
            continue
        if new != last:
            merged.updated.append(key)
            merged.reread = merged.reread or not upstream
            if key in fresh:
                data[key] = fresh[key]
            else:
                data.pop(key, None)
    new_provenance = {**provenance, "fingerprints": prints}
    if merged.changed:
        new_provenance["changed"] = list(merged.changed)
    elif isinstance(existing.get("provenance"), dict) and "changed" in existing["provenance"]:
        new_provenance["changed"] = existing["provenance"]["changed"]  # still to review
    if not merged.updated and not merged.changed and recorded and not upstream:
        merged.data = existing  # nothing to write: the same object tells the caller so
        return merged
    if merged.changed or not recorded:
        data["review"] = "needed"
    data["provenance"] = new_provenance
    return merged
