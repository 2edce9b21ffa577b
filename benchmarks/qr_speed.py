"""How fast QR codes are made, and how big their SVG is: segno (used) against qrcode.

    .venv/bin/python benchmarks/qr_speed.py [COUNT]

Prints milliseconds per code and bytes per SVG for both libraries (and for segno's defaults:
best of eight masks, its own PNG writer, which the site no longer uses), on addresses shaped like
the site's (site_url + language + `thu-tuc/<id>.html`), at the error correction the site uses.
`measure()` returns the same numbers for `benchmarks/run.py`.
"""

from __future__ import annotations

import io
import sys
import time
from collections.abc import Callable

import qrcode
import qrcode.image.svg
import segno

from generator.render.qr import ERROR_CORRECTION, qr_images

SLUGS = ("dang-ky-khai-sinh", "cap-giay-xac-nhan-tinh-trang-hon-nhan", "chung-thuc-ban-sao",
         "dang-ky-thuong-tru-cho-nguoi-chuyen-den", "dang-ky-ket-hon")
LANGS = ("", "en/", "rad/", "hre/")


def addresses(count: int) -> list[str]:
    """`count` distinct addresses of realistic length."""
    return [f"https://thutuc.example.org/xa-mau/{LANGS[i % 4]}thu-tuc/"
            f"{SLUGS[i % len(SLUGS)]}-{i}.html" for i in range(count)]


def _segno_svg(data: str) -> bytes:
    return qr_images(data).svg


def _qrcode_svg(data: str) -> bytes:
    qr = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_Q,
                       image_factory=qrcode.image.svg.SvgPathImage)
    qr.add_data(data)
    buffer = io.BytesIO()
    qr.make_image().save(buffer)
    return buffer.getvalue()


def _segno_defaults(data: str) -> bytes:
    """What the site did before: segno choosing the best mask and writing the PNG itself."""
    code = segno.make(data, error=ERROR_CORRECTION, micro=False, boost_error=False)
    svg, png = io.BytesIO(), io.BytesIO()
    code.save(svg, kind="svg", scale=1, unit="mm", border=4, xmldecl=False, light="#fff")
    code.save(png, kind="png", scale=10, border=4, light="#fff")
    return svg.getvalue()


def _segno_svg_only(data: str) -> bytes:
    buffer = io.BytesIO()
    segno.make(data, error=ERROR_CORRECTION, micro=False).save(buffer, kind="svg")
    return buffer.getvalue()


def _time(make: Callable[[str], bytes], data: list[str]) -> tuple[float, float]:
    """(ms per code, mean bytes) for making one SVG per address."""
    make(data[0])  # warm up imports and tables
    start = time.perf_counter()
    sizes = [len(make(item)) for item in data]
    elapsed = time.perf_counter() - start
    return elapsed * 1000 / len(data), sum(sizes) / len(sizes)


def measure(count: int = 200) -> dict[str, float]:
    """Milliseconds per code and SVG bytes for segno (as the site makes it: SVG + PNG, and
    SVG only) and for qrcode (SvgPathImage, its smallest SVG, no PNG)."""
    data = addresses(count)
    site_ms, site_bytes = _time(_segno_svg, data)
    defaults_ms, _ = _time(_segno_defaults, data)
    segno_ms, segno_bytes = _time(_segno_svg_only, data)
    qrcode_ms, qrcode_bytes = _time(_qrcode_svg, data)
    return {"qr_segno_svg_png_ms": site_ms, "qr_segno_site_svg_bytes": site_bytes,
            "qr_segno_defaults_svg_png_ms": defaults_ms,
            "qr_segno_svg_ms": segno_ms, "qr_segno_svg_bytes": segno_bytes,
            "qr_qrcode_svg_ms": qrcode_ms, "qr_qrcode_svg_bytes": qrcode_bytes}


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 200
    print(f"{count} addresses, error correction {ERROR_CORRECTION.upper()}")
    for key, value in measure(count).items():
        print(f"{key:28} {value:10.2f}")


if __name__ == "__main__":
    main()
