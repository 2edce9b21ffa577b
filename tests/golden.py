"""Golden files: expected output kept beside the tests, regenerated with UPDATE_GOLDEN=1.

    UPDATE_GOLDEN=1 .venv/bin/pytest tests/test_render_golden.py   # then review `git diff`
"""

from __future__ import annotations

import os
from pathlib import Path

GOLDEN = Path(__file__).resolve().parent / "golden"


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
