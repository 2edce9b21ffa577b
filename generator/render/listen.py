"""Which recording a procedure page offers ("Nghe"), and what the page must say about it.

A page in language L offers L's recording of the whole guide (and of each part, under its
section's heading); without one, the Vietnamese
recording (labelled as Vietnamese), made by a person, else by the machine voice when the site
has it on (labelled as a machine voice). Recordings are published once, at the site root,
under names holding a hash of their content, so any cache may keep them for ever.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.load.recordings import Recording
from generator.load.site import Site
from generator.translate.recording_status import Scripts
from generator.urls import RECORDINGS_DIR

LISTEN_ICON = "material/headphones"
MEDIA_TYPES = {"opus": "audio/ogg", "ogg": "audio/ogg", "webm": "audio/webm",
               "m4a": "audio/mp4", "mp3": "audio/mpeg"}


@dataclass(frozen=True)
class Listen:
    """The recording a page offers, as the page shows it."""

    path: str  # within the site: nghe/<name>
    media_type: str
    seconds: float
    lang: str  # the language spoken
    machine: bool  # spoken by espeak-ng, not a person
    stale: bool  # the text changed since it was recorded

    @property
    def length(self) -> str:
        """`0:42`, as a player shows a length."""
        whole = round(self.seconds)
        return f"{whole // 60}:{whole % 60:02d}"


def published_path(recording: Recording) -> str:
    return f"{RECORDINGS_DIR}/{recording.published_name}"


def offered(site: Site, lang: str) -> dict[tuple[str, str], Listen]:
    """(procedure id, part) -> the recording its page in `lang` offers for the whole guide
    (part "") or one section (only those that have one)."""
    source = site.profile.source_language
    by_key = {(r.procedure_id, r.section, r.lang): r for r in site.recordings}
    scripts = Scripts(site)
    published = {p.id for p in site.procedures}
    result = {}
    for key in dict.fromkeys((r.procedure_id, r.section) for r in site.recordings):
        chosen = by_key.get((*key, lang)) or by_key.get((*key, source))
        if chosen is not None and key[0] in published:
            result[key] = Listen(
                published_path(chosen), MEDIA_TYPES[chosen.extension], chosen.info.duration,
                chosen.lang, bool(chosen.voice),
                scripts.state(chosen).state == "stale")
    return result


def published_recordings(site: Site) -> list[Recording]:
    """Every recording some page offers: what the build copies into the site."""
    offered_ids = {p.id for p in site.procedures}
    return [r for r in site.recordings if r.procedure_id in offered_ids]
