"""Time `thutuc build --all` for several communes sharing the imported national catalog.

    .venv/bin/python -m benchmarks.build_communes [SRC_DIR] [COMMUNES]

Imports the national records into a temporary project, writes COMMUNES profiles (default 4)
that each publish a few categories, and builds them all with one worker, then with one
worker per core. Prints the summary tables and the wall-clock seconds of each run.
"""

from __future__ import annotations

import datetime
import os
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.province_catalog import NATIONAL_CANDIDATES
from generator.importer.run import import_national
from generator.mkdocs.multisite import build_all, summary

DEFAULT = NATIONAL_CANDIDATES[0]  # ../shared/national beside the repository
CATEGORY_SETS = (["ho-tich", "chung-thuc"], ["dang-ky-quan-ly-cu-tru", "cap-quan-ly-can-cuoc"],
                 ["dat-dai", "hoat-dong-xay-dung"], ["nguoi-co-cong", "giam-ngheo"])
MKDOCS = """\
site_name: Tỉnh thử
site_url: https://example.org/
theme: {name: material, language: vi, font: false}
plugins:
  - search
  - thutuc
"""


def main(source: Path, communes: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        (root / "docs").mkdir()
        (root / "mkdocs.yml").write_text(MKDOCS, encoding="utf-8")
        import_national(source, root / "procedures", datetime.date(2026, 11, 25))
        profiles = root / "profiles"
        profiles.mkdir()
        for number in range(communes):
            categories = CATEGORY_SETS[number % len(CATEGORY_SETS)]
            (profiles / f"xa-{number + 1:02d}.yml").write_text(
                f"name: UBND xã Thử {number + 1}\nsite_url: https://xa-{number + 1}.example.vn/\n"
                f"phone: \"0262 000 {number:03d}\"\ncategories: [{', '.join(categories)}]\n",
                encoding="utf-8")
        for jobs in (1, os.cpu_count() or 1):
            start = time.perf_counter()
            results = build_all(root / "mkdocs.yml", profiles, root / f"out-{jobs}", jobs)
            seconds = time.perf_counter() - start
            print(summary(results, root / f"out-{jobs}"))
            print(f"{communes} communes, {jobs} worker(s): {seconds:.1f} s wall clock\n")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT,
         int(sys.argv[2]) if len(sys.argv) > 2 else 4)
