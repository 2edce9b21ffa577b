"""Where an imported procedure came from, and whether a person has checked it.

Two optional keys of a procedure file (additions to the format contract):

    review: needed            # needed | done: has a person checked the imported text?
    provenance:               # written by `thutuc import`, not by people
      national_code: "1.000080"
      url: https://dichvucong.gov.vn/...
      imported: 2026-11-25
      fingerprints: {title: 3f2a9c1b, ...}   # one per imported field, as last imported
      extra: {so_quyet_dinh: 163/QĐ-BTP}     # national fields the format has no key for

`fingerprints` let a later import tell an editor's change (the file's value no longer has
the recorded fingerprint) from an untouched imported value (it still has it).
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from generator.load.field_reader import FieldReader, join
from generator.load.yaml_reader import Mapping
from generator.model import Provenance

REVIEW_STATES = ("needed", "done")
PROVENANCE_KEYS = ("national_code", "url", "imported", "fingerprints", "extra")


def fingerprint(value: Any) -> str:
    """A short, stable hash of a field's value as plain data (text, lists, mappings)."""
    encoded = json.dumps(value, ensure_ascii=False, sort_keys=True, default=str).encode()
    return hashlib.sha256(encoded).hexdigest()[:8]


def read_provenance(node: Mapping, reader: FieldReader) -> Provenance | None:
    """The `provenance` mapping of a procedure file, checked; None when absent or unusable."""
    if node.get("provenance") is None:
        return None
    item = reader.mapping(node["provenance"], node, "provenance", "provenance")
    if item is None:
        return None
    reader.known_keys(item, "provenance", PROVENANCE_KEYS)
    return Provenance(national_code=reader.text(item, "national_code", "provenance"),
                      url=reader.url(item, "url", "provenance"),
                      imported=reader.date(item, "imported", "provenance"),
                      fingerprints=_text_table(item, "fingerprints", reader),
                      extra=_text_table(item, "extra", reader))


def _text_table(item: Mapping, key: str, reader: FieldReader) -> dict[str, str]:
    if item.get(key) is None:
        return {}
    path = join("provenance", key)
    table = reader.mapping(item[key], item, key, path)
    return {name: reader.text(table, name, path) for name in table} if table else {}
