"""Reading recordings' length, codec and channels without ffmpeg (generated test tones)."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.load.audio import AudioError, read_audio_info

AUDIO = Path(__file__).parent / "fixtures" / "audio"

# file, container, codec, channels, length as ffprobe reports it (see fixtures/audio/README.md)
CASES = [
    ("tone.opus", "ogg", "opus", 1, 2.0),  # ffprobe 2.0065 counts the encoder's pre-skip
    ("tone.ogg", "ogg", "vorbis", 1, 2.0),
    ("tone.webm", "webm", "opus", 1, 2.008),
    ("mediarecorder.webm", "webm", "opus", 1, 2.4),
    ("tone.m4a", "mp4", "aac", 1, 2.0),
    ("tone-fragmented.m4a", "mp4", "aac", 1, 2.0232),
    ("tone.mp3", "mp3", "mp3", 1, 2.0637),
    ("heavy-stereo.opus", "ogg", "opus", 2, 2.0),
]


@pytest.mark.parametrize(("name", "container", "codec", "channels", "seconds"), CASES)
def test_reads_what_ffprobe_reads(name: str, container: str, codec: str, channels: int,
                                  seconds: float) -> None:
    data = (AUDIO / name).read_bytes()
    info = read_audio_info(data, name.rsplit(".", 1)[1])
    assert (info.container, info.codec, info.channels) == (container, codec, channels)
    assert info.duration == pytest.approx(seconds, abs=0.03)
    assert info.size == len(data)


def test_bitrate_of_speech_and_of_music_quality() -> None:
    speech = read_audio_info((AUDIO / "tone.opus").read_bytes(), "opus")
    heavy = read_audio_info((AUDIO / "heavy-stereo.opus").read_bytes(), "opus")
    assert speech.kbps < 24 < 100 < heavy.kbps


def test_webm_without_its_duration_is_measured_from_its_blocks() -> None:
    data = (AUDIO / "mediarecorder.webm").read_bytes()
    # Rename the Duration element (0x4489) to a Void-sized unknown id: a live recording's shape.
    at = data.index(b"\x44\x89")
    stripped = data[:at] + b"\x44\x8a" + data[at + 2:]
    info = read_audio_info(stripped, "webm")
    # The last block starts at 2.40 s and holds three 20 ms Opus frames; Chromium's own
    # Duration (2.4) is that block's start.
    assert info.duration == pytest.approx(2.46, abs=0.005)


@pytest.mark.parametrize(("data", "extension", "reason"), ids=[
    "empty", "id3-only", "html", "wav-as-m4a", "ogg-cut", "flac"], argvalues=[
    (b"", "opus", "tệp trống (0 byte)."),
    (b"ID3\x03\x00\x00\x00\x00\x00\x00hello", "mp3", "nội dung tệp không phải là MP3 như đuôi "
     "tệp nói."),
    (b"<html>not audio</html>", "webm", "nội dung tệp không phải là WebM như đuôi tệp nói."),
    (b"RIFF\x00\x00\x00\x00WAVEfmt ", "m4a", "nội dung tệp không phải là MP4 (m4a) như đuôi "
     "tệp nói."),
    (b"OggS" + bytes(40), "ogg", "tệp bị hỏng hoặc bị cắt cụt giữa chừng."),
    (b"fLaC", "flac", "đuôi tệp `.flac` không phải là tệp ghi âm được nhận."),
])
def test_refuses_what_is_not_a_recording(data: bytes, extension: str, reason: str) -> None:
    with pytest.raises(AudioError) as caught:
        read_audio_info(data, extension)
    assert str(caught.value) == reason


@pytest.mark.parametrize("name", ["tone.opus", "tone.ogg", "tone.webm", "tone.m4a"])
def test_a_cut_file_is_refused_not_misread(name: str) -> None:
    data = (AUDIO / name).read_bytes()
    with pytest.raises(AudioError):
        read_audio_info(data[:len(data) // 2] if not name.endswith("m4a") else data[:600],
                        name.rsplit(".", 1)[1])
