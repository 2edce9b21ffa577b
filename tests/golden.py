"""Golden files: expected output kept beside the tests, regenerated with UPDATE_GOLDEN=1.

    UPDATE_GOLDEN=1 .venv/bin/pytest tests/test_render_golden.py   # then review `git diff`
"""

from __future__ import annotations

import os
import re
from pathlib import Path

GOLDEN = Path(__file__).resolve().parent / "golden"
# A theme file's published name holds the hash of its content (assets/thutuc.<hash>.css):
# golden files show it as `.HASH.`, so that a change of the stylesheet changes no page's
# golden file (tests/test_one_build.py checks the names against the files' content).
_THEME_HASH = re.compile(r"(\bassets/(?:[\w.-]+/)*[\w-]+)\.[0-9a-f]{12}\.")


def theme_hashes_hidden(text: str) -> str:
    """`text` with the hashes of theme files' names replaced by HASH."""
    return _THEME_HASH.sub(r"\1.HASH.", text)


def check_golden(name: str, actual: str) -> None:
    """Compare `actual` with the golden file `name`, or rewrite it when UPDATE_GOLDEN is set."""
    path = GOLDEN / name
    if os.environ.get("UPDATE_GOLDEN"):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(actual, encoding="utf-8")
        return
    assert path.is_file(), f"missing golden file {path}; run with UPDATE_GOLDEN=1 and review"
    expected = path.read_text(encoding="utf-8")
    assert actual == expected, f"{name} differs from its golden file (UPDATE_GOLDEN=1 to accept)"
