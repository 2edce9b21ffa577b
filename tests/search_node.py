"""Run the site's search code (generator/search/engine.js) in Node, from tests."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

HARNESS = Path(__file__).with_name("search_harness.js")


def _node(args: list[str], data: object) -> object:
    done = subprocess.run(["node", str(HARNESS), *args], input=json.dumps(data),
                          capture_output=True, text=True, check=True, timeout=120)
    return json.loads(done.stdout)


def js_words(texts: list[str]) -> list[list[list[str]]]:
    """For each text, its words as [fold, keep] pairs, as the browser computes them."""
    return _node(["fold"], texts)  # type: ignore[return-value]


def js_search(search_dir: Path, queries: list[str]) -> list[list[str]]:
    """For each query, the ids of the results (at most 10), best first."""
    return _node(["search", str(search_dir)], queries)  # type: ignore[return-value]


def js_count(search_dir: Path, queries: list[str]) -> list[int]:
    """For each query, how many pages it finds (the number the result list announces)."""
    return _node(["count", str(search_dir)], queries)  # type: ignore[return-value]
