"""Recorded guides beside the procedures: `NAME.LANG.EXT`, and the stamp of what was read.

A recording is an audio file next to `NAME.yml`, named `NAME.LANG.EXT` for the whole guide or
`NAME.LANG.SECTION.EXT` for one part of it (`documents`: what to bring, `where`: where to go,
`steps`: what happens), EXT one of `opus`, `ogg`, `m4a`, `mp3`, `webm`; Vietnamese is `vi`.

Beside it, `NAME.LANG[.SECTION].EXT.yml` (the stamp, written by `thutuc record`, never by
hand) keeps the fingerprint of each piece of text the recording was read from, by the same
field paths and fingerprints translations use; when the text changes, the recording is
reported stale. A recording without a stamp (copied in by hand) is never called stale: it is
reported as not stamped until `thutuc record --stamp` says it matches the text.

Everything here is checked while loading: a misnamed, empty, unreadable, oversized file, or
one in a language the site does not have, is a problem naming the file and the fix.
"""

from __future__ import annotations

import datetime
import hashlib
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from generator.load.audio import CONTAINERS, AudioError, AudioInfo, read_audio_info
from generator.load.field_reader import LANG_CODE, FieldReader, join
from generator.load.folder import visible_files
from generator.load.yaml_reader import Mapping, load_yaml
from generator.model import Procedure
from generator.problems import Problem, Problems

AUDIO_EXTENSIONS = tuple(CONTAINERS)
# Parts of a guide that may be recorded on their own, by file-name suffix.
SECTIONS = ("documents", "where", "steps")
# Audio formats phones and recorders also write, which browsers do not all play.
FOREIGN_AUDIO = ("wav", "aac", "amr", "3gp", "wma", "flac", "aiff", "mp4", "oga", "caf")
STAMP_SUFFIX = ".yml"
STAMP_KEYS = ("source", "recorded")
# A citizen on 2G (about 50 kbps) waits a minute for 300 KB: a guide of a few minutes at
# 16-24 kbps mono is 100-180 KB a minute, so 2 MB is about ten minutes, and more is a file
# recorded or exported at music quality.
MAX_KB = 2048
RECOMMENDED_KBPS = (16, 24)
WARN_KBPS = 48  # twice the recommended top: worth re-encoding


@dataclass(frozen=True)
class Recording:
    """One recorded guide (or part of one) of one procedure in one language."""

    procedure_id: str
    lang: str
    section: str  # "" for the whole guide, else one of SECTIONS
    file: str  # as shown to people
    path: Path
    info: AudioInfo
    digest: str  # of the file's bytes: published names change when the recording does
    # Fingerprint of each piece of text it was read from, by field path; empty: never stamped.
    source: dict[str, str]
    recorded: datetime.date | None = None
    voice: str = ""  # empty: a person's voice; else the program that spoke it (a machine voice)

    @property
    def extension(self) -> str:
        return self.path.suffix.lstrip(".").lower()

    @property
    def published_name(self) -> str:
        """The file's name in the built site: its content changes it, so caches never serve
        an old recording under a new one's name."""
        part = f".{self.section}" if self.section else ""
        return f"{self.procedure_id}.{self.lang}{part}.{self.digest}.{self.extension}"


def recording_name(stem: str, lang: str, section: str, extension: str) -> str:
    """`stem.lang[.section].extension`: the file name of a recording beside `stem.yml`."""
    return ".".join(part for part in (stem, lang, section, extension) if part)


def stamp_path(recording: Path) -> Path:
    """The stamp file beside a recording: its whole name plus `.yml`."""
    return recording.with_name(recording.name + STAMP_SUFFIX)


def is_stamp(path: Path) -> bool:
    """Whether a catalog YAML file is a recording's stamp (not a procedure or translation)."""
    inner = path.name.removesuffix(STAMP_SUFFIX)
    return inner != path.name and inner.rsplit(".", 1)[-1].lower() in AUDIO_EXTENSIONS


def _audio_files(catalog_dir: Path) -> list[Path]:
    """Files of the catalog that are (or look like) recordings, skipping `_` and `.` names."""
    kinds = AUDIO_EXTENSIONS + FOREIGN_AUDIO
    return [path for path in visible_files(catalog_dir)
            if path.suffix.lstrip(".").lower() in kinds or is_stamp(path)]


# A file's name as messages show it (relative to the project).
Shown = Callable[[Path], str]


