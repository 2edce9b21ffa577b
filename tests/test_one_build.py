"""One build for every language: the catalog read once, theme assets once at the site root,
and a phone switching language downloads only the new page."""

from __future__ import annotations

import hashlib
import posixpath
import re
from pathlib import Path

import pytest
from jinja2 import Environment, pass_context

import generator.load.catalog
from benchmarks.language_switch import deployed_server
from generator.cli.main import main as cli
from generator.mkdocs.plugin import _root_url_filter
from generator.urls import HASHED_FILE, hashed_path
from tests.conftest import FIXTURES, ROOT, copy_project

LANGUAGE_FOLDERS = ("en", "rad")

ASSET_LINK = re.compile(r'(?:src|href|data-tt-script|data-tt-manifest)="([^"#?]+)"')


def test_theme_assets_exist_once_at_the_site_root(mini_site: Path) -> None:
    files = [p for p in mini_site.rglob("*") if p.is_file()]
    relative = [p.relative_to(mini_site).as_posix() for p in files]
    assert [r for r in relative if r.split("/")[0] in LANGUAGE_FOLDERS
            and r.split("/")[1] in ("assets", "search")] == []
    # Nothing the pages never load: source maps, Material's lunr search (off on this site),
    # its stylesheets and script bundle (base.html loads assets/material.css and thutuc.js).
    assert [r for r in relative if r.endswith(".map") or "/lunr/" in r or "/workers/" in r
            or "assets/stylesheets/" in r or "assets/javascripts/bundle." in r] == []
    by_content: dict[str, list[str]] = {}
    for path, name in zip(files, relative, strict=True):
        if not name.endswith((".html", ".xml", ".xml.gz")):
            by_content.setdefault(hashlib.sha256(path.read_bytes()).hexdigest(), []).append(name)
    assert [names for names in by_content.values() if len(names) > 1] == []


@pytest.mark.parametrize("page", ["en/thu-tuc/dang-ky-khai-sinh/index.html", "rad/index.html",
                                  "en/gioi-thieu/index.html", "index.html"])
def test_every_asset_a_language_page_names_exists(mini_site: Path, page: str) -> None:
    text = (mini_site / page).read_text(encoding="utf-8")
    links = [link for link in ASSET_LINK.findall(text)
             if "://" not in link and link.endswith((".css", ".js", ".png", ".svg"))]
    assert any(re.search(r"(^|/)assets/material\.[0-9a-f]{12}\.css$", link) for link in links)
    assert any("search/ui" in link for link in links)
    for link in links:
        target = posixpath.normpath(posixpath.join(posixpath.dirname(page), link))
        assert (mini_site / target).is_file(), (page, link)


def test_the_404_page_of_a_language_names_assets_at_the_root(mini_site: Path) -> None:
    text = (mini_site / "en" / "404.html").read_text(encoding="utf-8")
    assert not re.search(r'(?:src|href)="[^"]*/en/assets/', text)
    # The shipped page loads no file; a site's own 404.html (extending Material's main.html)
    # gets addresses from the site's path, as MkDocs gives them to a 404 page: they too must
    # lead to the root's assets. Mini's site_url is https://example.org/xa-thu/.
    env = Environment(autoescape=True)
    env.filters["url"] = pass_context(lambda context, value: context["base_url"] + value)
    env.filters["url"] = _root_url_filter(
        env.filters["url"], {"assets/x.css": "assets/x.0123456789ab.css"}, depth=1)
    shown = env.from_string("{{ 'assets/x.css' | url }} {{ 'thu-tuc/' | url }}").render(
        base_url="/xa-thu/en/")
    assert shown == "/xa-thu/assets/x.0123456789ab.css /xa-thu/en/thu-tuc/"


