"""The benchmark runs end to end on a tiny catalog (numbers are not checked: tests don't time)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import yaml

from generator.load.catalog import load_catalog
from tests.conftest import ROOT


def test_benchmark_runs_on_a_tiny_catalog(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "run.py"), "--procedures", "20",
         "--languages", "2", "--skip-serve", "--work-dir", str(tmp_path)],
        capture_output=True, text=True, timeout=900, cwd=tmp_path,  # a shared machine
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    assert result.returncode == 0, result.stderr
    for row in ("thutuc build: wall time", "plain MkDocs + Material: wall time",
                "ratio wall time, first build (ours / plain; target <= 0.8)"):
        assert row in result.stdout
    # 20 procedures x 2 languages on both sides, and the pseudo-translations are drafts.
    assert len(list((tmp_path / "site" / "thu-tuc").glob("*/index.html"))) == 20
    assert len(list((tmp_path / "reference" / "en" / "site" / "thu-tuc").glob("*/"))) == 20
    catalog = load_catalog(tmp_path / "project" / "procedures", tmp_path / "project")
    assert {overlay.status for overlay in catalog.overlays} == {"draft"}
    overlay = yaml.safe_load(next((tmp_path / "project").rglob("*.en.yml")).read_text("utf-8"))
    assert overlay["translator"] == "benchmark pseudo-translation"
    assert overlay["title"].startswith("[PSEUDO-en] ")
