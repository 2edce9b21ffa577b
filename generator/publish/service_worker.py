"""The service worker that keeps pages a citizen has read available without signal.

It is written once, at the site's root (not per language), so that its scope covers every
language's pages, also when the site lives under a sub-path of a provincial portal. The
offline edition (file://) has none: browsers do not run service workers there.

The worker names its cache after a version: a hash of the site's theme files and of the
worker itself, so that a build that changes them installs a new worker, which drops the
files of the old one. Its page for "not saved and no signal" lists the saved pages in the
reader's language, with the words given here.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Mapping
from pathlib import Path

from generator.writer import write_file

SOURCE = Path(__file__).parent / "service_worker.js"
FILENAME = "sw.js"
ASSETS = "assets"  # the theme's files at the site root: what a new version must refresh
OFFLINE_KEYS = ("offline_title", "offline_lead", "offline_empty")


def _version(site_dir: Path, script: str) -> str:
    digest = hashlib.sha256(script.encode())
    for path in sorted((site_dir / ASSETS).rglob("*")):
        if path.is_file():
            digest.update(path.relative_to(site_dir).as_posix().encode() + b"\0")
            digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def write(site_dir: Path, texts: Mapping[str, Mapping[str, str]]) -> Path:
    """Write `sw.js` into the root of the built site and return its path.

    `texts` maps each language's folder ("" for the source language, "en/"...) to its
    `lang` code and the offline page's words (OFFLINE_KEYS without the `offline_` prefix).
    """
    words = json.dumps(texts, ensure_ascii=False, sort_keys=True)
    script = SOURCE.read_text(encoding="utf-8").replace("__TEXTS__", words)
    script = script.replace("__VERSION__", _version(site_dir, script))
    target = site_dir / FILENAME
    write_file(target, script.encode("utf-8"), durable=False)
    return target


def offline_texts(lang: str, t: Callable[[str], str]) -> dict[str, str]:
    """The offline page's words of one language, from its interface strings `t`."""
    return {"lang": lang, **{key.removeprefix("offline_"): t(key) for key in OFFLINE_KEYS}}
