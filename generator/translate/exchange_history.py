"""The Vietnamese a stale translation was made from, found in the catalog's git history.

An overlay's stamp keeps only fingerprints of the source text. Poedit and Weblate show a
translator what changed when a fuzzy entry carries the old text as `#| msgid`, so for each
stale text the export looks through the procedure file's recent commits for the version
whose text has the stamped fingerprint. Without git, or when no version matches, the entry
has no `#|` line (the translator still sees the entry as fuzzy).
"""

from __future__ import annotations

import subprocess
from pathlib import Path

from generator.load.field_reader import FieldReader
from generator.load.procedures import read_procedure
from generator.load.yaml_reader import parse_yaml
from generator.problems import Problems
from generator.translate.field_paths import (
    Leaf,
    field_fingerprints,
    field_of,
    leaf_fingerprints,
    source_leaves,
    whole_fingerprint,
)

COMMITS = 40  # how far back to look: translations older than that are redone anyway
TIMEOUT = 20  # seconds for one git command


def previous_texts(project_root: Path, source_file: str,
                   wanted: dict[str, str]) -> dict[str, Leaf]:
    """For stale paths (path -> the fingerprint they were translated from), the text."""
    found: dict[str, Leaf] = {}
    if not wanted:
        return found
    commits = _git(project_root, "log", f"-n{COMMITS}", "--format=%H", "--", source_file)
    for commit in (commits or "").split():
        text = _git(project_root, "show", f"{commit}:./{source_file}")
        if text is None:
            continue
        problems = Problems()
        data = parse_yaml(text, source_file, problems)
        old = read_procedure(data, FieldReader(source_file, problems), project_root) \
            if data is not None else None
        if old is None:
            continue
        leaves, leaf_marks = source_leaves(old), leaf_fingerprints(old)
        marks = {*field_fingerprints(old).items()}
        whole = whole_fingerprint(old)
        for path, mark in wanted.items():
            if path in found or path not in leaves:
                continue
            if mark in (leaf_marks[path], whole) or (field_of(path), mark) in marks:
                found[path] = leaves[path]
        if len(found) == len(wanted):
            break
    return found


def _git(root: Path, *args: str) -> str | None:
    try:
        done = subprocess.run(["git", "-C", str(root), *args], capture_output=True,  # noqa: S603, S607
                              text=True, timeout=TIMEOUT, check=False)
    except (OSError, subprocess.SubprocessError):
        return None
    return done.stdout if done.returncode == 0 else None
