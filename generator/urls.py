"""Where each generated page lives, and relative links between pages.

Source paths (`thu-tuc/dang-ky-khai-sinh.md`) are the same in every language; a language's
pages sit under its own folder of the site (`en/`), the source language at the root.
Addresses come from ids only, so printed QR codes keep working.
"""

from __future__ import annotations

import hashlib
import posixpath
import re

HOME = "index.md"
CATEGORY_DIR = "linh-vuc"
PROCEDURE_DIR = "thu-tuc"
A_TO_Z = "tat-ca-thu-tuc.md"  # every procedure, A-Z: search without JavaScript
STAFF_SRC = "danh-cho-can-bo.md"  # the guides for commune staff, linked from the footer
RECORDINGS_DIR = "nghe"  # recorded guides, at the site root, shared by every language
FILES_DIR = "tep"
QR_DIR = "ma-qr"  # QR codes of procedure pages: <id>.svg, <id>.png
GLOSSARY_SRC = "thuat-ngu.md"  # the glossary page
POSTER_DIR = "niem-yet"  # printable posters <id>.html, counter sheets linh-vuc/<id>.html
EVENT_DIR = "su-kien"  # life-event pages
# Every name the site itself uses at the root of a language's folder or of the whole site:
# a language code may not take one (its folder would replace that folder). A test builds a
# site and checks that nothing else appears there.
SITE_ROOT_NAMES = frozenset({
    PROCEDURE_DIR, CATEGORY_DIR, FILES_DIR, QR_DIR, POSTER_DIR, EVENT_DIR,
    "thuat-ngu", A_TO_Z.removesuffix(".md"), STAFF_SRC.removesuffix(".md"), RECORDINGS_DIR,
    "search", "assets", "data", "index.html", "404.html", "sitemap.xml",
    "sitemap.xml.gz", "sw.js", "index", "404", "sitemap",
})

# Files named after a hash of their content never change under their name, so that any cache
# may keep them for ever: the search files (`search/s<hash>.js`, search/index.py) and the
# theme's stylesheets, scripts and icons at the site root (`assets/thutuc.<hash>.css`,
# mkdocs/theme_setup.py). HASHED_FILE recognises them in a path from the site root; the
# service worker (publish/service_worker.js) and the deployment samples (docs/mau-trien-khai/)
# state the same rule in their own languages, and tests/test_one_build.py checks on a built
# site that all of them pick the same files.
HASH_DIGITS = 12
HASHED_FILE = re.compile(
    rf"^(?:assets/(?:[^/]+/)*[^/]+\.|search/[a-z]+)[0-9a-f]{{{HASH_DIGITS}}}\.[a-z0-9]+$")


def content_hash(content: bytes) -> str:
    """The part of a file's name that changes whenever its content does."""
    return hashlib.sha256(content).hexdigest()[:HASH_DIGITS]


def hashed_path(path: str, content: bytes) -> str:
    """`path` with the hash of `content` before its extension: `assets/thutuc.<hash>.css`."""
    stem, extension = posixpath.splitext(path)
    return f"{stem}.{content_hash(content)}{extension}"


def procedure_src(procedure_id: str) -> str:
    return f"{PROCEDURE_DIR}/{procedure_id}.md"


def category_src(category_id: str) -> str:
    return f"{CATEGORY_DIR}/{category_id}.md"


def qr_path(procedure_id: str, extension: str) -> str:
    """Where the QR code of a procedure's page is, within its language's folder."""
    return f"{QR_DIR}/{procedure_id}.{extension}"


def poster_path(procedure_id: str) -> str:
    return f"{POSTER_DIR}/{procedure_id}.html"


def sheet_path(category_id: str) -> str:
    """The counter sheet (all codes of one category) within its language's folder."""
    return f"{POSTER_DIR}/{CATEGORY_DIR}/{category_id}.html"


def page_url(src: str, directory_urls: bool) -> str:
    """The URL of a page relative to its language's root, as MkDocs computes it."""
    stem = src.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        folder = stem.removesuffix("index")
        return folder if directory_urls else f"{folder}index.html"
    return f"{stem}/" if directory_urls else f"{stem}.html"


def relative(from_url: str, to_url: str) -> str:
    """A link from the page at `from_url` to `to_url` (both relative to the same root)."""
    base = posixpath.dirname(from_url) if not from_url.endswith("/") else from_url.rstrip("/")
    target = _relpath(to_url or ".", base or ".")
    if (to_url.endswith("/") or not to_url) and not target.endswith("/"):  # "" is the root
        target += "/"
    return "./" if target in (".", "./") else target


def _relpath(path: str, start: str) -> str:
    """`posixpath.relpath(path, start)` for two paths from the same root, without asking the
    operating system for the working directory (relpath does, on every call)."""
    parts = [part for part in posixpath.normpath(path).split("/") if part != "."]
    base = [part for part in posixpath.normpath(start).split("/") if part != "."]
    if ".." in base:  # a start above the root: only the working directory can say where
        return posixpath.relpath(path, start)
    common = 0
    for mine, theirs in zip(parts, base, strict=False):
        if mine != theirs:
            break
        common += 1
    return "/".join([".."] * (len(base) - common) + parts[common:]) or "."


def language_prefix(lang: str, source_lang: str) -> str:
    """The folder of a language's pages within the whole site: '' or 'en/'."""
    return "" if lang == source_lang else f"{lang}/"
