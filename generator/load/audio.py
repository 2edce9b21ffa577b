"""Length, codec and channels of a recording, read from the file's own headers.

A recording's duration is shown on the page and its bitrate checked against what a 2G/3G phone
can fetch, on machines with nothing but Python: no ffmpeg, no audio library. Each container
the catalog accepts is walked far enough to know the codec and the length:

- Ogg (`.ogg`, `.opus`): the first stream's header packet (Opus or Vorbis) and the granule
  position of its last page;
- WebM / Matroska (`.webm`, what Chromium's MediaRecorder writes): the Info `Duration` when
  it is there, else the last block's time plus that block's own length (a live recording may
  leave the duration out: it is written while recording);
- MP4 (`.m4a`): `mvhd`, else `mehd`, else the fragments' sample durations;
- MP3 (`.mp3`): every frame header, so constant and variable bitrates both come out right.

Reading is strict about structure (a cut or foreign file is refused with a reason in
Vietnamese) and lenient about what it does not need.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass

# Containers by file extension, as the catalog format lists them.
CONTAINERS = {"opus": "ogg", "ogg": "ogg", "webm": "webm", "m4a": "mp4", "mp3": "mp3"}


class AudioError(Exception):
    """A file that is not a readable recording; the message says why, in Vietnamese."""


@dataclass(frozen=True)
class AudioInfo:
    """What the page and the size check need to know about one recording."""

    container: str  # ogg | webm | mp4 | mp3
    codec: str  # opus | vorbis | aac | mp3 | ... as the container names it
    duration: float  # seconds
    channels: int  # 0 when the container does not say
    size: int  # bytes

    @property
    def kbps(self) -> float:
        """Average bitrate of the whole file (headers included), in kilobits per second."""
        return self.size * 8 / self.duration / 1000 if self.duration else 0.0


def read_audio_info(data: bytes, extension: str) -> AudioInfo:
    """The recording's codec, length and channels; `AudioError` when it cannot be read."""
    container = CONTAINERS.get(extension.lower().lstrip("."))
    if container is None:
        raise AudioError(f"đuôi tệp `.{extension}` không phải là tệp ghi âm được nhận.")
    if not data:
        raise AudioError("tệp trống (0 byte).")
    try:
        codec, duration, channels = _READERS[container](data)
    except (struct.error, IndexError, ValueError) as error:
        raise AudioError("tệp bị hỏng hoặc bị cắt cụt giữa chừng.") from error
    if duration <= 0:
        raise AudioError("tệp không có âm thanh (độ dài 0 giây).")
    return AudioInfo(container, codec, duration, channels, len(data))


# --- Ogg ---------------------------------------------------------------------------------

def _ogg(data: bytes) -> tuple[str, float, int]:
    if not data.startswith(b"OggS"):
        raise AudioError(_not_a("Ogg"))
    offset, serial, head, last_granule = 0, None, b"", -1
    while offset < len(data):
        if data[offset:offset + 4] != b"OggS":
            raise ValueError("not a page")
        granule, page_serial = struct.unpack_from("<qI", data, offset + 6)
        count = data[offset + 26]
        lacing = data[offset + 27:offset + 27 + count]
        if len(lacing) != count:
            raise ValueError("cut")
        body = offset + 27 + count
        end = body + sum(lacing)
        if end > len(data):
            raise ValueError("cut")
        if serial is None:
            serial, head = page_serial, data[body:end]
        if page_serial == serial and granule >= 0:
            last_granule = granule
        offset = end
    if head.startswith(b"OpusHead"):
        channels, pre_skip = head[9], struct.unpack_from("<H", head, 10)[0]
        return "opus", max(last_granule - pre_skip, 0) / 48000, channels
    if head.startswith(b"\x01vorbis"):
        channels, rate = head[11], struct.unpack_from("<I", head, 12)[0]
        return "vorbis", max(last_granule, 0) / rate if rate else 0.0, channels
    raise AudioError("tệp Ogg không chứa âm thanh Opus hay Vorbis.")


# --- WebM / Matroska ---------------------------------------------------------------------

# Elements whose content is more elements: entered, not skipped, so that an unknown size (a
# live recording's Segment and Clusters) is no obstacle.
_EBML_MASTERS = {0x18538067, 0x1549A966, 0x1654AE6B, 0xAE, 0xE1, 0x1F43B675, 0xA0}
_TIMECODE_SCALE, _DURATION = 0x2AD7B1, 0x4489
_CODEC_ID, _CHANNELS, _CLUSTER_TIME = 0x86, 0x9F, 0xE7
_SIMPLE_BLOCK, _BLOCK = 0xA3, 0xA1


def _vint(data: bytes, offset: int, keep_marker: bool) -> tuple[int, int, bool]:
    """An EBML variable-length integer: (value, length, all value bits set = unknown)."""
    first = data[offset]
    if not first:
        raise AudioError("tệp WebM bị hỏng (số đo độ dài không hợp lệ).")
    length = 9 - first.bit_length()
    value = first if keep_marker else first & (0xFF >> length)
    for byte in data[offset + 1:offset + length]:
        value = value << 8 | byte
    if offset + length > len(data):
        raise ValueError("cut")
    unknown = not keep_marker and value == (1 << (7 * length)) - 1
    return value, length, unknown