def read_recordings(catalog_dir: Path, shown_as: Shown, procedures: tuple[Procedure, ...],
                    languages: tuple[str, ...], problems: Problems) -> tuple[Recording, ...]:
    """Every recording of the catalog, checked; problems for every wrong one."""
    if not catalog_dir.is_dir():
        return ()
    by_file = {p.source_file: p for p in procedures}
    found: dict[tuple[str, str, str], Recording] = {}
    for path in _audio_files(catalog_dir):
        shown = shown_as(path)
        if is_stamp(path):
            if not path.with_name(path.name.removesuffix(STAMP_SUFFIX)).is_file():
                problems.add(shown, 0, "", "tệp dấu này không còn tệp ghi âm bên cạnh.",
                             "xoá tệp này, hoặc đặt lại tệp ghi âm "
                             f"`{path.name.removesuffix(STAMP_SUFFIX)}`.")
            continue
        recording = _read_one(path, shown_as, by_file, languages, problems)
        if recording is None:
            continue
        key = (recording.procedure_id, recording.lang, recording.section)
        other = found.setdefault(key, recording)
        if other is not recording:
            problems.add(shown, 0, "", f"đã có bản ghi âm `{other.path.name}` cho cùng thủ tục, "
                         "ngôn ngữ và phần.", "giữ một tệp, xoá tệp kia.")
    return tuple(sorted(found.values(), key=lambda r: (r.procedure_id, r.lang, r.section)))


def read_recording(path: Path, shown_as: Shown, procedures: tuple[Procedure, ...],
                   languages: tuple[str, ...], problems: Problems) -> Recording | None:
    """One recording file, checked; None with its problems recorded when it is wrong."""
    return _read_one(path, shown_as, {p.source_file: p for p in procedures}, languages,
                     problems)


def _read_one(path: Path, shown_as: Shown, by_file: dict[str, Procedure],
              languages: tuple[str, ...], problems: Problems) -> Recording | None:
    shown = shown_as(path)
    stem, *middle, extension = path.name.split(".")
    extension = extension.lower()
    if extension in FOREIGN_AUDIO:
        problems.add(shown, 0, "", f"trình duyệt của người dân không chắc phát được tệp "
                     f"`.{extension}`.", "chuyển sang Opus: " + reencode_command(path))
        return None
    if not middle or len(middle) > 2:
        problems.add(shown, 0, "", "tên tệp ghi âm phải có dạng TÊN.MÃ-NGÔN-NGỮ.ĐUÔI "
                     "(hoặc TÊN.MÃ-NGÔN-NGỮ.PHẦN.ĐUÔI).",
                     f"ví dụ `{recording_name(stem, 'vi', '', extension)}` cho bản tiếng Việt.")
        return None
    lang, section = middle[0], (middle[1] if len(middle) == 2 else "")
    source_file = shown_as(path.with_name(stem + ".yml"))
    procedure = by_file.get(source_file)
    wrong = []
    if not LANG_CODE.match(lang):
        wrong.append((f"`{lang}` không phải là mã ngôn ngữ.",
                      f"đặt tên theo dạng `{recording_name(stem, 'vi', section, extension)}`."))
    elif lang not in languages:
        wrong.append((f"trang không có ngôn ngữ `{lang}` (các ngôn ngữ: {', '.join(languages)}).",
                      "thêm ngôn ngữ vào `languages` của trang, hoặc sửa mã trong tên tệp."))
    if section and section not in SECTIONS:
        wrong.append((f"`{section}` không phải là một phần được ghi âm riêng.",
                      "dùng " + ", ".join(f"`{s}`" for s in SECTIONS)
                      + f", hoặc đặt tên `{recording_name(stem, lang, '', extension)}` "
                      "cho bản ghi cả thủ tục."))
    if procedure is None and not path.with_name(stem + ".yml").exists():
        wrong.append((f"tệp ghi âm không có thủ tục `{stem}.yml` bên cạnh.",
                      "đặt tệp cùng thư mục với thủ tục, tên bắt đầu bằng tên tệp thủ tục."))
    audio = _audio_info(path, shown, problems)
    for message, fix in wrong:
        problems.add(shown, 0, "", message, fix)
    if wrong or audio is None or procedure is None:
        return None  # a broken procedure file has its own problems
    source, recorded = _read_stamp(stamp_path(path), shown_as, problems)
    return Recording(procedure.id, lang, section, shown, path, *audio, source, recorded)


