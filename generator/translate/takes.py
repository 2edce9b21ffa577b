"""Writing recordings into the catalog: a kept take from the workbench, and stamps.

A take is saved as `NAME.LANG[.SECTION].EXT` beside `NAME.yml` with its stamp (the
fingerprints of the script it was read from). The recording it replaces is not lost: it is
renamed with a leading `_` (which the catalog ignores), one take back.
"""

from __future__ import annotations

import dataclasses
import datetime
import os
from dataclasses import dataclass
from pathlib import Path

from generator.load.audio import AudioError, read_audio_info
from generator.load.recordings import (
    AUDIO_EXTENSIONS,
    MAX_KB,
    SECTIONS,
    Recording,
    read_recording,
    recording_name,
    stamp_path,
    write_stamp_text,
)
from generator.load.site import Site
from generator.problems import Problems, shown_path
from generator.translate.recording_status import Scripts, script_stamp
from generator.writer import write_file


@dataclass(frozen=True)
class StampedRecording:
    file: str  # as shown to people
    changed: bool


def save_take(site: Site, project_root: Path, procedure_id: str, lang: str, section: str,
              extension: str, data: bytes, today: datetime.date,
              problems: Problems) -> tuple[Site, Recording | None]:
    """Write a take into the catalog, stamped with today's script; the site with it.

    Everything is checked before anything is written; on a problem nothing changes.
    """
    procedure = next((p for p in site.procedures if p.id == procedure_id), None)
    codes = [language.code for language in site.profile.languages]
    if procedure is None:
        problems.add("", 0, "id", f"không có thủ tục `{procedure_id}` trên trang.")
    if lang not in codes:
        problems.add("", 0, "lang", f"trang không có ngôn ngữ `{lang}`.")
    if section not in ("", *SECTIONS):
        problems.add("", 0, "section", f"`{section}` không phải là một phần được ghi âm riêng.")
    if extension not in AUDIO_EXTENSIONS:
        problems.add("", 0, "ext", f"`.{extension}` không phải là định dạng được nhận "
                     f"({', '.join(AUDIO_EXTENSIONS)}).",
                     "dùng trình duyệt Chrome hoặc Firefox, hoặc ứng dụng ghi âm lưu m4a.")
    elif len(data) > MAX_KB * 1024:
        problems.add("", 0, "", f"bản ghi nặng {len(data) // 1024} KB, quá giới hạn {MAX_KB} KB.",
                     "ghi ngắn hơn, hoặc chọn chất lượng thấp hơn (lời nói chỉ cần 16–24 kbps).")
    else:
        try:
            read_audio_info(data, extension)
        except AudioError as error:
            problems.add("", 0, "", f"không đọc được bản ghi: {error}", "ghi lại lần nữa.")
    if problems or procedure is None:
        return site, None
    source = project_root / procedure.source_file
    target = source.with_name(recording_name(source.stem, lang, section, extension))
    before = next((r for r in site.recordings
                   if (r.procedure_id, r.lang, r.section) == (procedure_id, lang, section)), None)
    if before is not None:
        _keep_previous(before.path)
    write_file(target, data)
    stamp = script_stamp(Scripts(site).part(procedure_id, lang, section))
    write_file(stamp_path(target), write_stamp_text(stamp, today))
    recording = read_recording(target, lambda path: shown_path(path, project_root),
                               site.catalog.procedures, tuple(codes), problems)
    if recording is None:
        return site, None
    others = [r for r in site.recordings if r is not before]
    recordings = tuple(sorted([*others, recording],
                              key=lambda r: (r.procedure_id, r.lang, r.section)))
    return dataclasses.replace(site, recordings=recordings), recording


def _keep_previous(path: Path) -> None:
    """Rename a recording (and its stamp) about to be replaced to `_NAME`, out of the catalog."""
    for old in (path, stamp_path(path)):
        if old.exists():
            os.replace(old, old.with_name("_" + old.name))


def stamp_recordings(site: Site, project_root: Path, langs: list[str], ids: list[str],
                     problems: Problems) -> list[StampedRecording]:
    """Record that recordings of `langs` (all when empty) for `ids` (all when empty) match
    their text now; unknown languages or ids are problems, and then nothing is written."""
    codes = [language.code for language in site.profile.languages]
    for lang in langs:
        if lang not in codes:
            problems.add("", 0, "--lang", f"trang không có ngôn ngữ `{lang}`.",
                         "chọn một trong: " + ", ".join(f"`{c}`" for c in codes) + ".")
    known = {p.id for p in site.procedures}
    for procedure_id in ids:
        if procedure_id not in known:
            problems.add("", 0, procedure_id, f"không có thủ tục `{procedure_id}` trên trang.")
    if problems:
        return []
    scripts = Scripts(site)
    result = []
    for recording in site.recordings:
        if (langs and recording.lang not in langs) or (ids and recording.procedure_id not in ids) \
                or recording.procedure_id not in known:
            continue
        changed = scripts.state(recording).state != "fresh"
        if changed:
            stamp = script_stamp(scripts.of(recording))
            write_file(stamp_path(recording.path),
                             write_stamp_text(stamp, recording.recorded))
        result.append(StampedRecording(recording.file, changed))
    return result
