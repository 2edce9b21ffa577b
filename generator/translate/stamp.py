"""`thutuc translations stamp`: record that translations match the current source text.

The stamp is written per field path into the overlay's `source:` (see `field_paths`), so a
later change to one source field makes only that field stale. Only the `source:` block of
each file changes.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from generator.load.site import Site
from generator.problems import Problems
from generator.translate.field_paths import current_stamp
from generator.translate.overlay_file import with_stamp
from generator.translate.status import check_targets
from generator.writer import write_file


@dataclass(frozen=True)
class Stamped:
    file: str  # as shown to people
    changed: bool


def stamp_overlays(site: Site, project_root: Path, langs: list[str], ids: list[str],
                   problems: Problems) -> list[Stamped]:
    """Stamp the overlays of `langs` (all when empty) for `ids` (all when empty).

    Unknown languages or ids are problems, and then nothing is written.
    """
    check_targets(site, langs, ids, problems)
    if problems:
        return []
    by_id = {p.id: p for p in site.catalog.procedures}
    result = []
    for overlay in site.catalog.overlays:
        if (langs and overlay.lang not in langs) or (ids and overlay.procedure_id not in ids):
            continue
        stamp = current_stamp(by_id[overlay.procedure_id], overlay)
        changed = overlay.source != stamp
        if changed:
            path = project_root / overlay.source_file
            write_file(path, with_stamp(path.read_text(encoding="utf-8-sig"), stamp))
        result.append(Stamped(overlay.source_file, changed))
    return result
