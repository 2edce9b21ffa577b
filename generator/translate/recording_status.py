"""What a recording is read from, and whether it still says what the page says.

A recording's *script* is the text a team member reads aloud: for each field path of the
part recorded (the whole guide, or one of `documents`, `where`, `steps`), the language's
translation where there is one, else the Vietnamese text, plus the counts and amounts people
hear ("1 bản chính", "8.000 đồng"). Its stamp holds `fingerprint(text)` per path, the same
fingerprints translation stamps use, so a recording goes stale exactly when a piece of what
was read changes: the Vietnamese source of an untranslated piece, or the translation itself.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator import registry
from generator.fingerprints import fingerprint
from generator.load.recordings import Recording
from generator.load.site import Site, strings_for
from generator.load.strings import Strings
from generator.model import Overlay, Procedure
from generator.translate.field_paths import (
    Leaf,
    field_of,
    item_path,
    overlay_leaves,
    source_leaves,
)
from generator.translate.resolve import overlays_for

# A document's counts are said together ("1 bản chính, 2 bản sao") under this item path, and
# read in the parts that read its `originals`.
COUNT = "count"


def _read(section: str, path: str) -> bool:
    """Whether the part `section` ("": the whole guide) reads the text at `path`: what each
    field's (or item field's) `recorded` in the field registry says."""
    field = registry.field(field_of(path))
    if "." in path:
        sub = path.rsplit(".", 1)[1]
        field = field.item("originals" if sub == COUNT else sub)
    return section in field.recorded


@dataclass(frozen=True)
class Piece:
    """One piece of text to read aloud, by field path, and the language it is written in."""

    path: str
    text: str
    lang: str


@dataclass(frozen=True)
class RecordingState:
    """A recording and whether it matches its script now."""

    recording: Recording
    state: str  # fresh | stale | unstamped
    stale: tuple[str, ...]  # paths whose text changed (or appeared, or went) since the stamp

    def as_json(self) -> dict[str, object]:
        return {"file": self.recording.file, "section": self.recording.section,
                "state": self.state, "stale": list(self.stale),
                "seconds": round(self.recording.info.duration, 1),
                "kbps": round(self.recording.info.kbps, 1)}


def script(procedure: Procedure, overlay: Overlay | None, section: str, strings: Strings,
           source_lang: str) -> list[Piece]:
    """The text to read for one part of one procedure in the language of `strings`: each
    item's texts, then the count or amount said with it."""
    translated = overlay_leaves(overlay) if overlay is not None else {}
    numbers = _numbers(procedure, strings)
    leaves = [(path, text) for path, text in source_leaves(procedure).items()
              if _read(section, path)]
    pieces: list[Piece] = []
    for position, (path, text) in enumerate(leaves):
        own = translated.get(path)
        pieces.append(Piece(path, _spoken(own or text),
                            overlay.lang if own and overlay else source_lang))
        item = path.rsplit(".", 1)[0]
        following = leaves[position + 1][0] if position + 1 < len(leaves) else ""
        if item in numbers and not following.startswith(item + ".") \
                and _read(section, numbers[item].path):
            pieces.append(numbers[item])
    return pieces


def _spoken(leaf: Leaf) -> str:
    return leaf if isinstance(leaf, str) else ", ".join(leaf)


def _numbers(procedure: Procedure, strings: Strings) -> dict[str, Piece]:
    """Counts of papers and amounts of fees as the reader says them, by list item path."""
    def own(key: str) -> str:
        return strings.lang_of(key) or strings.lang

    pieces = {}
    for index, doc in enumerate(procedure.documents):
        counts = [strings.t("originals", count=doc.originals)] if doc.originals else []
        counts += [strings.t("copies", count=doc.copies)] if doc.copies else []
        if counts:
            pieces[f"documents[{index}]"] = Piece(item_path("documents", index, COUNT),
                                                  ", ".join(counts), own("originals"))
    for index, fee in enumerate(procedure.fees):
        pieces[f"fees[{index}]"] = Piece(item_path("fees", index, "amount"),
                                         strings.money(fee.amount), own("money"))
    return pieces


def script_stamp(pieces: list[Piece]) -> dict[str, str]:
    """What a recording of `pieces` is stamped with: each path's fingerprint."""
    return {piece.path: fingerprint(piece.text) for piece in pieces}


class Scripts:
    """The scripts and recording states of one site; each language's interface text and
    overlays are read once, however many procedures are asked about."""

    def __init__(self, site: Site) -> None:
        self.site = site
        self._procedures = {p.id: p for p in site.catalog.procedures}
        self._strings: dict[str, Strings] = {}
        self._overlays: dict[str, dict[str, Overlay]] = {}

    def part(self, procedure_id: str, lang: str, section: str) -> list[Piece]:
        """The script of one part of one procedure in one language, as the catalog says now."""
        site = self.site
        if lang not in self._strings:
            self._strings[lang] = strings_for(site, lang)
            self._overlays[lang] = overlays_for(site.catalog, lang) \
                if lang != site.profile.source_language else {}
        return script(self._procedures[procedure_id], self._overlays[lang].get(procedure_id),
                      section, self._strings[lang], site.profile.source_language)

    def of(self, recording: Recording) -> list[Piece]:
        """The script the recording should match now."""
        return self.part(recording.procedure_id, recording.lang, recording.section)

    def state(self, recording: Recording) -> RecordingState:
        """Whether `recording` still matches the text of the page."""
        if not recording.source:
            return RecordingState(recording, "unstamped", ())
        current = script_stamp(self.of(recording))
        stamp = recording.source
        changed = [path for path in current if stamp.get(path) != current[path]]
        changed += [path for path in stamp if path not in current]
        return RecordingState(recording, "stale" if changed else "fresh", tuple(changed))

    def states(self, langs: list[str] | None = None) -> list[RecordingState]:
        """Every recording of a published procedure (in the chosen languages), with its
        state."""
        published = {p.id for p in self.site.procedures}
        return [self.state(recording) for recording in self.site.recordings
                if recording.procedure_id in published and (not langs or recording.lang in langs)]