def _audio_info(path: Path, shown: str, problems: Problems) -> tuple[AudioInfo, str] | None:
    """The file's audio facts and a digest of its bytes, or None with the reason and the fix
    recorded."""
    fix = "ghi âm lại bằng `thutuc record`, hoặc chuyển đổi: " + reencode_command(path)
    try:
        size = path.stat().st_size
        if size > MAX_KB * 1024:
            problems.add(shown, 0, "", f"tệp ghi âm nặng {size // 1024} KB, quá giới hạn "
                         f"{MAX_KB} KB (người dân tải bằng 2G/3G).",
                         "nén lại ở 16–24 kbps một kênh: " + reencode_command(path))
            return None
        data = path.read_bytes()
        return read_audio_info(data, path.suffix), hashlib.sha256(data).hexdigest()[:8]
    except OSError as error:
        problems.add(shown, 0, "", f"không đọc được tệp ({error.strerror}).",
                     "kiểm tra quyền đọc tệp.")
    except AudioError as error:
        problems.add(shown, 0, "", f"không đọc được tệp ghi âm: {error}", fix)
    return None


def _read_stamp(path: Path, shown_as: Shown,
                problems: Problems) -> tuple[dict[str, str], datetime.date | None]:
    if not path.is_file():
        return {}, None
    reader = FieldReader(shown_as(path), problems)
    data = load_yaml(path, reader.file, problems)
    node = reader.mapping(data, data, None, "") if data is not None else None
    if node is None:
        return {}, None
    reader.known_keys(node, "", STAMP_KEYS)
    source = node.get("source")
    stamp: dict[str, str] = {}
    if isinstance(source, Mapping):
        stamp = {key: reader.text(source, key, join("source", key)) for key in source}
    elif source is not None:
        reader.report(node, "source", "source", "`source` phải là danh sách dấu theo trường.",
                      "xoá tệp này rồi chạy `thutuc record --stamp` để ghi lại.")
    return stamp, reader.date(node, "recorded")


def write_stamp_text(source: dict[str, str], recorded: datetime.date | None) -> str:
    """The text of a stamp file (keys in the order given: page order)."""
    lines = ["# Ghi bởi `thutuc record`: dấu của văn bản đã đọc khi ghi âm. Đừng sửa tay."]
    lines += [f"recorded: {recorded.isoformat()}"] if recorded else []
    lines.append("source:")
    lines += [f'  "{path}": "{value}"' for path, value in source.items()]
    return "\n".join(lines) + "\n"


def reencode_command(path: Path) -> str:
    """How to make a recording small enough, with the tools this machine has (ffmpeg reads
    every format; opusenc only WAV, AIFF and FLAC)."""
    stem, *middle, _ = path.name.split(".")
    target = recording_name(stem, middle[0] if middle else "vi", "".join(middle[1:2]), "opus")
    # Written first under a `_` name, which the catalog ignores, when it would replace itself.
    output = "_" + target if target == path.name else target
    then = f"; rồi thay `{path.name}` bằng tệp mới" if output != target else \
        f"; rồi xoá `{path.name}`"
    if shutil.which("ffmpeg") or path.suffix.lower() not in (".wav", ".aiff", ".flac") \
            or not shutil.which("opusenc"):
        install = "" if shutil.which("ffmpeg") else " (cài trước: `sudo apt-get install ffmpeg`)"
        return (f"`ffmpeg -i {path.name} -ac 1 -c:a libopus -b:a 20k -application voip "
                f"{output}`{install}{then}")
    return f"`opusenc --bitrate 20 --downmix-mono {path.name} {output}`{then}"


def recording_warnings(recordings: tuple[Recording, ...]) -> list[Problem]:
    """Recordings far heavier than speech needs: the file, its bitrate and how to re-encode."""
    low, high = RECOMMENDED_KBPS
    warnings = []
    for recording in recordings:
        info = recording.info
        if info.kbps <= WARN_KBPS:
            continue
        channels = " hai kênh (stereo)," if info.channels > 1 else ""
        warnings.append(Problem(
            recording.file, 0, "",
            f"bản ghi âm{channels} {info.kbps:.0f} kbps, {info.size // 1024} KB cho "
            f"{info.duration:.0f} giây: nặng hơn nhiều so với {low}–{high} kbps một kênh nên "
            f"dùng cho lời nói (khoảng 100–180 KB một phút).",
            "nén lại: " + reencode_command(recording.path)
            + ", và chạy `thutuc record --stamp` nếu nội dung vẫn khớp văn bản."))
    return warnings
