"""Every procedure page, in every language, carries a QR code of its own public address."""

from __future__ import annotations

import html
import posixpath
import re
import shutil
from pathlib import Path

import pytest
import segno

from generator.load.catalog import load_catalog
from generator.mkdocs.project import build_atomically
from generator.render.qr import MASK, qr_images
from tests.conftest import FIXTURES, ROOT, build, copy_project
from tests.qrtools import decode_png, decode_svg

MINI_URL = "https://example.org/xa-thu/"
PRINTING_URL = "https://thutuc.example.org/tinh-mau/xa-thu/"
LANGS = ("", "en/", "rad/")
MINI_IDS = ("chung-thuc-ban-sao", "dang-ky-ket-hon", "dang-ky-khai-sinh")
PRINTING_IDS = (*MINI_IDS, "cap-ban-sao-trich-luc", *(f"thu-tuc-mau-{n}" for n in range(1, 6)))


def _qr_block(page: Path) -> tuple[str, str, str]:
    """(SVG link, PNG link, address under the code) of a built procedure page."""
    text = page.read_text(encoding="utf-8")
    svg = re.search(r'<img class="tt-qr__code" src="([^"]+)"', text)
    png = re.search(r'<a class="md-button tt-button tt-qr-png" href="([^"]+)" download[ >]', text)
    caption = re.search(r'<figcaption class="tt-qr__url">([^<]+)</figcaption>', text)
    assert svg and png and caption, f"no QR section in {page}"
    return svg.group(1), png.group(1), html.unescape(caption.group(1))


def _check_site(site: Path, base_url: str, ids: tuple[str, ...], page_of, tmp: Path,
                langs: tuple[str, ...] = LANGS) -> None:
    for lang in langs:
        for pid in ids:
            page_path = page_of(pid)
            page = site / lang / page_path
            expected = f"{base_url}{lang}{page_path.removesuffix('index.html')}"
            svg_link, png_link, caption = _qr_block(page)
            folder = posixpath.dirname(f"{lang}{page_path}")
            svg = site / posixpath.normpath(posixpath.join(folder, svg_link))
            png = site / posixpath.normpath(posixpath.join(folder, png_link))
            assert decode_svg(svg, tmp) == [expected], (lang, pid)
            assert decode_png(png) == [expected], (lang, pid)
            assert caption == expected.removeprefix("https://")


def test_every_page_shows_the_code_of_its_own_address(mini_site: Path, tmp_path: Path) -> None:
    _check_site(mini_site, MINI_URL, MINI_IDS, lambda pid: f"thu-tuc/{pid}/index.html",
                tmp_path)


def test_addresses_end_in_html_without_directory_urls(printing_site: Path,
                                                      tmp_path: Path) -> None:
    _check_site(printing_site, PRINTING_URL, PRINTING_IDS, lambda pid: f"thu-tuc/{pid}.html",
                tmp_path)


def test_every_sample_page_shows_the_code_of_its_own_address(sample_site: Path,
                                                            tmp_path: Path) -> None:
    ids = tuple(p.id for p in load_catalog(ROOT / "procedures", ROOT).procedures)
    _check_site(sample_site, "https://thutuc.example.org/xa-mau/", ids,
                lambda pid: f"thu-tuc/{pid}/index.html", tmp_path, (*LANGS, "hre/"))


@pytest.mark.site
def test_offline_edition_codes_lead_to_the_public_site(tmp_path: Path) -> None:
    """The offline edition links to `.html` files, but a code printed from it must open the
    public page (`thu-tuc/<id>/`), which is what a phone can reach."""
    site = tmp_path / "offline"
    build_atomically(FIXTURES / "mini" / "mkdocs.yml", site, offline=True)
    svg_link, _, caption = _qr_block(site / "en" / "thu-tuc" / "dang-ky-khai-sinh.html")
    assert svg_link == "../ma-qr/dang-ky-khai-sinh.svg"
    assert decode_svg(site / "en" / "ma-qr" / "dang-ky-khai-sinh.svg", tmp_path) == \
        [MINI_URL + "en/thu-tuc/dang-ky-khai-sinh/"]
    assert caption == "example.org/xa-thu/en/thu-tuc/dang-ky-khai-sinh/"


