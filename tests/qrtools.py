"""Reading QR codes back the way a phone would: rasterize, then decode with zbar."""

from __future__ import annotations

import io
import subprocess
from pathlib import Path

from pypdf import PdfReader


def decode_png(png: Path) -> list[str]:
    """Every QR code zbar finds in a PNG image (empty when it finds none)."""
    done = subprocess.run(["zbarimg", "--quiet", "--raw", "-Sdisable", "-Sqrcode.enable",
                           str(png)], capture_output=True, text=True, check=False)
    return done.stdout.splitlines()


def decode_svg(svg: Path, out_dir: Path) -> list[str]:
    """Rasterize an SVG on white (zbar reads neither SVG nor transparency), then decode."""
    png = out_dir / (svg.stem + "-" + svg.parent.name + ".png")
    subprocess.run(["rsvg-convert", "-b", "white", "-z", "4", "-o", str(png), str(svg)],
                   check=True)
    return decode_png(png)


def pdf_pages(pdf: bytes) -> int:
    return len(PdfReader(io.BytesIO(pdf)).pages)
