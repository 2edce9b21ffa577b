"""The `thutuc` command as an editor runs it: exit codes, messages, and a site never broken."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import FIXTURES, copy_project


def thutuc(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run([sys.executable, "-m", "generator", *args], cwd=project, env=env,
                          capture_output=True, text=True, timeout=300)


def tree_digest(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_check_passes_on_a_good_catalog(tmp_path: Path) -> None:
    result = thutuc(FIXTURES / "mini", "check")
    assert result.returncode == 0, result.stderr
    assert result.stdout == ("Danh mục hợp lệ: 3 thủ tục, 2 lĩnh vực, 1 bản dịch; "
                             "ngôn ngữ: vi, en, rad.\n")


def test_failed_build_keeps_the_previous_site_byte_for_byte(tmp_path: Path) -> None:
    project = copy_project(FIXTURES / "mini", tmp_path / "project")
    first = thutuc(project, "build")
    assert first.returncode == 0, first.stderr
    assert "Đã tạo trang web trong" in first.stdout and "3 thủ tục, 3 ngôn ngữ" in first.stdout
    before = tree_digest(project / "site")
    assert "thu-tuc/dang-ky-khai-sinh/index.html" in before

    broken = project / "procedures/ho-tich/dang-ky-khai-sinh.yml"
    broken.write_text(broken.read_text(encoding="utf-8").replace("updated: 2026-11-20",
                                                                 "updated: 20/11/2026"),
                      encoding="utf-8")
    second = thutuc(project, "build")
    assert second.returncode == 1
    assert "Traceback" not in second.stderr
    assert ("procedures/ho-tich/dang-ky-khai-sinh.yml:44: updated: ngày '20/11/2026' không "
            "hợp lệ.") in second.stderr
    assert tree_digest(project / "site") == before
    assert sorted(p.name for p in project.iterdir() if p.name.startswith(".site")) == []


def test_check_reports_every_problem_and_exits_1(tmp_path: Path) -> None:
    project = copy_project(FIXTURES / "mini", tmp_path / "project")
    (project / "procedures/chung-thuc/x.yml").write_text("id: X Y\ntitle: [a\n", encoding="utf-8")
    (project / "procedures/chung-thuc/y.yml").write_text("", encoding="utf-8")
    result = thutuc(project, "check")
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr.splitlines() == [
        "procedures/chung-thuc/x.yml:3: có dấu ngoặc chưa được đóng (ngoặc kép \", "
        "ngoặc đơn ', ngoặc vuông [ hoặc ngoặc nhọn {). Cách sửa: thêm dấu đóng ngoặc tương "
        "ứng ở cuối đoạn văn bản.",
        "procedures/chung-thuc/y.yml:1: tệp trống. Cách sửa: viết thủ tục vào tệp, hoặc xoá tệp.",
        "Tìm thấy 2 lỗi; chưa tạo trang nào.",
    ]


def test_mkdocs_build_reports_catalog_problems_without_traceback(tmp_path: Path) -> None:
    project = copy_project(FIXTURES / "mini", tmp_path / "project")
    (project / "procedures/chung-thuc/x.yml").write_text("id: x\n", encoding="utf-8")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q"], cwd=project,
                            env=env, capture_output=True, text=True, timeout=300)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "procedures/chung-thuc/x.yml:1: title: thiếu trường bắt buộc `title`." in result.stderr