def test_code_is_large_on_the_phone_and_in_print(mini_site: Path, serve, phone) -> None:
    phone.goto(serve(mini_site) + "en/thu-tuc/dang-ky-khai-sinh/")
    code = phone.locator("img.tt-qr__code")
    code.scroll_into_view_if_needed()  # it loads when read near (loading="lazy")
    phone.wait_for_function("i => i.complete && i.naturalWidth > 0", arg=code.element_handle())
    assert code.bounding_box()["width"] >= 200
    assert phone.locator(".tt-qr__url").inner_text() == \
        "example.org/xa-thu/en/thu-tuc/dang-ky-khai-sinh/"
    phone.emulate_media(media="print")
    # 1 CSS px = 1/96 in: 5 cm is about 189 px, plenty for a phone camera at arm's length.
    assert code.bounding_box()["width"] >= 185


def test_codes_use_error_correction_q(mini_site: Path) -> None:
    """Q survives a crease or a stain over a quarter of the code."""
    svg = (mini_site / "ma-qr" / "dang-ky-khai-sinh.svg").read_text(encoding="utf-8")
    made = segno.make(MINI_URL + "thu-tuc/dang-ky-khai-sinh/", error="q", micro=False,
                      boost_error=False)
    assert made.error == "Q"
    assert f'viewBox="0 0 {made.symbol_size()[0]} {made.symbol_size()[1]}"' in svg


@pytest.mark.site
def test_output_is_the_same_with_and_without_the_cache(tmp_path: Path, monkeypatch) -> None:
    project = copy_project(FIXTURES / "mini", tmp_path / "project")
    shutil.rmtree(project / ".cache", ignore_errors=True)  # left by builds of the fixture itself
    cold = build(project, tmp_path / "cold")
    cached = sorted((project / ".cache" / "thutuc" / "qr").rglob("*.*"))
    assert len(cached) == len(MINI_IDS) * len(LANGS)  # one checked entry (SVG and PNG) per code

    def no_making(*args: object, **kwargs: object) -> None:
        raise AssertionError("a cached code was made again")

    monkeypatch.setattr(segno, "make", no_making)
    warm = build(project, tmp_path / "warm")
    monkeypatch.undo()
    shutil.rmtree(project / ".cache")
    again = build(project, tmp_path / "again")
    files = sorted(p.relative_to(cold) for p in cold.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(warm) for p in warm.rglob("*") if p.is_file())
    for relative in files:
        if relative.name.startswith("sitemap.xml"):
            continue  # MkDocs dates the sitemap with the day of the build: not ours
        content = (cold / relative).read_bytes()
        assert content == (warm / relative).read_bytes(), relative
        assert content == (again / relative).read_bytes(), relative


@pytest.mark.parametrize("kind", ["svg", "png"])
def test_code_files_are_plain_black_on_white(mini_site: Path, kind: str) -> None:
    data = (mini_site / "ma-qr" / f"dang-ky-khai-sinh.{kind}").read_bytes()
    if kind == "svg":
        assert data.startswith(b'<svg xmlns="http://www.w3.org/2000/svg" width="')
        assert b'fill="#fff"' in data and b"<script" not in data
    else:
        assert data.startswith(b"\x89PNG")


@pytest.mark.parametrize("length", [20, 60, 120, 250])
def test_fixed_mask_codes_decode_at_every_size(tmp_path: Path, length: int) -> None:
    """The fixed mask and our own PNG writer give codes a phone reads, small and large
    (version 2 to 13 at level Q), in both formats."""
    url = MINI_URL + "thu-tuc/" + ("dang-ky-khai-sinh-" * 20)[:length]
    images = qr_images(url)
    made = segno.make(url, error="q", micro=False, boost_error=False, mask=MASK)
    assert made.mask == MASK
    png, svg = tmp_path / "code.png", tmp_path / "code.svg"
    png.write_bytes(images.png)
    svg.write_bytes(images.svg)
    assert decode_png(png) == [url]
    assert decode_svg(svg, tmp_path) == [url]
    side = (made.symbol_size(scale=1, border=4)[0]) * 10
    assert images.png[16:24] == side.to_bytes(4, "big") * 2  # IHDR width and height
