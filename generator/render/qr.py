"""QR codes of page addresses: an SVG (page, posters, print) and a PNG (Word, print shops).

Made with segno: measured here (`benchmarks/qr_speed.py`) it is about twice as fast as
qrcode and its SVG is about a quarter of the size.
Error correction is Q (25 % of the code may be lost): a poster on a wall gets creased,
faded, dirty and pinned through; H would make the code denser (smaller modules at the same
printed size) for little gain, L and M do not survive a crease through the middle.

Two of segno's slow paths are avoided (about 5 times faster per code, `qr_speed.py`): the
mask is fixed (`MASK`) instead of trying all eight and scoring each, and the PNG is packed
here from the module matrix and compressed by zlib (C) instead of segno's pixel-by-pixel rows.

Codes are cached between builds under `.cache/thutuc/qr/`, one file per code, named by a
hash of everything that decides its bytes (library version, settings, address), checked
before use as every cache entry is (`keyed_store`): the output is byte for byte the same with
a warm, a cold or a broken cache.
"""

from __future__ import annotations

import hashlib
import io
import struct
import zlib
from dataclasses import dataclass
from pathlib import Path

import segno

from generator.keyed_store import KeyedStore

ERROR_CORRECTION = "q"
BORDER = 4  # the quiet zone the standard asks for, in modules
PNG_SCALE = 10  # pixels per module: about 4 cm wide at 300 dpi for a typical address
# Mask pattern 2 (every third column): the standard's penalty scoring, which segno runs by
# default and which is three quarters of the time a code takes, picked it most often for the
# site's addresses (82 of 300, the next 59). Every mask gives a valid code; the tests decode
# the built codes with zbar.
MASK = 2
CACHE_DIR = Path(".cache") / "thutuc" / "qr"
_SETTINGS = (f"segno-{segno.__version__}|ec={ERROR_CORRECTION}|mask={MASK}|border={BORDER}"
             f"|png={PNG_SCALE}|v3")
_MAGIC = b"thutuc-qr 2\n"


@dataclass(frozen=True)
class QrImages:
    """One code in both formats."""

    svg: bytes  # sized in millimetres (one module = 1 mm), with a viewBox so it scales
    png: bytes  # black on white, PNG_SCALE pixels per module


def qr_images(data: str) -> QrImages:
    """Make the QR code of `data` (a full QR code, never a Micro QR)."""
    # boost_error is off so that the level is always the documented one.
    code = segno.make(data, error=ERROR_CORRECTION, micro=False, boost_error=False, mask=MASK)
    svg = io.BytesIO()
    # White background drawn in: readable on a dark page theme and when rasterized.
    code.save(svg, kind="svg", scale=1, unit="mm", border=BORDER, xmldecl=False,
              light="#fff", svgclass="tt-qr-svg", lineclass=None)
    return QrImages(svg=svg.getvalue(), png=png_image(code.matrix, PNG_SCALE, BORDER))


def png_image(matrix: tuple[bytearray, ...], scale: int, border: int) -> bytes:
    """A 1-bit greyscale PNG of a module matrix (1 = dark): black on white, `scale` pixels
    per module, `border` light modules around it."""
    size = (len(matrix) + 2 * border) * scale
    padding = -size % 8  # rows are whole bytes; the padding bits are light and never shown
    quiet = "1" * (border * scale)
    light_row = b"\0" + int("1" * (size + padding), 2).to_bytes((size + padding) // 8, "big")
    rows = [light_row] * (border * scale)
    for line in matrix:
        # One character per pixel, then int() packs them in C: far faster than bit arithmetic.
        bits = quiet + "".join("0" * scale if dark else "1" * scale for dark in line) \
            + quiet + "1" * padding
        row = b"\0" + int(bits, 2).to_bytes(len(bits) // 8, "big")  # filter type 0: none
        rows += [row] * scale
    rows += [light_row] * (border * scale)

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body \
            + struct.pack(">I", zlib.crc32(kind + body))

    # Level 6 (zlib's default): 9 takes four times as long for 2 % fewer bytes.
    header = struct.pack(">IIBBBBB", size, size, 1, 0, 0, 0, 0)  # 1 bit, greyscale
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header)
            + chunk(b"IDAT", zlib.compress(b"".join(rows), 6)) + chunk(b"IEND", b""))


def short_address(url: str) -> str:
    """The address as printed under a code: without `https://`."""
    return url.split("://", 1)[-1]


class QrCache:
    """Makes codes, keeping them in `folder` between builds (no folder: no cache)."""

    def __init__(self, folder: Path | None) -> None:
        self.store = KeyedStore(folder, _MAGIC, "qr")

    def images(self, data: str) -> QrImages:
        """The code of `data`, from the cache when it is there."""
        key = cache_key(data)
        body = self.store.read(key)
        images = None if body is None else unpack(body)
        if images is None:
            images = qr_images(data)
            self.store.write(key, pack(images))
        return images

    def prune(self) -> None:
        """Remove the codes no build has used for `keyed_store.KEEP_DAYS` (a moved page)."""
        self.store.prune()


def cache_key(data: str) -> str:
    """The name of a code's cache entry: a hash of everything that decides its bytes."""
    return hashlib.sha256(f"{_SETTINGS}|{data}".encode()).hexdigest()


def pack(images: QrImages) -> bytes:
    """A cache entry's body: the sizes, then the codes."""
    return f"{len(images.svg)} {len(images.png)}\n".encode() + images.svg + images.png


def unpack(body: bytes) -> QrImages | None:
    """The codes of a cache entry's body, None when its sizes do not add up."""
    sizes, _, rest = body.partition(b"\n")
    try:
        svg_size, png_size = (int(n) for n in sizes.split())
    except ValueError:
        return None
    if svg_size + png_size != len(rest):
        return None
    return QrImages(svg=rest[:svg_size], png=rest[svg_size:])
