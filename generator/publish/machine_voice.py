"""An honest machine voice, for Vietnamese only: espeak-ng reads the guide where no person has.

Off by default (plugin option `machine_voice: true`). espeak-ng speaks Vietnamese and none of
the minority languages the sites serve (`rad`, `hre`, `jra`, `bdq`, `hmn`, `km`), so only
Vietnamese guides are ever spoken by it, and every page that offers one says it is a machine
voice. A procedure with a Vietnamese recording by a person never gets one.

espeak-ng writes WAV (350 kbps); LAME, through the `libmp3lame` library that Debian ships
(`libmp3lame0`), makes it a 24 kbps mono MP3, the size a 2G phone can fetch, without ffmpeg.
Both are deterministic, so a voice is made once and kept in `.cache/thutuc/voice/` under a
hash of everything that shapes it; a rebuild with unchanged text costs nothing.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import dataclasses
import hashlib
import json
import re
import shutil
import subprocess
import tempfile
import wave
from pathlib import Path

from generator.load.audio import AudioInfo, read_audio_info
from generator.load.recordings import Recording
from generator.load.site import Site
from generator.problems import ThutucError
from generator.translate.recording_status import Piece, Scripts, script_stamp
from generator.writer import write_file

LANGUAGES = ("vi",)
CACHE_DIR = Path(".cache") / "thutuc" / "voice"
ESPEAK = "espeak-ng"
VOICE = "vi"
WORDS_PER_MINUTE = 150  # espeak-ng's 175 is fast for someone who hears the words for once
KBPS = 24
MACHINE = "espeak-ng"  # the voice field of a machine recording


def machine_voices(site: Site, cache_dir: Path) -> tuple[Recording, ...]:
    """A machine-voice recording of each published procedure without a Vietnamese one."""
    if site.profile.source_language not in LANGUAGES:
        return ()
    human = {r.procedure_id for r in site.recordings if r.lang == VOICE and not r.section}
    wanted = [p for p in site.procedures if p.id not in human]
    if not wanted:
        return ()
    version = _espeak_version()
    scripts = Scripts(site)
    recordings = []
    for procedure in wanted:
        pieces = scripts.part(procedure.id, VOICE, "")
        text = spoken_text(pieces)
        key = hashlib.sha256(json.dumps([version, VOICE, WORDS_PER_MINUTE, KBPS, text],
                                        ensure_ascii=False).encode()).hexdigest()[:16]
        path = cache_dir / f"{key}.mp3"
        if not path.is_file():
            path.parent.mkdir(parents=True, exist_ok=True)
            write_file(path, encode_mp3(*speak(text)))
        info = _cached_info(path)
        recordings.append(Recording(procedure.id, VOICE, "", f"{MACHINE}:{procedure.id}", path,
                                    info, key[:8], script_stamp(pieces), voice=MACHINE))
    return tuple(recordings)


def _cached_info(path: Path) -> AudioInfo:
    """The voice's audio facts, kept beside it: walking every MP3 frame costs 20 ms."""
    facts = path.with_suffix(".json")
    try:
        return AudioInfo(**json.loads(facts.read_text(encoding="utf-8")))
    except (OSError, ValueError, TypeError):
        info = read_audio_info(path.read_bytes(), "mp3")
        write_file(facts, json.dumps(dataclasses.asdict(info)))
        return info


def spoken_text(pieces: list[Piece]) -> str:
    """The script as sentences to speak: Markdown marks and links' addresses left out."""
    sentences = []
    for piece in pieces:
        text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", piece.text)  # [words](url) -> words
        text = re.sub(r"[*_`#>|]+", " ", text)
        text = re.sub(r"\s+", " ", text).strip().rstrip(".:;,")
        if text:
            sentences.append(text + ".")
    return "\n".join(sentences)


def _espeak_version() -> str:
    if shutil.which(ESPEAK) is None:
        raise ThutucError("Tuỳ chọn `machine_voice` cần chương trình espeak-ng. Cách sửa: "
                          "`sudo apt-get install espeak-ng`, hoặc tắt `machine_voice`.")
    done = subprocess.run([ESPEAK, "--version"], capture_output=True, text=True, check=False)  # noqa: S603
    return done.stdout.strip()


def speak(text: str) -> tuple[bytes, int]:
    """16-bit mono samples of espeak-ng's Vietnamese voice reading `text`, and their rate."""
    with tempfile.TemporaryDirectory(prefix="thutuc-voice-") as folder:
        wav = Path(folder) / "voice.wav"
        done = subprocess.run(  # noqa: S603 - a fixed program, text given on stdin
            [ESPEAK, "-v", VOICE, "-s", str(WORDS_PER_MINUTE), "-b", "1", "--stdin",
             "-w", str(wav)], input=text.encode(), capture_output=True, check=False)
        if done.returncode or not wav.is_file():
            raise ThutucError(f"espeak-ng không đọc được văn bản: "
                              f"{done.stderr.decode(errors='replace').strip()}")
        with wave.open(str(wav)) as reader:
            return reader.readframes(reader.getnframes()), reader.getframerate()


def _lame() -> ctypes.CDLL:
    name = ctypes.util.find_library("mp3lame") or "libmp3lame.so.0"
    try:
        lame = ctypes.CDLL(name)
    except OSError as error:
        raise ThutucError("Tuỳ chọn `machine_voice` cần thư viện LAME. Cách sửa: "
                          "`sudo apt-get install libmp3lame0`.") from error
    lame.lame_init.restype = ctypes.c_void_p
    for setter in ("in_samplerate", "num_channels", "mode", "brate", "quality",
                   "bWriteVbrTag"):
        getattr(lame, f"lame_set_{setter}").argtypes = [ctypes.c_void_p, ctypes.c_int]
    lame.lame_init_params.argtypes = [ctypes.c_void_p]
    lame.lame_encode_buffer.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_void_p,
                                        ctypes.c_int, ctypes.c_char_p, ctypes.c_int]
    lame.lame_encode_flush.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int]
    lame.lame_close.argtypes = [ctypes.c_void_p]
    return lame


def encode_mp3(samples: bytes, rate: int) -> bytes:
    """16-bit mono samples as a constant 24 kbps mono MP3 (LAME picks 16 kHz for that)."""
    lame = _lame()
    encoder = lame.lame_init()
    try:
        lame.lame_set_in_samplerate(encoder, rate)
        lame.lame_set_num_channels(encoder, 1)
        lame.lame_set_mode(encoder, 3)  # MONO
        lame.lame_set_brate(encoder, KBPS)
        lame.lame_set_quality(encoder, 5)
        lame.lame_set_bWriteVbrTag(encoder, 0)
        if lame.lame_init_params(encoder) != 0:
            raise ThutucError("LAME không nhận các thông số nén.")
        count = len(samples) // 2
        size = count * 5 // 4 + 7200  # LAME's own bound for the output of one call
        out = ctypes.create_string_buffer(size)
        written = lame.lame_encode_buffer(encoder, samples, None, count, out, size)
        data = out.raw[:max(written, 0)]
        written = lame.lame_encode_flush(encoder, out, size)
        return data + out.raw[:max(written, 0)]
    finally:
        lame.lame_close(encoder)
