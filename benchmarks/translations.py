"""How long the translators' commands take on a large catalog (prints numbers).

    .venv/bin/python -m benchmarks.translations [PROCEDURES]

Writes a catalog of PROCEDURES (default 2,000) procedures with English and Ê Đê overlays for
half of them into a temporary folder, then times: loading the site, the status report
(`translations --json`), an English CSV and PO export, importing the CSV back (no changes), and
stamping every overlay.
"""

from __future__ import annotations

import contextlib
import io
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import yaml

from generator.cli.main import main


def _write(path: Path, data: Any) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def make_project(root: Path, count: int) -> Path:
    (root / "docs").mkdir(parents=True)
    _write(root / "mkdocs.yml", {
        "site_name": "Bench", "site_url": "https://example.org/",
        "theme": {"name": "material", "language": "vi", "font": False},
        "plugins": [{"thutuc": {"profile": {"name": "UBND xã Thử"}, "languages": [
            {"code": "vi", "name": "Tiếng Việt"}, {"code": "en", "name": "English"},
            {"code": "rad", "name": "Êđê"}]}}]})
    _write(root / "procedures/categories.yml", [{"id": "ho-tich", "name": "Hộ tịch"}])
    for index in range(count):
        pid = f"thu-tuc-{index:05d}"
        _write(root / f"procedures/ho-tich/{pid}.yml", {
            "id": pid, "title": f"Thủ tục số {index}", "category": "ho-tich",
            "summary": "Làm giấy tờ hộ tịch tại Ủy ban nhân dân cấp xã.",
            "documents": [{"name": f"Giấy tờ {i}", "originals": 1} for i in range(4)],
            "steps": [{"title": f"Bước {i}", "text": "Nộp hồ sơ tại bộ phận một cửa."}
                      for i in range(4)],
            "duration": "Ngay trong ngày làm việc", "result": "Giấy chứng nhận",
            "updated": "2026-11-20"})
        if index % 2 == 0:
            for lang in ("en", "rad"):
                _write(root / f"procedures/ho-tich/{pid}.{lang}.yml", {
                    "status": "draft", "title": f"[{lang}] procedure {index}",
                    "steps": [{"title": f"[{lang}] step {i}"} for i in range(4)]})
    return root


def run() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
    with tempfile.TemporaryDirectory() as temp:
        project = make_project(Path(temp) / "p", count)
        config = str(project / "mkdocs.yml")
        out = Path(temp)
        print(f"{count} procedures, {count} overlays (en, rad)")
        steps: list[tuple[str, list[str]]] = [
            ("check (load the catalog)", ["check", "-f", config]),
            ("translations --json", ["translations", "-f", config, "--json"]),
            ("translations (table)", ["translations", "-f", config]),
            ("export --lang en (csv)", ["translations", "-f", config, "export", "--lang", "en",
                                        "-o", str(out / "en.csv")]),
            ("export --lang en (po)", ["translations", "-f", config, "export", "--lang", "en",
                                       "-o", str(out / "en.po")]),
            ("import en.csv (no changes)", ["translations", "-f", config, "import",
                                            str(out / "en.csv")]),
            ("stamp (every overlay)", ["translations", "-f", config, "stamp"]),
        ]
        for label, argv in steps:
            start = time.perf_counter()
            with contextlib.redirect_stdout(io.StringIO()):
                code = main(argv)
            print(f"{label:<28} {time.perf_counter() - start:7.2f} s  (exit {code})", flush=True)
        print(f"en.csv {(out / 'en.csv').stat().st_size // 1024} KB, "
              f"en.po {(out / 'en.po').stat().st_size // 1024} KB")


if __name__ == "__main__":
    run()
