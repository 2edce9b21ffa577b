"""Time `thutuc import national` on the national records, then a no-change re-import.

    .venv/bin/python -m benchmarks.import_national [SRC_DIR]

Prints records, files written, seconds for the first import, the re-import and the catalog
check of the result. Numbers only; tests do not time anything.
"""

from __future__ import annotations

import datetime
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.province_catalog import NATIONAL_CANDIDATES
from generator.importer.run import import_national
from generator.load.catalog import load_catalog

DEFAULT = NATIONAL_CANDIDATES[0]  # ../shared/national beside the repository


def main(source: Path) -> None:
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "procedures"
        day = datetime.date(2026, 11, 25)
        start = time.perf_counter()
        report = import_national(source, out, day)
        first = time.perf_counter() - start
        start = time.perf_counter()
        again = import_national(source, out, day)
        second = time.perf_counter() - start
        start = time.perf_counter()
        catalog = load_catalog(out, Path(folder))
        check = time.perf_counter() - start
        size = sum(p.stat().st_size for p in out.rglob("*.yml"))
        noted = sum(1 for r in report.records if r.lines)
        print(f"records: {len(report.records)}, procedures: {len(catalog.procedures)}, "
              f"categories: {len(catalog.categories)}, with unread parts: {noted}")
        print(f"first import: {first:.2f} s, re-import (unchanged "
              f"{again.count('không đổi')}): {second:.2f} s, check: {check:.2f} s, "
              f"YAML written: {size / 1e6:.1f} MB")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT)