def ebml_elements(data: bytes) -> list[tuple[int, int, int, int]]:
    """Every element of a WebM file in file order, masters entered: (id, header start, data
    start, data end), with an unknown size's end taken as the end of the file."""
    result, offset = [], 0
    while offset < len(data):
        element, id_length, _ = _vint(data, offset, keep_marker=True)
        size, size_length, unknown = _vint(data, offset + id_length, keep_marker=False)
        start = offset + id_length + size_length
        end = len(data) if unknown else start + size
        result.append((element, offset, start, end))
        if element in _EBML_MASTERS:
            offset = start
        elif end > len(data):
            if element in (_SIMPLE_BLOCK, _BLOCK):
                raise ValueError("cut")
            break  # a cut tail after the last block costs nothing we need
        else:
            offset = end
    return result


def _webm(data: bytes) -> tuple[str, float, int]:
    if not data.startswith(b"\x1a\x45\xdf\xa3"):
        raise AudioError(_not_a("WebM"))
    scale, duration, codec, channels = 1_000_000, 0.0, "", 0
    cluster_time, last_end = 0, 0.0
    for element, _, start, end in ebml_elements(data):
        value = data[start:end]
        if element == _TIMECODE_SCALE:
            scale = int.from_bytes(value, "big")
        elif element == _DURATION:
            duration = struct.unpack(">f" if len(value) == 4 else ">d", value)[0]
        elif element == _CODEC_ID and not codec:
            codec = value.decode("ascii", "replace").removeprefix("A_").lower()
        elif element == _CHANNELS and not channels:
            channels = int.from_bytes(value, "big")
        elif element == _CLUSTER_TIME:
            cluster_time = int.from_bytes(value, "big")
        elif element in (_SIMPLE_BLOCK, _BLOCK):
            _, track_length, _ = _vint(data, start, keep_marker=False)
            relative = struct.unpack_from(">h", data, start + track_length)[0]
            begins = (cluster_time + relative) * scale / 1e9
            payload = data[start + track_length + 3:end]
            length = _opus_packet_seconds(payload) if codec == "opus" else 0.0
            last_end = max(last_end, begins + length)
    if not codec:
        raise AudioError("tệp WebM không có rãnh âm thanh.")
    seconds = duration * scale / 1e9 if duration > 0 else last_end
    return codec.split("/")[0], seconds, channels


def _opus_packet_seconds(packet: bytes) -> float:
    """How long one Opus packet plays, from its table-of-contents byte (RFC 6716, 3.1)."""
    if not packet:
        return 0.0
    config, code = packet[0] >> 3, packet[0] & 3
    if config < 12:
        frame = (0.010, 0.020, 0.040, 0.060)[config % 4]
    elif config < 16:
        frame = (0.010, 0.020)[config % 2]
    else:
        frame = (0.0025, 0.005, 0.010, 0.020)[config % 4]
    frames = 1 if code == 0 else 2 if code in (1, 2) else (packet[1] & 0x3F if len(packet) > 1
                                                           else 0)
    return frame * frames


# --- MP4 ---------------------------------------------------------------------------------

_MP4_MASTERS = {b"moov", b"trak", b"mdia", b"minf", b"stbl", b"mvex", b"moof", b"traf"}


def _mp4_boxes(data: bytes, start: int, end: int) -> list[tuple[bytes, int, int]]:
    """Every box between `start` and `end`, containers entered: (type, data start, end)."""
    result, offset = [], start
    while offset + 8 <= end:
        size, kind = struct.unpack_from(">I4s", data, offset)
        header = 8
        if size == 1:
            size, header = struct.unpack_from(">Q", data, offset + 8)[0], 16
        elif size == 0:
            size = end - offset
        if size < header or offset + size > end:
            raise ValueError("cut")
        result.append((kind, offset + header, offset + size))
        if kind in _MP4_MASTERS:
            result += _mp4_boxes(data, offset + header, offset + size)
        offset += size
    return result


def _mp4(data: bytes) -> tuple[str, float, int]:
    if data[4:8] != b"ftyp":
        raise AudioError(_not_a("MP4 (m4a)"))
    boxes = _mp4_boxes(data, 0, len(data))
    movie = _mp4_time(data, boxes, b"mvhd")
    fragment = next(((struct.unpack_from(">Q" if data[s] else ">I", data, s + 4)[0])
                     for kind, s, _ in boxes if kind == b"mehd"), 0)
    track_scale = next((_mp4_time(data, [(k, s, e)], b"mdhd")[0]
                        for k, s, e in boxes if k == b"mdhd"), 0)
    codec, channels = "", 0
    for kind, start, end in boxes:
        if kind == b"stsd":
            entry = data[start + 12:start + 16]
            codec = {b"mp4a": "aac", b"Opus": "opus"}.get(entry, entry.decode("latin-1"))
            channels = _aac_channels(data[start:end]) if codec == "aac" else 0
            channels = channels or struct.unpack_from(">H", data, start + 32)[0]
    if not codec:
        raise AudioError("tệp m4a không có rãnh âm thanh.")
    if movie[1]:
        return codec, movie[1] / movie[0], channels
    if fragment and movie[0]:
        return codec, fragment / movie[0], channels
    return codec, _mp4_fragments(data, boxes) / track_scale if track_scale else 0.0, channels


