"""The query suite: queries typed as people type them, over the sample catalog, in Chromium on
a phone. The right procedure must come first for at least 9 queries in 10."""

from __future__ import annotations

from pathlib import Path

from benchmarks.search_cost import suite_failures
from benchmarks.search_queries import QUERIES


def test_the_right_procedure_comes_first_for_nine_queries_in_ten(sample_site: Path, serve,
                                                                   phone) -> None:
    failures = suite_failures(phone, serve(sample_site))
    assert len(QUERIES) >= 40
    assert 1 - len(failures) / len(QUERIES) >= 0.9, "\n".join(failures)
