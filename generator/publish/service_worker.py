"""The service worker that keeps pages a citizen has read available without signal.

It is written once, at the site's root (not per language), so that its scope covers every
language's pages, also when the site lives under a sub-path of a provincial portal. The
offline edition (file://) has none: browsers do not run service workers there.
"""

from __future__ import annotations

from pathlib import Path

from generator.writer import write_file

SOURCE = Path(__file__).parent / "service_worker.js"
FILENAME = "sw.js"


def write(site_dir: Path) -> Path:
    """Write `sw.js` into the root of the built site and return its path."""
    target = site_dir / FILENAME
    write_file(target, SOURCE.read_bytes(), durable=False)
    return target
