"""Every broken catalog of the corpus is refused with its exact message, never a traceback."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from generator.cli import main as cli
from tests.bad_catalogs.base import BASE, Case
from tests.bad_catalogs.cases import CASES

SUMMARY = "Tìm thấy {} lỗi; chưa tạo trang nào."


def expected_output(case: Case) -> list[str]:
    return [*case.expected, SUMMARY.format(len(case.expected))]


def test_corpus_is_large_and_distinct() -> None:
    assert len(CASES) >= 40
    assert len({case.name for case in CASES}) == len(CASES)
    assert all(case.expected for case in CASES), "every case names at least one problem"


def test_base_project_is_valid(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config = Case("base", {}, []).write(tmp_path / "base")
    assert cli.main(["check", "-f", str(config)]) == 0
    assert "2 thủ tục, 2 lĩnh vực, 1 bản dịch" in capsys.readouterr().out


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.name)
def test_check_names_file_line_and_fix(case: Case, tmp_path: Path,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    config = case.write(tmp_path / "project")
    assert cli.main(["check", "-f", str(config)]) == 1
    captured = capsys.readouterr()
    assert captured.err.splitlines() == expected_output(case)
    assert "Traceback" not in captured.err + captured.out
    for line in case.expected:
        file, _, rest = line.partition(":")
        assert file in {*BASE, *case.files}
        if file != "procedures/categories.yml" or "không tìm thấy" not in rest:
            assert rest.split(":", 1)[0].isdigit(), f"no line number in {line!r}"


SUBPROCESS_SAMPLE = ("alias-bomb", "deep-nesting", "python-tag", "cp1258-bytes",
                     "form-symlink-out", "overlay-list-length", "unclosed-double-quote",
                     "duplicate-id-across-files")


@pytest.mark.site  # a process each: about 1.5 s of CPU apiece, so not in the fast loop
@pytest.mark.parametrize("name", SUBPROCESS_SAMPLE)
def test_real_cli_refuses_quickly(name: str, tmp_path: Path) -> None:
    case = next(case for case in CASES if case.name == name)
    config = case.write(tmp_path / "project")
    result = subprocess.run([sys.executable, "-m", "generator", "check", "-f", str(config)],
                            capture_output=True, text=True, timeout=60,
                            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    assert result.returncode == 1
    assert result.stderr.splitlines() == expected_output(case)
    assert result.stdout == ""
