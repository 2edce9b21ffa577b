"""Every file the tool writes reads the same in PyYAML (YAML 1.1) and ruamel.yaml (YAML 1.2).

VS Code's YAML extension reads YAML 1.2: a fingerprint `74234e98` written plain is the
number 7.4e+102 there. The files `thutuc import national`, `translations stamp` and
`translations import` write, and the repository's own catalog, must mean one thing in both.
"""

from __future__ import annotations

import csv
import datetime
import io
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml
from ruamel.yaml import YAML

from generator.cli.main import main
from generator.importer.run import import_national
from generator.yaml_text import needs_quotes
from tests.conftest import NATIONAL, ROOT
from tests.langproject import procedure, write_project

YAML12 = YAML(typ="safe", pure=True)  # YAML 1.2, as VS Code's extension reads


def disagreements(path: Path) -> list[str]:
    """Where PyYAML and a YAML 1.2 reader read `path` differently (key paths)."""
    text = path.read_text(encoding="utf-8")
    found: list[str] = []

    def compare(one: Any, two: Any, at: str) -> None:
        if isinstance(one, dict) and isinstance(two, dict) and one.keys() == two.keys():
            for key in one:
                compare(one[key], two[key], f"{at}.{key}")
        elif isinstance(one, list) and isinstance(two, list) and len(one) == len(two):
            for index, (a, b) in enumerate(zip(one, two, strict=True)):
                compare(a, b, f"{at}[{index}]")
        elif one != two or type(one) is not type(two):
            found.append(f"{path.name}{at}: {one!r} / {two!r}")

    compare(yaml.safe_load(text), YAML12.load(text), "")
    return found


@pytest.mark.parametrize("text", ["74234e98", "12345678", "00123456", "1.001190", "2026-11-25",
                                  "true", "null", "~", "", "0x1f", "1e3", ".inf", "-5"])
def test_words_that_change_meaning_are_quoted(text: str) -> None:
    assert needs_quotes(text)
    dumped = yaml.dump({"k": text}, Dumper=yaml.SafeDumper)
    assert YAML12.load(dumped)["k"] == text or needs_quotes(text)


@pytest.mark.parametrize("text", ["abcdef12", "Đăng ký khai sinh", "1:30", "no", "5 ngày"])
def test_plain_text_stays_plain(text: str) -> None:
    assert not needs_quotes(text)


def test_the_repositorys_catalog_and_profiles_read_the_same() -> None:
    files = [*sorted((ROOT / "procedures").rglob("*.yml")),
             *sorted((ROOT / "profiles").glob("*.yml"))]
    assert files
    assert [d for path in files for d in disagreements(path)] == []


@pytest.mark.skipif(not NATIONAL.is_dir(), reason="national records not present")
def test_imported_files_read_the_same(tmp_path: Path) -> None:
    source = tmp_path / "source"
    shutil.copytree(NATIONAL / "bo-tu-phap", source / "bo-tu-phap")
    out = tmp_path / "procedures"
    import_national(source, out, datetime.date(2026, 11, 25))
    files = sorted(out.rglob("*.yml"))
    assert len(files) > 50
    assert [d for path in files for d in disagreements(path)] == []
    # The import's dates are text in both readers, and the catalog accepts them.
    data = yaml.safe_load(next(p for p in files if p.parent != out).read_text("utf-8"))
    assert data["updated"] == "2026-11-25" and data["provenance"]["imported"] == "2026-11-25"


def test_stamped_and_imported_translations_read_the_same(tmp_path: Path) -> None:
    root = write_project(tmp_path / "p", [("vi", "Tiếng Việt"), ("en", "English")],
                         [procedure("mot"), procedure("hai")],
                         {("mot", "en"): {"status": "draft", "title": "One"}})
    config = str(root / "mkdocs.yml")
    assert main(["translations", "-f", config, "stamp"]) == 0
    exported = tmp_path / "en.csv"
    assert main(["translations", "-f", config, "export", "--lang", "en", "-o",
                 str(exported)]) == 0
    table = list(csv.reader(io.StringIO(exported.read_text(encoding="utf-8-sig"))))
    for row in table[1:]:
        row[4] = row[4] or "2026"  # a translation that YAML would read as a number
    buffer = io.StringIO()
    csv.writer(buffer).writerows(table)
    exported.write_text(buffer.getvalue(), encoding="utf-8")
    assert main(["translations", "-f", config, "import", str(exported)]) == 0
    overlays = sorted((root / "procedures").rglob("*.en.yml"))
    assert len(overlays) == 2
    assert [d for path in overlays for d in disagreements(path)] == []
