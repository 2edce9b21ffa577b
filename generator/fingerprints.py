"""Fingerprints: short, stable hashes that tell a changed value from an unchanged one.

One encoding for every fingerprint the tool writes: the import's per-field
`provenance.fingerprints` and the translations' `source:` stamps. Changing it would make
every committed stamp look stale, so it stays as it is: the value as JSON (UTF-8 characters
as they are, keys sorted, tuples as lists, dates as `YYYY-MM-DD`), SHA-256, 8 hex digits.
"""

from __future__ import annotations

import hashlib
import json


def fingerprint(value: object) -> str:
    """The fingerprint of a value made of text, numbers, dates, lists, tuples and mappings."""
    encoded = json.dumps(value, ensure_ascii=False, sort_keys=True, default=str).encode()
    return hashlib.sha256(encoded).hexdigest()[:8]
