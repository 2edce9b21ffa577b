"""Structured data, sitemap and the offline edition, checked on built files (no browser)."""

from __future__ import annotations

import gzip
import json
import re
from pathlib import Path
from xml.etree import ElementTree

import pytest

from generator.cli.main import main
from generator.render.jsonld import iso_duration, script_json
from tests.conftest import FIXTURES, copy_project


@pytest.mark.parametrize(("text", "expected"), [
    ("15 ngày làm việc", "P15D"), ("3 working days", "P3D"), ("Trong 4 giờ", "PT4H"),
    ("02 tháng", "P2M"), ("Ngay trong ngày làm việc", "P1D"), ("Same day", "P1D"),
    ("Theo quy định", ""),
])
def test_processing_time_is_an_iso_duration_or_absent(text: str, expected: str) -> None:
    assert iso_duration(text) == expected


def test_script_json_cannot_close_the_script_element() -> None:
    text = "</script><!-- & <b>"
    written = script_json({"name": text})
    assert re.search(r"[<>&]", written) is None
    assert json.loads(written) == {"name": text}


def test_mini_procedure_has_national_portal_as_same_as(mini_site: Path) -> None:
    html = (mini_site / "thu-tuc" / "dang-ky-khai-sinh" / "index.html").read_text("utf-8")
    raw = re.search(r'<script type="application/ld\+json">(.*?)</script>', html)
    assert raw and html.index(raw.group(0)) < html.index("</head>")
    data = json.loads(raw.group(1))["mainEntity"]  # the page's GovernmentService
    assert data["sameAs"].endswith("ma_thu_tuc=1.001193")
    assert [o["price"] for o in data["offers"]] == [0, 8000]
    assert (mini_site / "index.html").read_text("utf-8").count("application/ld+json") == 0


def test_sitemap_lists_every_language_with_hreflang(mini_site: Path) -> None:
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    root = ElementTree.fromstring((mini_site / "sitemap.xml").read_bytes())  # noqa: S314
    entries = {url.findtext("s:loc", namespaces=ns): {
        link.get("hreflang"): link.get("href") for link in url.findall("x:link", ns)}
        for url in root.findall("s:url", ns)}
    page = "https://example.org/xa-thu/en/thu-tuc/dang-ky-khai-sinh/"
    assert entries[page] == {"vi": "https://example.org/xa-thu/thu-tuc/dang-ky-khai-sinh/",
                             "en": page,
                             "rad": "https://example.org/xa-thu/rad/thu-tuc/dang-ky-khai-sinh/",
                             "x-default": "https://example.org/xa-thu/thu-tuc/dang-ky-khai-sinh/"}
    # home, 2 categories, A-Z, 3 procedures, the glossary (the default one), 1 hand-written page
    assert len(entries) == 3 * 9
    assert gzip.decompress((mini_site / "sitemap.xml.gz").read_bytes()) == \
        (mini_site / "sitemap.xml").read_bytes()
    head = (mini_site / "thu-tuc/dang-ky-khai-sinh/index.html").read_text("utf-8")
    assert 'rel="alternate"' not in head.split("</head>")[0]  # Material would fetch from there


@pytest.mark.site
def test_build_offline_goes_to_its_own_folder(tmp_path: Path, monkeypatch,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    project = copy_project(FIXTURES / "mini", tmp_path / "mini")
    monkeypatch.chdir(project)
    assert main(["build", "--offline"]) == 0
    offline = project / "site-offline"
    assert (offline / "thu-tuc" / "dang-ky-khai-sinh.html").is_file()
    assert (offline / "en" / "index.html").is_file()
    assert not (offline / "sw.js").exists() and not (project / "site").exists()
    html = (offline / "index.html").read_text("utf-8")
    assert 'href="linh-vuc/ho-tich.html"' in html and "data-sw" not in html
    assert "site-offline" in capsys.readouterr().out
