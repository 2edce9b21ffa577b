"""Write translation overlays back to disk: readable Unicode, deterministic, careful with edits.

`stamp` changes only the `source:` block of a file and leaves every other byte as it was;
`import` rewrites a file it changes from its data (keeping the comment lines at the top).
Files are written through `generator.writer`, so a crash never leaves half a file.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

from generator.translate.field_paths import order
from generator.yaml_text import dump_yaml


def overlay_text(status: str, translator: str, stamp: dict[str, str],
                 fields: dict[str, object], header: str = "",
                 suggestions: dict[str, str | tuple[str, ...]] | None = None) -> str:
    """The whole text of an overlay file, fields in page order (suggestions before them)."""
    data: dict[str, Any] = {"status": status}
    if translator:
        data["translator"] = translator
    if stamp:
        data["source"] = dict(stamp)
    if suggestions:
        data["suggestions"] = {path: list(text) if isinstance(text, tuple) else text
                               for path, text in suggestions.items()}
    for field in order():
        value = fields.get(field)
        if isinstance(value, tuple):
            data[field] = [dict(v) if isinstance(v, dict) else v for v in value]
        elif value:
            data[field] = value
    return header + dump_yaml(data)


def header_comments(text: str) -> str:
    """The comment (and blank) lines a file starts with, to keep them on rewrite."""
    lines = []
    for line in text.splitlines(keepends=True):
        if line.strip() and not line.lstrip().startswith("#"):
            break
        lines.append(line)
    return "".join(lines)


_TOP_KEY = re.compile(r"^[^\s#-][^:]*:")
# Only to compare a file before and after an edit: libyaml's loader is many times faster.
_FAST_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def with_stamp(text: str, stamp: dict[str, str]) -> str:
    """`text` with its top-level `source:` replaced by `stamp` (inserted after `status:` or
    `translator:` when absent); everything else unchanged. Falls back to a full rewrite when
    the file's layout makes a text edit unsafe."""
    block = dump_yaml({"source": dict(stamp)})
    lines = text.splitlines(keepends=True)
    if lines and not lines[-1].endswith("\n"):
        lines[-1] += "\n"
    start = next((i for i, line in enumerate(lines) if line.startswith("source:")), None)
    if start is not None:
        end = start + 1
        while end < len(lines) and not _TOP_KEY.match(lines[end]) and \
                not lines[end].startswith("#"):
            end += 1
        while end > start + 1 and not lines[end - 1].strip():
            end -= 1  # blank lines before the next key stay
        edited = "".join(lines[:start]) + block + "".join(lines[end:])
    else:
        after = [i for i, line in enumerate(lines) if line.startswith(("status:", "translator:"))]
        at = after[-1] + 1 if after else len(header_comments(text).splitlines())
        edited = "".join(lines[:at]) + block + "".join(lines[at:])
    if _same_but_source(text, edited, stamp):
        return edited
    data = yaml.load(text, Loader=_FAST_LOADER) or {}  # noqa: S506 - a safe loader
    data["source"] = dict(stamp)
    return header_comments(text) + dump_yaml(data)


def _same_but_source(before: str, after: str, stamp: dict[str, str]) -> bool:
    try:
        old = yaml.load(before, Loader=_FAST_LOADER) or {}  # noqa: S506 - a safe loader
        new = yaml.load(after, Loader=_FAST_LOADER) or {}  # noqa: S506 - a safe loader
    except yaml.YAMLError:
        return False
    if not isinstance(old, dict) or not isinstance(new, dict):
        return False
    old.pop("source", None)
    return new.pop("source", None) == stamp and old == new and list(old) == list(new)