def _aac_channels(entry: bytes) -> int:
    """Channels from the AAC decoder configuration (the sample entry's count is often 2)."""
    esds = entry.find(b"esds")
    config = entry.find(b"\x05", entry.find(b"\x04", esds + 8) + 1) if esds > 0 else -1
    if config < 0:
        return 0
    offset = config + 1
    while entry[offset] & 0x80:  # the descriptor's size, 7 bits a byte
        offset += 1
    return entry[offset + 2] >> 3 & 0xF if offset + 2 < len(entry) else 0


def _mp4_time(data: bytes, boxes: list[tuple[bytes, int, int]], kind: bytes) -> tuple[int, int]:
    """(timescale, duration) of an `mvhd` or `mdhd` box; (0, 0) without one."""
    for box, start, _ in boxes:
        if box == kind:
            if data[start] == 1:
                return struct.unpack_from(">IQ", data, start + 20)
            return struct.unpack_from(">II", data, start + 12)
    return 0, 0


def _mp4_fragments(data: bytes, boxes: list[tuple[bytes, int, int]]) -> int:
    """The summed sample durations of a fragmented file's `trun` boxes, in track units."""
    default = next((struct.unpack_from(">I", data, s + 12)[0] for k, s, _ in boxes
                    if k == b"trex"), 0)
    total, fragment_default = 0, default
    for kind, start, _ in boxes:
        flags = int.from_bytes(data[start + 1:start + 4], "big")
        if kind == b"tfhd":
            offset = start + 8 + (8 if flags & 0x1 else 0) + (4 if flags & 0x2 else 0)
            fragment_default = struct.unpack_from(">I", data, offset)[0] if flags & 0x8 \
                else default
        elif kind == b"trun":
            count = struct.unpack_from(">I", data, start + 4)[0]
            offset = start + 8 + (4 if flags & 0x1 else 0) + (4 if flags & 0x4 else 0)
            if not flags & 0x100:
                total += count * fragment_default
                continue
            step = 4 * bin(flags & 0xF00).count("1")
            total += sum(struct.unpack_from(">I", data, offset + i * step)[0]
                         for i in range(count))
    return total


# --- MP3 ---------------------------------------------------------------------------------

_MP3_BITRATES = {  # kbps by (MPEG-1?, bitrate index), Layer III
    True: (0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320),
    False: (0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160),
}
_MP3_RATES = {3: (44100, 48000, 32000), 2: (22050, 24000, 16000), 0: (11025, 12000, 8000)}


def _mp3(data: bytes) -> tuple[str, float, int]:
    offset = 0
    if data.startswith(b"ID3"):
        size = data[6] << 21 | data[7] << 14 | data[8] << 7 | data[9]
        offset = 10 + size
    samples, rate, channels, frames = 0, 0, 0, 0
    while offset + 4 <= len(data):
        header = int.from_bytes(data[offset:offset + 4], "big")
        version, layer = header >> 19 & 3, header >> 17 & 3
        bitrate_index, rate_index = header >> 12 & 15, header >> 10 & 3
        if header >> 21 != 0x7FF or version == 1 or layer != 1 or bitrate_index in (0, 15) \
                or rate_index == 3:
            if frames:
                break  # ID3v1, APE tags or padding after the last frame
            raise AudioError(_not_a("MP3"))
        mpeg1 = version == 3
        rate = _MP3_RATES[version][rate_index]
        kbps = _MP3_BITRATES[mpeg1][bitrate_index]
        length = (144 if mpeg1 else 72) * kbps * 1000 // rate + (header >> 9 & 1)
        if offset + length > len(data):
            break  # a last frame cut short plays as silence
        channels = 1 if header >> 6 & 3 == 3 else 2
        side_info = (17 if channels == 1 else 32) if mpeg1 else (9 if channels == 1 else 17)
        tag = data[offset + 4 + side_info:offset + 8 + side_info]
        if frames or tag not in (b"Xing", b"Info"):  # an encoder's header frame is silent
            samples += 1152 if mpeg1 else 576
        frames += 1
        offset += length
    return "mp3", samples / rate if rate else 0.0, channels


def _not_a(kind: str) -> str:
    return f"nội dung tệp không phải là {kind} như đuôi tệp nói."


_READERS = {"ogg": _ogg, "webm": _webm, "mp4": _mp4, "mp3": _mp3}
