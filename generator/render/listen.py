"""Which recording a procedure page offers ("Nghe"), and what the page must say about it.

A page in language L offers L's recording of the whole guide; without one, the Vietnamese
recording (labelled as Vietnamese), made by a person, else by the machine voice when the site
has it on (labelled as a machine voice). Recordings are published once, at the site root,
under names holding a hash of their content, so any cache may keep them for ever.
"""

from __future__ import annotations

from generator.load.recordings import Recording
from generator.load.site import Site

RECORDINGS_DIR = "nghe"  # at the site root, shared by every language


def published_path(recording: Recording) -> str:
    return f"{RECORDINGS_DIR}/{recording.published_name}"


def published_recordings(site: Site) -> list[Recording]:
    """Every recording some page offers: what the build copies into the site."""
    offered_ids = {p.id for p in site.procedures}
    return [r for r in site.recordings if not r.section and r.procedure_id in offered_ids]
