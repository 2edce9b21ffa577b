"""`thutuc translations stamp`: record that translations match the current source text.

The stamp is written per field path into the overlay's `source:` (see `fieldpaths`), so a
later change to one source field makes only that field stale. Only the `source:` block of
each file changes.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .errors import Problems
from .fieldpaths import current_stamp
from .overlay_file import with_stamp, write_atomically
from .site import Site


@dataclass(frozen=True)
class Stamped:
    file: str  # as shown to people
    changed: bool


def stamp_overlays(site: Site, project_root: Path, langs: list[str], ids: list[str],
                   problems: Problems) -> list[Stamped]:
    """Stamp the overlays of `langs` (all when empty) for `ids` (all when empty).

    Unknown languages or ids are problems, and then nothing is written.
    """
    by_id = {p.id: p for p in site.catalog.procedures}
    codes = [language.code for language in site.profile.languages[1:]]
    for lang in langs:
        if lang not in codes:
            problems.add("mkdocs.yml", 0, "languages",
                         f"ngôn ngữ `{lang}` không phải là một ngôn ngữ dịch của trang.",
                         "chọn một trong: " + ", ".join(f"`{c}`" for c in codes) + ".")
    for procedure_id in ids:
        if procedure_id not in by_id:
            problems.add("", 0, procedure_id,
                         f"không có thủ tục `{procedure_id}` trong danh mục.")
    if problems:
        return []
    result = []
    for overlay in site.catalog.overlays:
        if (langs and overlay.lang not in langs) or (ids and overlay.procedure_id not in ids):
            continue
        stamp = current_stamp(by_id[overlay.procedure_id], overlay)
        changed = overlay.source != stamp
        if changed:
            path = project_root / overlay.source_file
            write_atomically(path, with_stamp(path.read_text(encoding="utf-8-sig"), stamp))
        result.append(Stamped(overlay.source_file, changed))
    return result
