"""QR codes of page addresses: an SVG (page, posters, print) and a PNG (Word, print shops).

Made with segno: measured here (`benchmarks/qr_speed.py`) it is about twice as fast as
qrcode and its SVG is about a quarter of the size, and it writes PNG without Pillow.
Error correction is Q (25 % of the code may be lost): a poster on a wall gets creased,
faded, dirty and pinned through; H would make the code denser (smaller modules at the same
printed size) for little gain, L and M do not survive a crease through the middle.

Codes are cached between builds under `.cache/thutuc/qr/`, one file per code and format,
named by a hash of everything that decides its bytes (library version, settings, address):
a cached code is exactly the code that would be made, so output is the same with or
without the cache.
"""

from __future__ import annotations

import hashlib
import io
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

import segno

ERROR_CORRECTION = "q"
BORDER = 4  # the quiet zone the standard asks for, in modules
PNG_SCALE = 10  # pixels per module: about 4 cm wide at 300 dpi for a typical address
CACHE_DIR = Path(".cache") / "thutuc" / "qr"
_SETTINGS = f"segno-{segno.__version__}|ec={ERROR_CORRECTION}|border={BORDER}|png={PNG_SCALE}|v1"


@dataclass(frozen=True)
class QrImages:
    """One code in both formats."""

    svg: bytes  # sized in millimetres (one module = 1 mm), with a viewBox so it scales
    png: bytes  # black on white, PNG_SCALE pixels per module


def qr_images(data: str) -> QrImages:
    """Make the QR code of `data` (a full QR code, never a Micro QR)."""
    # boost_error is off so that the level is always the documented one.
    code = segno.make(data, error=ERROR_CORRECTION, micro=False, boost_error=False)
    svg, png = io.BytesIO(), io.BytesIO()
    # White background drawn in: readable on a dark page theme and when rasterized.
    code.save(svg, kind="svg", scale=1, unit="mm", border=BORDER, xmldecl=False,
              light="#fff", svgclass="tt-qr-svg", lineclass=None)
    code.save(png, kind="png", scale=PNG_SCALE, border=BORDER, light="#fff")
    return QrImages(svg=svg.getvalue(), png=png.getvalue())


def short_address(url: str) -> str:
    """The address as printed under a code: without `https://`."""
    return url.split("://", 1)[-1]


class QrCache:
    """Makes codes, keeping them in `folder` between builds (no folder: no cache)."""

    def __init__(self, folder: Path | None) -> None:
        self.folder = folder

    def images(self, data: str) -> QrImages:
        """The code of `data`, from the cache when it is there."""
        key = hashlib.sha256(f"{_SETTINGS}|{data}".encode()).hexdigest()
        images = self._read(key)
        if images is None:
            images = qr_images(data)
            self._write(key, images)
        return images

    def _paths(self, key: str) -> tuple[Path, Path] | None:
        if self.folder is None:
            return None
        folder = self.folder / key[:2]
        return folder / f"{key}.svg", folder / f"{key}.png"

    def _read(self, key: str) -> QrImages | None:
        paths = self._paths(key)
        if paths is None or not all(p.is_file() for p in paths):
            return None
        return QrImages(svg=paths[0].read_bytes(), png=paths[1].read_bytes())

    def _write(self, key: str, images: QrImages) -> None:
        paths = self._paths(key)
        if paths is None:
            return
        try:
            paths[0].parent.mkdir(parents=True, exist_ok=True)
            for path, content in zip(paths, (images.svg, images.png), strict=True):
                _write_atomically(path, content)
        except OSError:
            pass  # a read-only project still builds, only without the cache's help


def _write_atomically(path: Path, content: bytes) -> None:
    """Write through a temporary file, so a crashed build never leaves half a code."""
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
    with os.fdopen(handle, "wb") as file:
        file.write(content)
    os.replace(temporary, path)