@pytest.mark.site
def test_catalog_is_read_once_for_every_language(tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    project = copy_project(FIXTURES / "mini", tmp_path / "project")
    log = tmp_path / "reads.txt"
    read = generator.load.catalog._load_procedure

    def counted(path: Path, *args: object) -> object:
        with log.open("a", encoding="utf-8") as file:  # workers are other processes
            file.write(f"{path.name}\n")
        return read(path, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(generator.load.catalog, "_load_procedure", counted)
    assert cli(["build", "-f", str(project / "mkdocs.yml"), "-d", str(tmp_path / "site")]) == 0
    reads = log.read_text(encoding="utf-8").splitlines()
    assert sorted(reads) == sorted(p.name for p in (project / "procedures").rglob("*.yml")
                                   if p.name.count(".") == 1 and p.parent.name != "procedures")
    assert (tmp_path / "site" / "rad" / "thu-tuc" / "dang-ky-khai-sinh" / "index.html").is_file()


def test_theme_files_are_published_under_the_hash_of_their_content(mini_site: Path) -> None:
    names = sorted(p.relative_to(mini_site).as_posix() for p in (mini_site / "assets").rglob("*")
                   if p.is_file())
    assert "assets/images/favicon.png" not in names
    assert {re.sub(r"\.[0-9a-f]{12}\.", ".", name) for name in names} >= {
        "assets/material.css", "assets/thutuc.css", "assets/thutuc.js",
        "assets/thutuc-glossary.js", "assets/thutuc-sheet.css", "assets/images/favicon.png"}
    for name in names:
        unhashed = re.sub(r"\.[0-9a-f]{12}\.", ".", name)
        assert hashed_path(unhashed, (mini_site / name).read_bytes()) == name


def _rule(path: Path, pattern: str) -> re.Pattern[str]:
    """The regular expression written in a file of the repository after `pattern`."""
    found = re.search(pattern, path.read_text(encoding="utf-8"))
    assert found, f"{path}: no {pattern}"
    return re.compile(found.group(1))


def test_caches_keep_for_ever_exactly_the_files_with_hashed_names(mini_site: Path) -> None:
    """HASHED_FILE, the service worker and both deployment samples pick the same files."""
    worker = _rule(mini_site / "sw.js", r"const HASHED = /(.+)/;")
    nginx = _rule(ROOT / "docs" / "mau-trien-khai" / "nginx.conf", r'location ~ "(.+)" \{')
    apache = _rule(ROOT / "docs" / "mau-trien-khai" / "apache.htaccess", r'<FilesMatch "(.+)">')
    files = sorted(p.relative_to(mini_site).as_posix() for p in mini_site.rglob("*")
                   if p.is_file())
    hashed = [name for name in files if HASHED_FILE.match(name)]
    assert {name.split("/")[0] for name in hashed} == {"assets", "search"}
    assert [name for name in files if name.startswith("assets/") and name not in hashed] == []
    for name in files:
        expected = name in hashed
        assert (bool(worker.match(name)), bool(nginx.match("/xa-mau/" + name)),
                bool(apache.search(posixpath.basename(name)))) == (expected,) * 3, name


def test_switching_language_downloads_only_the_page(mini_site: Path, phone) -> None:
    """Behind the deployment samples' cache rules, the English twin of a page costs the page
    and its QR code: every theme file is where, and under the name, the Vietnamese page had
    it, and kept for ever."""
    log: list[tuple[str, int]] = []
    with deployed_server(mini_site, log) as base:
        phone.goto(base + "thu-tuc/dang-ky-khai-sinh/", wait_until="networkidle")
        english = phone.locator('.md-select__link[hreflang="en"]').get_attribute("href")
        log.clear()
        phone.goto(base + "thu-tuc/dang-ky-khai-sinh/" + english, wait_until="networkidle")
        assert phone.locator("html").get_attribute("lang") == "en"
        assert phone.evaluate("getComputedStyle(document.body).fontFamily") != ""
    received = {path: size for path, size in log if size}  # 304s and cache hits send nothing
    assert "/en/thu-tuc/dang-ky-khai-sinh/" in received
    assert set(received) <= {"/en/thu-tuc/dang-ky-khai-sinh/", "/en/ma-qr/dang-ky-khai-sinh.svg"}
    assert sum(received.values()) <= 20_000  # bytes, gzip
